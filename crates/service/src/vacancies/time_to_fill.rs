//! Time to fill: how many days from a need being raised to a PA being introduced, and to the
//! need being filled.
//!
//! - Vacancies: from `opened_at` to the first introduction (`introduced_at`, set the first time
//!   the vacancy became `introduced`, or when it was filled without one) and to `filled_at`.
//! - Enquiries: from `created_at` (sent) to `introduced_at`, and to `closed_at` when closed
//!   with reason `filled`.
//!
//! Each figure is the median and the 90th percentile (nearest rank: the smallest value that at
//! least 90% of the values are at or below) in days, to 0.1, with the count of items measured
//! (those that reached the second date). Figures are given overall, by need (each language,
//! dietary law and service listed) and by local authority (the vacancy's location or the
//! enquiry's outward code placed as gap maps place points; `unknown` when it cannot be).
//!
//! An agency sees its own figures in full. Commissioners and admins see every agency together,
//! and every cell counting 1 to 4 items is suppressed (count and figures left out), the rule of
//! the gap maps ([`SUPPRESS_BELOW`]).

use std::collections::{BTreeMap, HashMap};

use carematch_domain::vocabulary::{Code, DietaryLaw, Language, Service};
use carematch_domain::{AgencyId, Caller, GeoPoint, OutwardCode};
use carematch_index::gaps::authority_areas;
use carematch_matching::gaps::{Area, SUPPRESS_BELOW, locate_area};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{CareService, ServiceError};

/// The key of the authority cell for items that cannot be placed.
pub const UNKNOWN_AUTHORITY: &str = "unknown";

/// One item measured: when it started, its two later dates, what it needed and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    pub source: Source,
    pub started: DateTime<Utc>,
    pub introduced: Option<DateTime<Utc>>,
    pub filled: Option<DateTime<Utc>>,
    /// `(dimension, code)`: `("language", "yue")`, `("diet", "halal")`, `("service", ...)`.
    pub needs: Vec<(&'static str, String)>,
    /// GSS code, or [`UNKNOWN_AUTHORITY`].
    pub authority: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Vacancy,
    Enquiry,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Opened (or sent) to the first introduction.
    FirstIntroduction,
    /// Opened (or sent) to filled.
    Filled,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Self::Vacancy => "vacancy",
            Self::Enquiry => "enquiry",
        }
    }
}

impl Measure {
    pub fn code(self) -> &'static str {
        match self {
            Self::FirstIntroduction => "first_introduction",
            Self::Filled => "filled",
        }
    }
}

/// One cell of the report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimeToFillRow {
    pub source: Source,
    pub measure: Measure,
    /// `overall`, `language`, `diet`, `service` or `local_authority`.
    #[schema(example = "language")]
    pub dimension: &'static str,
    /// The code (`yue`, `halal`, a GSS code, `unknown`); empty for `overall`.
    #[schema(example = "yue")]
    pub key: String,
    /// The English label (`Cantonese`, the authority's name).
    #[schema(example = "Cantonese")]
    pub label: String,
    /// Items measured; `null` when suppressed.
    #[schema(example = 12)]
    pub count: Option<u64>,
    /// Median in days (0.1); `null` when suppressed or nothing was measured.
    #[schema(example = 9.5)]
    pub median_days: Option<f64>,
    /// 90th percentile (nearest rank) in days; `null` when suppressed or nothing was measured.
    #[schema(example = 21.0)]
    pub p90_days: Option<f64>,
    /// The count was 1 to 4, so it and the figures are left out.
    pub suppressed: bool,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct TimeToFillReport {
    /// `agency` (the caller's own figures, not suppressed) or `all` (every agency, suppressed).
    #[schema(example = "all")]
    pub scope: &'static str,
    /// The agency whose figures these are (scope `agency`).
    pub agency_id: Option<i64>,
    /// Cells counting from 1 to this minus 1 are suppressed (scope `all`); `null` for `agency`.
    #[schema(example = 5)]
    pub suppress_below: Option<u64>,
    pub rows: Vec<TimeToFillRow>,
}

/// Days between two instants.
fn days(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).num_seconds() as f64 / 86_400.0
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The median of sorted values (the mean of the middle two for an even count).
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    Some(if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    })
}

/// The `p`th percentile of sorted values by nearest rank: the value at rank `ceil(p/100 * n)`.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = ((p / 100.0) * n as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, n) - 1])
}

/// The codes an enquiry's stored `needs` lists, read leniently: an object whose keys name the
/// list (`languages`/`language`, `dietary_laws`/`diets`/`diet`, `services`/`service`) with an
/// array of codes (or of `{"code": ...}` objects), or an array of `kind:code` terms as gap maps
/// write needs. Unknown codes and keys are skipped: a figure is never refused over them.
pub fn needs_of_enquiry(text: &str) -> Vec<(&'static str, String)> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut add = |dimension: &str, code: &str| {
        let known = match dimension {
            "language" | "languages" => Language::parse(code).ok().map(|c| ("language", c.code())),
            "diet" | "diets" | "dietary_law" | "dietary_laws" => {
                DietaryLaw::parse(code).ok().map(|c| ("diet", c.code()))
            }
            "service" | "services" => Service::parse(code).ok().map(|c| ("service", c.code())),
            _ => None,
        };
        if let Some((dimension, code)) = known {
            let item = (dimension, code.to_owned());
            if !out.contains(&item) {
                out.push(item);
            }
        }
    };
    let code_of = |v: &serde_json::Value| -> Option<String> {
        v.as_str()
            .map(str::to_owned)
            .or_else(|| v.get("code")?.as_str().map(str::to_owned))
    };
    match &value {
        serde_json::Value::Object(map) => {
            for (key, list) in map {
                for item in list.as_array().into_iter().flatten() {
                    if let Some(code) = code_of(item) {
                        add(key, &code);
                    }
                }
            }
        }
        serde_json::Value::Array(terms) => {
            for term in terms.iter().filter_map(|t| t.as_str()) {
                if let Some((kind, code)) = term.split_once(':') {
                    add(kind, code);
                }
            }
        }
        _ => {}
    }
    out
}

fn label_of(dimension: &str, key: &str, names: &HashMap<String, String>) -> String {
    match dimension {
        "language" => Language::parse(key).map_or(key.to_owned(), |c| c.label_en().to_owned()),
        "diet" => DietaryLaw::parse(key).map_or(key.to_owned(), |c| c.label_en().to_owned()),
        "service" => Service::parse(key).map_or(key.to_owned(), |c| c.label_en().to_owned()),
        "local_authority" if key == UNKNOWN_AUTHORITY => "Unknown local authority".to_owned(),
        "local_authority" => names.get(key).cloned().unwrap_or_else(|| key.to_owned()),
        _ => "All".to_owned(),
    }
}

const DIMENSIONS: [&str; 5] = ["overall", "language", "diet", "service", "local_authority"];

/// Builds the report over `timings`; `suppress` applies the below-5 rule. `names` maps GSS
/// codes to authority names.
pub fn report(
    timings: &[Timing],
    suppress: bool,
    names: &HashMap<String, String>,
) -> Vec<TimeToFillRow> {
    // (source, measure, dimension index, key) -> days measured; every key an item has is
    // listed, even when nothing reached the measure's date yet (count 0).
    let mut cells: BTreeMap<(Source, Measure, usize, String), Vec<f64>> = BTreeMap::new();
    for t in timings {
        let mut keys: Vec<(usize, String)> = vec![(0, String::new())];
        for (dimension, code) in &t.needs {
            if let Some(i) = DIMENSIONS.iter().position(|d| d == dimension) {
                keys.push((i, code.clone()));
            }
        }
        keys.push((4, t.authority.clone()));
        for measure in [Measure::FirstIntroduction, Measure::Filled] {
            let end = match measure {
                Measure::FirstIntroduction => t.introduced,
                Measure::Filled => t.filled,
            };
            let value = end.map(|end| days(t.started, end).max(0.0));
            for (dimension, key) in &keys {
                let cell = cells
                    .entry((t.source, measure, *dimension, key.clone()))
                    .or_default();
                if let Some(value) = value {
                    cell.push(value);
                }
            }
        }
    }
    let mut rows: Vec<TimeToFillRow> = cells
        .into_iter()
        .map(|((source, measure, dimension, key), mut values)| {
            values.sort_by(f64::total_cmp);
            let count = values.len() as u64;
            let suppressed = suppress && count > 0 && count < SUPPRESS_BELOW;
            let dimension = DIMENSIONS[dimension];
            TimeToFillRow {
                source,
                measure,
                dimension,
                label: label_of(dimension, &key, names),
                key,
                count: (!suppressed).then_some(count),
                median_days: median(&values).filter(|_| !suppressed).map(round1),
                p90_days: percentile(&values, 90.0)
                    .filter(|_| !suppressed)
                    .map(round1),
                suppressed,
            }
        })
        .collect();
    // The unknown authority last within its dimension.
    rows.sort_by_key(|r| {
        (
            r.source,
            r.measure,
            DIMENSIONS.iter().position(|d| *d == r.dimension),
            r.key == UNKNOWN_AUTHORITY,
        )
    });
    rows
}

impl TimeToFillReport {
    /// The report as CSV: one line per cell; text cells neutralised against spreadsheet
    /// formulas; a suppressed count is `<5`.
    pub fn to_csv(&self) -> String {
        use carematch_domain::spreadsheet::csv_cell;
        let mut out =
            String::from("source,measure,dimension,key,label,count,median_days,p90_days\n");
        let number = |x: Option<f64>| x.map(|x| format!("{x:.1}")).unwrap_or_default();
        for r in &self.rows {
            let count = match (r.suppressed, r.count) {
                (true, _) => format!("<{SUPPRESS_BELOW}"),
                (false, Some(n)) => n.to_string(),
                (false, None) => String::new(),
            };
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{}\n",
                r.source.code(),
                r.measure.code(),
                r.dimension,
                csv_cell(&r.key),
                csv_cell(&r.label),
                count,
                number(r.median_days),
                number(r.p90_days),
            ));
        }
        out
    }
}

/// Places points in local authorities, remembering outward codes already looked up.
struct Placer<'a> {
    service: &'a CareService,
    areas: Vec<Area>,
    outward: HashMap<String, Option<GeoPoint>>,
}

impl Placer<'_> {
    fn point(&self, point: GeoPoint) -> String {
        locate_area(&self.areas, point).map_or_else(
            || UNKNOWN_AUTHORITY.to_owned(),
            |i| self.areas[i].code.clone(),
        )
    }

    fn outward(&mut self, code: Option<&str>) -> Result<String, ServiceError> {
        let Some(code) = code.filter(|c| !c.is_empty()) else {
            return Ok(UNKNOWN_AUTHORITY.to_owned());
        };
        if !self.outward.contains_key(code) {
            let point = match OutwardCode::parse(code) {
                Ok(parsed) => self.service.store.outward_centroid(&parsed)?,
                Err(_) => None,
            };
            self.outward.insert(code.to_owned(), point);
        }
        Ok(match self.outward.get(code).copied().flatten() {
            Some(point) => self.point(point),
            None => UNKNOWN_AUTHORITY.to_owned(),
        })
    }
}

impl CareService {
    /// The time-to-fill report for `caller`: an agency's own figures, or (commissioners and
    /// admins) every agency's, suppressed below 5. Anonymous callers are `Forbidden`.
    pub fn time_to_fill(&self, caller: Caller) -> Result<TimeToFillReport, ServiceError> {
        let (agency, suppress) = match caller {
            Caller::Agency(agency) => (Some(agency), false),
            Caller::Commissioner | Caller::Admin => (None, true),
            Caller::Anonymous | Caller::Organisation(_) | Caller::Moderator | Caller::Pa { .. } => {
                return Err(ServiceError::Forbidden);
            }
        };
        let timings = self.timings(agency)?;
        let authorities = self.store.authorities()?;
        let names: HashMap<String, String> = authorities
            .analysed()
            .into_iter()
            .map(|a| (a.gss.clone(), a.name.clone()))
            .collect();
        Ok(TimeToFillReport {
            scope: if agency.is_some() { "agency" } else { "all" },
            agency_id: agency.map(|a| a.0),
            suppress_below: suppress.then_some(SUPPRESS_BELOW),
            rows: report(&timings, suppress, &names),
        })
    }

    /// Every vacancy and enquiry (of `agency`, when given) as a [`Timing`].
    pub fn timings(&self, agency: Option<AgencyId>) -> Result<Vec<Timing>, ServiceError> {
        let authorities = self.store.authorities()?;
        let boundaries = self.store.boundaries()?;
        let mut placer = Placer {
            service: self,
            areas: authority_areas(&authorities, &boundaries),
            outward: HashMap::new(),
        };
        let mut out = Vec::new();
        for v in self.store.vacancy_timings(agency)? {
            let needs = v
                .needs
                .languages
                .iter()
                .map(|c| ("language", c.code().to_owned()))
                .chain(
                    v.needs
                        .dietary_laws
                        .iter()
                        .map(|c| ("diet", c.code().to_owned())),
                )
                .chain(
                    v.needs
                        .services
                        .iter()
                        .map(|c| ("service", c.code().to_owned())),
                )
                .collect();
            out.push(Timing {
                source: Source::Vacancy,
                started: v.opened_at,
                introduced: v.introduced_at,
                filled: v.filled_at,
                needs,
                authority: v.authority_code.unwrap_or_else(|| placer.point(v.location)),
            });
        }
        for e in self.store.enquiry_timings(agency)? {
            let authority = match e.authority_code {
                Some(code) => code,
                None => placer.outward(e.outward_code.as_deref())?,
            };
            out.push(Timing {
                source: Source::Enquiry,
                started: e.sent_at,
                introduced: e.introduced_at,
                filled: e.filled_at,
                needs: needs_of_enquiry(&e.needs),
                authority,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_nearest_rank_percentile_of_known_sets() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4.0]), Some(4.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 10.0]), Some(2.5));
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0, 10.0]), Some(3.0));
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(percentile(&ten, 90.0), Some(9.0));
        let eleven: Vec<f64> = (1..=11).map(f64::from).collect();
        assert_eq!(percentile(&eleven, 90.0), Some(10.0));
        assert_eq!(percentile(&[7.0], 90.0), Some(7.0));
        assert_eq!(percentile(&[], 90.0), None);
    }

    #[test]
    fn enquiry_needs_are_read_from_objects_and_terms_and_unknown_codes_skipped() {
        let object = needs_of_enquiry(
            r#"{"languages": ["yue", {"code": "cmn"}], "diets": ["halal"], "services": ["x"]}"#,
        );
        assert_eq!(
            object,
            // serde_json keeps object keys sorted: `diets` before `languages`.
            [
                ("diet", "halal".to_owned()),
                ("language", "yue".to_owned()),
                ("language", "cmn".to_owned())
            ]
        );
        let terms = needs_of_enquiry(r#"["language:syl", "service:personal_care", "cuisine:x"]"#);
        assert_eq!(
            terms,
            [
                ("language", "syl".to_owned()),
                ("service", "personal_care".to_owned())
            ]
        );
        assert!(needs_of_enquiry("not json").is_empty());
    }

    #[test]
    fn csv_cells_cannot_run_as_formulas() {
        let at = DateTime::from_timestamp(1_700_000_000, 0).expect("time");
        let timings: Vec<Timing> = (0..5)
            .map(|i| Timing {
                source: Source::Enquiry,
                started: at,
                introduced: Some(at + chrono::Duration::days(i)),
                filled: None,
                needs: Vec::new(),
                authority: "=HYPERLINK(\"http://x\")".to_owned(),
            })
            .collect();
        let names = HashMap::from([(
            "=HYPERLINK(\"http://x\")".to_owned(),
            "@SUM(A1:A2)".to_owned(),
        )]);
        let report = TimeToFillReport {
            scope: "all",
            agency_id: None,
            suppress_below: Some(SUPPRESS_BELOW),
            rows: report(&timings, true, &names),
        };
        let csv = report.to_csv();
        assert!(
            csv.contains(
                "enquiry,first_introduction,local_authority,\"'=HYPERLINK(\"\"http://x\"\")\",\"'@SUM(A1:A2)\",5,2.0,4.0\n"
            ),
            "{csv}"
        );
        for line in csv.lines() {
            for cell in line.split(',') {
                assert!(!cell.starts_with(['=', '@', '+']), "{cell} in {line}");
            }
        }
    }
}
