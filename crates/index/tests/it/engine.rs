//! The engine over a real store: built from the keyset scans, kept in step only through the
//! change log, restarted from a persisted text index without a rebuild, and always answering
//! exactly as a candidate set built from scratch would.

use std::path::Path;
use std::time::{Duration, Instant};

use carematch_domain::matching::{CompiledPlan, MatchOptions, Viewer};
use carematch_domain::{AgencyId, CarerDetails, CarerId, GeoPoint, SupportPlan};
use carematch_index::geo::CandidateSet;
use carematch_index::text::SearchQuery;
use carematch_index::{Engine, EngineOptions};
use carematch_store::testing::TestDb;
use carematch_store::{NewCarer, Store};
use chrono::NaiveDate;
use serde_json::Value;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
}

/// The first `n` carers of the demo fixtures.
fn fixture_carers(n: usize) -> Vec<(CarerDetails, GeoPoint)> {
    let text = std::fs::read_to_string(fixtures().join("carers.jsonl")).expect("fixtures");
    text.lines()
        .take(n)
        .map(|line| {
            let value: Value = serde_json::from_str(line).expect("json");
            (
                serde_json::from_value(value["details"].clone()).expect("details"),
                serde_json::from_value(value["location"].clone()).expect("location"),
            )
        })
        .collect()
}

fn plan(file: &str) -> SupportPlan {
    let text = std::fs::read_to_string(fixtures().join("plans").join(file)).expect("plan");
    serde_json::from_str(&text).expect("plan json")
}

fn seed(store: &Store, n: usize) -> (AgencyId, Vec<(CarerDetails, GeoPoint)>) {
    let agency = store.create_agency("Test agency").expect("agency").id;
    let carers = fixture_carers(n);
    let rows: Vec<NewCarer> = carers
        .iter()
        .map(|(details, location)| NewCarer {
            agency_id: agency,
            details: details.clone(),
            location: *location,
        })
        .collect();
    store.insert_carers(&rows, &|_| {}).expect("insert");
    (agency, carers)
}

fn manual() -> EngineOptions {
    EngineOptions {
        batch_size: 7,
        poll_interval: None,
        compact_after: 1_000,
        snapshot_interval: Some(Duration::ZERO),
    }
}

/// Every live carer and provider, read afresh, as a candidate set built from scratch.
fn reference(store: &Store) -> CandidateSet {
    let carers = store.carers_after(None, 100_000).expect("carers");
    let providers = store.providers_after(None, 100_000).expect("providers");
    CandidateSet::build(&carers, &providers)
}

/// The engine answers every probe exactly as the reference does.
fn assert_same_answers(engine: &Engine, store: &Store) {
    let reference = reference(store);
    assert_eq!(engine.stats().candidates, reference.len());
    let mut options = MatchOptions::new(NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"));
    options.viewer = Viewer::Admin;
    options.limit = 10;
    let probes: Vec<GeoPoint> = fixture_carers(40)
        .into_iter()
        .step_by(5)
        .map(|c| c.1)
        .collect();
    for file in [
        "01-cantonese-manchester-sight-loss.json",
        "03-gujarati-leicester-dementia-vegetarian.json",
        "16-tight-budget-sunderland.json",
    ] {
        let mut plan = plan(file);
        plan.postcode = None;
        for at in &probes {
            let mut compiled = CompiledPlan::compile(&plan, *at);
            compiled.max_km = 40.0;
            assert_eq!(
                engine.match_plan(&compiled, &options),
                reference.match_plan(&compiled, &options),
                "{file} at {at:?}"
            );
        }
    }
}

fn search_total(engine: &Engine, q: &str) -> usize {
    engine
        .search(&SearchQuery {
            q: Some(q.to_owned()),
            ..SearchQuery::default()
        })
        .expect("search")
        .total
}

#[test]
fn builds_from_the_store_and_follows_writes_through_the_change_log() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 60);
    let dir = tempfile::tempdir().expect("dir");
    let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    let stats = engine.stats();
    assert!(stats.text_rebuilt);
    assert_eq!(stats.candidates, 60);
    assert_eq!(stats.text_docs, 60);
    assert_eq!(stats.last_seq, db.store.latest_change_seq().expect("seq"));
    assert_same_answers(&engine, &db.store);

    // A new carer, an update that moves one and changes their languages, a deletion.
    let (mut details, location) = carers[0].clone();
    details.given_name = "Zephyrine".into();
    details.external_ref = None;
    let new = db
        .store
        .insert_carer(agency, &details, location)
        .expect("insert");
    let moved = db
        .store
        .get_carer(CarerId(2))
        .expect("get")
        .expect("carer 2");
    let (other_details, other_location) = carers[10].clone();
    db.store
        .update_carer(
            moved.id,
            &CarerDetails {
                external_ref: moved.details.external_ref.clone(),
                ..other_details
            },
            other_location,
            None,
        )
        .expect("update");
    db.store.delete_carer(CarerId(3)).expect("delete");
    assert_eq!(search_total(&engine, "Zephyrine"), 0, "not before catch-up");

    assert_eq!(engine.catch_up().expect("catch up"), 3);
    assert_eq!(search_total(&engine, "Zephyrine"), 1);
    assert!(engine.snapshot().get(new.kind(), new.id.0).is_some());
    assert!(
        engine
            .snapshot()
            .get(carematch_domain::matching::CandidateKind::Carer, 3)
            .is_none()
    );
    let stats = engine.stats();
    assert_eq!(stats.candidates, 60);
    assert_eq!(stats.overlay_len, 3);
    assert_eq!(stats.base_len, 60);
    assert_same_answers(&engine, &db.store);

    engine.compact().expect("compact");
    let stats = engine.stats();
    assert_eq!(
        (stats.overlay_len, stats.base_len, stats.compactions),
        (0, 60, 1)
    );
    assert_same_answers(&engine, &db.store);
}

trait KindOf {
    fn kind(&self) -> carematch_domain::matching::CandidateKind;
}

impl KindOf for carematch_domain::Carer {
    fn kind(&self) -> carematch_domain::matching::CandidateKind {
        carematch_domain::matching::CandidateKind::Carer
    }
}

#[test]
fn compacts_in_the_background_without_losing_writes() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 30);
    let dir = tempfile::tempdir().expect("dir");
    let options = EngineOptions {
        compact_after: 4,
        ..manual()
    };
    let engine = Engine::start(db.store.clone(), dir.path(), options).expect("start");
    for (i, (details, location)) in carers.iter().take(12).enumerate() {
        let mut details = details.clone();
        details.external_ref = Some(format!("NEW-{i}"));
        db.store
            .insert_carer(agency, &details, *location)
            .expect("insert");
        engine.catch_up().expect("catch up");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while engine.stats().compactions == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    engine.compact().expect("settle");
    let stats = engine.stats();
    assert!(stats.compactions >= 1);
    assert_eq!(stats.candidates, 42);
    assert_same_answers(&engine, &db.store);
}

#[test]
fn restarts_from_the_persisted_index_and_catches_up_without_a_rebuild() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 20);
    let dir = tempfile::tempdir().expect("dir");
    let first = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    assert!(first.stats().text_rebuilt);
    drop(first);

    let (mut details, location) = carers[1].clone();
    details.given_name = "Quillon".into();
    details.external_ref = None;
    db.store
        .insert_carer(agency, &details, location)
        .expect("insert");
    db.store.delete_carer(CarerId(1)).expect("delete");

    let second = Engine::start(db.store.clone(), dir.path(), manual()).expect("restart");
    let stats = second.stats();
    assert!(
        !stats.text_rebuilt,
        "restart must not rebuild the text index"
    );
    assert_eq!(
        stats.changes_applied, 2,
        "only the two new changes are replayed"
    );
    assert_eq!(stats.candidates, 20);
    assert_eq!(stats.text_docs, 20);
    assert_eq!(search_total(&second, "Quillon"), 1);
    assert_same_answers(&second, &db.store);
}

#[test]
fn the_follower_applies_writes_made_elsewhere() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 5);
    let dir = tempfile::tempdir().expect("dir");
    let options = EngineOptions {
        poll_interval: Some(Duration::from_millis(50)),
        ..manual()
    };
    let engine = Engine::start(db.store.clone(), dir.path(), options).expect("start");
    // Another process's store on the same database.
    let other = Store::connect(&db.url, 2).expect("second store");
    let (mut details, location) = carers[0].clone();
    details.given_name = "Ottoline".into();
    details.external_ref = None;
    other
        .insert_carer(agency, &details, location)
        .expect("insert");
    let deadline = Instant::now() + Duration::from_secs(2);
    while search_total(&engine, "Ottoline") == 0 {
        assert!(
            Instant::now() < deadline,
            "the follower did not apply the write in 2 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(engine.stats().candidates, 6);
    engine.stop();
}
