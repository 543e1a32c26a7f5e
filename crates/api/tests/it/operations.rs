//! Operations over HTTP: request ids, metrics, error shapes for what actix answers itself, the
//! Swagger UI and the served OpenAPI document.

use awc::http::StatusCode;
use serde_json::Value;

use crate::helpers::TestApp;

/// Status, headers and raw body of a request.
async fn fetch(
    app: &TestApp,
    request: awc::ClientRequest,
) -> (StatusCode, awc::http::header::HeaderMap, Vec<u8>) {
    let _ = app;
    let mut response = request.send().await.expect("request");
    let body = response.body().limit(16 * 1024 * 1024).await.expect("body");
    (response.status(), response.headers().clone(), body.to_vec())
}

fn client() -> awc::Client {
    awc::Client::builder().disable_redirects().finish()
}

#[actix_web::test]
async fn request_ids_are_echoed_when_sane_and_generated_otherwise() {
    let app = TestApp::spawn().await;
    let url = format!("{}/v1/health", app.address);
    let (_, headers, _) = fetch(&app, client().get(&url)).await;
    let generated = headers
        .get("x-request-id")
        .expect("a generated id")
        .to_str()
        .expect("ascii");
    assert_eq!(generated.len(), 32);
    assert!(generated.bytes().all(|b| b.is_ascii_hexdigit()));

    let (_, headers, _) = fetch(
        &app,
        client()
            .get(&url)
            .insert_header(("X-Request-Id", "trace-42_abc")),
    )
    .await;
    assert_eq!(headers.get("x-request-id").expect("id"), "trace-42_abc");

    let long = "a".repeat(65);
    for bad in [long.as_str(), "has space", "semi;colon"] {
        let (_, headers, _) = fetch(
            &app,
            client().get(&url).insert_header(("X-Request-Id", bad)),
        )
        .await;
        let id = headers
            .get("x-request-id")
            .expect("id")
            .to_str()
            .expect("ascii");
        assert_ne!(id, bad);
        assert_eq!(id.len(), 32);
    }
}

#[actix_web::test]
async fn errors_actix_answers_itself_use_our_json_shape() {
    let app = TestApp::spawn().await;
    let (status, headers, body) = fetch(
        &app,
        client().get(format!("{}/v1/no/such/thing?name=Ada", app.address)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(headers.contains_key("x-request-id"));
    let body: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(body["error"]["code"], "not_found");
    assert!(body["error"]["details"].is_array());
    assert!(
        !body.to_string().contains("Ada"),
        "the query string is not echoed"
    );

    // A method no route takes is answered the same way.
    let (status, _, body) =
        fetch(&app, client().delete(format!("{}/v1/health", app.address))).await;
    assert!(status.is_client_error());
    let body: Value = serde_json::from_slice(&body).expect("json");
    assert!(body["error"]["code"].is_string());
}

#[actix_web::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = TestApp::spawn().await;
    app.get("/v1/health").await;
    app.get("/v1/health").await;
    app.get("/v1/no-such-route/12345").await;
    let (status, headers, body) =
        fetch(&app, client().get(format!("{}/metrics", app.address))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get("content-type").expect("type"),
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let text = String::from_utf8(body).expect("utf-8");
    assert!(
        text.contains(
            "carematch_http_requests_total{route=\"/v1/health\",method=\"GET\",status=\"2xx\"} 2\n"
        ),
        "{text}"
    );
    assert!(text.contains(
        "carematch_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"4xx\"} 1\n"
    ));
    assert!(!text.contains("12345"), "raw paths never become labels");
    assert!(text.contains(
        "carematch_http_request_duration_seconds_count{route=\"/v1/health\",method=\"GET\"} 2\n"
    ));
    // The scrape itself is in flight while the text is written.
    assert!(text.contains("carematch_http_requests_in_flight 1\n"));
    assert!(text.contains("carematch_indexes_loaded 1\n"));
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().expect("value");
        assert!(value.parse::<f64>().is_ok(), "bad sample line: {line}");
    }
}

#[actix_web::test]
async fn swagger_ui_and_the_openapi_document_are_served() {
    let app = TestApp::spawn().await;
    let (status, headers, _) = fetch(&app, client().get(format!("{}/docs", app.address))).await;
    assert!(status.is_redirection());
    assert_eq!(headers.get("location").expect("location"), "/docs/");

    let (status, headers, body) = fetch(&app, client().get(format!("{}/docs/", app.address))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .expect("type")
            .to_str()
            .expect("ascii")
            .starts_with("text/html")
    );
    let html = String::from_utf8_lossy(&body);
    assert!(html.to_lowercase().contains("swagger"), "{html}");

    // The UI's script and the initializer that points it at our document are served locally.
    let (status, _, body) = fetch(
        &app,
        client().get(format!("{}/docs/swagger-initializer.js", app.address)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).contains("/openapi.json"));
    let (status, _, _) = fetch(
        &app,
        client().get(format!("{}/docs/swagger-ui-bundle.js", app.address)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = app.get("/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body["openapi"]
            .as_str()
            .expect("version")
            .starts_with("3.1")
    );
    let paths = body["paths"].as_object().expect("paths");
    assert!(paths.contains_key("/v1/health"));
    for internal in ["/metrics", "/docs", "/docs/", "/openapi.json"] {
        assert!(
            !paths.contains_key(internal),
            "{internal} is not an API operation"
        );
    }
}

#[test]
fn operational_routes_stay_out_of_the_committed_document() {
    let doc = carematch_api::openapi_document();
    for internal in ["/metrics", "/docs", "/docs/", "/openapi.json"] {
        assert!(!doc.paths.paths.contains_key(internal));
    }
}
