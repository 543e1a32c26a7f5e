//! Checks in plans: `checks` asks for any check kind, required or preferred, judged valid on the
//! day of the match.

use awc::http::StatusCode;
use serde_json::{Value, json};

use crate::matches::{plan, post, seeded_app};

fn check_lines(body: &Value) -> Vec<(String, String)> {
    body["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| {
            let line = m["criteria"]
                .as_array()
                .expect("criteria")
                .iter()
                .find(|c| c["criterion"] == "check:dbs_enhanced")
                .unwrap_or_else(|| panic!("no check line in {m}"));
            (
                line["result"].as_str().expect("result").to_owned(),
                line["detail"].as_str().expect("detail").to_owned(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn a_plan_can_require_or_prefer_a_valid_check() {
    let (app, _) = seeded_app().await;
    let mut preferred = plan("01-cantonese-manchester-sight-loss.json");
    preferred["checks"] = json!([{"code": "dbs_enhanced", "priority": "preferred"}]);
    let (status, loose) = post(
        &app,
        "/v1/matches",
        None,
        &json!({"plan": preferred, "limit": 50}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{loose}");
    let loose_lines = check_lines(&loose);
    assert!(
        loose_lines.iter().any(|(result, _)| result == "met"),
        "no one with a valid DBS check: {loose_lines:?}"
    );

    let mut required = preferred.clone();
    required["checks"][0]["priority"] = json!("required");
    let (status, strict) = post(
        &app,
        "/v1/matches",
        None,
        &json!({"plan": required, "limit": 50}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{strict}");
    let strict_lines = check_lines(&strict);
    assert!(!strict_lines.is_empty());
    for (result, detail) in &strict_lines {
        assert_eq!(result, "met");
        assert!(detail.starts_with("DBS check valid until "), "{detail}");
    }
    // Requiring keeps exactly those who met it when it was preferred.
    let met = loose_lines.iter().filter(|(r, _)| r == "met").count();
    assert_eq!(strict_lines.len(), met.min(50));
}

#[actix_web::test]
async fn check_codes_are_validated() {
    let (app, _) = seeded_app().await;
    for (checks, field) in [
        (
            json!([{"code": "dbs_basic", "priority": "required"}]),
            "plan.checks[0].code",
        ),
        (
            json!([
                {"code": "first_aid", "priority": "required"},
                {"code": "first_aid", "priority": "preferred"}
            ]),
            "plan.checks[1]",
        ),
    ] {
        let mut bad = plan("01-cantonese-manchester-sight-loss.json");
        bad["checks"] = checks;
        let (status, body) = post(&app, "/v1/matches", None, &json!({"plan": bad})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["details"][0]["field"], field, "{body}");
    }
}
