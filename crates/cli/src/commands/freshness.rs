//! `carematch freshness sweep [--today DATE]`: the freshness sweep once (for cron, or to run
//! it as of another day), as `carematch serve` runs it daily: reminders for records unconfirmed
//! for 90 days, stale (hidden from the public) at 180 (docs/listings.md, "Freshness").

use anyhow::Context;
use carematch_service::CareService;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct FreshnessArgs {
    #[command(subcommand)]
    pub command: FreshnessCommand,
}

#[derive(Debug, Subcommand)]
pub enum FreshnessCommand {
    /// Remind managers of records unconfirmed for 90 days; hide records unconfirmed for 180.
    Sweep {
        /// Sweep as of this day (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<NaiveDate>,
    },
}

pub fn run(settings: &Settings, args: &FreshnessArgs) -> anyhow::Result<()> {
    let FreshnessCommand::Sweep { today } = &args.command;
    let store = super::open_store(settings)?;
    let today = today.unwrap_or_else(carematch_service::today);
    let service = CareService::new(store).with_site_url(&settings.public_url);
    let summary = service
        .freshness_sweep(today)
        .context("running the freshness sweep")?;
    // Counts only.
    println!(
        "freshness sweep as of {today}: {} reminded ({} e-mailed), {} hidden as stale",
        summary.reminded.len(),
        summary.mailed,
        summary.hidden.len()
    );
    Ok(())
}
