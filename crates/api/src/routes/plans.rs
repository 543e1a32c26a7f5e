//! `POST/GET /v1/plans`, `DELETE /v1/plans/{id}`: support plans an agency saves so that they
//! count as demand on commissioners' gap maps (`GET /v1/gaps?demand=plans`, where any count
//! below 5 is suppressed). Only what matching needs is stored: the plan as carematch parses it
//! (nothing else the client sent), its location and the agency. Plans carry no names.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::{self, Query};
use actix_web::{HttpResponse, delete, get, post};
use carematch_domain::{AgencyId, Caller, GeoPoint, Role, SupportPlan, ValidationErrors};
use carematch_store::SavedPlan;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::ValidJson;
use crate::routes::carers::page_of;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(save_plan)
        .service(save_pool)
        .service(list_plans)
        .service(delete_plan);
}

/// A saved plan as returned to its agency.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanView {
    #[schema(example = 7)]
    pub id: i64,
    pub plan: SupportPlan,
    /// Where the plan's person is (its `location`, or its postcode's centroid).
    pub location: GeoPoint,
    pub created_at: DateTime<Utc>,
}

impl From<SavedPlan> for PlanView {
    fn from(saved: SavedPlan) -> Self {
        Self {
            id: saved.id,
            plan: saved.plan,
            location: saved.location,
            created_at: saved.created_at,
        }
    }
}

/// One page of an agency's plans.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanPage {
    pub items: Vec<PlanView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 3)]
    pub total: u64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListPlansParams {
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

fn agency_of(auth: Authenticated) -> Result<AgencyId, ApiError> {
    match auth.require(&[Role::Agency])? {
        Caller::Agency(agency) => Ok(agency),
        _ => Err(ApiError::Forbidden),
    }
}

/// Save a support plan as demand
#[utoipa::path(
    tag = "plans",
    description = "Stores a support plan (the same shape as `plan` in `POST /v1/matches`) for the \
                   calling agency, so that it counts as demand on gap maps. Only the plan as \
                   parsed is kept (unknown fields are rejected, and plans have no name fields); \
                   a postcode is located now. Agency keys only. Answers 201 with the id.",
    request_body(content = SupportPlan, example = json!({
        "postcode": "M13 0EG", "max_distance_km": 8,
        "languages": [{"code": "yue", "min_proficiency": "fluent", "priority": "required"}],
        "cuisines": [{"code": "cantonese", "priority": "preferred"}]})),
    responses(
        (status = 201, description = "Saved", body = PlanView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys may save plans", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid plan (fields named), or an unknown postcode", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/plans")]
pub async fn save_plan(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: ValidJson<SupportPlan>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let plan = body.into_inner();
    let saved = state
        .run(move |service| service.save_plan(agency, &plan))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/plans/{}", saved.id)))
        .json(PlanView::from(saved)))
}

/// A pool to save: the plans of several people pooling their budgets.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct PoolBody {
    /// 2 to 10 support plans, as in `POST /v1/matches/pooled`.
    #[schema(min_items = 2, max_items = 10)]
    pub plans: Vec<SupportPlan>,
}

carematch_domain::objects_only!(PoolBody);

/// The pool's plans are validated by the service ([`carematch_service::CareService::save_pool`]).
impl crate::json::Validate for PoolBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}

/// The plans of a saved pool.
#[derive(Debug, Serialize, ToSchema)]
pub struct PoolView {
    /// The saved plans, in the order given; each is also listed by `GET /v1/plans`.
    pub items: Vec<PlanView>,
}

/// Save a pool of plans as demand
#[utoipa::path(
    tag = "plans",
    description = "Stores the plans of a pool (several people pooling their budgets, the body of \
                   `POST /v1/matches/pooled` without `limit` and `kinds`) for the calling agency, \
                   all or none: each person counts once as demand on gap maps, as a plan saved \
                   alone does, and each plan is then listed and deleted through `/v1/plans`. \
                   Postcodes are located now. Agency keys only. Answers 201 with the plans.",
    request_body(content = PoolBody, example = json!({"plans": [
        {"postcode": "OL8 1AA", "max_distance_km": 5,
         "languages": [{"code": "urd", "min_proficiency": "fluent", "priority": "required"}]},
        {"postcode": "OL8 1AA", "max_distance_km": 5,
         "dietary_laws": [{"code": "halal", "priority": "required"}]}]})),
    responses(
        (status = 201, description = "Saved", body = PoolView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys may save plans", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Fewer than 2 or more than 10 plans, an invalid plan (fields named `plans[i]....`), or an unknown postcode", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/plan-pools")]
pub async fn save_pool(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: ValidJson<PoolBody>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let plans = body.into_inner().plans;
    let saved = state
        .run(move |service| service.save_pool(agency, &plans))
        .await?;
    Ok(HttpResponse::Created().json(PoolView {
        items: saved.into_iter().map(PlanView::from).collect(),
    }))
}

/// List the agency's saved plans
#[utoipa::path(
    tag = "plans",
    description = "The calling agency's own saved plans, oldest first. Agency keys only.",
    params(ListPlansParams),
    responses(
        (status = 200, description = "One page of plans", body = PlanPage),
        (status = 400, description = "Malformed query string (a parameter given twice, not a number)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys have saved plans", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/plans")]
pub async fn list_plans(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListPlansParams>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let page = page_of(params.page, params.per_page)?;
    let paged = state
        .run(move |service| service.plans(agency, page))
        .await?;
    Ok(HttpResponse::Ok().json(PlanPage {
        items: paged.items.into_iter().map(PlanView::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
    }))
}

/// Delete a saved plan
#[utoipa::path(
    tag = "plans",
    description = "Deletes one of the calling agency's plans (it stops counting as demand at \
                   once). Another agency's plan is 404, as if it did not exist. Answers 204.",
    params(("id" = i64, Path, description = "Plan id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys have saved plans", body = ErrorBody),
        (status = 404, description = "No such plan of this agency", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[delete("/plans/{id}")]
pub async fn delete_plan(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let id = id.into_inner();
    state
        .run(move |service| service.delete_plan(agency, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
