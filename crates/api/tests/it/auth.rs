//! Keys and roles over HTTP: 401 for a missing, malformed, unknown or revoked key on writes; 403
//! for a role that may not act.

use awc::http::StatusCode;
use carematch_domain::Role;

use crate::carers::{World, carer, make_key};

#[actix_web::test]
async fn writes_need_a_valid_key() {
    let w = World::new().await;
    let body = carer("PA-1", true);
    let (status, _, text) = w.send("POST", "/v1/carers", None, &[], Some(&body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{text}");
    assert!(text.contains("\"unauthorized\""));
    for key in ["cmk_0000", "not-even-a-key", ""] {
        let (status, _, text) = w
            .send("POST", "/v1/carers", Some(key), &[], Some(&body))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{key}: {text}");
    }
    let (status, headers, _) = w
        .send(
            "GET",
            "/v1/carers",
            None,
            &[("Authorization", "Basic dXNlcjpwYXNz")],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        headers.get("www-authenticate").expect("challenge"),
        "Bearer"
    );
}

#[actix_web::test]
async fn a_revoked_key_is_401() {
    let w = World::new().await;
    let (key, id) = make_key(&w.store, Role::Agency, Some(w.agency_a));
    let (status, _) = w.json("GET", "/v1/carers", Some(&key), None).await;
    assert_eq!(status, StatusCode::OK);
    w.store.revoke_api_key(id).expect("revoke");
    let (status, body) = w.json("GET", "/v1/carers", Some(&key), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"]["code"], "unauthorized");
}

#[actix_web::test]
async fn commissioners_see_no_carer_records() {
    let w = World::new().await;
    let id = w.create(&w.key_a, &carer("PA-1", true)).await;
    let key = Some(w.commissioner.as_str());
    let (status, body) = w.json("GET", "/v1/carers", key, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "forbidden");
    let (status, _) = w.json("GET", &format!("/v1/carers/{id}"), key, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json("POST", "/v1/carers", key, Some(&carer("PA-2", true)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json("DELETE", &format!("/v1/carers/{id}"), key, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn an_agency_may_not_touch_another_agencys_carer() {
    let w = World::new().await;
    let id = w.create(&w.key_b, &carer("PA-1", false)).await;
    let path = format!("/v1/carers/{id}");
    let (status, body) = w
        .json("PUT", &path, Some(&w.key_a), Some(&carer("PA-1", true)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "forbidden");
    let (status, _) = w.json("DELETE", &path, Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nothing changed, and the admin may.
    let (status, body) = w.json("GET", &path, Some(&w.key_b), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["version"], 1);
    let (status, _) = w
        .json("PUT", &path, Some(&w.admin), Some(&carer("PA-1", true)))
        .await;
    assert_eq!(status, StatusCode::OK);
    // An agency may not create for another agency either.
    let other = format!("/v1/carers?agency_id={}", w.agency_b.0);
    let (status, _) = w
        .json("POST", &other, Some(&w.key_a), Some(&carer("PA-9", true)))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
