//! carematch's indexes: a geographic R-tree over carers' bases and providers' service areas
//! (`geo`), and a tantivy text index (`text`). The database is the source of truth; both are built
//! from it and caught up through its change log; `engine` holds both and follows the change log.

pub mod engine;
pub mod gaps;
pub mod geo;
pub mod market;
pub mod text;

pub use engine::{Engine, EngineError, EngineOptions, EngineStats, Snapshot, View};
