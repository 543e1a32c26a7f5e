//! `/openreferral/v3`: the Open Referral UK v3 read API (HSDS 3.0 UK profile) over carematch's
//! live providers: open (no key), `Access-Control-Allow-Origin: *` (set on the scope in
//! `lib.rs`), pages in the profile's envelope. Bad parameters get 422 with every bad one named
//! (the profile defines no error body; ours is the API's usual one, as on `/v1/search`). docs/openreferral.md
//! gives the mapping.

use actix_web::web::Query;
use actix_web::{HttpResponse, get, web};
use carematch_openreferral::model::{
    ApiMeta, Organization, Page, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm,
};
use carematch_service::openreferral::{PageParams, ServiceParams};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(meta)
        .service(services)
        .service(service)
        .service(service_at_locations)
        .service(service_at_location)
        .service(organizations)
        .service(organization)
        .service(taxonomies)
        .service(taxonomy)
        .service(taxonomy_terms)
        .service(taxonomy_term);
}

/// About this API
#[utoipa::path(
    tag = "openreferral",
    description = "The HSDS version (`HSDS-UK-3.0`), the profile and this OpenAPI document.",
    responses(
        (status = 200, description = "What this API is", body = ApiMeta),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/")]
pub async fn meta(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let meta = state.run(|care| Ok(care.openreferral_meta())).await?;
    Ok(HttpResponse::Ok().json(meta))
}

/// List services
#[utoipa::path(
    tag = "openreferral",
    description = "Live providers' services in their list form (one-to-one fields and the \
                   organisation), in provider order, or nearest first with `postcode`. Every \
                   filter of the profile; see docs/openreferral.md.",
    params(ServiceParams),
    responses(
        (status = 200, description = "One page", body = Page<Service>),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 422, description = "Bad parameters, each one named; an unknown postcode; proximity without postcode", body = ErrorBody,
            example = json!({"error": {"code": "validation_failed", "message": "some fields are invalid",
                "details": [{"field": "per_page", "code": "out_of_range", "reason": "`0` is not a whole number from 1 to 500"}]}})),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/services")]
pub async fn services(
    state: web::Data<AppState>,
    params: Query<ServiceParams>,
) -> Result<HttpResponse, ApiError> {
    let query = params.parse().map_err(ApiError::Validation)?;
    let page = state
        .run(move |care| care.openreferral_services(&query))
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get a service
#[utoipa::path(
    tag = "openreferral",
    description = "One service in full: schedules, area, languages, attributes (taxonomy terms), \
                   its organisation and its service at location.",
    params(("id" = String, Path, format = Uuid, description = "The service's id")),
    responses(
        (status = 200, description = "The service", body = Service),
        (status = 404, description = "No such service", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/services/{id}")]
pub async fn service(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let found = state
        .run(move |care| care.openreferral_service(&id))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// List services at locations
#[utoipa::path(
    tag = "openreferral",
    description = "Services at their locations in list form, with the same filters as \
                   `/services`; `postcode` with `proximity` (metres) keeps those based within \
                   that distance, nearest first.",
    params(ServiceParams),
    responses(
        (status = 200, description = "One page", body = Page<ServiceAtLocation>),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 422, description = "Bad parameters, each one named; an unknown postcode; proximity without postcode", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/service_at_locations")]
pub async fn service_at_locations(
    state: web::Data<AppState>,
    params: Query<ServiceParams>,
) -> Result<HttpResponse, ApiError> {
    let query = params.parse().map_err(ApiError::Validation)?;
    let page = state
        .run(move |care| care.openreferral_service_at_locations(&query))
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get a service at a location
#[utoipa::path(
    tag = "openreferral",
    description = "One service at location in full: the location with its address and the \
                   service in full.",
    params(("id" = String, Path, format = Uuid, description = "The service at location's id")),
    responses(
        (status = 200, description = "The service at location", body = ServiceAtLocation),
        (status = 404, description = "No such service at location", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/service_at_locations/{id}")]
pub async fn service_at_location(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let found = state
        .run(move |care| care.openreferral_service_at_location(&id))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// List organisations
#[utoipa::path(
    tag = "openreferral",
    description = "The providers as organisations, in list form, in provider order.",
    params(PageParams),
    responses(
        (status = 200, description = "One page", body = Page<Organization>),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 422, description = "A bad page or per_page", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/organizations")]
pub async fn organizations(
    state: web::Data<AppState>,
    params: Query<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.parse().map_err(ApiError::Validation)?;
    let page = state
        .run(move |care| care.openreferral_organizations(paging))
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get an organisation
#[utoipa::path(
    tag = "openreferral",
    description = "One organisation with its identifiers (the CQC location id when registered) \
                   and its service in full.",
    params(("id" = String, Path, format = Uuid, description = "The organisation's id")),
    responses(
        (status = 200, description = "The organisation", body = Organization),
        (status = 404, description = "No such organisation", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/organizations/{id}")]
pub async fn organization(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let found = state
        .run(move |care| care.openreferral_organization(&id))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// List taxonomies
#[utoipa::path(
    tag = "openreferral",
    description = "carematch's code lists as taxonomies (languages, cuisines, dietary laws, \
                   faith practices, services, experience...), without their terms. Their ids \
                   are the same in every carematch deployment.",
    params(PageParams),
    responses(
        (status = 200, description = "One page", body = Page<Taxonomy>),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 422, description = "A bad page or per_page", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/taxonomies")]
pub async fn taxonomies(
    state: web::Data<AppState>,
    params: Query<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.parse().map_err(ApiError::Validation)?;
    let page = state
        .run(move |care| Ok(care.openreferral_taxonomies(paging)))
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get a taxonomy
#[utoipa::path(
    tag = "openreferral",
    description = "One taxonomy with its terms.",
    params(("id" = String, Path, format = Uuid, description = "The taxonomy's id")),
    responses(
        (status = 200, description = "The taxonomy", body = Taxonomy),
        (status = 404, description = "No such taxonomy", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/taxonomies/{id}")]
pub async fn taxonomy(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let found = state
        .run(move |care| care.openreferral_taxonomy(&id))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// List taxonomy terms
#[utoipa::path(
    tag = "openreferral",
    description = "Every term of every taxonomy, taxonomy by taxonomy.",
    params(PageParams),
    responses(
        (status = 200, description = "One page", body = Page<TaxonomyTerm>),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 422, description = "A bad page or per_page", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/taxonomy_terms")]
pub async fn taxonomy_terms(
    state: web::Data<AppState>,
    params: Query<PageParams>,
) -> Result<HttpResponse, ApiError> {
    let paging = params.parse().map_err(ApiError::Validation)?;
    let page = state
        .run(move |care| Ok(care.openreferral_taxonomy_terms(paging)))
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Get a taxonomy term
#[utoipa::path(
    tag = "openreferral",
    description = "One taxonomy term.",
    params(("id" = String, Path, format = Uuid, description = "The term's id")),
    responses(
        (status = 200, description = "The term", body = TaxonomyTerm),
        (status = 404, description = "No such term", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/taxonomy_terms/{id}")]
pub async fn taxonomy_term(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let found = state
        .run(move |care| care.openreferral_taxonomy_term(&id))
        .await?;
    Ok(HttpResponse::Ok().json(found))
}
