//! `/v1/providers` over HTTP: everyone reads the published view; only the agency that created a
//! provider (or an admin) edits it.

use awc::http::StatusCode;
use serde_json::{Value, json};

use crate::carers::World;

pub fn provider(name: &str) -> Value {
    json!({
        "name": name,
        "kind": "luncheon_club",
        "description": "Cantonese lunches and company.",
        "communities": ["chinese"],
        "staff_languages": ["yue", "eng"],
        "cuisines": ["cantonese"],
        "services": ["luncheon_club", "companionship"],
        "postcode": "LE1 1LA",
        "service_area": {"type": "radius", "km": 10.0},
        "accepting_new_clients": true,
        "accepting_confirmed_on": "2001-01-01",
        "checks": [{"kind": "cqc_registered", "expires_on": "2099-01-01", "reference": "1-2345"}],
        "contact": {"phone": "0116 496 0999", "website": "https://example.org"},
        "self_referral": true,
        "last_confirmed_on": "2026-11-01",
        "external_ref": "ORG-INTERNAL-7"
    })
}

#[actix_web::test]
async fn agencies_edit_only_the_providers_they_created() {
    let w = World::new().await;
    let (status, created) = w
        .json(
            "POST",
            "/v1/providers",
            Some(&w.key_a),
            Some(&provider("Wah Sum")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["agency_id"], w.agency_a.0);
    let path = format!("/v1/providers/{}", created["id"]);

    let (status, _) = w
        .json("PUT", &path, Some(&w.key_b), Some(&provider("Taken")))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w.json("DELETE", &path, Some(&w.key_b), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json(
            "POST",
            "/v1/providers",
            Some(&w.commissioner),
            Some(&provider("X")),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json("POST", "/v1/providers", None, Some(&provider("X")))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, _, text) = w
        .send(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("If-Match", "\"1\"")],
            Some(&provider("Wah Sum Club")),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let (status, _, _) = w
        .send(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("If-Match", "\"1\"")],
            Some(&provider("Again")),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Admin-created providers are the admins' alone.
    let (status, admins) = w
        .json(
            "POST",
            "/v1/providers",
            Some(&w.admin),
            Some(&provider("Council day centre")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let admin_path = format!("/v1/providers/{}", admins["id"]);
    let (status, _) = w
        .json("PUT", &admin_path, Some(&w.key_a), Some(&provider("Mine")))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w.json("DELETE", &path, Some(&w.admin), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = w.json("GET", &path, None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_public_view_is_the_published_information() {
    let w = World::new().await;
    let (_, created) = w
        .json(
            "POST",
            "/v1/providers",
            Some(&w.key_a),
            Some(&provider("Wah Sum")),
        )
        .await;
    let path = format!("/v1/providers/{}", created["id"]);
    for key in [None, Some(w.commissioner.as_str()), Some(w.key_b.as_str())] {
        let (status, _, text) = w.send("GET", &path, key, &[], None).await;
        assert_eq!(status, StatusCode::OK);
        for internal in ["ORG-INTERNAL-7", "agency_id", "\"version\"", "\"lat\""] {
            assert!(!text.contains(internal), "{internal} in {text}");
        }
        let body: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(body["contact"]["phone"], "0116 496 0999");
        assert_eq!(body["postcode"], "LE1 1LA");
        assert_eq!(body["cqc_location_id"], "1-2345");
        // Confirmed long ago: the flag has lapsed.
        assert_eq!(body["accepting_new_clients"], false);
    }
    let (_, full) = w.json("GET", &path, Some(&w.key_a), None).await;
    assert_eq!(full["external_ref"], "ORG-INTERNAL-7");

    let (status, page) = w.json("GET", "/v1/providers?per_page=10", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["total"], 1);
    assert!(page["items"][0].get("external_ref").is_none());
    let (_, mine) = w
        .json("GET", "/v1/providers?mine=true", Some(&w.key_b), None)
        .await;
    assert_eq!(mine["total"], 0);
}

#[actix_web::test]
async fn provider_validation_lists_every_field() {
    let w = World::new().await;
    let mut body = provider("");
    body["staff_languages"] = json!([]);
    body["service_area"] = json!({"type": "polygon", "coordinates": [[[0.0, 0.0], [1.0, 1.0]]]});
    let (status, reply) = w
        .json("POST", "/v1/providers", Some(&w.key_a), Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = reply["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        ["name", "staff_languages", "service_area.coordinates[0]"],
        "{reply}"
    );
}
