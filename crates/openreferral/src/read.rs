//! A council's feed read back as carematch providers, one service record at a time.
//!
//! [`read_service`] takes one service as JSON (an item of a `/services` page, a
//! `/services/{id}` body, a line of an NDJSON export) and gives either the provider it maps to
//! ([`ReadService`]), or that the feed no longer offers it (`inactive`, `defunct`:
//! [`Outcome::Withdrawn`]), or every problem found, each with the record's field path and the
//! reason ([`Problem`]). Problems are of two kinds: the record breaks the profile's schema
//! (a required field missing, a wrong type, a bad UUID, date or e-mail), or it is valid but
//! carematch cannot take it (no UK postcode, coordinates out of range, a code in one of
//! carematch's taxonomies that the vocabulary does not have, no carematch service).
//!
//! The fields a feed cannot give get documented defaults (docs/openreferral-import.md), never
//! invented cultural data: no language listed means English (a service in an English
//! council's directory works in English; nothing is said about any other language), and
//! cuisines, diets, faith practices, communities and experience stay empty unless the feed
//! tags the service with carematch's terms.

mod terms;

use carematch_domain::vocabulary::{DeliveryMode, Language, ProviderKind, Weekday};
use carematch_domain::{Contact, GeoPoint, Km, Postcode, ProviderDetails, ServiceArea, Slot};
use chrono::NaiveDate;

pub use terms::{Recognised, Term, Vocabulary, language_by_code, language_by_name};

use crate::model::{Frequency, Location, LocationType, Service as FeedService, ServiceStatus};

/// How far a service reaches when the feed does not say: a feed's service areas are free text
/// or GeoJSON extents that carematch does not read, so the reach is this radius around the
/// service's base.
pub const DEFAULT_REACH_KM: f64 = 5.0;

/// carematch's limits on a provider's name and description.
const NAME_MAX: usize = 120;
const DESCRIPTION_MAX: usize = 4000;

/// A service mapped to carematch's provider fields.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadService {
    /// The service's id in the feed (its UUID, as the feed wrote it).
    pub source_id: String,
    pub details: ProviderDetails,
    /// The location's own coordinates, when it gives them; else the postcode is located.
    pub location: Option<GeoPoint>,
    /// What was left out or assumed, for the report (e.g. a language outside the vocabulary).
    pub notes: Vec<String>,
}

/// What a record turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Read(Box<ReadService>),
    /// The feed lists the service as `inactive` or `defunct`: not imported (and retired when
    /// held from an earlier run).
    Withdrawn {
        source_id: String,
        status: ServiceStatus,
    },
}

/// Why a problem stops a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The record breaks the Open Referral UK schema.
    Schema,
    /// Valid, but carematch cannot take it as a provider.
    Unmappable,
}

/// One problem with a record: where (the record's field path, e.g.
/// `service_at_locations[0].location.latitude`) and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub field: String,
    pub reason: String,
}

impl Problem {
    fn schema(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            kind: ProblemKind::Schema,
            field: field.into(),
            reason: reason.into(),
        }
    }

    fn unmappable(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            kind: ProblemKind::Unmappable,
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// A status as the profile writes it (`temporarily closed`).
pub fn status_text(status: ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::Active => "active",
        ServiceStatus::Inactive => "inactive",
        ServiceStatus::Defunct => "defunct",
        ServiceStatus::TemporarilyClosed => "temporarily closed",
    }
}

/// The id of a record that may not read, for the report: its `id` when it is a string.
pub fn record_id(record: &serde_json::Value) -> Option<String> {
    record.get("id")?.as_str().map(str::to_owned)
}

/// Reads one service record. `fetched_on` is the day the feed was read: the confirmation date
/// when the record carries neither `last_modified` nor `assured_date`.
pub fn read_service(
    record: &serde_json::Value,
    fetched_on: NaiveDate,
    vocabulary: &Vocabulary,
) -> Result<Outcome, Vec<Problem>> {
    let service: FeedService = serde_path_to_error::deserialize(record).map_err(|e| {
        let field = e.path().to_string();
        vec![Problem::schema(
            if field == "." { String::new() } else { field },
            e.inner().to_string(),
        )]
    })?;
    match service.status {
        ServiceStatus::Inactive | ServiceStatus::Defunct => Ok(Outcome::Withdrawn {
            source_id: service.id.to_string(),
            status: service.status,
        }),
        ServiceStatus::Active | ServiceStatus::TemporarilyClosed => {
            map_service(&service, fetched_on, vocabulary).map(|read| Outcome::Read(Box::new(read)))
        }
    }
}

/// Everything gathered from a record before it becomes [`ProviderDetails`].
#[derive(Default)]
struct Gathered {
    problems: Vec<Problem>,
    notes: Vec<String>,
    languages: Vec<Language>,
    kind: Option<ProviderKind>,
    delivery: Vec<DeliveryMode>,
    details_lists: Lists,
}

#[derive(Default)]
struct Lists {
    cuisines: Vec<carematch_domain::vocabulary::Cuisine>,
    diets: Vec<carematch_domain::vocabulary::DietaryLaw>,
    medical: Vec<carematch_domain::vocabulary::MedicalDiet>,
    faith: Vec<carematch_domain::vocabulary::FaithPractice>,
    services: Vec<carematch_domain::vocabulary::Service>,
    experience: Vec<carematch_domain::vocabulary::Experience>,
    communities: Vec<carematch_domain::vocabulary::Community>,
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn map_service(
    service: &FeedService,
    fetched_on: NaiveDate,
    vocabulary: &Vocabulary,
) -> Result<ReadService, Vec<Problem>> {
    let mut g = Gathered::default();
    let name = service.name.trim();
    if name.is_empty() {
        g.problems
            .push(Problem::unmappable("name", "the name is empty"));
    } else if name.chars().count() > NAME_MAX {
        g.problems.push(Problem::unmappable(
            "name",
            format!("longer than carematch's {NAME_MAX} characters"),
        ));
    }
    let description = description(service, &mut g.notes);
    read_languages(service, &mut g);
    read_terms(service, vocabulary, &mut g);
    let (postcode, location, has_virtual) = place(service, &mut g.problems);
    if has_virtual {
        push_new(&mut g.delivery, DeliveryMode::Online);
    }
    if postcode.is_some() {
        g.delivery.insert(0, DeliveryMode::InPerson);
        g.delivery.dedup();
    }
    let contact = contact(service, &mut g.problems);
    let opening_hours = opening_hours(service, &mut g.problems, &mut g.notes);
    let confirmed_on = confirmed_on(service, fetched_on);
    if g.languages.is_empty() {
        g.languages.push(Language::Eng);
        g.notes
            .push("no language given: English assumed (the directory's language)".into());
    }
    if g.details_lists.services.is_empty() {
        g.problems.push(Problem::unmappable(
            "attributes",
            "no term of carematch's service taxonomy: carematch cannot tell what the service \
             does for a person (tag it with one, e.g. personal_care or luncheon_club)",
        ));
    }
    let reach = Km::new(DEFAULT_REACH_KM);
    let (Some(postcode), Ok(reach), true) = (postcode, reach, g.problems.is_empty()) else {
        return Err(g.problems);
    };
    let lists = g.details_lists;
    let details = ProviderDetails {
        name: name.to_owned(),
        kind: g.kind.unwrap_or(ProviderKind::Charity),
        description,
        communities: lists.communities,
        staff_languages: g.languages,
        cuisines: lists.cuisines,
        dietary_laws: lists.diets,
        medical_diets: lists.medical,
        faith_practices: lists.faith,
        services: lists.services,
        experience: lists.experience,
        lgbt_inclusive: false,
        delivery_modes: g.delivery,
        postcode,
        service_area: ServiceArea::Radius { km: reach },
        accepting_new_clients: service.status == ServiceStatus::Active,
        accepting_confirmed_on: confirmed_on,
        checks: Vec::new(),
        contact,
        self_referral: false,
        hourly_rate: None,
        opening_hours,
        last_confirmed_on: confirmed_on,
        external_ref: None,
    };
    // A safety net: anything the mapping above let through that carematch would refuse.
    if let Err(invalid) = details.validate() {
        return Err(invalid
            .0
            .into_iter()
            .map(|e| Problem::unmappable(format!("(carematch {})", e.field), e.reason))
            .collect());
    }
    Ok(ReadService {
        source_id: service.id.to_string(),
        details,
        location,
        notes: g.notes,
    })
}

fn description(service: &FeedService, notes: &mut Vec<String>) -> String {
    let text = service.description.as_deref().unwrap_or_default().trim();
    if text.chars().count() <= DESCRIPTION_MAX {
        return text.to_owned();
    }
    notes.push(format!(
        "description cut to carematch's {DESCRIPTION_MAX} characters"
    ));
    text.chars().take(DESCRIPTION_MAX).collect()
}

fn read_languages(service: &FeedService, g: &mut Gathered) {
    for language in &service.languages {
        let found = match (&language.code, &language.name) {
            (Some(code), _) if !code.trim().is_empty() => language_by_code(code),
            (_, Some(name)) => language_by_name(name),
            _ => None,
        };
        match found {
            Some(found) => push_new(&mut g.languages, found),
            None => g.notes.push(format!(
                "language {} is not in carematch's vocabulary: left out",
                language
                    .code
                    .as_deref()
                    .or(language.name.as_deref())
                    .unwrap_or("without code or name")
            )),
        }
    }
}

fn read_terms(service: &FeedService, vocabulary: &Vocabulary, g: &mut Gathered) {
    for (i, attribute) in service.attributes.iter().enumerate() {
        let term = attribute.taxonomy_term.as_ref();
        let Some(term_id) = term.map(|t| t.id).or(attribute.taxonomy_term_id) else {
            continue;
        };
        let code = term.and_then(|t| t.code.as_deref().or(t.term.as_deref()));
        let taxonomy = term.and_then(|t| t.taxonomy_id);
        let named = term.and_then(|t| t.taxonomy.as_deref());
        match vocabulary.recognise(term_id, taxonomy, named, code) {
            Recognised::Term(found) => {
                let lists = &mut g.details_lists;
                match found {
                    Term::Language(l) => push_new(&mut g.languages, l),
                    Term::Cuisine(c) => push_new(&mut lists.cuisines, c),
                    Term::Diet(d) => push_new(&mut lists.diets, d),
                    Term::MedicalDiet(d) => push_new(&mut lists.medical, d),
                    Term::FaithPractice(f) => push_new(&mut lists.faith, f),
                    Term::Service(s) => push_new(&mut lists.services, s),
                    Term::Experience(e) => push_new(&mut lists.experience, e),
                    Term::Community(c) => push_new(&mut lists.communities, c),
                    Term::Kind(k) => {
                        g.kind.get_or_insert(k);
                    }
                    Term::Delivery(d) => push_new(&mut g.delivery, d),
                }
            }
            Recognised::Unknown { kind, code } => g.problems.push(Problem::unmappable(
                format!("attributes[{i}].taxonomy_term"),
                format!("`{code}` is not a code of carematch's {kind} taxonomy"),
            )),
            Recognised::Foreign => {}
        }
    }
}

/// The postcode (of the first physical, else postal, address), the coordinates of the
/// location that gave it, and whether the service is also offered at a virtual location.
fn place(
    service: &FeedService,
    problems: &mut Vec<Problem>,
) -> (Option<Postcode>, Option<GeoPoint>, bool) {
    let located: Vec<(usize, &Location)> = service
        .service_at_locations
        .iter()
        .enumerate()
        .filter_map(|(i, sal)| sal.location.as_ref().map(|l| (i, l)))
        .collect();
    let has_virtual = located
        .iter()
        .any(|(_, l)| l.location_type == LocationType::Virtual);
    let mut best: Option<(usize, &Location, usize)> = None;
    for wanted in [LocationType::Physical, LocationType::Postal] {
        for (i, location) in &located {
            if let Some(a) = location
                .addresses
                .iter()
                .position(|a| a.address_type == wanted && !a.postal_code.trim().is_empty())
            {
                best = Some((*i, location, a));
                break;
            }
        }
        if best.is_some() {
            break;
        }
    }
    let Some((i, location, a)) = best else {
        problems.push(Problem::unmappable(
            "service_at_locations",
            "no address with a postcode: carematch places every provider at a UK postcode",
        ));
        return (None, None, has_virtual);
    };
    let at = format!("service_at_locations[{i}].location");
    let postcode = match Postcode::parse(&location.addresses[a].postal_code) {
        Ok(postcode) => Some(postcode),
        Err(e) => {
            problems.push(Problem::unmappable(
                format!("{at}.addresses[{a}].postal_code"),
                format!("not a UK postcode: {e}"),
            ));
            None
        }
    };
    let point = match (location.latitude, location.longitude) {
        (Some(lat), Some(lon)) => match GeoPoint::new(lat, lon) {
            Ok(point) => Some(point),
            Err(e) => {
                problems.push(Problem::unmappable(format!("{at}.latitude"), e.to_string()));
                None
            }
        },
        (None, None) => None,
        _ => {
            problems.push(Problem::schema(
                format!("{at}.latitude"),
                "latitude and longitude come together",
            ));
            None
        }
    };
    (postcode, point, has_virtual)
}

fn contact(service: &FeedService, problems: &mut Vec<Problem>) -> Contact {
    let organization = service.organization.as_ref();
    let (email_field, email) = match (&service.email, organization.and_then(|o| o.email.as_ref())) {
        (Some(email), _) => ("email", Some(email)),
        (None, Some(email)) => ("organization.email", Some(email)),
        (None, None) => ("email", None),
    };
    let (web_field, website) = match (&service.url, organization.and_then(|o| o.website.as_ref())) {
        (Some(url), _) => ("url", Some(url)),
        (None, Some(url)) => ("organization.website", Some(url)),
        (None, None) => ("url", None),
    };
    let phone = service.phones.first().map(|p| p.number.clone());
    let contact = Contact {
        phone: phone.map(|p| p.trim().to_owned()),
        email: email.map(|e| e.trim().to_owned()),
        website: website.map(|w| w.trim().to_owned()),
    };
    let mut errors = carematch_domain::ValidationErrors::default();
    contact.validate("contact", &mut errors);
    for error in errors.0 {
        let field = match error.field.as_str() {
            "contact.email" => email_field,
            "contact.website" => web_field,
            _ => "phones",
        };
        let kind = if field == "phones" {
            ProblemKind::Unmappable
        } else {
            ProblemKind::Schema
        };
        problems.push(Problem {
            kind,
            field: field.into(),
            reason: error.reason,
        });
    }
    contact
}

/// Weekly schedules as opening hours. Times are rounded inwards to carematch's quarter hours
/// (opening later, closing earlier), so no hour is claimed that the feed did not give.
fn opening_hours(
    service: &FeedService,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<String>,
) -> Vec<Slot> {
    let mut slots = Vec::new();
    for (i, schedule) in service.schedules.iter().enumerate() {
        let field = format!("schedules[{i}]");
        if schedule.freq != Some(Frequency::Weekly) {
            notes.push(format!("{field}: only weekly schedules are read"));
            continue;
        }
        let (Some(byday), Some(opens), Some(closes)) =
            (&schedule.byday, &schedule.opens_at, &schedule.closes_at)
        else {
            notes.push(format!(
                "{field}: no byday, opens_at and closes_at: not read"
            ));
            continue;
        };
        let (Some(start), Some(end)) = (quarters(opens, true), quarters(closes, false)) else {
            problems.push(Problem::schema(
                format!("{field}.opens_at"),
                "opens_at and closes_at are times (HH:MM or HH:MM:SS)",
            ));
            continue;
        };
        let overnight = end < start;
        if end == start {
            notes.push(format!("{field}: shorter than a quarter hour: not read"));
            continue;
        }
        for token in byday.split(',').map(str::trim) {
            let Some(day) = weekday(token) else {
                problems.push(Problem::schema(
                    format!("{field}.byday"),
                    format!("`{token}` is not a day (MO, TU, WE, TH, FR, SA, SU)"),
                ));
                continue;
            };
            let (Some(start), Some(end)) = (
                carematch_domain::TimeOfDay::from_quarters(start),
                carematch_domain::TimeOfDay::from_quarters(end),
            ) else {
                continue;
            };
            let slot = Slot {
                day,
                start,
                end,
                overnight,
            };
            push_new(&mut slots, slot);
        }
    }
    slots
}

/// Quarter hours since midnight of `HH:MM[:SS]`, rounded up (`up`) or down.
fn quarters(time: &str, up: bool) -> Option<u16> {
    let mut parts = time.trim().split(':');
    let h: u16 = parts.next()?.parse().ok()?;
    let m: u16 = parts.next()?.parse().ok()?;
    let s: u16 = parts
        .next()
        .map_or(Some(0), |s| s.split(['.', 'Z', '+']).next()?.parse().ok())?;
    if h > 24 || m > 59 || s > 59 || (h == 24 && (m > 0 || s > 0)) {
        return None;
    }
    let seconds = u32::from(h) * 3600 + u32::from(m) * 60 + u32::from(s);
    let q = if up {
        seconds.div_ceil(900)
    } else {
        seconds / 900
    };
    u16::try_from(q).ok()
}

fn weekday(token: &str) -> Option<Weekday> {
    Some(match token.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

/// When the record was last confirmed: its `last_modified` day, else its `assured_date`, else
/// the day the feed was read.
fn confirmed_on(service: &FeedService, fetched_on: NaiveDate) -> NaiveDate {
    if let Some(modified) = service.last_modified {
        return modified.date_naive().min(fetched_on);
    }
    if let Some(assured) = &service.assured_date
        && let Ok(day) = NaiveDate::parse_from_str(assured.trim(), "%Y-%m-%d")
    {
        return day.min(fetched_on);
    }
    fetched_on
}

#[cfg(test)]
mod tests;
