use anyhow::Context;
use carematch_store::Store;
use clap::Args;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Revert every migration instead (destroys all data).
    #[arg(long)]
    revert_all: bool,
}

pub fn run(settings: &Settings, args: &MigrateArgs) -> anyhow::Result<()> {
    let store = Store::connect(&settings.database_url, 2)
        .with_context(|| format!("connecting to {}", super::redact(&settings.database_url)))?;
    if args.revert_all {
        store.revert_all().context("reverting migrations")?;
        println!("reverted every migration");
    } else {
        let applied = store.migrate().context("applying migrations")?;
        println!(
            "applied {} migration(s); the database is up to date",
            applied.len()
        );
    }
    Ok(())
}
