//! Demand against supply per area, and the severity band.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::area::Area;
use super::need::NeedSet;
use carematch_domain::census::{Category, CensusSource, CensusTable};
use carematch_domain::geo::GeoPoint;

/// Counts of saved plans below this are never shown (reported as `null` / `"<5"`).
pub const SUPPRESS_BELOW: u64 = 5;

/// Where demand figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DemandBasis {
    /// Census 2021 residents (main language, religion), by local authority.
    Census,
    /// Saved support plans that list the need.
    Plans,
}

impl DemandBasis {
    pub fn code(self) -> &'static str {
        match self {
            Self::Census => "census",
            Self::Plans => "plans",
        }
    }
}

/// How areas are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    LocalAuthority,
    Hex,
}

impl AreaKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::LocalAuthority => "local_authority",
            Self::Hex => "hex",
        }
    }
}

/// Demand in one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demand {
    Count(u64),
    /// Between 1 and 4 saved plans: shown as `"<5"`, never the number.
    Suppressed,
    /// No figure for this need (such as Hakka in the census).
    Unknown,
}

impl Demand {
    /// A count of saved plans, suppressed when 1 to 4 (0 is shown: it identifies nobody).
    pub fn from_plans(count: u64) -> Self {
        if count > 0 && count < SUPPRESS_BELOW {
            Self::Suppressed
        } else {
            Self::Count(count)
        }
    }

    /// The number shown, if any.
    pub fn shown(self) -> Option<u64> {
        match self {
            Self::Count(n) => Some(n),
            Self::Suppressed | Self::Unknown => None,
        }
    }

    /// `"53981"`, `"<5"` or `""` (unknown).
    pub fn display(self) -> String {
        match self {
            Self::Count(n) => n.to_string(),
            Self::Suppressed => format!("<{SUPPRESS_BELOW}"),
            Self::Unknown => String::new(),
        }
    }
}

/// Suppliers that meet the need and reach an area's centroid.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Supply {
    pub carers: u32,
    pub providers: u32,
    /// Distance from the centroid to the nearest supplier meeting the need (reaching or not),
    /// when one is within the search cap; rounded up to whole km in reports.
    pub nearest_km: Option<f64>,
}

impl Supply {
    pub fn total(self) -> u32 {
        self.carers + self.providers
    }
}

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

/// Census counts by area code, table and category (already rolled up to current authorities by
/// whoever adds them: adding twice to one key sums).
#[derive(Debug, Clone, Default)]
pub struct CensusCounts {
    counts: HashMap<(String, CensusTable, String), u64>,
}

impl CensusCounts {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, gss: &str, table: CensusTable, category: &str, count: u64) {
        *self
            .counts
            .entry((gss.to_owned(), table, category.to_owned()))
            .or_default() += count;
    }

    pub fn get(&self, gss: &str, category: &Category) -> Option<u64> {
        self.counts
            .get(&(gss.to_owned(), category.table, category.name.to_owned()))
            .copied()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The census demand for a need in an area: for each term with a figure, the sum of its
    /// categories; with several terms, the smallest (everyone who needs all of them is in each
    /// term's figure, so the minimum is an upper bound). `Unknown` when no term has a figure or
    /// the area has no counts.
    pub fn demand(&self, need: &NeedSet, gss: &str) -> Demand {
        let mut best: Option<u64> = None;
        for term in need.terms() {
            if let CensusSource::Counted { categories, .. } = term.census_source() {
                let sum: Option<u64> = categories.iter().map(|c| self.get(gss, c)).sum();
                if let Some(sum) = sum {
                    best = Some(best.map_or(sum, |b| b.min(sum)));
                }
            }
        }
        best.map_or(Demand::Unknown, Demand::Count)
    }
}

/// What to say about the census figure for a need: the caveat of each term that is pooled or a
/// proxy, and the reason for each term without a figure.
pub fn census_caveats(need: &NeedSet) -> Vec<String> {
    need.terms()
        .iter()
        .filter_map(|term| match term.census_source() {
            CensusSource::Counted { caveat, .. } => {
                caveat.map(|c| format!("{}: {c}", term.expression()))
            }
            CensusSource::NoFigure { reason } => Some(format!("{}: {reason}", term.expression())),
        })
        .collect()
}

/// Saved plans per area: `assign` puts a plan's location in an area (or none, outside every
/// area); counts are then suppressed below [`SUPPRESS_BELOW`].
pub fn plan_demand(
    area_count: usize,
    locations: impl IntoIterator<Item = GeoPoint>,
    assign: impl Fn(GeoPoint) -> Option<usize>,
) -> Vec<Demand> {
    let mut counts = vec![0u64; area_count];
    for point in locations {
        if let Some(i) = assign(point)
            && let Some(c) = counts.get_mut(i)
        {
            *c += 1;
        }
    }
    counts.into_iter().map(Demand::from_plans).collect()
}

/// One area's line of a gap report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct GapRow {
    /// GSS code or H3 cell.
    pub code: String,
    pub name: String,
    pub region: Option<String>,
    /// People needing it (census residents or saved plans); `null` when suppressed or unknown.
    pub demand: Option<u64>,
    /// The demand as shown: a number, `"<5"` or `""` (unknown).
    pub demand_shown: String,
    /// Carers meeting the need who reach the area's centroid.
    pub carers: u32,
    /// Providers meeting the need whose service area covers the centroid.
    pub providers: u32,
    /// Km from the centroid to the nearest supplier meeting the need, rounded up; `null` when
    /// none is within the search cap.
    pub nearest_km: Option<f64>,
    /// Demand per supplier in reach, to one decimal; `null` without both.
    pub people_per_supplier: Option<f64>,
    pub severity: Severity,
    pub lat: f64,
    pub lon: f64,
}

/// A whole gap report: the question, the areas and one row per area (same order).
#[derive(Debug, Clone)]
pub struct GapReport {
    pub need: NeedSet,
    pub max_km: f64,
    pub by: AreaKind,
    pub basis: DemandBasis,
    pub caveats: Vec<String>,
    pub areas: Vec<Area>,
    pub rows: Vec<GapRow>,
}

impl GapReport {
    /// Builds the rows from one demand and one supply per area (same order as `areas`).
    #[expect(clippy::too_many_arguments, reason = "the parts of one report")]
    pub fn build(
        need: NeedSet,
        max_km: f64,
        by: AreaKind,
        basis: DemandBasis,
        caveats: Vec<String>,
        areas: Vec<Area>,
        demand: &[Demand],
        supply: &[Supply],
    ) -> Self {
        let thresholds = Thresholds::for_basis(basis);
        let rows = areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let d = demand.get(i).copied().unwrap_or(Demand::Unknown);
                let s = supply.get(i).copied().unwrap_or_default();
                let per = match (d, s.total()) {
                    (Demand::Count(n), total) if total > 0 => {
                        Some((n as f64 / f64::from(total) * 10.0).round() / 10.0)
                    }
                    _ => None,
                };
                GapRow {
                    code: area.code.clone(),
                    name: area.name.clone(),
                    region: area.region.clone(),
                    demand: d.shown(),
                    demand_shown: d.display(),
                    carers: s.carers,
                    providers: s.providers,
                    nearest_km: s.nearest_km.map(|km| km.ceil()),
                    people_per_supplier: per,
                    severity: thresholds.severity(d, s),
                    lat: (area.centroid.lat * 1e5).round() / 1e5,
                    lon: (area.centroid.lon * 1e5).round() / 1e5,
                }
            })
            .collect();
        Self {
            need,
            max_km,
            by,
            basis,
            caveats,
            areas,
            rows,
        }
    }

    /// The `n` areas with the largest gap: most demand not served first (demand minus what the
    /// suppliers in reach serve at the `adequate` ratio), then severity band, then code. Only
    /// areas banded `none_in_reach`, `severe` or `moderate` are listed.
    pub fn largest_gaps(&self, n: usize) -> Vec<&GapRow> {
        let thresholds = Thresholds::for_basis(self.basis);
        let unmet = |row: &GapRow| {
            row.demand.map_or(0.0, |d| {
                d as f64 - thresholds.adequate_max * f64::from(row.carers + row.providers)
            })
        };
        let mut rows: Vec<&GapRow> = self
            .rows
            .iter()
            .filter(|r| {
                matches!(
                    r.severity,
                    Severity::NoneInReach | Severity::Severe | Severity::Moderate
                )
            })
            .collect();
        rows.sort_by(|a, b| {
            unmet(b)
                .total_cmp(&unmet(a))
                .then(a.severity.cmp(&b.severity))
                .then(a.code.cmp(&b.code))
        });
        rows.truncate(n);
        rows
    }
}
