//! `GET /v1/gaps`: commissioner gap maps. Demand (Census 2021 residents or saved plans) against
//! the carers and providers who meet a need and reach each local authority (or H3 cell), as a
//! GeoJSON FeatureCollection or CSV. Counts only: never a carer's identity or base. See
//! `docs/gaps.md`.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, get};
use carematch_domain::{FieldError, Role};
use carematch_index::gaps::{GapInputError, GapQuery, analyse, load_inputs};
use carematch_matching::day_number;
use carematch_matching::gaps::{AreaKind, DemandBasis, GapReport, NeedSet};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(gaps);
}

/// `max_km` when not given.
pub const DEFAULT_MAX_KM: f64 = 10.0;
/// The largest `max_km`.
pub const MAX_MAX_KM: f64 = 100.0;

/// The question: which need, how far, over which areas, with which demand.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GapsParams {
    /// One need or several joined by `,` (all must hold): `language:yue`, `cuisine:cantonese`,
    /// `diet:halal`, `faith_practice:same_gender_personal_care`, `service:...`, `experience:...`.
    #[param(example = "language:yue")]
    pub need: Option<String>,
    /// How far a supplier may be from an area's centroid, in km (above 0, at most 100; default
    /// 10). Carers' own travel radius and providers' service areas apply too.
    #[param(value_type = Option<f64>, example = 10)]
    pub max_km: Option<String>,
    /// `local_authority` (default; current English districts and unitary authorities) or `hex`
    /// (H3 resolution 6 cells over England).
    #[param(value_type = Option<String>, example = "local_authority", pattern = "^(local_authority|hex)$")]
    pub by: Option<String>,
    /// `census` (default; Census 2021 residents) or `plans` (saved support plans, counts below 5
    /// suppressed).
    #[param(value_type = Option<String>, example = "census", pattern = "^(census|plans)$")]
    pub demand: Option<String>,
}

fn field_error(field: &str, code: &'static str, reason: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code,
        reason: reason.into(),
    }
}

/// Parses the parameters, naming every bad one at once (422).
pub fn parse_params(params: &GapsParams, today: i32) -> Result<GapQuery, ApiError> {
    let mut errors = Vec::new();
    let need = match params.need.as_deref() {
        None => {
            errors.push(field_error(
                "need",
                "required",
                "give a need such as `language:yue`",
            ));
            None
        }
        Some(text) => match NeedSet::parse(text) {
            Ok(need) => Some(need),
            Err(e) => {
                errors.push(field_error("need", "invalid", e.to_string()));
                None
            }
        },
    };
    let max_km = match params.max_km.as_deref().map(str::parse::<f64>) {
        None => DEFAULT_MAX_KM,
        Some(Ok(km)) if km > 0.0 && km <= MAX_MAX_KM => km,
        Some(_) => {
            errors.push(field_error(
                "max_km",
                "out_of_range",
                format!("must be a number above 0 and at most {MAX_MAX_KM}"),
            ));
            DEFAULT_MAX_KM
        }
    };
    let by = match params.by.as_deref() {
        None | Some("local_authority") => AreaKind::LocalAuthority,
        Some("hex") => AreaKind::Hex,
        Some(other) => {
            errors.push(field_error(
                "by",
                "invalid",
                format!("`{other}`: use local_authority or hex"),
            ));
            AreaKind::LocalAuthority
        }
    };
    let basis = match params.demand.as_deref() {
        None | Some("census") => DemandBasis::Census,
        Some("plans") => DemandBasis::Plans,
        Some(other) => {
            errors.push(field_error(
                "demand",
                "invalid",
                format!("`{other}`: use census or plans"),
            ));
            DemandBasis::Census
        }
    };
    match need {
        Some(need) if errors.is_empty() => Ok(GapQuery {
            need,
            max_km,
            by,
            basis,
            today,
        }),
        _ => Err(ApiError::Validation(errors)),
    }
}

fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/csv"))
}

/// Renders a report as the response: CSV when asked for, else GeoJSON.
pub fn respond(report: &GapReport, csv: bool) -> Result<HttpResponse, ApiError> {
    if csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(report.to_csv()));
    }
    let body = serde_json::to_vec(&report.feature_collection())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(HttpResponse::Ok()
        .content_type("application/geo+json")
        .body(body))
}

/// Gap map for a need
#[utoipa::path(
    tag = "gaps",
    description = "For each current English local authority (or each H3 resolution-6 cell over \
                   England), the demand for a need (Census 2021 residents by main language or \
                   religion, or saved support plans, counts 1-4 shown as null / \"<5\"), the \
                   carers and providers who meet it and reach the area's centroid within \
                   `max_km` (their own travel radius or service area applying too; providers \
                   whose accepting flag lapsed do not count), the km to the nearest one, people \
                   per supplier and a severity band (`none_in_reach`, `severe`, `moderate`, \
                   `adequate`, `demand_unknown`, `no_demand`). Counts only, never identities. \
                   A GeoJSON FeatureCollection (boundary or cell polygons) by default; CSV with \
                   `Accept: text/csv`. Commissioner or admin keys. See docs/gaps.md.",
    params(GapsParams),
    responses(
        (status = 200, description = "A GeoJSON FeatureCollection (`application/geo+json`) with \
            the question and caveats under `carematch`, or CSV (`text/csv`)",
            content(
                (serde_json::Value = "application/geo+json", example = json!({
                    "type": "FeatureCollection",
                    "carematch": {"need": "language:yue", "label": "speaks Cantonese",
                        "max_km": 10.0, "by": "local_authority", "demand": "census",
                        "caveats": [], "thresholds": {"adequate_max_people_per_supplier": 500.0,
                        "moderate_max_people_per_supplier": 2000.0},
                        "severity_counts": [["none_in_reach", 250]]},
                    "features": [{"type": "Feature", "id": "E08000003",
                        "geometry": {"type": "Polygon", "coordinates": [[[-2.3, 53.4], [-2.1, 53.4], [-2.1, 53.5], [-2.3, 53.4]]]},
                        "properties": {"code": "E08000003", "name": "Manchester",
                            "region": "North West", "demand": 2061, "demand_shown": "2061",
                            "carers": 3, "providers": 1, "nearest_km": 1.0,
                            "people_per_supplier": 515.3, "severity": "moderate",
                            "lat": 53.45148, "lon": -2.23252}}]})),
                (String = "text/csv", example = "code,name,region,demand,carers,providers,nearest_km,people_per_supplier,severity,lat,lon\nE08000003,Manchester,North West,2061,3,1,1,515.3,moderate,53.45148,-2.23252\n")
            )),
        (status = 400, description = "Malformed query string (a parameter given twice)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only commissioner and admin keys may map gaps", body = ErrorBody),
        (status = 409, description = "No local authorities have been imported yet", body = ErrorBody),
        (status = 422, description = "A bad or missing `need` (named with the offending term), \
            or `max_km`, `by` or `demand` out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/gaps")]
pub async fn gaps(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<GapsParams>,
) -> Result<HttpResponse, ApiError> {
    auth.require(&[Role::Commissioner, Role::Admin])?;
    let query = parse_params(&params, day_number(crate::views::today()))?;
    let engine = state.engine()?.clone();
    let store = state.store.clone();
    let csv = wants_csv(&req);
    let report = web::block(move || -> Result<GapReport, ApiError> {
        let inputs = load_inputs(&store, &query.need, query.basis).map_err(|e| match e {
            GapInputError::NoAuthorities => ApiError::Conflict(e.to_string()),
            GapInputError::Store(e) => e.into(),
        })?;
        let snapshot = engine.snapshot();
        Ok(analyse(&*snapshot, &inputs, &query))
    })
    .await??;
    respond(&report, csv)
}
