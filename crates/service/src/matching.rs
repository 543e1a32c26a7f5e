//! Matching support plans: validate, locate each person, compile, match on one snapshot of the
//! engine. Plans are personal data: never logged, never stored here.

use carematch_domain::{Caller, GeoPoint, SupportPlan, ValidationErrors};
use carematch_index::Snapshot;
use carematch_matching::{
    CandidateKind, CompiledPlan, KindFilter, MatchOptions, MatchOutcome, MatchWeights,
    PooledOutcome, Viewer,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::{CareService, ServiceError};

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
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
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
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
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
pub fn viewer_of(caller: Caller) -> Result<Viewer, ServiceError> {
    match caller {
        // Organisations, moderators and PAs match as the public does.
        Caller::Anonymous | Caller::Organisation(_) | Caller::Moderator | Caller::Pa { .. } => {
            Ok(Viewer::Public)
        }
        Caller::Agency(agency) => Ok(Viewer::Agency(agency)),
        Caller::Admin => Ok(Viewer::Admin),
        Caller::Commissioner => Err(ServiceError::Forbidden),
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

/// Validates the plans of a pool: 2 to 10 of them, each named `plans[i].*`.
pub(crate) fn validate_pool(plans: &[SupportPlan], errors: &mut ValidationErrors) {
    if !(2..=MAX_POOLED_PLANS).contains(&plans.len()) {
        errors.push("plans", "out_of_range", "give from 2 to 10 plans");
    }
    for (i, plan) in plans.iter().enumerate() {
        validate_plan(plan, &format!("plans[{i}]"), errors);
    }
}

impl MatchRequest {
    /// Checks the limit and the plan, naming every bad field (`limit`, `plan.*`). Pure: run it
    /// before anything is looked up.
    pub fn validate(&self) -> Result<(), ServiceError> {
        let mut errors = ValidationErrors::default();
        check_limit(self.limit, &mut errors);
        validate_plan(&self.plan, "plan", &mut errors);
        Ok(errors.into_result()?)
    }
}

impl PooledRequest {
    /// Checks the limit, the number of plans and each plan (`plans[i].*`). Pure.
    pub fn validate(&self) -> Result<(), ServiceError> {
        let mut errors = ValidationErrors::default();
        check_limit(self.limit, &mut errors);
        validate_pool(&self.plans, &mut errors);
        Ok(errors.into_result()?)
    }
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

/// The most results a page of results can reach ([`CareService::match_window`]): beyond a
/// thousand, a person is better served by a narrower search, and the page says so.
pub const MAX_RANKED: usize = 1000;

/// How a window of results is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultOrder {
    /// Best fit first (the score), as `POST /v1/matches` ranks.
    #[default]
    Fit,
    /// Nearest first, among every result that fits (ties by fit).
    Distance,
}

/// Which results a page shows: `take` of them after the first `skip`, in `order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultWindow {
    pub skip: usize,
    pub take: usize,
    pub order: ResultOrder,
}

/// A window of results, and whether more follow it.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowedOutcome {
    pub outcome: MatchOutcome,
    pub more: bool,
}

impl CareService {
    /// Whether the plan's location is known without asking the database (its coordinates, or a
    /// postcode the gazetteer cache holds) and the agency directory is fresh, so that matching it is CPU work only and may run on
    /// an async worker.
    pub fn locates_in_memory(&self, plan: &SupportPlan) -> bool {
        // The agencies named on the cards come from memory too, unless the directory is stale.
        self.agency_directory_fresh().is_some()
            && plan
                .postcode
                .as_ref()
                .is_none_or(|postcode| self.store.locate_cached(postcode).is_some())
    }

    /// The plan's location: its postcode through the gazetteer, or its coordinates. An unknown
    /// postcode is recorded in `errors` as `<prefix>.postcode`.
    fn resolve(
        &self,
        plan: &SupportPlan,
        prefix: &str,
        errors: &mut ValidationErrors,
    ) -> Result<Option<GeoPoint>, ServiceError> {
        if let Some(postcode) = &plan.postcode {
            return match self.store.locate(postcode)? {
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

    /// Ranks carers and providers against one plan on `snapshot`, as `viewer` on `today`:
    /// validates, locates the person (blocking only when the postcode is not cached, see
    /// [`CareService::locates_in_memory`]), compiles and matches.
    pub fn match_plan(
        &self,
        snapshot: &Snapshot,
        request: &MatchRequest,
        viewer: Viewer,
        today: NaiveDate,
    ) -> Result<MatchOutcome, ServiceError> {
        request.validate()?;
        let mut errors = ValidationErrors::default();
        let location = self.resolve(&request.plan, "plan", &mut errors)?;
        errors.into_result()?;
        let location = location.ok_or_else(|| {
            ServiceError::Internal("a validated plan has a postcode or a location".into())
        })?;
        // Preferred and blocked carers are the matcher's (carematch_matching::CompiledPlan).
        let compiled = CompiledPlan::compile(&request.plan, location);
        let options = options(request.limit, &request.kinds, viewer, today, self.weights());
        let mut outcome = {
            let _admitted = self.engine()?.admit();
            snapshot.match_plan(&compiled, &options)
        };
        // Blocking only when the directory is stale (see `locates_in_memory`).
        self.agency_directory()?.name_agencies(&mut outcome);
        Ok(outcome)
    }

    /// A window of one plan's results for pages that show them a page at a time (the web's
    /// find page and the agency console): the same engine, rules and reasons as
    /// [`CareService::match_plan`], without the API's 100-per-response `limit`; the engine ranks
    /// at most [`MAX_RANKED`]. Blocking only when the postcode is not cached.
    pub fn match_window(
        &self,
        snapshot: &Snapshot,
        plan: &SupportPlan,
        viewer: Viewer,
        today: NaiveDate,
        window: ResultWindow,
    ) -> Result<WindowedOutcome, ServiceError> {
        let mut errors = ValidationErrors::default();
        validate_plan(plan, "plan", &mut errors);
        errors.into_result()?;
        let mut errors = ValidationErrors::default();
        let location = self.resolve(plan, "plan", &mut errors)?;
        errors.into_result()?;
        let location = location.ok_or_else(|| {
            ServiceError::Internal("a validated plan has a postcode or a location".into())
        })?;
        let compiled = CompiledPlan::compile(plan, location);
        let end = window.skip.saturating_add(window.take).min(MAX_RANKED);
        // One more than the window shows tells whether another page follows; nearest-first
        // needs every result that fits before it can order them.
        let limit = match window.order {
            ResultOrder::Fit => end + 1,
            ResultOrder::Distance => MAX_RANKED,
        }
        .min(MAX_RANKED);
        let options = options(limit, &[], viewer, today, self.weights());
        let mut outcome = {
            let _admitted = self.engine()?.admit();
            snapshot.match_plan(&compiled, &options)
        };
        if window.order == ResultOrder::Distance {
            outcome.matches.sort_by(|a, b| {
                a.distance_km
                    .total_cmp(&b.distance_km)
                    .then(b.score.total_cmp(&a.score))
            });
        }
        let more = outcome.matches.len() > end;
        outcome.matches.truncate(end);
        let skip = window.skip.min(outcome.matches.len());
        outcome.matches.drain(..skip);
        self.agency_directory()?.name_agencies(&mut outcome);
        Ok(WindowedOutcome { outcome, more })
    }

    /// Candidates who can serve every plan of a pool, on `snapshot`, as `viewer` on `today`.
    /// Blocking: up to ten postcodes may be looked up.
    pub fn match_pooled(
        &self,
        snapshot: &Snapshot,
        request: &PooledRequest,
        viewer: Viewer,
        today: NaiveDate,
    ) -> Result<PooledOutcome, ServiceError> {
        request.validate()?;
        let mut errors = ValidationErrors::default();
        let mut compiled = Vec::with_capacity(request.plans.len());
        for (i, plan) in request.plans.iter().enumerate() {
            if let Some(location) = self.resolve(plan, &format!("plans[{i}]"), &mut errors)? {
                compiled.push(CompiledPlan::compile(plan, location));
            }
        }
        errors.into_result()?;
        let options = options(request.limit, &request.kinds, viewer, today, self.weights());
        let mut outcome = {
            let _admitted = self.engine()?.admit();
            snapshot.match_pooled(&compiled, &options)
        };
        self.agency_directory()?.name_pooled_agencies(&mut outcome);
        Ok(outcome)
    }
}
