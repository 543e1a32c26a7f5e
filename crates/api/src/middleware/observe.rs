//! The outermost layer: request ids, the access log, metrics, and one error shape for everything.
//!
//! - `X-Request-Id`: taken from the request when it is sane (1 to 64 characters of
//!   `[A-Za-z0-9_-]`), otherwise generated (32 random hex digits); always returned on the response,
//!   stored in the request extensions as [`RequestId`], and set on a `request` span so every log
//!   line written while handling the request carries it.
//! - One access-log line per request (target `carematch::access`): method, route pattern (never the
//!   raw path or query string, which can hold personal data), status, duration in milliseconds,
//!   request id and caller role. Bodies are never logged.
//! - Metrics: see [`super::metrics`].
//! - Errors that reach here as anything but JSON (actix's own 404, 405, payload and query errors,
//!   408 ...) are rewritten into `{"error": {"code", "message", "details"}}`, keeping their status
//!   and headers. A documented path asked with a method it does not take gets 405 with `Allow`
//!   (actix alone would answer 404).
//! - Security headers on every response, errors included: see [`super::security_headers`].
//! - A handler that panics is answered 500 `internal_error` (cause logged, never sent) instead of
//!   unwinding through the worker and dropping all of its connections.

use std::any::Any;
use std::cell::Cell;
use std::hash::{BuildHasher, RandomState};
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, web};
use tracing::Instrument;

use super::known_paths::KnownPaths;
use super::metrics::Metrics;
use super::rate_limit::CallerRole;
use super::security_headers::add_security_headers;
use crate::error::{ApiError, ErrorBody, ErrorDetail};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The id of the request being handled, for handlers that want to mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// Is a client-supplied request id safe to echo and log?
pub fn is_sane_request_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A fresh request id: 128 unpredictable bits as hex (a counter-free id, so ids never reveal
/// volume). SipHash, keyed once per thread from the OS random source, over a per-thread count:
/// a pseudo-random function, so ids cannot be told from random without the key, and a request
/// costs no system call (the OS source was one per request).
pub fn new_request_id() -> String {
    thread_local! {
        static IDS: (RandomState, Cell<u64>) = (RandomState::new(), Cell::new(0));
    }
    let (high, low) = IDS.with(|(key, count)| {
        let n = count.get();
        count.set(n.wrapping_add(1));
        (key.hash_one((n, 0u8)), key.hash_one((n, 1u8)))
    });
    format!("{high:016x}{low:016x}")
}

/// The middleware function (use with `actix_web::middleware::from_fn`).
pub async fn observe<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, BoxBody>>, Error> {
    let started = Instant::now();
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|id| is_sane_request_id(id))
        .map_or_else(new_request_id, str::to_owned);
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let _in_flight = metrics.as_ref().map(|m| m.start());
    let method = req.method().clone();
    let authorised = req.headers().contains_key(header::AUTHORIZATION);

    // The request must not be cloned before it is routed (routing needs it unshared), so an error
    // from the layers below (a handler timeout) comes back without it: it is logged, counted under
    // the route `unknown`, and answered by actix from the error, tagged with the request id.
    let span = tracing::info_span!("request", request_id = %request_id);
    let outcome = CatchUnwind(Box::pin(next.call(req)))
        .instrument(span.clone())
        .await
        .unwrap_or_else(|_| {
            // The panic hook has printed the message and location; it is not repeated here since
            // a panic message can quote the input.
            span.in_scope(|| tracing::error!("a handler panicked"));
            Err(ApiError::Internal("a handler panicked".into()).into())
        });
    let response = match outcome {
        Ok(response) => response.map_into_left_body(),
        Err(error) => {
            let status = error.as_response_error().status_code();
            let elapsed = started.elapsed();
            if let Some(metrics) = &metrics {
                metrics.record("unknown", &method, status, elapsed);
            }
            let role = if authorised {
                "unverified"
            } else {
                "anonymous"
            };
            log_request(&request_id, &method, "unknown", status, elapsed, role);
            return Err(Tagged { error, request_id }.into());
        }
    };
    let mut response = reshape_error(method_not_allowed(response));
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    let path = response.request().path().to_owned();
    add_security_headers(&path, response.headers_mut());

    let elapsed = started.elapsed();
    let status = response.status();
    let route = response
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let role = response.request().extensions().get::<CallerRole>().map_or(
        if authorised {
            "unverified"
        } else {
            "anonymous"
        },
        |r| r.0,
    );
    if let Some(metrics) = &metrics {
        metrics.record(&route, &method, status, elapsed);
    }
    log_request(&request_id, &method, &route, status, elapsed, role);
    Ok(response)
}

/// A future whose panics become `Err` instead of unwinding through the worker (which would drop
/// every connection it serves).
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match std::panic::catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}

/// Turns a 404 for a documented path into 405 with `Allow` when only the method is wrong:
/// actix's own (no route took the method), and a path extractor's, when the method matched a
/// parameter route beside the literal path the request named (`PUT /v1/providers/duplicates`
/// reaching `PUT /v1/providers/{id}`). A handler's 404 for an unknown id keeps its answer: its
/// method is one the path takes.
fn method_not_allowed<B: MessageBody + 'static>(
    response: ServiceResponse<EitherBody<B, BoxBody>>,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    let Some(known) = response.request().app_data::<web::Data<KnownPaths>>() else {
        return response;
    };
    let Some(allowed) = known.allowed(response.request().path()) else {
        return response;
    };
    if allowed.contains(response.request().method()) {
        return response;
    }
    let allow = allowed
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let (request, _) = response.into_parts();
    let new = HttpResponse::MethodNotAllowed()
        .insert_header((header::ALLOW, allow))
        .json(ErrorBody {
            error: ErrorDetail {
                code: "method_not_allowed",
                message: format!("this path does not take {}", request.method()),
                details: Vec::new(),
            },
        });
    ServiceResponse::new(request, new).map_into_right_body()
}

/// An error answered by actix itself, with our request id added to its response.
#[derive(Debug)]
struct Tagged {
    error: Error,
    request_id: String,
}

impl std::fmt::Display for Tagged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl actix_web::ResponseError for Tagged {
    fn status_code(&self) -> StatusCode {
        self.error.as_response_error().status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = self.error.error_response();
        if let Ok(value) = HeaderValue::from_str(&self.request_id) {
            response.headers_mut().insert(REQUEST_ID, value);
        }
        // The path went down with the request; an error body gets the headers every
        // response gets (no page here needs the Swagger UI's policy).
        add_security_headers("", response.headers_mut());
        response
    }
}

fn log_request(
    request_id: &str,
    method: &Method,
    route: &str,
    status: StatusCode,
    elapsed: std::time::Duration,
    role: &str,
) {
    let duration_ms = (elapsed.as_secs_f64() * 1_000_000.0).round() / 1000.0;
    let status = status.as_u16();
    if status >= 500 {
        tracing::warn!(target: "carematch::access", request_id, method = %method, route, status,
            duration_ms, role, "request");
    } else {
        tracing::info!(target: "carematch::access", request_id, method = %method, route, status,
            duration_ms, role, "request");
    }
}

fn is_json(response: &ServiceResponse<impl MessageBody>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            let v = v.trim_start().to_ascii_lowercase();
            v.starts_with("application/json")
                || v.starts_with("application/problem+json")
                || v.starts_with("application/geo+json")
        })
}

/// A web page (carematch-web) explains its own errors to people; it is never reshaped.
fn is_page(response: &ServiceResponse<impl MessageBody>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("text/html"))
}

/// The code and message for an error status that reached us in some other shape.
fn code_for(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("bad_request", "the request is not valid"),
        401 => ("unauthorized", "an API key is required"),
        403 => ("forbidden", "this key's role may not do this"),
        404 => ("not_found", "there is nothing at this path"),
        405 => (
            "method_not_allowed",
            "this path does not accept this method",
        ),
        406 => (
            "not_acceptable",
            "no representation matches the Accept header",
        ),
        408 => ("request_timeout", "the request took too long to arrive"),
        411 => ("length_required", "send a Content-Length header"),
        413 => ("payload_too_large", "the request body is too large"),
        414 => ("uri_too_long", "the request URI is too long"),
        415 => (
            "unsupported_media_type",
            "this content type is not accepted here",
        ),
        422 => ("validation_failed", "some fields are invalid"),
        429 => (
            "rate_limited",
            "too many requests: slow down and retry after a moment",
        ),
        431 => ("headers_too_large", "the request headers are too large"),
        503 => ("unavailable", "the service is unavailable; retry later"),
        s if s >= 500 => ("internal_error", "internal error"),
        _ => ("bad_request", "the request could not be handled"),
    }
}

/// Rewrites a non-JSON error response into our envelope, keeping its status and headers.
fn reshape_error<B: MessageBody + 'static>(
    response: ServiceResponse<EitherBody<B, BoxBody>>,
) -> ServiceResponse<EitherBody<B, BoxBody>> {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || is_json(&response)
        || is_page(&response)
    {
        return response;
    }
    let (code, fallback) = code_for(status);
    // For client errors, actix's own message is useful ("Query deserialize error: ..."); it
    // describes the caller's own input. For server errors the cause never leaves the server.
    let message = match response.response().error() {
        Some(error) if status.is_client_error() => error.to_string(),
        _ => fallback.to_owned(),
    };
    let (request, old) = response.into_parts();
    let mut builder = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            builder.append_header((name.clone(), value.clone()));
        }
    }
    let new = builder.json(ErrorBody {
        error: ErrorDetail {
            code,
            message,
            details: Vec::new(),
        },
    });
    ServiceResponse::new(request, new).map_into_right_body()
}

#[cfg(test)]
mod tests {
    use actix_web::App;
    use actix_web::middleware::from_fn;
    use actix_web::test as web_test;

    use super::*;

    #[actix_web::test]
    async fn raw_bodies_over_the_limit_get_413_in_our_shape() {
        let app = web_test::init_service(
            App::new()
                .app_data(web::PayloadConfig::new(16))
                .wrap(from_fn(observe))
                .route(
                    "/raw",
                    web::post().to(|body: web::Bytes| async move { body.len().to_string() }),
                ),
        )
        .await;
        let small = web_test::TestRequest::post()
            .uri("/raw")
            .set_payload("0123456789")
            .to_request();
        let response = web_test::call_service(&app, small).await;
        assert_eq!(response.status(), StatusCode::OK);
        let large = web_test::TestRequest::post()
            .uri("/raw")
            .set_payload("x".repeat(100))
            .to_request();
        let response = web_test::call_service(&app, large).await;
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert!(response.headers().contains_key(&REQUEST_ID));
        let body: serde_json::Value = web_test::read_body_json(response).await;
        assert_eq!(body["error"]["code"], "payload_too_large");
    }

    #[actix_web::test]
    async fn answers_and_errors_alike_say_nosniff() {
        let app = web_test::init_service(
            App::new()
                .wrap(from_fn(observe))
                .route("/fine", web::get().to(|| async { "fine" }))
                .route(
                    "/boom",
                    web::get().to(|| async {
                        if std::hint::black_box(true) {
                            panic!("boom");
                        }
                        "never"
                    }),
                ),
        )
        .await;
        for path in ["/fine", "/nowhere"] {
            let response =
                web_test::call_service(&app, web_test::TestRequest::get().uri(path).to_request())
                    .await;
            assert_eq!(
                response.headers().get(header::X_CONTENT_TYPE_OPTIONS),
                Some(&HeaderValue::from_static("nosniff")),
                "{path}"
            );
        }
        // A panic comes back as an error (the request went down with the handler); its
        // response says nosniff too.
        let error = web_test::try_call_service(
            &app,
            web_test::TestRequest::get().uri("/boom").to_request(),
        )
        .await
        .expect_err("an error");
        let response = error.error_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers().get(header::X_CONTENT_TYPE_OPTIONS),
            Some(&HeaderValue::from_static("nosniff"))
        );
    }

    #[test]
    fn request_ids_are_checked_and_generated() {
        assert!(is_sane_request_id("abc-DEF_123"));
        assert!(is_sane_request_id(&"a".repeat(64)));
        assert!(!is_sane_request_id(&"a".repeat(65)));
        assert!(!is_sane_request_id(""));
        assert!(!is_sane_request_id("a b"));
        assert!(!is_sane_request_id("a\u{e9}"));
        let id = new_request_id();
        assert_eq!(id.len(), 32);
        assert!(is_sane_request_id(&id));
        assert_ne!(id, new_request_id());
        // Unique within a thread and across threads (each keyed on its own).
        let mut seen: std::collections::HashSet<String> =
            (0..10_000).map(|_| new_request_id()).collect();
        let others =
            std::thread::spawn(|| (0..10_000).map(|_| new_request_id()).collect::<Vec<_>>())
                .join()
                .expect("thread");
        seen.extend(others);
        assert_eq!(seen.len(), 20_000);
        assert!(
            seen.iter()
                .all(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        );
    }
}
