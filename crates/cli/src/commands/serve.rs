//! `carematch serve`: migrate, optionally seed the demo data, load the indexes, serve HTTP.

use std::net::TcpListener;
use std::sync::Arc;

use anyhow::Context;
use carematch_api::{AppState, ServerConfig};
use carematch_index::{Engine, EngineOptions};
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
    let engine = Engine::start(store.clone(), &settings.index_dir, EngineOptions::default())
        .with_context(|| format!("loading the indexes in {}", settings.index_dir.display()))?;
    let stats = engine.stats();
    tracing::info!(
        candidates = stats.candidates,
        text_rebuilt = stats.text_rebuilt,
        candidates_from_snapshot = stats.candidates_from_snapshot,
        last_seq = stats.last_seq,
        millis = stats.start_millis,
        "indexes loaded"
    );
    let engine = Arc::new(engine);
    let state = AppState::with_engine(store.clone(), Arc::clone(&engine))
        .with_match_cache(settings.match_cache_config())
        .with_weights(settings.weights);
    let listener =
        TcpListener::bind(&settings.bind).with_context(|| format!("binding {}", settings.bind))?;
    tracing::info!(address = %listener.local_addr()?, "carematch is listening");
    // Limits, rate limits and graceful shutdown on SIGTERM/SIGINT: see docs/operations.md.
    let config: ServerConfig = settings.server_config();
    let served = actix_web::rt::System::new()
        .block_on(async move { carematch_api::run(listener, state, config)?.await });
    // The HTTP workers may still be dropping their clones of the engine: stop its follower
    // (joining the thread) before the store is closed.
    engine.stop();
    Ok(served?)
}
