//! Matching: support plans against carers and providers. Pure: no IO, and today's date is passed
//! in. See `docs/matching.md` for the model, the default weights and the wording.
//!
//! 1. The geographic index retrieves candidates near the person and gives their distance.
//! 2. [`match_plan`] drops candidates whose own reach (a carer's travel radius, a provider's
//!    radius or polygon) does not include the person, filters on every required criterion,
//!    scores the rest ([`MatchWeights`]), keeps the best `limit` in a deterministic order (score
//!    descending, distance ascending, then kind and id) and explains them.
//! 3. When fewer than `limit` match, the same pass has counted the candidates that fail exactly
//!    one required criterion: those counts are the [`Relaxation`]s.
//! 4. [`match_pooled`] finds candidates who can serve several plans at once.
//! 5. [`match_teams`] proposes 2 or 3 candidates who together cover a required schedule nobody
//!    covers alone.
//!
//! A required criterion passes only when `met`: a `partial` ("speaks Chinese, dialect not stated
//! — confirm Cantonese") never satisfies a required language; it is reported in the relaxations.

mod area;
mod candidate;
pub mod columnar;
mod criterion;
mod explain;
mod options;
mod outcome;
mod plan;
mod pooled;
mod rank;
mod reference;
mod rules;
mod team;
mod weights;

pub mod gaps;

pub use area::AreaPolygon;
pub use candidate::{Candidate, CandidateKind, Reach, Roster, SideEntry, date_of_day, day_number};
pub use columnar::{BLOCK, HotColumns, Matcher};
pub use criterion::{CodeCriterion, CriterionId, UnknownCriterion};
pub use explain::english::{self as english, CriterionResult, RelaxationText};
pub use explain::{
    CriterionOutcome, DayPeriod, Explanation, Facts, FreeTime, Relaxation, RelaxationFacts,
    ScheduleFacts, free_times,
};
pub use options::{KindFilter, MatchOptions, Viewer};
pub use outcome::{Match, MatchOutcome, SlotPart, Team, TeamSlot};
pub use plan::{
    CompiledLanguage, CompiledPlan, CompiledSchedule, MAX_LANGUAGE_NEEDS, NeedMasks, Wanted,
    WeeklyBudget,
};
pub use pooled::{
    CO_LOCATED_KM, PlanFit, PooledMatch, PooledOutcome, match_pooled, pool_search_km,
};
pub use reference::match_plan;
pub use team::{
    MAX_TEAM, TEAM_CANDIDATES, TEAMS, TeamPick, best_teams, match_teams, slot_parts, wants_teams,
};
pub use weights::{MatchWeights, WeightsError};
