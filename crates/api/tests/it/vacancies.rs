//! `/v1/vacancies` and `/v1/reports/time-to-fill` over HTTP on the demo fixtures: who may do
//! what (agencies, the holder of a private link, anonymous callers, commissioners), what a
//! person sees of a PA put forward, the status codes of refusals, the per-client limit on
//! public posts, and the report as JSON and CSV.

use awc::http::StatusCode;
use carematch_domain::Role;
use serde_json::{Value, json};

use crate::matches::{make_key, plan, post};
use carematch_testkit::TestApp;

async fn get(app: &TestApp, path: &str, key: Option<&str>) -> (StatusCode, Value) {
    let (status, _, text) = app.request("GET", path, key, &[], Vec::new()).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn gujarati_post() -> Value {
    json!({"outward_code": "LE4", "languages": ["guj"], "dietary_laws": ["vegetarian"],
           "services": ["personal_care"], "urgent": true,
           "schedule": [{"day": "mon", "start": "09:00", "end": "11:00"}]})
}

fn detail_code(body: &Value) -> &str {
    body["error"]["details"][0]["code"]
        .as_str()
        .unwrap_or_default()
}

#[actix_web::test]
async fn vacancies_from_opening_to_filled_with_who_sees_what() {
    let app = TestApp::builder().demo_fixtures().open_data().spawn().await;
    let store = app.store.clone();
    let keys: Vec<String> = app
        .agencies
        .iter()
        .map(|a| make_key(&store, Role::Agency, Some(*a)))
        .collect();
    let commissioner = make_key(&store, Role::Commissioner, None);

    // An agency opens one for its client, urgent; the public and commissioners cannot.
    let body =
        json!({"plan": plan("03-gujarati-leicester-dementia-vegetarian.json"), "urgent": true});
    let (status, _) = post(&app, "/v1/vacancies", None, &body).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = post(&app, "/v1/vacancies", Some(&commissioner), &body).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, opened) = post(&app, "/v1/vacancies", Some(&keys[0]), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    assert_eq!(
        (opened["status"].as_str(), opened["urgent"].as_bool()),
        (Some("open"), Some(true))
    );
    assert_eq!(opened["outward_code"], "LE4");
    let agency_ref = opened["reference"].as_str().expect("reference").to_owned();
    let (status, error) = post(
        &app,
        "/v1/vacancies",
        Some(&keys[0]),
        &json!({"urgent": true}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    let (status, _) = post(
        &app,
        "/v1/vacancies",
        Some(&keys[0]),
        &json!({"saved_plan_id": 999}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A person posts the outward code and needs: no name, no full postcode.
    let mut named = gujarati_post();
    named["name"] = json!("Mrs Patel");
    let (status, error) = post(&app, "/v1/vacancies/public", None, &named).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    let mut full = gujarati_post();
    full["outward_code"] = json!("LE4 0BF");
    let (status, error) = post(&app, "/v1/vacancies/public", None, &full).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["details"][0]["field"], "outward_code");
    let (status, posted) = post(&app, "/v1/vacancies/public", None, &gujarati_post()).await;
    assert_eq!(status, StatusCode::CREATED, "{posted}");
    let reference = posted["reference"].as_str().expect("reference").to_owned();
    let token = posted["token"].as_str().expect("token").to_owned();
    assert_eq!(
        posted["private_link"],
        format!("/vacancy/{reference}/{token}")
    );
    assert_eq!(posted["vacancy"]["owner"], "person");
    assert_eq!(posted["vacancy"]["plan"]["postcode"], Value::Null);

    // Only the owner sees a vacancy.
    let owner_path = format!("/v1/vacancies/{reference}?token={token}");
    let (status, _) = get(&app, &owner_path, None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get(
        &app,
        &format!("/v1/vacancies/{reference}?token=00{}", &token[2..]),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a wrong token");
    let (status, _) = get(&app, &format!("/v1/vacancies/{reference}"), None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = get(&app, &format!("/v1/vacancies/{reference}"), Some(&keys[0])).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an agency does not own a person's post"
    );
    let (status, _) = get(&app, &format!("/v1/vacancies/{agency_ref}"), Some(&keys[1])).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another agency's vacancy");
    let (status, _) = get(
        &app,
        &format!("/v1/vacancies/{agency_ref}"),
        Some(&commissioner),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, own) = get(&app, &format!("/v1/vacancies/{agency_ref}"), Some(&keys[0])).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["events"][0]["note"], "opened");

    // Some agency's PAs match the person's post; each sees only its own PAs.
    let mut proposer = None;
    for (i, key) in keys.iter().enumerate() {
        let (status, list) = get(&app, "/v1/vacancies/matching", Some(key)).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        for item in list["items"].as_array().expect("items") {
            assert!(item["vacancy"].get("plan").is_none(), "a summary only");
            for m in item["matches"].as_array().expect("matches") {
                let id = m["id"].as_i64().expect("id");
                let (status, _) = get(&app, &format!("/v1/carers/{id}"), Some(key)).await;
                assert_eq!(status, StatusCode::OK);
                let carer = store
                    .get_carer(carematch_domain::CarerId(id))
                    .expect("read")
                    .expect("carer");
                assert_eq!(
                    carer.agency_id, app.agencies[i],
                    "only the agency's own PAs"
                );
                assert!(!m["criteria"].as_array().expect("reasons").is_empty());
            }
            if item["vacancy"]["reference"] == reference.as_str() && proposer.is_none() {
                proposer = Some((i, item["matches"][0]["id"].as_i64().expect("id")));
            }
        }
        if let Some(first) = list["items"].as_array().and_then(|items| items.first()) {
            assert_eq!(first["vacancy"]["urgent"], true, "urgent first");
        }
    }
    let (i, carer_id) = proposer.expect("some agency's PA matches the Gujarati post");
    let forward = json!({"carer_id": carer_id, "note": "Speaks Gujarati at home."});
    let path = format!("/v1/vacancies/{reference}/proposals");
    let other = (i + 1) % keys.len();
    let (status, _) = post(&app, &path, Some(&keys[other]), &forward).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "not that agency's carer");
    let (status, _) = post(&app, &path, None, &forward).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, created) = post(&app, &path, Some(&keys[i]), &forward).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let (status, _) = post(&app, &path, Some(&keys[i]), &forward).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The person sees the PA's public view and the agency's public contact.
    let (_, view) = get(&app, &owner_path, None).await;
    let proposal = &view["proposals"][0];
    assert_eq!(proposal["carer"]["id"], carer_id);
    assert!(proposal["carer"].get("contact").is_none());
    assert!(proposal["carer"].get("postcode").is_none());
    assert!(proposal["carer"].get("family_name").is_none());
    assert!(proposal["carer"].get("location").is_none());
    assert_eq!(proposal["agency"]["id"], app.agencies[i].0);
    assert!(view["vacancy"].get("access_hash").is_none());

    // The person marks it filled; nothing moves after that.
    let status_path = format!("/v1/vacancies/{reference}/status?token={token}");
    let (status, _) = post(
        &app,
        &format!("/v1/vacancies/{reference}/status"),
        Some(&keys[i]),
        &json!({"status": "filled"}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "the proposer is not the owner"
    );
    let (status, error) = post(&app, &status_path, None, &json!({"status": "open"})).await;
    assert_eq!(
        (status, detail_code(&error)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid")
    );
    let (status, filled) = post(&app, &status_path, None, &json!({"status": "filled"})).await;
    assert_eq!(status, StatusCode::OK, "{filled}");
    assert_eq!(filled["status"], "filled");
    assert_eq!(filled["introduced_at"], filled["filled_at"]);
    let (status, error) = post(&app, &status_path, None, &json!({"status": "withdrawn"})).await;
    assert_eq!(
        (status, detail_code(&error)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_transition")
    );
    let (status, error) = post(&app, &path, Some(&keys[i]), &json!({"carer_id": carer_id})).await;
    assert_eq!(
        (status, detail_code(&error)),
        (StatusCode::UNPROCESSABLE_ENTITY, "vacancy_closed")
    );

    // The agency's own list, urgent first.
    let (status, list) = get(&app, "/v1/vacancies", Some(&keys[0])).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["reference"], agency_ref.as_str());

    // Time to fill: the agency's own figures; commissioners' aggregates suppressed below 5.
    let (status, own) = get(&app, "/v1/reports/time-to-fill", Some(&keys[0])).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["scope"], "agency");
    let (status, all) = get(
        &app,
        "/v1/reports/time-to-fill?format=json",
        Some(&commissioner),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(all["suppress_below"], 5);
    let filled_cell = all["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| {
            r["source"] == "vacancy" && r["measure"] == "filled" && r["dimension"] == "overall"
        })
        .expect("a filled row");
    assert_eq!(
        (filled_cell["suppressed"].as_bool(), &filled_cell["count"]),
        (Some(true), &Value::Null)
    );
    let (status, headers, csv) = app
        .request(
            "GET",
            "/v1/reports/time-to-fill?format=csv",
            Some(&commissioner),
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/csv"))
    );
    assert!(
        csv.starts_with("source,measure,dimension,key,label,count,median_days,p90_days\n"),
        "{csv}"
    );
    assert!(csv.contains("vacancy,filled,overall,,All,<5,,\n"), "{csv}");
    let (status, _) = get(&app, "/v1/reports/time-to-fill", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, error) = get(
        &app,
        "/v1/reports/time-to-fill?format=xml",
        Some(&commissioner),
    )
    .await;
    assert_eq!(
        (status, detail_code(&error)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid")
    );
}

#[actix_web::test]
async fn public_posts_have_a_per_client_limit_of_their_own() {
    let app = TestApp::builder()
        .demo_fixtures()
        .config(|c| c.rate_limit.vacancy_posts_per_hour = 5)
        .spawn()
        .await;
    let mut created = 0;
    loop {
        let (status, body) = post(&app, "/v1/vacancies/public", None, &gujarati_post()).await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(body["error"]["code"], "rate_limited");
            break;
        }
        assert_eq!(status, StatusCode::CREATED, "{body}");
        created += 1;
        assert!(created <= 5, "the limit never came");
    }
    assert_eq!(created, 5);
    // Other requests from the same client are not limited by it.
    let (status, _) = get(&app, "/v1/vocabulary", None).await;
    assert_eq!(status, StatusCode::OK);
}
