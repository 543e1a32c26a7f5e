//! PA self-registration over HTTP (docs/listings.md, "PA self-registration"): validation, the
//! confirm link read from the outbox, a pending PA visible to the chosen agency only, vetting
//! decisions, and the PA's own rights (their own record only; operational facts at once, the
//! rest through moderation). Both backends (`CAREMATCH_TEST_DATABASE_URL`).

use awc::http::StatusCode;
use carematch_domain::{AgencyId, AgencyProfile, CarerId, Role};
use carematch_store::outbox::OutboxFilter;
use carematch_store::{MailKind, NewApiKey, OutboxMessage, Page, Store};
use serde_json::{Value, json};

use crate::carers::{World, carer};
use crate::errors::fields;

const EMAIL: &str = "mei.lam@example.org";

/// A registration body for agency `agency`: the PA's own profile, no checks.
fn registration(agency: AgencyId, email: &str, consent: bool) -> Value {
    let mut details = carer("ignored", consent);
    details["checks"] = json!([]);
    details["given_name"] = json!("Wenlan");
    json!({"agency_id": agency.0, "email": email, "carer": details})
}

fn mails(store: &Store) -> Vec<OutboxMessage> {
    store
        .list_mail(OutboxFilter::default(), Page::new(1, 100))
        .expect("outbox")
        .items
}

/// The token of the newest link of `path` (`/pa/confirm/`) mailed to `to`.
fn token_in_mail(store: &Store, to: &str, path: &str) -> String {
    let mail = mails(store)
        .into_iter()
        .find(|m| m.recipient == to && m.kind == MailKind::SignInLink && m.body.contains(path))
        .expect("a link mail");
    let at = mail.body.find(path).expect("link") + path.len();
    mail.body[at..]
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect()
}

/// A `pa` key for carer `id` held by `agency` (as an admin would issue one).
fn pa_key(store: &Store, id: i64, agency: AgencyId) -> String {
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    store
        .create_key(
            &hash,
            &NewApiKey {
                agency_id: Some(agency),
                carer_id: Some(CarerId(id)),
                email: Some("pa.key@example.org".into()),
                ..NewApiKey::new(Role::Pa, "test PA")
            },
        )
        .expect("key");
    key
}

/// Registers (as `email`) with agency A and confirms; the new carer's id.
async fn register_and_confirm(w: &World, email: &str, consent: bool) -> i64 {
    let (status, body) = w
        .json(
            "POST",
            "/v1/pa/registrations",
            None,
            Some(&registration(w.agency_a, email, consent)),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let token = token_in_mail(&w.store, email, "/pa/confirm/");
    let (status, body) = w
        .json(
            "POST",
            "/v1/pa/confirmations",
            None,
            Some(&json!({"token": token})),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let key = w
        .store
        .find_pa_key_by_email(email)
        .expect("read")
        .expect("key");
    key.carer_id.expect("carer").0
}

async fn world_with_agency_mail() -> World {
    let w = World::new().await;
    let profile = AgencyProfile {
        email: Some("office@agency-a.example.org".into()),
        ..AgencyProfile::named("Agency A")
    };
    w.app
        .state()
        .service()
        .update_agency(carematch_domain::Caller::Admin, w.agency_a, profile, None)
        .expect("profile");
    w
}

#[actix_web::test]
async fn registration_errors_are_named() {
    let w = World::new().await;
    let mut body = registration(w.agency_a, "not an address", true);
    body["carer"]["checks"] =
        json!([{"kind": "dbs_enhanced", "expires_on": "2099-01-01", "reference": "X"}]);
    body["carer"]["languages"] = json!([]);
    let (status, answer) = w
        .json("POST", "/v1/pa/registrations", None, Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let named = fields(&answer);
    for field in ["email", "carer.checks", "carer.languages"] {
        assert!(named.iter().any(|f| f == field), "{field}: {answer}");
    }

    let (status, answer) = w
        .json(
            "POST",
            "/v1/pa/registrations",
            None,
            Some(&registration(AgencyId(999), EMAIL, true)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(fields(&answer), ["agency_id"]);

    let mut body = registration(w.agency_a, EMAIL, true);
    body["carer"]["postcode"] = json!("ZZ9 9ZZ");
    let (status, answer) = w
        .json("POST", "/v1/pa/registrations", None, Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(fields(&answer), ["postcode"]);
    assert!(mails(&w.store).is_empty(), "nothing sent for a bad form");
}

#[actix_web::test]
async fn honeypot_and_repeat_registrations_store_nothing_new() {
    let w = World::new().await;
    let mut robot = registration(w.agency_a, "robot@example.org", true);
    robot["website"] = json!("https://spam.example");
    let (status, _) = w
        .json("POST", "/v1/pa/registrations", None, Some(&robot))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert!(mails(&w.store).is_empty());
    assert!(
        w.store
            .find_pa_key_by_email("robot@example.org")
            .expect("read")
            .is_none()
    );

    let id = register_and_confirm(&w, EMAIL, true).await;
    let (status, _) = w
        .json(
            "POST",
            "/v1/pa/registrations",
            None,
            Some(&registration(w.agency_a, "MEI.LAM@example.org", true)),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "answered as a new one");
    let key = w
        .store
        .find_pa_key_by_email(EMAIL)
        .expect("read")
        .expect("key");
    assert_eq!(key.carer_id, Some(CarerId(id)), "no second record");
}

#[actix_web::test]
async fn a_pending_pa_is_seen_by_the_chosen_agency_only_until_approved() {
    let w = world_with_agency_mail().await;
    let (status, _) = w
        .json(
            "POST",
            "/v1/pa/registrations",
            None,
            Some(&registration(w.agency_a, EMAIL, true)),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    // Not confirmed yet: the agency has heard nothing.
    let (status, waiting) = w
        .json("GET", "/v1/pa/registrations", Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{waiting}");
    assert_eq!(waiting, json!([]));
    assert!(!mails(&w.store).iter().any(|m| m.kind == MailKind::Vetting));

    let token = token_in_mail(&w.store, EMAIL, "/pa/confirm/");
    let confirm = json!({"token": token});
    let (status, _) = w
        .json("POST", "/v1/pa/confirmations", None, Some(&confirm))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = w
        .json("POST", "/v1/pa/confirmations", None, Some(&confirm))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a link works once");
    let told: Vec<_> = mails(&w.store)
        .into_iter()
        .filter(|m| m.kind == MailKind::Vetting)
        .collect();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].recipient, "office@agency-a.example.org");

    let (_, waiting) = w
        .json("GET", "/v1/pa/registrations", Some(&w.key_a), None)
        .await;
    let id = waiting[0]["id"].as_i64().expect("id");
    assert_eq!(waiting[0]["given_name"], "Wenlan");
    let (_, theirs) = w
        .json("GET", "/v1/pa/registrations", Some(&w.key_b), None)
        .await;
    assert_eq!(theirs, json!([]));
    let (status, _) = w
        .json(
            "GET",
            &format!("/v1/pa/registrations?agency_id={}", w.agency_a.0),
            Some(&w.key_b),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Blind: the public, the other agency; the chosen agency sees it in full.
    let path = format!("/v1/carers/{id}");
    assert_eq!(
        w.json("GET", &path, None, None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        w.json("GET", &path, Some(&w.key_b), None).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, full) = w.json("GET", &path, Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(full["family_name"], "Lamberton");
    for key in [None, Some(w.key_b.as_str())] {
        let (_, list) = w.json("GET", "/v1/carers", key, None).await;
        assert!(
            !list["items"]
                .as_array()
                .expect("items")
                .iter()
                .any(|c| c["id"] == id),
            "{list}"
        );
    }

    // Only the chosen agency (or an admin) decides.
    let approve = json!({"decision": "approve", "checks": [
        {"kind": "dbs_enhanced", "expires_on": "2099-12-01", "reference": "001234567890"},
        {"kind": "right_to_work", "expires_on": "2099-12-01"}]});
    let vetting = format!("/v1/carers/{id}/vetting");
    assert_eq!(
        w.json("POST", &vetting, Some(&w.key_b), Some(&approve))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.json("POST", &vetting, None, Some(&approve)).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, decided) = w
        .json("POST", &vetting, Some(&w.key_a), Some(&approve))
        .await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["checks"].as_array().expect("checks").len(), 2);
    let (status, _) = w
        .json("POST", &vetting, Some(&w.key_a), Some(&approve))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "decided once");
    let to_pa: Vec<_> = mails(&w.store)
        .into_iter()
        .filter(|m| m.kind == MailKind::Vetting && m.recipient == EMAIL)
        .collect();
    assert_eq!(to_pa.len(), 1);

    let (status, public) = w.json("GET", &path, None, None).await;
    assert_eq!(status, StatusCode::OK, "{public}");
    assert!(public.get("family_name").is_none(), "{public}");
    let (_, list) = w
        .json("GET", "/v1/pa/registrations", Some(&w.key_a), None)
        .await;
    assert_eq!(list, json!([]), "no longer waiting");
}

#[actix_web::test]
async fn a_rejected_pa_is_never_public() {
    let w = World::new().await;
    let id = register_and_confirm(&w, EMAIL, true).await;
    let vetting = format!("/v1/carers/{id}/vetting");
    let (status, body) = w
        .json(
            "POST",
            &vetting,
            Some(&w.key_a),
            Some(&json!({"decision": "reject"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(fields(&body), ["reason"]);
    let (status, body) = w
        .json(
            "POST",
            &vetting,
            Some(&w.admin),
            Some(&json!({"decision": "reject", "reason": "We could not verify the DBS."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        w.json("GET", &format!("/v1/carers/{id}"), None, None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let told = mails(&w.store)
        .into_iter()
        .find(|m| m.kind == MailKind::Vetting && m.recipient == EMAIL)
        .expect("the PA is told");
    assert!(told.body.contains("We could not verify the DBS."));
    // A rejected PA cannot edit their way back.
    let key = pa_key(&w.store, id, w.agency_a);
    let mut details = carer("x", true);
    details["checks"] = json!([]);
    let (status, _) = w.json("PUT", "/v1/pa/me", Some(&key), Some(&details)).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[actix_web::test]
async fn a_pa_reads_and_changes_only_their_own_record() {
    let w = World::new().await;
    let id = register_and_confirm(&w, EMAIL, true).await;
    let other = w.create(&w.key_a, &carer("A-1", true)).await;
    let key = pa_key(&w.store, id, w.agency_a);

    let (status, me) = w.json("GET", "/v1/pa/me", Some(&key), None).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["carer"]["id"], id);
    assert_eq!(me["vetting"], "pending");
    assert_eq!(me["public"], false);

    // Never as an agency: no other record, no list in full, no vetting, no providers.
    for path in [format!("/v1/carers/{other}"), format!("/v1/carers/{id}")] {
        let (status, _) = w
            .json("PUT", &path, Some(&key), Some(&carer("A-1", true)))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    let (_, list) = w.json("GET", "/v1/carers", Some(&key), None).await;
    for item in list["items"].as_array().expect("items") {
        assert!(
            item.get("family_name").is_none(),
            "public view only: {item}"
        );
    }
    assert_eq!(
        w.json("GET", "/v1/pa/registrations", Some(&key), None)
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.json(
            "POST",
            &format!("/v1/carers/{id}/vetting"),
            Some(&key),
            Some(&json!({"decision": "approve"}))
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.json(
            "POST",
            "/v1/providers",
            Some(&key),
            Some(&crate::providers::provider("Not mine"))
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        w.json("GET", "/v1/pa/me", Some(&w.key_a), None).await.0,
        StatusCode::FORBIDDEN
    );

    // Pending: the whole registration is theirs to edit at once.
    let mut details = carer("ignored", true);
    details["checks"] = json!([]);
    details["bio"] = json!("我煮廣東菜，也會說普通話。");
    let (status, edit) = w.json("PUT", "/v1/pa/me", Some(&key), Some(&details)).await;
    assert_eq!(status, StatusCode::OK, "{edit}");
    assert_eq!(edit["outcome"], "applied");
    assert_eq!(edit["carer"]["bio"], "我煮廣東菜，也會說普通話。");

    let approve = json!({"decision": "approve"});
    let (status, _) = w
        .json(
            "POST",
            &format!("/v1/carers/{id}/vetting"),
            Some(&w.key_a),
            Some(&approve),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    // Operational facts: applied at once, the version goes up.
    let (_, before) = w.json("GET", "/v1/pa/me", Some(&key), None).await;
    let version = before["carer"]["version"].as_i64().expect("version");
    let (status, after) = w
        .json(
            "PUT",
            "/v1/pa/me/availability",
            Some(&key),
            Some(
                &json!({"availability": [{"day": "tue", "start": "10:00", "end": "12:00"}],
                "hours_per_week": 6, "accepting_new_clients": false}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(after["carer"]["hours_per_week"], 6);
    assert_eq!(after["carer"]["accepting_new_clients"], false);
    assert_eq!(after["carer"]["version"], version + 1);
    let (status, bad) = w
        .json(
            "PUT",
            "/v1/pa/me/availability",
            Some(&key),
            Some(
                &json!({"availability": [], "hours_per_week": 200, "accepting_new_clients": true}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");

    let (status, confirmed) = w.json("POST", "/v1/pa/me/confirm", Some(&key), None).await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(
        confirmed["carer"]["last_confirmed_on"],
        chrono::Utc::now().date_naive().to_string()
    );

    // Approved: anything else waits for moderation; nothing public changes.
    details["bio"] = json!("A new bio nobody has checked.");
    let (status, edit) = w.json("PUT", "/v1/pa/me", Some(&key), Some(&details)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{edit}");
    assert_eq!(edit["outcome"], "submitted");
    assert_eq!(edit["submission"]["kind"], "edit_carer");
    assert_eq!(edit["submission"]["status"], "pending");
    let (_, public) = w.json("GET", &format!("/v1/carers/{id}"), None, None).await;
    assert_eq!(public["bio"], "我煮廣東菜，也會說普通話。", "{public}");
    let (_, mine) = w
        .json("GET", "/v1/pa/me/submissions", Some(&key), None)
        .await;
    assert_eq!(mine.as_array().expect("list").len(), 1, "{mine}");
}

#[actix_web::test]
async fn search_and_matching_see_a_pa_only_after_approval() {
    let (app, agencies) = crate::matches::seeded_app().await;
    let store = app.engine().store().clone();
    let agency = agencies[0];
    let agency_key = crate::matches::make_key(&store, Role::Agency, Some(agency));
    let mut body = registration(agency, EMAIL, true);
    body["carer"]["given_name"] = json!("Zephyrine");
    let (status, _, text) = app
        .request(
            "POST",
            "/v1/pa/registrations",
            None,
            &[("Content-Type", "application/json")],
            body.to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{text}");
    let token = token_in_mail(&store, EMAIL, "/pa/confirm/");
    let service = app.state().service();
    let key = service.confirm_pa(&token).expect("confirm");
    let id = key.carer_id.expect("carer");
    app.engine().catch_up().expect("catch up");
    let (_, found) = app.get("/v1/search?q=Zephyrine").await;
    assert_eq!(found["total"], 0, "{found}");

    let approve = json!({"decision": "approve"});
    let (status, _, text) = app
        .request(
            "POST",
            &format!("/v1/carers/{id}/vetting"),
            Some(&agency_key),
            &[("Content-Type", "application/json")],
            approve.to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    app.engine().catch_up().expect("catch up");
    let (_, found) = app.get("/v1/search?q=Zephyrine").await;
    assert_eq!(found["total"], 1, "{found}");
}
