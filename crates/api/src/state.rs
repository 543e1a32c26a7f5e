//! What every handler can reach.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use carematch_store::Store;

/// Shared application state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    indexes_loaded: Arc<AtomicBool>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            indexes_loaded: Arc::new(AtomicBool::new(false)),
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
