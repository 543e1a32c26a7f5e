//! One module per subcommand.

pub mod gaps;
pub mod generate;
pub mod import;
pub mod keys;
pub mod migrate;
pub mod seed;
pub mod serve;

use anyhow::Context;
use carematch_store::Store;

use crate::settings::Settings;

/// Connects to the configured database and applies pending migrations.
pub fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    let store = Store::connect(&settings.database_url, settings.pool_size)
        .with_context(|| format!("connecting to {}", redact(&settings.database_url)))?;
    let applied = store.migrate().context("applying migrations")?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "applied migrations");
    }
    Ok(store)
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
