//! Property tests: the matcher against a brute-force scan over the original records, written
//! independently of the compiled masks.

use std::collections::BTreeMap;

use carematch_domain::geo::EARTH_RADIUS_M;
use carematch_domain::plan::{
    DateNeed, HoursNeed, LanguageNeed, Priority, RateNeed, ScheduleNeed, SupportPlan,
};
use carematch_domain::provider::ServiceArea;
use carematch_domain::schedule::WeekMask;
use carematch_domain::vocabulary::{
    CheckKind, Cuisine, DietaryLaw, Experience, Faith, FaithPractice, Gender, Language,
    Proficiency, Service, Weekday,
};
use carematch_domain::{AgencyId, Carer, Check, GeoPoint, Km, LanguageSkill, Provider, RatePence};
use carematch_matching::{
    BLOCK, CandidateKind, CompiledPlan, CriterionId, CriterionOutcome, HotColumns, KindFilter,
    MatchOptions, MatchOutcome, MatchWeights, Matcher, Roster, Viewer, match_plan,
};
use chrono::{Days, NaiveDate};
use geo::{Contains, LineString, Point, Polygon};
use proptest::prelude::*;

use super::brute_v2;
use super::support::{
    Rng, carer, confirmed_on, date, leicester, need, plan, point, provider, slot, today,
};

const LANGS: [Language; 8] = [
    Language::Yue,
    Language::Cmn,
    Language::Zho,
    Language::Hak,
    Language::Syl,
    Language::Ben,
    Language::Eng,
    Language::Urd,
];
const CUISINES: [Cuisine; 4] = [
    Cuisine::Cantonese,
    Cuisine::Punjabi,
    Cuisine::Bengali,
    Cuisine::Caribbean,
];
const DIETS: [DietaryLaw; 3] = [
    DietaryLaw::Halal,
    DietaryLaw::Vegetarian,
    DietaryLaw::NoPork,
];
const PRACTICES: [FaithPractice; 3] = [
    FaithPractice::PrayerTimes,
    FaithPractice::Fasting,
    FaithPractice::SameGenderPersonalCare,
];
const SERVICES: [Service; 4] = [
    Service::PersonalCare,
    Service::MealPreparation,
    Service::Companionship,
    Service::Shopping,
];
const EXPERIENCE: [Experience; 3] = [
    Experience::Dementia,
    Experience::Stroke,
    Experience::MentalHealth,
];
const FAITHS: [Faith; 4] = [
    Faith::Muslim,
    Faith::Buddhist,
    Faith::Christian,
    Faith::Sikh,
];
const GENDERS: [Gender; 2] = [Gender::Female, Gender::Male];
const LEVELS: [Proficiency; 4] = [
    Proficiency::Basic,
    Proficiency::Conversational,
    Proficiency::Fluent,
    Proficiency::Native,
];

#[derive(Debug, Clone)]
pub enum Record {
    Carer(Carer),
    Provider(Provider),
}

impl Record {
    pub fn kind(&self) -> CandidateKind {
        match self {
            Self::Carer(_) => CandidateKind::Carer,
            Self::Provider(_) => CandidateKind::Provider,
        }
    }
    pub fn id(&self) -> i64 {
        match self {
            Self::Carer(c) => c.id.0,
            Self::Provider(p) => p.id.0,
        }
    }
    /// Whether `viewer` holds this record: the agency that vouches for a carer, or an admin
    /// (docs/api.md, "Privacy model"); written out here, not taken from `Viewer::holds`.
    fn held_by(&self, viewer: Viewer) -> bool {
        match (self, viewer) {
            (Self::Carer(_), Viewer::Admin) => true,
            (Self::Carer(c), Viewer::Agency(agency)) => c.agency_id == agency,
            _ => false,
        }
    }
    /// Where `viewer` may measure the record from: a carer's public cell unless it holds it.
    pub fn location_for(&self, viewer: Viewer) -> GeoPoint {
        match self {
            Self::Carer(c) if self.held_by(viewer) => c.location,
            Self::Carer(c) => c.location.public_cell(),
            Self::Provider(p) => p.location,
        }
    }
}

fn near(rng: &mut Rng, centre: GeoPoint, spread_deg: f64) -> GeoPoint {
    point(
        centre.lat + rng.range(-spread_deg, spread_deg) * 0.6,
        centre.lon + rng.range(-spread_deg, spread_deg),
    )
}

fn random_slots(rng: &mut Rng, n: usize) -> Vec<carematch_domain::Slot> {
    let times = [
        "06:00", "07:30", "08:00", "09:00", "09:45", "11:00", "12:00", "14:00", "17:00", "20:00",
        "22:00",
    ];
    let mut slots = Vec::new();
    for _ in 0..n {
        let day = rng.pick(Weekday::ALL);
        if rng.chance(0.2) {
            slots.push(slot(
                day,
                "22:00",
                rng.pick(&["06:00", "07:00", "08:00"]),
                true,
            ));
        } else {
            let a = rng.below(times.len() - 1);
            let b = a + 1 + rng.below(times.len() - 1 - a);
            slots.push(slot(day, times[a], times[b], false));
        }
    }
    slots
}

fn random_checks(rng: &mut Rng) -> Vec<Check> {
    let mut checks = Vec::new();
    for kind in [CheckKind::DbsEnhanced, CheckKind::FirstAid] {
        if rng.chance(0.7) {
            let offset = rng.below(400) as i64 - 200;
            let expires_on = if offset >= 0 {
                today().checked_add_days(Days::new(offset as u64))
            } else {
                today().checked_sub_days(Days::new((-offset) as u64))
            }
            .expect("date");
            checks.push(Check {
                kind,
                expires_on,
                reference: None,
            });
        }
    }
    checks
}

fn shift(days: i64) -> NaiveDate {
    if days >= 0 {
        today().checked_add_days(Days::new(days as u64))
    } else {
        today().checked_sub_days(Days::new((-days) as u64))
    }
    .expect("date")
}

pub fn random_carer(rng: &mut Rng, id: i64, centre: GeoPoint, spread_deg: f64) -> Carer {
    let mut c = carer(id, near(rng, centre, spread_deg));
    let d = &mut c.details;
    d.given_name = format!("Carer{id}");
    d.family_name = "Example".to_owned();
    d.gender = rng.pick(&GENDERS);
    let mut languages: Vec<Language> = rng.subset(&LANGS, 0.3);
    if languages.is_empty() {
        languages.push(rng.pick(&LANGS));
    }
    d.languages = languages
        .into_iter()
        .map(|code| LanguageSkill {
            code,
            proficiency: rng.pick(&LEVELS),
            reads: false,
            writes: false,
        })
        .collect();
    d.cuisines = rng.subset(&CUISINES, 0.4);
    d.dietary_laws = rng.subset(&DIETS, 0.4);
    d.faith = if rng.chance(0.6) {
        Some(rng.pick(&FAITHS))
    } else {
        None
    };
    d.faith_public_consent = rng.chance(0.5);
    d.faith_practices = rng.subset(&PRACTICES, 0.5);
    d.services = rng.subset(&SERVICES, 0.6);
    d.experience = rng.subset(&EXPERIENCE, 0.4);
    d.checks = random_checks(rng);
    let n = rng.below(5);
    d.availability = random_slots(rng, n);
    d.hours_per_week = rng.below(41) as u8;
    // Capacity: mostly taking new clients, some full, some confirmed long enough ago to lapse,
    // some never confirmed (which never lapses).
    d.accepting_new_clients = rng.chance(0.85);
    d.accepting_confirmed_on = if rng.chance(0.5) {
        None
    } else {
        Some(shift(-(rng.below(150) as i64)))
    };
    d.available_from = shift(rng.below(120) as i64 - 60);
    d.last_confirmed_on = confirmed_on(rng, today());
    d.travel_radius_km = Km::new(rng.range(1.0, 40.0)).expect("km");
    d.hourly_rate = RatePence::new(1000 + rng.below(1000) as i64).expect("rate");
    d.public_listing_consent = rng.chance(0.7);
    c.agency_id = AgencyId(1 + rng.below(3) as i64);
    brute_v2::carer_fields(rng, &mut c);
    c
}

pub fn random_provider(rng: &mut Rng, id: i64, centre: GeoPoint, spread_deg: f64) -> Provider {
    let mut p = provider(id, near(rng, centre, spread_deg));
    let base = p.location;
    let d = &mut p.details;
    d.name = format!("Provider {id}");
    d.staff_languages = rng.subset(&LANGS, 0.3);
    if d.staff_languages.is_empty() {
        d.staff_languages.push(Language::Eng);
    }
    d.cuisines = rng.subset(&CUISINES, 0.4);
    d.dietary_laws = rng.subset(&DIETS, 0.4);
    d.faith_practices = rng.subset(&PRACTICES, 0.5);
    d.services = rng.subset(&SERVICES, 0.6);
    d.experience = rng.subset(&EXPERIENCE, 0.4);
    d.checks = random_checks(rng);
    d.service_area = if rng.chance(0.4) {
        let (w, h) = (rng.range(0.05, 0.4), rng.range(0.05, 0.3));
        let ring = |cx: f64, cy: f64, w: f64, h: f64| {
            vec![
                [cx - w, cy - h],
                [cx + w, cy - h],
                [cx + w, cy + h],
                [cx - w, cy + h],
                [cx - w, cy - h],
            ]
        };
        let mut rings = vec![ring(base.lon, base.lat, w, h)];
        if rng.chance(0.5) {
            rings.push(ring(base.lon + w / 3.0, base.lat, w / 4.0, h / 2.0));
        }
        ServiceArea::Polygon { coordinates: rings }
    } else {
        ServiceArea::Radius {
            km: Km::new(rng.range(2.0, 40.0)).expect("km"),
        }
    };
    d.accepting_new_clients = rng.chance(0.8);
    d.accepting_confirmed_on = shift(-(rng.below(150) as i64));
    d.last_confirmed_on = confirmed_on(rng, today());
    let n = rng.below(3);
    d.opening_hours = random_slots(rng, n);
    d.hourly_rate = if rng.chance(0.7) {
        Some(RatePence::new(1000 + rng.below(1000) as i64).expect("rate"))
    } else {
        None
    };
    brute_v2::provider_fields(rng, &mut p);
    p
}

fn priority(rng: &mut Rng) -> Priority {
    if rng.chance(0.5) {
        Priority::Required
    } else {
        Priority::Preferred
    }
}

pub fn random_plan(rng: &mut Rng) -> SupportPlan {
    let mut p = plan(rng.range(2.0, 30.0));
    p.location = Some(near(rng, leicester(), 0.1));
    let mut langs = LANGS.to_vec();
    rng.shuffle(&mut langs);
    p.languages = langs[..rng.below(3)]
        .iter()
        .map(|code| LanguageNeed {
            code: *code,
            min_proficiency: rng.pick(&LEVELS),
            reads: false,
            writes: false,
            priority: priority(rng),
        })
        .collect();
    p.cuisines = rng
        .subset(&CUISINES, 0.2)
        .into_iter()
        .map(|c| need(c, priority(rng)))
        .collect();
    p.dietary_laws = rng
        .subset(&DIETS, 0.2)
        .into_iter()
        .map(|c| need(c, priority(rng)))
        .collect();
    p.faith_practices = rng
        .subset(&PRACTICES, 0.2)
        .into_iter()
        .map(|c| need(c, priority(rng)))
        .collect();
    p.services = rng
        .subset(&SERVICES, 0.3)
        .into_iter()
        .map(|c| need(c, priority(rng)))
        .collect();
    p.experience = rng
        .subset(&EXPERIENCE, 0.2)
        .into_iter()
        .map(|c| need(c, priority(rng)))
        .collect();
    if rng.chance(0.3) {
        p.shared_faith = Some(need(rng.pick(&FAITHS), priority(rng)));
    }
    if rng.chance(0.3) {
        p.carer_gender = Some(need(rng.pick(&GENDERS), priority(rng)));
    }
    if rng.chance(0.5) {
        let n = 1 + rng.below(2);
        p.schedule = Some(ScheduleNeed {
            slots: random_slots(rng, n),
            priority: priority(rng),
        });
    }
    if rng.chance(0.3) {
        p.hours_per_week = Some(HoursNeed {
            hours: 1 + rng.below(30) as u8,
            priority: priority(rng),
        });
    }
    if rng.chance(0.3) {
        p.max_hourly_rate = Some(RateNeed {
            max: RatePence::new(1200 + rng.below(800) as i64).expect("rate"),
            priority: priority(rng),
        });
    }
    if rng.chance(0.3) {
        p.needed_by = Some(DateNeed {
            date: shift(rng.below(60) as i64),
            priority: priority(rng),
        });
    }
    p
}

pub struct World {
    pub records: Vec<Record>,
    pub roster: Roster,
}

pub fn random_world(rng: &mut Rng, carers: usize, providers: usize) -> World {
    random_world_within(rng, carers, providers, 0.4)
}

/// Records spread over ±`spread_deg` around Leicester (0.4: ~±27 km east–west).
pub fn random_world_within(
    rng: &mut Rng,
    carers: usize,
    providers: usize,
    spread_deg: f64,
) -> World {
    let mut records = Vec::new();
    let mut roster = Roster::new();
    for i in 0..carers {
        let c = random_carer(rng, i as i64 + 1, leicester(), spread_deg);
        roster.push_carer(&c);
        records.push(Record::Carer(c));
    }
    for i in 0..providers {
        let p = random_provider(rng, i as i64 + 1, leicester(), spread_deg);
        roster.push_provider(&p);
        records.push(Record::Provider(p));
    }
    World { records, roster }
}

/// What the brute force says about one record: `None` when it is not counted at all.
#[derive(Debug)]
pub struct Judgement {
    pub distance: f64,
    /// Reaches the person by phone or online: distance does not apply.
    pub remote: bool,
    pub failed: Vec<String>,
}

pub(super) fn polygon_contains(rings: &[Vec<[f64; 2]>], at: GeoPoint) -> bool {
    let ring =
        |r: &Vec<[f64; 2]>| LineString::from(r.iter().map(|[x, y]| (*x, *y)).collect::<Vec<_>>());
    let Some((outer, holes)) = rings.split_first() else {
        return false;
    };
    Polygon::new(ring(outer), holes.iter().map(ring).collect())
        .contains(&Point::new(at.lon, at.lat))
}

/// Judges a record with plain loops over its own fields.
pub fn brute(
    plan: &SupportPlan,
    at: GeoPoint,
    record: &Record,
    viewer: Viewer,
    kinds: KindFilter,
    checks: &[CheckKind],
    on: NaiveDate,
) -> Option<Judgement> {
    let max = plan.max_distance_km.get();
    let distance = at.distance_km(record.location_for(viewer));
    let remote = match record {
        Record::Provider(p) => brute_v2::reaches_remotely(plan, p),
        Record::Carer(_) => false,
    };
    if distance > 2.0 * max && !remote {
        return None;
    }
    let mut failed = Vec::new();
    let required = |p: Priority| p == Priority::Required;
    match record {
        Record::Carer(c) => {
            if !kinds.carers {
                return None;
            }
            let visible = c.details.public_listing_consent
                || viewer == Viewer::Admin
                || viewer == Viewer::Agency(c.agency_id);
            if !visible || distance > c.details.travel_radius_km.get() || brute_v2::blocked(plan, c)
            {
                return None;
            }
            failed.extend(brute_v2::carer_failures(plan, c));
            let d = &c.details;
            // The domain's own rule (free hours, flag set, not lapsed), not the engine's.
            if !d.accepting_on(on) {
                failed.push("carer_capacity".to_owned());
            }
            for l in plan.languages.iter().filter(|l| required(l.priority)) {
                if !d
                    .languages
                    .iter()
                    .any(|s| s.code == l.code && s.proficiency >= l.min_proficiency)
                {
                    failed.push(format!("language:{}", l.code));
                }
            }
            for n in plan.cuisines.iter().filter(|n| required(n.priority)) {
                if !d.cuisines.contains(&n.code) {
                    failed.push(format!("cuisine:{}", n.code));
                }
            }
            for n in plan.dietary_laws.iter().filter(|n| required(n.priority)) {
                if !d.dietary_laws.contains(&n.code) {
                    failed.push(format!("diet:{}", n.code));
                }
            }
            for n in plan.faith_practices.iter().filter(|n| required(n.priority)) {
                if !d.faith_practices.contains(&n.code) {
                    failed.push(format!("faith_practice:{}", n.code));
                }
            }
            for n in plan.services.iter().filter(|n| required(n.priority)) {
                if !d.services.contains(&n.code) {
                    failed.push(format!("service:{}", n.code));
                }
            }
            for n in plan.experience.iter().filter(|n| required(n.priority)) {
                if !d.experience.contains(&n.code) {
                    failed.push(format!("experience:{}", n.code));
                }
            }
            // Faith given without public consent is for the holder only.
            let faith = d
                .faith
                .filter(|_| d.faith_public_consent || record.held_by(viewer));
            if let Some(n) = plan.shared_faith.filter(|n| required(n.priority))
                && faith != Some(n.code)
            {
                failed.push(format!("faith:{}", n.code));
            }
            if let Some(n) = plan.carer_gender.filter(|n| required(n.priority))
                && d.gender != n.code
            {
                failed.push(format!("carer_gender:{}", n.code));
            }
            if let Some(s) = plan.schedule.as_ref().filter(|s| required(s.priority)) {
                let needed = WeekMask::from_slots(&s.slots);
                let free = WeekMask::from_slots(&d.availability);
                if free.intersection(&needed).quarters() < needed.quarters() {
                    failed.push("schedule".to_owned());
                }
            }
            if let Some(h) = plan.hours_per_week.filter(|h| required(h.priority))
                && d.hours_per_week < h.hours
            {
                failed.push("hours_per_week".to_owned());
            }
            if let Some(r) = plan.max_hourly_rate.filter(|r| required(r.priority))
                && d.hourly_rate > r.max
            {
                failed.push("max_hourly_rate".to_owned());
            }
            if let Some(n) = plan.needed_by.filter(|n| required(n.priority))
                && d.available_from > n.date
            {
                failed.push("needed_by".to_owned());
            }
            for kind in checks {
                if !d.checks.iter().any(|c| c.kind == *kind && c.valid_on(on)) {
                    failed.push(format!("check:{kind}"));
                }
            }
        }
        Record::Provider(p) => {
            if !kinds.providers {
                return None;
            }
            let d = &p.details;
            let reaches = match &d.service_area {
                ServiceArea::Radius { km } => distance <= km.get(),
                ServiceArea::Polygon { coordinates } => polygon_contains(coordinates, at),
            };
            if !reaches && !remote {
                return None;
            }
            failed.extend(brute_v2::provider_failures(plan, p));
            if !d.accepting_on(on) {
                failed.push("accepting_new_clients".to_owned());
            }
            for l in plan.languages.iter().filter(|l| required(l.priority)) {
                if !(d.staff_languages.contains(&l.code)
                    && l.min_proficiency <= Proficiency::Fluent)
                {
                    failed.push(format!("language:{}", l.code));
                }
            }
            for n in plan.cuisines.iter().filter(|n| required(n.priority)) {
                if !d.cuisines.contains(&n.code) {
                    failed.push(format!("cuisine:{}", n.code));
                }
            }
            for n in plan.dietary_laws.iter().filter(|n| required(n.priority)) {
                if !d.dietary_laws.contains(&n.code) {
                    failed.push(format!("diet:{}", n.code));
                }
            }
            for n in plan.faith_practices.iter().filter(|n| required(n.priority)) {
                if !d.faith_practices.contains(&n.code) {
                    failed.push(format!("faith_practice:{}", n.code));
                }
            }
            for n in plan.services.iter().filter(|n| required(n.priority)) {
                if !d.services.contains(&n.code) {
                    failed.push(format!("service:{}", n.code));
                }
            }
            for n in plan.experience.iter().filter(|n| required(n.priority)) {
                if !d.experience.contains(&n.code) {
                    failed.push(format!("experience:{}", n.code));
                }
            }
            if let Some(s) = plan.schedule.as_ref().filter(|s| required(s.priority))
                && !d.opening_hours.is_empty()
            {
                let needed = WeekMask::from_slots(&s.slots);
                let open = WeekMask::from_slots(&d.opening_hours);
                if open.intersection(&needed).quarters() < needed.quarters() {
                    failed.push("schedule".to_owned());
                }
            }
            if let Some(r) = plan.max_hourly_rate.filter(|r| required(r.priority))
                && d.hourly_rate.is_none_or(|rate| rate > r.max)
            {
                failed.push("max_hourly_rate".to_owned());
            }
            for kind in checks {
                if !d.checks.iter().any(|c| c.kind == *kind && c.valid_on(on)) {
                    failed.push(format!("check:{kind}"));
                }
            }
        }
    }
    if distance > max && !remote {
        failed.push("distance".to_owned());
    }
    Some(Judgement {
        distance,
        remote,
        failed,
    })
}

/// Every candidate with its distance as `viewer` may measure it.
pub fn hits(world: &World, at: GeoPoint, viewer: Viewer) -> Vec<(u32, f64)> {
    world
        .records
        .iter()
        .zip(0u32..)
        .map(|(r, slot)| (slot, at.distance_km(r.location_for(viewer))))
        .collect()
}

fn random_viewer(rng: &mut Rng) -> Viewer {
    match rng.below(3) {
        0 => Viewer::Public,
        1 => Viewer::Agency(AgencyId(1 + rng.below(3) as i64)),
        _ => Viewer::Admin,
    }
}

pub struct Case {
    pub plan: SupportPlan,
    pub compiled: CompiledPlan,
    pub at: GeoPoint,
    pub checks: Vec<CheckKind>,
    pub options: MatchOptions,
}

pub fn random_case(rng: &mut Rng, limit: usize, carers: usize) -> Case {
    let mut plan = random_plan(rng);
    brute_v2::plan_fields(rng, &mut plan, carers);
    let at = plan.location.expect("location");
    let mut checks = Vec::new();
    if rng.chance(0.3) {
        plan.checks
            .push(need(CheckKind::DbsEnhanced, Priority::Required));
        checks.push(CheckKind::DbsEnhanced);
    }
    if rng.chance(0.3) {
        plan.checks
            .push(need(CheckKind::FirstAid, Priority::Preferred));
    }
    let compiled = CompiledPlan::compile(&plan, at);
    let kinds = match rng.below(4) {
        0 => KindFilter {
            carers: true,
            providers: false,
        },
        1 => KindFilter {
            carers: false,
            providers: true,
        },
        _ => KindFilter::BOTH,
    };
    let options = MatchOptions {
        limit,
        kinds,
        today: today(),
        viewer: random_viewer(rng),
        weights: MatchWeights::new(
            rng.range(0.0, 1.0),
            rng.range(0.1, 1.0),
            rng.range(0.0, 1.0),
            rng.range(0.0, 1.0),
        )
        .expect("weights"),
    };
    Case {
        plan,
        compiled,
        at,
        checks,
        options,
    }
}

/// Carers the plan names as preferred first, then by score, then distance.
fn check_order(plan: &SupportPlan, outcome: &MatchOutcome) {
    let preferred = |m: &carematch_matching::Match| {
        brute_v2::preferred(plan, m.kind == CandidateKind::Carer, m.id)
    };
    for pair in outcome.matches.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(preferred(a) >= preferred(b), "preferred carers first");
        if preferred(a) == preferred(b) {
            assert!(a.score >= b.score, "score order");
            if a.score == b.score {
                assert!(a.distance_km <= b.distance_km, "distance order");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn matches_equal_brute_force(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let world = random_world(&mut rng, 150, 40);
        let case = random_case(&mut rng, 1000, 150);
        let outcome = match_plan(&case.compiled, &world.roster, hits(&world, case.at, case.options.viewer), &case.options);

        let judged: Vec<(&Record, Judgement)> = world
            .records
            .iter()
            .filter_map(|r| {
                brute(&case.plan, case.at, r, case.options.viewer, case.options.kinds, &case.checks, today())
                    .map(|j| (r, j))
            })
            .collect();
        let mut expected: Vec<(CandidateKind, i64)> = judged
            .iter()
            .filter(|(_, j)| j.failed.is_empty())
            .map(|(r, _)| (r.kind(), r.id()))
            .collect();
        expected.sort();
        let mut got: Vec<(CandidateKind, i64)> = outcome.matches.iter().map(|m| (m.kind, m.id)).collect();
        got.sort();
        prop_assert_eq!(&got, &expected);

        let considered = judged
            .iter()
            .filter(|(_, j)| j.distance <= case.plan.max_distance_km.get() || j.remote)
            .count();
        prop_assert_eq!(outcome.considered, considered);

        for m in &outcome.matches {
            prop_assert!((0.0..=1.0).contains(&m.score), "score {}", m.score);
            // Faith and gender do not apply to providers: reported as partial, never filtering.
            let applies = |id: CriterionId| {
                m.kind == CandidateKind::Carer
                    || !matches!(id, CriterionId::Faith(_) | CriterionId::CarerGender(_))
            };
            for c in m.criteria.iter().filter(|c| c.required && applies(c.criterion)) {
                prop_assert_eq!(c.outcome, CriterionOutcome::Met, "{:?} in {:?}", c, m);
            }
        }
        check_order(&case.plan, &outcome);

        // Relaxations: a brute-force recount of records failing exactly one required criterion.
        let mut recount: BTreeMap<String, u32> = BTreeMap::new();
        for (_, j) in &judged {
            if let [only] = j.failed.as_slice() {
                *recount.entry(only.clone()).or_default() += 1;
            }
        }
        let reported: BTreeMap<String, u32> = outcome
            .relaxations
            .iter()
            .map(|r| (r.criterion.to_string(), r.additional))
            .collect();
        prop_assert_eq!(reported, recount);
        for pair in outcome.relaxations.windows(2) {
            prop_assert!(pair[0].additional >= pair[1].additional);
        }
    }

    #[test]
    fn order_is_deterministic_under_shuffling(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let world = random_world(&mut rng, 120, 30);
        let limit = 1 + rng.below(15);
        let case = random_case(&mut rng, limit, 120);
        let mut input = hits(&world, case.at, case.options.viewer);
        let first = match_plan(&case.compiled, &world.roster, input.clone(), &case.options);
        rng.shuffle(&mut input);
        let second = match_plan(&case.compiled, &world.roster, input, &case.options);
        prop_assert_eq!(&first, &second);
        check_order(&case.plan, &first);
        // The top `limit` is a prefix of the full ranking.
        let all = match_plan(
            &case.compiled,
            &world.roster,
            hits(&world, case.at, case.options.viewer),
            &MatchOptions { limit: 10_000, ..case.options },
        );
        let prefix: Vec<_> = all.matches.iter().take(case.options.limit).map(|m| (m.kind, m.id)).collect();
        let top: Vec<_> = first.matches.iter().map(|m| (m.kind, m.id)).collect();
        prop_assert_eq!(top, prefix);
    }

    /// The engine's base and overlay judged side by side (`Matcher::with_second`) give exactly
    /// what one roster holding both gives: matches, order, ties, `considered`, relaxations.
    #[test]
    fn two_rosters_judged_together_equal_one(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let world = random_world(&mut rng, 120, 30);
        let limit = 1 + rng.below(15);
        let case = random_case(&mut rng, limit, 120);
        let all = hits(&world, case.at, case.options.viewer);
        let expected = match_plan(&case.compiled, &world.roster, all.clone(), &case.options);
        // About a third of the records move to a second roster, as writes to an overlay.
        let (mut first, mut second) = (Roster::new(), Roster::new());
        let (mut first_hits, mut second_hits) = (Vec::new(), Vec::new());
        for (slot, d) in all {
            let (Some(c), Some(side)) = (world.roster.get(slot), world.roster.side(slot)) else {
                continue;
            };
            if rng.below(3) == 0 {
                second_hits.push((second.push(c.clone(), side.clone()), d));
            } else {
                first_hits.push((first.push(c.clone(), side.clone()), d));
            }
        }
        let mut matcher = Matcher::with_second(&case.compiled, &first, &second, &case.options);
        matcher.feed_second(second_hits);
        matcher.feed(first_hits);
        prop_assert_eq!(matcher.finish(), expected);
    }
}

#[test]
fn dates_shift_as_expected() {
    assert_eq!(shift(-1), date(2026, 11, 19));
}

/// Great-circle km between two bases from their unit vectors, as the columnar path computes it.
fn chord_km(a: GeoPoint, b: GeoPoint) -> f64 {
    (chord_2(a, b).sqrt() / 2.0).clamp(0.0, 1.0).asin() * 2.0 * EARTH_RADIUS_M / 1000.0
}

fn chord_2(a: GeoPoint, b: GeoPoint) -> f64 {
    let (a, b) = (a.unit_vector(), b.unit_vector());
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
}

/// Sorts every block of `BLOCK` slots by reach, furthest first (as the geographic index lays
/// the roster out), so that the columnar path can take runs of a block at once.
fn sort_blocks_by_reach(roster: &mut Roster) {
    let mut order: Vec<u32> = (0..roster.len() as u32).collect();
    for block in order.chunks_mut(BLOCK) {
        block.sort_by(|a, b| {
            let reach = |slot: &u32| roster.get(*slot).expect("slot").reach().bound_km();
            reach(b).total_cmp(&reach(a)).then(a.cmp(b))
        });
    }
    assert!(roster.permute(&order));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    /// The columnar path (`Matcher::feed_hot`, block bitmaps, bounds, pruning of candidates that
    /// cannot enter the top `limit`) gives exactly what `match_plan` gives when fed every
    /// candidate, whatever the split into runs, their order and the limit.
    #[test]
    fn columnar_feed_equals_feeding_everything(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let carers = 40 + rng.below(400);
        let providers = rng.below(80);
        // Dense worlds too, so that whole blocks fall within the maximum distance.
        let spread = rng.pick(&[0.02, 0.05, 0.1, 0.4]);
        let mut world = random_world_within(&mut rng, carers, providers, spread);
        if rng.chance(0.7) {
            sort_blocks_by_reach(&mut world.roster);
        }
        let limit = if rng.chance(0.2) { 1000 } else { rng.below(25) };
        let case = random_case(&mut rng, limit, carers);
        let viewer = case.options.viewer;
        let roster = &world.roster;
        let hot = HotColumns::build(roster);
        let at = case.at;

        let everything: Vec<(u32, f64)> = roster
            .candidates()
            .iter()
            .zip(0u32..)
            .map(|(c, slot)| (slot, chord_km(at, viewer.point_of(c))))
            .collect();
        let slow = match_plan(&case.compiled, roster, everything, &case.options);
        // The columns hold public facts: the carers the viewer holds go record by record, from
        // their real base (as `CandidateSet::match_plan` feeds them), before the columns.
        let held: Vec<(u32, f64)> = roster
            .candidates()
            .iter()
            .zip(0u32..)
            .filter(|(c, _)| viewer.holds(c))
            .map(|(c, slot)| (slot, chord_km(at, c.held_location())))
            .collect();

        // Runs: whole blocks or arbitrary pieces, nearest first or shuffled, with exact or
        // trivial bounds.
        let n = roster.len() as u32;
        let mut runs = Vec::new();
        let mut start = 0u32;
        while start < n {
            let len = if rng.chance(0.6) { BLOCK as u32 - start % BLOCK as u32 } else { 1 + rng.below(100) as u32 };
            let end = (start + len).min(n);
            let d2: Vec<f64> = (start..end)
                .map(|slot| chord_2(at, roster.get(slot).expect("slot").location()))
                .collect();
            let bounds = if rng.chance(0.8) {
                d2.iter().copied().fold(f64::INFINITY, f64::min)..=d2.iter().copied().fold(0.0, f64::max)
            } else {
                0.0..=f64::INFINITY
            };
            runs.push((bounds, start..end));
            start = end;
        }
        if rng.chance(0.5) {
            runs.sort_by(|a, b| a.0.start().total_cmp(b.0.start()));
        } else {
            rng.shuffle(&mut runs);
        }
        // Then, apart from the columns, the carers the plan names and the providers reaching
        // the person remotely (as `CandidateSet::match_plan` does), at any distance.
        let plan = &case.compiled;
        let apart: Vec<(u32, f64)> = roster
            .candidates()
            .iter()
            .zip(0u32..)
            .filter(|(c, _)| !viewer.holds(c))
            .filter(|(c, _)| match c.kind() {
                CandidateKind::Carer => plan.prefers_carer(c.id()) || plan.blocks_carer(c.id()),
                CandidateKind::Provider => !c.delivery().intersection(plan.remote).is_empty(),
            })
            .map(|(c, slot)| (slot, chord_km(at, viewer.point_of(c))))
            .collect();
        let mut matcher = Matcher::new(&case.compiled, roster, &case.options);
        matcher.feed(held);
        matcher.feed_apart(apart);
        for (bounds, slots) in &runs {
            matcher.feed_hot(&hot, slots.clone(), bounds.clone(), false);
        }
        if matcher.needs_relaxations() {
            for (bounds, slots) in &runs {
                matcher.feed_hot(&hot, slots.clone(), bounds.clone(), true);
            }
        }
        let fast = matcher.finish();
        prop_assert_eq!(fast, slow);
    }
}
