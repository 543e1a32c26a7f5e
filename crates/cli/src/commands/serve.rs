//! `carematch serve`: migrate, optionally seed the demo data, load the indexes, serve HTTP.

use std::net::TcpListener;

use anyhow::Context;
use carematch_api::{AppState, ServerConfig};
use clap::Args;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Load the demo fixtures first when the database is empty.
    #[arg(long)]
    demo: bool,
}

pub fn run(settings: &Settings, args: &ServeArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    if args.demo {
        let outcome =
            super::seed::seed(&store, std::path::Path::new(super::seed::DEFAULT_FIXTURES))?;
        tracing::info!(?outcome, "demo fixtures");
    }
    let state = AppState::new(store);
    state.mark_indexes_loaded();
    let listener =
        TcpListener::bind(&settings.bind).with_context(|| format!("binding {}", settings.bind))?;
    tracing::info!(address = %listener.local_addr()?, "carematch is listening");
    // Limits, rate limits and graceful shutdown on SIGTERM/SIGINT: see docs/operations.md.
    let config: ServerConfig = settings.server_config();
    actix_web::rt::System::new()
        .block_on(async move { carematch_api::run(listener, state, config)?.await })?;
    Ok(())
}
