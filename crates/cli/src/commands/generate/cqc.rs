//! `carematch generate cqc`: a synthetic CQC register (`HSCA_Active_Locations`) as ODS or
//! CSV, for `carematch import cqc`'s speed test (docs/cqc.md, "Speed").

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use carematch_generate::cqc::{CqcConfig, write_csv, write_hsca_ods};
use chrono::NaiveDate;
use clap::Args;

#[derive(Debug, Args)]
pub struct CqcArgs {
    /// Seed: the same seed, count and postcodes always give the same file.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    #[arg(long, default_value_t = 30_000)]
    locations: usize,
    /// The "as at" date in the title rows (default: today).
    #[arg(long)]
    as_at: Option<NaiveDate>,
    /// Postcodes to place locations at (as for `generate`); load the same file with
    /// `carematch import postcodes` so that those without coordinates locate.
    #[arg(long, value_name = "PATH", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv"))]
    postcodes: PathBuf,
    /// The file to write: `.ods` or `.csv`.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

pub fn run(args: &CqcArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let places = super::load_places(&args.postcodes)?;
    let config = CqcConfig {
        seed: args.seed,
        locations: args.locations,
        as_at: args
            .as_at
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let file =
        File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let out = BufWriter::new(file);
    match args.out.extension().and_then(|e| e.to_str()) {
        Some("ods") => {
            write_hsca_ods(&config, &places, out)
                .and_then(|mut out| out.flush())
                .with_context(|| format!("writing {}", args.out.display()))?;
        }
        Some("csv") => {
            write_csv(&config, &places, out)
                .with_context(|| format!("writing {}", args.out.display()))?;
        }
        _ => bail!("{}: the file name ends in .ods or .csv", args.out.display()),
    }
    println!(
        "wrote {} CQC locations to {} in {:.1?}",
        args.locations,
        args.out.display(),
        started.elapsed()
    );
    Ok(())
}
