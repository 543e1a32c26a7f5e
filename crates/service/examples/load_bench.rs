//! Writes under load, in process (issue 21, item 4): 4 writers creating and updating PAs through
//! the service (write and read-your-write, as `POST`/`PUT /v1/carers`) and 16 readers searching
//! and matching through the engine, for `--seconds` (default 60), over a database of
//! `--existing` generated PAs (default 100,000). Prints p50/p99/max of writes, searches and
//! matches, and checks that nothing was lost: every write is in the database and in one view of
//! both indexes at the end. HTTP is left out: what is measured is the store and the engine.
//!
//! ```sh
//! cargo run --release -p carematch-service --example load_bench -- sqlite:///tmp/hC-load.db
//! cargo run --release -p carematch-service --example load_bench -- postgres://postgres@127.0.0.1:5432/hc_load
//! ```

mod support;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};

use carematch_domain::{Actor, Caller, CarerId, SupportPlan};
use carematch_generate::{GeneratorConfig, Place, generate_carers};
use carematch_index::text::SearchQuery;
use carematch_index::{Engine, EngineOptions};
use carematch_matching::{CandidateKind, CompiledPlan, MatchOptions};
use carematch_service::CareService;
use carematch_store::NewCarer;

const WRITERS: usize = 4;
const READERS: usize = 16;

fn summary(what: &str, mut samples: Vec<Duration>) {
    samples.sort_unstable();
    let at = |p: usize| samples[(samples.len() - 1) * p / 100].as_secs_f64() * 1000.0;
    let max = samples.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    println!(
        "{what}: {} calls, p50 {:.1} ms, p99 {:.1} ms, max {max:.1} ms",
        samples.len(),
        at(50),
        at(99)
    );
}

fn main() -> Result<(), Box<dyn Error>> {
    let url = std::env::args()
        .nth(1)
        .ok_or("usage: load_bench DATABASE_URL [--existing N] [--seconds N]")?;
    let existing = support::arg("--existing", 100_000)?;
    let seconds = support::arg("--seconds", 60)?;
    let (store, places) = support::open(&url, 24)?;
    let fixtures = support::fixtures();
    let run = u64::try_from(store.latest_change_seq()?)?;
    let config = |seed: u64, carers: usize| GeneratorConfig {
        seed,
        carers,
        providers: 0,
        today: chrono::Utc::now().date_naive(),
    };
    let agency = store.create_agency("Load")?.id;
    let rows: Vec<NewCarer> = generate_carers(&config(run * 10 + 1, existing), &places)
        .enumerate()
        .map(|(i, c)| {
            let mut details = c.details;
            details.external_ref = Some(format!("L{run}-{i}"));
            NewCarer {
                agency_id: agency,
                details,
                location: c.location,
            }
        })
        .collect();
    for chunk in rows.chunks(20_000) {
        store.insert_carers(chunk, &|_| {}, &Actor::system("bench"))?;
    }
    let index = tempfile::Builder::new().prefix("hC-load-index").tempdir()?;
    let engine = Arc::new(Engine::start(
        store.clone(),
        index.path(),
        EngineOptions::default(),
    )?);
    let service = CareService::with_engine(store.clone(), Arc::clone(&engine));
    let plans: Vec<SupportPlan> = std::fs::read_dir(fixtures.join("plans"))?
        .filter_map(Result::ok)
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .filter_map(|text| serde_json::from_str(&text).ok())
        .collect();
    let words = [
        "dementia",
        "Cantonese",
        "halal",
        "driver",
        "Urdu",
        "personal care",
    ];
    println!(
        "{} candidates, {} plans; {WRITERS} writers and {READERS} readers for {seconds} s",
        engine.stats().candidates,
        plans.len()
    );

    let until = Instant::now() + Duration::from_secs(u64::try_from(seconds)?);
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let service = service.clone();
            let details: Vec<_> =
                generate_carers(&config(run * 10 + 2 + w as u64, 100_000), &places).collect();
            std::thread::spawn(move || -> Result<(Vec<Duration>, Vec<CarerId>), String> {
                let mut waits = Vec::new();
                let mut created: Vec<CarerId> = Vec::new();
                for (i, generated) in details.into_iter().enumerate() {
                    if Instant::now() >= until {
                        break;
                    }
                    let mut d = generated.details;
                    d.external_ref = Some(format!("W{run}-{w}-{i}"));
                    let at = Instant::now();
                    // Every fourth write edits a PA this writer made (PUT), the rest create.
                    let carer = match created.last() {
                        Some(id) if i % 4 == 3 => service
                            .update_carer(Caller::Admin, *id, &d, None)
                            .map_err(|e| e.to_string())?,
                        _ => {
                            let carer = service
                                .create_carer(agency, &d, &Actor::system("bench"))
                                .map_err(|e| e.to_string())?;
                            created.push(carer.id);
                            carer
                        }
                    };
                    waits.push(at.elapsed());
                    if service
                        .snapshot()
                        .map_err(|e| e.to_string())?
                        .get(CandidateKind::Carer, carer.id.0)
                        .is_none()
                    {
                        return Err(format!("carer {} not visible after its write", carer.id));
                    }
                }
                Ok((waits, created))
            })
        })
        .collect();
    let readers: Vec<_> = (0..READERS)
        .map(|r| {
            let engine = Arc::clone(&engine);
            let plans = plans.clone();
            let places: Vec<Place> = places.iter().skip(r).step_by(READERS).cloned().collect();
            std::thread::spawn(move || -> Result<(Vec<Duration>, Vec<Duration>), String> {
                let mut searches = Vec::new();
                let mut matches = Vec::new();
                let options = MatchOptions::new(chrono::Utc::now().date_naive());
                let mut i = r;
                while Instant::now() < until {
                    i += 1;
                    let at = Instant::now();
                    engine
                        .search(&SearchQuery {
                            q: Some(words[i % words.len()].to_owned()),
                            ..SearchQuery::default()
                        })
                        .map_err(|e| e.to_string())?;
                    searches.push(at.elapsed());
                    if let (Some(plan), Some(place)) = (
                        plans.get(i % plans.len().max(1)),
                        places.get(i % places.len().max(1)),
                    ) {
                        let at = Instant::now();
                        engine.match_plan(&CompiledPlan::compile(plan, place.point), &options);
                        matches.push(at.elapsed());
                    }
                }
                Ok((searches, matches))
            })
        })
        .collect();

    let mut writes = Vec::new();
    let mut created = Vec::new();
    for writer in writers {
        let (w, c) = writer.join().map_err(|_| "writer panicked")??;
        writes.extend(w);
        created.extend(c);
    }
    let (mut searches, mut matches) = (Vec::new(), Vec::new());
    for reader in readers {
        let (s, m) = reader.join().map_err(|_| "reader panicked")??;
        searches.extend(s);
        matches.extend(m);
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    summary("writes (create or update, read-your-write)", writes);
    summary("searches", searches);
    summary("matches", matches);

    // Nothing lost: every PA created is in the database and in one view of both indexes.
    engine.catch_up()?;
    let view = engine.view();
    let in_db = store.get_carers(&created)?.len();
    let in_view = created
        .iter()
        .filter(|id| view.snapshot().get(CandidateKind::Carer, id.0).is_some())
        .count();
    let expected = existing + created.len();
    println!(
        "created {}: {in_db} in the database, {in_view} in the view; view holds {} candidates and {} text documents (expected {expected})",
        created.len(),
        view.snapshot().len(),
        view.text_docs()
    );
    if in_db != created.len() || in_view != created.len() || view.snapshot().len() != expected {
        return Err("writes were lost".into());
    }
    println!("load average: {}", load.trim());
    engine.stop();
    store.close()?;
    Ok(())
}
