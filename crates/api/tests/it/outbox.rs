//! `/v1/outbox`: an agency reads its own queued, sent and failed e-mail (with the text, so that
//! with no SMTP configured it still sees its notifications) and queues a failed one again; an
//! admin sees all; commissioners and the public see none.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, Role};
use carematch_store::{Failure, MailKind, NewMail, RetryPolicy, Store};
use carematch_testkit::TestApp;
use chrono::{TimeDelta, Utc};
use serde_json::Value;

use crate::matches::make_key;

async fn call(app: &TestApp, method: &str, path: &str, key: Option<&str>) -> (StatusCode, Value) {
    let (status, _, text) = app.request(method, path, key, &[], Vec::new()).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn queue(store: &Store, agency: AgencyId, subject: &str) -> i64 {
    store
        .queue_mail(&NewMail {
            kind: MailKind::EnquiryReceived,
            agency: Some(agency),
            enquiry: Some(3),
            vacancy: None,
            recipient: "office@example.org".to_owned(),
            subject: subject.to_owned(),
            body: "陳太太 asked about a Cantonese-speaking PA.".to_owned(),
        })
        .expect("queue")
        .id
}

/// Claims message `id` and fails it for good, as a `550` would.
fn fail(store: &Store, id: i64) {
    let claimed = store
        .claim_mail("test", TimeDelta::minutes(1), 10, Utc::now())
        .expect("claim");
    assert!(claimed.iter().any(|m| m.id == id));
    let policy = RetryPolicy {
        max_attempts: 3,
        backoff_base: TimeDelta::seconds(1),
        max_delay: TimeDelta::seconds(1),
    };
    for m in claimed {
        let failure = if m.id == id {
            Failure::Permanent
        } else {
            Failure::Transient
        };
        store
            .record_mail_failure(
                m.id,
                "test",
                failure,
                "550 5.1.1 unknown",
                &policy,
                Utc::now(),
            )
            .expect("record");
    }
}

#[actix_web::test]
async fn agencies_see_their_own_messages_and_admins_all() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let a = store.create_agency("A").expect("agency").id;
    let b = store.create_agency("B").expect("agency").id;
    let key_a = make_key(&store, Role::Agency, Some(a));
    let key_b = make_key(&store, Role::Agency, Some(b));
    let admin = make_key(&store, Role::Admin, None);
    let commissioner = make_key(&store, Role::Commissioner, None);
    let first = queue(&store, a, "New enquiry CM-1");
    let second = queue(&store, a, "New enquiry CM-2");
    let theirs = queue(&store, b, "New enquiry CM-3");
    fail(&store, first);

    assert_eq!(
        call(&app, "GET", "/v1/outbox", None).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (status, _) = call(&app, "GET", "/v1/outbox", Some(&commissioner)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, page) = call(&app, "GET", "/v1/outbox", Some(&key_a)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let ids: Vec<i64> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|m| m["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, [second, first], "its own, newest first");
    assert_eq!(page["total"], 2);
    assert_eq!(page["counts"]["failed"], 1);
    assert_eq!(page["counts"]["pending"], 1);
    let pending = &page["items"][0];
    assert_eq!(pending["status"], "pending");
    assert_eq!(pending["subject"], "New enquiry CM-2");
    assert!(pending["body"].as_str().expect("body").contains("陳太太"));
    assert_eq!(pending["kind"], "enquiry_received");

    let (status, page) = call(&app, "GET", "/v1/outbox?status=failed", Some(&key_a)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"][0]["id"], first);
    assert!(
        page["items"][0]["last_error"]
            .as_str()
            .expect("error")
            .contains("550")
    );
    let (status, body) = call(&app, "GET", "/v1/outbox?status=lost", Some(&key_a)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    let (status, page) = call(&app, "GET", "/v1/outbox?per_page=100", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["total"], 3);
    let (_, page) = call(&app, "GET", "/v1/outbox", Some(&key_b)).await;
    assert_eq!(page["items"][0]["id"], theirs);
    assert_eq!(page["total"], 1);
}

#[actix_web::test]
async fn a_failed_message_is_queued_again_by_its_agency_only() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let a = store.create_agency("A").expect("agency").id;
    let b = store.create_agency("B").expect("agency").id;
    let key_a = make_key(&store, Role::Agency, Some(a));
    let key_b = make_key(&store, Role::Agency, Some(b));
    let commissioner = make_key(&store, Role::Commissioner, None);
    let id = queue(&store, a, "New enquiry");
    fail(&store, id);
    let path = format!("/v1/outbox/{id}/retry");

    assert_eq!(
        call(&app, "POST", &path, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(&app, "POST", &path, Some(&commissioner)).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, body) = call(&app, "POST", &path, Some(&key_b)).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another agency's message does not exist: {body}"
    );
    let (status, body) = call(&app, "POST", &path, Some(&key_a)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "pending");
    assert_eq!(body["attempts"], 0);
    let (status, body) = call(&app, "POST", &path, Some(&key_a)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "conflict");
    let (status, _) = call(&app, "POST", "/v1/outbox/999999/retry", Some(&key_a)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
