//! `carematch export ...`: the directory's data out, to a file or standard output
//! (docs/export.md). Providers as JSON Lines that `carematch import providers` reads back, or as
//! CSV for spreadsheets; an agency's PA register as CSV in the import template; providers and
//! the vocabulary as Open Referral UK v3 files (`openreferral`, docs/openreferral.md).

mod openreferral;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use carematch_domain::{AgencyId, Caller};
use carematch_service::CareService;
use carematch_service::exports::ProviderFormat;
use clap::{Args, Subcommand};

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(subcommand)]
    what: ExportKind,
}

// One variant per line of the enum's body, so that commands added on other branches merge.
#[derive(Debug, Subcommand)]
enum ExportKind {
    /// Every provider: JSON Lines in the shape `carematch import providers` reads (with each
    /// provider's public `uuid`), or `--csv` for spreadsheets.
    Providers(ProvidersArgs),
    /// An agency's PA register as CSV in the import template (docs/import-template.csv), which
    /// `carematch import carers` reads back. Holds personal data: keep the file safe.
    Register(RegisterArgs),
    /// Providers and vocabulary as Open Referral UK v3 JSON, one file per object kind.
    Openreferral(openreferral::OpenReferralArgs),
}

#[derive(Debug, Args)]
struct ProvidersArgs {
    /// CSV for spreadsheets instead of JSON Lines (columns in docs/export.md).
    #[arg(long)]
    csv: bool,
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RegisterArgs {
    /// The agency whose register is written.
    #[arg(long, value_name = "ID")]
    agency: i64,
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(settings: &Settings, args: &ExportArgs) -> anyhow::Result<()> {
    if let ExportKind::Openreferral(args) = &args.what {
        return openreferral::run(settings, args);
    }
    let store = super::open_store(settings)?;
    // No engine: an export only reads the database.
    let service = CareService::new(store);
    match &args.what {
        ExportKind::Providers(args) => {
            let format = if args.csv {
                ProviderFormat::Csv
            } else {
                ProviderFormat::JsonLines
            };
            let written = write_to(args.output.as_deref(), |out| {
                Ok(service.export_providers(format, out)?)
            })?;
            tracing::info!(providers = written, "exported providers");
        }
        ExportKind::Register(args) => {
            let agency = AgencyId(args.agency);
            // The operator running the binary holds the database: an admin's view.
            let csv = service
                .export_register(Caller::Admin, agency)
                .with_context(|| format!("exporting the register of agency {agency}"))?;
            write_to(args.output.as_deref(), |out| {
                out.write_all(csv.as_bytes())?;
                Ok(())
            })?;
        }
        ExportKind::Openreferral(_) => {}
    }
    Ok(())
}

/// Runs `write` on the file or on standard output. A file is written beside its place under
/// another name and renamed into place once complete, so a failed export leaves neither a
/// half-written file nor a damaged earlier one.
fn write_to<T>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let Some(path) = path else {
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let value = write(&mut out)?;
        out.flush().context("writing to standard output")?;
        return Ok(value);
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let file = File::create(&partial).with_context(|| format!("creating {}", partial.display()))?;
    let mut out = BufWriter::new(file);
    let written = write(&mut out).and_then(|value| {
        out.flush()?;
        out.get_ref().sync_all()?;
        std::fs::rename(&partial, path)?;
        Ok(value)
    });
    if written.is_err() {
        // Incomplete: the error says why, and the earlier file (if any) is untouched.
        let _ = std::fs::remove_file(&partial);
    }
    written.with_context(|| format!("writing {}", path.display()))
}
