//! `GET /v1/search`: free text in any script, vocabulary filters, an optional radius around a
//! postcode or a point, facet counts, and privacy-reduced public views. The parameters are read
//! here; the search is `carematch_service::search` (its module doc says how).

use actix_web::{HttpRequest, get, web};
use carematch_service::search::search_viewer;
use carematch_service::{SearchPage, SearchRequest};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(search);
}

/// The documented query parameters.
mod doc {
    use carematch_matching::CandidateKind;
    use utoipa::IntoParams;

    /// Query parameters (documentation; parsing is by hand so that lists may repeat).
    #[derive(Debug, IntoParams)]
    #[into_params(parameter_in = Query)]
    #[expect(
        dead_code,
        reason = "documents the parameters; parsed by `SearchRequest::from_pairs`"
    )]
    pub struct SearchParams {
        /// Free text in any script: names, bios, labels and autonyms (`Cantonese`, `廣東話`, `halal`).
        q: Option<String>,
        /// Centre of the radius: a postcode (full, sector or outward code known to the gazetteer).
        postcode: Option<String>,
        /// Centre of the radius: latitude (with `lon`), instead of `postcode`.
        #[param(minimum = -90.0, maximum = 90.0)]
        lat: Option<f64>,
        /// Centre of the radius: longitude (with `lat`).
        #[param(minimum = -180.0, maximum = 180.0)]
        lon: Option<f64>,
        /// Radius in km around the centre, 0.1 to 200 (default 10); needs a centre.
        #[param(minimum = 0.1, maximum = 200.0)]
        radius_km: Option<f64>,
        /// Language codes (ISO 639-3), repeatable or comma-separated; every one is required.
        language: Option<Vec<String>>,
        /// Cuisine codes, repeatable or comma-separated.
        cuisine: Option<Vec<String>>,
        /// Dietary-law codes, repeatable or comma-separated.
        diet: Option<Vec<String>>,
        /// Faith-practice codes, repeatable or comma-separated.
        faith_practice: Option<Vec<String>>,
        /// Service codes, repeatable or comma-separated.
        service: Option<Vec<String>>,
        /// `carer` or `provider`; both when left out.
        #[param(value_type = Option<CandidateKind>)]
        kind: Option<String>,
        /// 1-based page (default 1); without a place, at most 10,000 results can be skipped.
        #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64)]
        page: Option<u32>,
        /// Results per page, 1 to 100 (default 20).
        #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
        per_page: Option<u32>,
    }
}

/// Search carers and providers by text, vocabulary and distance.
#[utoipa::path(
    tag = "search",
    params(doc::SearchParams),
    description = "Free text in any script (`Cantonese`, `yue`, `廣東話` all find Cantonese \
                   speakers; small misspellings are forgiven), vocabulary filters (each list \
                   repeatable or comma-separated; every code given is required), an optional \
                   radius around a postcode or `lat`/`lon`, one page of results and facet counts \
                   over all of them. Anonymous callers see publicly listed carers and providers as \
                   public views (display name, outward code, codes; never contact details, family \
                   name or location); agencies also see their own unlisted carers. Bad or unknown \
                   parameters are 422, naming the parameter (also a NUL or an empty value other \
                   than `q`); a parameter that cannot be read at all (not UTF-8 once \
                   percent-decoded) is 400, naming it too.",
    responses(
        (status = 200, description = "One page of results with facet counts", body = SearchPage,
            example = json!({"items": [{"kind": "carer", "id": 12, "name": "Mei L.", "outward_postcode": "M13",
                "languages": ["yue", "eng"], "cuisines": ["cantonese"], "diets": [], "faith_practices": [],
                "services": ["meal_preparation", "personal_care"], "distance_km": 1.5}],
                "page": 1, "per_page": 20, "total": 1,
                "facets": {"language": [{"code": "eng", "count": 1}, {"code": "yue", "count": 1}],
                    "service": [{"code": "meal_preparation", "count": 1}], "kind": [{"code": "carer", "count": 1}],
                    "cuisine": [{"code": "cantonese", "count": 1}], "diet": []}})),
        (status = 400, description = "A parameter that cannot be read, named in `details[].field`", body = ErrorBody,
            example = json!({"error": {"code": "bad_request", "message": "the query string cannot be read: `q` (the value is not UTF-8 once percent-decoded)",
                "details": [{"field": "q", "code": "invalid_encoding", "reason": "the value is not UTF-8 once percent-decoded"}]}})),
        (status = 401, description = "A key was sent but is not valid", body = ErrorBody),
        (status = 422, description = "A bad parameter, named in `details[].field`", body = ErrorBody,
            example = json!({"error": {"code": "validation_failed", "message": "some fields are invalid",
                "details": [{"field": "language", "code": "unknown_code", "reason": "`xx` is not a known language code"}]}})),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/search")]
pub async fn search(
    state: web::Data<AppState>,
    auth: Authenticated,
    request: HttpRequest,
) -> Result<web::Json<SearchPage>, ApiError> {
    let pairs = web::Query::<Vec<(String, String)>>::from_query(request.query_string())
        .map_err(|error| ApiError::BadRequest(format!("malformed query string: {error}")))?
        .into_inner();
    let params = SearchRequest::from_pairs(pairs)?;
    let viewer = search_viewer(auth.0);
    let page = state
        .run(move |service| service.search(params, viewer))
        .await?;
    Ok(web::Json(page))
}
