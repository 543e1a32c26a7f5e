//! The match answer's own JSON writer (`carematch_api::outcome_json`) against serde_json over
//! the documented `Serialize` implementation: byte for byte, over every fixture plan as three
//! viewers at two limits, and over an outcome with every optional part and strings that need
//! escaping.

use carematch_domain::{AgencyContact, AgencyId};
use carematch_matching::{MatchOutcome, Team, Viewer};
use carematch_service::MatchRequest;
use serde_json::json;

use crate::matches::{fixtures, seeded_app};

fn both(outcome: &MatchOutcome) -> (String, String) {
    let ours = carematch_api::outcome_json::match_outcome(outcome).expect("encodes");
    let serde = serde_json::to_vec(outcome).expect("encodes");
    (
        String::from_utf8(ours).expect("UTF-8"),
        String::from_utf8(serde).expect("UTF-8"),
    )
}

#[actix_web::test]
async fn match_answers_are_written_exactly_as_serde_writes_them() {
    let (app, agencies) = seeded_app().await;
    let service = app.state().service().clone();
    let snapshot = app.engine().snapshot();
    let today = carematch_service::today();
    let mut plans: Vec<_> = std::fs::read_dir(fixtures().join("plans"))
        .expect("fixture plans")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    plans.sort();
    assert_eq!(plans.len(), 24);
    let mut compared = 0;
    let mut lines = 0;
    for path in &plans {
        let plan: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON");
        for limit in [3, 50] {
            let request: MatchRequest =
                serde_json::from_value(json!({"plan": plan, "limit": limit})).expect("request");
            for viewer in [Viewer::Public, Viewer::Agency(agencies[0]), Viewer::Admin] {
                let outcome = service
                    .match_plan(&snapshot, &request, viewer, today)
                    .expect("matches");
                lines += outcome
                    .matches
                    .iter()
                    .map(|m| m.criteria.len())
                    .sum::<usize>();
                let (ours, serde) = both(&outcome);
                assert_eq!(ours, serde, "{}", path.display());
                compared += 1;
            }
        }
    }
    assert_eq!(compared, 24 * 2 * 3);
    assert!(lines > 1_000, "only {lines} explanation lines compared");
}

#[actix_web::test]
async fn every_optional_part_and_escaped_string_is_written_as_serde_writes_it() {
    let (app, _) = seeded_app().await;
    let service = app.state().service().clone();
    let snapshot = app.engine().snapshot();
    let plan: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("plans/01-cantonese-manchester-sight-loss.json"))
            .expect("read"),
    )
    .expect("JSON");
    let request: MatchRequest =
        serde_json::from_value(json!({"plan": plan, "limit": 3})).expect("request");
    let mut outcome = service
        .match_plan(
            &snapshot,
            &request,
            Viewer::Public,
            carematch_service::today(),
        )
        .expect("matches");
    assert!(outcome.matches.len() >= 2, "the fixtures match this plan");
    // Names with quotes, backslashes, control characters and non-ASCII; an agency with every
    // contact field and one with none; teams (and no matches).
    outcome.matches[0].name = "Ayşe \"Ace\" O\\Brien\n\t\u{1}\u{7f} 陈".into();
    outcome.matches[0].agency = Some(AgencyContact {
        id: AgencyId(7),
        name: "Smith & \"Sons\"".into(),
        phone: Some("0161 496 0123".into()),
        email: Some("a@b.example".into()),
        website: Some("https://b.example/\\x".into()),
        office_hours: Vec::new(),
    });
    outcome.matches[1].agency = None;
    outcome.matches[1].score = 1.0 / 3.0;
    outcome.matches[1].distance_km = 12.5;
    let (ours, serde) = both(&outcome);
    assert_eq!(ours, serde);
    assert!(ours.contains(r#"\"Ace\" O\\Brien\n\t\u0001"#), "{ours}");

    let members = outcome.matches.clone();
    outcome.teams = vec![Team {
        members,
        score: 0.5,
        coverage: 0.75,
        slots: Vec::new(),
    }];
    outcome.matches.clear();
    let (ours, serde) = both(&outcome);
    assert_eq!(ours, serde);
    assert!(
        ours.starts_with(r#"{"matches":[],"relaxations":"#),
        "{ours}"
    );
    assert!(ours.contains(r#","teams":[{"members":"#), "{ours}");
}
