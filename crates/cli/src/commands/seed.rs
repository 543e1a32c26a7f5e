//! `carematch seed`: loads the demo fixtures (agencies, gazetteer, carers, providers).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use carematch_domain::{Actor, AgencyId, AgencyProfile, CarerDetails, GeoPoint, ProviderDetails};
use carematch_store::gazetteer::GazetteerReader;
use carematch_store::{NewCarer, NewProvider, Store};
use clap::Args;
use serde::Deserialize;

use crate::progress;
use crate::settings::Settings;

/// Where the fixtures live in a checkout.
pub const DEFAULT_FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures");

#[derive(Debug, Args)]
pub struct SeedArgs {
    /// Folder holding agencies.json, gazetteer.csv, carers.jsonl and providers.jsonl.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_FIXTURES)]
    pub fixtures: PathBuf,
}

/// One line of `carers.jsonl`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixtureCarer {
    agency: usize,
    details: CarerDetails,
    location: GeoPoint,
}

/// One line of `providers.jsonl`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FixtureProvider {
    details: ProviderDetails,
    location: GeoPoint,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Loaded { carers: usize, providers: usize },
    AlreadySeeded,
}

pub fn run(settings: &Settings, args: &SeedArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    match seed(&store, &args.fixtures)? {
        SeedOutcome::Loaded { carers, providers } => {
            println!(
                "loaded {carers} carers and {providers} providers from {}",
                args.fixtures.display()
            );
        }
        SeedOutcome::AlreadySeeded => {
            println!("the database already holds agencies; nothing loaded")
        }
    }
    Ok(())
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut items = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let item =
            serde_json::from_str(&line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        items.push(item);
    }
    Ok(items)
}

/// Loads the fixtures unless the database already holds agencies. Every record is validated first.
pub fn seed(store: &Store, dir: &Path) -> anyhow::Result<SeedOutcome> {
    if !store.list_agencies()?.is_empty() {
        return Ok(SeedOutcome::AlreadySeeded);
    }
    let profiles: Vec<AgencyProfile> = serde_json::from_reader(
        File::open(dir.join("agencies.json"))
            .with_context(|| format!("opening {}/agencies.json", dir.display()))?,
    )
    .context("reading agencies.json")?;
    // Checked and normalised as the API does (the areas' authorities may not be loaded yet).
    let profiles: Vec<AgencyProfile> = profiles
        .into_iter()
        .enumerate()
        .map(|(i, profile)| {
            profile
                .parse()
                .with_context(|| format!("agencies.json: agency {}", i + 1))
        })
        .collect::<Result<_, _>>()?;
    let carers: Vec<FixtureCarer> = read_jsonl(&dir.join("carers.jsonl"))?;
    let providers: Vec<FixtureProvider> = read_jsonl(&dir.join("providers.jsonl"))?;
    for (i, carer) in carers.iter().enumerate() {
        carer
            .details
            .validate()
            .with_context(|| format!("carers.jsonl:{}", i + 1))?;
        if carer.agency >= profiles.len() {
            bail!(
                "carers.jsonl:{}: agency {} is not in agencies.json",
                i + 1,
                carer.agency
            );
        }
    }
    for (i, provider) in providers.iter().enumerate() {
        provider
            .details
            .validate()
            .with_context(|| format!("providers.jsonl:{}", i + 1))?;
    }

    let gazetteer_path = dir.join("gazetteer.csv");
    let reader = GazetteerReader::open(&gazetteer_path)
        .with_context(|| format!("opening {}", gazetteer_path.display()))?;
    let bar = progress::bar(None, "postcodes");
    store.import_postcodes(reader, &|n| bar.set_position(n))?;
    bar.finish_and_clear();

    let agency_ids: Vec<AgencyId> = profiles
        .iter()
        .map(|profile| store.create_agency_with(profile).map(|agency| agency.id))
        .collect::<Result<_, _>>()?;
    let new_carers: Vec<NewCarer> = carers
        .into_iter()
        .map(|c| NewCarer {
            agency_id: agency_ids[c.agency],
            details: c.details,
            location: c.location,
        })
        .collect();
    let bar = progress::bar(Some(new_carers.len() as u64), "carers");
    let actor = Actor::system("seed");
    store.insert_carers(&new_carers, &|n| bar.set_position(n), &actor)?;
    bar.finish_and_clear();
    let new_providers: Vec<NewProvider> = providers
        .into_iter()
        .map(|p| NewProvider::new(None, p.details, p.location))
        .collect();
    let bar = progress::bar(Some(new_providers.len() as u64), "providers");
    store.insert_providers(&new_providers, &|n| bar.set_position(n), &actor)?;
    bar.finish_and_clear();
    Ok(SeedOutcome::Loaded {
        carers: new_carers.len(),
        providers: new_providers.len(),
    })
}

/// Where the demo's open data lives inside the fixtures folder (made by
/// `cargo run -p carematch-generate --example make_open_data_demo`, see fixtures/README.md).
pub const DEMO_OPEN_DATA: &str = "open-data/demo";

/// Loads the demo's open data (the demo areas' local authorities and every London borough,
/// their simplified boundaries, Census 2021 TS024 and TS030) unless authorities are already
/// imported, so that `serve --demo` has a commissioner map. Whether it loaded anything.
pub fn seed_open_data(store: &Store, dir: &Path) -> anyhow::Result<bool> {
    use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};
    use carematch_store::census::read_census_csv;
    if !store.authorities()?.analysed().is_empty() {
        return Ok(false);
    }
    let dir = dir.join(DEMO_OPEN_DATA);
    let open = |name: &str| {
        let path = dir.join(name);
        File::open(&path)
            .map(BufReader::new)
            .with_context(|| format!("opening {}", path.display()))
    };
    let authorities =
        read_authorities_csv(open("local_authorities.csv")?).context("local_authorities.csv")?;
    let boundaries =
        read_boundaries_geojson(open("lad_2023_buc.geojson")?).context("lad_2023_buc.geojson")?;
    let census = ["census2021-ts024-ltla.csv", "census2021-ts030-ltla.csv"]
        .into_iter()
        .map(|name| {
            open(name).and_then(|file| read_census_csv(file).with_context(|| name.to_owned()))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    store.import_authorities(&authorities)?;
    store.import_boundaries(&boundaries)?;
    for table in &census {
        store.import_census(table)?;
    }
    Ok(true)
}
