//! The profile's query parameters, read from text into checked values. Every parameter arrives
//! as text (so that extraction never fails on its own) and every bad one is named at once.

use carematch_domain::vocabulary::Weekday;
use carematch_domain::{FieldError, Postcode};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Items per page when `per_page` is not given.
pub const DEFAULT_PER_PAGE: u64 = 50;
/// The largest `per_page` accepted.
pub const MAX_PER_PAGE: u64 = 500;
/// The largest `proximity` accepted, in metres (the length of England, roughly).
pub const MAX_PROXIMITY_M: f64 = 1_000_000.0;

/// A day of the week as iCal writes it (documentation of `day`; English names and carematch's
/// codes are read too).
#[derive(Debug, Clone, Copy, ToSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum IcalDay {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

/// Paging alone (`/organizations`, `/taxonomies`, `/taxonomy_terms`).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(value_type = Option<u64>, minimum = 1, maximum = 4294967295_u64, example = 1)]
    pub page: Option<String>,
    /// Items per page (1 to 500; 50 when left out).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 500, example = 50)]
    pub per_page: Option<String>,
}

/// Every filter of `/services` and `/service_at_locations`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceParams {
    /// Full text: every word must appear in the name, the description or the English label of
    /// one of the service's taxonomy terms (case-insensitive).
    #[param(example = "halal")]
    pub search: Option<String>,
    /// Page number, from 1.
    #[param(value_type = Option<u64>, minimum = 1, maximum = 4294967295_u64, example = 1)]
    pub page: Option<String>,
    /// Items per page (1 to 500; 50 when left out).
    #[param(value_type = Option<u64>, minimum = 1, maximum = 500, example = 50)]
    pub per_page: Option<String>,
    /// Services carrying this taxonomy term (a UUID from `/taxonomy_terms`).
    #[param(value_type = Option<String>, format = Uuid)]
    pub taxonomy_term_id: Option<String>,
    /// Services carrying any term of this taxonomy (a UUID from `/taxonomies`).
    #[param(value_type = Option<String>, format = Uuid)]
    pub taxonomy_id: Option<String>,
    /// Services whose minimum age is at least this (every carematch service is from 18).
    #[param(value_type = Option<f64>, minimum = 0, example = 18)]
    pub minimum_age: Option<String>,
    /// Services whose maximum age is at most this (carematch's services have none).
    #[param(value_type = Option<f64>, minimum = 0)]
    pub maximum_age: Option<String>,
    /// Open on this day: `MO`..`SU`, or the day's English name.
    #[param(value_type = Option<IcalDay>, example = "WE")]
    pub day: Option<String>,
    /// Opening at or after this time (`HH:MM` or `HH:MM:SS`, up to `24:00`).
    #[param(
        pattern = "^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00(:00)?)$",
        example = "09:00"
    )]
    pub start_time: Option<String>,
    /// Closing at or before this time (`HH:MM` or `HH:MM:SS`, up to `24:00`).
    #[param(
        pattern = "^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00(:00)?)$",
        example = "17:00"
    )]
    pub end_time: Option<String>,
    /// A postcode: with `proximity`, services based within that many metres of its
    /// centroid; without, services whose area covers it. Nearest first.
    #[param(example = "LE1 5WW")]
    pub postcode: Option<String>,
    /// Metres from the postcode's centroid, up to 1,000,000 (needs `postcode`).
    #[param(value_type = Option<f64>, minimum = 0, maximum = 1000000, example = 5000)]
    pub proximity: Option<String>,
}

/// Which page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub page: u64,
    pub per_page: u64,
}

impl Default for Paging {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

/// The checked filters of a service list. The postcode is still to be located.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceQuery {
    pub paging: Paging,
    /// Lower-cased words, each of which must appear.
    pub words: Vec<String>,
    pub taxonomy_term_id: Option<Uuid>,
    pub taxonomy_id: Option<Uuid>,
    pub minimum_age: Option<f64>,
    pub maximum_age: Option<f64>,
    pub day: Option<Weekday>,
    /// Minutes after midnight.
    pub start_time: Option<u32>,
    pub end_time: Option<u32>,
    pub postcode: Option<Postcode>,
    pub proximity_m: Option<f64>,
}

fn bad(errors: &mut Vec<FieldError>, field: &str, code: &'static str, reason: String) {
    errors.push(FieldError {
        field: field.to_owned(),
        code,
        reason,
    });
}

fn number(errors: &mut Vec<FieldError>, field: &str, text: Option<&str>) -> Option<f64> {
    let text = text?;
    match text.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Some(n),
        _ => {
            let reason = format!("`{text}` is not a number of 0 or more");
            bad(errors, field, "invalid_format", reason);
            None
        }
    }
}

fn whole(
    errors: &mut Vec<FieldError>,
    field: &str,
    text: Option<&str>,
    max: u64,
    default: u64,
) -> u64 {
    let Some(text) = text else { return default };
    match text.trim().parse::<u64>() {
        Ok(n) if (1..=max).contains(&n) => n,
        _ => {
            let reason = format!("`{text}` is not a whole number from 1 to {max}");
            bad(errors, field, "out_of_range", reason);
            default
        }
    }
}

fn uuid(errors: &mut Vec<FieldError>, field: &str, text: Option<&str>) -> Option<Uuid> {
    let text = text?;
    match Uuid::parse_str(text.trim()) {
        Ok(id) => Some(id),
        Err(_) => {
            bad(
                errors,
                field,
                "invalid_format",
                format!("`{text}` is not a UUID"),
            );
            None
        }
    }
}

/// Minutes after midnight of `HH:MM` or `HH:MM:SS` (seconds ignored), up to `24:00`.
fn time(errors: &mut Vec<FieldError>, field: &str, text: Option<&str>) -> Option<u32> {
    let text = text?;
    let parsed = (|| {
        let t = text.trim();
        let two = |part: &str| -> Option<u32> {
            (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let mut parts = t.split(':');
        let h = two(parts.next()?)?;
        let m = two(parts.next()?)?;
        let s = parts.next().map_or(Some(0), two)?;
        let fits = parts.next().is_none() && m < 60 && s < 60;
        (fits && (h < 24 || (h == 24 && m == 0 && s == 0))).then_some(h * 60 + m)
    })();
    if parsed.is_none() {
        let reason = format!("`{text}` is not a time: use HH:MM or HH:MM:SS");
        bad(errors, field, "invalid_format", reason);
    }
    parsed
}

/// A weekday from its iCal code (`MO`), English name (`Monday`) or carematch code (`mon`).
pub fn weekday(text: &str) -> Option<Weekday> {
    let t = text.trim().to_ascii_lowercase();
    let day = match t.get(..2)? {
        "mo" => Weekday::Mon,
        "tu" => Weekday::Tue,
        "we" => Weekday::Wed,
        "th" => Weekday::Thu,
        "fr" => Weekday::Fri,
        "sa" => Weekday::Sat,
        "su" => Weekday::Sun,
        _ => return None,
    };
    let names = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let name = names[day as usize];
    (t.len() == 2 || name.get(..3) == Some(t.as_str()) || name == t).then_some(day)
}

impl PageParams {
    pub fn parse(&self) -> Result<Paging, Vec<FieldError>> {
        let mut errors = Vec::new();
        let paging = paging(&mut errors, self.page.as_deref(), self.per_page.as_deref());
        if errors.is_empty() {
            Ok(paging)
        } else {
            Err(errors)
        }
    }
}

fn paging(errors: &mut Vec<FieldError>, page: Option<&str>, per_page: Option<&str>) -> Paging {
    Paging {
        page: whole(errors, "page", page, u64::from(u32::MAX), 1),
        per_page: whole(errors, "per_page", per_page, MAX_PER_PAGE, DEFAULT_PER_PAGE),
    }
}

impl ServiceParams {
    pub fn parse(&self) -> Result<ServiceQuery, Vec<FieldError>> {
        let mut e = Vec::new();
        let paging = paging(&mut e, self.page.as_deref(), self.per_page.as_deref());
        let day = self.day.as_deref().and_then(|text| {
            let day = weekday(text);
            if day.is_none() {
                let reason = format!("`{text}` is not a day: use MO, TU, ... SU or Monday...");
                bad(&mut e, "day", "invalid_format", reason);
            }
            day
        });
        let postcode = self.postcode.as_deref().and_then(|text| {
            Postcode::parse(text)
                .map_err(|error| bad(&mut e, "postcode", "invalid_format", error.to_string()))
                .ok()
        });
        let proximity_m = number(&mut e, "proximity", self.proximity.as_deref());
        if proximity_m.is_some_and(|m| m > MAX_PROXIMITY_M) {
            let reason = format!("proximity is at most {MAX_PROXIMITY_M} metres");
            bad(&mut e, "proximity", "out_of_range", reason);
        }
        if proximity_m.is_some() && self.postcode.is_none() {
            let reason = "proximity is measured from a postcode: give `postcode` too".to_owned();
            bad(&mut e, "proximity", "required", reason);
        }
        let query = ServiceQuery {
            paging,
            words: self
                .search
                .as_deref()
                .unwrap_or_default()
                .to_lowercase()
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
            taxonomy_term_id: uuid(&mut e, "taxonomy_term_id", self.taxonomy_term_id.as_deref()),
            taxonomy_id: uuid(&mut e, "taxonomy_id", self.taxonomy_id.as_deref()),
            minimum_age: number(&mut e, "minimum_age", self.minimum_age.as_deref()),
            maximum_age: number(&mut e, "maximum_age", self.maximum_age.as_deref()),
            day,
            start_time: time(&mut e, "start_time", self.start_time.as_deref()),
            end_time: time(&mut e, "end_time", self.end_time.as_deref()),
            postcode,
            proximity_m,
        };
        if e.is_empty() { Ok(query) } else { Err(e) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_read_in_every_form_and_nothing_else() {
        for text in ["WE", "we", "Wednesday", "wed"] {
            assert_eq!(weekday(text), Some(Weekday::Wed), "{text}");
        }
        for text in ["W", "wex", "wednesdays", "", "XX"] {
            assert_eq!(weekday(text), None, "{text}");
        }
    }

    #[test]
    fn every_bad_parameter_is_named() {
        let params = ServiceParams {
            page: Some("0".into()),
            per_page: Some("5000".into()),
            taxonomy_id: Some("nope".into()),
            start_time: Some("25:00".into()),
            day: Some("someday".into()),
            proximity: Some("-3".into()),
            ..ServiceParams::default()
        };
        let errors = params.parse().expect_err("all bad");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "page",
                "per_page",
                "day",
                "proximity",
                "taxonomy_id",
                "start_time"
            ]
        );
    }

    #[test]
    fn good_parameters_read() {
        let params = ServiceParams {
            search: Some("Halal  Lunch".into()),
            start_time: Some("09:30:00".into()),
            end_time: Some("24:00".into()),
            postcode: Some("le1 5ww".into()),
            proximity: Some("2500".into()),
            ..ServiceParams::default()
        };
        let q = params.parse().expect("good");
        assert_eq!(q.words, ["halal", "lunch"]);
        assert_eq!((q.start_time, q.end_time), (Some(570), Some(1440)));
        assert_eq!(q.proximity_m, Some(2500.0));
        assert_eq!(q.paging, Paging::default());
    }
}
