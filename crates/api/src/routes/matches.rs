//! `POST /v1/matches` and `POST /v1/matches/pooled`: rank carers and providers against support
//! plans, with explanations and relaxations. Plans are personal data: they are never logged and
//! never stored here.

use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, post, web};
use carematch_domain::{Caller, GeoPoint, SupportPlan, ValidationErrors};
use carematch_index::Snapshot;
use carematch_matching::{
    CandidateKind, CompiledPlan, KindFilter, MatchOptions, MatchOutcome, MatchWeights,
    PooledOutcome, Viewer,
};
use carematch_store::Store;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{self, JsonBytes};
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
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
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
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
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

carematch_domain::objects_only!(MatchRequest, PooledRequest);

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

/// Whether the plan's location is known without asking the database (its coordinates, or a
/// postcode the gazetteer cache holds), so that matching is CPU work only.
fn located_in_memory(store: &Store, plan: &SupportPlan) -> bool {
    plan.postcode
        .as_ref()
        .is_none_or(|postcode| store.locate_cached(postcode).is_some())
}

fn options(
    limit: usize,
    kinds: &[CandidateKind],
    viewer: Viewer,
    today: NaiveDate,
    weights: MatchWeights,
) -> MatchOptions {
    let mut options = MatchOptions::new(today);
    options.weights = weights;
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
    body: JsonBytes,
) -> Result<HttpResponse, ApiError> {
    let viewer = viewer_of(auth.0)?;
    let snapshot = current_snapshot::<MatchRequest>(&state, &body)?;
    let today = chrono::Utc::now().date_naive();
    let weights = state.weights;
    let cache = &state.match_cache;
    let key = cache.key("match", snapshot.version(), viewer, today, &body.0);
    if let Some(body) = key.as_ref().and_then(|key| cache.get(key)) {
        return Ok(json_response(body));
    }
    let request: MatchRequest = json::parse(&body.0)?;
    let mut errors = ValidationErrors::default();
    check_limit(request.limit, &mut errors);
    validate_plan(&request.plan, "plan", &mut errors);
    errors.into_result()?;
    let store = state.store.clone();
    // Matching is a fraction of a millisecond of CPU: run it on this worker unless the
    // postcode must be looked up in the database (a blocking call) first.
    let inline = located_in_memory(&store, &request.plan);
    let compute = move || -> Result<Bytes, ApiError> {
        let mut errors = ValidationErrors::default();
        let location = resolve(&store, &request.plan, "plan", &mut errors)?;
        errors.into_result()?;
        let location = location.ok_or_else(|| {
            ApiError::Internal("a validated plan has a postcode or a location".into())
        })?;
        let compiled = CompiledPlan::compile(&request.plan, location);
        let options = options(request.limit, &request.kinds, viewer, today, weights);
        encode(&snapshot.match_plan(&compiled, &options))
    };
    let body = if inline {
        compute()?
    } else {
        web::block(compute).await??
    };
    if let Some(key) = key {
        cache.put(key, body.clone());
    }
    Ok(json_response(body))
}

/// The engine's current snapshot. While the indexes load, a body that does not parse still
/// gets its 400 or 422 rather than 503, as it would from a JSON extractor.
fn current_snapshot<T: DeserializeOwned>(
    state: &AppState,
    body: &JsonBytes,
) -> Result<Arc<Snapshot>, ApiError> {
    match state.engine() {
        Ok(engine) => Ok(engine.snapshot()),
        Err(unavailable) => {
            json::parse::<T>(&body.0)?;
            Err(unavailable)
        }
    }
}

fn encode(outcome: &impl Serialize) -> Result<Bytes, ApiError> {
    serde_json::to_vec(outcome)
        .map(Bytes::from)
        .map_err(|e| ApiError::Internal(format!("encoding a match outcome: {e}")))
}

fn json_response(body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(body)
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
    body: JsonBytes,
) -> Result<HttpResponse, ApiError> {
    let viewer = viewer_of(auth.0)?;
    let snapshot = current_snapshot::<PooledRequest>(&state, &body)?;
    let today = chrono::Utc::now().date_naive();
    let weights = state.weights;
    let cache = &state.match_cache;
    let key = cache.key("pooled", snapshot.version(), viewer, today, &body.0);
    if let Some(body) = key.as_ref().and_then(|key| cache.get(key)) {
        return Ok(json_response(body));
    }
    let request: PooledRequest = json::parse(&body.0)?;
    let mut errors = ValidationErrors::default();
    check_limit(request.limit, &mut errors);
    if !(2..=MAX_POOLED_PLANS).contains(&request.plans.len()) {
        errors.push("plans", "out_of_range", "give from 2 to 10 plans");
    }
    for (i, plan) in request.plans.iter().enumerate() {
        validate_plan(plan, &format!("plans[{i}]"), &mut errors);
    }
    errors.into_result()?;
    let store = state.store.clone();
    // Up to ten plans: always off the worker.
    let body = web::block(move || -> Result<Bytes, ApiError> {
        let mut errors = ValidationErrors::default();
        let mut compiled = Vec::with_capacity(request.plans.len());
        for (i, plan) in request.plans.iter().enumerate() {
            if let Some(location) = resolve(&store, plan, &format!("plans[{i}]"), &mut errors)? {
                compiled.push(CompiledPlan::compile(plan, location));
            }
        }
        errors.into_result()?;
        let options = options(request.limit, &request.kinds, viewer, today, weights);
        encode(&snapshot.match_pooled(&compiled, &options))
    })
    .await??;
    if let Some(key) = key {
        cache.put(key, body.clone());
    }
    Ok(json_response(body))
}
