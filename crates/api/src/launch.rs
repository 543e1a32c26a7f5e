//! The one way a carematch server is put together: the store, the engine over it (built before
//! the server binds, since readiness follows it), the application state with its match cache,
//! and the HTTP server with its limits. `carematch serve` and the test servers
//! (`carematch_testkit::TestApp`) both go through [`ServerBuilder`], so the tests run the wiring
//! production runs.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let store = carematch_store::Store::connect("sqlite://carematch.db", 4)?;
//! let launched = carematch_api::launch::ServerBuilder::new(store, "./index").start()?;
//! let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
//! let engine = launched.engine().cloned();
//! actix_web::rt::System::new().block_on(async move { launched.serve(listener)?.await })?;
//! if let Some(engine) = engine {
//!     engine.stop();
//! }
//! # Ok(())
//! # }
//! ```

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;

use actix_web::dev::Server;
use carematch_index::{Engine, EngineError, EngineOptions};
use carematch_store::Store;

use crate::match_cache::MatchCacheConfig;
use crate::{AppState, ServerConfig};
use carematch_matching::MatchWeights;

/// Why a server could not be put together.
#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    #[error("loading the indexes in {dir}: {source}")]
    Indexes {
        dir: PathBuf,
        #[source]
        source: EngineError,
    },
}

/// What a server is made of; [`ServerBuilder::start`] loads the indexes.
#[derive(Debug)]
pub struct ServerBuilder {
    store: Store,
    index_dir: PathBuf,
    engine: EngineOptions,
    match_cache: MatchCacheConfig,
    weights: MatchWeights,
    site_url: String,
    config: ServerConfig,
    indexes: bool,
    demo: bool,
}

impl ServerBuilder {
    /// A server over `store` with its text index (and candidate snapshot) in `index_dir`, and
    /// the defaults: [`EngineOptions::default`] (a follower polling the change log),
    /// [`MatchCacheConfig::default`], [`ServerConfig::default`].
    pub fn new(store: Store, index_dir: impl Into<PathBuf>) -> Self {
        Self {
            store,
            index_dir: index_dir.into(),
            engine: EngineOptions::default(),
            match_cache: MatchCacheConfig::default(),
            weights: MatchWeights::DEFAULT,
            site_url: carematch_service::DEFAULT_SITE_URL.to_owned(),
            config: ServerConfig::default(),
            indexes: true,
            demo: false,
        }
    }

    pub fn engine_options(mut self, options: EngineOptions) -> Self {
        self.engine = options;
        self
    }

    pub fn match_cache(mut self, config: MatchCacheConfig) -> Self {
        self.match_cache = config;
        self
    }

    /// Score weights for every match (settings `[weights]`); the default is
    /// [`MatchWeights::DEFAULT`].
    pub fn weights(mut self, weights: MatchWeights) -> Self {
        self.weights = weights;
        self
    }

    /// Where the site is published, for links in e-mails (setting `public_url`).
    pub fn site_url(mut self, url: &str) -> Self {
        url.clone_into(&mut self.site_url);
        self
    }

    /// Marks the server as serving the demo fixtures ([`AppState::demo`]).
    pub fn demo(mut self, demo: bool) -> Self {
        self.demo = demo;
        self
    }

    pub fn config(mut self, config: ServerConfig) -> Self {
        self.config = config;
        self
    }

    /// Starts without loading the indexes: the server answers `/v1/ready` with 503 until
    /// [`AppState::set_engine`] or [`AppState::mark_indexes_loaded`] (tests of readiness and of
    /// layers that need no engine).
    pub fn without_indexes(mut self) -> Self {
        self.indexes = false;
        self
    }

    /// Opens (or builds) the indexes and catches them up with the database (logging what it
    /// took), and makes the state the handlers share.
    pub fn start(self) -> Result<Launched, LaunchError> {
        let state = AppState::new(self.store.clone())
            .with_match_cache(self.match_cache)
            .with_weights(self.weights)
            .with_site_url(&self.site_url)
            .with_demo(self.demo);
        let engine = if self.indexes {
            let engine =
                Engine::start(self.store, &self.index_dir, self.engine).map_err(|source| {
                    LaunchError::Indexes {
                        dir: self.index_dir.clone(),
                        source,
                    }
                })?;
            let stats = engine.stats();
            tracing::info!(
                candidates = stats.candidates,
                text_rebuilt = stats.text_rebuilt,
                candidates_from_snapshot = stats.candidates_from_snapshot,
                last_seq = stats.last_seq,
                millis = stats.start_millis,
                "indexes loaded"
            );
            let engine = Arc::new(engine);
            state.set_engine(Arc::clone(&engine));
            Some(engine)
        } else {
            None
        };
        Ok(Launched {
            state,
            engine,
            config: self.config,
        })
    }
}

/// A server ready to serve: its state and engine, and its configuration.
pub struct Launched {
    state: AppState,
    engine: Option<Arc<Engine>>,
    config: ServerConfig,
}

impl Launched {
    /// The state the handlers share.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The engine; `None` when built [`ServerBuilder::without_indexes`].
    pub fn engine(&self) -> Option<&Arc<Engine>> {
        self.engine.as_ref()
    }

    /// The HTTP server on an already bound listener (port 0 in tests); await it to serve.
    /// Stop the engine's follower ([`Engine::stop`]) once it has returned.
    pub fn serve(self, listener: TcpListener) -> std::io::Result<Server> {
        crate::run(listener, self.state, self.config)
    }
}
