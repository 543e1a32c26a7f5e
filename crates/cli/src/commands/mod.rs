//! One module per subcommand.

pub mod cqc;
pub mod export;
pub mod freshness;
pub mod gaps;
pub mod generate;
pub mod import;
pub mod keys;
pub mod market;
pub mod migrate;
pub mod openreferral;
pub mod outbox;
pub mod purge;
pub mod seed;
pub mod serve;

use anyhow::Context;
use carematch_store::{PoolOptions, Store};

use crate::settings::Settings;

/// Connects to the configured database for a short command and applies pending migrations.
///
/// The pool opens connections only when asked ([`PoolOptions::command`]), and the store closes
/// its pool when its last clone is dropped, waiting for any connection still being opened: a
/// command that returns from `main` while an r2d2 thread is inside libpq crashes on PostgreSQL
/// (docs/architecture.md, "Process lifecycle"), after its work was done.
pub fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    open_store_with(settings, PoolOptions::command(settings.pool_size))
}

/// [`open_store`] with the pool's options given (`serve` keeps a connection warm).
pub fn open_store_with(settings: &Settings, options: PoolOptions) -> anyhow::Result<Store> {
    let store = connect(settings, options)?;
    let applied = store.migrate().context("applying migrations")?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "applied migrations");
    }
    Ok(store)
}

/// Connects to the configured database without migrating it.
///
/// A SQLite file that does not exist yet is created, empty; since that is seldom wanted outside
/// a first `serve --demo` or `seed` (a command run from another folder than the server's finds
/// none of its data), it is said on standard error with the absolute path.
pub fn connect(settings: &Settings, options: PoolOptions) -> anyhow::Result<Store> {
    if let Some(path) = crate::settings::sqlite_path(&settings.database_url)
        && !path.exists()
    {
        tracing::warn!(
            path = %path.display(),
            "no database here yet: creating a new, empty one (relative SQLite paths are resolved \
             against the settings file's folder, else the current directory; see \
             docs/configuration.md)"
        );
    }
    Store::connect_with(&settings.database_url, options)
        .with_context(|| format!("connecting to {}", redact(&settings.database_url)))
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}
