//! Integration tests for carematch-generate: one binary, so linking happens once.

mod fixtures;
mod generated;

use std::path::PathBuf;
use std::sync::OnceLock;

use carematch_generate::{GeneratorConfig, Place, parse_places_csv};
use chrono::NaiveDate;

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
}

/// The committed gazetteer: real postcodes of the demo areas.
pub fn places() -> &'static [Place] {
    static PLACES: OnceLock<Vec<Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let text = std::fs::read_to_string(fixtures_dir().join("gazetteer.csv"))
            .expect("fixtures/gazetteer.csv");
        parse_places_csv(&text).expect("gazetteer parses")
    })
}

pub fn config(seed: u64, carers: usize, providers: usize) -> GeneratorConfig {
    GeneratorConfig {
        seed,
        carers,
        providers,
        today: today(),
    }
}
