//! `carematch import openreferral` over HTTP against a feed served from a local port: a
//! generated feed of 1,000+ services read page by page (each summary completed from
//! `/services/{id}`), then re-run (all unchanged), changed (updated), shortened (retired),
//! broken (rejected record by record, nothing written) and failing mid-way with a 500 (nothing
//! half-imported); likely duplicates of a provider made by hand are flagged. On SQLite, and
//! on PostgreSQL when `CAREMATCH_TEST_DATABASE_URL` names one.
//!
//! The shared profile example (`CAREMATCH_OPENREFERRAL_EXAMPLES`, which `.ci/run` sets to
//! `../shared/standards/openreferral-uk/examples`) is served too when the variable is set: as
//! published it is rejected with its field paths (coordinates 100/101, a US postal code, no
//! carematch service); made importable it is imported. Without the variable that part is
//! skipped; with it, a missing file fails.

mod openreferral {
    pub mod feed;
    pub mod server;
}

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use carematch_domain::{GeoPoint, ProviderDetails, SourceKind};
use carematch_testkit::TestDb;
use openreferral::feed;
use openreferral::server::FeedServer;
use serde_json::{Value, json};

const GENERATED: usize = 1_000;

fn carematch(db: &TestDb, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carematch"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("CAREMATCH_DATABASE_URL", &db.url)
        .env("CAREMATCH_LOG", "error")
        .output()
        .expect("start carematch")
}

/// Runs the import and returns its exit status and JSON report.
fn import(db: &TestDb, dir: &Path, source: &str) -> (bool, Value) {
    let report = dir.join("report.json");
    let _ = std::fs::remove_file(&report);
    let output = carematch(
        db,
        dir,
        &[
            "import",
            "openreferral",
            source,
            "--per-page",
            "100",
            "--retries",
            "0",
            "--report",
            report.to_str().expect("utf-8 path"),
        ],
    );
    let report = std::fs::read(&report)
        .ok()
        .map(|bytes| serde_json::from_slice(&bytes).expect("the report is JSON"))
        .unwrap_or(Value::Null);
    if output.status.success() {
        assert_eq!(report["imported"], true, "{report}");
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.is_empty(), "a failure says why");
    }
    (output.status.success(), report)
}

fn counts(report: &Value) -> [u64; 4] {
    ["created", "updated", "unchanged", "retired"].map(|k| report[k].as_u64().unwrap_or(u64::MAX))
}

/// The names of the live providers imported from `feed`, sorted.
fn held_names(db: &TestDb, feed: &str) -> Vec<String> {
    let mut names: Vec<String> = db
        .store
        .providers_from_feed(SourceKind::OpenReferral, feed)
        .expect("providers")
        .into_iter()
        .map(|(p, _)| p.details.name)
        .collect();
    names.sort();
    names
}

fn examples_dir() -> Option<PathBuf> {
    carematch_testkit::shared_dir("CAREMATCH_OPENREFERRAL_EXAMPLES")
}

fn example_service(dir: &Path) -> Value {
    let path = dir.join("service_full.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared examples are needed)", path.display()));
    serde_json::from_str(&text).expect("the example is JSON")
}

/// A provider made by hand with the same name and postcode as generated service 7.
fn hand_made_twin(db: &TestDb) {
    let details: ProviderDetails = serde_json::from_value(json!({
        "name": "The Community Service 7 Ltd", "kind": "charity", "staff_languages": ["eng"],
        "services": ["companionship"], "postcode": "LE2 0AA",
        "service_area": {"type": "radius", "km": 5.0}, "accepting_new_clients": true,
        "accepting_confirmed_on": "2026-12-01", "self_referral": true,
        "last_confirmed_on": "2026-12-01"
    }))
    .expect("details");
    let point = GeoPoint::new(52.6221, -1.1227).expect("point");
    db.store
        .insert_provider(
            None,
            &details,
            point,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
}

#[test]
fn a_feed_over_http_is_imported_updated_retired_and_never_half_written() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().expect("temp dir");
    hand_made_twin(&db);
    let mut services = feed::generated(GENERATED);
    let example = examples_dir().map(|d| example_service(&d));
    if let Some(example) = &example {
        services.push(feed::importable_example(example));
    }
    let total = services.len() as u64;
    let server = FeedServer::start(services.clone());
    let base = server.base.clone();

    // First run: everything created, page by page; the hand-made twin flagged, not merged.
    let (ok, report) = import(&db, dir.path(), &base);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), [total, 0, 0, 0]);
    assert_eq!(
        report["records"].as_array().map(Vec::len),
        Some(total as usize)
    );
    let duplicates = report["duplicates"].as_array().expect("duplicates");
    assert_eq!(duplicates.len(), 1, "{duplicates:?}");
    assert_eq!(duplicates[0]["reasons"], json!(["name", "postcode"]));
    assert_eq!(held_names(&db, &base).len() as u64, total);
    let flags = db
        .store
        .list_duplicates(None, carematch_store::Page::new(1, 10))
        .expect("flags");
    assert_eq!(flags.total, 1);
    if example.is_some() {
        let names = held_names(&db, &base);
        assert!(
            names.contains(&"Community Counselling".to_owned()),
            "the example came in"
        );
    }

    // Re-run: nothing changed.
    let (ok, report) = import(&db, dir.path(), &base);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), [0, 0, total, 0]);
    assert_eq!(report["duplicates"], json!([]));

    // A service renamed, one dropped, one now defunct.
    services[3]["name"] = json!("Community Service 3 (renamed)");
    let dropped = services.remove(10);
    services[20]["status"] = json!("defunct");
    server.set_services(services.clone());
    let (ok, report) = import(&db, dir.path(), &base);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), [0, 1, total - 3, 2]);
    assert_eq!(report["withdrawn"], 1);
    let retired: Vec<&Value> = report["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter(|r| r["action"] == "retired")
        .map(|r| &r["source_id"])
        .collect();
    assert!(retired.contains(&&dropped["id"]), "{retired:?}");
    let names = held_names(&db, &base);
    assert!(names.contains(&"Community Service 3 (renamed)".to_owned()));
    assert!(!names.contains(&"Community Service 10".to_owned()));
    let before = names;

    // Broken records: every one reported with its field path; nothing written.
    let mut broken = services.clone();
    broken[0]["id"] = json!("not-a-uuid");
    broken[1]["service_at_locations"][0]["location"]["latitude"] = json!(100);
    broken[2].as_object_mut().expect("object").remove("status");
    broken[5]["name"] = json!("Renamed but never stored");
    server.set_services(broken);
    let (ok, report) = import(&db, dir.path(), &base);
    assert!(!ok);
    assert_eq!(report["imported"], false);
    let rejected = report["rejected"].as_array().expect("rejected");
    let fields: Vec<(u64, String)> = rejected
        .iter()
        .map(|r| {
            (
                r["record"].as_u64().expect("number"),
                r["problems"][0]["field"]
                    .as_str()
                    .expect("field")
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (1, "id".to_owned()),
            (2, "service_at_locations[0].location.latitude".to_owned()),
            (3, String::new()),
        ]
    );
    assert!(
        rejected[2]["problems"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("status"))
    );
    assert_eq!(held_names(&db, &base), before, "nothing written");

    // A server error part-way through the pages: nothing half-imported.
    let mut changed = services.clone();
    changed[0]["name"] = json!("Changed before the failure");
    server.set_services(changed);
    server.fail_from(400);
    let (ok, _) = import(&db, dir.path(), &base);
    assert!(!ok, "a feed that breaks off is an error");
    assert_eq!(held_names(&db, &base), before, "nothing half-imported");

    // The same feed again, whole: as before.
    server.set_services(services);
    let (ok, report) = import(&db, dir.path(), &base);
    assert!(ok, "{report}");
    assert_eq!(counts(&report), [0, 0, total - 2, 0]);
}

#[test]
fn the_shared_example_as_published_is_rejected_with_its_field_paths() {
    let Some(dir) = examples_dir() else {
        eprintln!("skipped: CAREMATCH_OPENREFERRAL_EXAMPLES is not set");
        return;
    };
    let db = TestDb::new();
    let work = tempfile::tempdir().expect("temp dir");
    let server = FeedServer::start(vec![example_service(&dir)]);
    let (ok, report) = import(&db, work.path(), &server.base);
    assert!(!ok);
    let problems: Vec<&str> = report["rejected"][0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["field"].as_str().expect("field"))
        .collect();
    assert_eq!(
        problems,
        [
            "service_at_locations[0].location.addresses[0].postal_code",
            "service_at_locations[0].location.latitude",
            "attributes",
        ]
    );
    assert!(held_names(&db, &server.base).is_empty());
}

#[test]
fn files_page_array_and_ndjson_read_alike() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let services = feed::generated(30);
    let ndjson: String = services.iter().map(|s| format!("{s}\n")).collect();
    let folder = dir.path().join("export");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("services.ndjson"), ndjson).expect("write");
    let (ok, report) = import(&db, dir.path(), folder.to_str().expect("utf-8"));
    assert!(ok, "{report}");
    assert_eq!(counts(&report), [30, 0, 0, 0]);
    // The same services as a JSON array, under another name: another feed, same records.
    let array = dir.path().join("array.json");
    std::fs::write(&array, Value::Array(services.clone()).to_string()).expect("write");
    let (ok, report) = import(&db, dir.path(), array.to_str().expect("utf-8"));
    assert!(ok, "{report}");
    assert_eq!(counts(&report), [30, 0, 0, 0]);
    // And as a page, broken on one line of NDJSON: rejected with its line.
    let broken = dir.path().join("broken.ndjson");
    std::fs::write(&broken, format!("{}\n{{not json\n", services[0])).expect("write");
    let (ok, report) = import(&db, dir.path(), broken.to_str().expect("utf-8"));
    assert!(!ok);
    assert_eq!(report["rejected"][0]["place"], "line 2");
}
