//! HTTP routes, one module per resource; each registers its handlers with `configure`.

pub mod carers;
pub mod docs;
pub mod gaps;
pub mod health;
pub mod imports;
pub mod matches;
pub mod metrics;
pub mod plans;
pub mod providers;
pub mod search;
pub mod vocabulary;
