//! Checks on the request line, before routing and extractors: every client gets our JSON error
//! shape for input that no handler could read.
//!
//! - A request target (path and query) longer than [`MAX_TARGET_BYTES`] is **414**
//!   `uri_too_long`, on every path. (`crate::long_target` makes sure even a target far over
//!   actix-http's own 128 KiB head limit gets here.)
//! - Under `/v1/`, a query string whose parameters cannot be read is **400** `bad_request` (not
//!   UTF-8) or **422** `validation_failed` (a NUL, an empty value), with
//!   one `{field, code, reason}` per bad parameter: a name or value that is not UTF-8 once
//!   percent-decoded (`q=%FF`; actix's own decoding would replace the bytes and carry on), a
//!   NUL character, or an empty value (`language=`: leave the parameter out instead). Only `q`,
//!   free text, may be empty.

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use carematch_domain::FieldError;

use crate::error::ApiError;
pub use crate::long_target::MAX_TARGET_BYTES;

/// Parameters whose value may be empty.
const MAY_BE_EMPTY: &[&str] = &["q"];

/// The middleware function (use with `actix_web::middleware::from_fn`).
pub async fn check_input<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    let target = req.uri().path_and_query().map_or("", |pq| pq.as_str());
    if target.len() > MAX_TARGET_BYTES {
        return Err(ApiError::UriTooLong {
            limit: MAX_TARGET_BYTES,
        }
        .into());
    }
    // Only for reads, whose query strings carry free text and codes: writes take at most a
    // typed `agency_id` or `mine`, read by their own extractors, and any other method is left to
    // routing, which answers 405 whatever its query string.
    let answered = matches!(*req.method(), Method::GET | Method::HEAD);
    if answered && req.path().starts_with("/v1/") {
        let problems = query_problems(req.query_string());
        if !problems.is_empty() {
            // Bytes that are not text at all are a malformed request (400); an empty value or a
            // NUL is text the schema allows but the field does not (422, like any other field).
            let unreadable = problems.iter().any(|p| p.code == "invalid_encoding");
            return Err(if unreadable {
                ApiError::BadQuery(problems)
            } else {
                ApiError::Validation(problems)
            }
            .into());
        }
    }
    next.call(req).await
}

/// Every parameter of a query string that cannot be read, in order.
pub fn query_problems(query: &str) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(name);
        let field = String::from_utf8_lossy(&name).into_owned();
        let problem = if std::str::from_utf8(&name).is_err() {
            Some((
                "invalid_encoding",
                "the name is not UTF-8 once percent-decoded",
            ))
        } else {
            let value = percent_decode(value);
            match std::str::from_utf8(&value) {
                Err(_) => Some((
                    "invalid_encoding",
                    "the value is not UTF-8 once percent-decoded",
                )),
                Ok(value) if value.contains('\0') => {
                    Some(("invalid_format", "the value holds a NUL character"))
                }
                Ok("") if !MAY_BE_EMPTY.contains(&field.as_str()) => Some((
                    "empty",
                    "the value is empty: give one, or leave the parameter out",
                )),
                Ok(_) => None,
            }
        };
        if let Some((code, reason)) = problem {
            problems.push(FieldError {
                field,
                code,
                reason: reason.to_owned(),
            });
        }
    }
    problems
}

/// `application/x-www-form-urlencoded` decoding to bytes, as browsers encode: `+` is a space,
/// `%XX` a byte, anything else itself (a `%` without two hex digits too).
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                if let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2)) {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            other => out.push(other),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(query: &str) -> Vec<(String, &'static str)> {
        query_problems(query)
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect()
    }

    #[test]
    fn readable_queries_have_no_problems() {
        for query in [
            "",
            "q=",
            "q=Cantonese&language=yue,eng&page=2",
            "q=%E5%BB%A3%E6%9D%B1%E8%A9%B1",
            "q=a+b&&postcode=LE1%205WW",
            "q=100%25&q=%zz",
        ] {
            assert!(named(query).is_empty(), "{query}");
        }
    }

    #[test]
    fn bad_encodings_and_empty_values_are_named() {
        assert_eq!(named("q=%FF"), [("q".to_owned(), "invalid_encoding")]);
        assert_eq!(
            named("language=&service=personal_care&cuisine"),
            [
                ("language".to_owned(), "empty"),
                ("cuisine".to_owned(), "empty")
            ]
        );
        assert_eq!(
            named("postcode=LE1%00&%C3%28=1"),
            [
                ("postcode".to_owned(), "invalid_format"),
                ("\u{fffd}(".to_owned(), "invalid_encoding")
            ]
        );
    }
}
