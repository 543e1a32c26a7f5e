//! `/v1/providers`: organisations. Everyone reads the published (public) view; agencies create
//! providers and edit only the ones they created; admins edit all. See `docs/api.md`.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::Query;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use carematch_domain::{Caller, Provider, ProviderDetails, ProviderId, Role};
use carematch_service::records::manages;
use carematch_store::ProviderFilter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::ValidJson;
use crate::routes::carers::{IfMatchHeader, if_match, page_of};
use crate::state::AppState;
use crate::views::{ProviderView, PublicProvider, today};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_provider)
        .service(list_providers)
        .service(get_provider)
        .service(update_provider)
        .service(delete_provider);
}

/// Paging for `GET /v1/providers`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListProvidersParams {
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
    /// Agency keys: `true` for only the providers this agency manages (401 without a key, 403
    /// with another role's).
    pub mine: Option<bool>,
}

/// One page of providers.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderPage {
    pub items: Vec<ProviderView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 12)]
    pub total: u64,
}

fn view(caller: Caller, provider: Provider) -> ProviderView {
    if manages(caller, &provider) {
        ProviderView::Full(Box::new(provider))
    } else {
        ProviderView::Public(Box::new(PublicProvider::new(&provider, today())))
    }
}

fn etag(version: i64) -> (header::HeaderName, String) {
    (header::ETAG, format!("\"{version}\""))
}

/// Create a provider
#[utoipa::path(
    tag = "providers",
    description = "Stores a new provider record. Agency keys create providers they then manage \
                   (and alone may edit, besides admins); admin-created providers are managed by \
                   admins only. The postcode (the organisation's address) is located through \
                   the gazetteer. Every invalid field is listed at once.",
    request_body(content = ProviderDetails, content_type = "application/json", example = json!({
        "name": "Wah Sum Luncheon Club", "kind": "luncheon_club",
        "description": "Cantonese lunches and company, Tuesdays and Thursdays.",
        "communities": ["chinese"], "staff_languages": ["yue", "eng"], "cuisines": ["cantonese"],
        "services": ["luncheon_club", "companionship"], "postcode": "LE1 5WW",
        "service_area": {"type": "radius", "km": 10.0}, "accepting_new_clients": true,
        "accepting_confirmed_on": "2026-11-01", "self_referral": true,
        "last_confirmed_on": "2026-11-01"
    })),
    responses(
        (status = 201, description = "Stored", body = Provider),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "The key's role may not create providers", body = ErrorBody),
        (status = 409, description = "external_ref already used", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/providers")]
pub async fn create_provider(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: ValidJson<ProviderDetails>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let details = body.into_inner();
    let provider = state
        .run(move |service| service.create_provider(caller, &details))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/providers/{}", provider.id)))
        .insert_header(etag(provider.version))
        .json(provider))
}

/// List providers
#[utoipa::path(
    tag = "providers",
    description = "Every live provider in id order, pages of up to 100. Each item is the public \
                   view (what the organisation publishes, with `accepting_new_clients` false once \
                   the flag lapsed), or the full record for the agency that manages it and for \
                   admins. Agency keys may pass `mine=true` for only their own.",
    params(ListProvidersParams),
    responses(
        (status = 200, description = "One page", body = ProviderPage),
        (status = 400, description = "Malformed query string (a parameter given twice, not a number)", body = ErrorBody),
        (status = 401, description = "Unknown or revoked key; or `mine=true` without a key", body = ErrorBody),
        (status = 403, description = "`mine=true` with a key that is not an agency's", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/providers")]
pub async fn list_providers(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListProvidersParams>,
) -> Result<HttpResponse, ApiError> {
    let page = page_of(params.page, params.per_page)?;
    let caller = auth.0;
    let mut filter = ProviderFilter::default();
    if params.mine == Some(true) {
        match caller {
            Caller::Agency(own) => filter.agency = Some(own),
            Caller::Organisation(own) => filter.organisation = Some(own),
            // Only an agency manages providers of its own: without a key, send one; with
            // another role's key, that role has no "mine".
            Caller::Anonymous => return Err(ApiError::Unauthorized),
            Caller::Admin | Caller::Commissioner | Caller::Moderator | Caller::Pa { .. } => {
                return Err(ApiError::Forbidden);
            }
        }
    }
    // A stale listing is hidden from the public; who manages it lists it with `mine=true`.
    filter.public_only = caller != Caller::Admin && params.mine != Some(true);
    let found = state
        .run(move |service| Ok(service.store().list_providers(&filter, page)?))
        .await?;
    Ok(HttpResponse::Ok().json(ProviderPage {
        items: found.items.into_iter().map(|p| view(caller, p)).collect(),
        page: page.page,
        per_page: page.per_page,
        total: found.total,
    }))
}

/// Get one provider
#[utoipa::path(
    tag = "providers",
    description = "The public view, or the full record (with `ETag`) for the agency or \
                   organisation that manages the provider and for admins. A listing hidden as \
                   stale (not confirmed for 180 days) is 404 to everyone else.",
    params(("id" = i64, Path, description = "Provider id")),
    responses(
        (status = 200, description = "The provider", body = ProviderView),
        (status = 401, description = "Unknown or revoked key", body = ErrorBody),
        (status = 404, description = "No such provider", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/providers/{id}")]
pub async fn get_provider(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = ProviderId(id.into_inner());
    let provider = state.run(move |service| service.provider(id)).await?;
    if !provider.is_public() && !manages(auth.0, &provider) {
        // Hidden as stale: to the public it is gone, the same 404 as a missing one.
        return Err(ApiError::NotFound {
            what: "provider",
            id: id.0.to_string(),
        });
    }
    let mut response = HttpResponse::Ok();
    if manages(auth.0, &provider) {
        response.insert_header(etag(provider.version));
    }
    Ok(response.json(view(auth.0, provider)))
}

/// Replace a provider
#[utoipa::path(
    tag = "providers",
    description = "Replaces the provider's details: admins, or the agency that created it (403 \
                   otherwise). `If-Match: \"<version>\"` guards against lost updates (409 when \
                   stale).",
    params(
        ("id" = i64, Path, description = "Provider id"),
        IfMatchHeader
    ),
    request_body(content = ProviderDetails, content_type = "application/json"),
    responses(
        (status = 200, description = "Updated", body = Provider),
        (status = 400, description = "Malformed JSON or If-Match", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not managed by this caller", body = ErrorBody),
        (status = 404, description = "No such provider", body = ErrorBody),
        (status = 409, description = "Stale If-Match version, or external_ref taken", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[put("/providers/{id}")]
pub async fn update_provider(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    body: ValidJson<ProviderDetails>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = id.into_inner();
    let expected = if_match(&req)?;
    let details = body.into_inner();
    let provider = state
        .run(move |service| service.update_provider(caller, ProviderId(id), &details, expected))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(provider.version))
        .json(provider))
}

/// Delete a provider
#[utoipa::path(
    tag = "providers",
    description = "Soft-deletes the provider (admins, or the agency that created it). Answers 204.",
    params(("id" = i64, Path, description = "Provider id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not managed by this caller", body = ErrorBody),
        (status = 404, description = "No such provider", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[delete("/providers/{id}")]
pub async fn delete_provider(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = id.into_inner();
    state
        .run(move |service| service.delete_provider(caller, ProviderId(id)))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
