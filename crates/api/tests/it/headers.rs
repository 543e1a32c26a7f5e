//! Headers every response carries (`X-Content-Type-Options: nosniff`), whoever made it, and the
//! Swagger UI's content security policy.

use awc::http::StatusCode;
use awc::http::header::HeaderMap;
use carematch_api::middleware::RateLimitConfig;

use carematch_testkit::TestApp;

/// A request (method, path, headers, body) and the status it gets.
type Case<'a> = (
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str)],
    Vec<u8>,
    StatusCode,
);

fn nosniff(headers: &HeaderMap) -> bool {
    headers
        .get("x-content-type-options")
        .is_some_and(|v| v.as_bytes() == b"nosniff")
}

fn csp(headers: &HeaderMap) -> Option<&str> {
    headers
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
}

#[actix_web::test]
async fn every_kind_of_response_says_nosniff() {
    let app = TestApp::spawn().await;
    let big = format!("{{\"bio\": \"{}\"}}", "x".repeat(300 * 1024));
    let json = [("content-type", "application/json")];
    let cases: [Case; 10] = [
        ("GET", "/v1/health", &[], Vec::new(), StatusCode::OK),
        ("GET", "/v1/vocabulary", &[], Vec::new(), StatusCode::OK),
        (
            "GET",
            "/v1/no/such/thing",
            &[],
            Vec::new(),
            StatusCode::NOT_FOUND,
        ),
        (
            "DELETE",
            "/v1/vocabulary",
            &[],
            Vec::new(),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        (
            "POST",
            "/v1/matches",
            &json,
            big.into_bytes(),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        ("GET", "/openapi.json", &[], Vec::new(), StatusCode::OK),
        ("GET", "/metrics", &[], Vec::new(), StatusCode::OK),
        // (The client follows redirects; the web suite checks `/docs`' own.)
        (
            "POST",
            "/v1/carers",
            &json,
            b"{}".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        ("GET", "/docs/", &[], Vec::new(), StatusCode::OK),
        (
            "GET",
            "/docs/swagger-ui-bundle.js",
            &[],
            Vec::new(),
            StatusCode::OK,
        ),
    ];
    for (method, path, headers, body, status) in cases {
        let (got, response_headers, text) = app.request(method, path, None, headers, body).await;
        assert_eq!(got, status, "{method} {path}: {text:.200}");
        assert!(nosniff(&response_headers), "{method} {path} has no nosniff");
    }
}

#[actix_web::test]
async fn a_rate_limited_answer_says_nosniff() {
    let app = TestApp::builder()
        .without_indexes()
        .config(|config| {
            config.rate_limit = RateLimitConfig {
                per_minute: 1,
                burst: 1,
                ..RateLimitConfig::default()
            };
        })
        .spawn()
        .await;
    app.state().mark_indexes_loaded();
    let (first, headers, _) = app
        .request("GET", "/v1/vocabulary", None, &[], Vec::new())
        .await;
    assert_eq!(first, StatusCode::OK);
    assert!(nosniff(&headers));
    let (second, headers, _) = app
        .request("GET", "/v1/vocabulary", None, &[], Vec::new())
        .await;
    assert_eq!(second, StatusCode::TOO_MANY_REQUESTS);
    assert!(nosniff(&headers));
}

#[actix_web::test]
async fn the_swagger_ui_has_a_tight_content_security_policy() {
    let app = TestApp::spawn().await;
    let (status, headers, _) = app.request("GET", "/docs/", None, &[], Vec::new()).await;
    assert_eq!(status, StatusCode::OK);
    let policy = csp(&headers).expect("a content security policy").to_owned();
    // Only our own scripts (no inline ones, no eval), data only from ourselves, nothing may
    // frame it.
    for part in [
        "default-src 'none'",
        "script-src 'self';",
        "connect-src 'self'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        assert!(policy.contains(part), "{policy} has {part}");
    }
    assert!(!policy.contains("unsafe-eval"), "{policy}");
    for path in [
        "/docs/index.html",
        "/docs/swagger-initializer.js",
        "/docs/swagger-ui.css",
    ] {
        let (status, headers, _) = app.request("GET", path, None, &[], Vec::new()).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(csp(&headers), Some(policy.as_str()), "{path}");
    }
    // The page loads nothing from elsewhere: every script and stylesheet is ours.
    let (_, _, html) = app.request("GET", "/docs/", None, &[], Vec::new()).await;
    assert!(!html.contains("<script>"), "no inline script: {html}");
    assert!(!html.contains("://"), "nothing from another site: {html}");
    // No validator badge, which would load an image from validator.swagger.io.
    let (_, _, init) = app
        .request("GET", "/docs/swagger-initializer.js", None, &[], Vec::new())
        .await;
    assert!(init.contains(r#""validatorUrl": "none""#), "{init}");
    // The API's own answers are data, not pages: no policy needed there.
    let (_, headers, _) = app
        .request("GET", "/v1/health", None, &[], Vec::new())
        .await;
    assert_eq!(csp(&headers), None);
}
