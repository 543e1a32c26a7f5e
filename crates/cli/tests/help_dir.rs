//! `carematch serve` checks a council's help texts (`help_dir`) before it starts: a misspelt
//! message id stops it with the file named, instead of a page that silently keeps the old text.

use std::process::Command;

#[test]
fn serve_refuses_a_help_folder_with_a_misspelt_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let help = dir.path().join("help").join("en");
    std::fs::create_dir_all(&help).expect("folder");
    std::fs::write(help.join("help.ftl"), "help-famly-title = misspelt\n").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_carematch"))
        .arg("serve")
        .current_dir(dir.path())
        .env_clear()
        .env("CAREMATCH_DATABASE_URL", "sqlite://carematch.db")
        .env("CAREMATCH_BIND", "127.0.0.1:0")
        .env("CAREMATCH_HELP_DIR", "help")
        .env("CAREMATCH_LOG", "warn")
        .output()
        .expect("start carematch");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "serve started: {stderr}");
    assert!(stderr.contains("help_dir"), "{stderr}");
    assert!(stderr.contains("en/help.ftl"), "{stderr}");
    assert!(stderr.contains("help-famly-title"), "{stderr}");
}
