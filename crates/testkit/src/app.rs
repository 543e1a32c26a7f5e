//! A running server on a [`TestDb`], put together by the builder `carematch serve` uses
//! ([`carematch_api::launch::ServerBuilder`]): engine, state, match cache, middleware and the web
//! pages, as in production. Only the limits differ (see [`test_config`]).
//!
//! ```no_run
//! # async fn example() {
//! use carematch_testkit::TestApp;
//!
//! let app = TestApp::spawn().await; // empty database, engine loaded
//! let seeded = TestApp::builder().demo_fixtures().spawn().await;
//! let (status, body) = seeded.get("/v1/health").await;
//! # let _ = (app, status, body);
//! # }
//! ```

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use awc::http::StatusCode;
use awc::http::header::HeaderMap;
use carematch_api::launch::ServerBuilder;
use carematch_api::{AppState, ServerConfig};
use carematch_domain::AgencyId;
use carematch_index::{Engine, EngineOptions};
use carematch_store::Store;
use serde_json::Value;

use crate::db::{TestDb, import_demo_open_data, import_open_data_fixtures, seed_demo_fixtures};

/// How long a test client waits for an answer (awc's default of 5 s is not enough for a debug
/// build on a busy machine).
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(120);
/// How long the test client keeps an idle connection: well under the server's keep-alive.
const CLIENT_KEEP_ALIVE: Duration = Duration::from_secs(2);

/// The server configuration of test servers: production's defaults and the web pages, with one
/// worker, no rate limits (suites make many requests from one address, enquiries included) and handler and
/// request-head limits as long as the clients' (production's 30 s and 5 s are not what a debug
/// build on a busy machine can promise).
pub fn test_config() -> ServerConfig {
    ServerConfig {
        workers: 1,
        rate_limit: carematch_api::middleware::RateLimitConfig {
            per_minute: 0,
            enquiries_per_hour: 0,
            vacancy_posts_per_hour: 0,
            reports_per_hour: 0,
            ..Default::default()
        },
        request_timeout: CLIENT_TIMEOUT,
        client_request_timeout: CLIENT_TIMEOUT,
        pages: Some(carematch_api::Pages::new(carematch_web::configure)),
        ..ServerConfig::default()
    }
}

/// What a [`TestApp`] starts with; [`TestAppBuilder::spawn`] starts it.
pub struct TestAppBuilder {
    db: Option<TestDb>,
    demo: bool,
    open_data: bool,
    demo_open_data: bool,
    indexes: bool,
    redirects: bool,
    config: ServerConfig,
}

impl TestAppBuilder {
    /// A database prepared beforehand (keys, records); a fresh one otherwise.
    pub fn db(mut self, db: TestDb) -> Self {
        self.db = Some(db);
        self
    }

    /// Loads the demo fixtures (as `carematch serve --demo`) before the engine starts;
    /// [`TestApp::agencies`] lists their agencies.
    pub fn demo_fixtures(mut self) -> Self {
        self.demo = true;
        self
    }

    /// Loads the small open-data fixtures (authorities, boundaries, census) first.
    pub fn open_data(mut self) -> Self {
        self.open_data = true;
        self
    }

    /// Loads the demo's open data (`fixtures/open-data/demo/`, as `carematch serve --demo`).
    pub fn demo_open_data(mut self) -> Self {
        self.demo_open_data = true;
        self
    }

    /// No engine: `/v1/ready` answers 503 until the test marks the indexes loaded
    /// (`app.state().mark_indexes_loaded()`).
    pub fn without_indexes(mut self) -> Self {
        self.indexes = false;
        self
    }

    /// The client does not follow redirects (the web pages' tests look at them).
    pub fn no_redirects(mut self) -> Self {
        self.redirects = false;
        self
    }

    /// Changes the server configuration, starting from [`test_config`].
    pub fn config(mut self, change: impl FnOnce(&mut ServerConfig)) -> Self {
        change(&mut self.config);
        self
    }

    /// Starts the server on port 0 (call inside an actix runtime, e.g. `#[actix_web::test]`).
    pub async fn spawn(mut self) -> TestApp {
        let db = self.db.take().unwrap_or_else(TestDb::new);
        let agencies = if self.demo {
            seed_demo_fixtures(&db.store)
        } else {
            Vec::new()
        };
        if self.open_data {
            import_open_data_fixtures(&db.store);
        }
        if self.demo_open_data {
            import_demo_open_data(&db.store);
        }
        let mut app = self.start(db.store.clone());
        app.agencies = agencies;
        app.db = Some(db);
        app
    }

    fn start(self, store: Store) -> TestApp {
        let index_dir = tempfile::tempdir().expect("index dir");
        let mut builder = ServerBuilder::new(store.clone(), index_dir.path())
            .engine_options(EngineOptions::default())
            .demo(self.demo)
            .config(self.config);
        if !self.indexes {
            builder = builder.without_indexes();
        }
        let launched = builder.start().expect("the server starts");
        let state = launched.state().clone();
        let engine = launched.engine().cloned();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
        let address = format!("http://{}", listener.local_addr().expect("address"));
        let server = launched.serve(listener).expect("server");
        actix_web::rt::spawn(server);
        // The server drops a connection idle for its keep-alive (5 s); the client would reuse one
        // idle for up to 15 s, and a request sent as the server closes it fails with
        // `Disconnected`. Tests that block the runtime (a freshness sweep, a big import) left
        // connections idle that long, so the client retires them first.
        let connector = awc::Connector::new().conn_keep_alive(CLIENT_KEEP_ALIVE);
        let mut client = awc::Client::builder()
            .connector(connector)
            .timeout(CLIENT_TIMEOUT);
        if !self.redirects {
            client = client.disable_redirects();
        }
        TestApp {
            address,
            store,
            agencies: Vec::new(),
            client: client.finish(),
            state,
            engine,
            _index_dir: index_dir,
            db: None,
        }
    }
}

/// A running server and a client for it. Dropping it closes its database (see [`TestDb`]).
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    pub store: Store,
    /// The demo fixtures' agencies, in `agencies.json` order (empty without them).
    pub agencies: Vec<AgencyId>,
    client: awc::Client,
    state: AppState,
    engine: Option<Arc<Engine>>,
    _index_dir: tempfile::TempDir,
    /// The database, unless this is a second server on another app's ([`TestApp::second_server`]).
    db: Option<TestDb>,
}

impl TestApp {
    pub fn builder() -> TestAppBuilder {
        TestAppBuilder {
            db: None,
            demo: false,
            open_data: false,
            demo_open_data: false,
            indexes: true,
            redirects: true,
            config: test_config(),
        }
    }

    /// A server on a fresh, migrated, empty database with its engine loaded.
    pub async fn spawn() -> Self {
        Self::builder().spawn().await
    }

    /// The state the handlers share.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The engine (not for a server built [`TestAppBuilder::without_indexes`]).
    pub fn engine(&self) -> &Arc<Engine> {
        self.engine.as_ref().expect("spawned with an engine")
    }

    /// The database under the server (not for a [`TestApp::second_server`]).
    pub fn db(&self) -> &TestDb {
        self.db.as_ref().expect("a first server owns its database")
    }

    /// A second store on this server's database (as another process would open), closed with
    /// it.
    pub fn another_store(&self, max_connections: u32) -> Store {
        self.db().another_store(max_connections)
    }

    /// A second server on this server's database, as a second `carematch serve` process would
    /// be: a store, an engine and an index folder of its own. Its store is closed with this
    /// app's database, whoever holds it then.
    pub fn second_server(&self) -> TestApp {
        Self::builder().start(self.another_store(4))
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
    ) -> (StatusCode, HeaderMap, String) {
        let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.address))
            .timeout(CLIENT_TIMEOUT);
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
        let (status, _, body) = self.request("GET", path, None, &[], Vec::new()).await;
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }
}
