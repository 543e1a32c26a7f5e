//! Rate limiting over HTTP, with a tiny limit configured in the test app.

use awc::http::StatusCode;
use carematch_api::middleware::RateLimitConfig;
use carematch_domain::Role;
use carematch_testkit::TestDb;
use serde_json::Value;

use carematch_testkit::TestApp;

async fn spawn_limited(burst: u32, authenticated_burst: u32) -> (TestApp, String) {
    let db = TestDb::new();
    let (key, hash) = carematch_api::auth::generate_key().expect("key");
    db.store
        .create_api_key(&hash, Role::Commissioner, None, "rate limit test")
        .expect("create key");
    let app = TestApp::builder()
        .db(db)
        .without_indexes()
        .config(|config| {
            // Slow refills (a request back every 60 s anonymously, every 30 s with a key): the
            // tests count on no request coming back while they run, and on a busy machine a dozen
            // requests can take longer than the second that 60 a minute would allow.
            config.rate_limit = RateLimitConfig {
                per_minute: 1,
                burst,
                authenticated_per_minute: 2,
                authenticated_burst,
                ..RateLimitConfig::default()
            };
        })
        .spawn()
        .await;
    app.state().mark_indexes_loaded();
    (app, key)
}

/// A client whose time limit (awc's default is 5 s) no busy machine reaches.
fn client() -> awc::Client {
    awc::Client::builder()
        .timeout(std::time::Duration::from_secs(120))
        .finish()
}

async fn send(request: awc::ClientRequest) -> (StatusCode, awc::http::header::HeaderMap, Value) {
    let mut response = request.send().await.expect("request");
    let body = response.body().limit(16 * 1024 * 1024).await.expect("body");
    (
        response.status(),
        response.headers().clone(),
        serde_json::from_slice(&body).unwrap_or(Value::Null),
    )
}

#[actix_web::test]
async fn anonymous_clients_get_429_after_the_burst() {
    let (app, _) = spawn_limited(3, 10).await;
    let client = client();
    let url = format!("{}/openapi.json", app.address);
    for _ in 0..3 {
        let (status, _, _) = send(client.get(&url)).await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, headers, body) = send(client.get(&url)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"]["code"], "rate_limited");
    assert!(body["error"]["message"].is_string());
    let retry_after: u64 = headers
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert!(headers.contains_key("x-request-id"));

    // Health, readiness and metrics are never limited.
    for path in ["/v1/health", "/v1/ready", "/metrics"] {
        let (status, _, _) = send(client.get(format!("{}{path}", app.address))).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    let (_, _, _) = send(client.get(&url)).await;
    let mut metrics = client
        .get(format!("{}/metrics", app.address))
        .send()
        .await
        .expect("metrics");
    let text = String::from_utf8(metrics.body().await.expect("body").to_vec()).expect("utf-8");
    assert!(
        text.contains("carematch_http_rate_limited_total 2\n"),
        "{text}"
    );
}

#[actix_web::test]
async fn a_valid_key_has_its_own_higher_limit_and_made_up_keys_do_not() {
    let (app, key) = spawn_limited(2, 10).await;
    let client = client();
    let url = format!("{}/openapi.json", app.address);
    let bearer = format!("Bearer {key}");
    // The key's first use is recognised (and paid for from the address's bucket).
    let (status, _, _) = send(
        client
            .get(&url)
            .insert_header(("Authorization", bearer.as_str())),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // The address's remaining anonymous request, then 429.
    let (status, _, _) = send(client.get(&url)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = send(client.get(&url)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Made-up keys share the address's exhausted bucket.
    let fake = format!("Bearer cmk_{}", "0".repeat(64));
    let (status, _, _) = send(
        client
            .get(&url)
            .insert_header(("Authorization", fake.as_str())),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // The valid key still has its own bucket of 10.
    for _ in 0..10 {
        let (status, _, _) = send(
            client
                .get(&url)
                .insert_header(("Authorization", bearer.as_str())),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, _, body) = send(
        client
            .get(&url)
            .insert_header(("Authorization", bearer.as_str())),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["error"]["code"], "rate_limited");
}
