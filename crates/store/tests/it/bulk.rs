use std::cell::Cell;
use std::time::Instant;

use carematch_domain::AgencyId;
use carematch_store::{CarerFilter, NewCarer, NewProvider, Page, StoreError};

use carematch_testkit::TestDb;
use carematch_testkit::build::point;
use carematch_testkit::records::{carer_ref, full_carer, full_provider, precise_point};

fn rows(agency: AgencyId, n: usize) -> Vec<NewCarer> {
    (0..n)
        .map(|i| NewCarer {
            agency_id: agency,
            details: carer_ref(&format!("R{i}")),
            location: point(52.0 + i as f64 * 1e-5, -1.0),
        })
        .collect()
}

fn assert_nothing_stored(db: &TestDb, seq_before: i64) {
    let listed = db
        .store
        .list_carers(&CarerFilter::default(), Page::new(1, 10))
        .expect("list");
    assert_eq!(listed.total, 0, "a failed bulk insert left rows behind");
    assert_eq!(db.store.carers_after(None, 10).expect("scan").len(), 0);
    assert_eq!(
        db.store.latest_change_seq().expect("seq"),
        seq_before,
        "a failed bulk insert logged changes"
    );
    assert!(
        db.store
            .changes_since(seq_before, 10)
            .expect("changes")
            .is_empty()
    );
}

#[test]
fn bulk_insert_stores_all_in_input_order_with_changes() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let mut batch = rows(agency.id, 10_000);
    batch[1234].details = full_carer();
    let calls = Cell::new(0u64);
    let last = Cell::new(0u64);
    let started = Instant::now();
    let ids = db
        .store
        .insert_carers(
            &batch,
            &|done| {
                calls.set(calls.get() + 1);
                assert!(done > last.get());
                last.set(done);
            },
            &carematch_domain::Actor::system("test"),
        )
        .expect("bulk insert");
    eprintln!(
        "bulk-inserted 10,000 carers on {:?} in {:?}",
        db.store.backend(),
        started.elapsed()
    );
    assert_eq!(ids.len(), 10_000);
    assert_eq!(last.get(), 10_000);
    assert!(calls.get() >= 2);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    for i in [0, 1, 499, 500, 1234, 9_999] {
        let got = db.store.get_carer(ids[i]).expect("get").expect("found");
        assert_eq!(got.details, batch[i].details, "row {i}");
        assert_eq!(got.location, batch[i].location, "row {i}");
        assert_eq!(got.version, 1);
    }
    let listed = db
        .store
        .list_carers(&CarerFilter::default(), Page::new(1, 1))
        .expect("list");
    assert_eq!(listed.total, 10_000);
    let changes = db.store.changes_since(0, 20_000).expect("changes");
    assert_eq!(changes.len(), 10_000);
    assert_eq!(
        changes.iter().map(|c| c.entity_id).collect::<Vec<_>>(),
        ids.iter().map(|id| id.0).collect::<Vec<_>>()
    );
}

#[test]
fn bulk_insert_is_all_or_nothing_on_a_duplicate_late_in_the_batch() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let seq_before = db.store.latest_change_seq().expect("seq");
    let mut batch = rows(agency.id, 1_200);
    // rows 0..1000 go in two earlier statements; this one fails in the third
    batch[1_100].details = carer_ref("R5");
    let err = db
        .store
        .insert_carers(&batch, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect_err("duplicate external_ref");
    assert!(
        matches!(
            err,
            StoreError::Duplicate {
                field: "external_ref"
            }
        ),
        "{err:?}"
    );
    assert_nothing_stored(&db, seq_before);
}

#[test]
fn bulk_insert_is_all_or_nothing_on_a_missing_agency() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let seq_before = db.store.latest_change_seq().expect("seq");
    let mut batch = rows(agency.id, 900);
    batch[700].agency_id = AgencyId(424_242);
    let err = db
        .store
        .insert_carers(&batch, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect_err("missing agency");
    assert!(matches!(err, StoreError::MissingReference(_)), "{err:?}");
    assert_nothing_stored(&db, seq_before);
    // and the store still works afterwards
    db.store
        .insert_carers(
            &rows(agency.id, 3),
            &|_| {},
            &carematch_domain::Actor::system("test"),
        )
        .expect("bulk insert after a failure");
}

#[test]
fn bulk_insert_providers() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let batch: Vec<NewProvider> = (0..1_100)
        .map(|i| {
            let mut details = full_provider();
            details.external_ref = Some(format!("ORG-{i}"));
            NewProvider::new((i % 2 == 0).then_some(agency.id), details, precise_point())
        })
        .collect();
    let ids = db
        .store
        .insert_providers(&batch, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("bulk insert");
    assert_eq!(ids.len(), 1_100);
    let got = db
        .store
        .get_provider(ids[1_099])
        .expect("get")
        .expect("found");
    assert_eq!(got.details, batch[1_099].details);
    assert_eq!(got.agency_id, None);
    let got = db
        .store
        .get_provider(ids[1_098])
        .expect("get")
        .expect("found");
    assert_eq!(got.agency_id, Some(agency.id));
    assert_eq!(db.store.latest_change_seq().expect("seq"), 1_100);
}
