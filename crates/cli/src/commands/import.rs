//! `carematch import ...`: public and agency data files.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use carematch_domain::AgencyId;
use carematch_service::{CareService, ServiceError};
use carematch_store::Store;
use carematch_store::gazetteer::GazetteerReader;
use clap::{Args, Subcommand};

use super::openreferral::{self, FeedSource, FetchOptions, ImportOptions};
use crate::progress;
use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    what: ImportKind,
}

#[derive(Debug, Subcommand)]
enum ImportKind {
    /// Postcode centroids: ONS NSPL CSV (`pcds`, `lat`, `long`, `doterm`) or plain `Postcode,lat,long`.
    Postcodes {
        /// A CSV file, or a folder whose *.csv files are all imported.
        file: PathBuf,
    },
    /// An agency's PA register as CSV (docs/import.md, docs/import-template.csv): all or nothing,
    /// every bad row listed.
    Carers {
        /// The CSV file.
        file: PathBuf,
        /// The agency the carers belong to.
        #[arg(long, value_name = "ID")]
        agency: i64,
    },
    /// Providers as JSON Lines, one `POST /v1/providers` body per line (with an optional `uuid`,
    /// the provider's public id, as `carematch export providers` writes): all or nothing.
    Providers {
        /// The JSON Lines file.
        file: PathBuf,
    },
    /// CQC's register, `HSCA_Active_Locations` (ODS or its CSV export), or a Trafford Data Lab
    /// extract: home-care and community locations become providers (docs/cqc.md).
    Cqc(super::cqc::CqcImportArgs),
    /// Local authorities: mySociety's `local_authorities.csv` (replaces the list).
    Authorities {
        /// The CSV file.
        file: PathBuf,
    },
    /// Local-authority boundaries: ONS LAD GeoJSON (`LAD23CD`, `LAD23NM`; replaces them).
    Boundaries {
        /// The GeoJSON file.
        file: PathBuf,
    },
    /// A council's Open Referral UK v3 feed (docs/openreferral-import.md): its services as
    /// providers, with their provenance; a re-run updates them and retires what the feed
    /// dropped; all or nothing, every rejected record listed with its field paths.
    Openreferral {
        /// The API's base URL (`https://.../openreferral/v3`, read page by page), or a file: a
        /// page, a JSON array of services, NDJSON, or a folder with services.ndjson or
        /// services.json (as `carematch export openreferral` writes).
        source: String,
        /// Also write the report as JSON to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Services asked for per page.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1000))]
        per_page: u32,
        /// Further attempts after a server error (5xx) or a broken connection, with backoff.
        #[arg(long, default_value_t = 3)]
        retries: u32,
        /// Leave out (and list) records that are valid Open Referral but that carematch cannot
        /// take (no UK postcode, no carematch service...) instead of rejecting the feed.
        #[arg(long)]
        skip_unmappable: bool,
    },
    /// Census 2021 by local authority: Nomis bulk CSV of TS024 (main language) or TS030
    /// (religion); replaces that table.
    Census {
        /// The CSV file.
        file: PathBuf,
    },
    /// Postcode sectors with their postcode counts (`code,n_postcodes,lat,lon`, such as the
    /// national `sector_centroids.csv`): replaces the sectors gap maps spread demand over
    /// (a later `import postcodes` recomputes them from the postcodes).
    Sectors {
        /// The CSV file.
        file: PathBuf,
    },
}

pub fn run(settings: &Settings, args: &ImportArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    match &args.what {
        ImportKind::Postcodes { file } => {
            for path in csv_files(file)? {
                let mut reader = GazetteerReader::open(&path)
                    .with_context(|| format!("opening {}", path.display()))?;
                let bar = progress::bar(None, "postcodes");
                let summary = store
                    .import_postcodes(&mut reader, &|n| bar.set_position(n))
                    .with_context(|| format!("importing {}", path.display()))?;
                bar.finish_and_clear();
                println!(
                    "{}: {} postcodes ({} rows without coordinates and {} in no current format skipped); {} sectors and {} districts now located",
                    path.display(),
                    summary.postcodes,
                    reader.skipped(),
                    reader.nonstandard(),
                    summary.sectors,
                    summary.districts
                );
            }
        }
        ImportKind::Carers { file, agency } => import_carers(&store, file, AgencyId(*agency))?,
        ImportKind::Providers { file } => import_providers(&store, file)?,
        ImportKind::Cqc(cqc) => super::cqc::import(&store, cqc)?,
        ImportKind::Authorities { file } => super::gaps::import_authorities(&store, file)?,
        ImportKind::Boundaries { file } => super::gaps::import_boundaries(&store, file)?,
        ImportKind::Census { file } => super::gaps::import_census(&store, file)?,
        ImportKind::Sectors { file } => super::gaps::import_sectors(&store, file)?,
        ImportKind::Openreferral {
            source,
            report,
            per_page,
            retries,
            skip_unmappable,
        } => {
            let options = ImportOptions {
                per_page: *per_page,
                fetch: FetchOptions {
                    retries: *retries,
                    ..FetchOptions::default()
                },
                skip_unmappable: *skip_unmappable,
            };
            import_openreferral(&store, source, &options, report.as_deref())?;
        }
    }
    Ok(())
}

/// Same rules and parser as `POST /v1/imports/carers`.
fn import_carers(store: &Store, file: &Path, agency: AgencyId) -> anyhow::Result<()> {
    let data = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let bar = progress::bar(None, "carers");
    let started = Instant::now();
    // No engine here: a running server's indexes follow the change log.
    let service = CareService::new(store.clone());
    let outcome = service.import_carers(agency, &data, &|n| bar.set_position(n));
    bar.finish_and_clear();
    match outcome {
        Ok(report) => {
            println!(
                "{}: imported {} carers for agency {agency} in {:.1?}",
                file.display(),
                report.imported,
                started.elapsed()
            );
            Ok(())
        }
        Err(ServiceError::ImportRejected(rows) | ServiceError::ImportConflict(rows)) => {
            for row in &rows {
                eprintln!(
                    "{}:{}: {}: {}",
                    file.display(),
                    row.line,
                    if row.column.is_empty() {
                        "row"
                    } else {
                        &row.column
                    },
                    row.reason
                );
            }
            bail!(
                "{}: {} problem(s); nothing was imported",
                file.display(),
                rows.len()
            )
        }
        Err(other) => Err(anyhow::anyhow!("{}: {other}", file.display())),
    }
}

/// JSON Lines of `ProviderDetails` (each with an optional `uuid`, as `carematch export
/// providers` writes), all or nothing ([`CareService::import_providers`]).
fn import_providers(store: &Store, file: &Path) -> anyhow::Result<()> {
    let data = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let bar = progress::bar(None, "providers");
    let service = CareService::new(store.clone());
    let outcome = service.import_providers(&data, &|n| bar.set_position(n));
    bar.finish_and_clear();
    match outcome {
        Ok(report) => {
            println!("{}: imported {} providers", file.display(), report.imported);
            Ok(())
        }
        Err(ServiceError::ImportRejected(rows) | ServiceError::ImportConflict(rows)) => {
            for row in &rows {
                let column = if row.column.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", row.column)
                };
                eprintln!("{}:{}: {column}{}", file.display(), row.line, row.reason);
            }
            bail!(
                "{}: {} problem(s); nothing was imported",
                file.display(),
                rows.len()
            )
        }
        Err(other) => Err(anyhow::anyhow!("{}: {other}", file.display())),
    }
}

/// An Open Referral feed, all or nothing; the report printed and, with `--report`, written.
fn import_openreferral(
    store: &Store,
    source: &str,
    options: &ImportOptions,
    report_file: Option<&Path>,
) -> anyhow::Result<()> {
    // No engine here: a running server's indexes follow the change log.
    let service = CareService::new(store.clone());
    let report = openreferral::import(&service, &FeedSource::parse(source), options)?;
    report.print(&mut std::io::stdout().lock())?;
    if let Some(file) = report_file {
        let json = serde_json::to_vec_pretty(&report)?;
        std::fs::write(file, json).with_context(|| format!("writing {}", file.display()))?;
    }
    if !report.imported {
        bail!(
            "{source}: {} record(s) rejected; nothing was imported",
            report.rejected.len()
        );
    }
    Ok(())
}

/// The file itself, or every `.csv` in the folder, sorted.
pub fn csv_files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("listing {}", path.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    files.sort();
    Ok(files)
}
