//! `GET /v1/reports/market` and its snapshots: the PA market report for commissioners (counts
//! of live PAs and providers by authority × language × service × agency, PAs by self-declared
//! ethnic group against the census, trends over stored snapshots). Counts only; PA counts of 1
//! to 4 suppressed. See `docs/market.md`.

use actix_web::http::header;
use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_domain::Role;
use carematch_index::market::MarketReport;
use carematch_service::market::{MarketParams, SnapshotSummary, encode, parse_params};
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// How many snapshots the list shows (the newest).
const LIST_LIMIT: usize = 100;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(market_report)
        .service(list_snapshots)
        .service(take_snapshot);
}

/// The PA market report
#[utoipa::path(
    tag = "market",
    description = "Live PAs and providers counted by local authority (the one containing their \
                   base) × language (conversational or better) × service × agency: the cube's \
                   dimensions chosen with `by` (default `authority,language`; `ethnicity` counts \
                   PAs by self-declared Census 2021 ethnic group against the group's census \
                   population share). PA counts from 1 to 4 are shown as \"<5\", with secondary \
                   suppression; provider counts are shown (providers are organisations, listed \
                   by name per authority and language). Each figure carries its series over the \
                   stored snapshots and the change since the latest. JSON by default; CSV with \
                   `Accept: text/csv` or `format=csv`; GeoJSON by authority with \
                   `format=geojson` or `Accept: application/geo+json`. Commissioner or admin \
                   keys. See docs/market.md.",
    params(MarketParams),
    responses(
        (status = 200, description = "The report (JSON), its cells (CSV) or one feature per \
            authority (GeoJSON)",
            content(
                (MarketReport = "application/json"),
                (serde_json::Value = "application/geo+json"),
                (String = "text/csv", example = "authority,authority_name,language,pas,providers,last_snapshot_at,last_pas,last_providers,change_pas,change_providers\nE06000016,Leicester,pol,12,2,2026-06-01T00:00:00+00:00,9,2,3,0\nE06000016,Leicester,som,<5,1,,,,,\n")
            )),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only commissioner and admin keys may see the market report", body = ErrorBody),
        (status = 409, description = "No local authorities have been imported yet", body = ErrorBody),
        (status = 422, description = "A bad `by`, `language`, `format` or unknown `authority`", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/reports/market")]
pub async fn market_report(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<MarketParams>,
) -> Result<HttpResponse, ApiError> {
    auth.require(&[Role::Commissioner, Role::Admin])?;
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let (query, format) = parse_params(&params, accept)?;
    let output = state
        .run(move |service| service.market_report(&query, Utc::now()))
        .await?;
    let encoded = encode(&output, format)?;
    Ok(HttpResponse::Ok()
        .content_type(encoded.content_type)
        .body(encoded.body))
}

/// The stored snapshots, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SnapshotList {
    pub snapshots: Vec<SnapshotSummary>,
}

/// List market snapshots
#[utoipa::path(
    tag = "market",
    description = "The stored snapshots of the market report (newest first, at most 100): when \
                   each was taken, whether by the schedule or on demand, and the live PAs and \
                   providers then. Commissioner or admin keys.",
    responses(
        (status = 200, description = "The snapshots", body = SnapshotList),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only commissioner and admin keys", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/reports/market/snapshots")]
pub async fn list_snapshots(
    state: web::Data<AppState>,
    auth: Authenticated,
) -> Result<HttpResponse, ApiError> {
    auth.require(&[Role::Commissioner, Role::Admin])?;
    let snapshots = state
        .run(|service| service.market_snapshots(LIST_LIMIT))
        .await?;
    Ok(HttpResponse::Ok().json(SnapshotList { snapshots }))
}

/// Take a market snapshot now
#[utoipa::path(
    tag = "market",
    description = "Counts the market now and stores the snapshot (on demand, beside the \
                   scheduled ones; the schedule counts from the latest snapshot of either kind). \
                   Commissioner or admin keys.",
    responses(
        (status = 201, description = "The snapshot taken", body = SnapshotSummary),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only commissioner and admin keys", body = ErrorBody),
        (status = 409, description = "No local authorities have been imported yet", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[post("/reports/market/snapshots")]
pub async fn take_snapshot(
    state: web::Data<AppState>,
    auth: Authenticated,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Commissioner, Role::Admin])?;
    let taken_by = caller.role().map_or("unknown", |r| r.code());
    let snapshot = state
        .run(move |service| service.take_market_snapshot(taken_by, Utc::now()))
        .await?;
    Ok(HttpResponse::Created().json(SnapshotSummary::from(&snapshot)))
}
