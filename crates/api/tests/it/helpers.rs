use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;

use awc::http::StatusCode;
use carematch_api::{AppState, ServerConfig};
use carematch_index::{Engine, EngineOptions};
use carematch_store::Store;
use carematch_testkit::TestDb;
use serde_json::Value;

/// A running server and a client for it.
pub struct TestApp {
    pub address: String,
    client: awc::Client,
    engine: Option<Arc<Engine>>,
    _index_dir: Option<tempfile::TempDir>,
    _db: TestDb,
}

/// Starts an engine over `store` with its text index in `dir` and a 250 ms follower.
pub fn start_engine(store: &Store, dir: &Path) -> Arc<Engine> {
    Arc::new(Engine::start(store.clone(), dir, EngineOptions::default()).expect("engine starts"))
}

impl TestApp {
    /// A server on a fresh, migrated database with a real engine (text index in a temporary
    /// folder, follower polling every 250 ms), so it is ready at once.
    pub async fn spawn() -> Self {
        let db = TestDb::new();
        let index_dir = tempfile::tempdir().expect("index dir");
        let engine = start_engine(&db.store, index_dir.path());
        let state = AppState::with_engine(db.store.clone(), engine.clone());
        let mut app = Self::spawn_with(db, state).await;
        app.engine = Some(engine);
        app._index_dir = Some(index_dir);
        app
    }

    /// A second store on this server's database (as another process would open), closed
    /// with it.
    pub fn another_store(&self, max_connections: u32) -> Store {
        self._db.another_store(max_connections)
    }

    /// The engine of a server made by [`TestApp::spawn`].
    pub fn engine(&self) -> &Arc<Engine> {
        self.engine.as_ref().expect("spawned with an engine")
    }

    pub async fn spawn_with(db: TestDb, state: AppState) -> Self {
        // Rate limiting off: suites make many requests from one address (see ratelimit.rs).
        let config = ServerConfig {
            workers: 1,
            rate_limit: carematch_api::middleware::RateLimitConfig {
                per_minute: 0,
                ..Default::default()
            },
            // The handler and request-head limits match the clients' 120 s: production's 30 s and
            // 5 s are not what a debug build on a busy machine can promise.
            request_timeout: std::time::Duration::from_secs(120),
            client_request_timeout: std::time::Duration::from_secs(120),
            ..ServerConfig::default()
        };
        Self::spawn_with_config(db, state, config).await
    }

    /// A server with the given limits (rate limits, timeouts ...).
    pub async fn spawn_with_config(db: TestDb, state: AppState, config: ServerConfig) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
        let address = format!("http://{}", listener.local_addr().expect("address"));
        let server = carematch_api::run(listener, state, config).expect("server");
        actix_web::rt::spawn(server);
        Self {
            address,
            // awc's default limit of 5 s is not enough for a busy machine; `request` sets the
            // same limit per request.
            client: awc::Client::builder()
                .timeout(std::time::Duration::from_secs(120))
                .finish(),
            engine: None,
            _index_dir: None,
            _db: db,
        }
    }

    /// Any request: `key` goes in `Authorization: Bearer`, `headers` as given, `body` as is; the
    /// status, the response headers and the body as text.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        headers: &[(&str, &str)],
        body: impl Into<Vec<u8>>,
    ) -> (StatusCode, awc::http::header::HeaderMap, String) {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address))
            .timeout(std::time::Duration::from_secs(120));
        if let Some(key) = key {
            request = request.insert_header(("Authorization", format!("Bearer {key}")));
        }
        for (name, value) in headers {
            request = request.insert_header((*name, *value));
        }
        let body: Vec<u8> = body.into();
        let mut response = request.send_body(body).await.expect("request");
        let bytes = response.body().limit(64 * 1024 * 1024).await.expect("body");
        (
            response.status(),
            response.headers().clone(),
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    /// GET a path; the status and the body parsed as JSON (`Value::Null` when empty or not JSON).
    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let mut response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request");
        let body = response.body().limit(16 * 1024 * 1024).await.expect("body");
        (
            response.status(),
            serde_json::from_slice(&body).unwrap_or(Value::Null),
        )
    }
}
