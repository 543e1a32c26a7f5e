use awc::http::StatusCode;

use carematch_testkit::TestApp;

#[actix_web::test]
async fn health_answers_ok_with_the_version() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/v1/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[actix_web::test]
async fn ready_waits_for_the_indexes() {
    let app = TestApp::builder().without_indexes().spawn().await;
    let state = app.state();
    let (status, body) = app.get("/v1/ready").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "not_ready");
    state.mark_indexes_loaded();
    let (status, body) = app.get("/v1/ready").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        serde_json::json!({"status": "ready", "database": true, "indexes": true})
    );
}

#[actix_web::test]
async fn unknown_paths_get_404() {
    let app = TestApp::spawn().await;
    let (status, _) = app.get("/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
