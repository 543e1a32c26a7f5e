//! Severity bands: people per supplier against thresholds, and the share of people in reach.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::analysis::{Demand, DemandBasis, SUPPRESS_BELOW, Supply};

/// The severity band of an area.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// There is demand (or it is unknown) and nobody meeting the need reaches the area.
    NoneInReach,
    /// More people per supplier than the moderate limit.
    Severe,
    Moderate,
    Adequate,
    /// Suppliers reach the area but the need has no demand figure here.
    DemandUnknown,
    /// Nobody needs it here.
    NoDemand,
}

impl Severity {
    pub const ALL: [Self; 6] = [
        Self::NoneInReach,
        Self::Severe,
        Self::Moderate,
        Self::Adequate,
        Self::DemandUnknown,
        Self::NoDemand,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::NoneInReach => "none_in_reach",
            Self::Severe => "severe",
            Self::Moderate => "moderate",
            Self::Adequate => "adequate",
            Self::DemandUnknown => "demand_unknown",
            Self::NoDemand => "no_demand",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NoneInReach => "None in reach",
            Self::Severe => "Severe gap",
            Self::Moderate => "Moderate gap",
            Self::Adequate => "Adequate",
            Self::DemandUnknown => "Supply, demand unknown",
            Self::NoDemand => "No demand",
        }
    }
}

/// People per supplier at or below which an area is `adequate`, and at or below which it is
/// `moderate` (above: `severe`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub adequate_max: f64,
    pub moderate_max: f64,
}

impl Thresholds {
    /// Census residents per supplier. Residents are everyone with the main language (all ages),
    /// not people needing care: roughly one in ten is 65 or over and a fraction of those use
    /// care, so 500 residents per supplier is tens of users, 2,000 is a caseload nobody can carry.
    pub const CENSUS: Self = Self {
        adequate_max: 500.0,
        moderate_max: 2000.0,
    };
    /// Saved plans (people who need care now) per supplier.
    pub const PLANS: Self = Self {
        adequate_max: 2.0,
        moderate_max: 5.0,
    };

    pub fn for_basis(basis: DemandBasis) -> Self {
        match basis {
            DemandBasis::Census => Self::CENSUS,
            DemandBasis::Plans => Self::PLANS,
        }
    }

    /// The band of an area. Suppressed demand is banded as if it were 4 (the most it can be),
    /// so the band never reveals the small number.
    pub fn severity(self, demand: Demand, supply: Supply) -> Severity {
        let suppliers = supply.total();
        let people = match demand {
            Demand::Count(0) => return Severity::NoDemand,
            Demand::Count(n) => n as f64,
            Demand::Suppressed => (SUPPRESS_BELOW - 1) as f64,
            Demand::Unknown if suppliers == 0 => return Severity::NoneInReach,
            Demand::Unknown => return Severity::DemandUnknown,
        };
        if suppliers == 0 {
            return Severity::NoneInReach;
        }
        let per = people / f64::from(suppliers);
        if per <= self.adequate_max {
            Severity::Adequate
        } else if per <= self.moderate_max {
            Severity::Moderate
        } else {
            Severity::Severe
        }
    }
}

/// Share of an area's demand within reach at or above which coverage alone does not make it a
/// gap; below [`PARTLY_COVERED`] (but above 0) coverage alone makes it `severe`.
pub const WELL_COVERED: f64 = 0.9;
/// Share of demand within reach below which an area is `severe` whatever its ratio.
pub const PARTLY_COVERED: f64 = 0.5;

impl Thresholds {
    /// The band of an area measured where its people live: `demand_in_reach` of its demand lives
    /// in places (sectors) with at least one supplier in reach, and `suppliers` distinct
    /// suppliers reach at least one of them.
    ///
    /// - no demand, unknown demand: as [`Thresholds::severity`];
    /// - nobody in reach of any of its people (`demand_in_reach` 0): `none_in_reach`;
    /// - else the worse of the ratio band (people in reach per supplier, against the thresholds)
    ///   and the coverage band (share in reach at least [`WELL_COVERED`]: adequate; at least
    ///   [`PARTLY_COVERED`]: moderate; less: severe). Suppressed demand is banded as 4 people
    ///   on the ratio alone, so the band never reveals the small number.
    pub fn severity_in_reach(
        self,
        demand: Demand,
        demand_in_reach: u64,
        suppliers: u32,
    ) -> Severity {
        let total = match demand {
            Demand::Count(0) | Demand::Unknown => {
                return self.severity(demand, Supply::with_total(suppliers));
            }
            Demand::Count(n) => Some(n),
            Demand::Suppressed => None,
        };
        if suppliers == 0 || demand_in_reach == 0 {
            return Severity::NoneInReach;
        }
        let Some(total) = total else {
            return self.severity(demand, Supply::with_total(suppliers));
        };
        let ratio = self.severity(
            Demand::Count(demand_in_reach),
            Supply::with_total(suppliers),
        );
        let share = demand_in_reach as f64 / total as f64;
        let cover = if share >= WELL_COVERED {
            Severity::Adequate
        } else if share >= PARTLY_COVERED {
            Severity::Moderate
        } else {
            Severity::Severe
        };
        ratio.min(cover)
    }
}
