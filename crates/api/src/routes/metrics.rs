//! `GET /metrics`: Prometheus text exposition format 0.0.4. Not part of the public API document;
//! keep it reachable only from the monitoring network (see docs/operations.md).

use actix_web::{HttpResponse, web};

use crate::middleware::{Metrics, RateLimiter};
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/metrics", web::get().to(metrics));
}

async fn metrics(
    metrics: web::Data<Metrics>,
    limiter: Option<web::Data<RateLimiter>>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let ready = if state.indexes_loaded() { 1.0 } else { 0.0 };
    let tracked = limiter.map_or(0.0, |l| l.tracked_clients() as f64);
    let text = metrics.render(&[
        (
            "carematch_indexes_loaded",
            "1 once the search and matching indexes are loaded, else 0.",
            ready,
        ),
        (
            "carematch_rate_limit_clients",
            "Clients (IP addresses and API keys) with a rate-limit bucket in memory.",
            tracked,
        ),
    ]);
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text)
}
