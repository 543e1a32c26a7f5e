//! The fields of the agency's PA edit form (`crate::agency_edit`): filled from the stored record,
//! read back from a post, and laid over the stored record so that every field the form does
//! not show (ethnic group and its consent, checks, medical diets, contact, external reference,
//! employment status) stays exactly as it was.

use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, Experience, Faith, FaithPractice, Gender, Language, Proficiency,
    Service, TravelMode, Weekday,
};
use carematch_domain::{CarerDetails, FieldError, Km, LanguageSkill, Postcode, RatePence};
use carematch_domain::{Slot, TimeOfDay};

/// Language rows on the form: the PA's own, plus this many empty ones to add another.
pub const SPARE_LANGUAGE_ROWS: usize = 2;
/// Availability rows a day at least (a split day needs two); a day with more stored slots gets
/// a row for each and one spare, so that saving the form never drops a slot it did not show.
pub const SLOT_ROWS: usize = 2;
/// The most rows a day's posted slots are read from (a day has 48 half hours).
const MAX_SLOT_ROWS: usize = 48;

/// One language row as typed: code and level, both possibly empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LanguageRow {
    pub code: String,
    pub level: String,
}

/// The form as strings, exactly as shown or sent, so that a refused post shows what was typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EditForm {
    /// The record's version when the form was read (the optimistic check).
    pub version: i64,
    pub given_name: String,
    pub family_name: String,
    pub gender: String,
    pub languages: Vec<LanguageRow>,
    pub cuisines: Vec<String>,
    pub dietary_laws: Vec<String>,
    pub faith: String,
    pub faith_public_consent: bool,
    pub faith_practices: Vec<String>,
    pub services: Vec<String>,
    pub experience: Vec<String>,
    /// `(day code, row)` -> (from, to).
    pub slots: Vec<((String, usize), (String, String))>,
    pub hours_per_week: String,
    pub accepting_new_clients: bool,
    pub postcode: String,
    pub travel_radius_km: String,
    pub travel_mode: String,
    /// Pounds, as typed (`13.50`).
    pub hourly_rate: String,
    pub public_listing_consent: bool,
    pub bio: String,
}

fn codes<C: Code>(list: &[C]) -> Vec<String> {
    list.iter().map(|c| c.code().to_owned()).collect()
}

pub fn level_code(p: Proficiency) -> &'static str {
    match p {
        Proficiency::Basic => "basic",
        Proficiency::Conversational => "conversational",
        Proficiency::Fluent => "fluent",
        Proficiency::Native => "native",
    }
}

fn level_of(code: &str) -> Option<Proficiency> {
    Proficiency::ALL
        .iter()
        .copied()
        .find(|p| level_code(*p) == code)
}

/// The slot key of a day's row (`mon-0`), also the id of its fields and of its error.
pub fn slot_id(day: Weekday, row: usize) -> String {
    format!("slot-{}-{row}", day.code())
}

fn pounds(rate: RatePence) -> String {
    let pence = rate.pence();
    format!("{}.{:02}", pence / 100, pence % 100)
}

fn error(errors: &mut Vec<FieldError>, field: &str, code: &'static str) {
    errors.push(FieldError {
        field: field.to_owned(),
        code,
        reason: String::new(),
    });
}

fn parse_codes<C: Code>(values: &[String], field: &str, errors: &mut Vec<FieldError>) -> Vec<C> {
    let mut out = Vec::new();
    for value in values {
        match C::parse(value) {
            Ok(code) => out.push(code),
            Err(_) => error(errors, field, "unknown_code"),
        }
    }
    out
}

impl EditForm {
    /// The form filled in from the stored record.
    pub fn of(details: &CarerDetails, version: i64) -> Self {
        let mut languages: Vec<LanguageRow> = details
            .languages
            .iter()
            .map(|l| LanguageRow {
                code: l.code.code().to_owned(),
                level: level_code(l.proficiency).to_owned(),
            })
            .collect();
        languages.extend(std::iter::repeat_n(
            LanguageRow::default(),
            SPARE_LANGUAGE_ROWS,
        ));
        let mut slots = Vec::new();
        for day in Weekday::all() {
            let of_day = details.availability.iter().filter(|s| s.day == *day);
            for (row, slot) in of_day.enumerate() {
                slots.push((
                    (day.code().to_owned(), row),
                    (slot.start.to_string(), slot.end.to_string()),
                ));
            }
        }
        Self {
            version,
            given_name: details.given_name.clone(),
            family_name: details.family_name.clone(),
            gender: details.gender.code().to_owned(),
            languages,
            cuisines: codes(&details.cuisines),
            dietary_laws: codes(&details.dietary_laws),
            faith: details
                .faith
                .map(|f| f.code().to_owned())
                .unwrap_or_default(),
            faith_public_consent: details.faith_public_consent,
            faith_practices: codes(&details.faith_practices),
            services: codes(&details.services),
            experience: codes(&details.experience),
            slots,
            hours_per_week: details.hours_per_week.to_string(),
            accepting_new_clients: details.accepting_new_clients,
            postcode: details.postcode.as_str().to_owned(),
            travel_radius_km: details.travel_radius_km.get().to_string(),
            travel_mode: details.travel_mode.code().to_owned(),
            hourly_rate: pounds(details.hourly_rate),
            public_listing_consent: details.public_listing_consent,
            bio: details.bio.clone(),
        }
    }

    /// The form as posted (checkboxes repeat their name; a box left unticked is not sent).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let one = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let all = |name: &str| -> Vec<String> {
            pairs
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .collect()
        };
        let mut languages = Vec::new();
        for (key, code) in pairs {
            if let Some(row) = key.strip_prefix("language-") {
                languages.push(LanguageRow {
                    code: code.clone(),
                    level: one(&format!("level-{row}")),
                });
            }
        }
        let mut slots = Vec::new();
        for day in Weekday::all() {
            for row in 0..MAX_SLOT_ROWS {
                let id = slot_id(*day, row);
                let (from, to) = (one(&format!("{id}-from")), one(&format!("{id}-to")));
                if !from.is_empty() || !to.is_empty() {
                    slots.push(((day.code().to_owned(), row), (from, to)));
                }
            }
        }
        Self {
            version: one("version").parse().unwrap_or(0),
            given_name: one("given_name"),
            family_name: one("family_name"),
            gender: one("gender"),
            languages,
            cuisines: all("cuisine"),
            dietary_laws: all("dietary_law"),
            faith: one("faith"),
            faith_public_consent: one("faith_public_consent") == "yes",
            faith_practices: all("faith_practice"),
            services: all("service"),
            experience: all("experience"),
            slots,
            hours_per_week: one("hours_per_week"),
            accepting_new_clients: one("accepting_new_clients") == "yes",
            postcode: one("postcode"),
            travel_radius_km: one("travel_radius_km"),
            travel_mode: one("travel_mode"),
            hourly_rate: one("hourly_rate"),
            public_listing_consent: one("public_listing_consent") == "yes",
            bio: one("bio"),
        }
    }

    /// The rows the form shows for `day`: every filled row and one spare, at least
    /// [`SLOT_ROWS`].
    pub fn rows(&self, day: Weekday) -> usize {
        let last = self
            .slots
            .iter()
            .filter(|((d, _), _)| d == day.code())
            .map(|((_, row), _)| row + 2)
            .max()
            .unwrap_or(0);
        last.clamp(SLOT_ROWS, MAX_SLOT_ROWS)
    }

    /// A day row's times as typed (empty when none).
    pub fn slot(&self, day: Weekday, row: usize) -> (&str, &str) {
        self.slots
            .iter()
            .find(|((d, r), _)| d == day.code() && *r == row)
            .map_or(("", ""), |(_, (from, to))| (from.as_str(), to.as_str()))
    }

    /// The stored record with the form's fields laid over it, and every problem found: the
    /// form's own (a number that is not one, a time half filled in) and the record's rules
    /// ([`CarerDetails::validate`]), each named by the form field it belongs to.
    pub fn apply(&self, stored: &CarerDetails) -> (CarerDetails, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut d = stored.clone();
        d.given_name = self.given_name.trim().to_owned();
        d.family_name = self.family_name.trim().to_owned();
        match Gender::parse(&self.gender) {
            Ok(gender) => d.gender = gender,
            Err(_) => error(&mut errors, "gender", "required"),
        }
        d.languages = self.languages(stored, &mut errors);
        d.cuisines = parse_codes::<Cuisine>(&self.cuisines, "cuisines", &mut errors);
        d.dietary_laws = parse_codes::<DietaryLaw>(&self.dietary_laws, "dietary_laws", &mut errors);
        d.faith = match self.faith.as_str() {
            "" => None,
            code => match Faith::parse(code) {
                Ok(faith) => Some(faith),
                Err(_) => {
                    error(&mut errors, "faith", "unknown_code");
                    None
                }
            },
        };
        // No faith recorded, nothing to consent to showing.
        d.faith_public_consent = self.faith_public_consent && d.faith.is_some();
        d.faith_practices =
            parse_codes::<FaithPractice>(&self.faith_practices, "faith_practices", &mut errors);
        d.services = parse_codes::<Service>(&self.services, "services", &mut errors);
        d.experience = parse_codes::<Experience>(&self.experience, "experience", &mut errors);
        d.availability = self.availability(stored, &mut errors);
        match self.hours_per_week.trim().parse::<u8>() {
            Ok(hours) => d.hours_per_week = hours,
            Err(_) => error(&mut errors, "hours_per_week", "out_of_range"),
        }
        if d.accepting_new_clients != self.accepting_new_clients {
            // A changed flag is a confirmation today, as the console's "full" button is.
            d.accepting_new_clients = self.accepting_new_clients;
            d.accepting_confirmed_on = Some(carematch_service::today());
        }
        match Postcode::parse(&self.postcode) {
            Ok(postcode) => d.postcode = postcode,
            Err(_) => error(&mut errors, "postcode", "unknown_postcode"),
        }
        match self
            .travel_radius_km
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(|km| Km::new(km).ok())
        {
            Some(km) => d.travel_radius_km = km,
            None => error(&mut errors, "travel_radius_km", "out_of_range"),
        }
        match TravelMode::parse(&self.travel_mode) {
            Ok(mode) => d.travel_mode = mode,
            Err(_) => error(&mut errors, "travel_mode", "required"),
        }
        let rate = self.hourly_rate.trim().trim_start_matches('£').trim();
        match rate
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p > 0.0)
            .and_then(|p| RatePence::new((p * 100.0).round() as i64).ok())
        {
            Some(rate) => d.hourly_rate = rate,
            None => error(&mut errors, "hourly_rate", "out_of_range"),
        }
        d.public_listing_consent = self.public_listing_consent;
        d.bio = self.bio.trim().to_owned();
        if let Err(invalid) = d.validate() {
            for e in invalid.0 {
                // The rules name `availability[3]`: the grid marks the whole week.
                let field = e.field.split(['[', '.']).next().unwrap_or_default();
                if !errors.iter().any(|known| known.field == field) {
                    error(&mut errors, field, e.code);
                }
            }
        }
        (d, errors)
    }

    fn languages(&self, stored: &CarerDetails, errors: &mut Vec<FieldError>) -> Vec<LanguageSkill> {
        let mut out = Vec::new();
        for row in self.languages.iter().filter(|r| !r.code.is_empty()) {
            match (Language::parse(&row.code), level_of(&row.level)) {
                (Ok(code), Some(proficiency)) => {
                    // Reading and writing are not on the form: kept from the stored skill.
                    let kept = stored.languages.iter().find(|l| l.code == code);
                    out.push(LanguageSkill {
                        code,
                        proficiency,
                        reads: kept.is_some_and(|l| l.reads),
                        writes: kept.is_some_and(|l| l.writes),
                    });
                }
                _ => error(errors, "languages", "unknown_code"),
            }
        }
        out
    }

    fn availability(&self, stored: &CarerDetails, errors: &mut Vec<FieldError>) -> Vec<Slot> {
        let mut out = Vec::new();
        for day in Weekday::all() {
            for row in 0..self.rows(*day) {
                let (from, to) = self.slot(*day, row);
                if from.is_empty() && to.is_empty() {
                    continue;
                }
                match (TimeOfDay::parse(from.trim()), TimeOfDay::parse(to.trim())) {
                    (Ok(start), Ok(end)) => {
                        // An overnight slot ends before it starts; the stored flag is kept.
                        let overnight = stored.availability.iter().any(|s| {
                            s.day == *day && s.start == start && s.end == end && s.overnight
                        }) || end < start;
                        out.push(Slot {
                            day: *day,
                            start,
                            end,
                            overnight,
                        });
                    }
                    _ => error(errors, &slot_id(*day, row), "format"),
                }
            }
        }
        out
    }
}
