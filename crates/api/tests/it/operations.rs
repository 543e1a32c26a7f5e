//! Operations over HTTP: request ids, metrics, error shapes for what actix answers itself, the
//! Swagger UI and the served OpenAPI document.

use awc::http::StatusCode;
use serde_json::Value;

use carematch_testkit::TestApp;

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

/// No redirects followed; a time limit far above what a request takes on a busy machine (awc's
/// default of 5 s is not).
fn client() -> awc::Client {
    awc::Client::builder()
        .disable_redirects()
        .timeout(std::time::Duration::from_secs(120))
        .finish()
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

/// docs/operations.md's metrics table stays true: every metric it lists is in a scrape, with its
/// type and labels.
#[actix_web::test]
async fn every_metric_the_operations_guide_lists_is_scraped_with_its_type_and_labels() {
    let app = TestApp::spawn().await;
    app.get("/v1/health").await;
    let (status, _, body) = fetch(&app, client().get(format!("{}/metrics", app.address))).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(body).expect("utf-8");
    let guide = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/operations.md"),
    )
    .expect("docs/operations.md");
    let rows: Vec<Vec<&str>> = guide
        .lines()
        .filter(|line| line.starts_with("| `carematch_"))
        .map(|line| line.split('|').map(str::trim).collect())
        .collect();
    assert!(
        rows.len() >= 18,
        "the metrics table has {} rows",
        rows.len()
    );
    for row in rows {
        let (name, kind, labels) = (row[1].trim_matches('`'), row[2], row[3]);
        assert!(
            text.contains(&format!("# TYPE {name} {kind}\n")),
            "{name} ({kind}) is not in the scrape:\n{text}"
        );
        let samples: Vec<&str> = text
            .lines()
            .filter(|line| !line.starts_with('#') && line.starts_with(name))
            .collect();
        assert!(!samples.is_empty(), "{name} has no sample");
        for label in labels.split(',').map(|l| l.trim().trim_matches('`')) {
            if !label.is_empty() {
                assert!(
                    samples.iter().all(|s| s.contains(&format!("{label}=\""))),
                    "{name} lacks the label {label}"
                );
            }
        }
    }
}

#[actix_web::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = TestApp::spawn().await;
    app.get("/v1/health").await;
    app.get("/v1/health").await;
    app.get("/v1/no-such-route/zq-raw-path").await;
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
    // (Not a number: "12345" also turns up inside a duration's digits now and then.)
    assert!(
        !text.contains("zq-raw-path"),
        "raw paths never become labels"
    );
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

/// Graceful stop (what SIGTERM and SIGINT trigger in `carematch serve`): a request whose body is
/// still arriving when the stop begins is read, handled and answered; then the server exits.
///
/// Every step waits for an event the server shows rather than for a time (a busy machine used
/// to leave the connection unaccepted after a 200 ms sleep, and the stop then reset it): the
/// request is in flight once `/metrics` counts it, and the stop has begun once the listener
/// refuses connections.
#[actix_web::test]
async fn a_request_in_flight_is_answered_during_graceful_shutdown() {
    use std::io::{Read, Write};
    use std::time::Duration;

    let db = carematch_testkit::TestDb::new();
    let index_dir = tempfile::tempdir().expect("index dir");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    let config = carematch_api::ServerConfig {
        workers: 1,
        // Both far above what any step takes, so that neither limit decides the outcome.
        shutdown_timeout: Duration::from_secs(120),
        request_timeout: Duration::from_secs(120),
        ..carematch_api::ServerConfig::default()
    };
    // The builder `carematch serve` uses; no engine (the request is refused before matching).
    let launched = carematch_api::launch::ServerBuilder::new(db.store.clone(), index_dir.path())
        .without_indexes()
        .config(config)
        .start()
        .expect("start");
    launched.state().mark_indexes_loaded();
    let server = launched.serve(listener).expect("server");
    let handle = server.handle();
    let running = actix_web::rt::spawn(server);

    // The client sends the head and part of the body, waits for the go-ahead (given once the
    // stop has begun), then sends the rest.
    let (go, go_ahead) = std::sync::mpsc::channel::<()>();
    let client = std::thread::spawn(move || {
        let body = br#"{"plan": {"postcode": "M13 0EG", "max_distance_km": 5}, "limit": 5}"#;
        let mut stream = std::net::TcpStream::connect(address).expect("connect");
        let head = format!(
            "POST /v1/matches HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).expect("head");
        stream.write_all(&body[..10]).expect("part of the body");
        go_ahead.recv().expect("the test gives the go-ahead");
        stream.write_all(&body[10..]).expect("rest of the body");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("response");
        String::from_utf8_lossy(&response).into_owned()
    });

    // The request is in flight: `/metrics` counts it besides the scrape itself.
    let scraper = awc::Client::builder()
        .timeout(Duration::from_secs(120))
        .finish();
    loop {
        // `force_close`: no idle keep-alive connection left for the stop to wait out.
        let mut response = scraper
            .get(format!("http://{address}/metrics"))
            .force_close()
            .send()
            .await
            .expect("metrics");
        let text = response.body().await.expect("metrics body");
        if String::from_utf8_lossy(&text).contains("carematch_http_requests_in_flight 2\n") {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(10)).await;
    }
    drop(scraper);

    let stopping = actix_web::rt::spawn(async move { handle.stop(true).await });
    // The stop has begun once the listener is closed. The server's command loop runs on this
    // thread, and it tells the acceptor and the worker to stop in one step, so a refused
    // connection here also means the worker has been told.
    loop {
        actix_web::rt::time::sleep(Duration::from_millis(10)).await;
        match std::net::TcpStream::connect(address) {
            Ok(probe) => drop(probe),
            Err(error) if error.kind() == std::io::ErrorKind::ConnectionRefused => break,
            Err(error) => panic!("probing the listener: {error}"),
        }
    }
    go.send(()).expect("the client is waiting");

    let response = actix_web::rt::task::spawn_blocking(move || client.join())
        .await
        .expect("join")
        .expect("client thread");
    let status: u16 = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {response:?}"));
    // Whatever the handler makes of the plan (the test app has no engine loaded), it answers.
    assert!(
        status != 500 && !response.contains("\"timeout\""),
        "{response}"
    );
    assert!(
        response.trim_end().ends_with('}'),
        "the whole body arrives: {response}"
    );
    assert!(response.contains("x-request-id"));
    stopping.await.expect("stop");
    running.await.expect("server task").expect("server");
}
