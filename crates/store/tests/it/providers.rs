use carematch_store::{ChangeOp, Entity, Page, ProviderFilter, StoreError};

use carematch_testkit::TestDb;
use carematch_testkit::build::point;
use carematch_testkit::records::{changed_provider, full_provider, precise_point};

#[test]
fn every_field_survives_insert_get_update_get() {
    let db = TestDb::new();
    let agency = db.store.create_agency("Mosaic 1898").expect("agency");
    let details = full_provider();
    let inserted = db
        .store
        .insert_provider(
            Some(agency.id),
            &details,
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    assert_eq!(inserted.version, 1);
    let got = db
        .store
        .get_provider(inserted.id)
        .expect("get")
        .expect("found");
    assert_eq!(got, inserted);
    assert_eq!(got.details, details);

    let changed = changed_provider();
    let updated = db
        .store
        .update_provider(
            inserted.id,
            &changed,
            point(52.48, -1.79),
            Some(1),
            &carematch_domain::Actor::system("test"),
        )
        .expect("update");
    assert_eq!(updated.version, 2);
    assert_eq!(updated.agency_id, Some(agency.id));
    let got = db
        .store
        .get_provider(inserted.id)
        .expect("get")
        .expect("found");
    assert_eq!(got, updated);
    assert_eq!(got.details, changed);

    let err = db
        .store
        .update_provider(
            inserted.id,
            &details,
            precise_point(),
            Some(1),
            &carematch_domain::Actor::system("test"),
        )
        .expect_err("stale");
    assert!(matches!(err, StoreError::VersionConflict { current: 2 }));
}

#[test]
fn providers_without_an_agency_list_delete_and_scan() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let free = db
        .store
        .insert_provider(
            None,
            &changed_provider(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("no agency");
    assert_eq!(free.agency_id, None);
    let managed = db
        .store
        .insert_provider(
            Some(agency.id),
            &full_provider(),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("managed");
    let before = db.store.latest_change_seq().expect("seq");

    let all = db
        .store
        .list_providers(&ProviderFilter::default(), Page::new(1, 10))
        .expect("list");
    assert_eq!(all.total, 2);
    let by_agency = db
        .store
        .list_providers(
            &ProviderFilter {
                agency: Some(agency.id),
                ..ProviderFilter::default()
            },
            Page::default(),
        )
        .expect("list");
    assert_eq!(by_agency.total, 1);
    assert_eq!(by_agency.items[0].id, managed.id);

    db.store
        .delete_provider(free.id, &carematch_domain::Actor::system("test"))
        .expect("delete");
    assert_eq!(db.store.get_provider(free.id).expect("get"), None);
    let scanned = db.store.providers_after(None, 10).expect("scan");
    assert_eq!(
        scanned.iter().map(|p| p.id).collect::<Vec<_>>(),
        [managed.id]
    );
    let changes = db.store.changes_since(before, 10).expect("changes");
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (changes[0].entity, changes[0].entity_id, changes[0].op),
        (Entity::Provider, free.id.0, ChangeOp::Delete)
    );
}
