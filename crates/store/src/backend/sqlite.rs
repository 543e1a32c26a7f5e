//! SQLite's side of [`super`]: pragmas, `BEGIN IMMEDIATE`, the file's folder, the row-by-row
//! postcode upsert.

use diesel::QueryResult;
use diesel::connection::{AnsiTransactionManager, SimpleConnection};
use diesel::sqlite::SqliteConnection;

use crate::postcodes::NewPostcodeRow;

/// Foreign keys are off by default in SQLite, WAL lets readers run beside the writer, and
/// `busy_timeout` makes a second writer wait instead of failing at once.
pub(super) fn on_acquire(conn: &mut SqliteConnection) -> QueryResult<()> {
    conn.batch_execute(
        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
         PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
    )
}

/// `BEGIN IMMEDIATE`: take the write lock now (waiting up to `busy_timeout`) rather than fail
/// when a read turns into a write; it also admits one writer at a time, so the change log's
/// order is commit order without a lock of our own.
pub(super) fn begin_write(conn: &mut SqliteConnection) -> QueryResult<()> {
    AnsiTransactionManager::begin_transaction_sql(conn, "BEGIN IMMEDIATE")
}

/// Creates the database file's folder (not for `:memory:` or `file:` URIs).
pub(super) fn create_folder(path: &str) -> std::io::Result<()> {
    let is_file = !(path == ":memory:" || path.starts_with("file:"));
    let parent = std::path::Path::new(path)
        .parent()
        .filter(|parent| is_file && !parent.as_os_str().is_empty());
    match parent {
        Some(parent) => std::fs::create_dir_all(parent),
        None => Ok(()),
    }
}

/// One cached single-row statement per postcode: diesel has no multi-row upsert on SQLite.
pub(super) fn upsert_postcodes(
    conn: &mut SqliteConnection,
    rows: &[NewPostcodeRow],
) -> QueryResult<()> {
    for row in rows {
        super::upsert_postcodes_on!(conn, row)?;
    }
    Ok(())
}
