//! The store's lifecycle (docs/architecture.md, "Process lifecycle"): closing a store closes it
//! for every clone and returns only when no connection is open or being opened, and a pool for a
//! short command opens nothing in the background.

use carematch_domain::AgencyId;
use carematch_store::{PoolOptions, Store, StoreError};

use carematch_testkit::TestDb;

#[test]
fn closing_a_store_closes_every_clone_and_leaves_no_connection() {
    let db = TestDb::new();
    let clone = db.store.clone();
    // Several threads at once make r2d2 open connections on its own threads (for the waiting
    // gets, and to keep one idle), so some may still be opening when the close begins.
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..5 {
                    clone.ping().expect("ping");
                }
            });
        }
    });
    assert!(db.store.open_connections() >= 1);
    db.store.close().expect("close");
    assert_eq!(db.store.open_connections(), 0);
    assert_eq!(clone.open_connections(), 0);
    assert!(matches!(clone.ping(), Err(StoreError::Closed)));
    assert!(matches!(
        db.store.get_agency(AgencyId(1)),
        Err(StoreError::Closed)
    ));
    // Idempotent (`TestDb` closes it again when dropped).
    db.store.close().expect("close again");
}

#[test]
fn a_command_pool_opens_only_the_connections_asked_for() {
    let db = TestDb::new();
    let store = Store::connect_with(&db.url, PoolOptions::command(4)).expect("connect");
    for _ in 0..50 {
        store.ping().expect("ping");
    }
    // `close` waits for any connection still being opened, so the count is final.
    store.close().expect("close");
    // The probe that checked the URL, then the one connection asked for (one at a time). A
    // server pool would also have opened another in the background after handing out its only
    // idle one.
    assert_eq!(store.connections_opened(), 2);
}
