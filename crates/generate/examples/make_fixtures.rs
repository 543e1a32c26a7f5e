//! Writes the demo fixtures under `fixtures/` from the real postcode files.
//!
//! Regenerate (from the repository root, with the shared data beside it at `../shared/data`):
//!
//! ```text
//! cargo run -p carematch-generate --example make_fixtures [-- DATA_DIR]
//! ```
//!
//! 1. Reads `DATA_DIR/postcodes/full/<AREA>.csv` (`Postcode,lat,long`; rows with an empty `lat`
//!    are skipped) for every postcode area used by a demo area, keeps the postcodes inside the
//!    demo areas (`carematch_generate::demo_areas()`), and samples about 3,000 of them with a
//!    fixed seed (in proportion to each area's postcodes, at least 60 per area) into
//!    `fixtures/gazetteer.csv`, sorted by postcode.
//! 2. Reads that gazetteer back and generates, with seed 2026 and `today` = 2026-11-01,
//!    `fixtures/carers.jsonl` (2,000 carers), `fixtures/providers.jsonl` (150 providers) and
//!    (`fixtures/agencies.json`, the agencies' profiles, is written by hand: its names are
//!    `agencies()` in order, and a carer's `agency` is an index into it).
//!
//! The output is byte-identical on every run; a test regenerates the JSON Lines from the
//! gazetteer and compares them with the committed files.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use carematch_generate::{
    GeneratorConfig, Place, Rng, area_index, demo_areas, generate_carers, generate_providers,
    parse_place_row, parse_places_csv, write_jsonl,
};
use chrono::NaiveDate;

const SEED: u64 = 2026;
const CARERS: usize = 2_000;
const PROVIDERS: usize = 150;
const TARGET_PLACES: usize = 3_000;
const MIN_PER_AREA: usize = 60;

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()?;
    let data: PathBuf = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("../shared/data"), PathBuf::from);
    let fixtures = root.join("fixtures");
    fs::create_dir_all(&fixtures)?;

    // Every place in a demo area, grouped by area.
    let letters: BTreeSet<&str> = demo_areas()
        .iter()
        .flat_map(|a| a.districts.iter().map(|d| d.area))
        .collect();
    let mut by_area: Vec<Vec<Place>> = vec![Vec::new(); demo_areas().len()];
    let mut skipped = 0;
    for area in letters {
        let path = data.join("postcodes/full").join(format!("{area}.csv"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for row in text.lines().skip(1) {
            match parse_place_row(row) {
                Ok(Some(place)) => {
                    if let Some(i) = area_index(&place.postcode) {
                        by_area[i].push(place);
                    }
                }
                Ok(None) => {}
                Err(_) => skipped += 1,
            }
        }
    }

    // A deterministic sample, in proportion to each area's postcodes, with a floor.
    let total: usize = by_area.iter().map(Vec::len).sum();
    let mut rng = Rng::seed_from_u64(SEED);
    let mut sample: Vec<Place> = Vec::new();
    for (i, places) in by_area.iter_mut().enumerate() {
        places.sort_by(|a, b| a.postcode.cmp(&b.postcode));
        let want = (places.len() * TARGET_PLACES / total.max(1))
            .max(MIN_PER_AREA)
            .min(places.len());
        for k in 0..want {
            let j = k + rng.below(places.len() - k);
            places.swap(k, j);
        }
        println!(
            "{:<14} {:>6} postcodes, {:>4} sampled",
            demo_areas()[i].name,
            places.len(),
            want
        );
        sample.extend(places[..want].iter().cloned());
    }
    sample.sort_by(|a, b| a.postcode.cmp(&b.postcode));
    let mut csv = String::from("Postcode,lat,long\n");
    for place in &sample {
        writeln!(
            csv,
            "{},{},{}",
            place.postcode, place.point.lat, place.point.lon
        )?;
    }
    fs::write(fixtures.join("gazetteer.csv"), &csv)?;

    // Generate from the gazetteer as written, exactly as the fixture test does.
    let places = parse_places_csv(&csv)?;
    let config = GeneratorConfig {
        seed: SEED,
        carers: CARERS,
        providers: PROVIDERS,
        today: NaiveDate::from_ymd_opt(2026, 11, 1).ok_or("date")?,
    };
    let carers = write_jsonl(
        generate_carers(&config, &places),
        fs::File::create(fixtures.join("carers.jsonl"))?,
    )?;
    let providers = write_jsonl(
        generate_providers(&config, &places),
        fs::File::create(fixtures.join("providers.jsonl"))?,
    )?;
    // `agencies.json` is written by hand (the agencies' profiles); its names are `agencies()`
    // in order, which the fixture test checks.
    println!(
        "{} places ({skipped} malformed rows skipped), {carers} carers, {providers} providers written to {}",
        places.len(),
        fixtures.display()
    );
    Ok(())
}
