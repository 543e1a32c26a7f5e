//! The engine over a real store: built from the keyset scans, kept in step only through the
//! change log, restarted from a persisted text index without a rebuild, and always answering
//! exactly as a candidate set built from scratch would.

use std::path::Path;
use std::time::{Duration, Instant};

use carematch_domain::{AgencyId, CarerDetails, CarerId, GeoPoint, SupportPlan};
use carematch_index::geo::CandidateSet;
use carematch_index::text::SearchQuery;
use carematch_index::{Engine, EngineOptions};
use carematch_matching::{CompiledPlan, MatchOptions, Viewer};
use carematch_store::{NewCarer, Store};
use carematch_testkit::TestDb;
use chrono::NaiveDate;
use serde_json::Value;

/// How long [`wait_until`] waits before it fails: far above what the slowest step takes on a busy
/// machine, so that it only bounds a failure and never decides a pass.
pub(crate) const WAIT_LIMIT: Duration = Duration::from_secs(120);

/// Waits until `done` holds (checking every 10 ms): for what the engine does on threads of its
/// own (the follower, background compactions), a state the test can observe, never a time.
pub(crate) fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < WAIT_LIMIT,
            "waited {WAIT_LIMIT:?} for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
}

/// The first `n` carers of the demo fixtures.
pub(crate) fn fixture_carers(n: usize) -> Vec<(CarerDetails, GeoPoint)> {
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

pub(crate) fn seed(store: &Store, n: usize) -> (AgencyId, Vec<(CarerDetails, GeoPoint)>) {
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
    store
        .insert_carers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
    (agency, carers)
}

pub(crate) fn manual() -> EngineOptions {
    EngineOptions {
        batch_size: 7,
        poll_interval: None,
        compact_after: 1_000,
        snapshot_interval: Some(Duration::ZERO),
        inline_limit: 1_000,
    }
}

/// Every live carer and provider, read afresh, as a candidate set built from scratch.
fn reference(store: &Store) -> CandidateSet {
    let carers = store.carers_after(None, 100_000).expect("carers");
    let providers = store.providers_after(None, 100_000).expect("providers");
    CandidateSet::build(&carers, &providers)
}

/// The engine answers every probe exactly as the reference does, for every kind of viewer
/// (the public from public cells, an agency and an admin also from the real bases they hold).
pub(crate) fn assert_same_answers(engine: &Engine, store: &Store) {
    let reference = reference(store);
    assert_eq!(engine.stats().candidates, reference.len());
    let agency = store
        .carers_after(None, 1)
        .expect("carers")
        .first()
        .map(|c| c.agency_id);
    let mut viewers = vec![Viewer::Admin, Viewer::Public];
    viewers.extend(agency.map(Viewer::Agency));
    for viewer in viewers {
        assert_same_answers_for(engine, &reference, viewer);
    }
}

fn assert_same_answers_for(engine: &Engine, reference: &CandidateSet, viewer: Viewer) {
    let mut options = MatchOptions::new(NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"));
    options.viewer = viewer;
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
                "{file} at {at:?}, {viewer:?}"
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
        .insert_carer(
            agency,
            &details,
            location,
            &carematch_domain::Actor::system("test"),
        )
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
            &carematch_domain::Actor::system("test"),
        )
        .expect("update");
    db.store
        .delete_carer(CarerId(3), &carematch_domain::Actor::system("test"))
        .expect("delete");
    assert_eq!(search_total(&engine, "Zephyrine"), 0, "not before catch-up");

    assert_eq!(engine.catch_up().expect("catch up"), 3);
    assert_eq!(search_total(&engine, "Zephyrine"), 1);
    assert!(engine.snapshot().get(new.kind(), new.id.0).is_some());
    assert!(
        engine
            .snapshot()
            .get(carematch_matching::CandidateKind::Carer, 3)
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
    fn kind(&self) -> carematch_matching::CandidateKind;
}

impl KindOf for carematch_domain::Carer {
    fn kind(&self) -> carematch_matching::CandidateKind {
        carematch_matching::CandidateKind::Carer
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
            .insert_carer(
                agency,
                &details,
                *location,
                &carematch_domain::Actor::system("test"),
            )
            .expect("insert");
        engine.catch_up().expect("catch up");
    }
    // The writes started a background compaction (the overlay passed `compact_after`).
    wait_until("a background compaction", || {
        engine.stats().compactions >= 1
    });
    // Settle: fold what is left into the base. `compact` returns at once while a background
    // compaction runs, so repeat it until the overlay is empty (nothing starts another one
    // without a catch-up, so then none is running either).
    wait_until("an empty overlay", || {
        engine.compact().expect("settle");
        engine.stats().overlay_len == 0
    });
    let stats = engine.stats();
    assert!(stats.compactions >= 1);
    assert_eq!(stats.candidates, 42);
    assert_same_answers(&engine, &db.store);

    // A compaction changes the layout, not the candidates: the snapshot keeps its version
    // (answers cached under it stay right); a write gives a new one.
    let before = engine.snapshot().version();
    let compactions = engine.stats().compactions;
    engine.compact().expect("compact");
    assert_eq!(engine.stats().compactions, compactions + 1);
    assert_eq!(engine.snapshot().version(), before);
    db.store
        .delete_carer(CarerId(1), &carematch_domain::Actor::system("test"))
        .expect("delete");
    engine.catch_up().expect("catch up");
    assert_ne!(engine.snapshot().version(), before);
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
        .insert_carer(
            agency,
            &details,
            location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    db.store
        .delete_carer(CarerId(1), &carematch_domain::Actor::system("test"))
        .expect("delete");

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
    // Another process's store on the same database (closed with `db`).
    let other = db.another_store(2);
    let (mut details, location) = carers[0].clone();
    details.given_name = "Ottoline".into();
    details.external_ref = None;
    other
        .insert_carer(
            agency,
            &details,
            location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    // No catch-up is called here: only the follower can apply the write. Both indexes show it
    // once it has (the position moves before the candidate overlay is published, so wait for
    // what the queries see).
    wait_until("the follower to apply the write", || {
        search_total(&engine, "Ottoline") == 1 && engine.stats().candidates == 6
    });
    engine.stop();
}

// ---- the candidate snapshot (`candidates.bin`) ----

const SNAPSHOT: &str = "candidates.bin";

/// Match outcomes of both engines agree at every probe.
fn assert_same_as(engine: &Engine, other: &Engine) {
    let mut options = MatchOptions::new(NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"));
    options.viewer = Viewer::Admin;
    options.limit = 10;
    for file in [
        "01-cantonese-manchester-sight-loss.json",
        "03-gujarati-leicester-dementia-vegetarian.json",
    ] {
        let mut plan = plan(file);
        plan.postcode = None;
        for (_, at) in fixture_carers(40).into_iter().step_by(4) {
            let mut compiled = CompiledPlan::compile(&plan, at);
            compiled.max_km = 40.0;
            assert_eq!(
                engine.match_plan(&compiled, &options),
                other.match_plan(&compiled, &options),
                "{file} at {at:?}"
            );
        }
    }
}

#[test]
fn restarts_from_the_candidate_snapshot_and_applies_writes_made_while_down() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 30);
    let dir = tempfile::tempdir().expect("dir");
    let first = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    let stats = first.stats();
    assert!(!stats.candidates_from_snapshot);
    assert_eq!(
        stats.snapshots_written, 1,
        "a build from the scans writes one"
    );
    assert!(dir.path().join(SNAPSHOT).exists());
    drop(first);

    // While the engine is down: a new carer, a carer moved and changed, a deletion.
    let (mut details, location) = carers[1].clone();
    details.given_name = "Quillon".into();
    details.external_ref = None;
    db.store
        .insert_carer(
            agency,
            &details,
            location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    let moved = db.store.get_carer(CarerId(4)).expect("get").expect("carer");
    let (other_details, other_location) = carers[20].clone();
    db.store
        .update_carer(
            moved.id,
            &CarerDetails {
                external_ref: moved.details.external_ref.clone(),
                given_name: "Marisol".into(),
                ..other_details
            },
            other_location,
            None,
            &carematch_domain::Actor::system("test"),
        )
        .expect("update");
    db.store
        .delete_carer(CarerId(1), &carematch_domain::Actor::system("test"))
        .expect("delete");

    let second = Engine::start(db.store.clone(), dir.path(), manual()).expect("restart");
    let stats = second.stats();
    assert!(
        stats.candidates_from_snapshot,
        "restart must load the snapshot"
    );
    assert!(!stats.text_rebuilt);
    assert_eq!(
        stats.snapshots_written, 0,
        "a loaded snapshot is not rewritten"
    );
    assert_eq!(stats.changes_applied, 3, "only the changes made while down");
    assert_eq!(stats.candidates, 30);
    assert_eq!(stats.last_seq, db.store.latest_change_seq().expect("seq"));
    assert_eq!(search_total(&second, "Quillon"), 1);
    assert_eq!(search_total(&second, "Marisol"), 1);
    assert!(
        second
            .snapshot()
            .get(carematch_matching::CandidateKind::Carer, 1)
            .is_none()
    );
    assert_same_answers(&second, &db.store);

    // The same answers as an engine built from scratch in a fresh folder.
    let fresh_dir = tempfile::tempdir().expect("dir");
    let fresh = Engine::start(db.store.clone(), fresh_dir.path(), manual()).expect("fresh");
    assert!(fresh.stats().text_rebuilt && !fresh.stats().candidates_from_snapshot);
    assert_same_as(&second, &fresh);
}

#[test]
fn a_corrupt_truncated_old_or_foreign_snapshot_falls_back_to_the_scan() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 25);
    let dir = tempfile::tempdir().expect("dir");
    drop(Engine::start(db.store.clone(), dir.path(), manual()).expect("start"));
    let path = dir.path().join(SNAPSHOT);
    let good = std::fs::read(&path).expect("snapshot");
    // A write after the snapshot, so that a fallback that served the file would be caught.
    let (mut details, location) = carers[2].clone();
    details.given_name = "Peregrine".into();
    details.external_ref = None;
    db.store
        .insert_carer(
            agency,
            &details,
            location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");

    let reference_dir = tempfile::tempdir().expect("dir");
    let reference_engine =
        Engine::start(db.store.clone(), reference_dir.path(), manual()).expect("reference");

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x10;
    let mut old_version = good.clone();
    old_version[8] = old_version[8].wrapping_add(1);
    let mut bad_length = good.clone();
    // The trailer is the body's length (8 bytes) and its CRC-32 (4 bytes).
    let at = bad_length.len() - 12;
    bad_length[at] ^= 1;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("a flipped bit", flipped),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("truncated to the header", good[..12].to_vec()),
        ("empty", Vec::new()),
        ("another format version", old_version),
        ("a wrong length", bad_length),
        ("not a snapshot", b"{\"carers\": []}".repeat(20)),
    ];
    for (what, bytes) in cases {
        std::fs::write(&path, &bytes).expect("write");
        let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
        let stats = engine.stats();
        assert!(!stats.candidates_from_snapshot, "{what}: must not be used");
        assert!(!stats.text_rebuilt, "{what}: the text index is kept");
        assert_eq!(stats.candidates, 26, "{what}");
        assert_eq!(search_total(&engine, "Peregrine"), 1, "{what}");
        assert_same_answers(&engine, &db.store);
        assert_same_as(&engine, &reference_engine);
        drop(engine);
        // The fallback wrote a good snapshot again, and the next start uses it.
        let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("restart");
        assert!(engine.stats().candidates_from_snapshot, "{what}: rewritten");
        assert_same_as(&engine, &reference_engine);
    }

    // A snapshot from another database whose change log has the same length: its marker (the
    // change at its position) differs, so it is not trusted.
    let other = TestDb::new();
    let other_agency = other.store.create_agency("Other").expect("agency").id;
    let rows: Vec<NewCarer> = fixture_carers(60)
        .into_iter()
        .skip(30)
        .map(|(details, location)| NewCarer {
            agency_id: other_agency,
            details,
            location,
        })
        .collect();
    other
        .store
        .insert_carers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
    let other_dir = tempfile::tempdir().expect("dir");
    drop(Engine::start(other.store.clone(), other_dir.path(), manual()).expect("other"));
    // Put the other database's snapshot beside this database's text index, then make this
    // change log at least as long.
    std::fs::copy(other_dir.path().join(SNAPSHOT), &path).expect("copy");
    // First it is ahead of this change log: not used.
    assert!(
        other.store.latest_change_seq().expect("seq") > db.store.latest_change_seq().expect("seq")
    );
    let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    assert!(!engine.stats().candidates_from_snapshot, "ahead of the log");
    assert_same_answers(&engine, &db.store);
    drop(engine);
    std::fs::copy(other_dir.path().join(SNAPSHOT), &path).expect("copy");
    while db.store.latest_change_seq().expect("seq") < other.store.latest_change_seq().expect("seq")
    {
        let (details, location) = carers[3].clone();
        let mut details = details;
        details.external_ref = None;
        db.store
            .insert_carer(
                agency,
                &details,
                location,
                &carematch_domain::Actor::system("test"),
            )
            .expect("insert");
    }
    let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    assert!(!engine.stats().candidates_from_snapshot);
    assert_same_answers(&engine, &db.store);
}

#[test]
fn the_snapshot_and_the_text_index_catch_up_from_their_own_positions() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 20);
    let dir = tempfile::tempdir().expect("dir");
    let new_carer = |name: &str, i: usize| {
        let (mut details, location) = carers[i].clone();
        details.given_name = name.into();
        details.external_ref = None;
        db.store
            .insert_carer(
                agency,
                &details,
                location,
                &carematch_domain::Actor::system("test"),
            )
            .expect("insert");
    };

    // Snapshot behind the text index: writes applied (text committed) but no compaction.
    let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    new_carer("Anselm", 0);
    new_carer("Brigid", 1);
    assert_eq!(engine.catch_up().expect("catch up"), 2);
    drop(engine);
    // A copy of the folder as it is now: the text index two changes ahead of the snapshot.
    let behind = tempfile::tempdir().expect("dir");
    for entry in std::fs::read_dir(dir.path()).expect("read dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), behind.path().join(entry.file_name())).expect("copy");
    }
    new_carer("Cosimo", 2);
    let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("restart");
    let stats = engine.stats();
    assert!(stats.candidates_from_snapshot && !stats.text_rebuilt);
    assert_eq!(stats.changes_applied, 3, "from the snapshot's position");
    assert_eq!(stats.candidates, 23);
    assert_eq!(stats.text_docs, 23);
    for name in ["Anselm", "Brigid", "Cosimo"] {
        assert_eq!(search_total(&engine, name), 1, "{name}");
    }
    assert_same_answers(&engine, &db.store);

    // Snapshot ahead of the text index: compaction writes a newer snapshot; put it beside the
    // older text index copied above.
    new_carer("Dagny", 3);
    engine.catch_up().expect("catch up");
    engine.compact().expect("compact");
    assert_eq!(engine.stats().snapshots_written, 1, "compaction writes one");
    drop(engine);
    std::fs::copy(dir.path().join(SNAPSHOT), behind.path().join(SNAPSHOT)).expect("copy");
    new_carer("Eamon", 4);
    let engine = Engine::start(db.store.clone(), behind.path(), manual()).expect("restart");
    let stats = engine.stats();
    assert!(stats.candidates_from_snapshot && !stats.text_rebuilt);
    assert_eq!(stats.candidates, 25);
    assert_eq!(stats.text_docs, 25);
    for name in ["Anselm", "Brigid", "Cosimo", "Dagny", "Eamon"] {
        assert_eq!(search_total(&engine, name), 1, "{name}");
    }
    assert_eq!(stats.last_seq, db.store.latest_change_seq().expect("seq"));
    assert_same_answers(&engine, &db.store);
}

/// FNV-1a, stable across Rust releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The snapshot stores candidates as serialised by their derives. If this test fails, what a
/// snapshot holds has changed (a field of `Candidate`, `SideEntry` or `AreaPolygon`, or how
/// `Candidate::from_carer`/`from_provider` derive them): bump
/// `carematch_index::engine::SNAPSHOT_FORMAT_VERSION` so that old files are not read, then
/// update the pinned value.
#[test]
fn the_snapshot_format_version_follows_what_candidates_serialise_to() {
    use carematch_domain::{Carer, Provider, ProviderDetails, ProviderId};
    use carematch_matching::{Candidate, SideEntry};
    let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).expect("time");
    let mut bytes = Vec::new();
    for (i, (details, location)) in fixture_carers(200).into_iter().enumerate() {
        let carer = Carer {
            id: CarerId(i as i64 + 1),
            agency_id: AgencyId(1),
            details,
            location,
            version: 1,
            created_at: at,
            updated_at: at,
            listing: Default::default(),
        };
        let record = (Candidate::from_carer(&carer), SideEntry::from_carer(&carer));
        bytes.extend(postcard::to_allocvec(&record).expect("encode"));
    }
    let text = std::fs::read_to_string(fixtures().join("providers.jsonl")).expect("fixtures");
    for (i, line) in text.lines().enumerate() {
        let value: Value = serde_json::from_str(line).expect("json");
        let details: ProviderDetails =
            serde_json::from_value(value["details"].clone()).expect("details");
        let provider = Provider {
            id: ProviderId(i as i64 + 1),
            agency_id: None,
            details,
            location: serde_json::from_value(value["location"].clone()).expect("location"),
            version: 1,
            created_at: at,
            updated_at: at,
            listing: Default::default(),
            organisation_id: None,
        };
        let record = (
            Candidate::from_provider(&provider),
            SideEntry::from_provider(&provider),
        );
        bytes.extend(postcard::to_allocvec(&record).expect("encode"));
    }
    assert_eq!(
        (
            carematch_index::engine::SNAPSHOT_FORMAT_VERSION,
            fnv1a(&bytes)
        ),
        (6, 0x2a75_f17a_2821_9d0d),
        "candidates serialise differently: bump SNAPSHOT_FORMAT_VERSION and update the pin"
    );
}

/// A provider written after the base was built that reaches people by phone is matched from any
/// distance, like one in the base, even when no overlay record lies near the person (the overlay
/// path once fed its remote providers only when some overlay record was near).
#[test]
fn a_new_provider_reaching_by_phone_from_afar_is_matched_from_the_overlay() {
    use carematch_domain::plan::Need;
    use carematch_domain::vocabulary::DeliveryMode;
    use carematch_domain::{Actor, ProviderDetails};

    let db = TestDb::new();
    seed(&db.store, 60);
    let dir = tempfile::tempdir().expect("dir");
    let engine = Engine::start(db.store.clone(), dir.path(), manual()).expect("start");
    let text = std::fs::read_to_string(fixtures().join("providers.jsonl")).expect("fixtures");
    let line = text
        .lines()
        .find(|line| line.contains(r#""delivery_modes":["in_person","phone"]"#))
        .expect("a provider reaching people by phone");
    let value: Value = serde_json::from_str(line).expect("json");
    let details: ProviderDetails =
        serde_json::from_value(value["details"].clone()).expect("details");
    let location: GeoPoint = serde_json::from_value(value["location"].clone()).expect("location");
    db.store
        .insert_provider(None, &details, location, &Actor::system("test"))
        .expect("insert");
    engine.catch_up().expect("catch up");
    assert_eq!(
        engine.stats().overlay_len,
        1,
        "the provider is in the overlay"
    );

    // A person in Norwich, far from every record, who takes phone support.
    let mut plan = plan("01-cantonese-manchester-sight-loss.json");
    plan.postcode = None;
    plan.delivery_modes = vec![Need {
        code: DeliveryMode::Phone,
        priority: carematch_domain::Priority::Preferred,
    }];
    let norwich = GeoPoint::new(52.6309, 1.2974).expect("point");
    assert!(norwich.distance_km(location) > 200.0);
    let mut compiled = CompiledPlan::compile(&plan, norwich);
    compiled.max_km = 10.0;
    let options = MatchOptions::new(NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"));
    let answer = engine.match_plan(&compiled, &options);
    assert_eq!(answer, reference(&db.store).match_plan(&compiled, &options));
    assert_eq!(
        answer.considered, 1,
        "the phone provider, and no one else, reaches the person"
    );
}
