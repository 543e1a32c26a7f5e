use std::net::TcpListener;

use awc::http::StatusCode;
use carematch_api::{AppState, ServerConfig};
use carematch_store::testing::TestDb;
use serde_json::Value;

/// A running server and a client for it.
pub struct TestApp {
    pub address: String,
    client: awc::Client,
    _db: TestDb,
}

impl TestApp {
    /// A server on a fresh, migrated database with its indexes marked loaded.
    pub async fn spawn() -> Self {
        let db = TestDb::new();
        let state = AppState::new(db.store.clone());
        state.mark_indexes_loaded();
        Self::spawn_with(db, state).await
    }

    pub async fn spawn_with(db: TestDb, state: AppState) -> Self {
        // Rate limiting off: suites make many requests from one address (see ratelimit.rs).
        let config = ServerConfig {
            workers: 1,
            rate_limit: carematch_api::middleware::RateLimitConfig {
                per_minute: 0,
                ..Default::default()
            },
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
            client: awc::Client::default(),
            _db: db,
        }
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
