//! Score weights: documented defaults, configurable, validated on the way in.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the score of a candidate that passed every required criterion is made.
///
/// The score is the weighted mean of four components, each in [0, 1]:
/// - `preferred`: the share of the plan's preferred criteria the candidate meets (met 1,
///   partial 1/2, unmet 0);
/// - `distance`: `1 - distance / max_distance`;
/// - `schedule`: the share of the plan's weekly schedule the candidate is free for;
/// - `freshness`: 1 when the record was confirmed at most 90 days before the day of the match,
///   falling in a straight line to 0 at 180 days
///   ([`carematch_domain::listing::freshness_after_days`]).
///
/// A component the plan does not use (no preferred criterion, no schedule) drops out and the
/// others are re-weighted, so the score stays in [0, 1]; distance and freshness always apply.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "RawWeights")]
pub struct MatchWeights {
    /// Default 0.5: what the person asked for weighs most.
    #[schema(example = 0.5)]
    preferred: f64,
    /// Default 0.3: a nearer carer is more reliable and loses less paid time to travel.
    #[schema(example = 0.3)]
    distance: f64,
    /// Default 0.2: partial cover is still useful (two PAs can share a week), so it ranks rather
    /// than filters unless the schedule is required.
    #[schema(example = 0.2)]
    schedule: f64,
    /// Default 0.1: a record confirmed lately is more likely still true; small, so that it
    /// orders otherwise similar candidates and never outweighs what the person asked for.
    #[schema(example = 0.1)]
    freshness: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    #[serde(default = "default_preferred")]
    preferred: f64,
    #[serde(default = "default_distance")]
    distance: f64,
    #[serde(default = "default_schedule")]
    schedule: f64,
    #[serde(default = "default_freshness")]
    freshness: f64,
}

fn default_preferred() -> f64 {
    MatchWeights::DEFAULT.preferred
}
fn default_distance() -> f64 {
    MatchWeights::DEFAULT.distance
}
fn default_schedule() -> f64 {
    MatchWeights::DEFAULT.schedule
}
fn default_freshness() -> f64 {
    MatchWeights::DEFAULT.freshness
}

/// Weights that are negative, not finite, or all zero.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "match weights must be finite, not negative and not all zero (got preferred {preferred}, distance {distance}, schedule {schedule}, freshness {freshness})"
)]
pub struct WeightsError {
    pub preferred: f64,
    pub distance: f64,
    pub schedule: f64,
    pub freshness: f64,
}

impl MatchWeights {
    pub const DEFAULT: Self = Self {
        preferred: 0.5,
        distance: 0.3,
        schedule: 0.2,
        freshness: 0.1,
    };

    pub fn new(
        preferred: f64,
        distance: f64,
        schedule: f64,
        freshness: f64,
    ) -> Result<Self, WeightsError> {
        let all = [preferred, distance, schedule, freshness];
        if all.iter().all(|w| w.is_finite() && *w >= 0.0) && all.iter().any(|w| *w > 0.0) {
            Ok(Self {
                preferred,
                distance,
                schedule,
                freshness,
            })
        } else {
            Err(WeightsError {
                preferred,
                distance,
                schedule,
                freshness,
            })
        }
    }

    pub fn preferred(&self) -> f64 {
        self.preferred
    }

    pub fn distance(&self) -> f64 {
        self.distance
    }

    pub fn schedule(&self) -> f64 {
        self.schedule
    }

    pub fn freshness(&self) -> f64 {
        self.freshness
    }
}

impl Default for MatchWeights {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<RawWeights> for MatchWeights {
    type Error = WeightsError;
    fn try_from(raw: RawWeights) -> Result<Self, Self::Error> {
        Self::new(raw.preferred, raw.distance, raw.schedule, raw.freshness)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_gaps_and_bad_weights_are_rejected() {
        let w: MatchWeights = serde_json::from_str(r#"{"distance": 0.5}"#).expect("valid");
        assert_eq!(
            (w.preferred(), w.distance(), w.schedule(), w.freshness()),
            (0.5, 0.5, 0.2, 0.1)
        );
        assert!(serde_json::from_str::<MatchWeights>(r#"{"distance": -1}"#).is_err());
        assert!(serde_json::from_str::<MatchWeights>(r#"{"freshness": -0.1}"#).is_err());
        assert!(MatchWeights::new(0.5, 0.3, 0.2, f64::NAN).is_err());
        assert!(
            serde_json::from_str::<MatchWeights>(
                r#"{"preferred": 0, "distance": 0, "schedule": 0, "freshness": 0}"#
            )
            .is_err()
        );
        // Freshness alone is a valid (if odd) choice, like any single weight.
        let w: MatchWeights = serde_json::from_str(
            r#"{"preferred": 0, "distance": 0, "schedule": 0, "freshness": 1}"#,
        )
        .expect("valid");
        assert_eq!(w.freshness(), 1.0);
        assert!(serde_json::from_str::<MatchWeights>(r#"{"speed": 1}"#).is_err());
        assert_eq!(MatchWeights::default(), MatchWeights::DEFAULT);
    }
}
