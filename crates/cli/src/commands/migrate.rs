use anyhow::Context;
use carematch_store::PoolOptions;
use clap::Args;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Revert every migration instead (destroys all data).
    #[arg(long)]
    revert_all: bool,
}

pub fn run(settings: &Settings, args: &MigrateArgs) -> anyhow::Result<()> {
    // One connection is all a migration uses; none is opened in the background.
    let store = super::connect(settings, PoolOptions::command(1))?;
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
