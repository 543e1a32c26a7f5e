//! `POST /v1/matches` and `POST /v1/matches/pooled`: rank carers and providers against support
//! plans, with explanations and relaxations. Plans are personal data: they are never logged and
//! never stored here.

use actix_web::{post, web};
use carematch_domain::matching::{
    CandidateKind, CompiledPlan, KindFilter, MatchOptions, MatchOutcome, PooledOutcome, Viewer,
};
use carematch_domain::{Caller, GeoPoint, SupportPlan, ValidationErrors};
use carematch_store::Store;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(match_plan).service(match_pooled);
}

/// Results per request when `limit` is left out.
pub const DEFAULT_LIMIT: usize = 20;
/// The largest `limit`.
pub const MAX_LIMIT: usize = 100;
/// The most plans one pooled request may hold.
pub const MAX_POOLED_PLANS: usize = 10;

fn default_limit() -> usize {
    DEFAULT_LIMIT
}

/// A match request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchRequest {
    /// The person's support plan (give `postcode` or `location`).
    pub plan: SupportPlan,
    /// Results wanted, 1 to 100 (default 20).
    #[serde(default = "default_limit")]
    #[schema(default = 20, minimum = 1, maximum = 100)]
    pub limit: usize,
    /// Kinds of candidate to return; empty or left out means both.
    #[serde(default)]
    pub kinds: Vec<CandidateKind>,
}

/// A pooled match request: several people pooling their budgets.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PooledRequest {
    /// 2 to 10 support plans; candidates must serve every one.
    #[schema(min_items = 2, max_items = 10)]
    pub plans: Vec<SupportPlan>,
    /// Results wanted, 1 to 100 (default 20).
    #[serde(default = "default_limit")]
    #[schema(default = 20, minimum = 1, maximum = 100)]
    pub limit: usize,
    #[serde(default)]
    pub kinds: Vec<CandidateKind>,
}

/// The viewer a caller matches as; commissioners see aggregates only.
pub fn viewer_of(caller: Caller) -> Result<Viewer, ApiError> {
    match caller {
        Caller::Anonymous => Ok(Viewer::Public),
        Caller::Agency(agency) => Ok(Viewer::Agency(agency)),
        Caller::Admin => Ok(Viewer::Admin),
        Caller::Commissioner => Err(ApiError::Forbidden),
    }
}

fn check_limit(limit: usize, errors: &mut ValidationErrors) {
    if !(1..=MAX_LIMIT).contains(&limit) {
        errors.push("limit", "out_of_range", "must be from 1 to 100");
    }
}

/// Validates a plan, reporting fields under `prefix` (`plan`, `plans[1]`).
fn validate_plan(plan: &SupportPlan, prefix: &str, errors: &mut ValidationErrors) {
    if let Err(plan_errors) = plan.validate() {
        for mut error in plan_errors.0 {
            error.field = format!("{prefix}.{}", error.field);
            errors.0.push(error);
        }
    }
}

/// The plan's location: its postcode through the gazetteer, or its coordinates.
fn resolve(
    store: &Store,
    plan: &SupportPlan,
    prefix: &str,
    errors: &mut ValidationErrors,
) -> Result<Option<GeoPoint>, ApiError> {
    if let Some(postcode) = &plan.postcode {
        return match store.locate(postcode)? {
            Some(located) => Ok(Some(located.point)),
            None => {
                errors.push(
                    format!("{prefix}.postcode"),
                    "unknown_postcode",
                    format!("`{}` is not a known postcode", postcode.as_str()),
                );
                Ok(None)
            }
        };
    }
    Ok(plan.location)
}

fn options(limit: usize, kinds: &[CandidateKind], viewer: Viewer) -> MatchOptions {
    let mut options = MatchOptions::new(chrono::Utc::now().date_naive());
    options.limit = limit;
    options.kinds = KindFilter::from_kinds(kinds);
    options.viewer = viewer;
    options
}

/// Rank carers and providers against one support plan.
#[utoipa::path(
    tag = "matching",
    description = "Finds carers (PAs) and providers who reach the person and meet every `required` \
                   criterion of the plan, ranked by the `preferred` criteria, distance and schedule \
                   cover (ties by distance, then kind and id), each with one line per criterion \
                   (`met`/`partial`/`unmet`). When fewer than `limit` match, `relaxations` says \
                   which single required criterion, relaxed, would add how many. The plan is not \
                   stored or logged. Anonymous callers see only publicly listed carers (distances \
                   rounded to 0.5 km); an agency also sees its own unlisted carers; commissioners \
                   may not match (403). See docs/matching.md.",
    request_body(content = MatchRequest, example = json!({
        "plan": {"postcode": "M13 0EG", "max_distance_km": 8,
                 "languages": [{"code": "yue", "min_proficiency": "fluent", "priority": "required"}],
                 "cuisines": [{"code": "cantonese", "priority": "preferred"}]},
        "limit": 5, "kinds": ["carer", "provider"]})),
    responses(
        (status = 200, description = "Ranked matches with explanations", body = MatchOutcome,
            example = json!({"matches": [{"kind": "carer", "id": 1, "name": "Mei L.", "score": 0.875,
                "distance_km": 2.5, "criteria": [
                    {"criterion": "language:yue", "required": true, "result": "met", "detail": "speaks Cantonese (native)"},
                    {"criterion": "cuisine:cantonese", "required": false, "result": "met", "detail": "cooks Cantonese home food"}]}],
                "relaxations": [{"criterion": "distance", "suggestion": "1 more within 16 km", "additional": 1}],
                "considered": 12})),
        (status = 400, description = "The body is not JSON of this shape", body = ErrorBody),
        (status = 401, description = "A key was sent but is not valid", body = ErrorBody),
        (status = 403, description = "Commissioner keys may not match", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid plan, unknown postcode (`plan.postcode`) or limit out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[post("/matches")]
pub async fn match_plan(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: web::Json<MatchRequest>,
) -> Result<web::Json<MatchOutcome>, ApiError> {
    let viewer = viewer_of(auth.0)?;
    let request = body.into_inner();
    let engine = state.engine()?.clone();
    let store = state.store.clone();
    let outcome = web::block(move || -> Result<MatchOutcome, ApiError> {
        let mut errors = ValidationErrors::default();
        check_limit(request.limit, &mut errors);
        validate_plan(&request.plan, "plan", &mut errors);
        errors.clone().into_result()?;
        let location = resolve(&store, &request.plan, "plan", &mut errors)?;
        errors.into_result()?;
        let location = location.ok_or_else(|| {
            ApiError::Internal("a validated plan has a postcode or a location".into())
        })?;
        let compiled = CompiledPlan::compile(&request.plan, location);
        let options = options(request.limit, &request.kinds, viewer);
        Ok(engine.match_plan(&compiled, &options))
    })
    .await??;
    Ok(web::Json(outcome))
}

/// Find candidates who can serve several plans at once.
#[utoipa::path(
    tag = "matching",
    description = "For people pooling their budgets: candidates who meet **every** plan's required \
                   criteria and reach **every** person within that plan's maximum distance. The \
                   score is the mean of the per-plan scores; each result explains each plan \
                   (`plans[i]`). No relaxations are reported. Same visibility rules as \
                   `POST /v1/matches`.",
    request_body(content = PooledRequest, example = json!({
        "plans": [
            {"postcode": "OL8 1AA", "max_distance_km": 5,
             "languages": [{"code": "urd", "min_proficiency": "fluent", "priority": "required"}]},
            {"postcode": "OL8 1AA", "max_distance_km": 5,
             "dietary_laws": [{"code": "halal", "priority": "required"}]}],
        "limit": 10})),
    responses(
        (status = 200, description = "Candidates who can serve every plan", body = PooledOutcome,
            example = json!({"matches": [{"kind": "carer", "id": 7, "name": "Aisha K.", "score": 0.81,
                "distance_km": 1.5, "plans": [
                    {"plan": 0, "score": 0.8, "distance_km": 1.5, "criteria": [
                        {"criterion": "language:urd", "required": true, "result": "met", "detail": "speaks Urdu (native)"}]},
                    {"plan": 1, "score": 0.82, "distance_km": 1.5, "criteria": [
                        {"criterion": "diet:halal", "required": true, "result": "met", "detail": "keeps halal food rules"}]}]}],
                "considered": 40})),
        (status = 400, description = "The body is not JSON of this shape", body = ErrorBody),
        (status = 401, description = "A key was sent but is not valid", body = ErrorBody),
        (status = 403, description = "Commissioner keys may not match", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Fewer than 2 or more than 10 plans, an invalid plan, an unknown postcode (`plans[i].postcode`) or limit out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[post("/matches/pooled")]
pub async fn match_pooled(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: web::Json<PooledRequest>,
) -> Result<web::Json<PooledOutcome>, ApiError> {
    let viewer = viewer_of(auth.0)?;
    let request = body.into_inner();
    let engine = state.engine()?.clone();
    let store = state.store.clone();
    let outcome = web::block(move || -> Result<PooledOutcome, ApiError> {
        let mut errors = ValidationErrors::default();
        check_limit(request.limit, &mut errors);
        if !(2..=MAX_POOLED_PLANS).contains(&request.plans.len()) {
            errors.push("plans", "out_of_range", "give from 2 to 10 plans");
        }
        for (i, plan) in request.plans.iter().enumerate() {
            validate_plan(plan, &format!("plans[{i}]"), &mut errors);
        }
        errors.clone().into_result()?;
        let mut compiled = Vec::with_capacity(request.plans.len());
        for (i, plan) in request.plans.iter().enumerate() {
            if let Some(location) = resolve(&store, plan, &format!("plans[{i}]"), &mut errors)? {
                compiled.push(CompiledPlan::compile(plan, location));
            }
        }
        errors.into_result()?;
        let options = options(request.limit, &request.kinds, viewer);
        Ok(engine.match_pooled(&compiled, &options))
    })
    .await??;
    Ok(web::Json(outcome))
}
