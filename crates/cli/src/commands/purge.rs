//! `carematch purge`: the retention purge once (for cron), as `carematch serve` runs it every
//! hour: enquiries closed, and vacancies filled or withdrawn, more than `retention_days` ago are
//! deleted with their history, proposals and mails.

use anyhow::Context;
use carematch_service::CareService;
use clap::Args;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct PurgeArgs {}

pub fn run(settings: &Settings, _args: &PurgeArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    let report = CareService::new(store)
        .purge_expired(chrono::Utc::now(), settings.retention())
        .context("purging expired records")?;
    // Counts only: nothing personal.
    println!(
        "deleted {} enquiry(ies) and {} vacancy(ies) closed more than {} days ago",
        report.enquiries, report.vacancies, settings.retention_days
    );
    Ok(())
}
