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
    let (hits, misses) = state.match_cache.counts();
    let mut gauges = vec![
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
        (
            "carematch_match_cache_hits",
            "Match requests answered from the match cache since the server started.",
            hits as f64,
        ),
        (
            "carematch_match_cache_misses",
            "Match requests computed (not in the match cache) since the server started.",
            misses as f64,
        ),
    ];
    if let Ok(engine) = state.engine() {
        let stats = engine.stats();
        gauges.extend([
            (
                "carematch_index_last_seq",
                "The change-log sequence number both indexes have applied.",
                stats.last_seq as f64,
            ),
            (
                "carematch_index_candidates",
                "Live carers and providers visible to matching and search.",
                stats.candidates as f64,
            ),
            (
                "carematch_index_overlay_records",
                "Records changed since the matching index was last compacted.",
                stats.overlay_len as f64,
            ),
            (
                "carematch_index_text_documents",
                "Documents in the text index.",
                stats.text_docs as f64,
            ),
            (
                "carematch_index_changes_applied",
                "Change-log rows applied by catch-ups since the server started.",
                stats.changes_applied as f64,
            ),
            (
                "carematch_index_compactions",
                "Compactions of the matching index since the server started.",
                stats.compactions as f64,
            ),
        ]);
    }
    let text = metrics.render(&gauges);
    HttpResponse::Ok()
        .content_type(crate::middleware::metrics::CONTENT_TYPE)
        .body(text)
}
