//! `GET /v1/gaps`: commissioner gap maps. Demand (Census 2021 residents or saved plans) against
//! the carers and providers who meet a need and reach each local authority (or H3 cell), as a
//! GeoJSON FeatureCollection or CSV. Counts only: never a carer's identity or base. See
//! `docs/gaps.md`.

use actix_web::http::header;
use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, get};
use carematch_domain::Role;
use carematch_matching::day_number;
use carematch_service::GapsParams;
use carematch_service::gaps::{encode, parse_params};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(gaps);
}

fn wants_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/csv"))
}

/// Gap map for a need
#[utoipa::path(
    tag = "gaps",
    description = "For each current English local authority (or each postcode sector with \
                   `by=sector`, or each H3 resolution-6 cell over England with `by=hex`), the \
                   demand for a need (Census 2021 residents by main language or religion, spread \
                   over the authority's postcode sectors by postcode count; or saved support \
                   plans, counts 1-4 shown as null / \"<5\" at every level), the distinct \
                   carers and providers who meet it and reach at least one of the area's \
                   sectors within `max_km` (their own travel radius or service area applying \
                   too; providers whose accepting flag lapsed do not count), the demand living \
                   in reach (`demand_in_reach`, `share_in_reach`), the km to the nearest one, \
                   people in reach per supplier and a severity band (`none_in_reach`, `severe`, \
                   `moderate`, `adequate`, `demand_unknown`, `no_demand`). Which census figure \
                   the demand is, and the terms it does not cover, are in \
                   `carematch.demand_figure`. Counts only, never identities. A GeoJSON \
                   FeatureCollection (boundary or cell polygons, sector points) by default; CSV \
                   with `Accept: text/csv` (two `#` comment lines, then the header). \
                   Commissioner or admin keys. See docs/gaps.md.",
    params(GapsParams),
    responses(
        (status = 200, description = "A GeoJSON FeatureCollection (`application/geo+json`) with \
            the question and caveats under `carematch`, or CSV (`text/csv`)",
            content(
                (serde_json::Value = "application/geo+json", example = json!({
                    "type": "FeatureCollection",
                    "carematch": {"need": "language:yue", "label": "speaks Cantonese",
                        "max_km": 10.0, "by": "local_authority", "demand": "census",
                        "caveats": [], "demand_figure": {"source": "census",
                            "figures": [{"table": "TS024",
                                "categories": ["East Asian language: Cantonese Chinese"],
                                "covers": ["language:yue"], "exact": true}],
                            "combined": "single", "not_covered": [],
                            "summary": "Demand is Census 2021 TS024 (main language, residents aged 3 and over): East Asian language: Cantonese Chinese, for language:yue."},
                        "thresholds": {"adequate_max_people_per_supplier": 500.0,
                        "moderate_max_people_per_supplier": 2000.0},
                        "severity_counts": [["none_in_reach", 250]]},
                    "features": [{"type": "Feature", "id": "E08000003",
                        "geometry": {"type": "Polygon", "coordinates": [[[-2.3, 53.4], [-2.1, 53.4], [-2.1, 53.5], [-2.3, 53.4]]]},
                        "properties": {"code": "E08000003", "name": "Manchester",
                            "region": "North West", "authority": null, "demand": 2061,
                            "demand_shown": "2061", "demand_share": null,
                            "demand_in_reach": 2040, "share_in_reach": 0.99, "sectors": 60,
                            "carers": 3, "providers": 1, "nearest_km": 1.0,
                            "people_per_supplier": 510.0, "severity": "moderate",
                            "lat": 53.45148, "lon": -2.23252}}]})),
                (String = "text/csv", example = "# need: language:yue (speaks Cantonese), within 10 km, by local_authority, demand from census\n# demand_figure: Demand is Census 2021 TS024 (main language, residents aged 3 and over): East Asian language: Cantonese Chinese, for language:yue.\ncode,name,region,authority,demand,demand_share,demand_in_reach,share_in_reach,sectors,carers,providers,nearest_km,people_per_supplier,severity,lat,lon\nE08000003,Manchester,North West,,2061,,2040,0.99,60,3,1,1,510,moderate,53.45148,-2.23252\n")
            )),
        (status = 400, description = "Malformed query string (a parameter given twice)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only commissioner and admin keys may map gaps", body = ErrorBody),
        (status = 409, description = "No local authorities have been imported yet", body = ErrorBody),
        (status = 422, description = "A bad or missing `need` (named with the offending term), \
            or `max_km`, `by` (local_authority, sector, hex) or `demand` out of range", body = ErrorBody),
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
    let query = parse_params(&params, day_number(carematch_service::today()))?;
    let csv = wants_csv(&req);
    let report = state.run(move |service| service.gaps(&query)).await?;
    let encoded = encode(&report, csv)?;
    Ok(HttpResponse::Ok()
        .content_type(encoded.content_type)
        .body(encoded.body))
}
