//! Hourly rates in whole pence.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An hourly rate in pence, `0..=100_000` (up to £1,000 an hour).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(try_from = "i64", into = "i64")]
#[schema(value_type = i64, minimum = 0, maximum = 100000, example = 1350)]
pub struct RatePence(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} pence is not an hourly rate: it must be from 0 (not below zero) to 100000")]
pub struct RateError(pub i64);

impl RatePence {
    pub const MAX: u32 = 100_000;

    pub fn new(pence: i64) -> Result<Self, RateError> {
        u32::try_from(pence)
            .ok()
            .filter(|p| *p <= Self::MAX)
            .map(Self)
            .ok_or(RateError(pence))
    }

    pub fn pence(self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for RatePence {
    type Error = RateError;
    fn try_from(pence: i64) -> Result<Self, Self::Error> {
        Self::new(pence)
    }
}

impl From<RatePence> for i64 {
    fn from(rate: RatePence) -> Self {
        i64::from(rate.0)
    }
}

impl fmt::Display for RatePence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "£{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_below_zero_or_absurd_are_rejected() {
        assert!(RatePence::new(-1).is_err());
        assert!(RatePence::new(100_001).is_err());
        assert_eq!(RatePence::new(1350).expect("ok").to_string(), "£13.50");
        assert!(serde_json::from_str::<RatePence>("-250").is_err());
    }
}
