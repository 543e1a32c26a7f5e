//! Demand against supply per area, and the severity band.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::area::Area;
use super::need::NeedSet;
pub use super::severity::{PARTLY_COVERED, Severity, Thresholds, WELL_COVERED};
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
    /// Postcode sectors (one point each), with their authority.
    Sector,
}

impl AreaKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::LocalAuthority => "local_authority",
            Self::Hex => "hex",
            Self::Sector => "sector",
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
    /// `n` suppliers (counted as carers), for banding.
    pub(super) fn with_total(n: u32) -> Self {
        Self {
            carers: n,
            providers: 0,
            nearest_km: None,
        }
    }

    pub fn total(self) -> u32 {
        self.carers + self.providers
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
    /// For a postcode sector (`by=sector`): the GSS code of its local authority.
    pub authority: Option<String>,
    /// People needing it (census residents or saved plans); `null` when suppressed or unknown.
    pub demand: Option<u64>,
    /// The demand as shown: a number, `"<5"` or `""` (unknown).
    pub demand_shown: String,
    /// For a postcode sector: its share of its authority's census demand (its share of the
    /// authority's postcodes, 4 decimals).
    pub demand_share: Option<f64>,
    /// Demand living in places (postcode sectors) with at least one supplier in reach; `null`
    /// when the demand is unknown or suppressed, or (saved plans) when it or the demand out of
    /// reach would be a count from 1 to 4.
    pub demand_in_reach: Option<u64>,
    /// `demand_in_reach / demand`, 0 to 1 with 3 decimals; `null` when either is unknown,
    /// suppressed or 0.
    pub share_in_reach: Option<f64>,
    /// For a local authority: the postcode sectors its demand was spread over and supply
    /// measured at (0: none loaded, measured at its centroid).
    pub sectors: Option<u32>,
    /// Distinct carers meeting the need who reach the area (for an authority: at least one of
    /// its sectors).
    pub carers: u32,
    /// Distinct providers meeting the need whose service area covers the area (for an
    /// authority: at least one of its sectors).
    pub providers: u32,
    /// Km to the nearest supplier meeting the need (for an authority: from the nearest of its
    /// sectors), rounded up; `null` when none is within the search cap.
    pub nearest_km: Option<f64>,
    /// Demand in reach per supplier in reach, to one decimal; `null` without both.
    pub people_per_supplier: Option<f64>,
    pub severity: Severity,
    pub lat: f64,
    pub lon: f64,
}

/// What an area was measured at, besides its demand and supply: for an authority measured at
/// its postcode sectors, how much of the demand lives within reach; for a sector, its authority.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// Demand (the true count, before suppression) living in sectors with a supplier in reach.
    /// `None`: the area is one point, so all its demand is in reach or none is.
    pub in_reach: Option<u64>,
    /// Sectors the area was measured at (0: at its centroid).
    pub sectors: Option<u32>,
    /// A sector's authority (GSS code) and its share of the authority's demand.
    pub authority: Option<String>,
    pub demand_share: Option<f64>,
}

/// `demand_in_reach`, `share_in_reach` and `people_per_supplier` as shown. Saved-plan figures
/// hide a number in reach, or out of reach, from 1 to 4 (either would reveal a small count).
fn reach_figures(
    basis: DemandBasis,
    demand: Demand,
    in_reach: u64,
    suppliers: u32,
) -> (Option<u64>, Option<f64>, Option<f64>) {
    let Demand::Count(total) = demand else {
        return (None, None, None);
    };
    let small = |n: u64| n > 0 && n < SUPPRESS_BELOW;
    let out_of_reach = total.saturating_sub(in_reach);
    if basis == DemandBasis::Plans && (small(in_reach) || small(out_of_reach)) {
        return (None, None, None);
    }
    let share = (total > 0).then(|| (in_reach as f64 / total as f64 * 1000.0).round() / 1000.0);
    let per = (suppliers > 0 && in_reach > 0)
        .then(|| (in_reach as f64 / f64::from(suppliers) * 10.0).round() / 10.0);
    (Some(in_reach), share, per)
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
    /// Builds the rows from one demand, one supply and (optionally) one coverage per area (same
    /// order as `areas`); without a coverage an area is one point.
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
        coverage: &[Coverage],
    ) -> Self {
        let thresholds = Thresholds::for_basis(basis);
        let none = Coverage::default();
        let rows = areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let d = demand.get(i).copied().unwrap_or(Demand::Unknown);
                let s = supply.get(i).copied().unwrap_or_default();
                let c = coverage.get(i).unwrap_or(&none);
                // A point area: all of its demand is in reach, or none is. (Suppressed demand
                // is at least 1.)
                let in_reach = c.in_reach.unwrap_or(match d {
                    _ if s.total() == 0 => 0,
                    Demand::Count(n) => n,
                    Demand::Suppressed => 1,
                    Demand::Unknown => 0,
                });
                let (demand_in_reach, share_in_reach, per) =
                    reach_figures(basis, d, in_reach, s.total());
                GapRow {
                    code: area.code.clone(),
                    name: area.name.clone(),
                    region: area.region.clone(),
                    authority: c.authority.clone(),
                    demand: d.shown(),
                    demand_shown: d.display(),
                    demand_share: c.demand_share,
                    demand_in_reach,
                    share_in_reach,
                    sectors: c.sectors,
                    carers: s.carers,
                    providers: s.providers,
                    nearest_km: s.nearest_km.map(|km| km.ceil()),
                    people_per_supplier: per,
                    severity: thresholds.severity_in_reach(d, in_reach, s.total()),
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

    /// The `n` areas with the largest gap: most demand not served first (demand out of reach,
    /// plus demand in reach beyond what the suppliers in reach serve at the `adequate` ratio),
    /// then severity band, then code. Only areas banded `none_in_reach`, `severe` or `moderate`
    /// are listed.
    pub fn largest_gaps(&self, n: usize) -> Vec<&GapRow> {
        let thresholds = Thresholds::for_basis(self.basis);
        let unmet = |row: &GapRow| {
            row.demand.map_or(0.0, |d| {
                let in_reach = row.demand_in_reach.unwrap_or(d) as f64;
                let served = thresholds.adequate_max * f64::from(row.carers + row.providers);
                (d as f64 - in_reach) + (in_reach - served).max(0.0)
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
