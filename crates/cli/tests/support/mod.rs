//! Running the built binary from the CLI's test files (each includes this module).

use std::path::Path;
use std::process::{Command, Output};

/// Runs `carematch ARGS` in `dir` with nothing but the database URL and a quiet log from the
/// environment (no settings file: the folder is the test's own).
pub fn carematch(url: &str, dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carematch"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("CAREMATCH_DATABASE_URL", url)
        .env("CAREMATCH_LOG", "warn")
        .output()
        .expect("start carematch")
}

/// [`carematch`], which must succeed; its standard output.
#[allow(
    dead_code,
    reason = "not every test file that includes this module runs commands to success"
)]
pub fn succeeds(url: &str, dir: &Path, args: &[&str]) -> String {
    let output = carematch(url, dir, args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "carematch {args:?}: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}
