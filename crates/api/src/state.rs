//! What every handler can reach.

use carematch_matching::MatchWeights;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use carematch_index::Engine;
use carematch_store::Store;

use crate::error::ApiError;
use crate::match_cache::{MatchCache, MatchCacheConfig};

/// Shared application state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    indexes_loaded: Arc<AtomicBool>,
    /// The matching and search engine, set once it has loaded (see [`AppState::set_engine`]).
    engine: Arc<OnceLock<Arc<Engine>>>,
    /// Recent match responses (see `match_cache.rs`).
    pub match_cache: Arc<MatchCache>,
    /// Score weights for every match (settings `[weights]`, docs/configuration.md).
    pub weights: MatchWeights,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            indexes_loaded: Arc::new(AtomicBool::new(false)),
            engine: Arc::new(OnceLock::new()),
            match_cache: Arc::new(MatchCache::new(MatchCacheConfig::default())),
            weights: MatchWeights::DEFAULT,
        }
    }

    /// The same state scoring matches with these weights (the default is
    /// [`MatchWeights::DEFAULT`]).
    pub fn with_weights(mut self, weights: MatchWeights) -> Self {
        self.weights = weights;
        self
    }

    /// The same state with a match cache of this size (the default is
    /// [`MatchCacheConfig::default`]).
    pub fn with_match_cache(mut self, config: MatchCacheConfig) -> Self {
        self.match_cache = Arc::new(MatchCache::new(config));
        self
    }

    /// State with a loaded engine, marked ready.
    pub fn with_engine(store: Store, engine: Arc<Engine>) -> Self {
        let state = Self::new(store);
        state.set_engine(engine);
        state
    }

    /// Installs the engine once it has loaded and marks the indexes loaded; later calls are
    /// ignored.
    pub fn set_engine(&self, engine: Arc<Engine>) {
        if self.engine.set(engine).is_ok() {
            self.mark_indexes_loaded();
        }
    }

    /// The engine; 503 while it is still loading.
    pub fn engine(&self) -> Result<&Arc<Engine>, ApiError> {
        self.engine
            .get()
            .ok_or_else(|| ApiError::Unavailable("the indexes are still loading".into()))
    }

    /// Brings the indexes up to date after a write, so the writer reads its own write. Blocking:
    /// call it inside `web::block` right after the store committed. A failure is logged, not
    /// returned: the write is committed and the follower will apply it.
    pub fn after_write(&self) {
        if let Some(engine) = self.engine.get()
            && let Err(error) = engine.catch_up()
        {
            tracing::warn!(%error, "catch-up after a write failed; the follower will retry");
        }
    }

    /// Called once the indexes have been built or caught up from the database.
    pub fn mark_indexes_loaded(&self) {
        self.indexes_loaded.store(true, Ordering::Release);
    }

    pub fn indexes_loaded(&self) -> bool {
        self.indexes_loaded.load(Ordering::Acquire)
    }
}
