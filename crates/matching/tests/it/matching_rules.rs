//! The rules of the brief, one scenario each.

use carematch_domain::plan::{LanguageNeed, Priority, ScheduleNeed, SupportPlan};
use carematch_domain::provider::ServiceArea;
use carematch_domain::vocabulary::{CheckKind, Cuisine, Language, Proficiency, Weekday};
use carematch_domain::{AgencyId, Carer, Check, GeoPoint, Km, LanguageSkill, Provider};
use carematch_matching::{
    CandidateKind, CompiledPlan, CriterionOutcome, CriterionResult, KindFilter, Match,
    MatchOptions, MatchOutcome, RelaxationText, Roster, Viewer, match_plan, match_pooled,
};

use super::support::{carer, date, east_of, leicester, need, plan, provider, slot, today};

pub(super) fn run(
    plan: &SupportPlan,
    carers: &[Carer],
    providers: &[Provider],
    options: &MatchOptions,
) -> MatchOutcome {
    let at = plan.location.expect("location");
    let compiled = CompiledPlan::compile(plan, at);
    run_compiled(&compiled, carers, providers, options)
}

fn run_compiled(
    compiled: &CompiledPlan,
    carers: &[Carer],
    providers: &[Provider],
    options: &MatchOptions,
) -> MatchOutcome {
    let mut roster = Roster::new();
    carers.iter().for_each(|c| {
        roster.push_carer(c);
    });
    providers.iter().for_each(|p| {
        roster.push_provider(p);
    });
    let hits: Vec<(u32, f64)> = roster
        .candidates()
        .iter()
        .zip(0u32..)
        .map(|(c, slot)| {
            (
                slot,
                compiled.location.distance_km(options.viewer.point_of(c)),
            )
        })
        .collect();
    match_plan(compiled, &roster, hits, options)
}

fn speaks(c: &mut Carer, code: Language, level: Proficiency) {
    c.details.languages = vec![LanguageSkill {
        code,
        proficiency: level,
        reads: false,
        writes: false,
    }];
}

/// The line for criterion `name`, as the API words it.
pub(super) fn criterion(m: &Match, name: &str) -> CriterionResult {
    m.criteria
        .iter()
        .map(CriterionResult::from)
        .find(|c| c.criterion == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", m.criteria))
}

/// The relaxations as the API words them.
pub(super) fn relaxations(outcome: &MatchOutcome) -> Vec<RelaxationText> {
    outcome
        .relaxations
        .iter()
        .map(RelaxationText::from)
        .collect()
}

pub(super) fn ids(outcome: &MatchOutcome) -> Vec<i64> {
    outcome.matches.iter().map(|m| m.id).collect()
}

pub(super) fn admin() -> MatchOptions {
    MatchOptions {
        viewer: Viewer::Admin,
        ..MatchOptions::new(today())
    }
}

fn cantonese(priority: Priority) -> SupportPlan {
    let mut p = plan(10.0);
    p.languages = vec![LanguageNeed {
        code: Language::Yue,
        min_proficiency: Proficiency::Conversational,
        reads: false,
        writes: false,
        priority,
    }];
    p
}

#[test]
fn chinese_is_at_most_a_partial_match_for_cantonese() {
    let mut native = carer(1, east_of(leicester(), 2.0));
    speaks(&mut native, Language::Yue, Proficiency::Native);
    let mut chinese = carer(2, east_of(leicester(), 1.0));
    speaks(&mut chinese, Language::Zho, Proficiency::Native);
    let mut mandarin = carer(3, east_of(leicester(), 1.0));
    speaks(&mut mandarin, Language::Cmn, Proficiency::Native);

    let required = run(
        &cantonese(Priority::Required),
        &[native.clone(), chinese.clone(), mandarin.clone()],
        &[],
        &admin(),
    );
    assert_eq!(ids(&required), [1]);
    assert_eq!(
        criterion(&required.matches[0], "language:yue").detail,
        "speaks Cantonese (native)"
    );
    let relax = relaxations(&required);
    let relax: Vec<_> = relax
        .iter()
        .map(|r| (r.criterion.as_str(), r.suggestion.as_str(), r.additional))
        .collect();
    assert_eq!(
        relax,
        [(
            "language:yue",
            "2 more without requiring Cantonese, 1 of whom speak Chinese, dialect not stated — confirm Cantonese",
            2
        )]
    );

    let only_chinese = run(
        &cantonese(Priority::Required),
        &[chinese.clone()],
        &[],
        &admin(),
    );
    assert!(only_chinese.matches.is_empty());
    assert_eq!(
        relaxations(&only_chinese)[0].suggestion,
        "1 speaks Chinese, dialect not stated — confirm Cantonese"
    );

    let preferred = run(
        &cantonese(Priority::Preferred),
        &[native, chinese, mandarin],
        &[],
        &admin(),
    );
    assert_eq!(ids(&preferred), [1, 2, 3], "met, then partial, then unmet");
    let partial = criterion(&preferred.matches[1], "language:yue");
    assert_eq!(partial.result, CriterionOutcome::Partial);
    assert_eq!(
        partial.detail,
        "speaks Chinese, dialect not stated — confirm Cantonese"
    );
    assert_eq!(
        criterion(&preferred.matches[2], "language:yue").result,
        CriterionOutcome::Unmet
    );
}

#[test]
fn sylheti_needs_confirming_for_a_bengali_speaker_and_levels_count() {
    let mut p = plan(10.0);
    p.languages = vec![LanguageNeed {
        code: Language::Syl,
        min_proficiency: Proficiency::Fluent,
        reads: false,
        writes: false,
        priority: Priority::Preferred,
    }];
    let mut bengali = carer(1, leicester());
    speaks(&mut bengali, Language::Ben, Proficiency::Native);
    let mut basic = carer(2, leicester());
    speaks(&mut basic, Language::Syl, Proficiency::Basic);
    let out = run(&p, &[bengali, basic], &[], &admin());
    let details: Vec<_> = out
        .matches
        .iter()
        .map(|m| criterion(m, "language:syl").detail.clone())
        .collect();
    assert_eq!(
        details,
        [
            "speaks Bengali — confirm Sylheti",
            "speaks Sylheti (basic) — fluent needed"
        ]
    );
}

#[test]
fn providers_staff_languages_count_as_fluent() {
    let mut p = cantonese(Priority::Required);
    let mut club = provider(7, east_of(leicester(), 3.0));
    club.details.staff_languages = vec![Language::Yue];
    let out = run(&p, &[], &[club.clone()], &admin());
    assert_eq!(ids(&out), [7]);
    assert_eq!(
        criterion(&out.matches[0], "language:yue").detail,
        "staff speak Cantonese"
    );
    p.languages[0].min_proficiency = Proficiency::Native;
    assert!(run(&p, &[], &[club], &admin()).matches.is_empty());
}

#[test]
fn schedule_coverage_with_overlapping_and_overnight_slots() {
    let mut p = plan(10.0);
    p.schedule = Some(ScheduleNeed {
        slots: vec![
            slot(Weekday::Tue, "09:00", "11:00", false),
            slot(Weekday::Thu, "09:00", "11:00", false),
        ],
        priority: Priority::Preferred,
    });
    let mut half = carer(1, leicester());
    half.details.availability = vec![
        slot(Weekday::Tue, "08:00", "12:00", false),
        slot(Weekday::Tue, "10:00", "11:00", false),
    ];
    let mut three_quarters = carer(2, leicester());
    three_quarters.details.availability = vec![
        slot(Weekday::Tue, "08:00", "12:00", false),
        slot(Weekday::Thu, "10:00", "12:00", false),
    ];
    let out = run(&p, &[half, three_quarters], &[], &admin());
    assert_eq!(ids(&out), [2, 1]);
    assert_eq!(
        criterion(&out.matches[0], "schedule").detail,
        "free Tue and Thu mornings — covers 75% of the schedule"
    );
    assert_eq!(
        criterion(&out.matches[1], "schedule").detail,
        "free Tue mornings — covers 50% of the schedule"
    );
    assert_eq!(
        criterion(&out.matches[1], "schedule").result,
        CriterionOutcome::Partial
    );

    // Overnight: Sunday 22:00 to Monday 07:00, covered by a Sunday-night and a Monday-morning slot.
    let mut night = plan(10.0);
    night.schedule = Some(ScheduleNeed {
        slots: vec![slot(Weekday::Sun, "22:00", "07:00", true)],
        priority: Priority::Required,
    });
    let mut sleeper = carer(3, leicester());
    sleeper.details.availability = vec![
        slot(Weekday::Mon, "00:00", "08:00", false),
        slot(Weekday::Sun, "21:00", "24:00", false),
    ];
    let mut early = carer(4, leicester());
    early.details.availability = vec![slot(Weekday::Sun, "22:00", "06:00", true)];
    let out = run(&night, &[sleeper, early], &[], &admin());
    assert_eq!(ids(&out), [3]);
    assert_eq!(
        criterion(&out.matches[0], "schedule").detail,
        "free Mon mornings, Sun nights — covers all of the schedule"
    );
    assert_eq!(relaxations(&out)[0].criterion, "schedule");
    assert_eq!(
        relaxations(&out)[0].suggestion,
        "1 more who cover part of the schedule"
    );
}

#[test]
fn expired_checks_never_count() {
    let at = leicester();
    let mut valid = carer(1, at);
    valid.details.checks = vec![Check {
        kind: CheckKind::DbsEnhanced,
        expires_on: today(),
        reference: None,
    }];
    let mut expired = carer(2, at);
    expired.details.checks = vec![Check {
        kind: CheckKind::DbsEnhanced,
        expires_on: date(2026, 3, 1),
        reference: None,
    }];
    let none = carer(3, at);
    let required = CompiledPlan::compile(&plan(10.0), at)
        .with_check(CheckKind::DbsEnhanced, Priority::Required);
    let out = run_compiled(
        &required,
        &[valid.clone(), expired.clone(), none.clone()],
        &[],
        &admin(),
    );
    assert_eq!(ids(&out), [1]);
    assert_eq!(
        criterion(&out.matches[0], "check:dbs_enhanced").detail,
        "DBS check valid until 2026-11-20"
    );
    assert_eq!(
        relaxations(&out)[0].suggestion,
        "2 more without a valid DBS check"
    );

    let preferred = CompiledPlan::compile(&plan(10.0), at)
        .with_check(CheckKind::DbsEnhanced, Priority::Preferred);
    let out = run_compiled(&preferred, &[valid, expired, none], &[], &admin());
    assert_eq!(ids(&out), [1, 2, 3]);
    assert_eq!(
        criterion(&out.matches[1], "check:dbs_enhanced").detail,
        "DBS check expired on 2026-03-01"
    );
    assert_eq!(
        criterion(&out.matches[1], "check:dbs_enhanced").result,
        CriterionOutcome::Unmet
    );
    assert_eq!(
        criterion(&out.matches[2], "check:dbs_enhanced").detail,
        "no DBS check recorded"
    );
}

#[test]
fn a_lapsed_accepting_flag_is_not_accepting() {
    let mut fresh = provider(1, leicester());
    fresh.details.accepting_confirmed_on = date(2026, 8, 22); // 90 days before today
    let mut lapsed = provider(2, leicester());
    lapsed.details.accepting_confirmed_on = date(2026, 8, 21); // 91 days
    let mut closed = provider(3, leicester());
    closed.details.accepting_new_clients = false;
    let out = run(&plan(10.0), &[], &[fresh, lapsed, closed], &admin());
    assert_eq!(ids(&out), [1]);
    assert_eq!(
        criterion(&out.matches[0], "accepting_new_clients").detail,
        "accepting new clients (confirmed 2026-08-22)"
    );
    assert_eq!(relaxations(&out)[0].criterion, "accepting_new_clients");
    assert_eq!(relaxations(&out)[0].additional, 2);
}

#[test]
fn a_full_or_lapsed_pa_is_never_a_match_only_a_relaxation() {
    let taking = carer(1, leicester());
    let mut full = carer(2, leicester());
    full.details.accepting_new_clients = false;
    let mut no_hours = carer(3, leicester());
    no_hours.details.hours_per_week = 0;
    let mut fresh = carer(4, leicester());
    fresh.details.accepting_confirmed_on = Some(date(2026, 8, 22)); // 90 days before today
    let mut lapsed = carer(5, leicester());
    lapsed.details.accepting_confirmed_on = Some(date(2026, 8, 21)); // 91 days
    let out = run(
        &plan(10.0),
        &[taking, full, no_hours, fresh, lapsed],
        &[],
        &admin(),
    );
    assert_eq!(ids(&out), [1, 4]);
    assert_eq!(relaxations(&out)[0].criterion, "carer_capacity");
    assert_eq!(relaxations(&out)[0].additional, 3);
    assert_eq!(
        relaxations(&out)[0].suggestion,
        "3 more if you include PAs who are currently full"
    );
}

#[test]
fn consent_decides_who_sees_a_carer() {
    let mut hidden = carer(1, leicester());
    hidden.details.public_listing_consent = false;
    hidden.agency_id = AgencyId(5);
    let listed = carer(2, leicester());
    let carers = [hidden, listed];
    let see = |viewer| {
        ids(&run(
            &plan(10.0),
            &carers,
            &[],
            &MatchOptions {
                viewer,
                ..MatchOptions::new(today())
            },
        ))
    };
    assert_eq!(see(Viewer::Public), [2]);
    assert_eq!(see(Viewer::Agency(AgencyId(4))), [2]);
    let mut own = see(Viewer::Agency(AgencyId(5)));
    own.sort();
    assert_eq!(own, [1, 2]);
    assert_eq!(see(Viewer::Admin).len(), 2);
}

#[test]
fn reach_needs_the_plan_distance_and_the_carers_own_radius() {
    let mut near_short = carer(1, east_of(leicester(), 6.0));
    near_short.details.travel_radius_km = Km::new(5.0).expect("km");
    let near_long = carer(2, east_of(leicester(), 6.0));
    let far = carer(3, east_of(leicester(), 12.0));
    let out = run(&plan(8.0), &[near_short, near_long, far], &[], &admin());
    assert_eq!(ids(&out), [2]);
    assert_eq!(criterion(&out.matches[0], "distance").detail, "6.0 km away");
    assert_eq!(out.relaxations.len(), 1);
    assert_eq!(relaxations(&out)[0].suggestion, "1 more within 16 km");
    assert_eq!(out.considered, 1);
}

#[test]
fn polygon_areas_with_holes() {
    let base = leicester();
    let ring = |w: f64| {
        vec![
            [base.lon - w, base.lat - w],
            [base.lon + w, base.lat - w],
            [base.lon + w, base.lat + w],
            [base.lon - w, base.lat + w],
            [base.lon - w, base.lat - w],
        ]
    };
    let mut holed = provider(1, east_of(base, 1.0));
    holed.details.service_area = ServiceArea::Polygon {
        coordinates: vec![ring(0.2), ring(0.01)],
    };
    let mut plan_in_hole = plan(10.0);
    plan_in_hole.location = Some(base);
    assert!(
        run(&plan_in_hole, &[], &[holed.clone()], &admin())
            .matches
            .is_empty()
    );
    let mut plan_in_area = plan(20.0);
    plan_in_area.location = Some(GeoPoint::new(base.lat + 0.1, base.lon).expect("point"));
    assert_eq!(ids(&run(&plan_in_area, &[], &[holed], &admin())), [1]);
}

#[test]
fn gender_and_faith_do_not_apply_to_providers() {
    let mut p = plan(10.0);
    p.carer_gender = Some(need(
        carematch_domain::vocabulary::Gender::Female,
        Priority::Required,
    ));
    let club = provider(1, leicester());
    let mut man = carer(2, leicester());
    man.details.gender = carematch_domain::vocabulary::Gender::Male;
    let woman = carer(3, leicester());
    let out = run(&p, &[man, woman], &[club], &admin());
    let mut found: Vec<_> = out.matches.iter().map(|m| (m.kind, m.id)).collect();
    found.sort();
    assert_eq!(
        found,
        [(CandidateKind::Carer, 3), (CandidateKind::Provider, 1)]
    );
    let provider_line = out
        .matches
        .iter()
        .find(|m| m.kind == CandidateKind::Provider)
        .map(|m| criterion(m, "carer_gender:female").clone());
    assert_eq!(
        provider_line.map(|l| l.result),
        Some(CriterionOutcome::Partial)
    );
}

#[test]
fn kinds_filter_and_pooling() {
    let a = leicester();
    let b = east_of(a, 8.0);
    let mut p1 = plan(10.0);
    p1.location = Some(a);
    p1.cuisines = vec![need(Cuisine::Cantonese, Priority::Required)];
    let mut p2 = plan(10.0);
    p2.location = Some(b);
    let mut both = carer(1, east_of(a, 4.0));
    both.details.cuisines = vec![Cuisine::Cantonese];
    let mut only_a = carer(2, east_of(a, -4.0));
    only_a.details.cuisines = vec![Cuisine::Cantonese];
    let no_food = carer(3, east_of(a, 4.0));
    let club = provider(4, east_of(a, 4.0));
    let mut roster = Roster::new();
    for c in [&both, &only_a, &no_food] {
        roster.push_carer(c);
    }
    roster.push_provider(&club);
    let plans = [CompiledPlan::compile(&p1, a), CompiledPlan::compile(&p2, b)];
    let options = MatchOptions {
        kinds: KindFilter::from_kinds(&[CandidateKind::Carer]),
        ..admin()
    };
    let pooled = match_pooled(&plans, &roster, 0..4, &options);
    let found: Vec<_> = pooled.matches.iter().map(|m| m.id).collect();
    assert_eq!(found, [1]);
    assert_eq!(pooled.matches[0].plans.len(), 2);
    assert_eq!(pooled.matches[0].distance_km, 4.0);
}

#[test]
fn a_fresher_record_ranks_first_among_otherwise_identical_carers() {
    // Same place, same everything; only when each record was last confirmed differs. The
    // stalest has the lowest id, so without freshness the id would put it first.
    let confirmed = |id: i64, days_ago: i64| {
        let mut c = carer(id, leicester());
        c.details.last_confirmed_on = today() - chrono::Duration::days(days_ago);
        c
    };
    let carers = [
        confirmed(1, 200), // beyond 180 days: freshness 0
        confirmed(2, 135), // half way from 90 to 180 days: 0.5
        confirmed(3, 91),  // 89/90
        confirmed(4, 90),  // still whole
        confirmed(5, -5),  // confirmed "in the future" counts as today
    ];
    let out = run(&plan(10.0), &carers, &[], &admin());
    assert_eq!(ids(&out), [4, 5, 3, 2, 1]);
    // Distance 0 (component 1, weight 0.3), freshness weight 0.1, nothing else applies.
    let scores: Vec<f64> = out.matches.iter().map(|m| m.score).collect();
    let expected = [1.0, 1.0, 0.997222, 0.875, 0.75];
    assert_eq!(scores, expected, "scores {scores:?}");
}
