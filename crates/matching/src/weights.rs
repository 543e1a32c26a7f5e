//! Score weights: documented defaults, configurable, validated on the way in.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the score of a candidate that passed every required criterion is made.
///
/// The score is the weighted mean of three components, each in [0, 1]:
/// - `preferred`: the share of the plan's preferred criteria the candidate meets (met 1,
///   partial 1/2, unmet 0);
/// - `distance`: `1 - distance / max_distance`;
/// - `schedule`: the share of the plan's weekly schedule the candidate is free for.
///
/// A component the plan does not use (no preferred criterion, no schedule) drops out and the
/// others are re-weighted, so the score stays in [0, 1].
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

/// Weights that are negative, not finite, or all zero.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "match weights must be finite, not negative and not all zero (got preferred {preferred}, distance {distance}, schedule {schedule})"
)]
pub struct WeightsError {
    pub preferred: f64,
    pub distance: f64,
    pub schedule: f64,
}

impl MatchWeights {
    pub const DEFAULT: Self = Self {
        preferred: 0.5,
        distance: 0.3,
        schedule: 0.2,
    };

    pub fn new(preferred: f64, distance: f64, schedule: f64) -> Result<Self, WeightsError> {
        let all = [preferred, distance, schedule];
        if all.iter().all(|w| w.is_finite() && *w >= 0.0) && all.iter().any(|w| *w > 0.0) {
            Ok(Self {
                preferred,
                distance,
                schedule,
            })
        } else {
            Err(WeightsError {
                preferred,
                distance,
                schedule,
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
}

impl Default for MatchWeights {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<RawWeights> for MatchWeights {
    type Error = WeightsError;
    fn try_from(raw: RawWeights) -> Result<Self, Self::Error> {
        Self::new(raw.preferred, raw.distance, raw.schedule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_gaps_and_bad_weights_are_rejected() {
        let w: MatchWeights = serde_json::from_str(r#"{"distance": 0.5}"#).expect("valid");
        assert_eq!((w.preferred(), w.distance(), w.schedule()), (0.5, 0.5, 0.2));
        assert!(serde_json::from_str::<MatchWeights>(r#"{"distance": -1}"#).is_err());
        assert!(
            serde_json::from_str::<MatchWeights>(
                r#"{"preferred": 0, "distance": 0, "schedule": 0}"#
            )
            .is_err()
        );
        assert!(serde_json::from_str::<MatchWeights>(r#"{"speed": 1}"#).is_err());
        assert_eq!(MatchWeights::default(), MatchWeights::DEFAULT);
    }
}
