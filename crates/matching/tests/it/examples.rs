//! The worked example of `docs/matching.md`, checked number by number.

use carematch_domain::LanguageSkill;
use carematch_domain::plan::{LanguageNeed, Priority, ScheduleNeed};
use carematch_domain::vocabulary::{Cuisine, Language, Proficiency, Service, Weekday};
use carematch_matching::{
    CandidateKind, CompiledPlan, CriterionOutcome, CriterionResult, MatchOptions, RelaxationText,
    Roster, Viewer, match_plan,
};

use super::support::{carer, east_of, leicester, need, plan, provider, slot, today};

#[test]
fn the_worked_example_in_the_docs() {
    let at = leicester();
    let mut p = plan(10.0);
    p.languages = vec![LanguageNeed {
        code: Language::Yue,
        min_proficiency: Proficiency::Conversational,
        reads: false,
        writes: false,
        priority: Priority::Required,
    }];
    p.cuisines = vec![need(Cuisine::Cantonese, Priority::Preferred)];
    p.services = vec![need(Service::PersonalCare, Priority::Preferred)];
    p.schedule = Some(ScheduleNeed {
        slots: vec![
            slot(Weekday::Tue, "09:00", "11:00", false),
            slot(Weekday::Thu, "09:00", "11:00", false),
        ],
        priority: Priority::Preferred,
    });
    let speaks = |code, proficiency| {
        vec![LanguageSkill {
            code,
            proficiency,
            reads: false,
            writes: false,
        }]
    };

    let mut mei = carer(1, east_of(at, 2.5));
    mei.details.languages = speaks(Language::Yue, Proficiency::Native);
    mei.details.cuisines = vec![Cuisine::Cantonese];
    mei.details.availability = vec![
        slot(Weekday::Tue, "08:00", "12:00", false),
        slot(Weekday::Thu, "10:00", "12:00", false),
    ];
    let mut ka = carer(2, east_of(at, 1.0));
    ka.details.given_name = "Ka".to_owned();
    ka.details.family_name = "Yip".to_owned();
    ka.details.languages = speaks(Language::Zho, Proficiency::Native);
    let mut lok = carer(4, east_of(at, 12.0));
    lok.details.given_name = "Lok".to_owned();
    lok.details.family_name = "Chan".to_owned();
    lok.details.languages = speaks(Language::Yue, Proficiency::Fluent);
    let mut club = provider(3, east_of(at, 4.0));
    club.details.name = "Wah Sum Luncheon Club".to_owned();
    club.details.staff_languages = vec![Language::Yue, Language::Eng];
    club.details.cuisines = vec![Cuisine::Cantonese];
    club.details.services = vec![Service::LuncheonClub];

    let mut roster = Roster::new();
    for c in [&mei, &ka, &lok] {
        roster.push_carer(c);
    }
    roster.push_provider(&club);
    let compiled = CompiledPlan::compile(&p, at);
    let hits: Vec<(u32, f64)> = roster
        .candidates()
        .iter()
        .zip(0u32..)
        .map(|(c, slot)| (slot, at.distance_km(c.location())))
        .collect();
    let out = match_plan(&compiled, &roster, hits, &MatchOptions::new(today()));

    let summary: Vec<_> = out
        .matches
        .iter()
        .map(|m| (m.kind, m.id, m.name.as_str(), m.distance_km))
        .collect();
    assert_eq!(
        summary,
        [
            (CandidateKind::Carer, 1, "Mei L.", 2.5),
            (CandidateKind::Provider, 3, "Wah Sum Luncheon Club", 4.0)
        ]
    );
    // Mei, as the public sees her: measured from her public cell, whose centre is 2.527 km
    // from the person (her base is 2.5 km east): preferred 2 of 2 met = 1.0; distance
    // 1 - 2.527/10 = 0.747; schedule 12 of 16 quarters; confirmed 50 days ago, freshness 1.
    let mei_cell = mei.location.public_cell();
    assert!((at.distance_km(mei_cell) - 2.527).abs() < 5e-4);
    assert!(
        (out.matches[0].score - 0.8856).abs() < 1e-4,
        "{}",
        out.matches[0].score
    );
    // Mei's agency measures from her base: distance 1 - 2.5/10 = 0.75, score
    // (0.5 + 0.225 + 0.15 + 0.1) / 1.1 = 0.886364.
    let mut as_agency = MatchOptions::new(today());
    as_agency.viewer = Viewer::Agency(mei.agency_id);
    let held: Vec<(u32, f64)> = roster
        .candidates()
        .iter()
        .zip(0u32..)
        .map(|(c, slot)| (slot, at.distance_km(as_agency.viewer.point_of(c))))
        .collect();
    let theirs = match_plan(&compiled, &roster, held, &as_agency);
    assert_eq!(theirs.matches[0].distance_km, 2.5);
    assert!(
        (theirs.matches[0].score - 0.886364).abs() < 1e-6,
        "{}",
        theirs.matches[0].score
    );
    // Club: preferred 1 of 2 = 0.5; distance 1 - 4/10 = 0.6; hours by arrangement = 1.0;
    // confirmed 19 days ago, freshness 1: (0.25 + 0.18 + 0.2 + 0.1) / 1.1.
    assert!(
        (out.matches[1].score - 0.663636).abs() < 1e-6,
        "{}",
        out.matches[1].score
    );
    let mei_lines: Vec<CriterionResult> = out.matches[0]
        .criteria
        .iter()
        .map(CriterionResult::from)
        .collect();
    let mei_lines: Vec<_> = mei_lines
        .iter()
        .map(|c| {
            (
                c.criterion.as_str(),
                c.required,
                c.result,
                c.detail.as_str(),
            )
        })
        .collect();
    assert_eq!(
        mei_lines,
        [
            (
                "language:yue",
                true,
                CriterionOutcome::Met,
                "speaks Cantonese (native)"
            ),
            (
                "cuisine:cantonese",
                false,
                CriterionOutcome::Met,
                "cooks Cantonese home food"
            ),
            (
                "service:personal_care",
                false,
                CriterionOutcome::Met,
                "offers personal care"
            ),
            ("distance", true, CriterionOutcome::Met, "2.5 km away"),
            (
                "schedule",
                false,
                CriterionOutcome::Partial,
                "free Tue and Thu mornings — covers 75% of the schedule"
            ),
        ]
    );
    let relax: Vec<RelaxationText> = out.relaxations.iter().map(RelaxationText::from).collect();
    let relax: Vec<_> = relax
        .iter()
        .map(|r| (r.criterion.as_str(), r.suggestion.as_str(), r.additional))
        .collect();
    assert_eq!(
        relax,
        [
            ("distance", "1 more within 20 km", 1),
            (
                "language:yue",
                "1 speaks Chinese, dialect not stated — confirm Cantonese",
                1
            ),
        ]
    );
    assert_eq!(out.considered, 3);
    let json = serde_json::to_value(&out.matches[1].criteria[4]).expect("json");
    assert_eq!(json["result"], "met");
    super::snapshot::check("worked_example", &out);
    docs_show_the_same_json(&serde_json::to_value(&out).expect("json"));
}

/// The JSON printed in docs/matching.md's worked example is what the matcher answers: Mei's
/// match line for line (her score to the three places shown), and the relaxations.
fn docs_show_the_same_json(answer: &serde_json::Value) {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/matching.md"
    ))
    .expect("docs/matching.md");
    let example = docs
        .split("## Worked example")
        .nth(1)
        .expect("the worked example section");
    let block = example
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a json block in the worked example");
    let shown: serde_json::Value = serde_json::from_str(block).expect("the docs' JSON parses");
    let mut mei = answer["matches"][0].clone();
    let score = mei["score"].as_f64().expect("score");
    mei["score"] = serde_json::json!((score * 1000.0).round() / 1000.0);
    assert_eq!(shown["matches"][0], mei);
    assert_eq!(shown["matches"][1]["name"], answer["matches"][1]["name"]);
    assert_eq!(shown["relaxations"], answer["relaxations"]);
}
