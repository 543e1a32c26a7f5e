//! The committed `openapi/openapi.json` must equal what the code generates.
//! `UPDATE_OPENAPI=1 cargo test -p carematch-api --test it openapi` (or `just openapi`) rewrites it.

use std::path::PathBuf;

#[test]
fn committed_spec_matches_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../openapi/openapi.json");
    let generated = carematch_api::openapi_document()
        .to_pretty_json()
        .expect("serialise")
        + "\n";
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("write openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date: run `just openapi` (UPDATE_OPENAPI=1 cargo test -p carematch-api --test it openapi) and commit it"
    );
}

#[test]
fn spec_is_openapi_3_1_and_every_operation_is_documented() {
    let doc: serde_json::Value =
        serde_json::from_str(&carematch_api::openapi_document().to_json().expect("json"))
            .expect("parse");
    assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.contains_key("/v1/health"));
    for (path, item) in paths {
        for (method, operation) in item.as_object().expect("path item") {
            for field in ["summary", "description", "tags"] {
                assert!(
                    operation.get(field).is_some(),
                    "{method} {path} has no {field}"
                );
            }
        }
    }
}
