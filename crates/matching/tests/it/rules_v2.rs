//! The criteria added with matching v2, one scenario each: preferred and blocked carers, the
//! weekly budget, medical diets, LGBT+ inclusion, reading and writing a language, and delivery
//! modes with remote reach.

use carematch_domain::money::WeeklyPence;
use carematch_domain::plan::{BudgetNeed, HoursNeed, LanguageNeed, Priority};
use carematch_domain::vocabulary::{DeliveryMode, Language, MedicalDiet, Proficiency};
use carematch_domain::{CarerId, GeoPoint, RatePence};
use carematch_matching::CriterionOutcome;

use super::matching_rules::{admin, criterion, ids, relaxations, run};
use super::support::{carer, leicester, need, plan, provider};

#[test]
fn a_preferred_carer_who_qualifies_comes_first_and_is_named() {
    // Carer 2 is further away (lower score) but the person knows her.
    let near = carer(1, leicester());
    let known = carer(2, GeoPoint::new(52.66, -1.10).expect("point"));
    let mut p = plan(10.0);
    p.preferred_carers = vec![CarerId(2)];
    let out = run(&p, &[near, known], &[], &admin());
    assert_eq!(ids(&out), [2, 1]);
    assert!(out.matches[0].score < out.matches[1].score);
    let line = criterion(&out.matches[0], "preferred_carer");
    assert_eq!(line.result, CriterionOutcome::Met);
    assert_eq!(line.detail, "a carer you named as preferred");
    assert!(
        out.matches[1]
            .criteria
            .iter()
            .all(|c| c.criterion.to_string() != "preferred_carer")
    );
}

#[test]
fn a_preferred_carer_who_fails_a_required_criterion_is_not_a_match() {
    let mut known = carer(2, leicester());
    known.details.services.clear();
    let mut p = plan(10.0);
    p.services = vec![need(
        carematch_domain::vocabulary::Service::PersonalCare,
        Priority::Required,
    )];
    p.preferred_carers = vec![CarerId(2)];
    let out = run(&p, &[carer(1, leicester()), known], &[], &admin());
    assert_eq!(ids(&out), [1]);
}

#[test]
fn a_blocked_carer_is_in_no_result_and_no_count() {
    let mut p = plan(10.0);
    p.blocked_carers = vec![CarerId(2)];
    let mut full = carer(3, leicester());
    full.details.accepting_new_clients = false;
    p.blocked_carers.push(CarerId(3));
    let out = run(
        &p,
        &[carer(1, leicester()), carer(2, leicester()), full],
        &[],
        &admin(),
    );
    assert_eq!(ids(&out), [1]);
    assert_eq!(out.considered, 1);
    assert!(out.relaxations.is_empty(), "{:?}", out.relaxations);
}

fn with_budget(pounds: i64, hours: u8, priority: Priority) -> carematch_domain::SupportPlan {
    let mut p = plan(10.0);
    p.hours_per_week = Some(HoursNeed {
        hours,
        priority: Priority::Preferred,
    });
    p.weekly_budget = Some(BudgetNeed {
        max: WeeklyPence::new(pounds * 100).expect("budget"),
        priority,
    });
    p
}

#[test]
fn the_weekly_budget_is_hours_times_rate_explained_in_pounds() {
    let cheap = carer(1, leicester()); // £15.00 an hour
    let mut dear = carer(2, leicester());
    dear.details.hourly_rate = RatePence::new(1800).expect("rate");
    let mut unpublished = provider(3, leicester());
    unpublished.details.hourly_rate = None;
    let out = run(
        &with_budget(320, 20, Priority::Required),
        &[cheap.clone(), dear.clone()],
        &[unpublished.clone()],
        &admin(),
    );
    assert_eq!(ids(&out), [1]);
    assert_eq!(
        criterion(&out.matches[0], "weekly_budget").detail,
        "£300.00 a week for 20 hours (budget £320.00)"
    );
    assert_eq!(relaxations(&out)[0].criterion, "weekly_budget");
    assert_eq!(
        relaxations(&out)[0].suggestion,
        "2 more over the £320.00 weekly budget or not publishing a rate"
    );

    let preferred = run(
        &with_budget(320, 20, Priority::Preferred),
        &[cheap, dear],
        &[unpublished],
        &admin(),
    );
    assert_eq!(preferred.matches.len(), 3);
    let over = preferred.matches.iter().find(|m| m.id == 2).expect("dear");
    let line = criterion(over, "weekly_budget");
    assert_eq!(line.result, CriterionOutcome::Unmet);
    assert_eq!(
        line.detail,
        "£360.00 a week for 20 hours — over the £320.00 budget"
    );
    let ask = preferred
        .matches
        .iter()
        .find(|m| m.id == 3)
        .expect("provider");
    assert_eq!(
        criterion(ask, "weekly_budget").result,
        CriterionOutcome::Partial
    );
}

#[test]
fn medical_diets_lgbt_inclusion_and_literacy_filter_when_required() {
    let mut all = carer(1, leicester());
    all.details.medical_diets = vec![MedicalDiet::Pureed];
    all.details.lgbt_inclusive = true;
    all.details.languages[0].code = Language::Urd;
    let mut speaks_only = all.clone();
    speaks_only.id = CarerId(2);
    speaks_only.details.languages[0].reads = false;
    speaks_only.details.languages[0].writes = false;
    let mut no_diet = all.clone();
    no_diet.id = CarerId(3);
    no_diet.details.medical_diets.clear();
    let mut not_stated = all.clone();
    not_stated.id = CarerId(4);
    not_stated.details.lgbt_inclusive = false;

    let mut p = plan(10.0);
    p.medical_diets = vec![need(MedicalDiet::Pureed, Priority::Required)];
    p.lgbt_inclusive = Some(Priority::Required);
    p.languages = vec![LanguageNeed {
        code: Language::Urd,
        min_proficiency: Proficiency::Conversational,
        reads: true,
        writes: false,
        priority: Priority::Required,
    }];
    let out = run(&p, &[all, speaks_only, no_diet, not_stated], &[], &admin());
    assert_eq!(ids(&out), [1]);
    let m = &out.matches[0];
    assert_eq!(criterion(m, "reads:urd").detail, "reads Urdu");
    assert_eq!(
        criterion(m, "medical_diet:pureed").detail,
        "cooks for a puréed diet"
    );
    assert_eq!(criterion(m, "lgbt_inclusive").detail, "LGBT+ inclusive");
    let mut suggested: Vec<(String, u32)> = relaxations(&out)
        .into_iter()
        .map(|r| (r.criterion, r.additional))
        .collect();
    suggested.sort();
    assert_eq!(
        suggested,
        [
            ("lgbt_inclusive".to_owned(), 1),
            ("medical_diet:pureed".to_owned(), 1),
            ("reads:urd".to_owned(), 1),
        ]
    );
}

#[test]
fn a_phone_service_far_away_reaches_a_person_who_accepts_phone_support() {
    // Newcastle, about 200 km from Leicester.
    let far = GeoPoint::new(54.97, -1.61).expect("point");
    let mut helpline = provider(1, far);
    helpline.details.delivery_modes = vec![DeliveryMode::Phone];
    let mut local = provider(2, far);
    local.details.delivery_modes = vec![DeliveryMode::InPerson];
    let mut p = plan(10.0);
    let out = run(&p, &[], &[helpline.clone(), local.clone()], &admin());
    assert!(out.matches.is_empty(), "in person only by default");

    p.delivery_modes = vec![need(DeliveryMode::Phone, Priority::Preferred)];
    let out = run(&p, &[carer(3, leicester())], &[helpline, local], &admin());
    // Phone support was asked for: the helpline meets it, the carer does not.
    assert_eq!(ids(&out), [1, 3]);
    let line = criterion(&out.matches[0], "distance");
    assert_eq!(line.result, CriterionOutcome::Met);
    assert!(
        line.detail.ends_with("km away — works by phone"),
        "{}",
        line.detail
    );
    // The carer works in person: the preferred phone mode is unmet for her.
    assert_eq!(
        criterion(&out.matches[1], "delivery_mode:phone").result,
        CriterionOutcome::Unmet
    );
    assert_eq!(out.considered, 2);
}

#[test]
fn in_person_required_leaves_out_remote_only_services() {
    let mut helpline = provider(1, leicester());
    helpline.details.delivery_modes = vec![DeliveryMode::Online];
    let mut p = plan(10.0);
    p.delivery_modes = vec![need(DeliveryMode::InPerson, Priority::Required)];
    let out = run(&p, &[carer(2, leicester())], &[helpline], &admin());
    assert_eq!(ids(&out), [2]);
    assert_eq!(relaxations(&out)[0].criterion, "delivery_mode:in_person");
}

#[test]
fn naming_a_carer_the_viewer_may_not_see_shows_nothing_of_them() {
    let mut unlisted = carer(2, leicester());
    unlisted.details.public_listing_consent = false;
    let mut p = plan(10.0);
    p.preferred_carers = vec![CarerId(2)];
    let public = carematch_matching::MatchOptions::new(super::support::today());
    let named = run(&p, &[carer(1, leicester()), unlisted.clone()], &[], &public);
    p.preferred_carers.clear();
    let unnamed = run(&p, &[carer(1, leicester()), unlisted], &[], &public);
    assert_eq!(ids(&named), [1]);
    assert_eq!(
        named, unnamed,
        "naming an unlisted carer changes no public answer"
    );
}
