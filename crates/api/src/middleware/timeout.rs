//! A time limit on each handler. When the handler has not produced a response head in time, its
//! future is dropped and the client gets 503 `timeout` (our error shape, `Retry-After: 1`): 503
//! rather than 504 because no gateway is involved, and clients and load balancers already treat
//! 503 as "retry later". Work already handed to the blocking pool finishes in the background.
//!
//! The answer is an error ([`TimedOut`]) rather than a response, because the request went down
//! with the dropped handler (and must not be cloned before routing to keep it).

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, ResponseError, web};

use super::metrics::Metrics;
use crate::error::{ErrorBody, ErrorDetail};

/// The handler time limit, as app data.
#[derive(Debug, Clone, Copy)]
pub struct HandlerTimeout(pub Duration);

/// The middleware function (use with `actix_web::middleware::from_fn`).
pub async fn timeout<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<B>, Error> {
    let Some(limit) = req.app_data::<web::Data<HandlerTimeout>>().map(|t| t.0) else {
        return next.call(req).await;
    };
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    match actix_web::rt::time::timeout(limit, next.call(req)).await {
        Ok(response) => response,
        Err(_) => {
            if let Some(metrics) = metrics {
                metrics.count_timeout();
            }
            Err(TimedOut(limit).into())
        }
    }
}

/// A handler ran past the limit.
#[derive(Debug)]
pub struct TimedOut(pub Duration);

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the request took longer than {} ms; retry later",
            self.0.as_millis()
        )
    }
}

impl ResponseError for TimedOut {
    fn status_code(&self) -> StatusCode {
        StatusCode::SERVICE_UNAVAILABLE
    }

    fn error_response(&self) -> HttpResponse {
        HttpResponse::build(self.status_code())
            .insert_header((header::RETRY_AFTER, HeaderValue::from_static("1")))
            .json(ErrorBody {
                error: ErrorDetail {
                    code: "timeout",
                    message: self.to_string(),
                    details: Vec::new(),
                },
            })
    }
}

#[cfg(test)]
mod tests {
    use actix_web::middleware::from_fn;
    use actix_web::{App, test};

    use super::*;

    #[actix_web::test]
    async fn a_slow_handler_gets_503_timeout_in_our_shape() {
        let app = test::init_service(
            App::new()
                .app_data(web::Data::new(HandlerTimeout(Duration::from_millis(50))))
                .wrap(from_fn(timeout))
                .route(
                    "/slow",
                    // Never finishes, so only the time limit can answer. (A 5 s sleep lost to
                    // the 50 ms limit only while the runtime was never held up that long: once
                    // both had expired, the handler was polled first and answered.)
                    web::get().to(std::future::pending::<&'static str>),
                )
                .route("/fast", web::get().to(|| async { "quick" })),
        )
        .await;
        let response =
            test::call_service(&app, test::TestRequest::get().uri("/fast").to_request()).await;
        assert_eq!(response.status(), StatusCode::OK);
        let error =
            test::try_call_service(&app, test::TestRequest::get().uri("/slow").to_request())
                .await
                .expect_err("timed out");
        let response = error.error_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers().get(header::RETRY_AFTER).expect("retry"),
            "1"
        );
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .expect("body");
        let body: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(body["error"]["code"], "timeout");
    }
}
