//! PostgreSQL's side of [`super`]: the writer lock and the multi-row postcode upsert.

use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::pg::PgConnection;
use diesel::{QueryResult, RunQueryDsl};

use crate::postcodes::NewPostcodeRow;

/// The key of the PostgreSQL advisory lock every writing transaction takes first (`carematc`
/// in ASCII).
///
/// Why: `changes.seq` comes from a sequence, and a sequence hands out numbers when a row is
/// inserted, not when its transaction commits. Two concurrent writers could take seq 10 and 11,
/// and 11 could commit first; a follower reading `seq > 9` would then see 11, remember 11, and
/// never see 10 when it commits a moment later. Holding one lock from the start of every writing
/// transaction until its commit makes commit order equal seq order, so `seq > last` never skips
/// a row. Reads take no lock. (SQLite needs no such lock: `BEGIN IMMEDIATE` already admits one
/// writer at a time.)
pub const WRITER_LOCK: i64 = 0x6361_7265_6d61_7463;

/// `BEGIN`.
pub(super) fn begin_write(conn: &mut PgConnection) -> QueryResult<()> {
    AnsiTransactionManager::begin_transaction(conn)
}

/// Takes [`WRITER_LOCK`], held until the transaction ends.
pub(super) fn lock_writers(conn: &mut PgConnection) -> QueryResult<()> {
    diesel::sql_query(format!("SELECT pg_advisory_xact_lock({WRITER_LOCK})"))
        .execute(conn)
        .map(|_| ())
}

/// One multi-row statement per batch.
pub(super) fn upsert_postcodes(
    conn: &mut PgConnection,
    rows: &[NewPostcodeRow],
) -> QueryResult<()> {
    super::upsert_postcodes_on!(conn, rows).map(|_| ())
}
