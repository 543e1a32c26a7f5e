//! `carematch serve`: migrate, optionally seed the demo data, load the indexes, serve HTTP.

use std::net::TcpListener;

use anyhow::Context;
use carematch_api::launch::ServerBuilder;
use carematch_service::retention::{PURGE_EVERY, RetentionJob};
use carematch_store::{PoolOptions, Store};
use clap::Args;

use super::openreferral::ImportOptions;
use super::openreferral::schedule::ImportSchedule;
use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Load the demo fixtures first when the database is empty, and the demo's open data
    /// (authorities, boundaries, census) when no authorities are imported.
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
        let fixtures = std::path::Path::new(super::seed::DEFAULT_FIXTURES);
        let outcome = super::seed::seed(store, fixtures)?;
        tracing::info!(?outcome, "demo fixtures");
        let open_data = super::seed::seed_open_data(store, fixtures)?;
        tracing::info!(loaded = open_data, "demo open data");
    }
    // A council's help texts are checked before anything starts: a typo fails here, by file and
    // line, rather than showing a broken page later.
    let help = carematch_web::help::HelpTexts::load(settings.help_dir.as_deref())
        .context("reading the help texts (help_dir)")?;
    // Build (or open and catch up) the indexes before binding: readiness follows the engine.
    // The same builder makes the test servers (carematch-testkit's `TestApp`).
    let launched = ServerBuilder::new(store.clone(), &settings.index_dir)
        .match_cache(settings.match_cache_config())
        .weights(settings.weights)
        .site_url(&settings.public_url)
        .demo(args.demo)
        .config(settings.server_config(help))
        .start()?;
    let engine = launched.engine().cloned();
    let listener =
        TcpListener::bind(&settings.bind).with_context(|| format!("binding {}", settings.bind))?;
    let address = listener.local_addr()?;
    // Retention: purge at start, then every hour, until the server has stopped.
    let retention = RetentionJob::start(
        launched.state().service().clone(),
        settings.retention(),
        PURGE_EVERY,
        // Not over the demo: its fixtures are a fixed snapshot whose confirmation dates age
        // every day, so the sweep would hide half of it and mail a reminder for each PA
        // (`carematch freshness sweep` shows it on the demo when wanted).
        !args.demo,
    )
    .context("starting the retention job")?;
    // The outbox sender on a thread of its own, when SMTP is configured. Both threads are
    // stopped and joined below, on every path, before the caller closes the store.
    let sender = match super::outbox::start_sender(settings, store) {
        Ok(sender) => sender,
        Err(error) => {
            retention.stop();
            return Err(error);
        }
    };
    // The Open Referral feeds, when configured: imported at start, then every interval.
    let imports = match start_imports(settings, &launched) {
        Ok(imports) => imports,
        Err(error) => {
            if let Some(sender) = sender {
                sender.stop();
            }
            retention.stop();
            return Err(error);
        }
    };
    tracing::info!(
        %address,
        database = %super::redact(&settings.database_url),
        index_dir = %settings.index_dir.display(),
        "carematch is listening"
    );
    // Limits, rate limits and graceful shutdown on SIGTERM/SIGINT: see docs/operations.md.
    let served =
        actix_web::rt::System::new().block_on(async move { launched.serve(listener)?.await });
    if let Some(imports) = imports {
        imports.stop();
    }
    if let Some(sender) = sender {
        sender.stop();
    }
    retention.stop();
    // The HTTP workers may still be dropping their clones of the engine: stop its follower
    // (joining the thread) before the store is closed.
    if let Some(engine) = engine {
        engine.stop();
    }
    Ok(served?)
}

/// The scheduled Open Referral import, when `[openreferral] feeds` lists any.
fn start_imports(
    settings: &Settings,
    launched: &carematch_api::launch::Launched,
) -> anyhow::Result<Option<ImportSchedule>> {
    let Some((feeds, every)) = settings.openreferral_schedule()? else {
        return Ok(None);
    };
    let options = ImportOptions {
        per_page: settings.openreferral.per_page,
        ..ImportOptions::default()
    };
    let schedule = ImportSchedule::start(launched.state().service().clone(), feeds, every, options)
        .context("starting the Open Referral import schedule")?;
    Ok(Some(schedule))
}
