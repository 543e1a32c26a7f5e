//! The PA market report (docs/market.md): live PAs and providers counted by local authority ×
//! language × service × agency (any choice of those dimensions), PAs by self-declared ethnic
//! group against the census population share, the providers serving each language in each
//! authority by name, and every figure's trend over the stored snapshots.
//!
//! A candidate counts in the authority containing its base ([`locate::AreaLocator`]: the
//! boundary, else the nearest centroid), as the gap maps count. A language counts at
//! conversational level or better ([`SUPPLY_MIN_PROFICIENCY`]), as supply does in the gap maps.
//! Counts only: no PA is named, placed or identified; PA counts of 1 to 4 are suppressed with
//! secondary suppression ([`suppress`]). Provider counts are shown as they are: providers are
//! organisations, listed by name in the same report.

mod locate;
mod placement;
mod render;
mod snapshot;
mod suppress;
mod tally;

use std::collections::{BTreeMap, HashMap};

use carematch_domain::ethnicity::{ETHNICITY_TOTAL, ethnicity_category};
use carematch_domain::vocabulary::{Code, Ethnicity, Language};
use carematch_matching::gaps::{Area, CensusCounts, SUPPLY_MIN_PROFICIENCY};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use locate::AreaLocator;
pub use placement::Placement;
pub use render::{MarketFeature, MarketFeatureCollection};
pub use snapshot::{SnapshotCells, StoredSnapshot};
pub use suppress::{SUPPRESS_BELOW, SUPPRESSED, Shown, suppress};
pub use tally::Tally;

use tally::{NONE, NOT_RECORDED, ethnicity_code, language_code, service_code};

/// A dimension of the report's cube.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Authority,
    Language,
    Service,
    Agency,
    /// PAs only: their self-declared ethnic group, `not_recorded` when none.
    Ethnicity,
}

impl Dimension {
    pub const ALL: [Self; 5] = [
        Self::Authority,
        Self::Language,
        Self::Service,
        Self::Agency,
        Self::Ethnicity,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Authority => "authority",
            Self::Language => "language",
            Self::Service => "service",
            Self::Agency => "agency",
            Self::Ethnicity => "ethnicity",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// The default `by`: authority × language.
pub const DEFAULT_BY: [Dimension; 2] = [Dimension::Authority, Dimension::Language];
/// How many past snapshots a figure's series shows (three years at the default schedule).
pub const SERIES_LENGTH: usize = 6;

/// What to report: the dimensions of `cells` and the filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarketQuery {
    pub by: Vec<Dimension>,
    /// Only this authority (GSS code).
    pub authority: Option<String>,
    /// Only PAs and providers speaking this language.
    pub language: Option<Language>,
}

impl Default for MarketQuery {
    fn default() -> Self {
        Self {
            by: DEFAULT_BY.to_vec(),
            authority: None,
            language: None,
        }
    }
}

/// The filters with the authority resolved to its index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct MarketFilter {
    pub authority: Option<u32>,
    pub language: Option<Language>,
}

/// What the report reads besides the candidates.
#[derive(Debug, Clone, Default)]
pub struct MarketInputs {
    /// The analysed authorities with their boundaries (`crate::gaps::authority_areas`).
    pub areas: Vec<Area>,
    pub agency_names: HashMap<i64, String>,
    /// TS021 counts (total and the 19 groups), rolled up to current authorities.
    pub census: CensusCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarketError {
    #[error("`{0}` is not a current English local authority")]
    UnknownAuthority(String),
}

/// How small numbers are hidden (shown in every report).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SuppressionNote {
    /// PA counts from 1 to `below - 1` are hidden.
    pub below: u64,
    pub shown_as: &'static str,
    pub rule: &'static str,
}

/// One past value of a cell.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SeriesPoint {
    pub snapshot_id: i64,
    pub taken_at: DateTime<Utc>,
    pub pas: Shown,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub providers: Option<u64>,
}

/// The change since the last snapshot; `null` where either figure is hidden.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Change {
    pub pas: Option<i64>,
    pub providers: Option<i64>,
}

/// One row of the cube: the values of its dimensions (only those reported) and the counts.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MarketCell {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The agency's id (`none`: providers no agency holds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<String>,
    /// Live PAs (`"<5"` when hidden).
    pub pas: Shown,
    /// Live providers; absent in a table by ethnic group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub providers: Option<u64>,
    /// Of the PAs in the same authority who declared an ethnic group, the share in this one
    /// (0 to 1); `null` when any count of that authority is hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pa_share: Option<f64>,
    /// The group's share of all usual residents (Census 2021 TS021), of the authority or of
    /// England without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub census_share: Option<f64>,
    /// Past values, oldest first (up to the last six snapshots that hold this table).
    pub series: Vec<SeriesPoint>,
    /// Since the latest snapshot; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

impl MarketCell {
    /// A cell of no dimension with nothing counted.
    pub fn zero() -> Self {
        Self {
            authority: None,
            authority_name: None,
            language: None,
            service: None,
            agency: None,
            agency_name: None,
            ethnicity: None,
            pas: Shown::Count(0),
            providers: Some(0),
            pa_share: None,
            census_share: None,
            series: Vec::new(),
            change: None,
        }
    }
}

/// The providers (never PAs) speaking a language and based in an authority.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Organisations {
    pub authority: String,
    pub authority_name: String,
    pub language: String,
    pub names: Vec<String>,
}

/// A snapshot the series come from.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SnapshotRef {
    pub id: i64,
    pub taken_at: DateTime<Utc>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MarketReport {
    pub generated_at: DateTime<Utc>,
    pub by: Vec<Dimension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub suppression: SuppressionNote,
    /// Live PAs and providers in the report's filters.
    pub total: MarketCell,
    /// The cells of `by`, largest PA count first.
    pub cells: Vec<MarketCell>,
    /// Per authority: the totals (also the GeoJSON features' figures).
    pub authorities: Vec<MarketCell>,
    /// Per authority × ethnic group: PAs against the census population share.
    pub ethnicity: Vec<MarketCell>,
    /// Providers by name per authority and language (when `by` holds language).
    pub organisations: Vec<Organisations>,
    /// The snapshots the series come from, oldest first.
    pub snapshots: Vec<SnapshotRef>,
}

/// Builds the report. `history`: stored snapshots, newest first.
pub fn market_report(
    tally: &Tally,
    inputs: &MarketInputs,
    query: &MarketQuery,
    history: &[StoredSnapshot],
    now: DateTime<Utc>,
) -> Result<MarketReport, MarketError> {
    let filter = MarketFilter {
        authority: match &query.authority {
            None => None,
            Some(code) => Some(
                inputs
                    .areas
                    .iter()
                    .position(|a| &a.code == code)
                    .and_then(|i| u32::try_from(i).ok())
                    .ok_or_else(|| MarketError::UnknownAuthority(code.clone()))?,
            ),
        },
        language: query.language,
    };
    let mut history: Vec<&StoredSnapshot> = history.iter().take(SERIES_LENGTH).collect();
    history.reverse();
    let table = Table {
        tally,
        inputs,
        filter,
        history: &history,
    };
    let mut cells = table.cells(&query.by);
    cells.sort_by(|a, b| {
        b.pas
            .value()
            .unwrap_or(0)
            .cmp(&a.pas.value().unwrap_or(0))
            .then_with(|| b.providers.cmp(&a.providers))
    });
    let total = table
        .cells(&[])
        .pop()
        .unwrap_or_else(|| table.empty_total());
    let organisations = if query.by.contains(&Dimension::Language) {
        table.organisations()
    } else {
        Vec::new()
    };
    Ok(MarketReport {
        generated_at: now,
        by: query.by.clone(),
        authority: query.authority.clone(),
        language: query.language.map(|l| l.code().to_owned()),
        suppression: SuppressionNote {
            below: SUPPRESS_BELOW,
            shown_as: SUPPRESSED,
            rule: "PA counts from 1 to 4 are shown as <5; where one hidden count could be \
                   worked out from a total, the next smallest count beside it is hidden too. \
                   Provider counts are shown: providers are organisations, named below.",
        },
        total,
        cells,
        authorities: table.cells(&[Dimension::Authority]),
        ethnicity: table.cells(&[Dimension::Authority, Dimension::Ethnicity]),
        organisations,
        snapshots: history
            .iter()
            .map(|s| SnapshotRef {
                id: s.id,
                taken_at: s.taken_at,
            })
            .collect(),
    })
}

/// Everything one table of the report is built from.
struct Table<'a> {
    tally: &'a Tally,
    inputs: &'a MarketInputs,
    filter: MarketFilter,
    history: &'a [&'a StoredSnapshot],
}

impl Table<'_> {
    /// The codes of a key's values, in `dims` order.
    fn codes(&self, dims: &[Dimension], key: &[u32]) -> Vec<String> {
        dims.iter()
            .zip(key)
            .map(|(dim, v)| self.code(*dim, *v))
            .collect()
    }

    fn code(&self, dim: Dimension, v: u32) -> String {
        let code = match dim {
            Dimension::Authority => self.inputs.areas.get(v as usize).map(|a| a.code.clone()),
            Dimension::Language => language_code(v).map(str::to_owned),
            Dimension::Service => service_code(v).map(str::to_owned),
            Dimension::Agency => self.tally.agency_id(v).map(|id| id.to_string()),
            Dimension::Ethnicity => ethnicity_code(v).map(str::to_owned),
        };
        code.unwrap_or_else(|| "none".to_owned())
    }

    fn empty_total(&self) -> MarketCell {
        self.cell(&[], &[], Shown::Count(0), 0, Vec::new(), None)
    }

    /// The cells of one table, suppressed, with their series.
    fn cells(&self, dims: &[Dimension]) -> Vec<MarketCell> {
        let counts = self.tally.count(dims, &self.filter);
        let mut keys: Vec<Vec<u32>> = counts.keys().cloned().collect();
        keys.sort_unstable();
        let pas: Vec<u64> = keys.iter().map(|k| counts[k][0]).collect();
        let shown = suppress(&keys, &pas);
        let filters = self.filter_codes();
        // The snapshots that hold this table, each read back (suppressed) once.
        let past: Vec<(&StoredSnapshot, snapshot::PastTable)> = self
            .history
            .iter()
            .filter(|s| s.cells.has_view(dims, &filters))
            .map(|s| (*s, s.cells.view(dims, &filters)))
            .collect();
        let ethnic = dims.contains(&Dimension::Ethnicity);
        // An authority's PA shares are shown only when none of its counts is hidden.
        let mut declared: HashMap<u32, (u64, bool)> = HashMap::new();
        if ethnic {
            let a = dims.iter().position(|d| *d == Dimension::Authority);
            let e = dims.iter().position(|d| *d == Dimension::Ethnicity);
            for ((key, count), s) in keys.iter().zip(&pas).zip(&shown) {
                let entry = declared.entry(a.map_or(NONE, |a| key[a])).or_default();
                entry.1 |= s.is_suppressed();
                let group = e.map_or(NOT_RECORDED, |e| key[e]);
                if group < NOT_RECORDED
                    && Ethnicity::ALL[group as usize] != Ethnicity::PreferNotToSay
                {
                    entry.0 += count;
                }
            }
        }
        keys.iter()
            .zip(shown)
            .map(|(key, pas_shown)| {
                let codes = self.codes(dims, key);
                let series: Vec<SeriesPoint> = past
                    .iter()
                    .map(|(s, view)| {
                        let (p, prov) = view.get(&codes).copied().unwrap_or((Shown::Count(0), 0));
                        SeriesPoint {
                            snapshot_id: s.id,
                            taken_at: s.taken_at,
                            pas: p,
                            providers: (!ethnic).then_some(prov),
                        }
                    })
                    .collect();
                let providers = counts[key][1];
                let mut cell = self.cell(dims, key, pas_shown, providers, series, None);
                if ethnic {
                    cell.providers = None;
                    let a = dims.iter().position(|d| *d == Dimension::Authority);
                    let e = dims.iter().position(|d| *d == Dimension::Ethnicity);
                    if let Some(group) = e.map(|e| key[e]) {
                        cell.census_share = self.census_share(a.map(|a| key[a]), group);
                        if let Some((total, hidden)) = declared.get(&a.map_or(NONE, |a| key[a]))
                            && !hidden
                            && *total > 0
                            && group < NOT_RECORDED
                            && Ethnicity::ALL[group as usize] != Ethnicity::PreferNotToSay
                        {
                            cell.pa_share = pas_shown.value().map(|n| n as f64 / *total as f64);
                        }
                    }
                }
                cell
            })
            .collect()
    }

    fn filter_codes(&self) -> Vec<(Dimension, String)> {
        let mut f = Vec::new();
        if let Some(a) = self.filter.authority {
            f.push((Dimension::Authority, self.code(Dimension::Authority, a)));
        }
        if let Some(l) = self.filter.language {
            f.push((Dimension::Language, l.code().to_owned()));
        }
        f
    }

    fn cell(
        &self,
        dims: &[Dimension],
        key: &[u32],
        pas: Shown,
        providers: u64,
        series: Vec<SeriesPoint>,
        census_share: Option<f64>,
    ) -> MarketCell {
        let change = series.last().map(|last| Change {
            pas: match (pas.value(), last.pas.value()) {
                (Some(now), Some(then)) => Some(now as i64 - then as i64),
                _ => None,
            },
            providers: last.providers.map(|then| providers as i64 - then as i64),
        });
        let mut cell = MarketCell {
            pas,
            providers: Some(providers),
            census_share,
            series,
            change,
            ..MarketCell::zero()
        };
        for (dim, v) in dims.iter().zip(key) {
            let code = Some(self.code(*dim, *v));
            match dim {
                Dimension::Authority => {
                    cell.authority = code;
                    cell.authority_name =
                        self.inputs.areas.get(*v as usize).map(|a| a.name.clone());
                }
                Dimension::Language => cell.language = code,
                Dimension::Service => cell.service = code,
                Dimension::Agency => {
                    cell.agency_name = self
                        .tally
                        .agency_id(*v)
                        .and_then(|id| self.inputs.agency_names.get(&id).cloned());
                    cell.agency = code;
                }
                Dimension::Ethnicity => cell.ethnicity = code,
            }
        }
        cell
    }

    /// The census share of ethnic group `group` in `authority` (or England).
    fn census_share(&self, authority: Option<u32>, group: u32) -> Option<f64> {
        let category = ethnicity_category(*Ethnicity::ALL.get(group as usize)?)?;
        let areas: Vec<&Area> = match authority {
            Some(a) => vec![self.inputs.areas.get(a as usize)?],
            None => self.inputs.areas.iter().collect(),
        };
        let (mut count, mut total) = (0u64, 0u64);
        for area in areas {
            count += self.inputs.census.get(&area.code, &category).unwrap_or(0);
            total += self
                .inputs
                .census
                .get(&area.code, &ETHNICITY_TOTAL)
                .unwrap_or(0);
        }
        (total > 0).then(|| count as f64 / total as f64)
    }

    /// Publicly listed providers per authority and language, by name.
    fn organisations(&self) -> Vec<Organisations> {
        let mut by_cell: BTreeMap<(u32, u32), Vec<&str>> = BTreeMap::new();
        let language_filter = self.filter.language.map_or(u64::MAX, |l| 1u64 << l.index());
        for (authority, languages, name) in &self.tally.providers {
            if self.filter.authority.is_some_and(|a| a != *authority) || *authority == NONE {
                continue;
            }
            let mut bits = languages & language_filter;
            while bits != 0 {
                let b = bits.trailing_zeros();
                by_cell.entry((*authority, b)).or_default().push(name);
                bits &= bits - 1;
            }
        }
        by_cell
            .into_iter()
            .filter_map(|((a, l), mut names)| {
                names.sort_unstable();
                names.dedup();
                let area = self.inputs.areas.get(a as usize)?;
                Some(Organisations {
                    authority: area.code.clone(),
                    authority_name: area.name.clone(),
                    language: language_code(l)?.to_owned(),
                    names: names.into_iter().map(str::to_owned).collect(),
                })
            })
            .collect()
    }
}

/// The unsuppressed counts a snapshot keeps: the total and every table of one or two
/// dimensions, by code (so they still read after authorities or agencies change).
pub fn snapshot_cells(tally: &Tally, inputs: &MarketInputs) -> SnapshotCells {
    let table = Table {
        tally,
        inputs,
        filter: MarketFilter::default(),
        history: &[],
    };
    let mut views = BTreeMap::new();
    let mut sets: Vec<Vec<Dimension>> = vec![Vec::new()];
    for (i, a) in Dimension::ALL.iter().enumerate() {
        sets.push(vec![*a]);
        for b in &Dimension::ALL[i + 1..] {
            sets.push(vec![*a, *b]);
        }
    }
    for dims in sets {
        let counts = tally.count(&dims, &MarketFilter::default());
        let mut rows: Vec<(Vec<String>, u64, u64)> = counts
            .iter()
            .map(|(key, c)| (table.codes(&dims, key), c[0], c[1]))
            .collect();
        rows.sort_unstable();
        views.insert(snapshot::view_name(&dims), rows);
    }
    SnapshotCells::new(views)
}

/// The language level a language counts at: conversational or better, as gap-map supply.
pub const LANGUAGE_LEVEL: carematch_domain::vocabulary::Proficiency = SUPPLY_MIN_PROFICIENCY;

#[cfg(test)]
mod tests;
