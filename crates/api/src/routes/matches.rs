//! `POST /v1/matches` and `POST /v1/matches/pooled`: rank carers and providers against support
//! plans, with explanations and relaxations. Plans are personal data: they are never logged and
//! never stored here.

use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, post, web};
use carematch_index::Snapshot;
use carematch_matching::{MatchOutcome, PooledOutcome};
use carematch_service::matching::viewer_of;
use carematch_service::{MatchRequest, PooledRequest};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{self, JsonBytes};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(match_plan).service(match_pooled);
}

/// Rank carers and providers against one support plan.
#[utoipa::path(
    tag = "matching",
    description = "Finds carers (PAs) and providers who reach the person and meet every `required` \
                   criterion of the plan, ranked by the `preferred` criteria, distance and schedule \
                   cover (ties by distance, then kind and id), each with one line per criterion \
                   (`met`/`partial`/`unmet`). When fewer than `limit` match, `relaxations` says \
                   which single required criterion, relaxed, would add how many. When the plan's \
                   `schedule` is `required` and nobody matches, `teams` proposes up to 3 teams of \
                   2 or 3 candidates who together cover more of it than anyone alone, each member \
                   meeting every other required criterion, with each slot cut into parts and the \
                   member who covers each (`member` indexes `members`; `null`: nobody); left out \
                   otherwise. The plan is not stored or logged. Anonymous callers see only publicly listed carers (distances \
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
    let today = carematch_service::today();
    let cache = &state.match_cache;
    let key = cache.key(
        &cache_route("match", &state).await?,
        snapshot.version(),
        viewer,
        today,
        &body.0,
    );
    if let Some(body) = key.as_ref().and_then(|key| cache.get(key)) {
        return Ok(json_response(body));
    }
    let request: MatchRequest = json::parse(&body.0)?;
    let service = state.service().clone();
    // Matching is a fraction of a millisecond of CPU: run it on this worker unless the
    // postcode must be looked up in the database (a blocking call) first.
    let inline = service.locates_in_memory(&request.plan);
    let compute = move || -> Result<Bytes, ApiError> {
        let outcome = service.match_plan(&snapshot, &request, viewer, today)?;
        crate::outcome_json::match_outcome(&outcome)
            .map(Bytes::from)
            .map_err(encoding_failed)
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

/// The match cache's route key: the route and the generation of the agency directory whose
/// contacts the answer names on its carers, so that an answer naming an agency's old phone
/// number is not served after the agency changed it. The directory is made fresh first, and
/// the answer computed after, so an answer is never older than its key (the generation only
/// grows).
async fn cache_route(route: &str, state: &AppState) -> Result<String, ApiError> {
    let generation = match state.service().agency_directory_fresh() {
        Some(directory) => directory.generation(),
        // Read at most every 30 s (or after an agency's write), off the worker.
        None => state
            .run(|service| service.agency_directory())
            .await?
            .generation(),
    };
    Ok(format!("{route}|agencies:{generation}"))
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
        .map_err(encoding_failed)
}

fn encoding_failed(e: serde_json::Error) -> ApiError {
    ApiError::Internal(format!("encoding a match outcome: {e}"))
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
                   criteria and reach **every** person within that plan's maximum distance, with \
                   the pool added up: each plan's hours are judged against the sum of the hours \
                   every plan states, and a carer cannot cover two people's required times that \
                   overlap at different addresses (people within 0.1 km of each other count as \
                   one household). The score is the mean of the per-plan scores; each result \
                   explains each plan (`plans[i]`) as the pool sees it. When fewer than `limit` \
                   can serve the pool, `relaxations` counts those failing one criterion (the same \
                   one in every plan that fails): distance relaxes to twice the largest maximum. \
                   Same visibility rules as `POST /v1/matches`. Save a pool as demand with \
                   `POST /v1/plan-pools`.",
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
                "relaxations": [{"criterion": "hours_per_week", "suggestion": "2 more with fewer than 16 hours a week free", "additional": 2}],
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
    let today = carematch_service::today();
    let cache = &state.match_cache;
    let key = cache.key(
        &cache_route("pooled", &state).await?,
        snapshot.version(),
        viewer,
        today,
        &body.0,
    );
    if let Some(body) = key.as_ref().and_then(|key| cache.get(key)) {
        return Ok(json_response(body));
    }
    let request: PooledRequest = json::parse(&body.0)?;
    // Up to ten plans: always off the worker.
    let outcome = state
        .run(move |service| service.match_pooled(&snapshot, &request, viewer, today))
        .await?;
    let body = encode(&outcome)?;
    if let Some(key) = key {
        cache.put(key, body.clone());
    }
    Ok(json_response(body))
}
