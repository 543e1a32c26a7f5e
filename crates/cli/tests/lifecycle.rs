//! Short commands exit cleanly on PostgreSQL: `carematch migrate` and `carematch keys create`,
//! run again and again as a script would, never end in a crash.
//!
//! Why: the pool used to open connections on r2d2 threads in the background, and a command
//! that returned from `main` while one of them was inside libpq's TLS handshake died with
//! SIGSEGV (OpenSSL's exit handlers freed state the handshake was using), about one run in
//! twelve to twenty, after the key had been stored: a script that retried made duplicates.
//! See docs/architecture.md, "Process lifecycle".
//!
//! Runs when `CAREMATCH_TEST_DATABASE_URL` names a PostgreSQL server (as in `.ci/run`, where it
//! is always set, so this never skips there); without it the test returns at once, since the
//! crash needs libpq.

use std::collections::BTreeSet;
use std::os::unix::process::ExitStatusExt;
use std::process::Output;

use carematch_testkit::TestDb;

/// Runs of each command. At about 70 ms a run this is some 30 s; with the old lifecycle the
/// chance of 400 runs without a crash was below one in a million.
const RUNS: usize = 200;

fn postgres_requested() -> bool {
    std::env::var("CAREMATCH_TEST_DATABASE_URL")
        .is_ok_and(|url| url.starts_with("postgres://") || url.starts_with("postgresql://"))
}

mod support;

fn carematch(db: &TestDb, dir: &std::path::Path, args: &[&str]) -> Output {
    support::carematch(&db.url, dir, args)
}

fn describe(output: &Output) -> String {
    let status = match (output.status.code(), output.status.signal()) {
        (Some(code), _) => format!("exit code {code}"),
        (None, Some(signal)) => format!("killed by signal {signal}"),
        (None, None) => "no exit status".to_owned(),
    };
    format!(
        "{status}; stderr: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    )
}

#[test]
fn keys_create_and_migrate_exit_cleanly_every_time_on_postgresql() {
    if !postgres_requested() {
        eprintln!("skipped: CAREMATCH_TEST_DATABASE_URL does not name a PostgreSQL server");
        return;
    }
    let db = TestDb::new();
    let agency = db.store.create_agency("Lifecycle").expect("agency").id;
    let agency = agency.0.to_string();
    let dir = tempfile::tempdir().expect("working folder");
    let mut failures = Vec::new();
    let mut key_ids = BTreeSet::new();
    for run in 0..RUNS {
        let migrate = carematch(&db, dir.path(), &["migrate"]);
        if !migrate.status.success() {
            failures.push(format!("run {run}, migrate: {}", describe(&migrate)));
        }
        let create = carematch(
            &db,
            dir.path(),
            &["keys", "create", "--role", "agency", "--agency", &agency],
        );
        if !create.status.success() {
            failures.push(format!("run {run}, keys create: {}", describe(&create)));
        }
        // "created agency key 17 (store it now ...)": one new key per run, crash or not.
        let stderr = String::from_utf8_lossy(&create.stderr);
        if let Some(id) = stderr
            .split_whitespace()
            .skip_while(|word| *word != "key")
            .nth(1)
            .and_then(|id| id.parse::<i64>().ok())
        {
            key_ids.insert(id);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs ended abnormally:\n{}",
        failures.len(),
        2 * RUNS,
        failures.join("\n")
    );
    assert_eq!(key_ids.len(), RUNS, "one key per keys create");
    for id in &key_ids {
        assert!(db.store.get_api_key(*id).expect("read key").is_some());
    }
}
