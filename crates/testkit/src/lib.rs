//! carematch's test support, in one place. A dev-dependency only (`publish = false`): no library
//! depends on it.
//!
//! - [`Rng`]: one seeded generator (SplitMix64) for tests, benchmarks and examples.
//! - [`build`]: carer, provider and plan builders and the small values they are made of;
//!   [`records`]: records with every field filled, for round trips.
//! - [`TestDb`]: a migrated store on a database of its own (a SQLite file in a temporary folder,
//!   or a fresh database on the PostgreSQL server `CAREMATCH_TEST_DATABASE_URL` names), closed
//!   and dropped afterwards; the demo and open-data fixtures.
//! - [`TestApp`]: a server on a `TestDb`, put together by the builder `carematch serve` uses.

pub mod app;
pub mod build;
pub mod db;
pub mod records;
mod rng;

pub use app::{TestApp, TestAppBuilder, test_config};
pub use db::{TestDb, fixtures_dir, import_open_data_fixtures, seed_demo_fixtures};
pub use rng::Rng;
