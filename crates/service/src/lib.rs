//! carematch's service layer: what the HTTP API, the web pages and the CLI do, once each, with
//! no HTTP in sight. Front ends parse a request into the types here, call one [`CareService`] method
//! and encode what it returns (meilisearch's `perform_search`, called from its search route, is
//! the model).
//!
//! - **Reads over the indexes**: [`CareService::match_plan`], [`CareService::match_pooled`],
//!   [`CareService::search`], [`CareService::gaps`].
//! - **Writes** ([`records`], [`imports`], [`plans`]): the store write, then an index catch-up
//!   in the same call ([`CareService::committed`]), so the writer reads its own write. This is the
//!   only place a write is followed by a catch-up.
//!
//! Every method is blocking (database reads, index commits): async callers run it on a
//! blocking thread. Errors are one [`ServiceError`]; the API maps it to its status table in one
//! place.

pub mod accounts;
pub mod agencies;
pub mod cqc;
pub mod enquiries;
pub mod error;
pub mod exports;
pub mod freshness;
pub mod gaps;
pub mod import_csv;
pub mod imports;
pub mod listings;
pub mod market;
pub mod market_schedule;
pub mod matching;
pub mod openreferral;
pub mod outbox;
pub mod pa;
pub mod plans;
pub mod provider_import;
pub mod records;
pub mod register_update;
pub mod reports;
pub mod retention;
pub mod search;
pub mod sources;
pub mod tokens;
pub mod vacancies;

use std::sync::{Arc, OnceLock};

use carematch_domain::{FieldError, GeoPoint, Postcode};
use carematch_index::{Engine, Snapshot};
use carematch_matching::MatchWeights;
use carematch_store::Store;
use chrono::NaiveDate;

pub use error::ServiceError;
pub use gaps::GapsParams;
pub use imports::{IMPORT_LIMIT, ImportReport};
pub use matching::{
    MAX_RANKED, MatchRequest, PooledRequest, ResultOrder, ResultWindow, WindowedOutcome,
};
pub use provider_import::ProviderImportReport;
pub use search::{SearchPage, SearchRequest};

/// The site's address in e-mails when the setting `public_url` is not given.
pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080";

/// The store and (once loaded) the engine; cheap to clone, every clone sharing both.
#[derive(Clone)]
pub struct CareService {
    store: Store,
    /// Set once the engine has loaded (see [`CareService::set_engine`]); empty in tools that only
    /// write (the CLI's imports), whose writes then need no catch-up.
    engine: Arc<OnceLock<Arc<Engine>>>,
    /// Score weights for every match (settings `[weights]`, docs/configuration.md).
    weights: MatchWeights,
    /// Where the site is published (setting `public_url`), for links in e-mails: never taken
    /// from a request, whose `Host` anyone can set.
    site_url: Arc<str>,
    /// Agencies' public contacts, named on every public card of their PAs (`agencies`).
    agencies: Arc<agencies::AgencyDirectory>,
    /// Live providers as the Open Referral API publishes them (`openreferral`).
    catalogue: Arc<openreferral::catalogue::SharedCatalogue>,
}

impl CareService {
    /// A service over `store` whose engine is still loading.
    pub fn new(store: Store) -> Self {
        Self {
            store,
            engine: Arc::new(OnceLock::new()),
            weights: MatchWeights::DEFAULT,
            site_url: Arc::from(DEFAULT_SITE_URL),
            agencies: Arc::default(),
            catalogue: Arc::default(),
        }
    }

    /// The same service linking to the site at `url` in e-mails (the default is
    /// [`DEFAULT_SITE_URL`]).
    pub fn with_site_url(mut self, url: &str) -> Self {
        self.site_url = Arc::from(url.trim_end_matches('/'));
        self
    }

    /// Where the site is published, without a trailing `/`.
    pub fn site_url(&self) -> &str {
        &self.site_url
    }

    /// The same service scoring matches with these weights (the default is
    /// [`MatchWeights::DEFAULT`]).
    pub fn with_weights(mut self, weights: MatchWeights) -> Self {
        self.weights = weights;
        self
    }

    /// The score weights every match uses.
    pub fn weights(&self) -> MatchWeights {
        self.weights
    }

    /// A service with a loaded engine.
    pub fn with_engine(store: Store, engine: Arc<Engine>) -> Self {
        let service = Self::new(store);
        service.set_engine(engine);
        service
    }

    /// Installs the engine once it has loaded; `false` (and the engine ignored) when one was
    /// installed already.
    pub fn set_engine(&self, engine: Arc<Engine>) -> bool {
        self.engine.set(engine).is_ok()
    }

    /// The engine; [`ServiceError::Loading`] until it is installed.
    pub fn engine(&self) -> Result<&Arc<Engine>, ServiceError> {
        self.engine.get().ok_or(ServiceError::Loading)
    }

    /// The engine's current snapshot (what matching and search read).
    pub fn snapshot(&self) -> Result<Arc<Snapshot>, ServiceError> {
        Ok(self.engine()?.snapshot())
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Every write ends here once its transaction committed: the indexes catch up so that the
    /// writer reads its own write, and `value` is handed back. A large write (an import of more
    /// than `EngineOptions::inline_limit` records) is handed to the engine's follower instead,
    /// which publishes it all at once shortly after: the answer does not wait for it, and other
    /// writes are not held up behind it. The indexes also follow the change log on their own,
    /// so a failed catch-up is only logged: the write stands.
    pub fn committed<T>(&self, value: T) -> T {
        if let Some(engine) = self.engine.get()
            && let Err(error) = engine.apply_own_writes()
        {
            tracing::warn!(%error, "catch-up after a write failed; the follower will retry");
        }
        value
    }

    /// Resolves a postcode through the gazetteer (full postcode, else sector, else district);
    /// a validation error on `field` when even the district is unknown.
    pub fn locate(&self, postcode: &Postcode, field: &str) -> Result<GeoPoint, ServiceError> {
        match self.store.locate(postcode)? {
            Some(located) => Ok(located.point),
            None => Err(ServiceError::Validation(vec![FieldError {
                field: field.into(),
                code: "unknown_postcode",
                reason: format!("unknown postcode: {postcode} is not in the gazetteer"),
            }])),
        }
    }
}

/// Today's date (UTC), the day checks and flags are judged on.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
