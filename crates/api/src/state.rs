//! What every handler can reach.

use carematch_matching::MatchWeights;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use actix_web::web;
use carematch_index::Engine;
use carematch_service::{CareService, ServiceError};
use carematch_store::Store;

use crate::error::ApiError;
use crate::match_cache::{MatchCache, MatchCacheConfig};

/// Shared application state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    indexes_loaded: Arc<AtomicBool>,
    /// What every handler calls: matching, search, gap maps and writes, over the store and the
    /// engine once it has loaded (see [`AppState::set_engine`]).
    service: CareService,
    /// Recent match responses (see `match_cache.rs`).
    pub match_cache: Arc<MatchCache>,
    /// Serving the demo fixtures (`carematch serve --demo`): the find page then names the demo
    /// areas when a postcode is not in the gazetteer.
    demo: bool,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        Self {
            service: CareService::new(store.clone()),
            store,
            indexes_loaded: Arc::new(AtomicBool::new(false)),
            match_cache: Arc::new(MatchCache::new(MatchCacheConfig::default())),
            demo: false,
        }
    }

    /// The same state marked as serving the demo fixtures (see [`AppState::demo`]).
    pub fn with_demo(mut self, demo: bool) -> Self {
        self.demo = demo;
        self
    }

    /// Whether the server runs over the demo fixtures (`carematch serve --demo`).
    pub fn demo(&self) -> bool {
        self.demo
    }

    /// The same state with a match cache of this size (the default is
    /// [`MatchCacheConfig::default`]).
    pub fn with_match_cache(mut self, config: MatchCacheConfig) -> Self {
        self.match_cache = Arc::new(MatchCache::new(config));
        self
    }

    /// The same state scoring matches with these weights (settings `[weights]`).
    pub fn with_weights(mut self, weights: MatchWeights) -> Self {
        self.service = self.service.with_weights(weights);
        self
    }

    /// The same state linking to the site at `url` in e-mails (setting `public_url`).
    pub fn with_site_url(mut self, url: &str) -> Self {
        self.service = self.service.with_site_url(url);
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
        if self.service.set_engine(engine) {
            self.mark_indexes_loaded();
        }
    }

    /// The engine; 503 while it is still loading.
    pub fn engine(&self) -> Result<&Arc<Engine>, ApiError> {
        Ok(self.service.engine()?)
    }

    /// The service layer.
    pub fn service(&self) -> &CareService {
        &self.service
    }

    /// Runs `call` on the service off the async workers (service calls block: database reads,
    /// index commits). The web pages use this and map the error to a page themselves.
    pub async fn call<T, F>(&self, call: F) -> Result<T, ServiceError>
    where
        F: FnOnce(&CareService) -> Result<T, ServiceError> + Send + 'static,
        T: Send + 'static,
    {
        let service = self.service.clone();
        web::block(move || call(&service))
            .await
            .map_err(|blocked| ServiceError::Internal(blocked.to_string()))?
    }

    /// [`AppState::call`] with the error in the API's terms.
    pub async fn run<T, F>(&self, call: F) -> Result<T, ApiError>
    where
        F: FnOnce(&CareService) -> Result<T, ServiceError> + Send + 'static,
        T: Send + 'static,
    {
        Ok(self.call(call).await?)
    }

    /// Called once the indexes have been built or caught up from the database.
    pub fn mark_indexes_loaded(&self) {
        self.indexes_loaded.store(true, Ordering::Release);
    }

    pub fn indexes_loaded(&self) -> bool {
        self.indexes_loaded.load(Ordering::Acquire)
    }
}
