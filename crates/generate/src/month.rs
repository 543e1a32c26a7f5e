//! A synthetic month of vacancies and enquiries with realistic status histories, for demos,
//! the time-to-fill report and its tests.
//!
//! The model (rough, but shaped like what agencies describe: a PA takes weeks to find, longer
//! for a rare language, faster when someone is leaving hospital):
//!
//! - Vacancies open at a uniform time in the month; 70% are opened by an agency from a plan with
//!   a full postcode, 30% posted by a person (the outward code only). 15% are urgent.
//! - The first introduction comes after a log-normal delay (median 6 days for a widely spoken
//!   language, 10 for a less common one, 18 for a rare one; urgent ones 0.4 times that); the
//!   fill a log-normal 5 days (median) after it. 8% are withdrawn at some point instead. What
//!   would happen after the month's end has not happened: those stay open or introduced.
//! - Enquiries are contacted after a median 0.7 days; 60% lead to an introduction after a
//!   median 4 days; 55% of those are closed as filled a median 6 days later; the rest of the
//!   closed ones are declined or got no reply.
//!
//! Every item is drawn from its own generator keyed by (seed, stream, index), so the same seed
//! and inputs always give the same month.

use carematch_domain::{GeoPoint, SupportPlan};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde_json::json;

use crate::places::Place;
use crate::rng::Rng;

/// What month to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthConfig {
    pub seed: u64,
    /// The month's first day (00:00 UTC).
    pub start: NaiveDate,
    /// Its length in days.
    pub days: u32,
    pub vacancies: usize,
    pub enquiries: usize,
    /// Agencies to spread items over (`GeneratedVacancy::agency` is below this).
    pub agencies: usize,
}

/// A vacancy and its history.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedVacancy {
    /// Index of the opening agency; `None` for a person's post.
    pub agency: Option<usize>,
    pub plan: SupportPlan,
    pub outward_code: String,
    pub location: GeoPoint,
    pub urgent: bool,
    pub opened_at: DateTime<Utc>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub filled_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// An enquiry's dates and needs (no person: the generator makes none up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedEnquiry {
    pub agency: usize,
    /// `{"languages": [...], "dietary_laws": [...], "services": [...]}`.
    pub needs: String,
    pub outward_code: String,
    pub sent_at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_reason: Option<&'static str>,
}

/// A generated month.
#[derive(Debug, Clone, PartialEq)]
pub struct Month {
    pub vacancies: Vec<GeneratedVacancy>,
    pub enquiries: Vec<GeneratedEnquiry>,
}

/// Languages with a weight and the median days to a first introduction.
const LANGUAGES: &[(&str, u32, f64)] = &[
    ("eng", 20, 6.0),
    ("pan", 12, 6.0),
    ("urd", 12, 6.0),
    ("guj", 10, 6.0),
    ("pol", 8, 6.0),
    ("ben", 8, 10.0),
    ("yue", 8, 10.0),
    ("cmn", 5, 10.0),
    ("som", 6, 10.0),
    ("syl", 5, 18.0),
    ("hak", 2, 18.0),
    ("tam", 4, 18.0),
];
const DIETS: &[(Option<&str>, u32)] = &[
    (None, 45),
    (Some("halal"), 30),
    (Some("vegetarian"), 18),
    (Some("kosher"), 2),
    (Some("no_beef"), 5),
];
const SERVICES: &[&str] = &[
    "personal_care",
    "meal_preparation",
    "companionship",
    "domestic",
    "shopping",
    "medication_prompting",
    "night_support",
];

const VACANCY_STREAM: u64 = 0x7661_6361_6e63_7900;
const ENQUIRY_STREAM: u64 = 0x656e_7175_6972_7900;

/// A standard normal draw (sum of twelve uniforms minus six: enough for delays).
fn normal(rng: &mut Rng) -> f64 {
    (0..12).map(|_| rng.unit()).sum::<f64>() - 6.0
}

/// A log-normal delay in days with this median.
fn delay(rng: &mut Rng, median_days: f64, spread: f64) -> Duration {
    let days = median_days * (spread * normal(rng)).exp();
    Duration::seconds((days * 86_400.0).round() as i64)
}

/// `at`, unless it falls after `end` (it has not happened yet).
fn by(at: DateTime<Utc>, end: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (at <= end).then_some(at)
}

struct Needs {
    language: &'static str,
    median: f64,
    diet: Option<&'static str>,
    services: Vec<&'static str>,
}

fn needs(rng: &mut Rng) -> Needs {
    let weighted: Vec<(usize, u32)> = LANGUAGES
        .iter()
        .enumerate()
        .map(|(i, (_, w, _))| (i, *w))
        .collect();
    let (language, _, median) = LANGUAGES[rng.weighted(&weighted)];
    let diet = rng.weighted(DIETS);
    let mut services = vec!["personal_care"];
    for _ in 0..rng.range(0, 2) {
        let extra = rng.pick(SERVICES);
        if !services.contains(&extra) {
            services.push(extra);
        }
    }
    Needs {
        language,
        median,
        diet,
        services,
    }
}

fn start_of(config: &MonthConfig) -> DateTime<Utc> {
    config
        .start
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

fn vacancy(config: &MonthConfig, places: &[Place], i: usize) -> Option<GeneratedVacancy> {
    let mut rng = Rng::for_record(config.seed, VACANCY_STREAM, i as u64);
    let start = start_of(config);
    let end = start + Duration::days(i64::from(config.days));
    let place = places.get(rng.below(places.len()))?;
    let need = needs(&mut rng);
    let by_person = rng.chance(0.3);
    let urgent = rng.chance(0.15);
    let opened_at = start + Duration::seconds(rng.range(0, i64::from(config.days) * 86_400 - 1));
    let mut plan = json!({
        "max_distance_km": 10,
        "languages": [{"code": need.language, "min_proficiency": "conversational", "priority": "required"}],
        "services": need.services.iter().map(|s| json!({"code": s, "priority": "required"})).collect::<Vec<_>>(),
    });
    if let Some(diet) = need.diet {
        plan["dietary_laws"] = json!([{"code": diet, "priority": "required"}]);
    }
    if by_person {
        plan["location"] = json!({"lat": place.point.lat, "lon": place.point.lon});
    } else {
        plan["postcode"] = json!(place.postcode.as_str());
    }
    let plan: SupportPlan = serde_json::from_value(plan).ok()?;
    let agency = (!by_person && config.agencies > 0).then(|| rng.below(config.agencies));
    let median = need.median * if urgent { 0.4 } else { 1.0 };
    let introduced = opened_at + delay(&mut rng, median, 0.6);
    let filled = introduced + delay(&mut rng, 5.0, 0.7);
    let withdrawn = rng
        .chance(0.08)
        .then(|| opened_at + delay(&mut rng, median, 0.8));
    let (introduced_at, filled_at, withdrawn_at) = match withdrawn {
        // Withdrawn before the introduction, or between it and the fill.
        Some(w) if w < introduced => (None, None, by(w, end)),
        Some(w) if w < filled => (by(introduced, end), None, by(w, end)),
        _ => (by(introduced, end), by(filled, end), None),
    };
    Some(GeneratedVacancy {
        agency,
        plan,
        outward_code: place.postcode.outward().as_str().to_owned(),
        location: place.point,
        urgent,
        opened_at,
        introduced_at,
        filled_at,
        withdrawn_at,
    })
}

fn enquiry(config: &MonthConfig, places: &[Place], i: usize) -> Option<GeneratedEnquiry> {
    let mut rng = Rng::for_record(config.seed, ENQUIRY_STREAM, i as u64);
    let start = start_of(config);
    let end = start + Duration::days(i64::from(config.days));
    let place = places.get(rng.below(places.len()))?;
    let need = needs(&mut rng);
    let sent_at = start + Duration::seconds(rng.range(0, i64::from(config.days) * 86_400 - 1));
    let contacted = sent_at + delay(&mut rng, 0.7, 0.8);
    let introduced = rng
        .chance(0.6)
        .then(|| contacted + delay(&mut rng, need.median * 0.6, 0.6));
    let (closed, reason) = match introduced {
        Some(at) if rng.chance(0.55) => (Some(at + delay(&mut rng, 6.0, 0.6)), "filled"),
        Some(at) => (Some(at + delay(&mut rng, 8.0, 0.6)), "declined"),
        None if rng.chance(0.5) => (Some(contacted + delay(&mut rng, 10.0, 0.5)), "no_reply"),
        None => (None, ""),
    };
    let contacted_at = by(contacted, end);
    let introduced_at = introduced
        .and_then(|at| by(at, end))
        .filter(|_| contacted_at.is_some());
    let closed_at = closed
        .and_then(|at| by(at, end))
        .filter(|_| contacted_at.is_some());
    // A filled enquiry was introduced first.
    let closed_at = closed_at.filter(|_| reason != "filled" || introduced_at.is_some());
    let needs = json!({
        "languages": [need.language],
        "dietary_laws": need.diet.into_iter().collect::<Vec<_>>(),
        "services": need.services,
    });
    Some(GeneratedEnquiry {
        agency: rng.below(config.agencies.max(1)),
        needs: needs.to_string(),
        outward_code: place.postcode.outward().as_str().to_owned(),
        sent_at,
        contacted_at,
        introduced_at,
        close_reason: closed_at.map(|_| reason),
        closed_at,
    })
}

/// The month: vacancies in opening order, enquiries in sending order. Empty without places.
pub fn generate_month(config: &MonthConfig, places: &[Place]) -> Month {
    let mut vacancies: Vec<GeneratedVacancy> = (0..config.vacancies)
        .filter_map(|i| vacancy(config, places, i))
        .collect();
    vacancies.sort_by_key(|v| v.opened_at);
    let mut enquiries: Vec<GeneratedEnquiry> = (0..config.enquiries)
        .filter_map(|i| enquiry(config, places, i))
        .collect();
    enquiries.sort_by_key(|e| e.sent_at);
    Month {
        vacancies,
        enquiries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_places_csv;

    fn places() -> Vec<Place> {
        parse_places_csv("Postcode,lat,long\nLE1 5WW,52.6344,-1.1295\nM13 0EG,53.46191,-2.22211\n")
            .expect("places")
    }

    fn config(seed: u64) -> MonthConfig {
        MonthConfig {
            seed,
            start: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            days: 30,
            vacancies: 200,
            enquiries: 200,
            agencies: 3,
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_month_and_histories_are_in_order() {
        let places = places();
        let month = generate_month(&config(7), &places);
        assert_eq!(month, generate_month(&config(7), &places));
        assert_ne!(month, generate_month(&config(8), &places));
        let end = start_of(&config(7)) + Duration::days(30);
        for v in &month.vacancies {
            assert!(v.plan.validate().is_ok());
            if v.agency.is_none() {
                assert_eq!(
                    v.plan.postcode, None,
                    "a person's post has no full postcode"
                );
            }
            for at in [v.introduced_at, v.filled_at, v.withdrawn_at]
                .into_iter()
                .flatten()
            {
                assert!(at > v.opened_at && at <= end);
            }
            if let (Some(i), Some(f)) = (v.introduced_at, v.filled_at) {
                assert!(i < f);
            }
            assert!(!(v.filled_at.is_some() && v.withdrawn_at.is_some()));
            assert!(v.filled_at.is_none() || v.introduced_at.is_some());
        }
        for e in &month.enquiries {
            assert!(e.introduced_at.is_none() || e.contacted_at.is_some());
            assert!(e.close_reason != Some("filled") || e.introduced_at.is_some());
        }
        let filled = month
            .vacancies
            .iter()
            .filter(|v| v.filled_at.is_some())
            .count();
        assert!((40..160).contains(&filled), "{filled} of 200 filled");
    }
}
