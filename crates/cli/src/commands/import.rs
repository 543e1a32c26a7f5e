//! `carematch import ...`: public and agency data files.

use std::path::PathBuf;

use anyhow::Context;
use carematch_store::gazetteer::GazetteerReader;
use clap::{Args, Subcommand};

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
                    "{}: {} postcodes ({} rows without coordinates skipped); {} sectors and {} districts now located",
                    path.display(),
                    summary.postcodes,
                    reader.skipped(),
                    summary.sectors,
                    summary.districts
                );
            }
        }
    }
    Ok(())
}

/// The file itself, or every `.csv` in the folder, sorted.
pub fn csv_files(path: &std::path::Path) -> anyhow::Result<Vec<PathBuf>> {
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
