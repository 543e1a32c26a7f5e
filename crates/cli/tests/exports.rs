//! `carematch export`: what goes out comes back. Providers exported as JSON Lines and imported
//! with `carematch import providers` into a fresh database are the same records with the same
//! public ids; the providers' CSV has the documented columns, one row per provider, formulas
//! neutralised; an agency's register exported and imported with `carematch import carers` into
//! a fresh database, for a new agency, is the same register. The binary runs as a user runs it.
//! SQLite by default, PostgreSQL when `CAREMATCH_TEST_DATABASE_URL` names a server.

use std::path::Path;
use std::process::Output;

use carematch_domain::{
    CarerDetails, Postcode, Provenance, Provider, ProviderDetails, ProviderOrigin, SourceKind,
};
use carematch_store::gazetteer::GazetteerReader;
use carematch_store::{NewCarer, NewProvider, Store};
use carematch_testkit::TestDb;
use carematch_testkit::records::{
    agency_register, changed_carer, changed_provider, full_carer, full_provider,
};
use chrono::{TimeZone, Utc};

mod support;

fn carematch(db: &TestDb, dir: &Path, args: &[&str]) -> Output {
    support::carematch(&db.url, dir, args)
}

/// The documented columns of `export providers --csv` (docs/export.md), in order.
const PROVIDER_COLUMNS: &[&str] = &[
    "uuid",
    "name",
    "kind",
    "description",
    "communities",
    "staff_languages",
    "cuisines",
    "dietary_laws",
    "medical_diets",
    "faith_practices",
    "services",
    "experience",
    "lgbt_inclusive",
    "delivery_modes",
    "postcode",
    "service_area_km",
    "service_area_polygon",
    "accepting_new_clients",
    "accepting_confirmed_on",
    "checks",
    "phone",
    "email",
    "website",
    "self_referral",
    "hourly_rate",
    "opening_hours",
    "last_confirmed_on",
    "source",
    "source_feed",
    "source_id",
    "fetched_at",
];

fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{:?}; stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// A fresh database with the demo gazetteer, so postcodes locate.
fn fresh() -> TestDb {
    let db = TestDb::new();
    let gazetteer = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv");
    let reader = GazetteerReader::open(Path::new(gazetteer)).expect("gazetteer");
    db.store
        .import_postcodes(reader, &|_| {})
        .expect("import postcodes");
    db
}

fn located(store: &Store, postcode: &Postcode) -> carematch_domain::GeoPoint {
    store
        .locate(postcode)
        .expect("locate")
        .expect("a known postcode")
        .point
}

/// Providers that fill every field, leave optional ones empty, begin text with formula
/// triggers, and one that came from the CQC register (a source's name-based public id).
fn providers(store: &Store) {
    let mut formulas = changed_provider();
    formulas.name = "=Ujala, \"Day\" Centre".to_owned();
    formulas.description = "- lunches\n+ outings".to_owned();
    formulas.contact.phone = Some("+44 121 496 0000".to_owned());
    formulas.external_ref = Some("@ORG-9".to_owned());
    let plain = |details: ProviderDetails| {
        let location = located(store, &details.postcode);
        NewProvider::new(None, details, location)
    };
    let mut cqc = plain(changed_provider());
    cqc.details.name = "Registered Home Care".to_owned();
    cqc.provenance = Some(Provenance {
        source: SourceKind::Cqc,
        feed: "cqc".to_owned(),
        source_id: "1-123456789".to_owned(),
        fetched_at: Utc
            .with_ymd_and_hms(2026, 12, 1, 6, 0, 0)
            .single()
            .expect("time"),
    });
    let rows = vec![
        plain(full_provider()),
        plain(changed_provider()),
        plain(formulas),
        cqc,
    ];
    store
        .insert_providers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
}

fn held(store: &Store) -> Vec<(Provider, ProviderOrigin)> {
    store.providers_with_origins().expect("providers")
}

#[test]
fn providers_exported_as_json_lines_import_into_a_fresh_database_as_the_same_records() {
    let dir = tempfile::tempdir().expect("folder");
    let from = fresh();
    providers(&from.store);
    let file = dir.path().join("providers.jsonl");
    let file_arg = file.to_str().expect("path");
    succeeded(&carematch(
        &from,
        dir.path(),
        &["export", "providers", "--output", file_arg],
    ));
    // Standard output gets the same lines.
    let stdout = succeeded(&carematch(&from, dir.path(), &["export", "providers"]));
    assert_eq!(stdout, std::fs::read_to_string(&file).expect("file"));
    assert_eq!(stdout.lines().count(), 4);

    let to = fresh();
    succeeded(&carematch(
        &to,
        dir.path(),
        &["import", "providers", file_arg],
    ));
    let before = held(&from.store);
    let after = held(&to.store);
    assert_eq!(after.len(), before.len());
    for ((old, old_origin), (new, new_origin)) in before.iter().zip(&after) {
        assert_eq!(new.details, old.details, "every field");
        assert_eq!(new.location, old.location);
        assert_eq!(new_origin.uuid, old_origin.uuid, "the public id is kept");
        // The new database did not fetch it from the source: a record of its own.
        assert_eq!(new_origin.provenance, None);
    }

    // The same file again: every public id is taken, so nothing is imported.
    let again = carematch(&to, dir.path(), &["import", "providers", file_arg]);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("uuid"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(held(&to.store).len(), before.len());
}

#[test]
fn providers_csv_has_the_documented_columns_one_row_each_and_no_live_formulas() {
    let dir = tempfile::tempdir().expect("folder");
    let db = fresh();
    providers(&db.store);
    let text = succeeded(&carematch(
        &db,
        dir.path(),
        &["export", "providers", "--csv"],
    ));
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, PROVIDER_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let providers = held(&db.store);
    assert_eq!(rows.len(), providers.len());
    let cell = |row: &csv::StringRecord, column: &str| -> String {
        let at = PROVIDER_COLUMNS
            .iter()
            .position(|c| *c == column)
            .expect("a column");
        row.get(at).expect("a cell").to_owned()
    };
    for (row, (provider, origin)) in rows.iter().zip(&providers) {
        assert_eq!(cell(row, "uuid"), origin.uuid.to_string());
        assert_eq!(cell(row, "postcode"), provider.details.postcode.to_string());
        // No cell can run as a formula: each that would begins with `'`.
        for value in row.iter() {
            assert!(
                carematch_domain::spreadsheet::formula_trigger(value).is_none(),
                "{value:?}"
            );
        }
    }
    let full = &rows[0];
    assert_eq!(cell(full, "staff_languages"), "yue;cmn;vie");
    assert_eq!(cell(full, "phone"), "'+44 116 496 0999");
    assert_eq!(cell(full, "service_area_km"), "");
    let polygon: Vec<Vec<[f64; 2]>> =
        serde_json::from_str(&cell(full, "service_area_polygon")).expect("GeoJSON coordinates");
    assert_eq!(polygon.len(), 2);
    assert_eq!(
        cell(full, "checks"),
        "cqc_registered:2027-06-30:1-123456789;public_liability_insurance:2027-01-31",
        "the CQC location id is public; a certificate number is not"
    );
    assert_eq!(
        cell(full, "opening_hours"),
        "wed 11:30-14:00;fri 20:00-08:00 overnight"
    );
    assert_eq!(cell(full, "hourly_rate"), "22.50");
    assert_eq!(cell(full, "self_referral"), "yes");
    assert_eq!(cell(full, "source"), "");
    let plain = &rows[1];
    assert_eq!(cell(plain, "service_area_km"), "7.5");
    assert_eq!(cell(plain, "hourly_rate"), "");
    let formulas = &rows[2];
    assert_eq!(cell(formulas, "name"), "'=Ujala, \"Day\" Centre");
    assert_eq!(cell(formulas, "description"), "'- lunches\n+ outings");
    assert!(
        !text.contains("@ORG-9"),
        "external references stay in the database"
    );
    let cqc = &rows[3];
    assert_eq!(cell(cqc, "source"), "cqc");
    assert_eq!(cell(cqc, "source_id"), "1-123456789");
    assert_eq!(cell(cqc, "fetched_at"), "2026-12-01T06:00:00Z");
}

#[test]
fn a_register_exported_then_imported_into_a_fresh_database_for_a_new_agency_is_the_same() {
    let dir = tempfile::tempdir().expect("folder");
    let from = fresh();
    let agency = from.store.create_agency("Exporting").expect("agency").id;
    let mut plain = changed_carer();
    plain.postcode = Postcode::parse("B33 0AH").expect("postcode");
    let mut formulas = plain.clone();
    formulas.contact.phone = Some("+44 116 496 0123".to_owned());
    formulas.bio = "- cooks, \"well\"\n@ weekends".to_owned();
    formulas.external_ref = Some("PA-F".to_owned());
    let carers: Vec<CarerDetails> = vec![full_carer(), plain, formulas];
    let rows: Vec<NewCarer> = carers
        .iter()
        .map(|details| NewCarer {
            agency_id: agency,
            details: details.clone(),
            location: located(&from.store, &details.postcode),
        })
        .collect();
    from.store
        .insert_carers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
    let file = dir.path().join("register.csv");
    let file_arg = file.to_str().expect("path");
    let agency_arg = agency.0.to_string();
    succeeded(&carematch(
        &from,
        dir.path(),
        &[
            "export",
            "register",
            "--agency",
            &agency_arg,
            "--output",
            file_arg,
        ],
    ));

    let to = fresh();
    to.store.create_agency("Someone else").expect("agency");
    let new_agency = to.store.create_agency("Importing").expect("agency").id;
    let new_arg = new_agency.0.to_string();
    succeeded(&carematch(
        &to,
        dir.path(),
        &["import", "carers", file_arg, "--agency", &new_arg],
    ));
    let before = agency_register(&from.store, agency);
    let after = agency_register(&to.store, new_agency);
    assert_eq!(after.len(), carers.len());
    for (old, new) in before.iter().zip(&after) {
        assert_eq!(new.details, old.details, "every field");
        assert_eq!(new.location, old.location);
    }

    // An unknown agency: an error, and no file.
    let missing = dir.path().join("missing.csv");
    let out = carematch(
        &from,
        dir.path(),
        &[
            "export",
            "register",
            "--agency",
            "9999",
            "--output",
            missing.to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("agency 9999"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!missing.exists());
    assert!(!dir.path().join("missing.csv.partial").exists());
}
