//! Two `carematch serve` processes on one database (PostgreSQL in production; SQLite works too):
//! each has its own engine and text index folder, and each sees a write made through the other
//! through the change log alone (the follower polls every 250 ms, so on an idle machine within
//! about a second).
//!
//! The test waits for each write to show rather than for a time: a wall-clock limit (it was 2 s)
//! fails on a busy machine without anything being wrong. [`SEEN_WITHIN`] only bounds a failure.

use std::time::{Duration, Instant};

use awc::http::StatusCode;
use serde_json::Value;

use crate::matches::seeded_app;
use carematch_testkit::TestApp;

/// How long a write may take to show before the test fails: far above the follower's interval,
/// so that only a write that never shows fails.
const SEEN_WITHIN: Duration = Duration::from_secs(120);

async fn total(client: &awc::Client, base: &str, q: &str) -> u64 {
    let mut response = client
        .get(format!("{base}/v1/search?q={q}"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("json");
    body["total"].as_u64().expect("total")
}

async fn wait_for(client: &awc::Client, base: &str, q: &str, want: u64) {
    let started = Instant::now();
    loop {
        if total(client, base, q).await == want {
            return;
        }
        assert!(
            started.elapsed() < SEEN_WITHIN,
            "{base} did not see the write to {q} in {SEEN_WITHIN:?}"
        );
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

#[actix_web::test]
async fn two_servers_on_one_database_see_each_others_writes() {
    let (a, agencies): (TestApp, _) = seeded_app().await;
    let store_a = a.engine().store().clone();
    let second = a.second_server();
    let (b, store_b) = (second.address.clone(), second.store.clone());
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(120))
        .finish();
    let seeded = total(&client, &a.address, "Cantonese").await;
    assert!(seeded > 0);
    assert_eq!(total(&client, &b, "Cantonese").await, seeded);

    let template = store_a
        .carers_after(None, 1)
        .expect("scan")
        .pop()
        .expect("carer");
    // A write through server A's store: B sees it.
    let mut details = template.details.clone();
    details.given_name = "Aurelienne".into();
    details.external_ref = Some("TWO-A".into());
    details.public_listing_consent = true;
    let from_a = store_a
        .insert_carer(
            agencies[0],
            &details,
            template.location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert through A");
    wait_for(&client, &b, "Aurelienne", 1).await;
    wait_for(&client, &a.address, "Aurelienne", 1).await;

    // A write through server B's store: A sees it.
    details.given_name = "Bartholomea".into();
    details.external_ref = Some("TWO-B".into());
    store_b
        .insert_carer(
            agencies[0],
            &details,
            template.location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert through B");
    wait_for(&client, &a.address, "Bartholomea", 1).await;
    wait_for(&client, &b, "Bartholomea", 1).await;

    // A deletion through B disappears from A.
    store_b
        .delete_carer(from_a.id, &carematch_domain::Actor::system("test"))
        .expect("delete");
    wait_for(&client, &a.address, "Aurelienne", 0).await;
    wait_for(&client, &b, "Aurelienne", 0).await;
}
