//! Writes through the service are read back at once (the engine here has no follower), and
//! only the callers allowed to write a record may.

use carematch_domain::vocabulary::{Code, Language, Proficiency};
use carematch_domain::{Caller, CarerId, LanguageSkill};
use carematch_matching::CandidateKind;
use carematch_service::ServiceError;
use carematch_service::records::acting_agency;
use carematch_store::StoreError;

use crate::support::{POSTCODE, World, carer, provider};

#[test]
fn a_carer_created_updated_and_deleted_is_read_back_at_once() {
    let world = World::new();
    let [north, _] = world.agencies;
    let created = world.north_carer("Wingyee");
    let id = created.id.0;
    assert!(world.indexed(CandidateKind::Carer, id));
    assert!(world.cantonese_carers().contains(&id));
    assert!(world.found("Wingyee").contains(&id));

    let mut details = created.details.clone();
    details.given_name = "Suklan".into();
    details.languages = vec![LanguageSkill {
        code: Language::parse("eng").expect("eng"),
        proficiency: Proficiency::Native,
        reads: true,
        writes: true,
    }];
    let updated = world
        .service
        .update_carer(
            Caller::Agency(north),
            created.id,
            &details,
            Some(created.version),
        )
        .expect("updated");
    assert_eq!(updated.version, created.version + 1);
    assert!(!world.cantonese_carers().contains(&id));
    assert!(world.found("Suklan").contains(&id));
    assert!(!world.found("Wingyee").contains(&id));

    let edited = world
        .service
        .edit_carer(Caller::Agency(north), created.id, |d| {
            d.public_listing_consent = false;
        })
        .expect("edited");
    assert!(!edited.details.public_listing_consent);
    assert_eq!(
        edited.location, updated.location,
        "an edit keeps the location"
    );

    let deleted = world
        .service
        .delete_carer(Caller::Agency(north), created.id)
        .expect("deleted");
    assert_eq!(deleted.details.given_name, "Suklan");
    assert!(!world.indexed(CandidateKind::Carer, id));
    assert!(world.found("Suklan").is_empty());
    assert!(matches!(
        world.service.carer(created.id),
        Err(ServiceError::NotFound { what: "carer", .. })
    ));
}

#[test]
fn a_provider_created_updated_and_deleted_is_read_back_at_once() {
    let world = World::new();
    let [north, south] = world.agencies;
    let created = world
        .service
        .create_provider(Caller::Agency(north), &provider("Wah Sum Luncheon Club"))
        .expect("created");
    let id = created.id;
    assert_eq!(created.agency_id, Some(north));
    assert!(world.indexed(CandidateKind::Provider, id.0));
    assert!(world.found("Wah Sum").contains(&id.0));

    let renamed = provider("Kwun Tong Lunch Club");
    assert!(matches!(
        world
            .service
            .update_provider(Caller::Agency(south), id, &renamed, None),
        Err(ServiceError::Forbidden)
    ));
    world
        .service
        .update_provider(Caller::Agency(north), id, &renamed, None)
        .expect("updated");
    assert!(world.found("Kwun Tong").contains(&id.0));
    assert!(world.found("Wah Sum").is_empty());

    assert!(matches!(
        world.service.delete_provider(Caller::Anonymous, id),
        Err(ServiceError::Forbidden)
    ));
    world
        .service
        .delete_provider(Caller::Admin, id)
        .expect("an admin deletes any provider");
    assert!(!world.indexed(CandidateKind::Provider, id.0));
}

#[test]
fn an_imported_register_is_read_back_at_once() {
    let world = World::new();
    let [north, _] = world.agencies;
    let csv = format!(
        "external_ref,given_name,family_name,gender,languages,services,hours_per_week,available_from,postcode,travel_radius_km,travel_mode,hourly_rate,employment_status,public_listing_consent,last_confirmed_on\n\
         PA-0001,Meiling,Lam,female,yue:native;eng:fluent,personal_care,16,2026-12-01,{POSTCODE},8,public_transport,13.50,self_employed,yes,2026-11-01\n\
         PA-0002,Kaho,Chan,male,yue:fluent,companionship,10,2026-12-01,{POSTCODE},5,walk,12,self_employed,yes,2026-11-01\n"
    );
    let report = world
        .service
        .import_carers(north, csv.as_bytes(), &|_| {})
        .expect("imported");
    assert_eq!(report.imported, 2);
    let found = world.cantonese_carers();
    for id in &report.ids {
        assert!(found.contains(&id.0), "{id} matched at once");
    }

    // The same refs again clash, every row listed, and nothing more is stored.
    match world.service.import_carers(north, csv.as_bytes(), &|_| {}) {
        Err(ServiceError::ImportConflict(rows)) => {
            assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let broken = csv.replace("yue:native", "xx:native");
    assert!(matches!(
        world.service.import_carers(north, broken.as_bytes(), &|_| {}),
        Err(ServiceError::ImportRejected(rows)) if rows.iter().any(|r| r.column == "languages")
    ));
    assert_eq!(world.cantonese_carers().len(), 2);
}

#[test]
fn imported_providers_are_read_back_at_once_and_a_bad_line_rejects_the_file() {
    let world = World::new();
    let line = |name: &str| serde_json::to_string(&provider(name)).expect("json");
    let file = format!("{}\n\n{}\n", line("Wah Sum"), line("Sahara Lunch Club"));
    let report = world
        .service
        .import_providers(file.as_bytes(), &|_| {})
        .expect("imported");
    assert_eq!(report.imported, 2);
    for id in &report.ids {
        assert!(world.indexed(CandidateKind::Provider, id.0), "{id}");
    }

    // A broken line and an unknown postcode: both listed by line, nothing stored.
    let unknown = line("Nowhere").replace(POSTCODE, "ZZ9 9ZZ");
    let file = format!("{}\n{{\"name\": 3}}\n{unknown}\n", line("Third"));
    match world.service.import_providers(file.as_bytes(), &|_| {}) {
        Err(ServiceError::ImportRejected(rows)) => {
            let lines: Vec<(u64, &str)> =
                rows.iter().map(|r| (r.line, r.column.as_str())).collect();
            assert_eq!(lines, [(2, ""), (3, "postcode")], "{rows:?}");
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert!(!world.indexed(CandidateKind::Provider, report.ids[1].0 + 1));
    assert!(matches!(
        world.service.import_providers(b"\n\n", &|_| {}),
        Err(ServiceError::ImportRejected(rows)) if rows.len() == 1
    ));
}

#[test]
fn an_imported_provider_keeps_the_uuid_its_line_gives_and_a_uuid_is_never_given_twice() {
    let world = World::new();
    let with_uuid = |name: &str, uuid: serde_json::Value| {
        let mut line = serde_json::to_value(provider(name)).expect("json");
        line["uuid"] = uuid;
        line.to_string()
    };
    let kept = "6f1c3a2e-8d4b-4c9a-9e1f-2b3c4d5e6f70";
    let file = format!(
        "{}\n{}\n",
        with_uuid("Kept", serde_json::json!(kept)),
        with_uuid("Drawn", serde_json::Value::Null)
    );
    let report = world
        .service
        .import_providers(file.as_bytes(), &|_| {})
        .expect("imported");
    let origin = |i: usize| {
        world
            .service
            .store()
            .provider_origin(report.ids[i])
            .expect("read")
            .expect("live")
            .uuid
    };
    assert_eq!(origin(0).to_string(), kept);
    assert_ne!(origin(1).to_string(), kept, "null: the usual id");

    // Not a UUID, a number, the same uuid twice: bad lines, every one listed.
    let twice = "0a1b2c3d-0000-4000-8000-000000000001";
    let file = [
        with_uuid("A", serde_json::json!("not-a-uuid")),
        with_uuid("B", serde_json::json!(7)),
        with_uuid("C", serde_json::json!(twice)),
        with_uuid("D", serde_json::json!(twice)),
    ]
    .join("\n");
    match world.service.import_providers(file.as_bytes(), &|_| {}) {
        Err(ServiceError::ImportRejected(rows)) => {
            let lines: Vec<(u64, &str)> =
                rows.iter().map(|r| (r.line, r.column.as_str())).collect();
            assert_eq!(lines, [(1, "uuid"), (2, "uuid"), (4, "uuid")], "{rows:?}");
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    // A uuid already held (even by a deleted provider): a conflict, nothing stored.
    world
        .service
        .store()
        .delete_provider(report.ids[0], &carematch_domain::Actor::system("test"))
        .expect("delete");
    let file = format!(
        "{}\n{}\n",
        with_uuid("Fresh", serde_json::Value::Null),
        with_uuid("Again", serde_json::json!(kept))
    );
    match world.service.import_providers(file.as_bytes(), &|_| {}) {
        Err(ServiceError::ImportConflict(rows)) => {
            let lines: Vec<(u64, &str)> =
                rows.iter().map(|r| (r.line, r.column.as_str())).collect();
            assert_eq!(lines, [(2, "uuid")], "{rows:?}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn only_the_agency_that_holds_a_carer_writes_it() {
    let world = World::new();
    let [north, south] = world.agencies;
    let created = world.north_carer("Wingyee");
    let other = Caller::Agency(south);
    assert!(matches!(
        world
            .service
            .update_carer(other, created.id, &created.details, None),
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        world.service.edit_carer(other, created.id, |_| {}),
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        world.service.delete_carer(other, created.id),
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        world
            .service
            .delete_carer(Caller::Admin, CarerId(created.id.0 + 1000)),
        Err(ServiceError::NotFound { .. })
    ));
    assert!(world.indexed(CandidateKind::Carer, created.id.0));

    // A stale version is the store's conflict; nothing changes.
    let stale = world.service.update_carer(
        Caller::Admin,
        created.id,
        &created.details,
        Some(created.version + 7),
    );
    assert!(matches!(
        stale,
        Err(ServiceError::Store(StoreError::VersionConflict { .. }))
    ));

    // Who a carer write acts for.
    assert_eq!(acting_agency(Caller::Agency(north), None).ok(), Some(north));
    assert_eq!(
        acting_agency(Caller::Agency(north), Some(north.0)).ok(),
        Some(north)
    );
    assert!(matches!(
        acting_agency(Caller::Agency(north), Some(south.0)),
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        acting_agency(Caller::Admin, None),
        Err(ServiceError::Validation(fields)) if fields[0].field == "agency_id"
    ));
}

#[test]
fn unknown_postcodes_and_agencies_are_named_fields() {
    let world = World::new();
    let mut details = carer("Wingyee");
    details.postcode = carematch_domain::Postcode::parse("ZZ9 9ZZ").expect("well formed");
    assert!(matches!(
        world.service.create_carer(world.agencies[0], &details, &carematch_domain::Actor::system("test")),
        Err(ServiceError::Validation(fields))
            if fields[0].field == "postcode" && fields[0].code == "unknown_postcode"
    ));
    let unknown = carematch_domain::AgencyId(world.agencies[1].0 + 100);
    assert!(matches!(
        world.service.create_carer(unknown, &carer("Wingyee"), &carematch_domain::Actor::system("test")),
        Err(ServiceError::Validation(fields)) if fields[0].field == "agency_id"
    ));
    assert!(world.found("Wingyee").is_empty());
}
