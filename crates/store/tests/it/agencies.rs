use carematch_domain::AgencyProfile;
use carematch_store::StoreError;
use carematch_testkit::TestDb;
use carematch_testkit::records::full_agency_profile;

#[test]
fn a_profile_survives_create_get_update_get_with_the_version_counted() {
    let db = TestDb::new();
    let profile = full_agency_profile();
    let created = db.store.create_agency_with(&profile).expect("create");
    assert_eq!(created.version, 1);
    assert_eq!(created.updated_at, created.created_at);
    let got = db
        .store
        .get_agency(created.id)
        .expect("get")
        .expect("found");
    assert_eq!(got, created);
    assert_eq!(got.profile, profile);

    let mut changed = AgencyProfile::named("Fernhollow PA Support");
    changed.areas = vec!["E08000003".to_owned()];
    let updated = db
        .store
        .update_agency(created.id, &changed, Some(1))
        .expect("update");
    assert_eq!(updated.version, 2);
    assert!(updated.updated_at >= created.updated_at);
    let got = db
        .store
        .get_agency(created.id)
        .expect("get")
        .expect("found");
    assert_eq!(got, updated);
    assert_eq!(got.profile, changed, "absent fields are stored as absent");
    assert_eq!(db.store.list_agencies().expect("list"), vec![updated]);
}

#[test]
fn a_stale_version_changes_nothing_and_an_unknown_agency_is_not_found() {
    let db = TestDb::new();
    let created = db.store.create_agency("Kestrelgate").expect("create");
    let profile = full_agency_profile();
    db.store
        .update_agency(created.id, &profile, None)
        .expect("update without a version");
    let stale = db
        .store
        .update_agency(created.id, &AgencyProfile::named("Stale"), Some(1));
    assert!(
        matches!(stale, Err(StoreError::VersionConflict { current: 2 })),
        "{stale:?}"
    );
    let got = db
        .store
        .get_agency(created.id)
        .expect("get")
        .expect("found");
    assert_eq!((got.version, got.profile), (2, profile));
    let unknown = db.store.update_agency(
        carematch_domain::AgencyId(created.id.0 + 1),
        &AgencyProfile::named("Nobody"),
        None,
    );
    assert!(matches!(
        unknown,
        Err(StoreError::NotFound {
            entity: "agency",
            ..
        })
    ));
}
