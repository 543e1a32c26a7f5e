//! `/v1/agencies`: agencies as organisations. Their profiles are public by design (name,
//! phone, e-mail, website, office hours, staff languages, areas, description): anyone reads
//! them; the agency itself (or an admin) replaces its own; admins create agencies. See
//! `docs/api.md`.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::Query;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use carematch_domain::{AgencyId, AgencyProfile, Role};
use carematch_service::agencies::{AgencyPage, PublicAgency};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{self, JsonBytes};
use crate::routes::carers::{IfMatchHeader, if_match, page_of};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_agencies)
        .service(get_agency)
        .service(create_agency)
        .service(update_agency)
        .service(export_register);
}

/// Paging for `GET /v1/agencies`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListAgenciesParams {
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

fn etag(version: i64) -> (header::HeaderName, String) {
    (header::ETAG, format!("\"{version}\""))
}

/// List agencies
#[utoipa::path(
    tag = "agencies",
    description = "Every agency's public profile, in id order, pages of up to 100. Public: no key \
                   needed. `area_names` names the local authorities of `areas` that are loaded.",
    params(ListAgenciesParams),
    responses(
        (status = 200, description = "One page", body = AgencyPage, example = json!({
            "items": [{"id": 1, "name": "Fernhollow Direct Payments Support",
                "phone": "0161 496 0123", "email": "hello@fernhollow.example.org",
                "website": "https://fernhollow.example.org",
                "office_hours": [{"day": "mon", "start": "09:00", "end": "17:00"}],
                "staff_languages": ["eng", "yue"], "areas": ["E08000003"],
                "area_names": {"E08000003": "Manchester"},
                "description": "We help families find and employ PAs. 我們講廣東話。",
                "version": 3, "updated_at": "2026-12-20T10:00:00Z"}],
            "page": 1, "per_page": 20, "total": 1})),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "Unknown or revoked key", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/agencies")]
pub async fn list_agencies(
    state: web::Data<AppState>,
    _auth: Authenticated,
    params: Query<ListAgenciesParams>,
) -> Result<HttpResponse, ApiError> {
    let page = page_of(params.page, params.per_page)?;
    let found = state.run(move |service| service.agencies(page)).await?;
    Ok(HttpResponse::Ok().json(found))
}

/// Get one agency
#[utoipa::path(
    tag = "agencies",
    description = "One agency's public profile, with its version as `ETag` (send it back as \
                   `If-Match` when replacing the profile). Public: no key needed.",
    params(("id" = i64, Path, description = "Agency id")),
    responses(
        (status = 200, description = "The agency's public profile", body = PublicAgency),
        (status = 401, description = "Unknown or revoked key", body = ErrorBody),
        (status = 404, description = "No such agency", body = ErrorBody,
            example = json!({"error": {"code": "not_found", "message": "agency 99 was not found", "details": []}})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/agencies/{id}")]
pub async fn get_agency(
    state: web::Data<AppState>,
    _auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = AgencyId(id.into_inner());
    let agency = state.run(move |service| service.agency(id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(agency.version))
        .json(agency))
}

/// Create an agency
#[utoipa::path(
    tag = "agencies",
    description = "Stores a new agency with its profile (admin keys only). The phone number is \
                   stored in the UK national format; every invalid field is listed at once; \
                   `areas` must be GSS codes, and known local authorities once they are loaded \
                   (`unknown_code`). Answers 201 with the profile, its `Location` and `ETag`. \
                   Give the agency a key with `carematch keys create --role agency --agency ID`.",
    request_body(content = AgencyProfile, content_type = "application/json", example = json!({
        "name": "Fernhollow Direct Payments Support", "phone": "+44 161 496 0123",
        "email": "hello@fernhollow.example.org", "website": "https://fernhollow.example.org",
        "office_hours": [{"day": "mon", "start": "09:00", "end": "17:00"}],
        "staff_languages": ["eng", "yue"], "areas": ["E08000003"],
        "description": "We help families find and employ PAs. 我們講廣東話。"})),
    responses(
        (status = 201, description = "Stored", body = PublicAgency),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not an admin key", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody,
            example = json!({"error": {"code": "validation_failed", "message": "some fields are invalid",
                "details": [{"field": "phone", "code": "invalid_format", "reason": "a UK phone number: 10 or 11 digits starting with 0, or +44"}]}})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/agencies")]
pub async fn create_agency(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: JsonBytes,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Admin])?;
    let profile: AgencyProfile = json::parse(&body.0)?;
    let agency = state
        .run(move |service| service.create_agency(caller, profile))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/agencies/{}", agency.id)))
        .insert_header(etag(agency.version))
        .json(agency))
}

/// Replace an agency's profile
#[utoipa::path(
    tag = "agencies",
    description = "Replaces the whole profile (the agency's own key, or an admin; another \
                   agency's key is 403, a commissioner's 403, no key 401). Send the version you \
                   read as `If-Match`: a profile changed since is 409 and nothing is written. \
                   Validation as on create. Answers with the new profile and `ETag`. The new \
                   contact shows on the agency's PAs' public cards at once on this server, and \
                   within 30 seconds on others.",
    params(
        ("id" = i64, Path, description = "Agency id"),
        IfMatchHeader
    ),
    request_body(content = AgencyProfile, content_type = "application/json"),
    responses(
        (status = 200, description = "Updated", body = PublicAgency),
        (status = 400, description = "Malformed JSON or If-Match", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this agency's key nor an admin's", body = ErrorBody),
        (status = 404, description = "No such agency", body = ErrorBody),
        (status = 409, description = "Stale If-Match version", body = ErrorBody,
            example = json!({"error": {"code": "conflict", "message": "the record changed since you read it (now at version 4); read it again and retry", "details": []}})),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[put("/agencies/{id}")]
pub async fn update_agency(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    body: JsonBytes,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = AgencyId(id.into_inner());
    // Another agency's profile is 403 whatever the body holds.
    if !caller.holds(id) {
        return Err(ApiError::Forbidden);
    }
    let expected = if_match(&req)?;
    let profile: AgencyProfile = json::parse(&body.0)?;
    let agency = state
        .run(move |service| service.update_agency(caller, id, profile, expected))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(agency.version))
        .json(agency))
}

/// Export an agency's PA register as CSV
#[utoipa::path(
    tag = "agencies",
    description = "The agency's live PAs, in id order, as a CSV file in the import template \
                   (docs/import-template.csv; columns in docs/import.md): `POST /v1/imports/carers` \
                   reads it back as the same records (docs/export.md). It starts with a UTF-8 \
                   byte-order mark, so that spreadsheets read it as UTF-8; a cell a spreadsheet \
                   would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) is \
                   written with a `'` before it, which the import removes again. The file holds \
                   personal data (names, postcodes, contact details, faith): the agency's own key \
                   only, or an admin's; another agency's key and commissioners get 403, no key 401.",
    params(("id" = i64, Path, description = "Agency id")),
    responses(
        (status = 200, description = "The register as CSV", content_type = "text/csv",
            body = String,
            example = "external_ref,given_name,family_name,gender,languages,...,phone,email,website\nPA-0001,Mei,Lam,female,yue:native:reads:writes;eng:fluent,...,\"'+44 116 496 0123\",mei@example.org,\n"),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this agency's key nor an admin's", body = ErrorBody),
        (status = 404, description = "No such agency (admins)", body = ErrorBody,
            example = json!({"error": {"code": "not_found", "message": "agency 99 was not found", "details": []}})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/agencies/{id}/register.csv")]
pub async fn export_register(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = AgencyId(id.into_inner());
    let csv = state
        .run(move |service| service.export_register(caller, id))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"carematch-register-{id}.csv\""),
        ))
        // Personal data: kept out of shared caches and the browser's disk cache.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(csv))
}
