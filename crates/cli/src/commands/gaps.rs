//! `carematch gaps`: the commissioner gap map as files (GeoJSON, CSV, SVG), and the open-data
//! importers behind `carematch import authorities|boundaries|census|sectors`.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use carematch_domain::{CarerId, ProviderId};
use carematch_index::gaps::{GapQuery, analyse, load_inputs};
use carematch_index::geo::CandidateSet;
use carematch_matching::day_number;
use carematch_matching::gaps::{AreaKind, DemandBasis, GapReport, NeedSet};
use carematch_store::Store;
use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};
use carematch_store::census::read_census_csv;
use carematch_store::sectors::read_sectors_csv;
use clap::{Args, ValueEnum};

use crate::settings::Settings;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    LocalAuthority,
    Sector,
    Hex,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DemandArg {
    Census,
    Plans,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    /// The need: `language:yue`, `cuisine:cantonese`, `diet:halal`,
    /// `faith_practice:same_gender_personal_care`, `gender:female`, or several joined by `,`
    /// (all must hold).
    #[arg(long)]
    need: String,
    /// How far a supplier may be from where people live (each postcode sector), in km.
    #[arg(long, default_value_t = 10.0)]
    max_km: f64,
    /// Areas: current English local authorities (measured at their postcode sectors), each
    /// postcode sector, or H3 resolution-6 hexagons.
    #[arg(long, value_enum, default_value = "local-authority")]
    by: By,
    /// Demand: Census 2021 residents, or saved support plans (counts below 5 suppressed).
    #[arg(long, value_enum, default_value = "census")]
    demand: DemandArg,
    /// Write the GeoJSON FeatureCollection here.
    #[arg(long, value_name = "FILE")]
    geojson: Option<PathBuf>,
    /// Write the CSV here.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// Write an SVG map here.
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
    /// The SVG's title (default: from the need).
    #[arg(long)]
    title: Option<String>,
    /// How many of the largest gaps to print.
    #[arg(long, default_value_t = 5)]
    top: usize,
    /// Today, for lapsed provider flags (default: the real date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<chrono::NaiveDate>,
}

/// Every live carer and provider, read in keyset pages.
pub fn load_candidates(store: &Store) -> anyhow::Result<CandidateSet> {
    const PAGE: u32 = 5000;
    let mut carers = Vec::new();
    let mut after: Option<CarerId> = None;
    loop {
        let page = store.carers_after(after, PAGE).context("reading carers")?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        carers.extend(page);
    }
    let mut providers = Vec::new();
    let mut after: Option<ProviderId> = None;
    loop {
        let page = store
            .providers_after(after, PAGE)
            .context("reading providers")?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        providers.extend(page);
    }
    Ok(CandidateSet::build(&carers, &providers))
}

fn write(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

pub fn run(settings: &Settings, args: &GapsArgs) -> anyhow::Result<()> {
    let need = NeedSet::parse(&args.need).map_err(|e| anyhow::anyhow!("--need: {e}"))?;
    let in_range = args.max_km > 0.0 && args.max_km <= 100.0;
    if !in_range {
        bail!("--max-km must be above 0 and at most 100");
    }
    let store = super::open_store(settings)?;
    let today = args
        .today
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let query = GapQuery {
        need,
        max_km: args.max_km,
        by: match args.by {
            By::LocalAuthority => AreaKind::LocalAuthority,
            By::Sector => AreaKind::Sector,
            By::Hex => AreaKind::Hex,
        },
        basis: match args.demand {
            DemandArg::Census => DemandBasis::Census,
            DemandArg::Plans => DemandBasis::Plans,
        },
        today: day_number(today),
    };
    let inputs = load_inputs(&store, &query.need, query.basis)?;
    let set = load_candidates(&store)?;
    let started = std::time::Instant::now();
    let report = analyse(&set, &inputs, &query);
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "gap analysis"
    );
    if let Some(path) = &args.geojson {
        write(path, &serde_json::to_vec(&report.feature_collection())?)?;
    }
    if let Some(path) = &args.csv {
        write(path, report.to_csv().as_bytes())?;
    }
    if let Some(path) = &args.svg {
        let title = args.title.clone().unwrap_or_else(|| default_title(&report));
        write(path, report.to_svg(&title).as_bytes())?;
    }
    print_summary(&report, set.len(), args.top);
    Ok(())
}

fn default_title(report: &GapReport) -> String {
    let label = report.need.label();
    let mut chars = label.chars();
    let label = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default();
    format!("Gaps in care: {label}, within {} km", report.max_km)
}

fn print_summary(report: &GapReport, candidates: usize, top: usize) {
    println!(
        "{} ({}), within {} km, demand from {}: {} areas, {} candidates",
        report.need.expression(),
        report.need.label(),
        report.max_km,
        report.basis.code(),
        report.rows.len(),
        candidates
    );
    println!(
        "  demand figure: {}",
        report.need.demand_figure(report.basis).summary
    );
    for caveat in &report.caveats {
        println!("  caveat: {caveat}");
    }
    let counts: Vec<String> = report
        .severity_counts()
        .into_iter()
        .map(|(s, n)| format!("{} {n}", s.code()))
        .collect();
    println!("  {}", counts.join(", "));
    if top > 0 {
        println!("  largest gaps:");
        for row in report.largest_gaps(top) {
            let in_reach = match (row.demand_in_reach, row.share_in_reach) {
                (Some(n), Some(share)) => format!(" ({n} in reach, {:.1}%)", share * 100.0),
                _ => String::new(),
            };
            println!(
                "    {} {} ({}): demand {}{in_reach}, {} carers, {} providers in reach, nearest {}, {}",
                row.code,
                row.name,
                row.region.as_deref().unwrap_or("-"),
                if row.demand_shown.is_empty() {
                    "unknown"
                } else {
                    &row.demand_shown
                },
                row.carers,
                row.providers,
                row.nearest_km
                    .map_or_else(|| "none".to_owned(), |km| format!("{km} km")),
                row.severity.code()
            );
        }
    }
}

fn open(path: &Path) -> anyhow::Result<BufReader<File>> {
    Ok(BufReader::new(
        File::open(path).with_context(|| format!("opening {}", path.display()))?,
    ))
}

/// `carematch import authorities FILE`: mySociety's `local_authorities.csv`.
pub fn import_authorities(store: &Store, file: &Path) -> anyhow::Result<()> {
    let list =
        read_authorities_csv(open(file)?).with_context(|| format!("reading {}", file.display()))?;
    let stored = store.import_authorities(&list)?;
    let authorities = store.authorities()?;
    println!(
        "{}: {stored} local authorities (current and former); {} current English authorities analysed",
        file.display(),
        authorities.analysed().len()
    );
    Ok(())
}

/// `carematch import boundaries FILE`: ONS local-authority-district GeoJSON.
pub fn import_boundaries(store: &Store, file: &Path) -> anyhow::Result<()> {
    let list = read_boundaries_geojson(open(file)?)
        .with_context(|| format!("reading {}", file.display()))?;
    let stored = store.import_boundaries(&list)?;
    println!("{}: {stored} boundaries", file.display());
    Ok(())
}

/// `carematch import census FILE`: a Nomis bulk CSV of TS021, TS024 or TS030.
pub fn import_census(store: &Store, file: &Path) -> anyhow::Result<()> {
    let data =
        read_census_csv(open(file)?).with_context(|| format!("reading {}", file.display()))?;
    let stored = store.import_census(&data)?;
    println!(
        "{}: census table {} for {} areas ({stored} counts)",
        file.display(),
        data.table.code(),
        data.areas
    );
    Ok(())
}

/// `carematch import sectors FILE`: postcode sectors with their postcode counts
/// (`code,n_postcodes,lat,lon`).
pub fn import_sectors(store: &Store, file: &Path) -> anyhow::Result<()> {
    let list =
        read_sectors_csv(open(file)?).with_context(|| format!("reading {}", file.display()))?;
    let stored = store.import_sectors(&list)?;
    let postcodes: u64 = list.iter().map(|s| s.n_postcodes).sum();
    println!(
        "{}: {stored} postcode sectors ({postcodes} postcodes)",
        file.display()
    );
    Ok(())
}
