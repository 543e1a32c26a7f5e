//! The one error type of the HTTP API and its status table. Every error body has the shape
//! `{"error": {"code": "snake_case", "message": "...", "details": [...]}}`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use carematch_domain::{FieldError, ValidationErrors};
use carematch_service::ServiceError;
use carematch_service::import_csv::RowError;
use carematch_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// What went wrong, in a form a client can act on.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("the request body is not valid JSON: {0}")]
    MalformedJson(String),
    #[error("{0}")]
    BadRequest(String),
    /// A query string that cannot be read: each bad parameter named.
    #[error("the query string cannot be read: {}", summary(.0))]
    BadQuery(Vec<FieldError>),
    #[error("the request target (path and query) is longer than {limit} bytes")]
    UriTooLong { limit: usize },
    #[error("some fields are invalid")]
    Validation(Vec<FieldError>),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    Conflict(String),
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    /// An upload with bad rows: every bad row is listed and nothing was stored.
    #[error("the file has {} problem(s); nothing was imported", .0.len())]
    ImportRejected(Vec<RowError>),
    /// An upload whose rows clash with stored records (such as an `external_ref` in use).
    #[error("{} row(s) clash with stored records; nothing was imported", .0.len())]
    ImportConflict(Vec<RowError>),
    #[error("an API key is required: send `Authorization: Bearer <key>`")]
    Unauthorized,
    #[error("this key's role may not do this")]
    Forbidden,
    #[error("too many requests: slow down and retry after a moment")]
    TooManyRequests,
    #[error("the service is not ready: {0}")]
    Unavailable(String),
    /// A fault of ours; the message sent to the client never includes the cause.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The stable code clients match on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedJson(_) => "malformed_json",
            Self::BadRequest(_) | Self::BadQuery(_) => "bad_request",
            Self::UriTooLong { .. } => "uri_too_long",
            Self::Validation(_) => "validation_failed",
            Self::NotFound { .. } => "not_found",
            Self::Conflict(_) => "conflict",
            Self::PayloadTooLarge { .. } => "payload_too_large",
            Self::UnsupportedMediaType(_) => "unsupported_media_type",
            Self::ImportRejected(_) => "import_rejected",
            Self::ImportConflict(_) => "conflict",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::TooManyRequests => "rate_limited",
            Self::Unavailable(_) => "not_ready",
            Self::Internal(_) => "internal_error",
        }
    }
}

/// `` `field` (reason), `field` (reason) ``.
fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("`{}` ({})", e.field, e.reason))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error envelope.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable snake_case code, e.g. `validation_failed`, `not_found`.
    #[schema(example = "validation_failed")]
    pub code: &'static str,
    pub message: String,
    /// One entry per bad field (`validation_failed`) or per bad row of an upload
    /// (`import_rejected`, and `conflict` from an import).
    pub details: Vec<ErrorItem>,
}

/// One entry of `details`: a bad field of a JSON body, or a bad row of an uploaded file.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ErrorItem {
    Field(FieldError),
    Row(RowError),
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::MalformedJson(_) | Self::BadRequest(_) | Self::BadQuery(_) => {
                StatusCode::BAD_REQUEST
            }
            Self::UriTooLong { .. } => StatusCode::URI_TOO_LONG,
            Self::Validation(_) | Self::ImportRejected(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::ImportConflict(_) => StatusCode::CONFLICT,
            Self::NotFound { .. } => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(%cause, "internal error");
        }
        let details = match self {
            Self::Validation(details) | Self::BadQuery(details) => {
                details.iter().cloned().map(ErrorItem::Field).collect()
            }
            Self::ImportRejected(rows) | Self::ImportConflict(rows) => {
                rows.iter().cloned().map(ErrorItem::Row).collect()
            }
            _ => Vec::new(),
        };
        let mut response = HttpResponse::build(self.status_code());
        if let Self::Unauthorized = self {
            response.insert_header(("WWW-Authenticate", "Bearer"));
        }
        response.json(ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.to_string(),
                details,
            },
        })
    }
}

impl From<ValidationErrors> for ApiError {
    fn from(errors: ValidationErrors) -> Self {
        Self::Validation(errors.0)
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound { entity, id } => Self::NotFound {
                what: entity,
                id: id.to_string(),
            },
            StoreError::VersionConflict { current } => Self::Conflict(format!(
                "the record changed since you read it (now at version {current}); read it again and retry"
            )),
            StoreError::Duplicate { field } => {
                Self::Conflict(format!("another record already has this {field}"))
            }
            StoreError::Conflict { reason } => Self::Conflict(reason),
            other => Self::Internal(other.to_string()),
        }
    }
}

/// The service's errors in the API's terms: the one place they are mapped.
impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Validation(fields) => Self::Validation(fields),
            ServiceError::NotFound { what, id } => Self::NotFound { what, id },
            ServiceError::Forbidden => Self::Forbidden,
            ServiceError::ImportRejected(rows) => Self::ImportRejected(rows),
            ServiceError::ImportConflict(rows) => Self::ImportConflict(rows),
            no_authorities @ ServiceError::NoAuthorities(_) => {
                Self::Conflict(no_authorities.to_string())
            }
            ServiceError::Loading => Self::Unavailable("the indexes are still loading".into()),
            ServiceError::Store(error) => error.into(),
            internal @ (ServiceError::Engine(_) | ServiceError::Internal(_)) => {
                Self::Internal(internal.to_string())
            }
        }
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        Self::Internal(error.to_string())
    }
}
