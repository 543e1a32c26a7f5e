//! The store's one error type.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::gazetteer::GazetteerError;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No live record of that kind with that id.
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: i64 },
    /// `expected_version` did not match: someone else updated the record first.
    #[error("the record has changed since it was read: its version is now {current}")]
    VersionConflict { current: i64 },
    /// A unique field (such as an agency's `external_ref`) is already taken.
    #[error("another record already has this {field}")]
    Duplicate { field: &'static str },
    /// The record is not in a state that allows this (a submission already decided).
    #[error("{reason}")]
    Conflict { reason: String },
    /// A reference to a record that does not exist (such as an unknown agency).
    #[error("a referenced record does not exist: {0}")]
    MissingReference(String),
    /// A stored row that cannot be turned back into a domain value.
    #[error("corrupt row in {table} (id {id}): {reason}")]
    Corrupt {
        table: &'static str,
        id: String,
        reason: String,
    },
    /// The database URL is not one we understand.
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    /// The database could not be reached or opened.
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    /// A value that cannot be stored (such as a JSON encoding failure).
    #[error("cannot store {field}: {reason}")]
    Encode { field: &'static str, reason: String },
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error("database error: {0}")]
    Database(DieselError),
    /// The store was closed ([`crate::Store::close`]); it opens no more connections.
    #[error("the store is closed")]
    Closed,
    /// Closing the store waited 15 s and some connections were still being opened or in use.
    #[error("closing the store: {connecting} connection(s) still being opened, {open} still open")]
    CloseTimeout { connecting: u32, open: u32 },
    #[error("connection pool error: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl From<DieselError> for StoreError {
    fn from(error: DieselError) -> Self {
        match &error {
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                // PostgreSQL names the constraint (our index names end with the column); SQLite
                // says `UNIQUE constraint failed: carers.agency_id, carers.external_ref`.
                let text = format!(
                    "{} {}",
                    info.constraint_name().unwrap_or_default(),
                    info.message()
                );
                let field = ["external_ref", "key_hash", "postcode", "code", "email"]
                    .into_iter()
                    .find(|field| text.contains(field))
                    .unwrap_or("id");
                StoreError::Duplicate { field }
            }
            DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info) => {
                StoreError::MissingReference(info.message().to_owned())
            }
            _ => StoreError::Database(error),
        }
    }
}

impl StoreError {
    pub(crate) fn corrupt(table: &'static str, id: impl ToString, reason: impl ToString) -> Self {
        StoreError::Corrupt {
            table,
            id: id.to_string(),
            reason: reason.to_string(),
        }
    }
}
