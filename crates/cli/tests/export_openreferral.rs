//! `carematch export openreferral DIR [--ndjson]`: one file per object kind, the same objects
//! as the API publishes, providers only (the demo fixtures' 2,000 PAs never appear), and the
//! same ids from a second database seeded with the same records.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use carematch_testkit::{TestDb, seed_demo_fixtures};
use serde_json::Value;

const KINDS: [&str; 6] = [
    "services",
    "organizations",
    "locations",
    "service_at_locations",
    "taxonomies",
    "taxonomy_terms",
];

fn carematch(db: &TestDb, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carematch"))
        .args(args)
        .env_clear()
        .env("CAREMATCH_DATABASE_URL", &db.url)
        .env("CAREMATCH_LOG", "warn")
        .output()
        .expect("start carematch")
}

fn export(db: &TestDb, dir: &Path, ndjson: bool) {
    let dir = dir.to_str().expect("utf-8 path");
    let mut args = vec!["export", "openreferral", dir];
    if ndjson {
        args.push("--ndjson");
    }
    let out = carematch(db, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn read_json(dir: &Path, kind: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(format!("{kind}.json"))).expect("file");
    serde_json::from_str(&text).expect("a JSON array")
}

fn read_ndjson(dir: &Path, kind: &str) -> Vec<Value> {
    std::fs::read_to_string(dir.join(format!("{kind}.ndjson")))
        .expect("file")
        .lines()
        .map(|line| serde_json::from_str(line).expect("one object per line"))
        .collect()
}

fn ids(items: &[Value]) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn exports_every_kind_as_json_and_ndjson_with_stable_ids() {
    let db = TestDb::new();
    seed_demo_fixtures(&db.store);
    let providers = db.store.provider_origins().expect("origins");
    let uuids: BTreeSet<String> = providers.values().map(|o| o.uuid.to_string()).collect();

    let json_dir = tempfile::tempdir().expect("dir");
    export(&db, json_dir.path(), false);
    let services = read_json(json_dir.path(), "services");
    assert_eq!(
        ids(&services),
        uuids,
        "one service per live provider, no PA"
    );
    for kind in ["organizations", "locations", "service_at_locations"] {
        assert_eq!(
            read_json(json_dir.path(), kind).len(),
            uuids.len(),
            "{kind}"
        );
    }
    let sal = &read_json(json_dir.path(), "service_at_locations")[0];
    assert!(sal.get("service").is_none() && sal["service_id"].is_string());
    let taxonomies = read_json(json_dir.path(), "taxonomies");
    let terms = read_json(json_dir.path(), "taxonomy_terms");
    let nested: usize = taxonomies
        .iter()
        .map(|t| t["taxonomy_terms"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(nested, terms.len());
    let attributes: BTreeSet<String> = services
        .iter()
        .flat_map(|s| s["attributes"].as_array().cloned().unwrap_or_default())
        .map(|a| a["taxonomy_term_id"].as_str().expect("term id").to_owned())
        .collect();
    assert!(
        attributes.is_subset(&ids(&terms)),
        "attributes name published terms"
    );
    let leftovers: Vec<_> = std::fs::read_dir(json_dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left");

    let ndjson_dir = tempfile::tempdir().expect("dir");
    export(&db, ndjson_dir.path(), true);
    for kind in KINDS {
        assert_eq!(
            read_ndjson(ndjson_dir.path(), kind),
            read_json(json_dir.path(), kind),
            "{kind}: the same objects either way"
        );
    }

    // A second database seeded with the same records publishes the same ids.
    let other = TestDb::new();
    seed_demo_fixtures(&other.store);
    let other_dir = tempfile::tempdir().expect("dir");
    export(&other, other_dir.path(), false);
    for kind in KINDS {
        assert_eq!(
            ids(&read_json(other_dir.path(), kind)),
            ids(&read_json(json_dir.path(), kind)),
            "{kind}"
        );
    }
}
