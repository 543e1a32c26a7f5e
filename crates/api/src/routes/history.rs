//! Edit history, restore and confirmation of carers and providers (docs/api.md, "Edit history
//! and freshness"): `GET /v1/{carers,providers}/{id}/history`, `POST .../restore`,
//! `POST .../confirm`.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::web::Query;
use actix_web::{HttpResponse, get, post, web};
use carematch_domain::{Carer, CarerId, HistoryEntry, Provider, ProviderId, Role};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::routes::carers::page_of;
use crate::state::AppState;
use crate::views::today;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(carer_history)
        .service(provider_history)
        .service(restore_carer)
        .service(restore_provider)
        .service(confirm_carer)
        .service(confirm_provider);
}

/// Roles that may manage a provider (the service then checks it is theirs).
const PROVIDER_MANAGERS: &[Role] = &[Role::Agency, Role::Organisation, Role::Admin];

/// Paging for a history.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryParams {
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// One page of a record's history, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryPage {
    pub items: Vec<HistoryEntry>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 3)]
    pub total: u64,
}

fn history_page(
    paged: carematch_store::Paged<HistoryEntry>,
    page: u32,
    per_page: u32,
) -> HistoryPage {
    HistoryPage {
        items: paged.items,
        page,
        per_page,
        total: paged.total,
    }
}

/// A carer's edit history
#[utoipa::path(
    tag = "carers",
    description = "Who changed the record, when, and which fields (names only, never values): \
                   create, update, delete, restore, confirm, vet and stale (hidden by the \
                   freshness sweep), newest first. For the agency that holds the carer and \
                   admins; also for a deleted carer.",
    params(("id" = i64, Path, description = "Carer id"), HistoryParams),
    responses(
        (status = 200, description = "One page of the history", body = HistoryPage),
        (status = 400, description = "Malformed query string (page or per_page not a number)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this caller's carer", body = ErrorBody),
        (status = 404, description = "No such carer", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/carers/{id}/history")]
pub async fn carer_history(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    params: Query<HistoryParams>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let page = page_of(params.page, params.per_page)?;
    let id = CarerId(id.into_inner());
    let paged = state
        .run(move |service| service.carer_history(caller, id, page))
        .await?;
    Ok(HttpResponse::Ok().json(history_page(paged, page.page, page.per_page)))
}

/// A provider's edit history
#[utoipa::path(
    tag = "providers",
    description = "Who changed the provider, when, and which fields (names only), newest first. \
                   For the agency or organisation that manages it, moderators and admins; also \
                   for a deleted provider.",
    params(("id" = i64, Path, description = "Provider id"), HistoryParams),
    responses(
        (status = 200, description = "One page of the history", body = HistoryPage),
        (status = 400, description = "Malformed query string (page or per_page not a number)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a provider this caller manages", body = ErrorBody),
        (status = 404, description = "No such provider", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/providers/{id}/history")]
pub async fn provider_history(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    params: Query<HistoryParams>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[
        Role::Agency,
        Role::Organisation,
        Role::Moderator,
        Role::Admin,
    ])?;
    let page = page_of(params.page, params.per_page)?;
    let id = ProviderId(id.into_inner());
    let paged = state
        .run(move |service| service.provider_history(caller, id, page))
        .await?;
    Ok(HttpResponse::Ok().json(history_page(paged, page.page, page.per_page)))
}

/// Restore a deleted carer
#[utoipa::path(
    tag = "carers",
    description = "Undoes a soft delete (the agency that holds the carer, or an admin): the \
                   record is back in reads, search and matching. 404 when the carer is unknown \
                   (a live carer is answered as it is: restoring twice is harmless); 409 when its \
                   `external_ref` was reused meanwhile.",
    params(("id" = i64, Path, description = "Carer id")),
    responses(
        (status = 200, description = "Restored", body = Carer),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this caller's carer", body = ErrorBody),
        (status = 404, description = "No such deleted carer", body = ErrorBody),
        (status = 409, description = "The external_ref is taken by a live carer", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/carers/{id}/restore")]
pub async fn restore_carer(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = CarerId(id.into_inner());
    let carer = state
        .run(move |service| service.restore_carer(caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(carer))
}

/// Restore a deleted provider
#[utoipa::path(
    tag = "providers",
    description = "Undoes a soft delete (whoever may delete it: its managing agency or \
                   organisation, or an admin). 404 when unknown; a live provider is answered as it is.",
    params(("id" = i64, Path, description = "Provider id")),
    responses(
        (status = 200, description = "Restored", body = Provider),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a provider this caller manages", body = ErrorBody),
        (status = 404, description = "No such deleted provider", body = ErrorBody),
        (status = 409, description = "The external_ref is taken by a live provider", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/providers/{id}/restore")]
pub async fn restore_provider(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(PROVIDER_MANAGERS)?;
    let id = ProviderId(id.into_inner());
    let provider = state
        .run(move |service| service.restore_provider(caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(provider))
}

/// Confirm a carer is all still true
#[utoipa::path(
    tag = "carers",
    description = "The holding agency (or an admin) confirms the record: `last_confirmed_on` \
                   becomes today, `confirmed_by` the caller, and a record the freshness sweep \
                   hid as stale is public again.",
    params(("id" = i64, Path, description = "Carer id")),
    responses(
        (status = 200, description = "Confirmed", body = Carer),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not this caller's carer", body = ErrorBody),
        (status = 404, description = "No such carer", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/carers/{id}/confirm")]
pub async fn confirm_carer(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = CarerId(id.into_inner());
    let carer = state
        .run(move |service| service.confirm_carer(caller, id, today()))
        .await?;
    Ok(HttpResponse::Ok().json(carer))
}

/// Confirm a provider is all still true
#[utoipa::path(
    tag = "providers",
    description = "Whoever manages the provider (its agency or organisation, or an admin) \
                   confirms it: `last_confirmed_on` becomes today and a stale listing is public \
                   again.",
    params(("id" = i64, Path, description = "Provider id")),
    responses(
        (status = 200, description = "Confirmed", body = Provider),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a provider this caller manages", body = ErrorBody),
        (status = 404, description = "No such provider", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/providers/{id}/confirm")]
pub async fn confirm_provider(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(PROVIDER_MANAGERS)?;
    let id = ProviderId(id.into_inner());
    let provider = state
        .run(move |service| service.confirm_provider(caller, id, today()))
        .await?;
    Ok(HttpResponse::Ok().json(provider))
}
