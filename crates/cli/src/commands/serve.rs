//! `carematch serve`: migrate, optionally seed the demo data, load the indexes, serve HTTP.

use std::net::TcpListener;

use anyhow::Context;
use carematch_api::launch::ServerBuilder;
use carematch_store::{PoolOptions, Store};
use clap::Args;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Load the demo fixtures first when the database is empty.
    #[arg(long)]
    demo: bool,
}

pub fn run(settings: &Settings, args: &ServeArgs) -> anyhow::Result<()> {
    let store = super::open_store_with(settings, PoolOptions::server(settings.pool_size))?;
    let served = serve(settings, args, &store);
    // On every path, also a failed start whose scan thread still holds a clone of the store:
    // close the pool here (waiting for connections being opened or still in use), so that
    // nothing is inside libpq when `main` returns (docs/architecture.md, "Process lifecycle").
    if let Err(error) = store.close() {
        tracing::warn!(%error, "closing the database pool");
    }
    served
}

fn serve(settings: &Settings, args: &ServeArgs, store: &Store) -> anyhow::Result<()> {
    if args.demo {
        let outcome =
            super::seed::seed(store, std::path::Path::new(super::seed::DEFAULT_FIXTURES))?;
        tracing::info!(?outcome, "demo fixtures");
    }
    // Build (or open and catch up) the indexes before binding: readiness follows the engine.
    // The same builder makes the test servers (carematch-testkit's `TestApp`).
    let launched = ServerBuilder::new(store.clone(), &settings.index_dir)
        .match_cache(settings.match_cache_config())
        .weights(settings.weights)
        .config(settings.server_config())
        .start()?;
    let engine = launched.engine().cloned();
    let listener =
        TcpListener::bind(&settings.bind).with_context(|| format!("binding {}", settings.bind))?;
    tracing::info!(
        address = %listener.local_addr()?,
        database = %super::redact(&settings.database_url),
        index_dir = %settings.index_dir.display(),
        "carematch is listening"
    );
    // Limits, rate limits and graceful shutdown on SIGTERM/SIGINT: see docs/operations.md.
    let served =
        actix_web::rt::System::new().block_on(async move { launched.serve(listener)?.await });
    // The HTTP workers may still be dropping their clones of the engine: stop its follower
    // (joining the thread) before the store is closed.
    if let Some(engine) = engine {
        engine.stop();
    }
    Ok(served?)
}
