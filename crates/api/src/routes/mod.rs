//! HTTP routes, one module per resource; each registers its handlers with `configure`.

pub mod agencies;
pub mod carers;
pub mod docs;
pub mod duplicates;
pub mod enquiries;
pub mod gaps;
pub mod health;
pub mod history;
pub mod imports;
pub mod listings;
pub mod market;
pub mod matches;
pub mod metrics;
pub mod openreferral;
pub mod outbox;
pub mod pa;
pub mod plans;
pub mod providers;
pub mod reports;
pub mod search;
pub mod vacancies;
pub mod vocabulary;
