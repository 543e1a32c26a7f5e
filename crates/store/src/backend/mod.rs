//! Everything that differs between SQLite and PostgreSQL, in one place: the connection type,
//! which backend a URL names, how a connection is opened and prepared, how a writing transaction
//! begins, the migrations, and the statements diesel's multi-backend subset cannot express.
//!
//! The rest of the crate writes each query once against [`DbConnection`]. When a query needs
//! something only the concrete connections offer:
//!
//! - **the same statement on both** (a multi-row `INSERT`, which diesel builds only for a
//!   concrete connection): write it once inside [`each_backend!`];
//! - **a different statement or strategy per backend** (a postcode upsert, how a writing
//!   transaction begins): add a function to `sqlite.rs` and one to `postgres.rs`, and one here
//!   that picks between them.
//!
//! Nothing outside this module names a [`DbConnection`] variant.

mod postgres;
mod sqlite;

use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionResult, QueryResult};
use diesel_migrations::EmbeddedMigrations;

use crate::error::StoreError;
use crate::postcodes::NewPostcodeRow;

pub use postgres::WRITER_LOCK;

/// The SQLite migrations, embedded at build time.
pub const SQLITE_MIGRATIONS: EmbeddedMigrations =
    diesel_migrations::embed_migrations!("../../migrations/sqlite");
/// The PostgreSQL migrations, embedded at build time.
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations =
    diesel_migrations::embed_migrations!("../../migrations/postgres");

/// A connection to either backend. Queries written once against it run on both; the few that
/// cannot be go through this module.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

/// Which database the store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where to connect, decided from the URL scheme (never by trying one driver and then the other).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A file path (or `:memory:` / `file:` URI) for SQLite.
    Sqlite(String),
    /// A `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl Target {
    /// `sqlite://path` or a plain path is SQLite; `postgres://` and `postgresql://` are PostgreSQL.
    pub(crate) fn parse(url: &str) -> Result<Self, StoreError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(StoreError::InvalidUrl(
                "the database URL is empty".to_owned(),
            ));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Target::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() {
            return Err(StoreError::InvalidUrl(format!("`{url}` names no file")));
        }
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(StoreError::InvalidUrl(format!(
                "unsupported scheme `{scheme}://`: use sqlite://PATH, a plain path, or postgres://"
            )));
        }
        Ok(Target::Sqlite(path.to_owned()))
    }

    pub(crate) fn backend(&self) -> Backend {
        match self {
            Target::Sqlite(_) => Backend::Sqlite,
            Target::Postgres(_) => Backend::Postgres,
        }
    }

    /// Creates what must exist before the first connection (a SQLite file's folder).
    pub(crate) fn prepare_location(&self) -> std::io::Result<()> {
        match self {
            Target::Sqlite(path) => sqlite::create_folder(path),
            Target::Postgres(_) => Ok(()),
        }
    }

    /// Opens one connection of the backend the URL named.
    pub(crate) fn establish(&self) -> ConnectionResult<DbConnection> {
        match self {
            Target::Sqlite(path) => SqliteConnection::establish(path).map(DbConnection::Sqlite),
            Target::Postgres(url) => PgConnection::establish(url).map(DbConnection::Pg),
        }
    }
}

/// Runs `$body` with `$c` bound to the concrete connection inside a [`DbConnection`], for a
/// statement written once that diesel builds only for a concrete connection (multi-row
/// `INSERT`: outside diesel's multi-backend subset, and special-cased on `SqliteConnection`).
/// Both arms must have the same type.
macro_rules! each_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::backend::DbConnection::Sqlite($c) => $body,
            $crate::backend::DbConnection::Pg($c) => $body,
        }
    };
}
pub(crate) use each_backend;

/// Readies a connection each time the pool hands it out (SQLite's pragmas; nothing on
/// PostgreSQL).
pub(crate) fn on_acquire(conn: &mut DbConnection) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(conn) => sqlite::on_acquire(conn),
        DbConnection::Pg(_) => Ok(()),
    }
}

/// Begins a writing transaction: `BEGIN IMMEDIATE` on SQLite (which also admits one writer at
/// a time), `BEGIN` on PostgreSQL. The caller then calls [`lock_writers`] inside it, and commits
/// or rolls back through the connection's transaction manager.
pub(crate) fn begin_write(conn: &mut DbConnection) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(conn) => sqlite::begin_write(conn),
        DbConnection::Pg(conn) => postgres::begin_write(conn),
    }
}

/// Makes the writing transaction the only one until it ends: [`WRITER_LOCK`] on PostgreSQL;
/// nothing on SQLite, where `BEGIN IMMEDIATE` already did.
pub(crate) fn lock_writers(conn: &mut DbConnection) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(_) => Ok(()),
        DbConnection::Pg(conn) => postgres::lock_writers(conn),
    }
}

/// Applies this backend's pending migrations; the versions applied.
pub(crate) fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, StoreError> {
    use diesel_migrations::MigrationHarness;
    let applied = match conn {
        DbConnection::Sqlite(conn) => conn
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect()),
        DbConnection::Pg(conn) => conn
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect()),
    };
    applied.map_err(|e| StoreError::Migration(e.to_string()))
}

/// Reverts every applied migration of this backend.
pub(crate) fn revert_migrations(conn: &mut DbConnection) -> Result<(), StoreError> {
    use diesel_migrations::MigrationHarness;
    let reverted = match conn {
        DbConnection::Sqlite(conn) => conn.revert_all_migrations(SQLITE_MIGRATIONS),
        DbConnection::Pg(conn) => conn.revert_all_migrations(POSTGRES_MIGRATIONS),
    };
    reverted
        .map(|_| ())
        .map_err(|e| StoreError::Migration(e.to_string()))
}

/// The postcode upsert, written once; `$values` is one row or a slice of rows.
macro_rules! upsert_postcodes_on {
    ($conn:expr, $values:expr) => {{
        use diesel::prelude::*;
        use diesel::upsert::excluded;
        use $crate::schema::postcodes;
        diesel::insert_into(postcodes::table)
            .values($values)
            .on_conflict(postcodes::postcode)
            .do_update()
            .set((
                postcodes::lat.eq(excluded(postcodes::lat)),
                postcodes::lon.eq(excluded(postcodes::lon)),
                postcodes::terminated.eq(excluded(postcodes::terminated)),
            ))
            .execute($conn)
    }};
}
use upsert_postcodes_on;

/// Inserts or updates one batch of postcodes (the caller holds the transaction): one multi-row
/// statement on PostgreSQL, one cached single-row statement a postcode on SQLite (where diesel
/// has no multi-row upsert, and which is as fast there).
pub(crate) fn upsert_postcodes(
    conn: &mut DbConnection,
    rows: &[NewPostcodeRow],
) -> QueryResult<()> {
    match conn {
        DbConnection::Sqlite(conn) => sqlite::upsert_postcodes(conn, rows),
        DbConnection::Pg(conn) => postgres::upsert_postcodes(conn, rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_picks_the_backend() {
        let parse = |url: &str| Target::parse(url).expect(url);
        assert_eq!(
            parse("sqlite://carematch.db"),
            Target::Sqlite("carematch.db".to_owned())
        );
        assert_eq!(
            parse("sqlite:///var/lib/carematch.db"),
            Target::Sqlite("/var/lib/carematch.db".to_owned())
        );
        assert_eq!(parse("data/x.db"), Target::Sqlite("data/x.db".to_owned()));
        assert_eq!(
            parse("postgres://u@h/db"),
            Target::Postgres("postgres://u@h/db".to_owned())
        );
        assert_eq!(parse("postgresql://u@h/db").backend(), Backend::Postgres);
        assert!(Target::parse("mysql://h/db").is_err());
        assert!(Target::parse("sqlite://").is_err());
        assert!(Target::parse("  ").is_err());
    }
}
