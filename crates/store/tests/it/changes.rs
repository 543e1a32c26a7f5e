use carematch_store::{ChangeOp, Entity, NewCarer};

use carematch_testkit::TestDb;
use carematch_testkit::records::{carer_ref, changed_carer, full_provider, precise_point};

#[test]
fn every_write_is_logged_in_order_with_monotonic_seq() {
    let db = TestDb::new();
    assert_eq!(db.store.latest_change_seq().expect("seq"), 0);
    assert!(db.store.changes_since(0, 10).expect("changes").is_empty());

    let agency = db.store.create_agency("A").expect("agency");
    let c1 = db
        .store
        .insert_carer(
            agency.id,
            &carer_ref("1"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    let p1 = db
        .store
        .insert_provider(
            None,
            &full_provider(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    db.store
        .update_carer(
            c1.id,
            &changed_carer(),
            precise_point(),
            Some(1),
            &carematch_domain::Actor::system("test"),
        )
        .expect("update");
    let bulk = db
        .store
        .insert_carers(
            &[
                NewCarer {
                    agency_id: agency.id,
                    details: carer_ref("2"),
                    location: precise_point(),
                },
                NewCarer {
                    agency_id: agency.id,
                    details: carer_ref("3"),
                    location: precise_point(),
                },
            ],
            &|_| {},
            &carematch_domain::Actor::system("test"),
        )
        .expect("bulk");
    db.store
        .update_provider(
            p1.id,
            &full_provider(),
            precise_point(),
            None,
            &carematch_domain::Actor::system("test"),
        )
        .expect("update");
    db.store
        .delete_carer(c1.id, &carematch_domain::Actor::system("test"))
        .expect("delete");
    db.store
        .delete_provider(p1.id, &carematch_domain::Actor::system("test"))
        .expect("delete");

    let changes = db.store.changes_since(0, 100).expect("changes");
    let got: Vec<(Entity, i64, ChangeOp)> = changes
        .iter()
        .map(|c| (c.entity, c.entity_id, c.op))
        .collect();
    assert_eq!(
        got,
        [
            (Entity::Carer, c1.id.0, ChangeOp::Upsert),
            (Entity::Provider, p1.id.0, ChangeOp::Upsert),
            (Entity::Carer, c1.id.0, ChangeOp::Upsert),
            (Entity::Carer, bulk[0].0, ChangeOp::Upsert),
            (Entity::Carer, bulk[1].0, ChangeOp::Upsert),
            (Entity::Provider, p1.id.0, ChangeOp::Upsert),
            (Entity::Carer, c1.id.0, ChangeOp::Delete),
            (Entity::Provider, p1.id.0, ChangeOp::Delete),
        ]
    );
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
    assert!(changes.windows(2).all(|w| w[0].at <= w[1].at));
    let latest = db.store.latest_change_seq().expect("seq");
    assert_eq!(latest, changes.last().expect("some").seq);

    // paging through with `seq > last` sees each change once
    let mut seen = Vec::new();
    let mut last = 0;
    loop {
        let page = db.store.changes_since(last, 3).expect("page");
        let Some(end) = page.last() else { break };
        last = end.seq;
        seen.extend(page.into_iter().map(|c| c.seq));
    }
    assert_eq!(seen, changes.iter().map(|c| c.seq).collect::<Vec<_>>());
    assert!(db.store.changes_since(latest, 10).expect("none").is_empty());
}

#[test]
fn a_failed_write_logs_nothing() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    db.store
        .insert_carer(
            agency.id,
            &carer_ref("dup"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    let before = db.store.latest_change_seq().expect("seq");
    db.store
        .insert_carer(
            agency.id,
            &carer_ref("dup"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("duplicate");
    db.store
        .update_carer(
            carematch_domain::CarerId(123_456),
            &changed_carer(),
            precise_point(),
            None,
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("missing");
    assert_eq!(db.store.latest_change_seq().expect("seq"), before);
}

#[test]
fn concurrent_writers_commit_in_seq_order() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    std::thread::scope(|scope| {
        for t in 0..4 {
            let store = db.store.clone();
            scope.spawn(move || {
                for i in 0..15 {
                    store
                        .insert_carer(
                            agency.id,
                            &carer_ref(&format!("T{t}-{i}")),
                            precise_point(),
                            &carematch_domain::Actor::system("test"),
                        )
                        .expect("insert");
                }
            });
        }
    });
    let changes = db.store.changes_since(0, 1_000).expect("changes");
    assert_eq!(changes.len(), 60);
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq));
    // ids and seqs were handed out under the same writer lock, so they rise together
    assert!(changes.windows(2).all(|w| w[0].entity_id < w[1].entity_id));
}
