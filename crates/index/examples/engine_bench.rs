//! Benchmark of the engine over a real database: build time from the store (fresh text index),
//! restart time with the persisted text index and candidate snapshot, peak memory (VmHWM), text search and match latency
//! (p50/p99) through the engine, and the five slowest matches.
//!
//! Load a database first (1,000,000 carers and 50,000 providers, SQLite file), then run:
//!
//! ```sh
//! cargo run --release -p carematch-cli -- generate --seed 1 --carers 1000000 --providers 50000 \
//!     --postcodes ../shared/data/postcodes/full --load      # with CAREMATCH_DATABASE_URL=sqlite:///tmp/bench.db
//! cargo run --release -p carematch-index --example engine_bench -- sqlite:///tmp/bench.db [INDEX_DIR]
//! ```
//!
//! The index folder (default: a temporary folder) is wiped first, so the first start is a full
//! build; the second start reopens it.

// The server's allocator (crates/cli): it backs the columns with transparent huge pages, which
// changes both the build time and the match latency, so measure what the server runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::error::Error;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use carematch_domain::vocabulary::{Code, Cuisine, DietaryLaw, Language, Service};
use carematch_domain::{GeoPoint, SupportPlan};
use carematch_index::text::{DocKind, Filters, SearchQuery};
use carematch_index::{Engine, EngineOptions};
use carematch_matching::{CandidateKind, CompiledPlan, MatchOptions, Viewer};
use carematch_store::Store;

fn vm_hwm_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort_unstable();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    (at(0.50), at(0.99))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn code<T: Code>(code: &str) -> Result<T, Box<dyn Error>> {
    Ok(T::parse(code)?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .or_else(|| std::env::var("CAREMATCH_DATABASE_URL").ok())
        .ok_or("usage: engine_bench DATABASE_URL [INDEX_DIR]")?;
    let temp = tempfile::tempdir()?;
    let dir = args
        .next()
        .map_or_else(|| temp.path().join("index"), PathBuf::from);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let store = Store::connect(&url, 4)?;
    let options = EngineOptions {
        poll_interval: None,
        ..EngineOptions::default()
    };

    let started = Instant::now();
    let engine = Engine::start(store.clone(), &dir, options.clone())?;
    let build = started.elapsed();
    let stats = engine.stats();
    println!(
        "build (fresh text index): {:.1} s for {} candidates ({} text documents), VmHWM {:.0} MiB",
        build.as_secs_f64(),
        stats.candidates,
        stats.text_docs,
        vm_hwm_mib().unwrap_or(f64::NAN)
    );
    drop(engine);

    // For comparison: a restart that ignores the candidate snapshot and scans the database.
    let started = Instant::now();
    let scanned = Engine::start(
        store.clone(),
        &dir,
        EngineOptions {
            snapshot_interval: None,
            ..options.clone()
        },
    )?;
    println!(
        "restart without the candidate snapshot (keyset scans, persisted text index): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    drop(scanned);

    let snapshot_bytes = std::fs::metadata(dir.join("candidates.bin")).map_or(0, |m| m.len());
    let started = Instant::now();
    let engine = Engine::start(store.clone(), &dir, options)?;
    let restart = started.elapsed();
    let stats = engine.stats();
    println!(
        "restart (persisted text index, rebuilt: {}; candidates from the {:.0} MiB snapshot: {}): {:.1} s",
        stats.text_rebuilt,
        snapshot_bytes as f64 / (1024.0 * 1024.0),
        stats.candidates_from_snapshot,
        restart.as_secs_f64()
    );

    // Text search: a fixed mix of free text in several scripts, with and without filters.
    let queries: Vec<SearchQuery> = vec![
        SearchQuery {
            q: Some("Cantonese".into()),
            ..SearchQuery::default()
        },
        SearchQuery {
            q: Some("廣東話".into()),
            ..SearchQuery::default()
        },
        SearchQuery {
            q: Some("halal cooking dementia".into()),
            ..SearchQuery::default()
        },
        SearchQuery {
            q: Some("Somali".into()),
            filters: Filters {
                kind: Some(DocKind::Carer),
                public_only: true,
                services: vec![code::<Service>("personal_care")?],
                ..Filters::default()
            },
            ..SearchQuery::default()
        },
        SearchQuery {
            q: None,
            filters: Filters {
                languages: vec![code::<Language>("guj")?],
                diets: vec![code::<DietaryLaw>("vegetarian")?],
                ..Filters::default()
            },
            ..SearchQuery::default()
        },
        SearchQuery {
            q: Some("luncheon club".into()),
            filters: Filters {
                kind: Some(DocKind::Provider),
                cuisines: vec![code::<Cuisine>("cantonese")?],
                ..Filters::default()
            },
            ..SearchQuery::default()
        },
    ];
    let mut samples = Vec::new();
    for round in 0..50 {
        for query in &queries {
            let started = Instant::now();
            let results = engine.search(query)?;
            samples.push(started.elapsed());
            if round == 0 {
                println!("  search {:?}: {} hits", query.q, results.total);
            }
        }
    }
    let (p50, p99) = percentiles(samples);
    println!(
        "text search: p50 {} p99 {} ({} queries)",
        ms(p50),
        ms(p99),
        50 * queries.len()
    );

    // Matching: every fixture plan at 20 places spread over the candidates' bases.
    let plans_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/plans");
    let mut plans: Vec<(String, SupportPlan)> = Vec::new();
    for entry in std::fs::read_dir(plans_dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            plans.push((name, serde_json::from_str(&std::fs::read_to_string(path)?)?));
        }
    }
    plans.sort_by(|a, b| a.0.cmp(&b.0));
    let snapshot = engine.snapshot();
    let step = (snapshot.len() / 20).max(1);
    let places: Vec<GeoPoint> = snapshot
        .iter()
        .step_by(step)
        .filter(|c| c.candidate.kind() == CandidateKind::Carer)
        .map(|c| c.candidate.location())
        .take(20)
        .collect();
    drop(snapshot);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).ok_or("date")?;
    let mut options = MatchOptions::new(today);
    options.viewer = Viewer::Public;
    let mut samples = Vec::new();
    let mut slowest = Vec::new();
    let mut matched = 0;
    for (name, plan) in &plans {
        for place in &places {
            let compiled = CompiledPlan::compile(plan, *place);
            let started = Instant::now();
            let outcome = engine.match_plan(&compiled, &options);
            let elapsed = started.elapsed();
            samples.push(elapsed);
            slowest.push((elapsed, name, *place, outcome.considered));
            matched += outcome.matches.len();
        }
    }
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (elapsed, name, place, considered) in slowest.iter().take(5) {
        println!(
            "  slow match {} plan {name} at ({:.3}, {:.3}), considered {considered}",
            ms(*elapsed),
            place.lat,
            place.lon
        );
    }
    let n = samples.len();
    let (p50, p99) = percentiles(samples);
    println!(
        "match: p50 {} p99 {} ({n} requests, {matched} matches in all)",
        ms(p50),
        ms(p99)
    );
    println!(
        "peak memory (VmHWM): {:.0} MiB",
        vm_hwm_mib().unwrap_or(f64::NAN)
    );
    drop(engine);

    // Where restart time goes: the keyset scan alone (read and decode every record).
    let started = Instant::now();
    let mut scanned = 0;
    let mut after = None;
    loop {
        let page = store.carers_after(after, 10_000)?;
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        scanned += page.len();
    }
    println!(
        "keyset scan alone: {:.1} s for {scanned} carers",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
