//! The PA market report (docs/market.md): parameters, the report on the engine's candidates,
//! snapshots on demand and on a schedule, and the report's encodings. Counts only: never a PA's
//! identity, base or ethnic group.

use std::collections::HashMap;

use carematch_domain::FieldError;
use carematch_domain::ethnicity::ethnicity_categories;
use carematch_domain::vocabulary::{Code, Language};
use carematch_index::gaps::{GapInputError, SupplySource, authority_areas};
pub use carematch_index::market::Dimension;
use carematch_index::market::{
    DEFAULT_BY, MarketError, MarketInputs, MarketQuery, MarketReport, SnapshotCells,
    StoredSnapshot, Tally, market_report, snapshot_cells,
};
use carematch_store::Store;
use carematch_store::market::{MarketSnapshot, NewMarketSnapshot, SnapshotKind};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use carematch_index::market::MarketCell;

use crate::gaps::Encoded;
use crate::{CareService, ServiceError};

/// The schedule's default: a snapshot every six months (as Leicester's agencies report).
pub const DEFAULT_SNAPSHOT_EVERY_DAYS: u32 = 182;

/// The report's question.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MarketParams {
    /// The cube's dimensions, comma-separated, in the order wanted: `authority`, `language`,
    /// `service`, `agency`, `ethnicity` (PAs only). Default `authority,language`.
    #[param(
        example = "authority,language",
        pattern = "^(authority|language|service|agency|ethnicity)(,(authority|language|service|agency|ethnicity))*$"
    )]
    pub by: Option<String>,
    /// Only this local authority (GSS code, `E06000016`).
    #[param(example = "E06000016", pattern = "^[A-Za-z0-9]{1,16}$")]
    pub authority: Option<String>,
    /// Only PAs and providers speaking this language (conversational or better).
    #[param(value_type = Option<Language>, example = "pol")]
    pub language: Option<String>,
    /// `json` (default), `csv` or `geojson` (one feature per authority); the `Accept` header
    /// (`text/csv`, `application/geo+json`) chooses too.
    #[param(value_type = Option<String>, pattern = "^(json|csv|geojson)$")]
    pub format: Option<String>,
}

/// How a report is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarketFormat {
    Json,
    Csv,
    GeoJson,
}

fn field_error(field: &str, code: &'static str, reason: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code,
        reason: reason.into(),
    }
}

/// Parses the parameters (every bad one named, 422). `accept` is the request's `Accept`.
pub fn parse_params(
    params: &MarketParams,
    accept: &str,
) -> Result<(MarketQuery, MarketFormat), ServiceError> {
    let mut errors = Vec::new();
    let mut by = Vec::new();
    match params.by.as_deref().map(str::trim) {
        None | Some("") => by.extend(DEFAULT_BY),
        Some(text) => {
            for part in text.split(',').map(str::trim) {
                match Dimension::parse(part) {
                    Some(d) if !by.contains(&d) => by.push(d),
                    // Named twice: the first place counts.
                    Some(_) => {}
                    None => errors.push(field_error(
                        "by",
                        "invalid",
                        format!("`{part}`: use authority, language, service, agency or ethnicity"),
                    )),
                }
            }
        }
    }
    let language = match params.language.as_deref().filter(|l| !l.is_empty()) {
        None => None,
        Some(code) => match Language::parse(code) {
            Ok(l) => Some(l),
            Err(e) => {
                errors.push(field_error("language", "invalid", e.to_string()));
                None
            }
        },
    };
    let format = match params.format.as_deref() {
        Some("json") => MarketFormat::Json,
        Some("csv") => MarketFormat::Csv,
        Some("geojson") => MarketFormat::GeoJson,
        Some(other) => {
            errors.push(field_error(
                "format",
                "invalid",
                format!("`{other}`: use json, csv or geojson"),
            ));
            MarketFormat::Json
        }
        None if accept.contains("text/csv") => MarketFormat::Csv,
        None if accept.contains("application/geo+json") => MarketFormat::GeoJson,
        None => MarketFormat::Json,
    };
    if format == MarketFormat::GeoJson && !by.contains(&Dimension::Authority) {
        // A map is by authority: its features carry the other dimensions' cells.
        by.insert(0, Dimension::Authority);
    }
    if !errors.is_empty() {
        return Err(ServiceError::Validation(errors));
    }
    let authority = params
        .authority
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    Ok((
        MarketQuery {
            by,
            authority,
            language,
        },
        format,
    ))
}

/// A snapshot as listed (without its cells).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct SnapshotSummary {
    pub id: i64,
    pub taken_at: DateTime<Utc>,
    /// `scheduled` or `on_demand`.
    pub kind: &'static str,
    /// Live PAs and providers at the time.
    pub pas: u64,
    pub providers: u64,
}

impl From<&MarketSnapshot> for SnapshotSummary {
    fn from(s: &MarketSnapshot) -> Self {
        Self {
            id: s.id,
            taken_at: s.taken_at,
            kind: s.kind.code(),
            pas: s.pas,
            providers: s.providers,
        }
    }
}

/// Everything the report reads from the store, besides the candidates.
pub fn load_inputs(
    store: &Store,
) -> Result<
    (
        MarketInputs,
        HashMap<i64, carematch_domain::vocabulary::Ethnicity>,
    ),
    ServiceError,
> {
    let authorities = store.authorities()?;
    if authorities.analysed().is_empty() {
        return Err(GapInputError::NoAuthorities.into());
    }
    let boundaries = store.boundaries()?;
    let census = store.census_counts(&authorities, &ethnicity_categories())?;
    let agency_names = store
        .list_agencies()?
        .into_iter()
        .map(|a| (a.id.0, a.name().to_owned()))
        .collect();
    let ethnicity = store.carer_ethnicities()?.into_iter().collect();
    Ok((
        MarketInputs {
            areas: authority_areas(&authorities, &boundaries),
            agency_names,
            census,
        },
        ethnicity,
    ))
}

/// The stored snapshots, newest first, with their cells read back (one unreadable is left out).
fn history(store: &Store) -> Result<Vec<StoredSnapshot>, ServiceError> {
    Ok(store
        .market_snapshots(carematch_index::market::SERIES_LENGTH)?
        .into_iter()
        .filter_map(|s| {
            let cells: SnapshotCells = serde_json::from_str(&s.cells).ok()?;
            Some(StoredSnapshot {
                id: s.id,
                taken_at: s.taken_at,
                cells,
            })
        })
        .collect())
}

/// The snapshot to store of `source` now.
pub fn new_snapshot<S: SupplySource + ?Sized>(
    store: &Store,
    source: &S,
    kind: SnapshotKind,
    taken_by: &str,
    now: DateTime<Utc>,
) -> Result<NewMarketSnapshot, ServiceError> {
    let (inputs, ethnicity) = load_inputs(store)?;
    let tally = Tally::new(source, &inputs.areas, &ethnicity);
    let cells = snapshot_cells(&tally, &inputs);
    let (pas, providers) = cells.totals();
    let cells = serde_json::to_string(&cells)
        .map_err(|e| ServiceError::Internal(format!("encoding a market snapshot: {e}")))?;
    Ok(NewMarketSnapshot {
        taken_at: now,
        kind,
        taken_by: taken_by.to_owned(),
        pas,
        providers,
        cells,
    })
}

/// A report with the areas its GeoJSON is drawn over.
#[derive(Debug, Clone)]
pub struct MarketOutput {
    pub report: MarketReport,
    pub inputs: MarketInputs,
}

impl CareService {
    /// The market report on the engine's current candidates. Blocking.
    pub fn market_report(
        &self,
        query: &MarketQuery,
        now: DateTime<Utc>,
    ) -> Result<MarketOutput, ServiceError> {
        let snapshot = self.snapshot()?;
        let (inputs, ethnicity) = load_inputs(&self.store)?;
        // The bases' authorities are kept between reports (only changed ones are located).
        let tally = Tally::reusing(&*snapshot, &inputs.areas, &ethnicity);
        let history = history(&self.store)?;
        let report = market_report(&tally, &inputs, query, &history, now).map_err(|e| match e {
            MarketError::UnknownAuthority(_) => {
                ServiceError::Validation(vec![field_error("authority", "unknown", e.to_string())])
            }
        })?;
        Ok(MarketOutput { report, inputs })
    }

    /// Takes and stores a snapshot now (an admin's or commissioner's request). Blocking.
    pub fn take_market_snapshot(
        &self,
        taken_by: &str,
        now: DateTime<Utc>,
    ) -> Result<MarketSnapshot, ServiceError> {
        let snapshot = self.snapshot()?;
        let new = new_snapshot(
            &self.store,
            &*snapshot,
            SnapshotKind::OnDemand,
            taken_by,
            now,
        )?;
        Ok(self.store.insert_market_snapshot(&new)?)
    }

    /// The schedule's step: when the latest stored snapshot is `every` old (or there is none),
    /// takes one; `None` when none was due or another server stored it first. Decided from the
    /// database, so restarts and several servers keep one schedule. Blocking.
    pub fn market_snapshot_if_due(
        &self,
        every: Duration,
        now: DateTime<Utc>,
    ) -> Result<Option<MarketSnapshot>, ServiceError> {
        if !self.store.market_snapshot_due(now, every)? {
            return Ok(None);
        }
        let snapshot = self.snapshot()?;
        let new = new_snapshot(
            &self.store,
            &*snapshot,
            SnapshotKind::Scheduled,
            "schedule",
            now,
        )?;
        Ok(self.store.insert_scheduled_snapshot(&new, every)?)
    }

    /// The stored snapshots, newest first (at most `limit`).
    pub fn market_snapshots(&self, limit: usize) -> Result<Vec<SnapshotSummary>, ServiceError> {
        Ok(self
            .store
            .market_snapshots(limit)?
            .iter()
            .map(SnapshotSummary::from)
            .collect())
    }
}

/// The report as JSON, CSV or GeoJSON.
pub fn encode(output: &MarketOutput, format: MarketFormat) -> Result<Encoded, ServiceError> {
    let json = |value: &dyn erased::Json| {
        value
            .to_vec()
            .map_err(|e| ServiceError::Internal(format!("encoding a market report: {e}")))
    };
    Ok(match format {
        MarketFormat::Csv => Encoded {
            content_type: "text/csv; charset=utf-8",
            body: output.report.to_csv().into_bytes(),
        },
        MarketFormat::GeoJson => Encoded {
            content_type: "application/geo+json",
            body: json(&output.report.feature_collection(&output.inputs.areas))?,
        },
        MarketFormat::Json => Encoded {
            content_type: "application/json",
            body: json(&output.report)?,
        },
    })
}

mod erased {
    /// Serialises either body without making `encode` generic.
    pub trait Json {
        fn to_vec(&self) -> serde_json::Result<Vec<u8>>;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_vec(&self) -> serde_json::Result<Vec<u8>> {
            serde_json::to_vec(self)
        }
    }
}
