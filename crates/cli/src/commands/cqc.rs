//! `carematch import cqc FILE`: CQC's register (or a Data Lab extract) in, as providers.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use carematch_service::{CareService, ServiceError};
use carematch_store::Store;
use chrono::NaiveDate;
use clap::Args;

#[derive(Debug, Args)]
pub struct CqcImportArgs {
    /// `HSCA_Active_Locations` as ODS or CSV, or a Trafford Data Lab CSV extract.
    file: PathBuf,
    /// The date the register stands at: dates the `cqc_registered` checks and "last
    /// confirmed" (default: today).
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Also write the whole report as JSON: every skipped row with its reason, every cell
    /// left out, and what became of every imported location.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
}

pub fn import(store: &Store, args: &CqcImportArgs) -> anyhow::Result<()> {
    let file = &args.file;
    let started = Instant::now();
    let data = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // No engine here: a running server's indexes follow the change log.
    let service = CareService::new(store.clone());
    let report = match service.import_cqc(&data, as_of) {
        Ok(report) => report,
        Err(ServiceError::ImportRejected(rows)) => {
            for row in &rows {
                let column = if row.column.is_empty() {
                    "row"
                } else {
                    &row.column
                };
                eprintln!("{}:{}: {column}: {}", file.display(), row.line, row.reason);
            }
            bail!(
                "{}: {} problem(s); nothing was imported",
                file.display(),
                rows.len()
            )
        }
        Err(other) => return Err(anyhow::anyhow!("{}: {other}", file.display())),
    };
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for row in &report.skipped {
        let reason = serde_json::to_value(row.reason)?;
        *skipped
            .entry(reason.as_str().unwrap_or_default().to_owned())
            .or_default() += 1;
    }
    let sync = &report.sync;
    println!(
        "{}: {} rows, {} in scope ({} created, {} updated, {} unchanged, {} retired) into feed {} in {:.1?}",
        file.display(),
        report.rows,
        report.in_scope,
        sync.created,
        sync.updated,
        sync.unchanged,
        sync.retired,
        report.feed,
        started.elapsed()
    );
    let skipped: Vec<String> = skipped.iter().map(|(r, n)| format!("{r} {n}")).collect();
    println!(
        "skipped {} (not errors): {}",
        report.skipped.len(),
        if skipped.is_empty() {
            "none".to_owned()
        } else {
            skipped.join(", ")
        }
    );
    if !report.notes.is_empty() {
        println!("{} cell(s) left out", report.notes.len());
    }
    if !report.written {
        println!("no location in scope: nothing was written");
    }
    if let Some(path) = &args.report {
        std::fs::write(path, serde_json::to_vec_pretty(&report)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
