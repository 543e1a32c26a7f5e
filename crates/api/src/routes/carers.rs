//! `/v1/carers`: PA records. Agencies write their own; the public reads consenting carers in the
//! public view; commissioners see no carer records (403). See `docs/api.md`.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::Query;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use carematch_domain::vocabulary::{Language, Service};
use carematch_domain::{
    AgencyId, Caller, Carer, CarerDetails, CarerId, FieldError, OutwardCode, Role,
};
use carematch_service::records::acting_agency;
use carematch_store::{CarerFilter, Page};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::ValidJson;
use crate::state::AppState;
use crate::views::{CarerView, PublicCarer, today};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_carer)
        .service(list_carers)
        .service(get_carer)
        .service(update_carer)
        .service(delete_carer);
}

/// The largest `per_page`.
pub const MAX_PER_PAGE: u32 = 100;
/// `per_page` when not given.
pub const DEFAULT_PER_PAGE: u32 = 20;

/// `If-Match: 3` (or `"3"`, `W/"3"`): the version the client read; `*` or none: any version.
pub(crate) fn if_match(req: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let text = value
        .to_str()
        .map_err(|_| ApiError::BadRequest("If-Match must be a record version".into()))?
        .trim();
    if text == "*" {
        return Ok(None);
    }
    let bare = text.trim_start_matches("W/").trim_matches('"');
    bare.parse::<i64>().map(Some).map_err(|_| {
        ApiError::BadRequest(format!(
            "If-Match must be the record's version (e.g. `\"3\"`), not `{text}`"
        ))
    })
}

/// Checks `page` and `per_page`, reporting both at once.
pub(crate) fn page_of(page: Option<u32>, per_page: Option<u32>) -> Result<Page, ApiError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
    let mut errors = Vec::new();
    if page == 0 {
        errors.push(FieldError {
            field: "page".into(),
            code: "out_of_range",
            reason: "pages start at 1".into(),
        });
    }
    if per_page == 0 || per_page > MAX_PER_PAGE {
        errors.push(FieldError {
            field: "per_page".into(),
            code: "out_of_range",
            reason: format!("per_page must be from 1 to {MAX_PER_PAGE}"),
        });
    }
    if errors.is_empty() {
        Ok(Page::new(page, per_page))
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// The `If-Match` request header of a `PUT` (documentation; read by [`if_match`]).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Header)]
#[expect(dead_code, reason = "documents the header; read by `if_match`")]
pub(crate) struct IfMatchHeader {
    /// The version you read, e.g. `"3"` (also `W/"3"` or a bare `3`); `*` or none: any version.
    #[param(
        rename = "If-Match",
        nullable = false,
        pattern = "^(\\*|(W/)*\"*[+-]?[0-9]{1,18}\"*)$",
        example = "\"3\""
    )]
    if_match: Option<String>,
}

fn etag(version: i64) -> (header::HeaderName, String) {
    (header::ETAG, format!("\"{version}\""))
}

/// Agencies (and admins) that create a carer: an agency key acts for its own agency; an admin
/// names one with `agency_id`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateCarerParams {
    /// Admins only: the agency that vouches for the new carer.
    #[param(minimum = 1)]
    pub agency_id: Option<i64>,
}

/// Filters and paging for `GET /v1/carers`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListCarersParams {
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
    /// Only carers who speak this language (ISO 639-3 code).
    #[param(value_type = Option<Language>, example = "yue")]
    pub language: Option<Language>,
    /// Only carers who offer this service.
    #[param(value_type = Option<Service>, example = "personal_care")]
    pub service: Option<Service>,
    /// Only carers based in this outward code (`LE1`; any case).
    #[param(value_type = Option<String>, example = "LE1", pattern = "^[\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*([A-Za-z]{1,2}[0-9][0-9A-Za-z]?|[Gg][Ii][Rr])[\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*$")]
    pub outward: Option<OutwardCode>,
    /// Admins only: only this agency's carers (an agency key naming another agency: 403;
    /// ignored for anonymous callers).
    pub agency_id: Option<i64>,
}

/// One page of carers.
#[derive(Debug, Serialize, ToSchema)]
pub struct CarerPage {
    pub items: Vec<CarerView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 137)]
    pub total: u64,
}

/// Create a carer
#[utoipa::path(
    tag = "carers",
    description = "Stores a new PA record vouched for by the caller's agency (an admin names the \
                   agency with `agency_id`). The postcode is located through the gazetteer; an \
                   unknown postcode is 422 on `postcode`. Every invalid field is listed at once. \
                   `external_ref` is unique within the agency (409 when taken). Answers 201 with \
                   the full record, its `Location` and its version as `ETag`.",
    params(CreateCarerParams),
    request_body(content = CarerDetails, content_type = "application/json", example = json!({
        "given_name": "Mei", "family_name": "Lam", "gender": "female",
        "languages": [{"code": "yue", "proficiency": "native"}, {"code": "eng", "proficiency": "fluent"}],
        "cuisines": ["cantonese"], "services": ["personal_care", "meal_preparation"],
        "availability": [{"day": "mon", "start": "09:00", "end": "13:00"}],
        "hours_per_week": 16, "available_from": "2026-12-01", "postcode": "LE1 5WW",
        "travel_radius_km": 8.0, "travel_mode": "public_transport", "hourly_rate": 1350,
        "employment_status": "self_employed", "public_listing_consent": true,
        "last_confirmed_on": "2026-11-01", "external_ref": "PA-0001"
    })),
    responses(
        (status = 201, description = "Stored", body = Carer),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "The key's role may not create carers", body = ErrorBody),
        (status = 409, description = "The agency already uses this external_ref", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody,
            example = json!({"error": {"code": "validation_failed", "message": "some fields are invalid",
                "details": [{"field": "languages[0].code", "code": "unknown_code", "reason": "unknown variant `xx`"}]}})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/carers")]
pub async fn create_carer(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<CreateCarerParams>,
    body: ValidJson<CarerDetails>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let agency = acting_agency(caller, params.agency_id)?;
    let details = body.into_inner();
    let carer = state
        .run(move |service| service.create_carer(agency, &details, &caller.actor()))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/carers/{}", carer.id)))
        .insert_header(etag(carer.version))
        .json(carer))
}

/// List carers
#[utoipa::path(
    tag = "carers",
    description = "Anonymous callers get carers who consented to a public listing, in the public \
                   view (display name, outward code, valid check kinds; never family name, full \
                   postcode, coordinates, contact or faith). An agency key gets its own carers in \
                   full. An admin gets every carer in full (optionally one agency's with \
                   `agency_id`). Commissioners get 403: carer records are personal data. Filters: \
                   `language`, `service`, `outward`; pages of up to 100, in id order.",
    params(ListCarersParams),
    responses(
        (status = 200, description = "One page", body = CarerPage, example = json!({
            "items": [{"id": 7, "display_name": "Mei L.", "gender": "female",
                "languages": [{"code": "yue", "proficiency": "native", "reads": false, "writes": false}],
                "cuisines": ["cantonese"], "dietary_laws": [], "faith_practices": [],
                "services": ["personal_care"], "experience": [], "availability": [],
                "hours_per_week": 16, "available_from": "2026-12-01", "outward_code": "LE1",
                "travel_radius_km": 8.0, "travel_mode": "public_transport", "hourly_rate": 1350,
                "employment_status": "self_employed", "valid_checks": ["dbs_enhanced"], "bio": "",
                "last_confirmed_on": "2026-11-01"}],
            "page": 1, "per_page": 20, "total": 1})),
        (status = 400, description = "Malformed query string (an unknown language code, a parameter given twice, not a number)", body = ErrorBody),
        (status = 401, description = "Unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners may not read carer records; an agency asking for another agency's `agency_id`", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/carers")]
pub async fn list_carers(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListCarersParams>,
) -> Result<HttpResponse, ApiError> {
    let params = params.into_inner();
    let page = page_of(params.page, params.per_page)?;
    let mut filter = CarerFilter {
        language: params.language,
        service: params.service,
        outward: params.outward,
        ..CarerFilter::default()
    };
    let full = match auth.0 {
        Caller::Commissioner => return Err(ApiError::Forbidden),
        // Organisations, moderators and PAs see the public list.
        Caller::Anonymous | Caller::Organisation(_) | Caller::Moderator | Caller::Pa { .. } => {
            filter.consenting_only = true;
            false
        }
        Caller::Agency(own) => {
            if params.agency_id.is_some_and(|id| id != own.0) {
                return Err(ApiError::Forbidden);
            }
            filter.agency = Some(own);
            true
        }
        Caller::Admin => {
            filter.agency = params.agency_id.map(AgencyId);
            true
        }
    };
    let (found, directory) = state
        .run(move |service| {
            Ok((
                service.store().list_carers(&filter, page)?,
                service.agency_directory()?,
            ))
        })
        .await?;
    let today = today();
    let items = found
        .items
        .into_iter()
        .map(|carer| {
            if full {
                CarerView::Full(Box::new(carer))
            } else {
                CarerView::Public(Box::new(PublicCarer::with_agency(
                    &carer, today, &directory,
                )))
            }
        })
        .collect();
    Ok(HttpResponse::Ok().json(CarerPage {
        items,
        page: page.page,
        per_page: page.per_page,
        total: found.total,
    }))
}

fn not_found(id: i64) -> ApiError {
    ApiError::NotFound {
        what: "carer",
        id: id.to_string(),
    }
}

/// Get one carer
#[utoipa::path(
    tag = "carers",
    description = "The full record (with `ETag: \"<version>\"`) for the agency that holds the carer \
                   and for admins; the public view for everyone else, and only when the carer \
                   consented to a public listing (404 otherwise, as for an unknown id). \
                   Commissioners get 403.",
    params(("id" = i64, Path, description = "Carer id")),
    responses(
        (status = 200, description = "The carer, full or public view", body = CarerView),
        (status = 401, description = "Unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners may not read carer records", body = ErrorBody),
        (status = 404, description = "No such carer (or not public)", body = ErrorBody,
            example = json!({"error": {"code": "not_found", "message": "carer 99 was not found", "details": []}})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/carers/{id}")]
pub async fn get_carer(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    if auth.0 == Caller::Commissioner {
        return Err(ApiError::Forbidden);
    }
    let (carer, directory) = state
        .run(move |service| Ok((service.carer(CarerId(id))?, service.agency_directory()?)))
        .await?;
    if auth.0.holds(carer.agency_id) {
        return Ok(HttpResponse::Ok()
            .insert_header(etag(carer.version))
            .json(CarerView::Full(Box::new(carer))));
    }
    if !carer.is_public() {
        return Err(not_found(id));
    }
    Ok(
        HttpResponse::Ok().json(CarerView::Public(Box::new(PublicCarer::with_agency(
            &carer,
            today(),
            &directory,
        )))),
    )
}

/// Replace a carer
#[utoipa::path(
    tag = "carers",
    description = "Replaces the record's details (the agency that holds the carer, or an admin; \
                   another agency's carer is 403). Send the version you read as `If-Match` to \
                   avoid overwriting someone else's change: a stale version is 409. Validation \
                   and postcode rules as on create. Answers with the new record and `ETag`.",
    params(
        ("id" = i64, Path, description = "Carer id"),
        IfMatchHeader
    ),
    request_body(content = CarerDetails, content_type = "application/json"),
    responses(
        (status = 200, description = "Updated", body = Carer),
        (status = 400, description = "Malformed JSON or If-Match", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this caller's carer", body = ErrorBody),
        (status = 404, description = "No such carer", body = ErrorBody),
        (status = 409, description = "Stale If-Match version, or external_ref taken", body = ErrorBody,
            example = json!({"error": {"code": "conflict", "message": "the record changed since you read it (now at version 4); read it again and retry", "details": []}})),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[put("/carers/{id}")]
pub async fn update_carer(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    body: ValidJson<CarerDetails>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = id.into_inner();
    let expected = if_match(&req)?;
    let details = body.into_inner();
    let carer = state
        .run(move |service| service.update_carer(caller, CarerId(id), &details, expected))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(carer.version))
        .json(carer))
}

/// Delete a carer
#[utoipa::path(
    tag = "carers",
    description = "Soft-deletes the record (the agency that holds the carer, or an admin): it \
                   disappears from every read, search and match, and its `external_ref` may be \
                   reused. Answers 204.",
    params(("id" = i64, Path, description = "Carer id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this caller's carer", body = ErrorBody),
        (status = 404, description = "No such carer", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[delete("/carers/{id}")]
pub async fn delete_carer(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = id.into_inner();
    state
        .run(move |service| service.delete_carer(caller, CarerId(id)))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
