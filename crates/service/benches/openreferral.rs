//! Open Referral read benchmark: a page of 50 services at 50,000 providers.
//!
//! ```text
//! cargo bench -p carematch-service --bench openreferral
//! BENCH_PROVIDERS=100000 BENCH_RUNS=500 cargo bench -p carematch-service --bench openreferral
//! ```
//!
//! Builds a SQLite database in a temporary folder with the demo gazetteer and `BENCH_PROVIDERS`
//! (default 50,000) providers from the generator (seed 17), then times what a request to
//! `/openreferral/v3/services` does past HTTP: the catalogue check against the change log (one
//! query, as in a process without an engine: the server's check reads the engine's seq in
//! memory instead), the filter scan, the page built and encoded as JSON. Each query runs
//! `BENCH_RUNS` times (default 200) after one warm-up run; it prints p50, p95 and max. The
//! first catalogue build (reading every provider) is timed on its own.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use carematch_generate::{GeneratorConfig, generate_providers, parse_places_csv};
use carematch_service::CareService;
use carematch_service::openreferral::ServiceParams;
use carematch_store::gazetteer::GazetteerReader;
use carematch_store::{NewProvider, Store};
use chrono::NaiveDate;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let providers = env_usize("BENCH_PROVIDERS", 50_000);
    let runs = env_usize("BENCH_RUNS", 200).max(1);
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv");
    let places =
        parse_places_csv(&std::fs::read_to_string(fixtures).expect("gazetteer")).expect("places");

    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = Store::connect(&url, 4).expect("connect");
    store.migrate().expect("migrate");
    let reader = GazetteerReader::open(std::path::Path::new(fixtures)).expect("gazetteer");
    store.import_postcodes(reader, &|_| {}).expect("postcodes");
    let config = GeneratorConfig {
        seed: 17,
        carers: 0,
        providers,
        today: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    };
    let rows: Vec<NewProvider> = generate_providers(&config, &places)
        .map(|p| NewProvider::new(None, p.details, p.location))
        .collect();
    let started = Instant::now();
    store
        .insert_providers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
    println!("{providers} providers stored in {:.1?}", started.elapsed());

    let service = CareService::new(store);
    let started = Instant::now();
    let first = service
        .openreferral_services(&ServiceParams::default().parse().expect("params"))
        .expect("first page");
    println!(
        "catalogue built and first page in {:.1?} ({} services)",
        started.elapsed(),
        first.total_items
    );

    let postcode = places[places.len() / 2].postcode.to_string();
    let middle = (providers / 50 / 2).max(1).to_string();
    let queries: Vec<(&str, ServiceParams)> = vec![
        ("page 1", ServiceParams::default()),
        (
            "middle page",
            ServiceParams {
                page: Some(middle),
                ..ServiceParams::default()
            },
        ),
        (
            "taxonomy_term_id (Urdu)",
            ServiceParams {
                taxonomy_term_id: Some(
                    carematch_openreferral::publish::vocabulary::term_id("language", "urd")
                        .to_string(),
                ),
                ..ServiceParams::default()
            },
        ),
        (
            "search=halal",
            ServiceParams {
                search: Some("halal".into()),
                ..ServiceParams::default()
            },
        ),
        (
            "day=SA&start_time=09:00",
            ServiceParams {
                day: Some("SA".into()),
                start_time: Some("09:00".into()),
                ..ServiceParams::default()
            },
        ),
        (
            "postcode+proximity=10km",
            ServiceParams {
                postcode: Some(postcode),
                proximity: Some("10000".into()),
                ..ServiceParams::default()
            },
        ),
    ];
    println!(
        "{:<26} {:>9} {:>10} {:>10} {:>10}",
        "query (per_page 50)", "matches", "p50", "p95", "max"
    );
    for (name, params) in queries {
        let query = params.parse().expect("valid params");
        let run = || {
            let page = service.openreferral_services(&query).expect("page");
            let bytes = serde_json::to_vec(&page).expect("json");
            (page.total_items, bytes.len())
        };
        let (matches, _) = run();
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(run());
                started.elapsed()
            })
            .collect();
        times.sort_unstable();
        println!(
            "{name:<26} {matches:>9} {:>10.2?} {:>10.2?} {:>10.2?}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
}
