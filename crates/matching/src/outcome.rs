//! What a match returns: the ranked, explained results ([`Match`], [`MatchOutcome`]) and the
//! teams proposed for a week ([`Team`]). Plain data, so that ranking (`crate::rank`) and the
//! team search (`crate::team`) both build them without depending on each other.

use carematch_domain::AgencyContact;
use carematch_domain::ids::AgencyId;
use carematch_domain::schedule::Slot;
use carematch_domain::schedule::TimeOfDay;
use carematch_domain::vocabulary::Weekday;
use serde::Serialize;
use utoipa::ToSchema;

use crate::candidate::CandidateKind;
use crate::explain::{Explanation, Relaxation};

/// One ranked candidate with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Match {
    pub kind: CandidateKind,
    pub id: i64,
    /// A carer's display name (`Mei L.`) or a provider's name.
    pub name: String,
    /// In [0, 1], rounded to six decimals; see `MatchWeights`.
    pub score: f64,
    /// Rounded to 0.1 km; for a public viewer, a carer's distance is rounded to 0.5 km.
    pub distance_km: f64,
    pub criteria: Vec<Explanation>,
    /// Carers: the agency that holds the PA, with its public contact (never the PA's own);
    /// filled by the service after matching, left out for providers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyContact>,
    /// Carers: the holding agency's id, for the service to fill `agency` without looking the
    /// candidate up again; never sent.
    #[serde(skip)]
    pub holder: Option<AgencyId>,
}

/// The result of [`match_plan`].
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MatchOutcome {
    pub matches: Vec<Match>,
    /// Filled only when fewer than `limit` candidates matched.
    pub relaxations: Vec<Relaxation>,
    /// Visible candidates of the kinds asked for that reach the person within the plan's maximum
    /// distance.
    pub considered: usize,
    /// When the plan's schedule is required and nobody matches: 2 or 3 candidates who together
    /// cover it ([`crate::match_teams`]; filled by callers that retrieve, such as the index).
    /// Left out of the JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
}

/// Candidates who together cover more of a required schedule than anyone alone.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Team {
    /// 2 or 3 members, best ranked first; each explained against the whole plan (the schedule
    /// line is `partial`).
    pub members: Vec<Match>,
    /// Mean of the members' scores.
    pub score: f64,
    /// Share of the plan's schedule the team covers together, in (0, 1]; 1 is all of it.
    pub coverage: f64,
    /// The plan's slots in plan order, each cut into parts with the member who covers it.
    pub slots: Vec<TeamSlot>,
}

/// One slot of the plan and who covers which part of it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TeamSlot {
    pub slot: Slot,
    pub parts: Vec<SlotPart>,
    /// "Mei L. Tue 09:00–10:00, Lok C. Tue 10:00–11:00"; an uncovered part is "nobody".
    #[schema(example = "Mei L. Tue 09:00–10:00, Lok C. Tue 10:00–11:00")]
    pub detail: String,
}

/// A part of a slot covered by one member (or by nobody).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SlotPart {
    pub day: Weekday,
    pub start: TimeOfDay,
    /// `24:00` for a part ending at midnight.
    pub end: TimeOfDay,
    /// The part runs past midnight into the next day.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overnight: bool,
    /// Index into `members`; `null` when nobody in the team is free then.
    pub member: Option<usize>,
}
