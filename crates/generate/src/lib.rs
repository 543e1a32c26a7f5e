//! Realistic, deterministic synthetic carers (personal assistants) and providers for demos, tests
//! and benchmarks.
//!
//! Records are drawn from real postcodes ([`Place`]s); the community mix of the area a postcode is
//! in ([`demo_areas`]) decides the background a record is drawn from, and the background decides
//! which names, languages, food, dietary laws and faith practices go together. Every record passes
//! its domain `validate()`.
//!
//! Output depends only on the [`GeneratorConfig`] and the places: the PRNG is written here, not
//! taken from a crate, and record `i` is drawn from its own generator keyed by (seed, i), so a
//! stream can be cut anywhere and is byte-identical across runs, machines and dependency upgrades.
//!
//! Pure: the only IO is [`write_jsonl`] and the CQC register writers ([`cqc::write_csv`],
//! [`cqc::write_hsca_ods`]), which write to any `std::io::Write`.

mod areas;
mod carers;
pub mod cqc;
mod culture;
mod month;
mod places;
mod providers;
mod rng;
mod text;

use std::io::{self, Write};

use carematch_domain::{CarerDetails, GeoPoint, ProviderDetails};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use areas::{
    Area, AreaKind, Background, District, NATIONAL_MIX, area_index, area_of, demo_areas, mix_for,
};
pub use month::{GeneratedEnquiry, GeneratedVacancy, Month, MonthConfig, generate_month};
pub use places::{Place, parse_place_row, parse_places_csv};
pub use rng::Rng;

/// Errors of this crate: reading places.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("line {line}: {reason}")]
    BadPlace { line: usize, reason: String },
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratorConfig {
    pub seed: u64,
    pub carers: usize,
    pub providers: usize,
    /// The date records are generated relative to (expiry dates, last confirmed, available from).
    pub today: NaiveDate,
}

/// A generated carer: the agency that vouches for it (an index into [`agencies`]), the details an
/// agency would send, and the base point of its postcode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneratedCarer {
    pub agency: usize,
    pub details: CarerDetails,
    pub location: GeoPoint,
}

/// A generated provider and the point of its base postcode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneratedProvider {
    pub details: ProviderDetails,
    pub location: GeoPoint,
}

static AGENCIES: &[&str] = &[
    "Fernhollow Direct Payments Support",
    "Kestrelgate PA Finder",
    "Marrowby Independent Living Service",
    "Quillfield Personal Budgets Support",
    "Lanternwick PA Register",
    "Brackenmoor Support Brokerage",
    "Tidewell Direct Payments Hub",
    "Corriebank PA Support",
];

/// Fictional direct-payment support agencies that vouch for generated carers. Each area is served
/// by three of them, as Leicester is by its three real ones.
pub fn agencies() -> &'static [&'static str] {
    AGENCIES
}

/// `config.carers` carers, drawn lazily; nothing when `places` is empty. The same config and
/// places always give the same carers, and carer `i` does not depend on `config.carers`.
pub fn generate_carers<'p>(
    config: &GeneratorConfig,
    places: &'p [Place],
) -> impl Iterator<Item = GeneratedCarer> + use<'p> {
    let config = *config;
    let areas: Vec<Option<usize>> = places.iter().map(|p| area_index(&p.postcode)).collect();
    let count = if places.is_empty() { 0 } else { config.carers };
    (0..count).map(move |i| carers::carer(&config, places, &areas, i))
}

/// `config.providers` providers, drawn lazily; nothing when `places` is empty. Names are unique
/// within one run.
pub fn generate_providers<'p>(
    config: &GeneratorConfig,
    places: &'p [Place],
) -> impl Iterator<Item = GeneratedProvider> + use<'p> {
    let config = *config;
    let areas: Vec<Option<usize>> = places.iter().map(|p| area_index(&p.postcode)).collect();
    let count = if places.is_empty() {
        0
    } else {
        config.providers
    };
    // Names already given, so that two organisations never share one (a later one gets its
    // outward code added): the only state carried from one provider to the next.
    let mut taken = std::collections::HashSet::new();
    (0..count).map(move |i| providers::provider(&config, places, &areas, i, &mut taken))
}

/// Writes each item as one line of JSON; returns the number of lines. Buffers internally, so an
/// unbuffered `File` is fine.
pub fn write_jsonl<T: Serialize>(
    items: impl Iterator<Item = T>,
    out: impl Write,
) -> io::Result<u64> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut lines = 0;
    for item in items {
        serde_json::to_writer(&mut out, &item).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
        lines += 1;
    }
    out.flush()?;
    Ok(lines)
}
