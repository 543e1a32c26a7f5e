//! `carematch`: the one binary. Each subcommand lives in `commands/`.

mod commands;
mod progress;
mod settings;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::settings::{LogFormat, Settings};

// The server allocates many small strings per match (explanations) and one large buffer per
// response; glibc's malloc spent about a quarter of the CPU under the load test consolidating
// its bins between the two. mimalloc's per-thread free lists do not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// carematch: find culturally appropriate care in England.
#[derive(Debug, Parser)]
#[command(
    name = "carematch",
    version,
    about = "carematch: find culturally appropriate care in England. Serve the HTTP API and web \
             pages, load demo, synthetic and open data, map gaps, manage API keys.",
    long_about = None,
    after_help = "From a checkout, run it as `cargo run -- COMMAND` or, once built, \
                  `target/debug/carematch COMMAND` (under $CARGO_TARGET_DIR when that is set). \
                  Settings: ./carematch.toml, then CAREMATCH_* variables (docs/configuration.md); \
                  a relative SQLite path is resolved against the settings file's folder, else the \
                  current directory."
)]
struct Cli {
    /// Settings file (default: ./carematch.toml when present). Environment variables win over it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the HTTP server (migrates the database first).
    Serve(commands::serve::ServeArgs),
    /// Apply (or revert) the embedded database migrations.
    Migrate(commands::migrate::MigrateArgs),
    /// Load the demo fixtures: agencies, gazetteer, carers and providers.
    Seed(commands::seed::SeedArgs),
    /// Generate synthetic carers and providers, to files or straight into the database.
    Generate(commands::generate::GenerateArgs),
    /// Commissioner gap map: demand against reachable supply, to GeoJSON, CSV and SVG files.
    Gaps(commands::gaps::GapsArgs),
    /// The PA market report's snapshots: take one now, or list those stored.
    Market(commands::market::MarketArgs),
    /// Import public or agency data files.
    Import(commands::import::ImportArgs),
    /// Export providers (Open Referral UK v3 JSON, JSON Lines or CSV) or an agency's register (CSV).
    Export(commands::export::ExportArgs),
    /// Create or revoke API keys.
    Keys(commands::keys::KeysArgs),
    /// The e-mail outbox: run a sender, list messages, retry a failed one.
    Outbox(commands::outbox::OutboxArgs),
    /// Delete closed enquiries older than `retention_days` (once; `serve` does it hourly).
    Purge(commands::purge::PurgeArgs),
    /// Listing freshness: remind at 90 days unconfirmed, hide at 180 (once; `serve` does it daily).
    Freshness(commands::freshness::FreshnessArgs),
}

fn init_logging(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_new(&settings.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    match settings.log_format {
        // One object per line, event fields (request_id, route, status ...) at the top level.
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
        LogFormat::Text => builder.init(),
    }
    // Panics go through the log (one JSON object per line stays true) with their location and
    // backtrace; their message is left out because it can quote input such as a support plan.
    // The HTTP layer answers the request 500 and keeps serving.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // Function names and lines only: a backtrace holds no data.
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!(%location, %backtrace, "panic");
    }));
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref(), |name| std::env::var(name).ok())?;
    init_logging(&settings);
    match cli.command {
        Command::Serve(args) => commands::serve::run(&settings, &args),
        Command::Migrate(args) => commands::migrate::run(&settings, &args),
        Command::Seed(args) => commands::seed::run(&settings, &args),
        Command::Generate(args) => commands::generate::run(&settings, &args),
        Command::Gaps(args) => commands::gaps::run(&settings, &args),
        Command::Market(args) => commands::market::run(&settings, &args),
        Command::Import(args) => commands::import::run(&settings, &args),
        Command::Export(args) => commands::export::run(&settings, &args),
        Command::Keys(args) => commands::keys::run(&settings, &args),
        Command::Outbox(args) => commands::outbox::run(&settings, &args),
        Command::Purge(args) => commands::purge::run(&settings, &args),
        Command::Freshness(args) => commands::freshness::run(&settings, &args),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// `carematch --help` lists every command, and so does the README's command table (each
    /// command, and each of its own subcommands, on a row of the table).
    #[test]
    fn help_and_the_readme_name_every_command() {
        let mut command = Cli::command();
        let help = command.render_help().to_string();
        let readme = include_str!("../../../README.md");
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            assert!(help.contains(&format!("  {name} ")), "--help lacks {name}");
            let rows: Vec<&str> = readme
                .lines()
                .filter(|line| line.starts_with(&format!("| `carematch {name}")))
                .collect();
            assert!(!rows.is_empty(), "the README's command table lacks {name}");
            for inner in sub.get_subcommands() {
                let inner = inner.get_name();
                assert!(
                    rows.iter().any(|row| row.contains(inner)),
                    "the README's command table lacks {name} {inner}"
                );
            }
        }
    }
}
