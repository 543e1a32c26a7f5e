use carematch_domain::CarerId;
use carematch_store::{CarerFilter, ChangeOp, Entity, Page, StoreError};

use carematch_testkit::TestDb;
use carematch_testkit::build::point;
use carematch_testkit::records::{carer_ref, changed_carer, full_carer, precise_point};

#[test]
fn every_field_survives_insert_get_update_get() {
    let db = TestDb::new();
    let agency = db.store.create_agency("Mosaic 1898").expect("agency");
    let details = full_carer();
    let inserted = db
        .store
        .insert_carer(
            agency.id,
            &details,
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    assert_eq!(inserted.version, 1);
    assert_eq!(inserted.agency_id, agency.id);
    assert_eq!(inserted.created_at, inserted.updated_at);

    let got = db
        .store
        .get_carer(inserted.id)
        .expect("get")
        .expect("found");
    assert_eq!(got, inserted);
    assert_eq!(got.details, details);
    assert_eq!(got.location, precise_point());

    let changed = changed_carer();
    let moved = point(51.5201, -0.0977);
    let updated = db
        .store
        .update_carer(
            inserted.id,
            &changed,
            moved,
            Some(1),
            &carematch_domain::Actor::system("test"),
        )
        .expect("update");
    assert_eq!(updated.version, 2);
    assert_eq!(updated.created_at, inserted.created_at);
    assert!(updated.updated_at >= inserted.updated_at);
    let got = db
        .store
        .get_carer(inserted.id)
        .expect("get")
        .expect("found");
    assert_eq!(got, updated);
    assert_eq!(got.details, changed);
    assert_eq!(got.location, moved);

    // and back to every optional field set
    let again = db
        .store
        .update_carer(
            inserted.id,
            &details,
            precise_point(),
            None,
            &carematch_domain::Actor::system("test"),
        )
        .expect("update without a version check");
    assert_eq!(again.version, 3);
    let got = db
        .store
        .get_carer(inserted.id)
        .expect("get")
        .expect("found");
    assert_eq!(got.details, details);
}

#[test]
fn stale_version_conflicts_and_leaves_the_record_alone() {
    let db = TestDb::new();
    let agency = db.store.create_agency("Purple").expect("agency");
    let carer = db
        .store
        .insert_carer(
            agency.id,
            &full_carer(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    db.store
        .update_carer(
            carer.id,
            &changed_carer(),
            precise_point(),
            Some(1),
            &carematch_domain::Actor::system("test"),
        )
        .expect("first update");
    let err = db
        .store
        .update_carer(
            carer.id,
            &full_carer(),
            precise_point(),
            Some(1),
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("stale version");
    assert!(
        matches!(err, StoreError::VersionConflict { current: 2 }),
        "{err:?}"
    );
    let got = db.store.get_carer(carer.id).expect("get").expect("found");
    assert_eq!(got.version, 2);
    assert_eq!(got.details, changed_carer());

    let missing = db
        .store
        .update_carer(
            CarerId(9_999),
            &full_carer(),
            precise_point(),
            None,
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("missing");
    assert!(matches!(
        missing,
        StoreError::NotFound {
            entity: "carer",
            id: 9_999
        }
    ));
}

#[test]
fn unknown_agency_and_duplicate_external_ref_are_reported() {
    let db = TestDb::new();
    let err = db
        .store
        .insert_carer(
            carematch_domain::AgencyId(77),
            &full_carer(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("no such agency");
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                entity: "agency",
                id: 77
            }
        ),
        "{err:?}"
    );

    let a = db.store.create_agency("A").expect("agency");
    let b = db.store.create_agency("B").expect("agency");
    let first = db
        .store
        .insert_carer(
            a.id,
            &carer_ref("X1"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("first");
    let err = db
        .store
        .insert_carer(
            a.id,
            &carer_ref("X1"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("same agency, same reference");
    assert!(
        matches!(
            err,
            StoreError::Duplicate {
                field: "external_ref"
            }
        ),
        "{err:?}"
    );
    // another agency may use the same reference, and so may carers without one
    db.store
        .insert_carer(
            b.id,
            &carer_ref("X1"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("other agency");
    db.store
        .insert_carer(
            a.id,
            &changed_carer(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("no reference");
    db.store
        .insert_carer(
            a.id,
            &changed_carer(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("no reference again");
    // a deleted carer's reference is free again
    db.store
        .delete_carer(first.id, &carematch_domain::Actor::system("test"))
        .expect("delete");
    db.store
        .insert_carer(
            a.id,
            &carer_ref("X1"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("reuse after delete");
}

#[test]
fn soft_delete_hides_the_carer_and_logs_a_delete() {
    let db = TestDb::new();
    let agency = db.store.create_agency("Rosekel").expect("agency");
    let keep = db
        .store
        .insert_carer(
            agency.id,
            &carer_ref("K"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    let gone = db
        .store
        .insert_carer(
            agency.id,
            &carer_ref("G"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    let before = db.store.latest_change_seq().expect("seq");

    db.store
        .delete_carer(gone.id, &carematch_domain::Actor::system("test"))
        .expect("delete");

    assert_eq!(db.store.get_carer(gone.id).expect("get"), None);
    let listed = db
        .store
        .list_carers(&CarerFilter::default(), Page::new(1, 50))
        .expect("list");
    assert_eq!(listed.total, 1);
    assert_eq!(
        listed.items.iter().map(|c| c.id).collect::<Vec<_>>(),
        [keep.id]
    );
    let scanned = db.store.carers_after(None, 100).expect("scan");
    assert_eq!(scanned.iter().map(|c| c.id).collect::<Vec<_>>(), [keep.id]);

    let changes = db.store.changes_since(before, 10).expect("changes");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].entity, Entity::Carer);
    assert_eq!(changes[0].entity_id, gone.id.0);
    assert_eq!(changes[0].op, ChangeOp::Delete);

    // deleting twice, or updating a deleted carer, is NotFound
    assert!(matches!(
        db.store
            .delete_carer(gone.id, &carematch_domain::Actor::system("test")),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        db.store.update_carer(
            gone.id,
            &full_carer(),
            precise_point(),
            None,
            &carematch_domain::Actor::system("test")
        ),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(db.store.latest_change_seq().expect("seq"), before + 1);
}

#[test]
fn list_pages_and_totals_by_agency() {
    let db = TestDb::new();
    let a = db.store.create_agency("A").expect("agency");
    let b = db.store.create_agency("B").expect("agency");
    let mut a_ids = Vec::new();
    for i in 0..7 {
        let carer = db
            .store
            .insert_carer(
                a.id,
                &carer_ref(&format!("A{i}")),
                precise_point(),
                &carematch_domain::Actor::system("test"),
            )
            .expect("insert");
        a_ids.push(carer.id);
        db.store
            .insert_carer(
                b.id,
                &carer_ref(&format!("B{i}")),
                precise_point(),
                &carematch_domain::Actor::system("test"),
            )
            .expect("insert");
    }

    let all = db
        .store
        .list_carers(&CarerFilter::default(), Page::new(1, 100))
        .expect("list");
    assert_eq!((all.total, all.items.len()), (14, 14));

    let only_a = CarerFilter {
        agency: Some(a.id),
        ..CarerFilter::default()
    };
    let mut seen = Vec::new();
    for page in 1..=3 {
        let paged = db
            .store
            .list_carers(&only_a, Page::new(page, 3))
            .expect("page");
        assert_eq!(paged.total, 7);
        assert_eq!(paged.items.len(), [3, 3, 1][page as usize - 1]);
        assert!(paged.items.iter().all(|c| c.agency_id == a.id));
        seen.extend(paged.items.iter().map(|c| c.id));
    }
    assert_eq!(seen, a_ids);
    let beyond = db
        .store
        .list_carers(&only_a, Page::new(4, 3))
        .expect("past the end");
    assert_eq!((beyond.total, beyond.items.len()), (7, 0));
}

#[test]
fn keyset_scan_visits_every_live_carer_once() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(
            db.store
                .insert_carer(
                    agency.id,
                    &carer_ref(&format!("S{i}")),
                    precise_point(),
                    &carematch_domain::Actor::system("test"),
                )
                .expect("insert")
                .id,
        );
    }
    db.store
        .delete_carer(ids[4], &carematch_domain::Actor::system("test"))
        .expect("delete");
    ids.remove(4);
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let batch = db.store.carers_after(after, 4).expect("scan");
        if batch.is_empty() {
            break;
        }
        after = batch.last().map(|c| c.id);
        seen.extend(batch.into_iter().map(|c| c.id));
    }
    assert_eq!(seen, ids);
}

#[test]
fn agencies_round_trip() {
    let db = TestDb::new();
    let a = db.store.create_agency("Mosaic 1898").expect("agency");
    let b = db.store.create_agency("Purple — পার্পল").expect("agency");
    assert_eq!(db.store.get_agency(a.id).expect("get"), Some(a.clone()));
    assert_eq!(db.store.list_agencies().expect("list"), [a, b]);
    assert_eq!(
        db.store
            .get_agency(carematch_domain::AgencyId(404))
            .expect("get"),
        None
    );
    db.store.ping().expect("ping");
}
