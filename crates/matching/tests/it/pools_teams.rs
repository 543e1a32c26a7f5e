//! Pools that add up (hours summed, required times netted) and teams for a week: scenarios, and
//! property tests against brute force written from the rules in docs/matching.md.

use std::collections::{BTreeMap, BTreeSet};

use carematch_domain::plan::{HoursNeed, LanguageNeed, Priority, ScheduleNeed, SupportPlan};
use carematch_domain::provider::ServiceArea;
use carematch_domain::schedule::WeekMask;
use carematch_domain::vocabulary::{Language, Proficiency, Weekday};
use carematch_domain::{Carer, Km, Provider, Slot};
use carematch_matching::{
    CandidateKind, CompiledPlan, MatchOptions, PooledOutcome, RelaxationText, Roster,
    TEAM_CANDIDATES, Team, Viewer, match_plan, match_pooled, match_teams, pool_search_km,
};
use proptest::prelude::*;

use super::matching_props::{Record, brute, hits, random_case, random_world};
use super::support::{Rng, carer, east_of, leicester, plan, provider, slot};

fn admin() -> MatchOptions {
    MatchOptions {
        viewer: Viewer::Admin,
        limit: 20,
        ..MatchOptions::new(super::support::today())
    }
}

fn roster_of(carers: &[Carer], providers: &[Provider]) -> Roster {
    let mut roster = Roster::new();
    for c in carers {
        roster.push_carer(c);
    }
    for p in providers {
        roster.push_provider(p);
    }
    roster
}

fn pooled(plans: &[SupportPlan], carers: &[Carer], providers: &[Provider]) -> PooledOutcome {
    let compiled: Vec<CompiledPlan> = plans
        .iter()
        .map(|p| CompiledPlan::compile(p, p.location.expect("location")))
        .collect();
    let roster = roster_of(carers, providers);
    match_pooled(&compiled, &roster, 0..roster.len() as u32, &admin())
}

fn ids(outcome: &PooledOutcome) -> Vec<(CandidateKind, i64)> {
    outcome.matches.iter().map(|m| (m.kind, m.id)).collect()
}

fn texts(outcome: &PooledOutcome) -> Vec<RelaxationText> {
    outcome
        .relaxations
        .iter()
        .map(RelaxationText::from)
        .collect()
}

fn hours(h: u8, priority: Priority) -> Option<HoursNeed> {
    Some(HoursNeed { hours: h, priority })
}

fn required(slots: Vec<Slot>) -> Option<ScheduleNeed> {
    Some(ScheduleNeed {
        slots,
        priority: Priority::Required,
    })
}

#[test]
fn a_pool_needs_the_sum_of_its_hours() {
    let mut p = plan(10.0);
    p.hours_per_week = hours(8, Priority::Required);
    let plans = [p.clone(), p.clone(), p];
    let mut ten = carer(1, east_of(leicester(), 2.0));
    ten.details.hours_per_week = 10;
    let out = pooled(&plans, &[ten.clone()], &[]);
    assert!(out.matches.is_empty(), "10 free hours do not serve 3 × 8");
    let relaxations = texts(&out);
    assert_eq!(relaxations.len(), 1);
    assert_eq!(relaxations[0].criterion, "hours_per_week");
    assert_eq!(
        relaxations[0].suggestion,
        "1 more with fewer than 24 hours a week free"
    );
    let mut enough = ten;
    enough.details.hours_per_week = 24;
    let out = pooled(&plans, &[enough], &[]);
    assert_eq!(ids(&out), [(CandidateKind::Carer, 1)]);
    let line = out.matches[0].plans[0]
        .criteria
        .iter()
        .find(|c| c.criterion.to_string() == "hours_per_week")
        .map(carematch_matching::english::detail);
    assert_eq!(line.as_deref(), Some("24 hours a week free (24 needed)"));
}

#[test]
fn overlapping_required_times_at_two_addresses_cannot_share_one_carer() {
    let home_a = leicester();
    let home_b = east_of(home_a, 3.0);
    let mut a = plan(10.0);
    a.location = Some(home_a);
    a.schedule = required(vec![slot(Weekday::Mon, "09:00", "11:00", false)]);
    let mut b = a.clone();
    b.location = Some(home_b);
    b.schedule = required(vec![slot(Weekday::Mon, "10:00", "12:00", false)]);
    let mut free = carer(1, east_of(home_a, 1.0));
    free.details.availability = vec![slot(Weekday::Mon, "08:00", "13:00", false)];
    let mut club = provider(2, east_of(home_a, 1.0));
    club.details.opening_hours = vec![slot(Weekday::Mon, "08:00", "13:00", false)];

    let apart = pooled(&[a.clone(), b.clone()], &[free.clone()], &[club.clone()]);
    assert_eq!(
        ids(&apart),
        [(CandidateKind::Provider, 2)],
        "a provider has several staff; one carer cannot be in two homes at 10:00"
    );
    assert_eq!(texts(&apart)[0].criterion, "schedule");

    // The same household (co-located): one carer supports both at once.
    b.location = Some(home_a);
    let together = pooled(&[a.clone(), b], &[free.clone()], &[club]);
    assert!(ids(&together).contains(&(CandidateKind::Carer, 1)));

    // Times that follow each other at two addresses are fine.
    let mut c = a.clone();
    c.location = Some(home_b);
    c.schedule = required(vec![slot(Weekday::Mon, "11:00", "13:00", false)]);
    assert_eq!(
        ids(&pooled(&[a, c], &[free], &[])),
        [(CandidateKind::Carer, 1)]
    );
}

#[test]
fn a_pool_relaxes_distance_to_twice_the_largest_maximum() {
    let home_a = leicester();
    let home_b = east_of(home_a, 4.0);
    let mut a = plan(5.0);
    a.location = Some(home_a);
    let mut b = plan(8.0);
    b.location = Some(home_b);
    // 7 km from A (beyond its 5), 3 km from B.
    let far = carer(1, east_of(home_a, 7.0));
    let out = pooled(&[a.clone(), b.clone()], &[far], &[]);
    assert!(out.matches.is_empty());
    assert_eq!(
        texts(&out),
        [RelaxationText {
            criterion: "distance".into(),
            suggestion: "1 more within 16 km".into(),
            additional: 1,
        }]
    );
    assert_eq!(
        pool_search_km(&[
            CompiledPlan::compile(&a, home_a),
            CompiledPlan::compile(&b, home_b)
        ]),
        16.0
    );
}

#[test]
fn a_pool_relaxes_one_criterion_failed_in_several_plans() {
    let mut a = plan(10.0);
    a.languages = vec![LanguageNeed {
        code: Language::Yue,
        min_proficiency: Proficiency::Fluent,
        reads: false,
        writes: false,
        priority: Priority::Required,
    }];
    let b = a.clone();
    let english = carer(1, east_of(leicester(), 2.0));
    let out = pooled(&[a, b], &[english], &[]);
    let relaxations = texts(&out);
    assert_eq!(relaxations.len(), 1);
    assert_eq!(relaxations[0].criterion, "language:yue");
    assert_eq!(relaxations[0].additional, 1);
}

fn team_plan() -> SupportPlan {
    let mut p = plan(10.0);
    p.languages = vec![LanguageNeed {
        code: Language::Eng,
        min_proficiency: Proficiency::Fluent,
        reads: false,
        writes: false,
        priority: Priority::Required,
    }];
    p.schedule = required(vec![
        slot(Weekday::Mon, "09:00", "13:00", false),
        slot(Weekday::Tue, "09:00", "11:00", false),
    ]);
    p
}

fn teams_for(p: &SupportPlan, carers: &[Carer]) -> Vec<Team> {
    let roster = roster_of(carers, &[]);
    let at = p.location.expect("location");
    let hits: Vec<(u32, f64)> = roster
        .candidates()
        .iter()
        .zip(0u32..)
        .map(|(c, slot)| (slot, c.held_location().distance_km(at)))
        .collect();
    match_teams(&CompiledPlan::compile(p, at), &roster, hits, &admin())
}

#[test]
fn two_carers_share_a_week_slot_by_slot() {
    let p = team_plan();
    let mut mornings = carer(1, east_of(leicester(), 1.0));
    mornings.details.given_name = "Ann".into();
    mornings.details.availability = vec![
        slot(Weekday::Mon, "08:00", "11:00", false),
        slot(Weekday::Tue, "09:00", "11:00", false),
    ];
    let mut midday = carer(2, east_of(leicester(), 2.0));
    midday.details.given_name = "Bo".into();
    midday.details.availability = vec![slot(Weekday::Mon, "10:00", "14:00", false)];
    // Free all the time but does not speak English: never in a team.
    let mut other = carer(3, east_of(leicester(), 1.0));
    other.details.languages = vec![];
    other.details.availability = vec![slot(Weekday::Mon, "00:00", "24:00", false)];

    let teams = teams_for(&p, &[mornings.clone(), midday.clone(), other]);
    assert_eq!(teams.len(), 1, "{teams:#?}");
    let team = &teams[0];
    let members: Vec<i64> = team.members.iter().map(|m| m.id).collect();
    assert_eq!(members, [1, 2]);
    assert_eq!(team.coverage, 1.0);
    let details: Vec<&str> = team.slots.iter().map(|s| s.detail.as_str()).collect();
    assert_eq!(
        details,
        [
            "Ann L. Mon 09:00–11:00, Bo L. Mon 11:00–13:00",
            "Ann L. Tue 09:00–11:00"
        ]
    );
    let json = serde_json::to_value(team).expect("json");
    assert_eq!(
        json["slots"][0]["parts"][1],
        serde_json::json!({"day": "mon", "start": "11:00", "end": "13:00", "member": 1})
    );
    assert_eq!(json["members"][0]["name"], "Ann L.");

    // Someone covering everything alone: no team is proposed.
    let mut all = carer(4, east_of(leicester(), 3.0));
    all.details.availability = vec![
        slot(Weekday::Mon, "09:00", "13:00", false),
        slot(Weekday::Tue, "09:00", "11:00", false),
    ];
    assert!(teams_for(&p, &[mornings, midday, all]).is_empty());
}

#[test]
fn an_overnight_slot_is_cut_at_the_handover() {
    let mut p = team_plan();
    p.schedule = required(vec![slot(Weekday::Sun, "22:00", "06:00", true)]);
    let mut late = carer(1, east_of(leicester(), 1.0));
    late.details.availability = vec![slot(Weekday::Sun, "20:00", "24:00", false)];
    let mut early = carer(2, east_of(leicester(), 1.0));
    early.details.availability = vec![slot(Weekday::Mon, "00:00", "07:00", false)];
    let teams = teams_for(&p, &[late, early]);
    // Members in rank order: `early` covers more of the night, so scores higher.
    let members: Vec<i64> = teams[0].members.iter().map(|m| m.id).collect();
    assert_eq!(members, [2, 1]);
    let parts = &teams[0].slots[0].parts;
    let shown: Vec<(Weekday, String, String, Option<usize>)> = parts
        .iter()
        .map(|p| (p.day, p.start.to_string(), p.end.to_string(), p.member))
        .collect();
    assert_eq!(
        shown,
        [
            (Weekday::Sun, "22:00".into(), "24:00".into(), Some(1)),
            (Weekday::Mon, "00:00".into(), "06:00".into(), Some(0)),
        ]
    );
}

/// The pool's rules written out over the records: hours summed, required times netted for
/// carers at different addresses, distance relaxed to twice the largest maximum.
fn brute_pool(
    cases: &[super::matching_props::Case],
    record: &Record,
    options: &MatchOptions,
) -> Option<Vec<BTreeSet<String>>> {
    let total: u32 = cases
        .iter()
        .filter_map(|c| c.plan.hours_per_week)
        .map(|h| u32::from(h.hours))
        .sum();
    let largest = cases
        .iter()
        .map(|c| c.plan.max_distance_km.get())
        .fold(0.0, f64::max);
    let mut out = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let mut p = case.plan.clone();
        if let Some(h) = p.hours_per_week.as_mut() {
            h.hours = u8::try_from(total).unwrap_or(u8::MAX);
        }
        p.max_distance_km = Km::new(Km::MAX).expect("km");
        // A budget pays for its own person's hours, not the pool's (added below).
        p.weekly_budget = None;
        let j = brute(
            &p,
            case.at,
            record,
            options.viewer,
            options.kinds,
            &case.checks,
            super::support::today(),
        )?;
        let d = case.at.distance_km(record.location_for(options.viewer));
        if d > 2.0 * largest {
            return None;
        }
        // Pools are matched in person: a provider's phone or online work does not reach.
        if let Record::Provider(p) = record {
            let reaches = match &p.details.service_area {
                ServiceArea::Radius { km } => d <= km.get(),
                ServiceArea::Polygon { coordinates } => {
                    super::matching_props::polygon_contains(coordinates, case.at)
                }
            };
            if !reaches {
                return None;
            }
        }
        let mut failed: BTreeSet<String> = j.failed.into_iter().collect();
        let own = match record {
            Record::Carer(c) => super::brute_v2::carer_failures(&case.plan, c),
            Record::Provider(p) => super::brute_v2::provider_failures(&case.plan, p),
        };
        failed.extend(own.into_iter().filter(|f| f == "weekly_budget"));
        if d > case.plan.max_distance_km.get() {
            failed.insert("distance".into());
        }
        let required_mask = |c: &super::matching_props::Case| {
            c.plan
                .schedule
                .as_ref()
                .filter(|s| s.priority == Priority::Required)
                .map(|s| WeekMask::from_slots(&s.slots))
        };
        if let (Record::Carer(_), Some(mine)) = (record, required_mask(case)) {
            let clash = cases.iter().enumerate().any(|(k, other)| {
                k != i
                    && other.at.distance_km(case.at) > carematch_matching::CO_LOCATED_KM
                    && required_mask(other).is_some_and(|m| !m.intersection(&mine).is_empty())
            });
            if clash {
                failed.insert("schedule".into());
            }
        }
        out.push(failed);
    }
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn pooled_equals_brute_force(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let world = random_world(&mut rng, 150, 40);
        let mut cases: Vec<_> = (0..2 + rng.below(2)).map(|_| random_case(&mut rng, 1000, 150)).collect();
        // Sometimes two people share a home.
        if rng.chance(0.3) {
            let at = cases[0].at;
            cases[1].at = at;
            cases[1].plan.location = Some(at);
            let mut moved = cases[1].compiled.clone();
            moved.location = at;
            cases[1].compiled = moved;
        }
        let plans: Vec<CompiledPlan> = cases.iter().map(|c| c.compiled.clone()).collect();
        let options = MatchOptions { limit: 1000, ..cases[0].options };
        let out = match_pooled(&plans, &world.roster, 0..world.roster.len() as u32, &options);
        let mut expected = Vec::new();
        let mut recount: BTreeMap<String, u32> = BTreeMap::new();
        for r in &world.records {
            let Some(failed) = brute_pool(&cases, r, &options) else { continue };
            if failed.iter().all(BTreeSet::is_empty) {
                expected.push((r.kind(), r.id()));
            } else if failed.iter().all(|f| f.len() <= 1) {
                let distinct: BTreeSet<&String> = failed.iter().flatten().collect();
                if let [only] = distinct.into_iter().collect::<Vec<_>>().as_slice() {
                    *recount.entry((*only).clone()).or_default() += 1;
                }
            }
        }
        expected.sort();
        let mut got: Vec<_> = out.matches.iter().map(|m| (m.kind, m.id)).collect();
        got.sort();
        prop_assert_eq!(got, expected);
        let reported: BTreeMap<String, u32> =
            out.relaxations.iter().map(|r| (r.criterion.to_string(), r.additional)).collect();
        prop_assert_eq!(reported, recount);
        for m in &out.matches {
            prop_assert_eq!(m.plans.len(), plans.len());
            let mean = m.plans.iter().map(|p| p.score).sum::<f64>() / plans.len() as f64;
            // The pool's score is rounded to six decimals, as every score is.
            prop_assert!((m.score - mean).abs() <= 5e-7 + 1e-12);
        }
    }

    #[test]
    fn teams_equal_brute_force(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let world = random_world(&mut rng, 60, 8);
        let mut case = random_case(&mut rng, 1000, 60);
        let slots = [
            slot(Weekday::Mon, "08:00", "14:00", false),
            slot(Weekday::Wed, "17:00", "22:00", false),
        ];
        case.plan.schedule = required(slots[..1 + rng.below(2)].to_vec());
        if rng.chance(0.7) {
            // Fewer other requirements, so that teams are common.
            let p = &mut case.plan;
            p.languages.clear();
            p.cuisines.clear();
            p.dietary_laws.clear();
            p.faith_practices.clear();
            p.shared_faith = None;
            p.carer_gender = None;
            p.hours_per_week = None;
        }
        let checks = case.checks.iter().fold(
            CompiledPlan::compile(&case.plan, case.at),
            |plan, kind| plan.with_check(*kind, Priority::Required),
        );
        case.compiled = checks;
        let all_hits = hits(&world, case.at, case.options.viewer);
        let teams = match_teams(&case.compiled, &world.roster, all_hits.clone(), &case.options);

        // Scores as a single match gives them: the same plan with the schedule preferred.
        let mut relaxed = case.plan.clone();
        if let Some(s) = relaxed.schedule.as_mut() { s.priority = Priority::Preferred; }
        let schedule = CompiledPlan::compile(&relaxed, case.at).schedule;
        let mut relaxed = case.compiled.clone();
        relaxed.schedule = schedule;
        let ranked = match_plan(&relaxed, &world.roster, all_hits, &case.options);
        let score: BTreeMap<(CandidateKind, i64), f64> =
            ranked.matches.iter().map(|m| ((m.kind, m.id), m.score)).collect();

        let needed = WeekMask::from_slots(&case.plan.schedule.as_ref().expect("schedule").slots);
        let mut anyone = false;
        let mut partial: Vec<((CandidateKind, i64), WeekMask)> = Vec::new();
        for r in &world.records {
            let Some(j) = brute(&case.plan, case.at, r, case.options.viewer, case.options.kinds, &case.checks, super::support::today()) else { continue };
            anyone |= j.failed.is_empty();
            if j.failed == ["schedule"] {
                let free = match r {
                    Record::Carer(c) => WeekMask::from_slots(&c.details.availability),
                    Record::Provider(p) => WeekMask::from_slots(&p.details.opening_hours),
                };
                let cover = free.intersection(&needed);
                if !cover.is_empty() {
                    partial.push(((r.kind(), r.id()), cover));
                }
            }
        }
        if anyone {
            prop_assert!(teams.is_empty());
            return Ok(());
        }
        prop_assume!(partial.len() <= TEAM_CANDIDATES);
        // Every pair and triple in which each member covers something of its own.
        let best_single = partial.iter().map(|(_, c)| c.quarters()).max().unwrap_or(0);
        let mut best: Option<(u32, usize, f64)> = None;
        let n = partial.len();
        for mask in 0u64..(1u64 << n) {
            let size = mask.count_ones() as usize;
            if !(2..=3).contains(&size) { continue }
            let members: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            let own = members.iter().all(|&m| {
                let others = members.iter().filter(|&&o| o != m)
                    .fold(WeekMask::default(), |acc, &o| acc.union(&partial[o].1));
                !partial[m].1.difference(&others).is_empty()
            });
            if !own { continue }
            let covered = members.iter().fold(WeekMask::default(), |acc, &m| acc.union(&partial[m].1)).quarters();
            let mean = members.iter().map(|&m| score[&partial[m].0]).sum::<f64>() / size as f64;
            let key = (covered, size, mean);
            let better = best.is_none_or(|(c, s, sc)| covered > c || (covered == c && (size < s || (size == s && mean > sc + 1e-12))));
            if better { best = Some(key); }
        }
        match best.filter(|(covered, _, _)| *covered > best_single) {
            None => prop_assert!(teams.is_empty(), "{:?}", teams),
            Some((covered, size, mean)) => {
                let team = teams.first().expect("a team");
                prop_assert_eq!(team.members.len(), size);
                prop_assert!((team.coverage - f64::from(covered) / f64::from(needed.quarters())).abs() < 1e-12);
                prop_assert!((team.score - mean).abs() < 1e-9, "{} vs {}", team.score, mean);
                for m in &team.members {
                    prop_assert!((m.score - score[&(m.kind, m.id)]).abs() < 1e-12);
                }
                // The parts cover exactly what the team covers, each by a member free then.
                let mut parted = WeekMask::default();
                for s in &team.slots {
                    for part in s.parts.iter().filter(|p| p.member.is_some()) {
                        let piece = WeekMask::from_slots(&[Slot { day: part.day, start: part.start, end: part.end, overnight: part.overnight }]);
                        let who = &team.members[part.member.expect("member")];
                        let cover = partial.iter().find(|(k, _)| *k == (who.kind, who.id)).map(|(_, c)| *c).expect("partial");
                        prop_assert_eq!(cover.intersection(&piece), piece);
                        parted = parted.union(&piece);
                    }
                }
                prop_assert_eq!(parted.quarters(), covered);
            }
        }
    }
}
