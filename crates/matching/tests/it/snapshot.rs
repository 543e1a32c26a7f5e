//! Snapshot files: a value's pretty JSON compared with `tests/it/snapshots/<name>.json`.
//! `UPDATE_SNAPSHOTS=1 cargo test -p carematch-matching` rewrites them; review the diff.

use serde::Serialize;

pub fn check(name: &str, value: &impl Serialize) {
    let path = format!(
        "{}/tests/it/snapshots/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let actual = serde_json::to_string_pretty(value).expect("json") + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}; run with UPDATE_SNAPSHOTS=1 to create it"));
    assert!(
        expected == actual,
        "{name} differs from {path} (UPDATE_SNAPSHOTS=1 rewrites it):\n{actual}"
    );
}
