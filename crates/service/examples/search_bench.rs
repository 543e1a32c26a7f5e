//! Benchmark of `GET /v1/search` with text and a place, as the handler runs it (the service's
//! `search`: the radius from the R-tree, the text scored on those records only, totals, facets,
//! one page of public views read from the store), over a real database.
//!
//! ```sh
//! carematch generate --seed 1 --carers 1000000 --providers 50000 \
//!     --postcodes ../shared/data/postcodes/full --load      # with CAREMATCH_DATABASE_URL=sqlite:///tmp/bench.db
//! cargo run --release -p carematch-service --example search_bench -- sqlite:///tmp/bench.db INDEX_DIR
//! ```
//!
//! `INDEX_DIR` is reused when it holds an index (the first run builds it). Prints p50/p99 per
//! radius and over every query, and the totals of the issue's case (`dementia` near M13 0EG).

// The server's allocator (crates/cli), so that the figures are the server's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::error::Error;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use carematch_index::{Engine, EngineOptions};
use carematch_matching::Viewer;
use carematch_service::{CareService, SearchRequest};
use carematch_store::Store;

/// City centres (dense) and rural places, as `(name, lat, lon)`.
const PLACES: [(&str, f64, f64); 10] = [
    ("London (Westminster)", 51.501, -0.142),
    ("London (Stratford)", 51.541, -0.003),
    ("Manchester (M13 0EG)", 53.461_91, -2.222_11),
    ("Birmingham", 52.479, -1.903),
    ("Leeds", 53.797, -1.548),
    ("Leicester", 52.637, -1.140),
    ("Bradford", 53.795, -1.759),
    ("Kirkby Stephen (rural)", 54.472, -2.349),
    ("North Norfolk (rural)", 52.905, 1.060),
    ("Cornwall (rural)", 50.413, -4.960),
];

/// Common and rare words, in several scripts.
const WORDS: [&str; 8] = [
    "dementia",
    "personal care",
    "shopping",
    "cantonese",
    "halal",
    "urdu",
    "廣東話",
    "dementia halal",
];

const RADII_KM: [&str; 2] = ["10", "25"];

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort_unstable();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    (at(0.50), at(0.99), at(1.0))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn request(q: &str, lat: f64, lon: f64, radius: &str) -> Result<SearchRequest, Box<dyn Error>> {
    let pairs = [
        ("q", q.to_owned()),
        ("lat", lat.to_string()),
        ("lon", lon.to_string()),
        ("radius_km", radius.to_owned()),
    ];
    Ok(SearchRequest::from_pairs(
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    )?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .ok_or("usage: search_bench DATABASE_URL INDEX_DIR")?;
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: search_bench DATABASE_URL INDEX_DIR")?,
    );
    let store = Store::connect(&url, 4)?;
    let started = Instant::now();
    let options = EngineOptions {
        poll_interval: None,
        ..EngineOptions::default()
    };
    let engine = Engine::start(store.clone(), &dir, options)?;
    println!(
        "engine started in {:.1} s ({} candidates)",
        started.elapsed().as_secs_f64(),
        engine.stats().candidates
    );
    let service = CareService::with_engine(store, Arc::new(engine));

    let (_, lat, lon) = PLACES[2];
    for radius in RADII_KM {
        let page = service.search(request("dementia", lat, lon, radius)?, Viewer::Public)?;
        println!(
            "dementia within {radius} km of M13 0EG: total {}",
            page.total
        );
    }

    let rounds = 3;
    let mut all = Vec::new();
    for radius in RADII_KM {
        let mut samples = Vec::new();
        let mut largest = (0, "", "");
        for _ in 0..rounds {
            for (place, lat, lon) in PLACES {
                for q in WORDS {
                    let request = request(q, lat, lon, radius)?;
                    let started = Instant::now();
                    let page = service.search(request, Viewer::Public)?;
                    samples.push(started.elapsed());
                    if page.total > largest.0 {
                        largest = (page.total, q, place);
                    }
                }
            }
        }
        all.extend_from_slice(&samples);
        let (p50, p99, max) = percentiles(samples);
        println!(
            "{radius} km: p50 {} p99 {} max {} ({} searches; largest total {} for {:?} at {})",
            ms(p50),
            ms(p99),
            ms(max),
            PLACES.len() * WORDS.len() * rounds,
            largest.0,
            largest.1,
            largest.2
        );
    }
    let (p50, p99, max) = percentiles(all);
    println!("all: p50 {} p99 {} max {}", ms(p50), ms(p99), ms(max));
    Ok(())
}
