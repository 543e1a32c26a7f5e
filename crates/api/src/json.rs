//! The JSON body extractor every endpoint uses, and error handlers that turn actix's own
//! extractor errors into [`ApiError`] so that no bad input gets a non-JSON answer or a 500.
//!
//! [`ValidJson<T>`], in order:
//!
//! 1. requires `Content-Type: application/json` (or `application/<x>+json`): else **415**
//!    `unsupported_media_type`;
//! 2. reads the body up to the configured limit ([`JsonLimit`], `ServerConfig::json_limit`):
//!    beyond it **413** `payload_too_large`;
//! 3. parses with `serde_path_to_error`: a syntax error or a cut-off body is **400**
//!    `malformed_json` with the line and column; a data error (unknown field, unknown code, wrong
//!    type, a value out of range such as a negative rate, a missing field) is **422**
//!    `validation_failed` naming the field (`languages[0].code`);
//! 4. calls [`Validate`], which lists every semantic problem at once: **422** `validation_failed`.

use std::future::Future;
use std::pin::Pin;

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use carematch_domain::{CarerDetails, FieldError, ProviderDetails, SupportPlan, ValidationErrors};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// Default largest JSON body, in bytes, when no [`JsonLimit`] is registered.
pub const DEFAULT_JSON_LIMIT: usize = 256 * 1024;

/// The largest JSON body [`ValidJson`] reads, registered as app data by `build_app`.
#[derive(Debug, Clone, Copy)]
pub struct JsonLimit(pub usize);

/// Semantic validation after parsing: every problem at once.
pub trait Validate {
    fn validate(&self) -> Result<(), ValidationErrors>;
}

impl Validate for CarerDetails {
    fn validate(&self) -> Result<(), ValidationErrors> {
        CarerDetails::validate(self)
    }
}

impl Validate for ProviderDetails {
    fn validate(&self) -> Result<(), ValidationErrors> {
        ProviderDetails::validate(self)
    }
}

impl Validate for SupportPlan {
    fn validate(&self) -> Result<(), ValidationErrors> {
        SupportPlan::validate(self)
    }
}

/// A JSON body, parsed and validated. See the module documentation for the error table.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T> ValidJson<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = JsonBytes::from_request(req, payload);
        Box::pin(async move {
            let value: T = parse(&body.await?.0)?;
            value.validate()?;
            Ok(Self(value))
        })
    }
}

/// A JSON body not yet parsed: the content type and size checked as for [`ValidJson`], the bytes
/// as sent. For handlers that look the body up (the match cache) before parsing it with
/// [`parse`].
#[derive(Debug)]
pub struct JsonBytes(pub Bytes);

impl FromRequest for JsonBytes {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<JsonLimit>()
            .or_else(|| req.app_data::<web::Data<JsonLimit>>().map(|d| d.get_ref()))
            .map_or(DEFAULT_JSON_LIMIT, |l| l.0);
        let content_type_ok = is_json(req);
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let body = web::Payload::from_request(req, payload);
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::UnsupportedMediaType(
                    "send the body as JSON with `Content-Type: application/json`".into(),
                ));
            }
            if declared_length.is_some_and(|n| n > limit) {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            let body = body
                .await
                .map_err(|e| ApiError::BadRequest(format!("cannot read the body: {e}")))?;
            match body.to_bytes_limited(limit).await {
                Ok(Ok(bytes)) => Ok(Self(bytes)),
                Ok(Err(e)) => Err(ApiError::BadRequest(format!("cannot read the body: {e}"))),
                Err(_) => Err(ApiError::PayloadTooLarge { limit }),
            }
        })
    }
}

/// `application/json`, or any `application/<x>+json`.
fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Parses JSON, naming the field of a data error. Public so that other extractors (and tests)
/// classify errors the same way.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(classify)?;
    de.end()
        .map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    Ok(value)
}

fn classify(error: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = error.path().to_string();
    let inner = error.inner();
    match inner.classify() {
        serde_json::error::Category::Data => ApiError::Validation(vec![field_error(
            &path,
            &strip_position(&inner.to_string()),
        )]),
        _ => ApiError::MalformedJson(inner.to_string()),
    }
}

/// serde_json ends messages with ` at line L column C`; for a data error the field names the place.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The text between the first pair of backticks.
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() || path == "." {
        name.to_owned()
    } else if path == name || path.ends_with(&format!(".{name}")) {
        path.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// One field error from a serde data error message.
fn field_error(path: &str, message: &str) -> FieldError {
    let (field, code, reason) = if message.starts_with("unknown field") {
        let name = quoted(message).unwrap_or_default();
        (join(path, name), "unknown_field", message.to_owned())
    } else if message.starts_with("missing field") {
        let name = quoted(message).unwrap_or_default();
        (
            join(path, name),
            "required",
            format!("`{name}` is required"),
        )
    } else if message.starts_with("unknown variant") || message.contains("is not a known") {
        (path.to_owned(), "unknown_code", message.to_owned())
    } else if message.starts_with("invalid type") || message.starts_with("invalid length") {
        (path.to_owned(), "invalid_type", message.to_owned())
    } else if message.contains("out of range")
        || message.contains("not an hourly rate")
        || message.starts_with("invalid value")
    {
        (path.to_owned(), "out_of_range", message.to_owned())
    } else {
        (path.to_owned(), "invalid_format", message.to_owned())
    };
    let field = if field.is_empty() || field == "." {
        "body".to_owned()
    } else {
        field
    };
    FieldError {
        field,
        code,
        reason,
    }
}

/// `web::JsonConfig` error handler: actix's own `web::Json` extractor answers like [`ValidJson`].
pub fn json_error_handler(error: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api = match error {
        JsonPayloadError::OverflowKnownLength { limit, .. }
        | JsonPayloadError::Overflow { limit } => ApiError::PayloadTooLarge { limit },
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType(
            "send the body as JSON with `Content-Type: application/json`".into(),
        ),
        JsonPayloadError::Deserialize(e) => match e.classify() {
            serde_json::error::Category::Data => {
                ApiError::Validation(vec![field_error("", &strip_position(&e.to_string()))])
            }
            _ => ApiError::MalformedJson(e.to_string()),
        },
        other => ApiError::BadRequest(other.to_string()),
    };
    api.into()
}

/// `web::QueryConfig` error handler: a bad query string is 400 `bad_request` naming the problem.
pub fn query_error_handler(error: QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::BadRequest(format!("invalid query string: {error}")).into()
}

/// `web::PathConfig` error handler: a path segment of the wrong shape (`/v1/carers/abc`) is 404.
pub fn path_error_handler(error: PathError, req: &HttpRequest) -> actix_web::Error {
    tracing::debug!(%error, "path did not parse");
    ApiError::NotFound {
        what: "resource",
        id: req.path().to_owned(),
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "fields exist only to be parsed")]
    struct Inner {
        code: carematch_domain::vocabulary::Language,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "fields exist only to be parsed")]
    struct Outer {
        languages: Vec<Inner>,
        #[serde(default)]
        rate: Option<carematch_domain::RatePence>,
    }

    fn field_of(json: &str) -> (String, &'static str) {
        match parse::<Outer>(json.as_bytes()) {
            Err(ApiError::Validation(errors)) => (errors[0].field.clone(), errors[0].code),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn data_errors_name_the_field() {
        assert_eq!(
            field_of(r#"{"languages":[{"code":"xxx"}]}"#),
            ("languages[0].code".to_owned(), "unknown_code")
        );
        assert_eq!(
            field_of(r#"{"languages":[],"nope":1}"#),
            ("nope".to_owned(), "unknown_field")
        );
        assert_eq!(
            field_of(r#"{"languages":[{"code":"yue","x":1}]}"#),
            ("languages[0].x".to_owned(), "unknown_field")
        );
        assert_eq!(
            field_of(r#"{"languages":[],"rate":-5}"#),
            ("rate".to_owned(), "out_of_range")
        );
        assert_eq!(field_of(r#"{}"#), ("languages".to_owned(), "required"));
        assert_eq!(
            field_of(r#"{"languages":"yue"}"#),
            ("languages".to_owned(), "invalid_type")
        );
    }

    #[test]
    fn syntax_errors_are_malformed_with_a_position() {
        for bad in [
            r#"{"languages": [}"#,
            r#"{"languages": "#,
            "",
            r#"{"languages":[]} extra"#,
        ] {
            match parse::<Outer>(bad.as_bytes()) {
                Err(ApiError::MalformedJson(message)) => {
                    assert!(message.contains("line"), "{message}")
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
