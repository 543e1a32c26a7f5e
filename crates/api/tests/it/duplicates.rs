//! Likely duplicates end to end: a feed's snapshot through `CareService::sync_source` flags an
//! imported provider that looks like one made by hand (same name after normalising, same
//! postcode), leaves both in place, and an admin reviews the flag over HTTP; other roles may
//! not.

use awc::http::StatusCode;
use carematch_domain::{GeoPoint, ProviderDetails, Role, SourceKind};
use carematch_service::sources::{SourceRecord, SourceSnapshot};
use carematch_testkit::TestApp;
use chrono::Utc;
use serde_json::{Value, json};

use crate::matches::make_key;

fn details(name: &str, postcode: &str) -> ProviderDetails {
    serde_json::from_value(json!({
        "name": name, "kind": "luncheon_club", "staff_languages": ["yue"],
        "services": ["luncheon_club"], "postcode": postcode,
        "service_area": {"type": "radius", "km": 5.0}, "accepting_new_clients": true,
        "accepting_confirmed_on": "2026-12-01", "self_referral": true,
        "last_confirmed_on": "2026-12-01"
    }))
    .expect("details")
}

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let headers: &[(&str, &str)] = if body.is_some() {
        &[("Content-Type", "application/json")]
    } else {
        &[]
    };
    let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    let (status, _, text) = app.request(method, path, key, headers, body).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[actix_web::test]
async fn an_imported_twin_is_flagged_never_merged_and_reviewed_by_an_admin() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let point = GeoPoint::new(52.6369, -1.1398).expect("point");
    let held = store
        .insert_provider(
            None,
            &details("Wah Sum Luncheon Club Ltd", "LE1 3GQ"),
            point,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    let service = app.state().service().clone();
    let snapshot = SourceSnapshot {
        source: SourceKind::OpenReferral,
        feed: "https://council.example/openreferral/v3".into(),
        fetched_at: Utc::now(),
        records: vec![
            SourceRecord {
                line: 1,
                source_id: "a".into(),
                details: details("The Wah Sum Luncheon Club", "LE1 3GQ"),
                location: Some(point),
                uuid: None,
            },
            SourceRecord {
                line: 2,
                source_id: "b".into(),
                details: details("Somali Women's Group", "LE1 3GQ"),
                location: Some(point),
                uuid: None,
            },
        ],
    };
    let report = actix_web::web::block(move || service.sync_source(snapshot))
        .await
        .expect("block")
        .expect("sync");
    assert_eq!(report.created, 2);
    assert_eq!(report.duplicates.len(), 1, "{:?}", report.duplicates);
    let flag = &report.duplicates[0];
    assert_eq!(flag.candidate_id, held.id);
    assert_eq!(flag.reasons, ["name", "postcode"]);
    let imported = flag.provider_id;
    // Never merged: both are still there.
    assert!(store.get_provider(held.id).expect("read").is_some());
    assert!(store.get_provider(imported).expect("read").is_some());

    let admin = make_key(&store, Role::Admin, None);
    let commissioner = make_key(&store, Role::Commissioner, None);
    let path = "/v1/providers/duplicates";
    assert_eq!(
        call(&app, "GET", path, None, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&app, "GET", path, Some(&commissioner), None).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, page) = call(
        &app,
        "GET",
        "/v1/providers/duplicates?status=open",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["total"], 1);
    let item = &page["items"][0];
    assert_eq!(item["provider_name"], "The Wah Sum Luncheon Club");
    assert_eq!(item["candidate_name"], "Wah Sum Luncheon Club Ltd");
    assert_eq!(item["status"], "open");
    let id = item["id"].as_i64().expect("id");

    let review = format!("/v1/providers/duplicates/{id}");
    let distinct = Some(json!({"status": "distinct"}));
    assert_eq!(
        call(&app, "POST", &review, Some(&commissioner), distinct.clone())
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, body) = call(&app, "POST", &review, Some(&admin), distinct.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "distinct");
    assert!(body["resolved_at"].is_string());
    let (_, open) = call(
        &app,
        "GET",
        "/v1/providers/duplicates?status=open",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(open["total"], 0);
    let (status, _) = call(
        &app,
        "POST",
        &review,
        Some(&admin),
        Some(json!({"status": "gone"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = call(
        &app,
        "POST",
        "/v1/providers/duplicates/999999",
        Some(&admin),
        distinct,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The provider routes still take ids.
    let (status, _) = app.get(&format!("/v1/providers/{}", held.id.0)).await;
    assert_eq!(status, StatusCode::OK);
}
