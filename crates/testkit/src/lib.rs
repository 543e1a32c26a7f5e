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
//! - [`smtp::SmtpServer`]: a real SMTP server on a loopback port that records what it accepts
//!   and can hold a connection at an observable moment (the `smtp-sink` binary runs it alone).

pub mod app;
pub mod build;
pub mod db;
pub mod records;
mod rng;
pub mod smtp;

pub use app::{TestApp, TestAppBuilder, test_config};
pub use db::{
    TestDb, fixtures_dir, import_demo_open_data, import_open_data_fixtures, seed_demo_fixtures,
};
pub use rng::Rng;

/// The folder an environment variable names for a suite that reads files under `../shared`
/// (`CAREMATCH_OPEN_DATA`, `CAREMATCH_OPENREFERRAL_EXAMPLES`), or `None` when the variable is not
/// set (the suite is not asked for). A relative path is taken from the repository root (tests
/// run in their crate's folder); a path that is not a folder fails the test.
pub fn shared_dir(var: &str) -> Option<std::path::PathBuf> {
    let value = std::env::var(var).ok().filter(|v| !v.is_empty())?;
    let path = std::path::PathBuf::from(&value);
    let path = if path.is_absolute() {
        path
    } else {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path)
    };
    assert!(
        path.is_dir(),
        "{var}={value} but {} is not a folder",
        path.display()
    );
    Some(path)
}
