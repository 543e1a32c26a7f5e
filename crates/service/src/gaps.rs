//! Commissioner gap maps: the question parsed, the report computed on the engine's snapshot,
//! and encoded as GeoJSON or CSV. Counts only: never a carer's identity or base. See
//! `docs/gaps.md`.

use carematch_domain::FieldError;
use carematch_index::gaps::{GapQuery, analyse, load_inputs};
use carematch_matching::gaps::{AreaKind, DemandBasis, GapReport, NeedSet};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{CareService, ServiceError};

/// `max_km` when not given.
pub const DEFAULT_MAX_KM: f64 = 10.0;
/// The largest `max_km`.
pub const MAX_MAX_KM: f64 = 100.0;

/// The question: which need, how far, over which areas, with which demand.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GapsParams {
    /// One need or several joined by `,` (all must hold): `language:yue`, `cuisine:cantonese`,
    /// `diet:halal`, `faith_practice:same_gender_personal_care`, `service:...`, `experience:...`,
    /// `gender:female` (a carer of that gender).
    #[param(example = "language:yue", min_length = 1)]
    pub need: Option<String>,
    /// How far a supplier may be from where people live (each postcode sector), in km (above 0, at most 100; default
    /// 10). Carers' own travel radius and providers' service areas apply too.
    #[param(value_type = Option<f64>, example = 10)]
    pub max_km: Option<String>,
    /// `local_authority` (default; current English districts and unitary authorities, measured
    /// at their postcode sectors), `sector` (each postcode sector, with its authority) or `hex`
    /// (H3 resolution 6 cells over England).
    #[param(value_type = Option<String>, example = "local_authority", pattern = "^(local_authority|sector|hex)$")]
    pub by: Option<String>,
    /// `census` (default; Census 2021 residents) or `plans` (saved support plans, counts below 5
    /// suppressed).
    #[param(value_type = Option<String>, example = "census", pattern = "^(census|plans)$")]
    pub demand: Option<String>,
}

fn field_error(field: &str, code: &'static str, reason: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code,
        reason: reason.into(),
    }
}

/// Parses the parameters, naming every bad one at once (422).
pub fn parse_params(params: &GapsParams, today: i32) -> Result<GapQuery, ServiceError> {
    let mut errors = Vec::new();
    let need = match params.need.as_deref() {
        None => {
            errors.push(field_error(
                "need",
                "required",
                "give a need such as `language:yue`",
            ));
            None
        }
        Some(text) => match NeedSet::parse(text) {
            Ok(need) => Some(need),
            Err(e) => {
                errors.push(field_error("need", "invalid", e.to_string()));
                None
            }
        },
    };
    let max_km = match params.max_km.as_deref().map(str::parse::<f64>) {
        None => DEFAULT_MAX_KM,
        Some(Ok(km)) if km > 0.0 && km <= MAX_MAX_KM => km,
        Some(_) => {
            errors.push(field_error(
                "max_km",
                "out_of_range",
                format!("must be a number above 0 and at most {MAX_MAX_KM}"),
            ));
            DEFAULT_MAX_KM
        }
    };
    let by = match params.by.as_deref() {
        None | Some("local_authority") => AreaKind::LocalAuthority,
        Some("hex") => AreaKind::Hex,
        Some("sector") => AreaKind::Sector,
        Some(other) => {
            errors.push(field_error(
                "by",
                "invalid",
                format!("`{other}`: use local_authority, sector or hex"),
            ));
            AreaKind::LocalAuthority
        }
    };
    let basis = match params.demand.as_deref() {
        None | Some("census") => DemandBasis::Census,
        Some("plans") => DemandBasis::Plans,
        Some(other) => {
            errors.push(field_error(
                "demand",
                "invalid",
                format!("`{other}`: use census or plans"),
            ));
            DemandBasis::Census
        }
    };
    match need {
        Some(need) if errors.is_empty() => Ok(GapQuery {
            need,
            max_km,
            by,
            basis,
            today,
        }),
        _ => Err(ServiceError::Validation(errors)),
    }
}

impl CareService {
    /// The gap report for `query` on the engine's current snapshot. Blocking: reads the
    /// authorities, boundaries and demand from the store.
    pub fn gaps(&self, query: &GapQuery) -> Result<GapReport, ServiceError> {
        let engine = self.engine()?;
        let inputs = load_inputs(&self.store, &query.need, query.basis)?;
        let snapshot = engine.snapshot();
        Ok(analyse(&*snapshot, &inputs, query))
    }
}

/// A gap report as a response body: its media type and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

/// A report as CSV (`csv`) or else as a GeoJSON FeatureCollection.
pub fn encode(report: &GapReport, csv: bool) -> Result<Encoded, ServiceError> {
    if csv {
        return Ok(Encoded {
            content_type: "text/csv; charset=utf-8",
            body: report.to_csv().into_bytes(),
        });
    }
    let body = serde_json::to_vec(&report.feature_collection())
        .map_err(|e| ServiceError::Internal(format!("encoding a gap report: {e}")))?;
    Ok(Encoded {
        content_type: "application/geo+json",
        body,
    })
}
