//! PA market report benchmark (docs/market.md, "Speed"): 1,000,000 carers and 50,000 providers,
//! the report by authority × language (default) and by all four dimensions, with six stored
//! snapshots to draw each figure's series from, encoded as JSON. Target: ≤ 2 s.
//!
//! ```text
//! cargo bench -p carematch-index --bench market
//! BENCH_CARERS=100000 cargo bench -p carematch-index --bench market
//! ```
//!
//! Areas: the real English authorities and boundaries from `../shared/data` (or
//! `CAREMATCH_OPEN_DATA`), as the gaps bench reads them; the census TS021 file when there.
//! Candidates: the gaps bench's shape (a seeded generator, 70% in 12 city clusters, 30% spread
//! over England; everyone speaks English, half one community language, a fifth of those a
//! second), 150 local agencies (by half-degree square), one to three services each, 40% of PAs
//! with an ethnic group.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use carematch_domain::vocabulary::{Ethnicity, Language, Proficiency, Service};
use carematch_domain::{AgencyId, GeoPoint, LanguageSkill};
use carematch_index::gaps::authority_areas;
use carematch_index::geo::CandidateSet;
use carematch_index::market::{
    AreaLocator, Dimension, MarketInputs, MarketQuery, Placement, StoredSnapshot, Tally,
    market_report, snapshot_cells,
};
use carematch_matching::Roster;
use carematch_matching::gaps::{Area, Authorities, Authority, CensusCounts};
use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};
use carematch_store::census::read_census_csv;
use carematch_testkit::Rng;
use carematch_testkit::build::{carer, provider};

#[path = "market/previous_locator.rs"]
mod previous_locator;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// (lat, lon, weight, sigma km): England's largest cities.
const CITIES: [(f64, f64, f64, f64); 12] = [
    (51.507, -0.128, 16.0, 12.0),
    (52.486, -1.890, 5.0, 8.0),
    (53.480, -2.242, 5.0, 8.0),
    (53.800, -1.549, 3.0, 6.0),
    (53.408, -2.991, 2.5, 5.0),
    (53.381, -1.470, 2.0, 5.0),
    (51.454, -2.588, 2.0, 5.0),
    (52.637, -1.135, 2.0, 4.0),
    (53.795, -1.759, 2.0, 4.0),
    (54.978, -1.618, 2.0, 5.0),
    (52.954, -1.158, 2.0, 4.0),
    (50.376, -4.143, 1.0, 4.0),
];

fn base(rng: &mut Rng) -> GeoPoint {
    let (lat, lon) = if rng.chance(0.7) {
        let total: f64 = CITIES.iter().map(|c| c.2).sum();
        let mut x = rng.unit() * total;
        let city = CITIES
            .iter()
            .find(|c| {
                let hit = x < c.2;
                x -= c.2;
                hit
            })
            .unwrap_or(&CITIES[0]);
        (
            city.0 + rng.gaussian() * city.3 / 111.2,
            city.1 + rng.gaussian() * city.3 / (111.2 * city.0.to_radians().cos()),
        )
    } else {
        (rng.range(50.1, 55.7), rng.range(-5.5, 1.7))
    };
    GeoPoint::new(lat.clamp(-89.0, 89.0), lon.clamp(-179.0, 179.0)).unwrap_or(GeoPoint {
        lat: 52.0,
        lon: -1.0,
    })
}

/// Agencies are local: one of 150, by the half-degree square a PA lives in (a city has a few,
/// each working across a few authorities), as Leicester's three support agencies are.
fn agency_at(at: GeoPoint) -> AgencyId {
    let square = ((at.lat * 2.0).floor() as i64) * 31 + ((at.lon * 2.0).floor() as i64);
    AgencyId(1 + square.rem_euclid(150))
}

fn skill(code: Language) -> LanguageSkill {
    LanguageSkill {
        code,
        proficiency: Proficiency::Native,
        reads: true,
        writes: true,
    }
}

fn data_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match std::env::var("CAREMATCH_OPEN_DATA") {
        Ok(dir) if Path::new(&dir).is_absolute() => PathBuf::from(dir),
        Ok(dir) => root.join(dir),
        Err(_) => root.join("../shared/data"),
    }
}

/// The areas and TS021 counts: real when the files are there, else 296 synthetic centroids.
fn inputs(rng: &mut Rng) -> (Vec<Area>, CensusCounts, &'static str) {
    let dir = data_dir();
    let real = || -> Option<(Vec<Area>, CensusCounts)> {
        let file = std::fs::File::open(dir.join("boundaries/local_authorities.csv")).ok()?;
        let authorities = Authorities::new(read_authorities_csv(file).ok()?);
        let file = std::fs::File::open(dir.join("boundaries/lad_2023_buc.geojson")).ok()?;
        let boundaries: HashMap<_, _> = read_boundaries_geojson(std::io::BufReader::new(file))
            .ok()?
            .into_iter()
            .map(|b| (b.gss, b.geometry))
            .collect();
        let mut census = CensusCounts::new();
        if let Ok(file) = std::fs::File::open(dir.join("census2021/census2021-ts021-ltla.csv"))
            && let Ok(table) = read_census_csv(file)
        {
            for r in &table.records {
                if let Some(a) = authorities.roll_up(&r.gss) {
                    census.add(&a.gss, table.table, &r.category, r.count);
                }
            }
        }
        Some((authority_areas(&authorities, &boundaries), census))
    };
    if let Some((areas, census)) = real() {
        return (
            areas,
            census,
            "real English authorities and boundaries (../shared/data)",
        );
    }
    let list: Vec<Authority> = (0..296)
        .map(|i| Authority {
            gss: format!("E06{i:06}"),
            name: format!("Area {i}"),
            region: None,
            nation: Some("England".into()),
            centroid: Some(base(rng)),
            replaced_by: None,
            population: None,
        })
        .collect();
    let authorities = Authorities::new(list);
    (
        authority_areas(&authorities, &HashMap::new()),
        CensusCounts::new(),
        "296 synthetic centroids (open data not found)",
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let carers: usize = std::env::var("BENCH_CARERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let providers = carers / 20;
    let mut rng = Rng::new(2027);
    let started = Instant::now();
    let community: Vec<Language> = Language::ALL
        .iter()
        .copied()
        .filter(|l| *l != Language::Eng)
        .collect();
    let mut roster = Roster::with_capacity(carers + providers);
    let mut ethnicity = HashMap::new();
    for n in 0..carers {
        let id = n as i64 + 1;
        let at = base(&mut rng);
        let mut c = carer(id, at);
        c.agency_id = agency_at(at);
        let mut languages = vec![skill(Language::Eng)];
        if rng.chance(0.5) {
            languages.push(skill(rng.pick(&community)));
            let second = rng.pick(&community);
            if rng.chance(0.2) && languages.iter().all(|l| l.code != second) {
                languages.push(skill(second));
            }
        }
        c.details.languages = languages;
        let mut services = vec![Service::PersonalCare];
        for _ in 0..rng.below(3) {
            let s = rng.pick(Service::ALL);
            if !services.contains(&s) {
                services.push(s);
            }
        }
        c.details.services = services;
        if rng.chance(0.4) {
            ethnicity.insert(id, rng.pick(Ethnicity::ALL));
        }
        roster.push_carer(&c);
    }
    for n in 0..providers {
        let mut p = provider(n as i64 + 1, base(&mut rng));
        p.details.name = format!("Provider {n}");
        p.details.staff_languages = vec![Language::Eng, rng.pick(Language::ALL)];
        roster.push_provider(&p);
    }
    let set = CandidateSet::from_roster(roster);
    println!(
        "{carers} carers + {providers} providers generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (areas, census, source) = inputs(&mut rng);
    println!("areas: {} {source}", areas.len());
    let inputs = MarketInputs {
        areas,
        agency_names: (1..=150).map(|i| (i, format!("Agency {i}"))).collect(),
        census,
    };
    let now = chrono::Utc::now();

    // Six past snapshots (what the series read), as the store hands them back.
    let t = Instant::now();
    let tally = Tally::new(&set, &inputs.areas, &ethnicity);
    let cells = snapshot_cells(&tally, &inputs);
    println!(
        "snapshot (tally + every one- and two-dimension table): {:.1} ms, {} KB as JSON",
        ms(t.elapsed()),
        serde_json::to_vec(&cells).map_or(0, |b| b.len() / 1024)
    );
    let history: Vec<StoredSnapshot> = (0..6)
        .map(|i| StoredSnapshot {
            id: 6 - i,
            taken_at: now - chrono::Duration::days(182 * (i + 1)),
            cells: cells.clone(),
        })
        .collect();

    let queries = [
        ("by=authority,language (default)", MarketQuery::default()),
        (
            "by=authority,language,service,agency",
            MarketQuery {
                by: vec![
                    Dimension::Authority,
                    Dimension::Language,
                    Dimension::Service,
                    Dimension::Agency,
                ],
                ..MarketQuery::default()
            },
        ),
        (
            "by=authority,ethnicity",
            MarketQuery {
                by: vec![Dimension::Authority, Dimension::Ethnicity],
                ..MarketQuery::default()
            },
        ),
    ];
    // Where the time of a request goes: the locator's grid, and placing every base.
    let t = Instant::now();
    let locator = AreaLocator::new(&inputs.areas);
    let built = t.elapsed();
    let t = Instant::now();
    let placement = Placement::new(&set, &inputs.areas);
    println!(
        "locator grid built in {:.1} ms; {} bases placed (grid built and every base located) in {:.1} ms",
        ms(built),
        set.len(),
        ms(t.elapsed())
    );
    // A/B on the same bases in the same run: the previous locator (whole-polygon tests in
    // cells a boundary crosses) against this one, building the grid and placing every base.
    let bases: Vec<GeoPoint> = set
        .roster()
        .candidates()
        .iter()
        .map(|c| c.held_location())
        .collect();
    for round in 0..2 {
        let t = Instant::now();
        let previous = previous_locator::PreviousLocator::new(&inputs.areas);
        let old: Vec<Option<usize>> = bases.iter().map(|p| previous.locate(*p)).collect();
        let old_ms = ms(t.elapsed());
        let t = Instant::now();
        let grid = AreaLocator::new(&inputs.areas);
        let new: Vec<Option<usize>> = bases.iter().map(|p| grid.locate(*p)).collect();
        let new_ms = ms(t.elapsed());
        let differ = old.iter().zip(&new).filter(|(a, b)| a != b).count();
        println!(
            "A/B round {round}: previous locator {old_ms:.1} ms, this one {new_ms:.1} ms ({:.1}x); {differ} of {} bases placed differently",
            old_ms / new_ms,
            bases.len()
        );
    }
    black_box((locator, placement));
    for (label, query) in queries {
        // `cold`: every base located (the first request, or the first after a write that
        // moved every candidate's place in the pass); `warm`: the last placement reused (no
        // candidate changed since the last report).
        for (mode, reuse) in [("cold", false), ("warm", true)] {
            let mut times = Vec::new();
            let mut size = 0;
            if reuse {
                black_box(Tally::reusing(&set, &inputs.areas, &ethnicity));
            }
            for _ in 0..5 {
                // The whole request: one pass over the candidates, the tables, suppression,
                // series from six snapshots, JSON.
                let t = Instant::now();
                let tally = if reuse {
                    Tally::reusing(&set, &inputs.areas, &ethnicity)
                } else {
                    Tally::new(&set, &inputs.areas, &ethnicity)
                };
                let report = market_report(&tally, &inputs, &query, &history, now).ok();
                let json = serde_json::to_vec(&report).unwrap_or_default();
                times.push(t.elapsed());
                size = json.len();
                black_box(json);
            }
            times.sort();
            println!(
                "{label}, {mode}: median {:.1} ms, max {:.1} ms (target ≤ 2000 ms); {} KB of JSON",
                ms(times[times.len() / 2]),
                ms(times[times.len() - 1]),
                size / 1024
            );
        }
    }
}
