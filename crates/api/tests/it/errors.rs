//! Bad input over HTTP: every kind gets a JSON error with a stable code, never a 500.

use awc::http::StatusCode;
use serde_json::{Value, json};

use crate::carers::{World, carer};

/// POSTs raw bytes as JSON to `/v1/carers` with agency A's key.
async fn post_raw(w: &World, body: &str) -> (StatusCode, Value) {
    let (status, _, text) = w
        .app
        .request(
            "POST",
            "/v1/carers",
            Some(&w.key_a),
            &[("Content-Type", "application/json")],
            body.as_bytes().to_vec(),
        )
        .await;
    (
        status,
        serde_json::from_str(&text).expect("a JSON error body"),
    )
}

pub fn fields(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d["field"].as_str().expect("field").to_owned())
        .collect()
}

#[actix_web::test]
async fn malformed_json_is_400_with_a_position() {
    let w = World::new().await;
    for bad in [
        "{\"given_name\": \"Mei\",",
        "{given_name: 1}",
        "",
        "{\"given_name\": \"Mei\" \"family_name\": \"Lam\"}",
    ] {
        let (status, body) = post_raw(&w, bad).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(body["error"]["code"], "malformed_json");
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .contains("line"),
            "{body}"
        );
    }
}

#[actix_web::test]
async fn an_unknown_field_is_422_naming_it() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["nickname"] = json!("Mimi");
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply["error"]["code"], "validation_failed");
    assert_eq!(fields(&reply), ["nickname"]);
    assert_eq!(reply["error"]["details"][0]["code"], "unknown_field");
}

#[actix_web::test]
async fn an_unknown_code_is_422_naming_its_place() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["languages"][0]["code"] = json!("xx");
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["languages[0].code"]);
    assert_eq!(reply["error"]["details"][0]["code"], "unknown_code");
}

#[actix_web::test]
async fn a_negative_rate_and_a_wrong_type_are_422() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["hourly_rate"] = json!(-250);
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["hourly_rate"]);
    assert_eq!(reply["error"]["details"][0]["code"], "out_of_range");

    let mut body = carer("PA-1", true);
    body["hours_per_week"] = json!("sixteen");
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["hours_per_week"]);

    let mut body = carer("PA-1", true);
    body.as_object_mut().expect("object").remove("services");
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["services"]);
    assert_eq!(reply["error"]["details"][0]["code"], "required");
}

#[actix_web::test]
async fn every_semantic_problem_is_reported_at_once() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["given_name"] = json!("  ");
    body["hours_per_week"] = json!(120);
    body["travel_radius_km"] = json!(250.0);
    body["availability"] = json!([
        {"day": "mon", "start": "09:00", "end": "13:00"},
        {"day": "tue", "start": "13:00", "end": "09:00"}
    ]);
    body["contact"] = json!({"email": "not-an-email"});
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = fields(&reply);
    for field in [
        "given_name",
        "hours_per_week",
        "travel_radius_km",
        "availability[1]",
        "contact.email",
    ] {
        assert!(
            fields.iter().any(|f| f == field),
            "{field} missing from {fields:?}"
        );
    }
    assert_eq!(fields.len(), 5, "{fields:?}");
}

#[actix_web::test]
async fn a_slot_ending_before_it_starts_names_the_slot() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["availability"] = json!([
        {"day": "mon", "start": "09:00", "end": "13:00"},
        {"day": "fri", "start": "22:00", "end": "07:00", "overnight": true},
        {"day": "sat", "start": "18:00", "end": "10:00"}
    ]);
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["availability[2]"]);
    assert_eq!(reply["error"]["details"][0]["code"], "invalid_order");
}

#[actix_web::test]
async fn an_unknown_postcode_is_422_on_postcode() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["postcode"] = json!("ZE3 9XX");
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["postcode"]);
    assert!(
        reply["error"]["details"][0]["reason"]
            .as_str()
            .expect("reason")
            .contains("unknown postcode")
    );
    body["postcode"] = json!("not a postcode");
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&reply), ["postcode"]);
}

#[actix_web::test]
async fn a_body_over_the_limit_is_413() {
    let w = World::new().await;
    let mut body = carer("PA-1", true);
    body["bio"] = json!("x".repeat(300 * 1024));
    let (status, reply) = post_raw(&w, &body.to_string()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply["error"]["code"], "payload_too_large");
}

#[actix_web::test]
async fn a_body_that_is_not_json_is_415() {
    let w = World::new().await;
    let (status, _, text) = w
        .app
        .request(
            "POST",
            "/v1/carers",
            Some(&w.key_a),
            &[("Content-Type", "text/plain")],
            carer("PA-1", true).to_string().into_bytes(),
        )
        .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let reply: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(reply["error"]["code"], "unsupported_media_type");
}
