//! The geographic index against brute force, and `CandidateSet::match_plan` against the domain
//! matcher fed with every candidate.

use carematch_domain::money::WeeklyPence;
use carematch_domain::plan::{
    BudgetNeed, DateNeed, HoursNeed, LanguageNeed, Priority, RateNeed, ScheduleNeed, SupportPlan,
};
use carematch_domain::provider::ServiceArea;
use carematch_domain::schedule::{Slot, TimeOfDay};
use carematch_domain::vocabulary::{
    Cuisine, DeliveryMode, EmploymentStatus, Gender, Language, Proficiency, ProviderKind, Service,
    TravelMode, Weekday,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, GeoPoint, Km, LanguageSkill, Postcode,
    Provider, ProviderDetails, ProviderId, RatePence,
};
use carematch_matching::{
    CandidateKind, CompiledPlan, KindFilter, MatchOptions, Roster, Viewer, match_plan, match_teams,
};
use chrono::{DateTime, NaiveDate};
use geo::{Distance, Haversine, Point};
use proptest::prelude::*;

use super::{CandidateSet, GeoIndex, km_for_chord};

use carematch_testkit::Rng;
use carematch_testkit::build::{PlanBuilder, confirmed_on, today};

fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).expect("point")
}

/// A plan at `at` within `max_km` asking for nothing yet (testkit's builder).
fn plan_at(at: GeoPoint, max_km: f64) -> SupportPlan {
    PlanBuilder::new(max_km).at(at).build()
}

/// Every candidate of `roster` with its distance from `at` as `viewer` may measure it (public
/// cells, real bases of the carers it holds), to feed the record-at-a-time matcher.
fn every_candidate(roster: &Roster, at: GeoPoint, viewer: Viewer) -> Vec<(u32, f64)> {
    roster
        .candidates()
        .iter()
        .zip(0u32..)
        .map(|(c, slot)| (slot, at.distance_km(viewer.point_of(c))))
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn carer(id: i64, at: GeoPoint, radius: f64, language: Language, consent: bool) -> Carer {
    let epoch = DateTime::from_timestamp(1_700_000_000, 0).expect("time");
    Carer {
        id: CarerId(id),
        agency_id: AgencyId(1 + id % 2),
        details: CarerDetails {
            given_name: format!("C{id}"),
            family_name: "Example".to_owned(),
            gender: Gender::Female,
            languages: vec![LanguageSkill {
                code: language,
                proficiency: Proficiency::Native,
                reads: false,
                writes: false,
            }],
            cuisines: if id % 3 == 0 {
                vec![Cuisine::Cantonese]
            } else {
                vec![]
            },
            dietary_laws: vec![],
            faith: None,
            faith_public_consent: false,
            ethnicity: None,
            ethnicity_consent: false,
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            accepting_new_clients: true,
            accepting_confirmed_on: None,
            faith_practices: vec![],
            services: vec![Service::PersonalCare],
            experience: vec![],
            checks: vec![],
            availability: vec![],
            hours_per_week: 20,
            available_from: day(2026, 1, 1),
            postcode: Postcode::parse("LE1 5WW").expect("postcode"),
            travel_radius_km: Km::new(radius).expect("km"),
            travel_mode: TravelMode::Car,
            hourly_rate: RatePence::new(1500).expect("rate"),
            employment_status: EmploymentStatus::SelfEmployed,
            public_listing_consent: consent,
            last_confirmed_on: day(2026, 10, 1),
            bio: String::new(),
            contact: Contact::default(),
            external_ref: None,
        },
        location: at,
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
    }
}

fn provider(id: i64, at: GeoPoint, area: ServiceArea) -> Provider {
    let epoch = DateTime::from_timestamp(1_700_000_000, 0).expect("time");
    Provider {
        id: ProviderId(id),
        agency_id: None,
        details: ProviderDetails {
            name: format!("P{id}"),
            kind: ProviderKind::Charity,
            description: String::new(),
            communities: vec![],
            staff_languages: vec![Language::Yue, Language::Eng],
            cuisines: vec![Cuisine::Cantonese],
            dietary_laws: vec![],
            faith_practices: vec![],
            services: vec![Service::PersonalCare],
            experience: vec![],
            postcode: Postcode::parse("LE1 5WW").expect("postcode"),
            service_area: area,
            accepting_new_clients: true,
            accepting_confirmed_on: day(2026, 11, 1),
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            delivery_modes: vec![DeliveryMode::InPerson],
            checks: vec![],
            contact: Contact::default(),
            self_referral: true,
            hourly_rate: None,
            opening_hours: vec![],
            last_confirmed_on: day(2026, 11, 1),
            external_ref: None,
        },
        location: at,
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
        organisation_id: None,
    }
}

fn square(centre: GeoPoint, half: f64) -> Vec<[f64; 2]> {
    let (x, y) = (centre.lon, centre.lat);
    vec![
        [x - half, y - half],
        [x + half, y - half],
        [x + half, y + half],
        [x - half, y + half],
        [x - half, y - half],
    ]
}

/// England-ish points plus a few far away (Madrid, New York, Sydney).
fn random_points(rng: &mut Rng, n: usize) -> Vec<GeoPoint> {
    let mut points: Vec<GeoPoint> = (0..n)
        .map(|_| point(rng.range(50.0, 55.8), rng.range(-5.7, 1.8)))
        .collect();
    points.extend([point(40.4, -3.7), point(40.7, -74.0), point(-33.9, 151.2)]);
    points
}

fn world(rng: &mut Rng, n: usize) -> (Vec<Carer>, Vec<Provider>) {
    let languages = [Language::Yue, Language::Zho, Language::Eng, Language::Cmn];
    let carers = random_points(rng, n)
        .into_iter()
        .zip(1..)
        .map(|(at, id)| {
            let language = languages[(rng.next_u64() % 4) as usize];
            let mut c = carer(id, at, rng.range(1.0, 60.0), language, rng.unit() < 0.7);
            c.details.last_confirmed_on = confirmed_on(rng, today());
            c
        })
        .collect();
    let providers = random_points(rng, n / 10)
        .into_iter()
        .zip(1..)
        .map(|(at, id)| {
            let area = if id % 2 == 0 {
                ServiceArea::Polygon {
                    coordinates: vec![square(at, rng.range(0.05, 0.5)), square(at, 0.02)],
                }
            } else {
                ServiceArea::Radius {
                    km: Km::new(rng.range(2.0, 50.0)).expect("km"),
                }
            };
            let mut p = provider(id, at, area);
            p.details.last_confirmed_on = confirmed_on(rng, today());
            p
        })
        .collect();
    (carers, providers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn radius_query_equals_brute_force(seed in any::<u64>(), radius in 0.5f64..300.0) {
        let mut rng = Rng::new(seed);
        let (carers, providers) = world(&mut rng, 400);
        let set = CandidateSet::build(&carers, &providers);
        let centre = point(rng.range(50.0, 55.8), rng.range(-5.7, 1.8));
        let mut got: Vec<(u32, f64)> = set.geo().within(centre, radius).collect();
        got.sort_by_key(|(slot, _)| *slot);
        let expected: Vec<u32> = set
            .roster()
            .candidates()
            .iter()
            .zip(0u32..)
            .filter(|(c, _)| {
                let l = c.location();
                Haversine.distance(Point::new(centre.lon, centre.lat), Point::new(l.lon, l.lat)) <= radius * 1000.0
            })
            .map(|(_, slot)| slot)
            .collect();
        prop_assert_eq!(got.iter().map(|(s, _)| *s).collect::<Vec<_>>(), expected);
        for (slot, km) in got {
            let l = set.roster().get(slot).expect("slot").location();
            let metres = Haversine.distance(Point::new(centre.lon, centre.lat), Point::new(l.lon, l.lat));
            prop_assert!((km * 1000.0 - metres).abs() < 1.0, "{km} km vs {metres} m");
        }
    }

    #[test]
    fn set_matching_equals_the_matcher_fed_everything(seed in any::<u64>(), max_km in 2.0f64..60.0) {
        let mut rng = Rng::new(seed);
        let (carers, providers) = world(&mut rng, 300);
        let set = CandidateSet::build(&carers, &providers);
        let at = point(rng.range(51.0, 54.0), rng.range(-3.0, 0.5));
        let plan = SupportPlan {
            languages: vec![LanguageNeed {
                code: Language::Yue,
                min_proficiency: Proficiency::Conversational,
                reads: false,
                writes: false,
                priority: if seed % 2 == 0 { Priority::Required } else { Priority::Preferred },
            }],
            cuisines: vec![carematch_domain::plan::Need { code: Cuisine::Cantonese, priority: Priority::Preferred }],
            ..plan_at(at, max_km)
        };
        let compiled = CompiledPlan::compile(&plan, at);
        let options = MatchOptions {
            limit: (seed % 30) as usize + 1,
            viewer: if seed % 3 == 0 { Viewer::Public } else { Viewer::Agency(AgencyId(1)) },
            ..MatchOptions::new(day(2026, 11, 20))
        };
        let fast = set.match_plan(&compiled, &options);
        let mut plain = Roster::new();
        carers.iter().for_each(|c| { plain.push_carer(c); });
        providers.iter().for_each(|p| { plain.push_provider(p); });
        let everything = every_candidate(&plain, at, options.viewer);
        let slow = match_plan(&compiled, &plain, everything, &options);
        prop_assert_eq!(fast.matches.len(), slow.matches.len());
        for (a, b) in fast.matches.iter().zip(&slow.matches) {
            prop_assert_eq!((a.kind, a.id, &a.criteria), (b.kind, b.id, &b.criteria));
            prop_assert!((a.score - b.score).abs() < 1e-9);
        }
        prop_assert_eq!(&fast.relaxations, &slow.relaxations);
        prop_assert_eq!(fast.considered, slow.considered);
        // Teams: the columnar team search equals the record-by-record one.
        let teams = if slow.matches.is_empty() {
            let everything = every_candidate(set.roster(), at, options.viewer);
            match_teams(&compiled, set.roster(), everything, &options)
        } else {
            Vec::new()
        };
        prop_assert_eq!(fast.teams.len(), teams.len());
        for (a, b) in fast.teams.iter().zip(&teams) {
            let members = |t: &carematch_matching::Team| t.members.iter().map(|m| (m.kind, m.id)).collect::<Vec<_>>();
            prop_assert_eq!(members(a), members(b));
            prop_assert_eq!(&a.slots, &b.slots);
            prop_assert!((a.score - b.score).abs() < 1e-9);
        }
    }
}

/// One of a few overlapping day slots (some overnight), so that plans' schedules are covered
/// wholly, partly or not at all.
fn week_slot(rng: &mut Rng) -> Slot {
    // Whole hours, half hours and quarter hours: a required schedule of whole half hours is
    // decided from the half-hour bitmaps, any other one member by member.
    let hours = [
        ("07:00", "13:00"),
        ("09:00", "17:00"),
        ("12:00", "20:00"),
        ("22:00", "07:00"),
        ("07:30", "12:30"),
        ("09:15", "16:45"),
    ];
    let (start, end) = hours[(rng.next_u64() % 6) as usize];
    Slot {
        day: Weekday::ALL[(rng.next_u64() % 3) as usize],
        start: TimeOfDay::parse(start).expect("time"),
        end: TimeOfDay::parse(end).expect("time"),
        overnight: start > end,
    }
}

/// A dense world: `n` carers and `n / 10` providers within ±`spread` degrees of Leicester, with
/// varied languages, cuisines, services, consent and reach.
fn dense_world(rng: &mut Rng, n: usize, spread: f64) -> (Vec<Carer>, Vec<Provider>) {
    let languages = [Language::Yue, Language::Zho, Language::Eng, Language::Cmn];
    let at = |rng: &mut Rng| {
        point(
            52.6369 + rng.range(-spread, spread) * 0.6,
            -1.1350 + rng.range(-spread, spread),
        )
    };
    let carers = (1..=n as i64)
        .map(|id| {
            let language = languages[(rng.next_u64() % 4) as usize];
            let mut c = carer(
                id,
                at(rng),
                rng.range(1.0, 30.0),
                language,
                rng.unit() < 0.7,
            );
            if rng.unit() < 0.3 {
                c.details.services.push(Service::MealPreparation);
            }
            if rng.unit() < 0.2 {
                c.details.services.clear();
            }
            if rng.unit() < 0.4 {
                c.details.gender = Gender::Male;
            }
            c.details.availability = (0..rng.next_u64() % 4).map(|_| week_slot(rng)).collect();
            c.details.hours_per_week = 5 + (rng.next_u64() % 36) as u8;
            c.details.hourly_rate =
                RatePence::new(1200 + (rng.next_u64() % 800) as i64).expect("rate");
            c.details.available_from = day(2026, 10 + (rng.next_u64() % 3) as u32, 1);
            c.details.lgbt_inclusive = rng.unit() < 0.4;
            c.details.last_confirmed_on = confirmed_on(rng, today());
            for skill in &mut c.details.languages {
                skill.reads = rng.unit() < 0.6;
            }
            c
        })
        .collect();
    let providers = (1..=(n / 10) as i64)
        .map(|id| {
            let base = at(rng);
            let area = if id % 3 == 0 {
                ServiceArea::Polygon {
                    coordinates: vec![square(base, rng.range(0.02, 0.3))],
                }
            } else {
                ServiceArea::Radius {
                    km: Km::new(rng.range(2.0, 30.0)).expect("km"),
                }
            };
            let mut p = provider(id, base, area);
            p.details.accepting_new_clients = rng.unit() < 0.8;
            p.details.lgbt_inclusive = rng.unit() < 0.4;
            p.details.last_confirmed_on = confirmed_on(rng, today());
            p.details.delivery_modes = match rng.next_u64() % 4 {
                0 => vec![DeliveryMode::Phone],
                1 => vec![DeliveryMode::InPerson, DeliveryMode::Online],
                _ => vec![DeliveryMode::InPerson],
            };
            // Some phone services based far away (Newcastle): only remote reach finds them.
            if rng.unit() < 0.2 {
                p.location = point(54.97, -1.61);
            }
            p
        })
        .collect();
    (carers, providers)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Dense worlds (whole blocks inside the radius), varied plans, limits and viewers: the
    /// block scan over the columns equals the matcher fed every candidate.
    #[test]
    fn dense_set_matching_equals_the_matcher_fed_everything(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let n = 500 + (rng.next_u64() % 2500) as usize;
        let spread = [0.03, 0.08, 0.2][(rng.next_u64() % 3) as usize];
        let (carers, providers) = dense_world(&mut rng, n, spread);
        let set = CandidateSet::build(&carers, &providers);
        let at = point(52.6369 + rng.range(-spread, spread) * 0.6, -1.1350 + rng.range(-spread, spread));
        let priority = |rng: &mut Rng| if rng.unit() < 0.5 { Priority::Required } else { Priority::Preferred };
        let mut plan = plan_at(at, rng.range(0.5, 25.0));
        if rng.unit() < 0.7 {
            plan.languages.push(LanguageNeed {
                code: [Language::Yue, Language::Cmn, Language::Eng][(rng.next_u64() % 3) as usize],
                min_proficiency: Proficiency::Conversational,
                reads: false,
                writes: false,
                priority: priority(&mut rng),
            });
        }
        if rng.unit() < 0.5 {
            plan.cuisines.push(carematch_domain::plan::Need { code: Cuisine::Cantonese, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.5 {
            plan.services.push(carematch_domain::plan::Need { code: Service::PersonalCare, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.5 {
            plan.services.push(carematch_domain::plan::Need { code: Service::MealPreparation, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.3 {
            plan.carer_gender = Some(carematch_domain::plan::Need { code: Gender::Female, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.5 {
            let slots = (0..1 + rng.next_u64() % 2).map(|_| week_slot(&mut rng)).collect();
            plan.schedule = Some(ScheduleNeed { slots, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.3 {
            plan.hours_per_week = Some(HoursNeed { hours: 10 + (rng.next_u64() % 20) as u8, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.3 {
            let max = RatePence::new(1300 + (rng.next_u64() % 600) as i64).expect("rate");
            plan.max_hourly_rate = Some(RateNeed { max, priority: priority(&mut rng) });
        }
        if rng.unit() < 0.2 {
            plan.needed_by = Some(DateNeed { date: day(2026, 11, 15), priority: priority(&mut rng) });
        }
        if let Some(need) = plan.languages.first_mut() {
            need.reads = rng.unit() < 0.3;
        }
        if rng.unit() < 0.3 {
            plan.lgbt_inclusive = Some(priority(&mut rng));
        }
        if rng.unit() < 0.3 {
            let mode = [DeliveryMode::Phone, DeliveryMode::Online, DeliveryMode::InPerson][(rng.next_u64() % 3) as usize];
            plan.delivery_modes.push(carematch_domain::plan::Need { code: mode, priority: priority(&mut rng) });
        }
        if let Some(hours) = plan.hours_per_week.filter(|_| rng.unit() < 0.5) {
            let max = WeeklyPence::new(i64::from(hours.hours) * (1300 + (rng.next_u64() % 600) as i64)).expect("budget");
            plan.weekly_budget = Some(BudgetNeed { max, priority: priority(&mut rng) });
        }
        for _ in 0..rng.next_u64() % 6 {
            let id = CarerId(1 + (rng.next_u64() % n as u64) as i64);
            if plan.preferred_carers.contains(&id) || plan.blocked_carers.contains(&id) {
                continue;
            }
            if rng.unit() < 0.5 {
                plan.preferred_carers.push(id);
            } else {
                plan.blocked_carers.push(id);
            }
        }
        let compiled = CompiledPlan::compile(&plan, at);
        let options = MatchOptions {
            limit: [1, 5, 20, 20, 50, 100_000][(rng.next_u64() % 6) as usize],
            viewer: match rng.next_u64() % 3 {
                0 => Viewer::Public,
                1 => Viewer::Agency(AgencyId(1)),
                _ => Viewer::Admin,
            },
            kinds: match rng.next_u64() % 4 {
                0 => KindFilter { carers: true, providers: false },
                1 => KindFilter { carers: false, providers: true },
                _ => KindFilter::BOTH,
            },
            ..MatchOptions::new(day(2026, 11, 20))
        };
        let fast = set.match_plan(&compiled, &options);
        let everything = every_candidate(set.roster(), at, options.viewer);
        let slow = match_plan(&compiled, set.roster(), everything, &options);
        prop_assert_eq!(fast.matches.len(), slow.matches.len());
        for (a, b) in fast.matches.iter().zip(&slow.matches) {
            prop_assert_eq!((a.kind, a.id, &a.criteria), (b.kind, b.id, &b.criteria));
            prop_assert!((a.score - b.score).abs() < 1e-9);
        }
        prop_assert_eq!(&fast.relaxations, &slow.relaxations);
        prop_assert_eq!(fast.considered, slow.considered);
        // Teams: the columnar team search equals the record-by-record one.
        let teams = if slow.matches.is_empty() {
            let everything = every_candidate(set.roster(), at, options.viewer);
            match_teams(&compiled, set.roster(), everything, &options)
        } else {
            Vec::new()
        };
        prop_assert_eq!(fast.teams.len(), teams.len());
        for (a, b) in fast.teams.iter().zip(&teams) {
            let members = |t: &carematch_matching::Team| t.members.iter().map(|m| (m.kind, m.id)).collect::<Vec<_>>();
            prop_assert_eq!(members(a), members(b));
            prop_assert_eq!(&a.slots, &b.slots);
            prop_assert!((a.score - b.score).abs() < 1e-9);
        }
    }
}

/// A required week no one covers alone: the columnar team search proposes exactly the teams
/// the record-by-record search does, for every viewer.
#[test]
fn team_search_over_the_columns_equals_the_record_by_record_one() {
    let mut proposed = 0;
    for seed in 0..12u64 {
        let mut rng = Rng::new(seed);
        let (carers, providers) = dense_world(&mut rng, 1500, 0.08);
        let set = CandidateSet::build(&carers, &providers);
        let at = point(52.6369, -1.1350);
        let mut plan = plan_at(at, 6.0 + rng.range(0.0, 10.0));
        let long_day = |day: Weekday| Slot {
            day,
            start: TimeOfDay::parse("07:00").expect("time"),
            end: TimeOfDay::parse("21:00").expect("time"),
            overnight: false,
        };
        plan.schedule = Some(ScheduleNeed {
            slots: vec![long_day(Weekday::Mon), long_day(Weekday::Tue)],
            priority: Priority::Required,
        });
        let compiled = CompiledPlan::compile(&plan, at);
        for viewer in [Viewer::Public, Viewer::Agency(AgencyId(1)), Viewer::Admin] {
            let options = MatchOptions {
                viewer,
                kinds: KindFilter {
                    carers: true,
                    providers: false,
                },
                ..MatchOptions::new(day(2026, 11, 20))
            };
            let fast = set.match_plan(&compiled, &options);
            assert!(fast.matches.is_empty(), "nobody covers both long days");
            let everything = every_candidate(set.roster(), at, viewer);
            let slow = match_teams(&compiled, set.roster(), everything, &options);
            let members = |teams: &[carematch_matching::Team]| {
                teams
                    .iter()
                    .map(|t| t.members.iter().map(|m| m.id).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                members(&fast.teams),
                members(&slow),
                "seed {seed}, {viewer:?}"
            );
            proposed += fast.teams.len();
        }
    }
    assert!(proposed > 0, "some teams were proposed");
}

#[test]
fn covering_tests_polygons_with_holes_exactly() {
    let base = point(52.6369, -1.1350);
    let providers = vec![
        provider(
            1,
            base,
            ServiceArea::Polygon {
                coordinates: vec![square(base, 0.2), square(base, 0.02)],
            },
        ),
        provider(
            2,
            point(52.70, -1.10),
            ServiceArea::Radius {
                km: Km::new(3.0).expect("km"),
            },
        ),
    ];
    let set = CandidateSet::build(&[], &providers);
    let ids = |at: GeoPoint| {
        let mut ids: Vec<i64> = set
            .geo()
            .covering(set.roster(), at)
            .filter_map(|(slot, _)| set.roster().get(slot).map(|c| c.id()))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(base), Vec::<i64>::new(), "inside the hole");
    assert_eq!(ids(point(52.70, -1.10)), [1, 2]);
    assert_eq!(ids(point(52.75, -1.10)), [1], "outside the 3 km circle");
    assert_eq!(
        ids(point(52.90, -1.10)),
        Vec::<i64>::new(),
        "outside the polygon"
    );
}

#[test]
fn nearest_comes_in_distance_order_and_chords_convert_exactly() {
    let mut rng = Rng::new(7);
    let (carers, _) = world(&mut rng, 200);
    let set = CandidateSet::build(&carers, &[]);
    let at = point(52.0, -1.0);
    let distances: Vec<f64> = set.geo().nearest(at).map(|(_, km)| km).collect();
    assert_eq!(distances.len(), set.len());
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
    let far = point(53.48, -2.24);
    let chord = {
        let (a, b) = (at.unit_vector(), far.unit_vector());
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    };
    assert!((km_for_chord(chord) - at.distance_km(far)).abs() < 1e-9);
    assert!(GeoIndex::build(&[]).is_empty());
}

#[test]
fn spatial_layout_keeps_every_candidate_once() {
    let mut rng = Rng::new(11);
    let (carers, providers) = world(&mut rng, 300);
    let set = CandidateSet::build(&carers, &providers);
    let mut seen: Vec<(CandidateKind, i64)> = set
        .roster()
        .candidates()
        .iter()
        .map(|c| (c.kind(), c.id()))
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), carers.len() + providers.len());
    assert_eq!(set.geo().len(), set.len());
}

/// Carers centimetres either side of each threshold: the plan's maximum distance, twice it (the
/// ring counted for relaxations) and their own travel radius. The block scan decides whole runs
/// from bounding boxes and squared chords with margins; at a few centimetres it must still decide
/// every base as the record-at-a-time path does.
#[test]
fn bases_centimetres_from_a_threshold_are_decided_as_the_record_path_decides() {
    use geo::Destination;
    let at = point(52.6369, -1.1350);
    let max_km = 7.5;
    let origin = Point::new(at.lon, at.lat);
    let place = |bearing: f64, km: f64| {
        let p = Haversine.destination(origin, bearing, km * 1000.0);
        point(p.y(), p.x())
    };
    let (mut carers, mut providers) = (Vec::new(), Vec::new());
    let mut id = 0;
    for (k, offset_cm) in (-60..=60).step_by(3).enumerate() {
        let bearing = (k as f64 * 37.0) % 360.0;
        let offset_km = f64::from(offset_cm) * 1e-5;
        // Bases around the maximum distance and around twice it, with a radius reaching anyway:
        // providers, whose columns hold their real base (a carer's hold the centre of its
        // public cell, which cannot be put anywhere).
        for (target, radius) in [(max_km + offset_km, 20.0), (2.0 * max_km + offset_km, 29.0)] {
            id += 1;
            let area = ServiceArea::Radius {
                km: Km::new(radius).expect("km"),
            };
            providers.push(provider(id, place(bearing, target), area));
        }
        // Within the maximum, a carer's travel radius centimetres either side of the distance of
        // its public cell (distances apart, so that the order does not hang on rounding).
        id += 1;
        let base = place(bearing + 11.0, 4.0 + k as f64 * 0.01);
        let radius = at.distance_km(base.public_cell()) + offset_km;
        carers.push(carer(id, base, radius, Language::Yue, true));
    }
    let set = CandidateSet::build(&carers, &providers);
    // The record path as the index feeds it: distances from the tree's chords, so that a travel
    // radius equal to the distance (offset 0) is the same tie on both paths.
    let everything: Vec<(u32, f64)> = set
        .geo()
        .within_for(set.roster(), at, 2.0 * max_km + 1.0, Viewer::Public)
        .collect();
    let near_a_threshold = everything
        .iter()
        .filter(|(_, d)| (d - max_km).abs() < 6e-4 || (d - 2.0 * max_km).abs() < 6e-4)
        .count();
    assert!(
        near_a_threshold > 40,
        "{near_a_threshold} bases near the distance thresholds"
    );
    for (language, limit) in [
        (Language::Yue, 5),
        (Language::Yue, 1000),
        (Language::Cmn, 1000),
    ] {
        let plan = SupportPlan {
            languages: vec![LanguageNeed {
                code: language,
                min_proficiency: Proficiency::Conversational,
                reads: false,
                writes: false,
                priority: Priority::Required,
            }],
            ..plan_at(at, max_km)
        };
        let compiled = CompiledPlan::compile(&plan, at);
        let options = MatchOptions {
            limit,
            ..MatchOptions::new(day(2026, 11, 20))
        };
        let fast = set.match_plan(&compiled, &options);
        let slow = match_plan(&compiled, set.roster(), everything.clone(), &options);
        let ids = |o: &carematch_matching::MatchOutcome| {
            o.matches.iter().map(|m| m.id).collect::<Vec<_>>()
        };
        assert_eq!(ids(&fast), ids(&slow), "{language:?}, limit {limit}");
        assert_eq!(
            fast.considered, slow.considered,
            "{language:?}, limit {limit}"
        );
        assert_eq!(
            fast.relaxations, slow.relaxations,
            "{language:?}, limit {limit}"
        );
    }
}
