//! `/v1/reports` over HTTP: "Something wrong here?" reports on public listings, their mails
//! (to the listing's manager and every moderator, read back from the outbox table), field
//! errors, non-public listings looking unknown, the honeypot, duplicates, the per-address limit,
//! safeguarding flags, status changes and the role matrix.

use awc::http::StatusCode;
use carematch_domain::{Actor, AgencyId, CarerId, OrganisationId, Role};
use carematch_store::outbox::OutboxFilter;
use carematch_store::{MailKind, NewApiKey, OutboxMessage, Page, Store};
use carematch_testkit::TestApp;
use carematch_testkit::build::{CarerBuilder, leicester, provider};
use chrono::{TimeDelta, Utc};
use serde_json::{Value, json};

use crate::enquiries::{codes, get};
use crate::matches::{make_key, post};

/// Two agencies with e-mail addresses, a public PA at each, an unlisted PA, a provider managed
/// by the first agency, one managed by an organisation, a stale one; moderators with and
/// without e-mail, a revoked one, an admin with an e-mail.
struct World {
    app: TestApp,
    carers: Vec<i64>,
    unlisted: i64,
    managed: i64,
    organisation_listing: i64,
    stale: i64,
    agency_keys: Vec<String>,
    organisation_key: String,
    other_organisation_key: String,
    moderator: String,
    commissioner: String,
    admin: String,
    pa: String,
}

fn key_with(store: &Store, new: NewApiKey) -> String {
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    store.create_key(&hash, &new).expect("store key");
    key
}

async fn world_with(app: TestApp) -> World {
    let store = app.store.clone();
    let mut agencies = Vec::new();
    let mut carers = Vec::new();
    for (i, name) in ["Mosaic 1898", "Purple"].into_iter().enumerate() {
        let agency = store.create_agency(name).expect("agency").id;
        app.db().execute_raw(&format!(
            "UPDATE agencies SET email = 'inbox{i}@example.org' WHERE id = {agency}"
        ));
        let details = CarerBuilder::new()
            .name("Mei", &format!("Lam{i}"))
            .details();
        carers.push(
            store
                .insert_carer(agency, &details, leicester(), &Actor::system("test"))
                .expect("carer")
                .id
                .0,
        );
        agencies.push(agency);
    }
    let hidden = CarerBuilder::new().public_listing_consent(false).details();
    let unlisted = store
        .insert_carer(agencies[1], &hidden, leicester(), &Actor::system("test"))
        .expect("carer")
        .id
        .0;
    let details = provider(0, leicester()).details;
    let insert = |agency: Option<AgencyId>| {
        store
            .insert_provider(agency, &details, leicester(), &Actor::system("test"))
            .expect("provider")
            .id
            .0
    };
    let managed = insert(Some(agencies[0]));
    let organisation_listing = insert(None);
    let stale = insert(Some(agencies[0]));
    for (name, email) in [
        ("Chai Club", "club@example.org"),
        ("Other", "other@example.org"),
    ] {
        app.db().execute_raw(&format!(
            "INSERT INTO organisations (name, email, created_at) \
             VALUES ('{name}', '{email}', '2026-12-01 00:00:00')"
        ));
    }
    app.db().execute_raw(&format!(
        "UPDATE providers SET organisation_id = 1 WHERE id = {organisation_listing}"
    ));
    app.db().execute_raw(&format!(
        "UPDATE providers SET stale_since = '2026-06-01' WHERE id = {stale}"
    ));
    let agency_keys = agencies
        .iter()
        .map(|a| make_key(&store, Role::Agency, Some(*a)))
        .collect();
    let organisation = |id: i64| NewApiKey {
        organisation_id: Some(OrganisationId(id)),
        ..NewApiKey::new(Role::Organisation, "org")
    };
    let organisation_key = key_with(&store, organisation(1));
    let other_organisation_key = key_with(&store, organisation(2));
    let moderator = key_with(
        &store,
        NewApiKey {
            email: Some("Moderator@Example.org".into()),
            ..NewApiKey::new(Role::Moderator, "moderator")
        },
    );
    // A moderator without an e-mail, and a revoked one with one: neither is mailed.
    key_with(&store, NewApiKey::new(Role::Moderator, "no mail"));
    key_with(
        &store,
        NewApiKey {
            email: Some("gone@example.org".into()),
            ..NewApiKey::new(Role::Moderator, "revoked")
        },
    );
    app.db().execute_raw(
        "UPDATE api_keys SET revoked_at = '2026-12-01 00:00:00' WHERE label = 'revoked'",
    );
    let admin = key_with(
        &store,
        NewApiKey {
            email: Some("admin@example.org".into()),
            ..NewApiKey::new(Role::Admin, "admin")
        },
    );
    let pa = key_with(
        &store,
        NewApiKey {
            agency_id: Some(agencies[0]),
            carer_id: Some(CarerId(carers[0])),
            ..NewApiKey::new(Role::Pa, "pa")
        },
    );
    let commissioner = make_key(&store, Role::Commissioner, None);
    World {
        app,
        carers,
        unlisted,
        managed,
        organisation_listing,
        stale,
        agency_keys,
        organisation_key,
        other_organisation_key,
        moderator,
        commissioner,
        admin,
        pa,
    }
}

async fn world() -> World {
    world_with(TestApp::spawn().await).await
}

fn report(entity: &str, id: i64, kind: &str, message: &str) -> Value {
    json!({"entity": entity, "id": id, "kind": kind, "message": message})
}

/// The problem-report mails in the outbox table, oldest first.
fn report_mails(app: &TestApp) -> Vec<OutboxMessage> {
    let mut mails: Vec<OutboxMessage> = app
        .store
        .list_mail(OutboxFilter::default(), Page::new(1, 100))
        .expect("outbox")
        .items
        .into_iter()
        .filter(|m| m.kind == MailKind::ProblemReport)
        .collect();
    mails.sort_by_key(|m| m.id);
    mails
}

fn recipients(mails: &[OutboxMessage]) -> Vec<String> {
    let mut out: Vec<String> = mails.iter().map(|m| m.recipient.clone()).collect();
    out.sort();
    out
}

async fn sent(w: &World, body: &Value) -> String {
    let (status, answer) = post(&w.app, "/v1/reports", None, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["duplicate"], false);
    answer["reference"].as_str().expect("reference").to_owned()
}

#[actix_web::test]
async fn a_report_goes_to_the_agency_and_every_moderator_with_a_mail() {
    let w = world().await;
    let mut body = report(
        "carer",
        w.carers[0],
        "wrong_language",
        "She speaks Gujarati, not Urdu.",
    );
    body["contact"] = json!("sam@example.org");
    let reference = sent(&w, &body).await;
    assert!(
        reference.starts_with("CM-") && reference.len() == 12,
        "{reference}"
    );
    let mails = report_mails(&w.app);
    assert_eq!(
        recipients(&mails),
        [
            "admin@example.org",
            "inbox0@example.org",
            "moderator@example.org"
        ]
    );
    for mail in &mails {
        assert!(mail.body.contains(&reference) && mail.body.contains("Mei L. (PA"));
        assert!(mail.body.contains("wrong language") && mail.body.contains("sam@example.org"));
        assert!(!mail.subject.contains("[SAFEGUARDING]"));
        // The PA's location never leaves in a report: no postcode, no coordinates.
        assert!(
            !mail.body.contains("LE") && !mail.body.contains("52."),
            "{}",
            mail.body
        );
    }
    let to_agency = mails
        .iter()
        .find(|m| m.recipient == "inbox0@example.org")
        .expect("agency mail");
    assert!(to_agency.body.contains("/agency/reports"));
    assert!(to_agency.agency.is_some());
    let (status, listed) = get(&w.app, "/v1/reports", Some(&w.agency_keys[0])).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert_eq!(listed["total"], 1);
    let item = &listed["items"][0];
    assert_eq!(item["reference"], reference.as_str());
    assert_eq!(item["status"], "open");
    assert_eq!(item["contact"], "sam@example.org");
    assert_eq!(
        item["next"],
        json!(["acknowledged", "resolved", "dismissed"])
    );
}

#[actix_web::test]
async fn bad_reports_get_field_errors_and_non_public_listings_look_unknown() {
    let w = world().await;
    let mut bad = report("carer", 0, "other", "");
    bad["contact"] = json!("ring me");
    let (status, answer) = post(&w.app, "/v1/reports", None, &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(
        codes(&answer),
        [
            ("id".to_owned(), "out_of_range".to_owned()),
            ("message".to_owned(), "required".to_owned()),
            ("contact".to_owned(), "invalid_format".to_owned()),
        ]
    );
    let long = report("provider", w.managed, "closed", &"x".repeat(1001));
    let (status, answer) = post(&w.app, "/v1/reports", None, &long).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("message".to_owned(), "too_long".to_owned())]
    );
    let unknown_kind = json!({"entity": "carer", "id": w.carers[0], "kind": "rude"});
    let (status, _) = post(&w.app, "/v1/reports", None, &unknown_kind).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut answers = Vec::new();
    for (entity, id) in [
        ("carer", w.unlisted),
        ("carer", 99_999),
        ("provider", w.stale),
        ("provider", 99_999),
    ] {
        let (status, answer) = post(
            &w.app,
            "/v1/reports",
            None,
            &report(entity, id, "closed", ""),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{entity} {id}: {answer}");
        answers.push(answer["error"]["code"].clone());
    }
    assert!(
        answers.iter().all(|code| *code == answers[0]),
        "{answers:?}"
    );
    let (_, listed) = get(&w.app, "/v1/reports", Some(&w.admin)).await;
    assert_eq!(listed["total"], 0);
    assert!(report_mails(&w.app).is_empty());
}

#[actix_web::test]
async fn the_honeypot_is_answered_as_accepted_and_nothing_is_stored() {
    let w = world().await;
    let mut body = report("provider", w.managed, "closed", "cheap pills");
    body["website"] = json!("http://spam.example");
    let reference = sent(&w, &body).await;
    let (status, _) = get(&w.app, &format!("/v1/reports/{reference}"), Some(&w.admin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, listed) = get(&w.app, "/v1/reports", Some(&w.admin)).await;
    assert_eq!(listed["total"], 0);
    assert!(report_mails(&w.app).is_empty());
}

#[actix_web::test]
async fn the_same_report_within_a_day_gets_the_same_reference_and_one_mail_each() {
    let w = world().await;
    let first = sent(
        &w,
        &report(
            "provider",
            w.managed,
            "moved",
            "Now at the Highfields Centre",
        ),
    )
    .await;
    let mails = report_mails(&w.app).len();
    assert_eq!(mails, 3);
    // Case and spacing do not make a new report.
    let again = report(
        "provider",
        w.managed,
        "moved",
        "  now at the  HIGHFIELDS centre ",
    );
    let (status, answer) = post(&w.app, "/v1/reports", None, &again).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["duplicate"], true);
    assert_eq!(answer["reference"], first.as_str());
    assert_eq!(report_mails(&w.app).len(), mails);
    // Another kind about the same listing is a report of its own.
    let other = sent(
        &w,
        &report(
            "provider",
            w.managed,
            "closed",
            "Now at the Highfields Centre",
        ),
    )
    .await;
    assert_ne!(other, first);
    let (_, listed) = get(&w.app, "/v1/reports", Some(&w.moderator)).await;
    assert_eq!(listed["total"], 2);
}

#[actix_web::test]
async fn safeguarding_reports_are_flagged_sent_first_and_listed_first() {
    let w = world().await;
    let routine = sent(&w, &report("carer", w.carers[1], "closed", "")).await;
    let urgent = sent(
        &w,
        &report(
            "carer",
            w.carers[1],
            "safeguarding",
            "I saw something worrying on a visit",
        ),
    )
    .await;
    let later = sent(&w, &report("provider", w.managed, "not_taking_clients", "")).await;
    let mails = report_mails(&w.app);
    let flagged: Vec<&OutboxMessage> = mails
        .iter()
        .filter(|m| m.subject.starts_with("[SAFEGUARDING]"))
        .collect();
    assert_eq!(flagged.len(), 3, "agency, moderator and admin");
    assert!(
        flagged
            .iter()
            .all(|m| m.body.contains(&urgent) && m.body.contains("999"))
    );
    // The sender takes the safeguarding mails ahead of the routine ones queued before them.
    let claimed = w
        .app
        .store
        .claim_mail("test", TimeDelta::minutes(5), 3, Utc::now())
        .expect("claim");
    assert_eq!(claimed.len(), 3);
    assert!(
        claimed
            .iter()
            .all(|m| m.subject.starts_with("[SAFEGUARDING]")),
        "{:?}",
        claimed.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let (_, listed) = get(&w.app, "/v1/reports", Some(&w.moderator)).await;
    let order: Vec<&str> = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|r| r["reference"].as_str())
        .collect();
    assert_eq!(order, [urgent.as_str(), later.as_str(), routine.as_str()]);
    assert_eq!(listed["items"][0]["safeguarding"], true);
    let (_, only) = get(&w.app, "/v1/reports?kind=safeguarding", Some(&w.moderator)).await;
    assert_eq!(only["total"], 1);
    // Once dealt with, it no longer heads the list.
    let (status, _) = post(
        &w.app,
        &format!("/v1/reports/{urgent}/status"),
        Some(&w.moderator),
        &json!({"status": "resolved", "resolution": "Passed to the safeguarding team."}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, listed) = get(&w.app, "/v1/reports", Some(&w.moderator)).await;
    assert_eq!(listed["items"][0]["reference"], later.as_str());
}

#[actix_web::test]
async fn an_organisation_listing_reports_to_the_organisation_which_sees_its_own_only() {
    let w = world().await;
    let theirs = sent(
        &w,
        &report("provider", w.organisation_listing, "closed", ""),
    )
    .await;
    let agencys = sent(&w, &report("provider", w.managed, "closed", "")).await;
    let mails: Vec<OutboxMessage> = report_mails(&w.app)
        .into_iter()
        .filter(|m| m.body.contains(&theirs))
        .collect();
    assert_eq!(
        recipients(&mails),
        [
            "admin@example.org",
            "club@example.org",
            "moderator@example.org"
        ]
    );
    let (status, listed) = get(&w.app, "/v1/reports", Some(&w.organisation_key)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["items"][0]["reference"], theirs.as_str());
    assert_eq!(listed["items"][0]["organisation_id"], 1);
    let (status, _) = get(
        &w.app,
        &format!("/v1/reports/{agencys}"),
        Some(&w.organisation_key),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, other) = get(&w.app, "/v1/reports", Some(&w.other_organisation_key)).await;
    assert_eq!(other["total"], 0);
    let (_, agency) = get(&w.app, "/v1/reports", Some(&w.agency_keys[0])).await;
    assert_eq!(agency["total"], 1);
    assert_eq!(agency["items"][0]["reference"], agencys.as_str());
    // The organisation handles its own.
    let (status, changed) = post(
        &w.app,
        &format!("/v1/reports/{theirs}/status"),
        Some(&w.organisation_key),
        &json!({"status": "acknowledged"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["status"], "acknowledged");
}

#[actix_web::test]
async fn anyone_may_report_but_only_handlers_read_and_each_agency_its_own() {
    let w = world().await;
    let reference = sent(&w, &report("carer", w.carers[0], "closed", "")).await;
    let path = format!("/v1/reports/{reference}");
    let (status, _) = get(&w.app, "/v1/reports", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = get(&w.app, &path, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for key in [&w.commissioner, &w.pa] {
        let (status, _) = get(&w.app, "/v1/reports", Some(key)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = get(&w.app, &path, Some(key)).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = post(
            &w.app,
            &format!("{path}/status"),
            Some(key),
            &json!({"status": "acknowledged"}),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    for key in [&w.agency_keys[0], &w.moderator, &w.admin] {
        let (status, body) = get(&w.app, &path, Some(key)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["entity"], "carer");
    }
    // Lower case, as people type it.
    let (status, _) = get(&w.app, &path.to_lowercase(), Some(&w.moderator)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get(&w.app, &path, Some(&w.agency_keys[1])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, listed) = get(&w.app, "/v1/reports", Some(&w.agency_keys[1])).await;
    assert_eq!(listed["total"], 0);
    let (status, _) = post(
        &w.app,
        &format!("{path}/status"),
        Some(&w.agency_keys[1]),
        &json!({"status": "acknowledged"}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn statuses_move_forward_with_a_resolution_and_never_back() {
    let w = world().await;
    let reference = sent(&w, &report("provider", w.managed, "closed", "")).await;
    let path = format!("/v1/reports/{reference}/status");
    let key = Some(w.agency_keys[0].as_str());
    let (status, answer) = post(&w.app, &path, key, &json!({"status": "resolved"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("resolution".to_owned(), "required".to_owned())]
    );
    let (status, answer) = post(&w.app, &path, key, &json!({"status": "open"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("status".to_owned(), "invalid_transition".to_owned())]
    );
    let (status, answer) = post(&w.app, &path, key, &json!({"status": "acknowledged"})).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["next"], json!(["resolved", "dismissed"]));
    let (status, answer) = post(
        &w.app,
        &path,
        key,
        &json!({"status": "acknowledged", "resolution": "looking"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("resolution".to_owned(), "conflict".to_owned())]
    );
    let (status, answer) = post(&w.app, &path, key, &json!({"status": "acknowledged"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("status".to_owned(), "invalid_transition".to_owned())]
    );
    let (status, answer) = post(
        &w.app,
        &path,
        key,
        &json!({"status": "dismissed", "resolution": "Still open: we checked."}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["resolution"], "Still open: we checked.");
    assert_eq!(answer["next"], json!([]));
    // Closed for good, also for moderators.
    let (status, answer) = post(
        &w.app,
        &path,
        Some(&w.moderator),
        &json!({"status": "resolved", "resolution": "again"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&answer),
        [("status".to_owned(), "invalid_transition".to_owned())]
    );
    let (_, open) = get(&w.app, "/v1/reports?status=open", Some(&w.moderator)).await;
    assert_eq!(open["total"], 0);
    let (_, dismissed) = get(&w.app, "/v1/reports?status=dismissed", Some(&w.moderator)).await;
    assert_eq!(dismissed["total"], 1);
    let (status, _) = get(&w.app, "/v1/reports?status=lost", Some(&w.moderator)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn each_address_may_make_a_few_reports_an_hour() {
    let app = TestApp::builder()
        .config(|c| c.rate_limit.reports_per_hour = 2)
        .spawn()
        .await;
    let w = world_with(app).await;
    // A refused body costs nothing.
    let (status, _) = post(
        &w.app,
        "/v1/reports",
        None,
        &report("carer", 0, "closed", ""),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for i in 0..2 {
        sent(
            &w,
            &report("carer", w.carers[0], "other", &format!("note {i}")),
        )
        .await;
    }
    let (status, headers, text) = w
        .app
        .request(
            "POST",
            "/v1/reports",
            None,
            &[("content-type", "application/json")],
            report("carer", w.carers[0], "other", "one more").to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{text}");
    assert!(headers.get("retry-after").is_some());
}
