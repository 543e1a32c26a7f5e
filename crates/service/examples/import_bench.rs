//! Imports under a running engine (issue 21, item 3): at `--import` rows (default 50,000) into a
//! database already holding `--existing` PAs (default 100,000, one agency), generated with the
//! project's generator over the fixtures' gazetteer:
//!
//! - commit → visible in search *and* matching (one view showing every imported record),
//! - commit → answer (what `POST /v1/imports/carers` waits for after the transaction),
//! - the longest and p99 wait of a single create (`POST /v1/carers`: write and read-your-write)
//!   made in a loop while the import is committed and indexed,
//! - a 1-row import for an agency of 10 PAs and one of `--existing` PAs, and, for comparison, the
//!   reference check as it was (paging through the agency's register with OFFSET and COUNT).
//!
//! ```sh
//! cargo run --release -p carematch-service --example import_bench -- sqlite:///tmp/hC-bench.db
//! cargo run --release -p carematch-service --example import_bench -- postgres://postgres@127.0.0.1:5432/hc_bench
//! ```
//!
//! The database must be empty or a previous run's (the engine's folder is a fresh temporary one).

mod support;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::error::Error;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use carematch_domain::{Actor, AgencyId, CarerDetails};
use carematch_generate::{GeneratorConfig, Place, generate_carers};
use carematch_index::{Engine, EngineOptions};
use carematch_service::CareService;
use carematch_service::exports::register::register_csv;
use carematch_store::{CarerFilter, NewCarer, Page, Store};

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn generated(
    seed: u64,
    n: usize,
    places: &[Place],
) -> Vec<(CarerDetails, carematch_domain::GeoPoint)> {
    let config = GeneratorConfig {
        seed,
        carers: n,
        providers: 0,
        today: chrono::Utc::now().date_naive(),
    };
    generate_carers(&config, places)
        .enumerate()
        .map(|(i, mut c)| {
            // Unique within the run, whatever the generator draws.
            c.details.external_ref = Some(format!("S{seed}-{i}"));
            (c.details, c.location)
        })
        .collect()
}

fn agency_with(
    store: &Store,
    name: &str,
    carers: &[(CarerDetails, carematch_domain::GeoPoint)],
) -> Result<AgencyId, Box<dyn Error>> {
    let agency = store.create_agency(name)?.id;
    let rows: Vec<NewCarer> = carers
        .iter()
        .map(|(details, location)| NewCarer {
            agency_id: agency,
            details: details.clone(),
            location: *location,
        })
        .collect();
    for chunk in rows.chunks(20_000) {
        store.insert_carers(chunk, &|_| {}, &Actor::system("bench"))?;
    }
    Ok(agency)
}

/// The reference check as it was before: every live carer of the agency, 1,000 a page.
fn old_reference_check(store: &Store, agency: AgencyId) -> Result<usize, Box<dyn Error>> {
    let filter = CarerFilter {
        agency: Some(agency),
        ..CarerFilter::default()
    };
    let mut refs = 0;
    let mut page = 1;
    loop {
        let found = store.list_carers(&filter, Page::new(page, 1000))?;
        refs += found
            .items
            .iter()
            .filter(|c| c.details.external_ref.is_some())
            .count();
        if found.items.len() < 1000 {
            return Ok(refs);
        }
        page += 1;
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let url = std::env::args()
        .nth(1)
        .ok_or("usage: import_bench DATABASE_URL [--existing N] [--import N]")?;
    let existing = support::arg("--existing", 100_000)?;
    let imported = support::arg("--import", 50_000)?;
    let (store, places) = support::open(&url, 8)?;
    let run = u64::try_from(store.latest_change_seq()?)?;
    let started = Instant::now();
    let big = agency_with(&store, "Big", &generated(run * 10 + 1, existing, &places))?;
    let small = agency_with(&store, "Small", &generated(run * 10 + 2, 10, &places))?;
    println!(
        "loaded {existing} + 10 PAs in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let index = tempfile::Builder::new()
        .prefix("hC-bench-index")
        .tempdir()?;
    let engine = Arc::new(Engine::start(
        store.clone(),
        index.path(),
        EngineOptions::default(),
    )?);
    let service = CareService::with_engine(store.clone(), Arc::clone(&engine));
    println!("engine: {} candidates", engine.stats().candidates);

    // 1-row imports: new code, then the old reference check alone, for each agency size.
    let one_row = generated(run * 10 + 3, 40, &places);
    let big_name = format!("{existing} PAs");
    for (name, agency) in [("10 PAs", small), (big_name.as_str(), big)] {
        let mut times = Vec::new();
        for (details, _) in one_row
            .iter()
            .skip(if name == "10 PAs" { 0 } else { 20 })
            .take(20)
        {
            let csv = register_csv([details]);
            let at = Instant::now();
            service.import_carers(agency, csv.as_bytes(), &|_| {})?;
            times.push(at.elapsed());
        }
        times.sort_unstable();
        let at = Instant::now();
        let refs = old_reference_check(&store, agency)?;
        println!(
            "1-row import, agency of {name}: median {} (max {}); the old reference check alone ({refs} refs): {}",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            ms(at.elapsed())
        );
    }

    // The large import, with a writer creating PAs one at a time throughout.
    let target = generated(run * 10 + 4, imported, &places);
    let csv = register_csv(target.iter().map(|(d, _)| d));
    let singles = generated(run * 10 + 5, 100_000, &places);
    let importer = store.create_agency("Importer")?.id;
    let before = engine.view().snapshot().len();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = std::thread::spawn({
        let service = service.clone();
        let stop = Arc::clone(&stop);
        move || -> Result<Vec<Duration>, String> {
            let mut waits = Vec::new();
            for (details, _) in &singles {
                if stop.load(Ordering::Acquire) {
                    break;
                }
                let at = Instant::now();
                match service.create_carer(small, details, &Actor::system("bench")) {
                    Ok(_) => {}
                    // SQLite's single writer: a create that waited out `busy_timeout` behind
                    // the import's transaction (a store wait, not index work) counts with its
                    // wait and the loop goes on.
                    Err(error) if error.to_string().contains("database is locked") => {
                        eprintln!("a create waited out busy_timeout: {error}");
                    }
                    Err(error) => return Err(error.to_string()),
                }
                waits.push(at.elapsed());
            }
            Ok(waits)
        }
    });
    // Watches the change log for the import's commit and the engine for its publication.
    let watcher = std::thread::spawn({
        let store = store.clone();
        let engine = Arc::clone(&engine);
        move || -> Result<(Instant, Instant), String> {
            let from = store.latest_change_seq().map_err(|e| e.to_string())?;
            let committed = loop {
                let seq = store.latest_change_seq().map_err(|e| e.to_string())?;
                if seq - from >= imported as i64 {
                    break Instant::now();
                }
                std::thread::sleep(Duration::from_millis(1));
            };
            loop {
                let view = engine.view();
                // The writer adds a few at a time: every imported row is there once the view
                // holds at least `imported` more than before the import.
                if view.snapshot().len() >= before + imported
                    && view.text_docs() as usize >= before + imported
                {
                    return Ok((committed, Instant::now()));
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    });
    let at = Instant::now();
    let report = service.import_carers(importer, csv.as_bytes(), &|_| {})?;
    let answered = Instant::now();
    let (committed, visible) = watcher.join().map_err(|_| "watcher panicked")??;
    stop.store(true, Ordering::Release);
    let mut waits = writer.join().map_err(|_| "writer panicked")??;
    waits.sort_unstable();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "import of {} rows: call {}, commit → answer {}, commit → visible in search and matching {}",
        report.imported,
        ms(answered - at),
        ms(answered.saturating_duration_since(committed)),
        ms(visible.saturating_duration_since(committed)),
    );
    println!(
        "single creates during the import: {} calls, p50 {}, p99 {}, max {}",
        waits.len(),
        ms(waits[waits.len() / 2]),
        ms(waits[(waits.len() - 1) * 99 / 100]),
        ms(waits[waits.len() - 1])
    );
    println!("load average: {}", load.trim());
    engine.stop();
    store.close()?;
    Ok(())
}
