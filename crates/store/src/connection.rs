//! Connections: one enum over SQLite and PostgreSQL, chosen from the URL scheme, pooled by r2d2.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, CustomizeConnection, ManageConnection, Pool, R2D2Connection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};

use crate::error::StoreError;

/// A connection to either backend. Queries written once against it run on both; backend-specific
/// SQL matches on the variant.
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
}

/// An r2d2 manager that opens the variant the URL asked for.
#[derive(Debug)]
pub(crate) struct Manager {
    target: Target,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.target {
            Target::Sqlite(path) => SqliteConnection::establish(path).map(DbConnection::Sqlite),
            Target::Postgres(url) => PgConnection::establish(url).map(DbConnection::Pg),
        }
        .map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// Sets the SQLite pragmas every pooled connection needs: foreign keys are off by default in
/// SQLite, WAL lets readers run beside the writer, and `busy_timeout` makes a second writer wait
/// instead of failing at once.
#[derive(Debug, Clone, Copy)]
struct SqlitePragmas;

impl CustomizeConnection<DbConnection, r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        if let DbConnection::Sqlite(conn) = conn {
            conn.batch_execute(
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                 PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
            )
            .map_err(r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

pub(crate) type DbPool = Pool<Manager>;

/// Builds the pool, creating the SQLite file's folder if needed. Fails fast (10 s) when the
/// database cannot be reached.
pub(crate) fn build_pool(target: Target, max_connections: u32) -> Result<DbPool, StoreError> {
    if let Target::Sqlite(path) = &target {
        let is_file = !(path == ":memory:" || path.starts_with("file:"));
        let parent = std::path::Path::new(path)
            .parent()
            .filter(|parent| is_file && !parent.as_os_str().is_empty());
        if let Some(parent) = parent {
            std::fs::create_dir_all(parent)?;
        }
    }
    // Establish one connection up front so a bad URL is reported here, with its real cause.
    let manager = Manager { target };
    let mut probe = manager.connect().map_err(|error| match error {
        r2d2::Error::ConnectionError(ConnectionError::InvalidConnectionUrl(message)) => {
            StoreError::InvalidUrl(message)
        }
        other => StoreError::Connect(other.to_string()),
    })?;
    SqlitePragmas
        .on_acquire(&mut probe)
        .map_err(|e| StoreError::Connect(e.to_string()))?;
    drop(probe);
    Ok(Pool::builder()
        .max_size(max_connections.max(1))
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(SqlitePragmas))
        .build(manager)?)
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
