//! A time limit on each handler. When the handler has not produced a response head in time, its
//! future is dropped and the client gets 503 `timeout` (our error shape, `Retry-After: 1`): 503
//! rather than 504 because no gateway is involved, and clients and load balancers already treat
//! 503 as "retry later". Work already handed to the blocking pool finishes in the background.

use std::time::Duration;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse, web};

use super::metrics::Metrics;
use crate::error::{ErrorBody, ErrorDetail};

/// The handler time limit, as app data.
#[derive(Debug, Clone, Copy)]
pub struct HandlerTimeout(pub Duration);

/// The middleware function (use with `actix_web::middleware::from_fn`).
pub async fn timeout<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, BoxBody>>, Error> {
    let Some(limit) = req.app_data::<web::Data<HandlerTimeout>>().map(|t| t.0) else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let request = req.request().clone();
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    match actix_web::rt::time::timeout(limit, next.call(req)).await {
        Ok(response) => Ok(response?.map_into_left_body()),
        Err(_) => {
            if let Some(metrics) = metrics {
                metrics.count_timeout();
            }
            let response = HttpResponse::build(StatusCode::SERVICE_UNAVAILABLE)
                .insert_header((header::RETRY_AFTER, HeaderValue::from_static("1")))
                .json(ErrorBody {
                    error: ErrorDetail {
                        code: "timeout",
                        message: format!(
                            "the request took longer than {} ms; retry later",
                            limit.as_millis()
                        ),
                        details: Vec::new(),
                    },
                });
            Ok(ServiceResponse::new(request, response).map_into_right_body())
        }
    }
}
