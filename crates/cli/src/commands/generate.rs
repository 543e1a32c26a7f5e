//! `carematch generate`: deterministic synthetic carers and providers, to JSON Lines files or
//! straight into the database (for benchmarks and load tests).

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use carematch_domain::{Actor, AgencyId};
use carematch_generate::{
    GeneratorConfig, Place, agencies, generate_carers, generate_providers, write_jsonl,
};
use carematch_store::gazetteer::GazetteerReader;
use carematch_store::{NewCarer, NewProvider};
use chrono::NaiveDate;
use clap::Args;

use crate::progress;
use crate::settings::Settings;

pub mod cqc;
pub mod month;

/// What else `generate` makes besides carers and providers.
#[derive(Debug, clap::Subcommand)]
pub enum GenerateWhat {
    /// A seeded synthetic month of vacancies and enquiries with their status histories, written
    /// into the configured database; prints the time-to-fill report's headline figures.
    Month(month::MonthArgs),
    /// A synthetic CQC register (`HSCA_Active_Locations`, title rows, header, locations at
    /// real postcodes) as ODS or CSV, for `import cqc`'s speed test.
    Cqc(cqc::CqcArgs),
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct GenerateArgs {
    #[command(subcommand)]
    what: Option<GenerateWhat>,
    /// Seed: the same seed and inputs always give the same records.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    #[arg(long, default_value_t = 2000)]
    carers: usize,
    #[arg(long, default_value_t = 150)]
    providers: usize,
    /// Postcodes to place records at (a CSV or a folder of them, as for `import postcodes`):
    /// records spread like the postcodes, so like the population.
    #[arg(long, value_name = "PATH", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv"))]
    postcodes: PathBuf,
    /// The date checks and capacity flags are generated against (default: today).
    #[arg(long)]
    today: Option<NaiveDate>,
    /// Write carers.jsonl and providers.jsonl into this folder.
    #[arg(long, value_name = "DIR", conflicts_with = "load")]
    out: Option<PathBuf>,
    /// Insert into the configured database instead (creates the demo agencies), in batches.
    #[arg(long)]
    load: bool,
}

pub(crate) fn load_places(path: &std::path::Path) -> anyhow::Result<Vec<Place>> {
    let mut places = Vec::new();
    for file in super::import::csv_files(path)? {
        let reader =
            GazetteerReader::open(&file).with_context(|| format!("opening {}", file.display()))?;
        for row in reader {
            let row = row.with_context(|| format!("reading {}", file.display()))?;
            if !row.terminated {
                places.push(Place {
                    postcode: row.postcode,
                    point: row.point,
                });
            }
        }
    }
    if places.is_empty() {
        bail!("no live postcodes with coordinates in {}", path.display());
    }
    Ok(places)
}

pub fn run(settings: &Settings, args: &GenerateArgs) -> anyhow::Result<()> {
    match &args.what {
        Some(GenerateWhat::Month(month)) => return month::run(settings, month),
        Some(GenerateWhat::Cqc(cqc)) => return cqc::run(cqc),
        None => {}
    }
    let started = Instant::now();
    let places = load_places(&args.postcodes)?;
    let config = GeneratorConfig {
        seed: args.seed,
        carers: args.carers,
        providers: args.providers,
        today: args
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    eprintln!(
        "{} postcodes loaded in {:.1?}",
        places.len(),
        started.elapsed()
    );
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let bar = progress::bar(Some(args.carers as u64), "carers");
        let out = BufWriter::new(File::create(dir.join("carers.jsonl"))?);
        write_jsonl(
            generate_carers(&config, &places).inspect(|_| bar.inc(1)),
            out,
        )?;
        bar.finish_and_clear();
        let out = BufWriter::new(File::create(dir.join("providers.jsonl"))?);
        write_jsonl(generate_providers(&config, &places), out)?;
        println!(
            "wrote {} carers and {} providers to {} in {:.1?}",
            args.carers,
            args.providers,
            dir.display(),
            started.elapsed()
        );
    } else if args.load {
        let store = super::open_store(settings)?;
        let agency_ids: Vec<AgencyId> = agencies()
            .iter()
            .map(|name| store.create_agency(name).map(|a| a.id))
            .collect::<Result<_, _>>()?;
        let bar = progress::bar(Some(args.carers as u64), "carers");
        let actor = Actor::system("generate");
        let mut batch = Vec::with_capacity(BATCH);
        for carer in generate_carers(&config, &places) {
            batch.push(NewCarer {
                agency_id: agency_ids[carer.agency % agency_ids.len()],
                details: carer.details,
                location: carer.location,
            });
            if batch.len() == BATCH {
                store.insert_carers(&batch, &|_| {}, &actor)?;
                bar.inc(BATCH as u64);
                batch.clear();
            }
        }
        store.insert_carers(&batch, &|_| {}, &actor)?;
        bar.finish_and_clear();
        let providers: Vec<NewProvider> = generate_providers(&config, &places)
            .map(|p| NewProvider::new(None, p.details, p.location))
            .collect();
        store.insert_providers(&providers, &|_| {}, &actor)?;
        println!(
            "loaded {} carers and {} providers in {:.1?}",
            args.carers,
            args.providers,
            started.elapsed()
        );
    } else {
        bail!("say where the records go: --out DIR or --load");
    }
    Ok(())
}

/// Rows per transaction when loading into the database.
const BATCH: usize = 10_000;
