//! The one error type of the service layer. It names what went wrong in the caller's terms
//! (which fields, which rows, which record); the API turns it into a status and a body in one
//! place (`carematch_api::error`), the web pages into a page.

use carematch_domain::{FieldError, ValidationErrors};
use carematch_index::EngineError;
use carematch_index::gaps::GapInputError;
use carematch_store::StoreError;

use crate::import_csv::RowError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Bad input, every bad field named.
    #[error("some fields are invalid")]
    Validation(Vec<FieldError>),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    /// The caller may not do this to this record (another agency's carer, a commissioner
    /// matching).
    #[error("this caller may not do this")]
    Forbidden,
    /// An upload with bad rows: every bad row is listed and nothing was stored.
    #[error("the file has {} problem(s); nothing was imported", .0.len())]
    ImportRejected(Vec<RowError>),
    /// An upload whose rows clash with stored records (an `external_ref` in use).
    #[error("{} row(s) clash with stored records; nothing was imported", .0.len())]
    ImportConflict(Vec<RowError>),
    /// A gap map before any local authority was imported.
    #[error(transparent)]
    NoAuthorities(GapInputError),
    /// The engine has not loaded yet.
    #[error("the indexes are still loading")]
    Loading,
    /// The store failed or refused (not found, version conflict, duplicate, ...).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The engine failed (the text index).
    #[error("the search engine failed: {0}")]
    Engine(#[from] EngineError),
    /// A broken invariant of ours (never bad input).
    #[error("{0}")]
    Internal(String),
}

impl From<ValidationErrors> for ServiceError {
    fn from(errors: ValidationErrors) -> Self {
        Self::Validation(errors.0)
    }
}

impl From<GapInputError> for ServiceError {
    fn from(error: GapInputError) -> Self {
        match error {
            GapInputError::Store(error) => Self::Store(error),
            no_authorities @ GapInputError::NoAuthorities => Self::NoAuthorities(no_authorities),
        }
    }
}
