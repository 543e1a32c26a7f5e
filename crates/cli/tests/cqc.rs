//! `carematch generate cqc` and `carematch import cqc` end to end, on SQLite or (when
//! `CAREMATCH_TEST_DATABASE_URL` names a server) PostgreSQL: a generated register imports
//! from ODS, its CSV export re-imports as unchanged, and a file with bad rows is rejected with
//! every row listed and nothing written.

use std::path::Path;

use carematch_domain::SourceKind;
use carematch_domain::vocabulary::CheckKind;
use carematch_testkit::{TestDb, fixtures_dir};

mod support;

/// A fresh database with the fixture gazetteer, and a folder to run in.
fn setup() -> (TestDb, tempfile::TempDir) {
    let db = TestDb::new();
    let tmp = tempfile::tempdir().expect("temp dir");
    let gazetteer = fixtures_dir().join("gazetteer.csv");
    ok(
        &db,
        tmp.path(),
        &["import", "postcodes", &gazetteer.display().to_string()],
    );
    (db, tmp)
}

fn ok(db: &TestDb, dir: &Path, args: &[&str]) -> String {
    support::succeeds(&db.url, dir, args)
}

#[test]
fn a_generated_register_imports_from_ods_and_its_csv_reimports_unchanged() {
    let (db, tmp) = setup();
    let dir = tmp.path();
    for file in ["register.ods", "register.csv"] {
        let out = ok(
            &db,
            dir,
            &[
                "generate",
                "cqc",
                "--locations",
                "300",
                "--seed",
                "5",
                "--as-at",
                "2026-12-01",
                "--out",
                file,
            ],
        );
        assert!(out.contains("wrote 300 CQC locations"), "{out}");
    }
    let out = ok(
        &db,
        dir,
        &[
            "import",
            "cqc",
            "register.ods",
            "--as-of",
            "2026-12-01",
            "--report",
            "report.json",
        ],
    );
    assert!(out.contains("register.ods: 300 rows"), "{out}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).expect("report"))
            .expect("json");
    let in_scope = report["in_scope"].as_u64().expect("in_scope");
    let skipped = report["skipped"].as_array().expect("skipped").len() as u64;
    assert_eq!(in_scope + skipped, 300, "every row is imported or reported");
    assert!(
        in_scope > 200,
        "most generated locations are home care: {in_scope}"
    );
    assert_eq!(report["sync"]["created"].as_u64(), Some(in_scope));

    let held = db
        .store
        .providers_from_feed(SourceKind::Cqc, "cqc")
        .expect("feed");
    assert_eq!(held.len() as u64, in_scope);
    for (provider, origin) in &held {
        let id = origin
            .provenance
            .as_ref()
            .expect("provenance")
            .source_id
            .clone();
        let check = provider
            .details
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::CqcRegistered)
            .expect("cqc_registered");
        assert_eq!(check.reference.as_deref(), Some(id.as_str()));
    }

    let out = ok(
        &db,
        dir,
        &["import", "cqc", "register.csv", "--as-of", "2026-12-01"],
    );
    assert!(
        out.contains(&format!(
            "{in_scope} in scope (0 created, 0 updated, {in_scope} unchanged, 0 retired)"
        )),
        "the CSV export is the same register: {out}"
    );
}

#[test]
fn a_file_with_bad_rows_is_rejected_with_every_row_listed() {
    let (db, tmp) = setup();
    let dir = tmp.path();
    std::fs::write(
        dir.join("bad.csv"),
        "HSCA Active Locations\n\
         Location ID,Location Name,Location Postal Code,Dormant (Y/N),Service type - Domiciliary care service\n\
         1-1,Good Care,M13 0EG,N,Y\n\
         1-2,Bad Care,NOPE,N,Y\n\
         1-3,Odd Care,M13 0EG,maybe,Y\n\
         1-4,Far Care,M13 0EG,N,X\n",
    )
    .expect("write");
    let output = support::carematch(&db.url, dir, &["import", "cqc", "bad.csv"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in [
        "bad.csv:4: Location Postal Code:",
        "bad.csv:5: Dormant (Y/N): expected Y or N, found `maybe`",
        "bad.csv:6: Service type - Domiciliary care service: expected Y, N or blank, found `X`",
        "3 problem(s); nothing was imported",
    ] {
        assert!(stderr.contains(line), "{line} in {stderr}");
    }
    assert!(
        db.store
            .providers_from_feed(SourceKind::Cqc, "cqc")
            .expect("feed")
            .is_empty()
    );
}
