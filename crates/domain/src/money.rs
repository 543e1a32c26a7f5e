//! Hourly rates and weekly budgets in whole pence.

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
        pounds(f, u64::from(self.0))
    }
}

/// Writes pence as pounds: `£13.50`, `£1,250.00`.
pub fn pounds(f: &mut fmt::Formatter<'_>, pence: u64) -> fmt::Result {
    let whole = (pence / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    write!(f, "£{grouped}.{:02}", pence % 100)
}

/// A weekly budget in pence, `1..=10_000_000` (up to £100,000 a week).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(try_from = "i64", into = "i64")]
#[schema(value_type = i64, minimum = 1, maximum = 10000000, example = 25000)]
pub struct WeeklyPence(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} pence is not a weekly budget: it must be from 1 to 10000000 (£100,000)")]
pub struct BudgetError(pub i64);

impl WeeklyPence {
    pub const MAX: u32 = 10_000_000;

    pub fn new(pence: i64) -> Result<Self, BudgetError> {
        u32::try_from(pence)
            .ok()
            .filter(|p| (1..=Self::MAX).contains(p))
            .map(Self)
            .ok_or(BudgetError(pence))
    }

    pub fn pence(self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for WeeklyPence {
    type Error = BudgetError;
    fn try_from(pence: i64) -> Result<Self, Self::Error> {
        Self::new(pence)
    }
}

impl From<WeeklyPence> for i64 {
    fn from(budget: WeeklyPence) -> Self {
        i64::from(budget.0)
    }
}

impl fmt::Display for WeeklyPence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        pounds(f, u64::from(self.0))
    }
}

/// What `hours` a week at `rate` cost, in pence.
pub fn weekly_cost(rate: RatePence, hours: u8) -> u64 {
    u64::from(rate.pence()) * u64::from(hours)
}

/// Pence as pounds, for sentences: `£1,250.00`.
pub struct Pounds(pub u64);

impl fmt::Display for Pounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        pounds(f, self.0)
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

    #[test]
    fn budgets_are_positive_and_print_as_pounds() {
        assert!(WeeklyPence::new(0).is_err());
        assert!(WeeklyPence::new(10_000_001).is_err());
        assert_eq!(
            WeeklyPence::new(125_000).expect("ok").to_string(),
            "£1,250.00"
        );
        assert_eq!(Pounds(21_600).to_string(), "£216.00");
        assert_eq!(Pounds(100_000_000).to_string(), "£1,000,000.00");
        let rate = RatePence::new(1350).expect("ok");
        assert_eq!(weekly_cost(rate, 16), 21_600);
    }
}
