//! `/v1/enquiries` over HTTP: sending (one enquiry per agency, with its mail), field errors,
//! the honeypot, duplicates, the per-address limit, the private status link, the role matrix,
//! status changes and the person's mail, withdrawal and the retention purge.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, Role};
use carematch_testkit::TestApp;
use carematch_testkit::build::{CarerBuilder, leicester, provider};
use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::matches::{make_key, post};

/// Three agencies (with e-mail addresses), a listed PA at each, an unlisted PA, a service
/// managed by the first agency and one managed by none.
struct World {
    app: TestApp,
    agencies: Vec<AgencyId>,
    carers: Vec<i64>,
    unlisted: i64,
    managed: i64,
    independent: i64,
    keys: Vec<String>,
    commissioner: String,
    admin: String,
}

async fn world_with(app: TestApp) -> World {
    let store = app.store.clone();
    let mut agencies = Vec::new();
    let mut carers = Vec::new();
    for (i, name) in ["Mosaic 1898", "Purple", "Rosekel"].into_iter().enumerate() {
        let agency = store.create_agency(name).expect("agency").id;
        app.db().execute_raw(&format!(
            "UPDATE agencies SET email = 'inbox{i}@example.org', phone = '0116 496 000{i}' WHERE id = {agency}"
        ));
        let details = CarerBuilder::new()
            .name("Mei", &format!("Lam{i}"))
            .details();
        carers.push(
            store
                .insert_carer(
                    agency,
                    &details,
                    leicester(),
                    &carematch_domain::Actor::system("test"),
                )
                .expect("carer")
                .id
                .0,
        );
        agencies.push(agency);
    }
    let hidden = CarerBuilder::new().public_listing_consent(false).details();
    let unlisted = store
        .insert_carer(
            agencies[1],
            &hidden,
            leicester(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("carer")
        .id
        .0;
    let details = provider(0, leicester()).details;
    let managed = store
        .insert_provider(
            Some(agencies[0]),
            &details,
            leicester(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("provider")
        .id
        .0;
    let independent = store
        .insert_provider(
            None,
            &details,
            leicester(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("provider")
        .id
        .0;
    let keys = agencies
        .iter()
        .map(|a| make_key(&store, Role::Agency, Some(*a)))
        .collect();
    let commissioner = make_key(&store, Role::Commissioner, None);
    let admin = make_key(&store, Role::Admin, None);
    World {
        app,
        agencies,
        carers,
        unlisted,
        managed,
        independent,
        keys,
        commissioner,
        admin,
    }
}

async fn world() -> World {
    world_with(TestApp::spawn().await).await
}

fn enquiry(items: Value, message: &str) -> Value {
    json!({
        "name": "陳太太",
        "contact": {"by": "callback", "phone": "07700 900123", "email": "chan@example.org", "language": "yue"},
        "items": items,
        "message": message,
        "consent": true,
        "needs": {"languages": ["yue"], "services": ["meal_preparation"]},
        "outward_code": "LE1",
        "locale": "zh-Hant"
    })
}

fn carer_items(ids: &[i64]) -> Value {
    Value::Array(
        ids.iter()
            .map(|id| json!({"kind": "carer", "id": id}))
            .collect(),
    )
}

pub async fn get(app: &TestApp, path: &str, key: Option<&str>) -> (StatusCode, Value) {
    let (status, _, text) = app.request("GET", path, key, &[], Vec::new()).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn codes(body: &Value) -> Vec<(String, String)> {
    body["error"]["details"]
        .as_array()
        .map(|details| {
            details
                .iter()
                .map(|d| {
                    (
                        d["field"].as_str().unwrap_or_default().to_owned(),
                        d["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_shortlist_over_three_agencies_makes_three_enquiries_each_with_its_mail() {
    let w = world().await;
    let mut items = carer_items(&w.carers);
    items
        .as_array_mut()
        .expect("array")
        .push(json!({"kind": "provider", "id": w.managed}));
    let (status, body) = post(&w.app, "/v1/enquiries", None, &enquiry(items, "請致電")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let enquiries = body["enquiries"].as_array().expect("enquiries");
    assert_eq!(enquiries.len(), 3);
    let agencies: Vec<i64> = enquiries
        .iter()
        .filter_map(|e| e["agency_id"].as_i64())
        .collect();
    assert_eq!(agencies, w.agencies.iter().map(|a| a.0).collect::<Vec<_>>());
    assert_eq!(enquiries[0]["agency_name"], "Mosaic 1898");
    let token = body["status_token"].as_str().expect("token");
    assert_eq!(token.len(), 64);
    let batch = body["batch"].as_str().expect("batch");
    assert_eq!(
        body["status_url"],
        format!("/v1/enquiries/status/{batch}?token={token}")
    );
    let mails = w.app.store.enquiry_mails(None).expect("mails");
    assert_eq!(mails.len(), 3);
    let first = &mails[0];
    assert_eq!(first.kind, "enquiry_received");
    assert_eq!(first.recipient, "inbox0@example.org");
    assert!(
        first
            .body
            .contains("please call back in Cantonese on 07700 900123"),
        "{}",
        first.body
    );
    assert!(first.body.contains("Mei L. (PA") && first.body.contains("Provider 0 (service"));
    assert!(first.body.contains("/agency/enquiries"));
    assert!(
        first
            .body
            .contains(enquiries[0]["reference"].as_str().expect("reference"))
    );
    // Agency A's enquiry holds its two items; the others one each.
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.keys[0])).await;
    assert_eq!(listed["total"], 1);
    assert_eq!(
        listed["items"][0]["items"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(listed["items"][0]["needs"]["languages"], json!(["yue"]));
}

#[actix_web::test]
async fn bad_enquiries_get_field_errors_and_unlisted_carers_look_unknown() {
    let w = world().await;
    let mut body = enquiry(
        json!([{"kind": "carer", "id": w.unlisted}, {"kind": "carer", "id": 99_999},
               {"kind": "provider", "id": w.independent}]),
        "hello",
    );
    let (status, answer) = post(&w.app, "/v1/enquiries", None, &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(
        codes(&answer),
        [
            ("items[0]".to_owned(), "not_found".to_owned()),
            ("items[1]".to_owned(), "not_found".to_owned()),
            ("items[2]".to_owned(), "no_agency".to_owned()),
        ]
    );
    let details = &answer["error"]["details"];
    assert_eq!(details[0]["reason"], details[1]["reason"]);
    body["consent"] = json!(false);
    body["message"] = json!("x".repeat(1001));
    body["name"] = json!("");
    body["contact"] = json!({"by": "email"});
    let (status, answer) = post(&w.app, "/v1/enquiries", None, &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let found = codes(&answer);
    for expected in [
        ("name", "required"),
        ("contact.email", "required"),
        ("message", "too_long"),
        ("consent", "consent_required"),
    ] {
        assert!(
            found
                .iter()
                .any(|(f, c)| (f.as_str(), c.as_str()) == expected),
            "{expected:?} in {found:?}"
        );
    }
    let too_many: Vec<i64> = (1..=21).collect();
    let (status, answer) = post(
        &w.app,
        "/v1/enquiries",
        None,
        &enquiry(carer_items(&too_many), ""),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("items".to_owned(), "too_long".to_owned())]
    );
    assert!(w.app.store.enquiry_mails(None).expect("mails").is_empty());
}

#[actix_web::test]
async fn the_honeypot_is_answered_as_accepted_and_nothing_is_stored() {
    let w = world().await;
    let mut body = enquiry(carer_items(&w.carers[..1]), "buy now");
    body["website"] = json!("http://spam.example");
    let (status, answer) = post(&w.app, "/v1/enquiries", None, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["enquiries"].as_array().map(Vec::len), Some(1));
    let (status, _) = get(&w.app, answer["status_url"].as_str().expect("url"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.admin)).await;
    assert_eq!(listed["total"], 0);
    assert!(w.app.store.enquiry_mails(None).expect("mails").is_empty());
}

#[actix_web::test]
async fn the_same_enquiry_within_a_day_answers_with_the_first_references() {
    let w = world().await;
    let body = enquiry(carer_items(&w.carers[..2]), "same words");
    let (status, first) = post(&w.app, "/v1/enquiries", None, &body).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, again) = post(&w.app, "/v1/enquiries", None, &body).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["batch"], first["batch"]);
    assert_eq!(again["enquiries"], first["enquiries"]);
    assert!(again.get("status_token").is_none());
    assert_eq!(w.app.store.enquiry_mails(None).expect("mails").len(), 2);
}

#[actix_web::test]
async fn each_address_may_send_five_enquiries_an_hour() {
    let app = TestApp::builder()
        .config(|c| c.rate_limit.enquiries_per_hour = 5)
        .spawn()
        .await;
    let w = world_with(app).await;
    // A refused body costs nothing.
    let mut bad = enquiry(carer_items(&w.carers[..1]), "");
    bad["consent"] = json!(false);
    let (status, _) = post(&w.app, "/v1/enquiries", None, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for i in 0..5 {
        let (status, body) = post(
            &w.app,
            "/v1/enquiries",
            None,
            &enquiry(carer_items(&w.carers[..1]), &format!("message {i}")),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{i}: {body}");
    }
    let (status, headers, text) = w
        .app
        .request(
            "POST",
            "/v1/enquiries",
            None,
            &[("content-type", "application/json")],
            enquiry(carer_items(&w.carers[..1]), "one more").to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{text}");
    let wait: u64 = headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=720).contains(&wait), "{wait}");
    assert!(text.contains("rate_limited"));
    // Other endpoints are not affected.
    let (status, _) = get(&w.app, "/v1/vocabulary", None).await;
    assert_eq!(status, StatusCode::OK);
}

#[actix_web::test]
async fn the_status_link_needs_its_token_and_a_wrong_one_looks_unknown() {
    let w = world().await;
    let (_, sent) = post(
        &w.app,
        "/v1/enquiries",
        None,
        &enquiry(carer_items(&w.carers[..2]), "status"),
    )
    .await;
    let batch = sent["batch"].as_str().expect("batch");
    let token = sent["status_token"].as_str().expect("token");
    let (status, body) = get(
        &w.app,
        &format!("/v1/enquiries/status/{batch}?token={token}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let items = body["enquiries"].as_array().expect("enquiries");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["status"], "new");
    assert_eq!(items[0]["agency"]["name"], "Mosaic 1898");
    assert_eq!(items[0]["agency"]["phone"], "0116 496 0000");
    // Nothing the person typed comes back, nor any note.
    assert!(!body.to_string().contains("07700"));
    // One enquiry of the batch, with the token in a header.
    let one = items[1]["reference"].as_str().expect("reference");
    let (status, _, text) = w
        .app
        .request(
            "GET",
            &format!("/v1/enquiries/status/{}", one.to_lowercase()),
            None,
            &[("x-enquiry-token", token)],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    // The right token with its last digit changed (never the same digit: that would be the token).
    let last = if token.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &token[..63]);
    for path in [
        format!("/v1/enquiries/status/{batch}?token={wrong}"),
        format!("/v1/enquiries/status/{batch}"),
        format!("/v1/enquiries/status/CM-2222-2222?token={token}"),
    ] {
        let (status, body) = get(&w.app, &path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body["error"]["code"], "not_found");
        let (status, _, _) = w.app.request("DELETE", &path, None, &[], Vec::new()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[actix_web::test]
async fn agencies_see_only_their_own_and_commissioners_only_counts() {
    let w = world().await;
    for i in 0..6 {
        let (status, _) = post(
            &w.app,
            "/v1/enquiries",
            None,
            &enquiry(carer_items(&w.carers[..1]), &format!("to A {i}")),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.keys[0])).await;
    assert_eq!(listed["total"], 6);
    let id = listed["items"][0]["id"].as_i64().expect("id");
    assert_eq!(listed["items"][0]["message"], "to A 5", "newest first");
    let (_, other) = get(&w.app, "/v1/enquiries", Some(&w.keys[1])).await;
    assert_eq!(other["total"], 0);
    let path = format!("/v1/enquiries/{id}");
    let (status, _) = get(&w.app, &path, Some(&w.keys[1])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let events = format!("/v1/enquiries/{id}/events");
    let (status, _) = post(&w.app, &events, Some(&w.keys[1]), &json!({"note": "mine?"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&w.app, &path, Some(&w.admin)).await;
    assert_eq!(status, StatusCode::OK);
    for (key, expected) in [
        (Some(w.commissioner.as_str()), StatusCode::FORBIDDEN),
        (None, StatusCode::UNAUTHORIZED),
    ] {
        for path in ["/v1/enquiries", path.as_str()] {
            let (status, body) = get(&w.app, path, key).await;
            assert_eq!(status, expected, "{path}");
            assert!(!body.to_string().contains("陳"));
        }
        let (status, _) = post(&w.app, &events, key, &json!({"note": "x"})).await;
        assert_eq!(status, expected);
    }
    let (status, summary) = get(&w.app, "/v1/enquiries/summary", Some(&w.commissioner)).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["total"], 6);
    assert_eq!(
        summary["by_status"][0],
        json!({"status": "new", "count": 6})
    );
    assert_eq!(
        summary["by_status"][1],
        json!({"status": "contacted", "count": 0})
    );
    assert_eq!(summary["suppressed_below"], 5);
    let text = summary.to_string();
    assert!(!text.contains("陳") && !text.contains("07700") && !text.contains("CM-"));
    // One closed enquiry is a count below 5: suppressed.
    post(
        &w.app,
        &events,
        Some(&w.keys[0]),
        &json!({"status": "closed", "close_reason": "declined"}),
    )
    .await;
    let (_, summary) = get(&w.app, "/v1/enquiries/summary", Some(&w.admin)).await;
    assert_eq!(
        summary["by_status"][3],
        json!({"status": "closed", "count": null})
    );
    let (status, _) = get(&w.app, "/v1/enquiries/summary", Some(&w.keys[0])).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&w.app, "/v1/enquiries/summary", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn statuses_move_forward_and_the_person_hears_in_their_language() {
    let w = world().await;
    let (_, sent) = post(
        &w.app,
        "/v1/enquiries",
        None,
        &enquiry(carer_items(&w.carers[..1]), "status mail"),
    )
    .await;
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.keys[0])).await;
    let id = listed["items"][0]["id"].as_i64().expect("id");
    assert_eq!(
        listed["items"][0]["next"],
        json!(["contacted", "introduced", "closed"])
    );
    let events = format!("/v1/enquiries/{id}/events");
    let key = Some(w.keys[0].as_str());
    let (status, body) = post(
        &w.app,
        &events,
        key,
        &json!({"status": "contacted", "note": "已致電"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "contacted");
    let history = body["events"].as_array().expect("events");
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["note"], "已致電");
    assert!(
        history[1]["actor"]
            .as_str()
            .is_some_and(|a| a.starts_with("api key "))
    );
    let (status, body) = post(&w.app, &events, key, &json!({"status": "new"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [("status".to_owned(), "invalid_transition".to_owned())]
    );
    let (status, body) = post(&w.app, &events, key, &json!({"status": "closed"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [("close_reason".to_owned(), "required".to_owned())]
    );
    let (status, _) = post(&w.app, &events, key, &json!({"status": "introduced"})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = post(
        &w.app,
        &events,
        key,
        &json!({"status": "closed", "close_reason": "filled"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["closed_at"].is_string() && body["introduced_at"].is_string());
    let (status, body) = post(&w.app, &events, key, &json!({"status": "contacted"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.to_string().contains("cannot change"));
    let mails = w.app.store.enquiry_mails(Some(id)).expect("mails");
    let to_person: Vec<_> = mails
        .iter()
        .filter(|m| m.kind == "enquiry_status")
        .collect();
    assert_eq!(to_person.len(), 3);
    assert!(to_person.iter().all(|m| m.recipient == "chan@example.org"));
    assert!(
        to_person[0].subject.contains("查詢"),
        "{}",
        to_person[0].subject
    );
    assert!(to_person[2].body.contains("原因：您已找到照顧服務。"));
    // The person sees the status; the note stays with the agency.
    let (_, status_view) = get(&w.app, sent["status_url"].as_str().expect("url"), None).await;
    assert_eq!(status_view["enquiries"][0]["status"], "closed");
    assert_eq!(status_view["enquiries"][0]["close_reason"], "filled");
    assert!(!status_view.to_string().contains("已致電"));

    // Without an e-mail, the person gets no mail.
    let mut by_phone = enquiry(carer_items(&w.carers[1..2]), "no e-mail");
    by_phone["contact"] = json!({"by": "phone", "phone": "07700 900456"});
    post(&w.app, "/v1/enquiries", None, &by_phone).await;
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.keys[1])).await;
    let id = listed["items"][0]["id"].as_i64().expect("id");
    let (status, _) = post(
        &w.app,
        &format!("/v1/enquiries/{id}/events"),
        Some(&w.keys[1]),
        &json!({"status": "contacted"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let mails = w.app.store.enquiry_mails(Some(id)).expect("mails");
    assert_eq!(mails.len(), 1, "the agency's mail only");
}

#[actix_web::test]
async fn withdrawal_deletes_everything_personal_and_tells_the_agencies() {
    let w = world().await;
    let (_, sent) = post(
        &w.app,
        "/v1/enquiries",
        None,
        &enquiry(carer_items(&w.carers[..2]), "please delete me"),
    )
    .await;
    let url = sent["status_url"].as_str().expect("url");
    let (status, _, text) = w.app.request("DELETE", url, None, &[], Vec::new()).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{text}");
    let (status, _) = get(&w.app, url, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.admin)).await;
    assert_eq!(listed["total"], 0);
    let mails = w.app.store.enquiry_mails(None).expect("mails");
    assert_eq!(mails.len(), 2, "the two notices only");
    for mail in &mails {
        assert!(mail.subject.contains("withdrawn"));
        for personal in ["陳", "07700", "chan@example.org", "please delete me", "LE1"] {
            assert!(!mail.body.contains(personal) && !mail.subject.contains(personal));
        }
    }
}

#[actix_web::test]
async fn the_retention_purge_deletes_enquiries_closed_before_the_period() {
    let w = world().await;
    for message in ["closed", "open"] {
        post(
            &w.app,
            "/v1/enquiries",
            None,
            &enquiry(carer_items(&w.carers[..1]), message),
        )
        .await;
    }
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.keys[0])).await;
    let closed = listed["items"][1]["id"].as_i64().expect("id");
    post(
        &w.app,
        &format!("/v1/enquiries/{closed}/events"),
        Some(&w.keys[0]),
        &json!({"status": "closed", "close_reason": "no_reply"}),
    )
    .await;
    let service = w.app.state().service();
    let retention = Duration::days(180);
    let report = service
        .purge_expired(Utc::now() + Duration::days(179), retention)
        .expect("purge");
    assert_eq!(report.enquiries, 0);
    let report = service
        .purge_expired(Utc::now() + Duration::days(181), retention)
        .expect("purge");
    assert_eq!(report.enquiries, 1);
    let (_, listed) = get(&w.app, "/v1/enquiries", Some(&w.keys[0])).await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["message"], "open");
    assert!(
        w.app
            .store
            .enquiry_mails(Some(closed))
            .expect("mails")
            .is_empty()
    );
}
