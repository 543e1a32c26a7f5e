//! Reads an import and the engine's catch-up make in bulk: the existing-reference check and the
//! read-back of changed records take one query each, whatever the size of the register.

use std::cell::RefCell;

use carematch_domain::{Actor, CarerId};
use carematch_store::NewCarer;
use carematch_testkit::TestDb;
use carematch_testkit::records::{carer_ref, precise_point};
use diesel::connection::{Instrumentation, InstrumentationEvent, set_default_instrumentation};

thread_local! {
    /// The SQL of every query started on this thread (the store runs each query on its
    /// caller's thread), once recording is installed.
    static QUERIES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

struct Recorder;

impl Instrumentation for Recorder {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            let sql = query.to_string();
            QUERIES.with(|queries| queries.borrow_mut().push(sql));
        }
    }
}

/// Every connection opened from now on records its queries (other tests' connections too,
/// into their own threads' lists, which nobody reads).
fn record_queries() {
    set_default_instrumentation(|| Some(Box::new(Recorder))).expect("instrumentation");
}

/// The queries `f` runs on this thread whose SQL mentions `needle`.
fn queries_of(needle: &str, f: impl FnOnce()) -> Vec<String> {
    QUERIES.with(|queries| queries.borrow_mut().clear());
    f();
    QUERIES.with(|queries| {
        queries
            .borrow()
            .iter()
            .filter(|sql| sql.contains(needle))
            .cloned()
            .collect()
    })
}

fn register(db: &TestDb, name: &str, size: usize) -> carematch_domain::AgencyId {
    let agency = db.store.create_agency(name).expect("agency").id;
    let rows: Vec<NewCarer> = (0..size)
        .map(|i| NewCarer {
            agency_id: agency,
            details: carer_ref(&format!("{name}-{i}")),
            location: precise_point(),
        })
        .collect();
    db.store
        .insert_carers(&rows, &|_| {}, &Actor::system("test"))
        .expect("insert");
    agency
}

#[test]
fn the_reference_check_is_one_query_whatever_the_register_size() {
    record_queries();
    let db = TestDb::new();
    let small = register(&db, "small", 3);
    let large = register(&db, "large", 400);
    for (agency, name) in [(small, "small"), (large, "large")] {
        let asked = [format!("{name}-1"), "not-there".to_owned()];
        let refs: Vec<&str> = asked.iter().map(String::as_str).collect();
        let mut found = None;
        let queries = queries_of("external_ref", || {
            found = Some(db.store.carer_refs_in_use(agency, &refs).expect("refs"));
        });
        assert_eq!(queries.len(), 1, "{name}: {queries:#?}");
        let found = found.expect("ran");
        assert_eq!(found.len(), 1, "{name}");
        assert!(found.contains(&format!("{name}-1")));
    }
    // Another agency's reference is not this one's.
    let other = db
        .store
        .carer_refs_in_use(small, &["large-1"])
        .expect("refs");
    assert!(other.is_empty());
}

#[test]
fn changed_records_are_read_back_in_one_query() {
    record_queries();
    let db = TestDb::new();
    let agency = register(&db, "bulk", 50);
    let mut ids: Vec<CarerId> = db
        .store
        .carers_after(None, 100)
        .expect("carers")
        .iter()
        .map(|c| c.id)
        .collect();
    let deleted = ids[7];
    db.store
        .delete_carer(deleted, &Actor::system("test"))
        .expect("delete");
    ids.push(CarerId(999_999));
    let mut got = Vec::new();
    let queries = queries_of("carers", || {
        got = db.store.get_carers(&ids).expect("get");
    });
    assert_eq!(queries.len(), 1, "{queries:#?}");
    // Deleted and unknown ids are left out; the rest come back whole, in id order.
    assert_eq!(got.len(), 49);
    assert!(got.iter().all(|c| c.id != deleted && c.agency_id == agency));
    assert!(got.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(
        got[0],
        db.store.get_carer(got[0].id).expect("get").expect("live")
    );
}
