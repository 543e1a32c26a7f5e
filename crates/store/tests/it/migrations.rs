use std::collections::BTreeSet;
use std::path::Path;

use carematch_store::{Backend, Store, StoreError};

use carematch_testkit::TestDb;
use carematch_testkit::records::{carer_ref, precise_point};

fn versions(folder: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../migrations")
        .join(folder);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let entry = entry.expect("entry");
            assert!(entry.path().join("up.sql").is_file(), "{:?}", entry.path());
            assert!(
                entry.path().join("down.sql").is_file(),
                "{:?}",
                entry.path()
            );
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn both_backends_have_the_same_migrations() {
    let sqlite = versions("sqlite");
    let postgres = versions("postgres");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres);
}

#[test]
fn migrations_go_up_down_and_up_again() {
    let db = TestDb::unmigrated();
    let applied = db.store.migrate().expect("up");
    let expected: Vec<String> = versions("sqlite")
        .into_iter()
        // diesel reports the folder's version without its dashes
        .map(|name| name.split('_').next().expect("version").replace('-', ""))
        .collect();
    assert_eq!(applied, expected);
    assert!(db.store.migrate().expect("again").is_empty(), "up to date");

    let agency = db.store.create_agency("A").expect("agency");
    db.store
        .insert_carer(
            agency.id,
            &carer_ref("M"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");

    db.store.revert_all().expect("down");
    assert!(db.store.list_agencies().is_err(), "tables are gone");

    assert_eq!(db.store.migrate().expect("up again"), expected);
    assert!(db.store.list_agencies().expect("empty").is_empty());
    let agency = db.store.create_agency("A").expect("agency");
    db.store
        .insert_carer(
            agency.id,
            &carer_ref("M"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert after up again");
}

#[test]
fn corrupt_rows_are_errors_not_panics() {
    let db = TestDb::new();
    let agency = db.store.create_agency("A").expect("agency");
    let carer = db
        .store
        .insert_carer(
            agency.id,
            &carer_ref("C"),
            precise_point(),
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    db.execute_raw(&format!(
        "UPDATE carers SET gender = 'dragon', cuisines = 'nope' WHERE id = {}",
        carer.id
    ));
    let err = db.store.get_carer(carer.id).expect_err("corrupt");
    match err {
        StoreError::Corrupt { table, id, reason } => {
            assert_eq!(table, "carers");
            assert_eq!(id, carer.id.to_string());
            assert!(reason.contains("dragon"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    db.execute_raw(&format!(
        "UPDATE carers SET gender = 'female', languages = '[{{\"code\":\"xx\"}}]' WHERE id = {}",
        carer.id
    ));
    assert!(matches!(
        db.store.get_carer(carer.id),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(
        db.store.carers_after(None, 10),
        Err(StoreError::Corrupt { .. })
    ));
}

#[test]
fn urls_choose_the_backend() {
    let dir = tempfile::tempdir().expect("dir");
    let nested = dir.path().join("a/b/carematch.db");
    let store = Store::connect(&format!("sqlite://{}", nested.display()), 2).expect("sqlite://");
    assert_eq!(store.backend(), Backend::Sqlite);
    assert!(nested.is_file(), "the file is created");
    store.migrate().expect("migrate");

    let plain = dir.path().join("plain.db");
    let store = Store::connect(&plain.display().to_string(), 1).expect("plain path");
    assert_eq!(store.backend(), Backend::Sqlite);
    store.ping().expect("ping");

    assert!(matches!(
        Store::connect("mysql://localhost/db", 1),
        Err(StoreError::InvalidUrl(_))
    ));
    assert!(matches!(
        Store::connect("", 1),
        Err(StoreError::InvalidUrl(_))
    ));
}
