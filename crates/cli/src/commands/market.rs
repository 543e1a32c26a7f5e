//! `carematch market`: the PA market report's snapshots from the command line (docs/market.md):
//! `snapshot` counts the market now and stores it (as `POST /v1/reports/market/snapshots`),
//! `snapshots` lists those stored.

use anyhow::Context;
use carematch_service::market::new_snapshot;
use carematch_store::market::SnapshotKind;
use clap::{Args, Subcommand};

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct MarketArgs {
    #[command(subcommand)]
    command: MarketCommand,
}

#[derive(Debug, Subcommand)]
enum MarketCommand {
    /// Count the market now and store the snapshot (on demand).
    Snapshot,
    /// List the stored snapshots, newest first.
    Snapshots,
}

pub fn run(settings: &Settings, args: &MarketArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    match args.command {
        MarketCommand::Snapshot => {
            let candidates = super::gaps::load_candidates(&store)?;
            let new = new_snapshot(
                &store,
                &candidates,
                SnapshotKind::OnDemand,
                "cli",
                chrono::Utc::now(),
            )
            .context("counting the market")?;
            let stored = store
                .insert_market_snapshot(&new)
                .context("storing the snapshot")?;
            println!(
                "market snapshot {} taken at {}: {} PAs, {} providers",
                stored.id,
                stored.taken_at.to_rfc3339(),
                stored.pas,
                stored.providers
            );
        }
        MarketCommand::Snapshots => {
            for s in store.market_snapshots(100).context("reading snapshots")? {
                println!(
                    "{}\t{}\t{}\t{} PAs\t{} providers",
                    s.id,
                    s.taken_at.to_rfc3339(),
                    s.kind.code(),
                    s.pas,
                    s.providers
                );
            }
        }
    }
    Ok(())
}
