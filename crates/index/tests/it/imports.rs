//! Imports through the engine: a large write is published all at once (search and matching
//! together, never part of it) by the follower, while other writes are applied on their own
//! writers' threads without waiting for it.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use carematch_domain::Actor;
use carematch_index::{Engine, EngineOptions};
use carematch_matching::CandidateKind;
use carematch_store::NewCarer;
use carematch_testkit::TestDb;

use crate::engine::{WAIT_LIMIT, assert_same_answers, fixture_carers, manual, seed};

/// Rows in the import: several catch-up batches of 7, far above the inline limit of 5.
const IMPORTED: usize = 30;

#[test]
fn an_import_is_published_at_once_while_other_writes_go_on() {
    let db = TestDb::new();
    let (agency, carers) = seed(&db.store, 10);
    let dir = tempfile::tempdir().expect("dir");
    // The follower wakes only when handed work: what it does is driven by this test's writes.
    let options = EngineOptions {
        poll_interval: Some(Duration::from_secs(3_600)),
        inline_limit: 5,
        ..manual()
    };
    let engine = Arc::new(Engine::start(db.store.clone(), dir.path(), options).expect("start"));
    let before = engine.view();
    let n0 = before.snapshot().len();
    assert_eq!(before.text_docs(), n0 as u64);
    let last = n0 + IMPORTED + 1;

    // A reader watching every view until it sees the import and the single write.
    let reader = std::thread::spawn({
        let engine = Arc::clone(&engine);
        move || {
            let started = Instant::now();
            let mut seen = BTreeSet::new();
            loop {
                let view = engine.view();
                let state = (view.snapshot().len(), view.text_docs() as usize);
                seen.insert(state);
                if state == (last, last) {
                    return seen;
                }
                assert!(started.elapsed() < WAIT_LIMIT, "never saw {last}: {seen:?}");
                std::thread::yield_now();
            }
        }
    });

    let import: Vec<NewCarer> = fixture_carers(IMPORTED)
        .into_iter()
        .enumerate()
        .map(|(i, (mut details, location))| {
            details.external_ref = Some(format!("IMPORT-{i}"));
            NewCarer {
                agency_id: agency,
                details,
                location,
            }
        })
        .collect();
    db.store
        .insert_carers(&import, &|_| {}, &Actor::system("test"))
        .expect("import");
    assert_eq!(
        engine.apply_own_writes().expect("hand over"),
        0,
        "the import is handed to the follower, not applied on the writer's thread"
    );

    // A single write after the import: applied on its writer's thread, visible on return,
    // whether or not the follower has published the import yet.
    let (mut details, location) = carers[0].clone();
    details.external_ref = Some("SINGLE".into());
    let single = db
        .store
        .insert_carer(agency, &details, location, &Actor::system("test"))
        .expect("insert");
    engine.apply_own_writes().expect("own write");
    let view = engine.view();
    assert!(
        view.snapshot()
            .get(CandidateKind::Carer, single.id.0)
            .is_some()
    );
    assert_eq!(view.snapshot().len() as u64, view.text_docs());

    let seen = reader.join().expect("reader");
    // Every view had all of the import or none of it, and search agreed with matching.
    let whole = [n0, n0 + 1, n0 + IMPORTED, last];
    for (candidates, docs) in &seen {
        assert_eq!(candidates, docs, "search and matching disagree: {seen:?}");
        assert!(whole.contains(candidates), "part of the import: {seen:?}");
    }

    engine.catch_up().expect("catch up");
    assert_eq!(
        engine.last_seq(),
        db.store.latest_change_seq().expect("seq")
    );
    assert_same_answers(&engine, &db.store);
    engine.stop();
    drop(engine);

    // After a restart both indexes hold the same records (nothing replayed twice or lost).
    let again = Engine::start(db.store.clone(), dir.path(), manual()).expect("restart");
    let stats = again.stats();
    assert_eq!(stats.candidates, last);
    assert_eq!(stats.text_docs, last as u64);
    assert_same_answers(&again, &db.store);
}
