//! Benchmark of the public results page over a real database: for a mix of searches (each of the
//! fixture plans' postcodes, dense city and sparse rural, with their languages, food and help),
//! the whole page as a request makes it: read the query, locate the postcode, match (public
//! view), load the shown details, render the HTML in the page's language. p50/p99 and page size.
//!
//! Load a database first (see the README's Benchmarks section), then:
//!
//! ```sh
//! cargo run --release -p carematch-web --example page_bench -- sqlite:///tmp/carematch-bench.db [INDEX_DIR]
//! ```
//!
//! `INDEX_DIR` (default `<database>.index`) keeps the engine's text index and snapshot between
//! runs, so only the first run pays the full build. `ROUNDS` (default 20) sets how many times
//! the mix is run.

use std::error::Error;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::test::TestRequest;
use carematch_domain::SupportPlan;
use carematch_domain::vocabulary::Code;
use carematch_index::{Engine, EngineOptions};
use carematch_matching::Viewer;
use carematch_service::CareService;
use carematch_store::Store;
use carematch_web::form::FindForm;
use carematch_web::i18n::Locale;
use carematch_web::layout::{Ctx, query_pairs};
use carematch_web::pages::{find_response, search_blocking};

/// The stylesheet and script every page loads.
const ASSETS: usize =
    include_str!("../static/site.css").len() + include_str!("../static/site.js").len();

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The find-page query a person would send for a fixture plan.
fn query_of(plan: &SupportPlan, locale: Locale) -> Option<String> {
    let mut pairs: Vec<(String, String)> = vec![
        (
            "postcode".into(),
            plan.postcode.as_ref()?.as_str().to_owned(),
        ),
        ("km".into(), format!("{:.0}", plan.max_distance_km.get())),
        ("lang".into(), locale.tag().to_owned()),
    ];
    pairs.extend(
        plan.services
            .iter()
            .map(|n| ("service".into(), n.code.code().to_owned())),
    );
    pairs.extend(
        plan.languages
            .iter()
            .map(|n| ("language".into(), n.code.code().to_owned())),
    );
    if plan.languages.len() == 1 {
        pairs.push(("lang_must".into(), "1".into()));
    }
    pairs.extend(
        plan.cuisines
            .iter()
            .map(|n| ("cuisine".into(), n.code.code().to_owned())),
    );
    pairs.extend(
        plan.dietary_laws
            .iter()
            .map(|n| ("diet".into(), n.code.code().to_owned())),
    );
    pairs.extend(
        plan.faith_practices
            .iter()
            .map(|n| ("practice".into(), n.code.code().to_owned())),
    );
    serde_urlencoded::to_string(pairs).ok()
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let url = args
        .next()
        .or_else(|| std::env::var("CAREMATCH_DATABASE_URL").ok())
        .ok_or("usage: page_bench DATABASE_URL [INDEX_DIR]")?;
    let dir = args.next().map_or_else(
        || PathBuf::from(format!("{}.index", url.trim_start_matches("sqlite://"))),
        PathBuf::from,
    );
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);

    let store = Store::connect(&url, 4)?;
    let started = Instant::now();
    let engine = Arc::new(Engine::start(
        store.clone(),
        &dir,
        EngineOptions::default(),
    )?);
    println!(
        "engine ready in {:.1} s ({} candidates)",
        started.elapsed().as_secs_f64(),
        engine.stats().candidates
    );
    let service = CareService::with_engine(store.clone(), Arc::clone(&engine));

    let plans_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/plans");
    let mut queries = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(plans_dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for (i, path) in paths.iter().enumerate() {
        let plan: SupportPlan = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        // Half the pages in English, the rest spread over the other languages.
        let locale = if i % 2 == 0 {
            Locale::En
        } else {
            Locale::ALL[1 + (i / 2) % 8]
        };
        if let Some(query) = query_of(&plan, locale) {
            queries.push(query);
        }
    }

    let mut times = Vec::new();
    let mut sizes = Vec::new();
    let mut matches = 0usize;
    for round in 0..=rounds {
        for query in &queries {
            let began = Instant::now();
            let req = TestRequest::with_uri(&format!("/find?{query}")).to_http_request();
            let ctx = Ctx::new(&req);
            let form = FindForm::from_pairs(&query_pairs(req.query_string()));
            let view = carematch_web::results_nav::ResultView::default();
            let found = search_blocking(&service, &form, Viewer::Public, view);
            if let Ok(found) = &found {
                matches += found.outcome.matches.len();
            }
            let response = find_response(&ctx, &form, Some(found));
            let size = response
                .into_body()
                .try_into_bytes()
                .map(|b| b.len())
                .unwrap_or(0);
            // Round 0 warms caches (SQLite pages, the allocator) and is not counted.
            if round > 0 {
                times.push(began.elapsed());
                sizes.push(size);
            }
        }
    }
    times.sort_unstable();
    sizes.sort_unstable();
    println!(
        "{} pages ({} searches x {rounds}): p50 {}, p99 {}, max {}; HTML p50 {} KB, max {} KB \
         (with the stylesheet and script: max {} KB); {} results shown",
        times.len(),
        queries.len(),
        ms(percentile(&times, 0.50)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap_or(&Duration::ZERO)),
        sizes[sizes.len() / 2] / 1024,
        sizes.last().copied().unwrap_or(0) / 1024,
        (sizes.last().copied().unwrap_or(0) + ASSETS) / 1024,
        matches,
    );
    engine.stop();
    Ok(())
}
