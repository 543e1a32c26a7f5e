//! Agencies' public profiles: the organisations that hold PAs' records and that the public
//! contacts about them (a PA's own contact details are never public). Everything here is
//! public by design: an agency publishes it to be found.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::{Array, ArrayBuilder, ObjectBuilder, Type};

use crate::contact::{check_email, check_website};
use crate::ids::AgencyId;
use crate::schedule::TimeOfDay;
use crate::validation::ValidationErrors;
use crate::vocabulary::{Language, Weekday};

/// The longest name, in characters.
pub const MAX_NAME: usize = 120;
/// The longest description, in characters (any script).
pub const MAX_DESCRIPTION: usize = 1000;
/// Office hours entries at most (three a day).
pub const MAX_OFFICE_HOURS: usize = 21;
/// Local authorities an agency may list at most.
pub const MAX_AREAS: usize = 100;
/// Staff languages an agency may list at most.
pub const MAX_LANGUAGES: usize = 40;

/// A GSS code of a local authority: a nation letter and eight digits (`E08000003`).
pub const GSS_PATTERN: &str = "^[ENSW][0-9]{8}$";

/// When the office answers on one day: `start` to `end`, the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct OfficeHours {
    pub day: Weekday,
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

/// What an agency publishes about itself: the body of `PUT /v1/agencies/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct AgencyProfile {
    /// Trimmed; 1 to 120 characters.
    #[schema(
        example = "Fernhollow Direct Payments Support",
        min_length = 1,
        max_length = 120
    )]
    pub name: String,
    /// A UK number (`0161 496 0123`, `+44 161 496 0123`), stored in the national format with
    /// the usual spaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "0161 496 0123",
        pattern = "^[ +().-]*([0-9][ +().-]*){10,14}$"
    )]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "hello@fernhollow.example.org", max_length = 254)]
    pub email: Option<String>,
    /// `https://` or `http://`, at most 200 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        example = "https://fernhollow.example.org",
        max_length = 200,
        pattern = "^https?://[^\\s]+$"
    )]
    pub website: Option<String>,
    /// When the office answers, Monday first (stored sorted).
    #[serde(default)]
    #[schema(max_items = 21)]
    pub office_hours: Vec<OfficeHours>,
    /// Languages the agency's staff speak (ISO 639-3 codes).
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<Language>)]
    pub staff_languages: Vec<Language>,
    /// Local authorities the agency covers, by GSS code (`E08000003`).
    #[serde(default)]
    #[schema(schema_with = gss_codes)]
    pub areas: Vec<String>,
    /// In the agency's own words, any script; trimmed, at most 1000 characters.
    #[serde(default)]
    #[schema(
        max_length = 1000,
        example = "We help families in Manchester find and employ PAs. 我們講廣東話。"
    )]
    pub description: String,
}

crate::objects_only!(OfficeHours, AgencyProfile);

fn gss_codes() -> Array {
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(GSS_PATTERN)),
        )
        .unique_items(true)
        .max_items(Some(MAX_AREAS))
        .build()
}

/// An agency's public contact, as every public card of one of its PAs shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AgencyContact {
    pub id: AgencyId,
    #[schema(example = "Fernhollow Direct Payments Support")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "0161 496 0123")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "hello@fernhollow.example.org")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "https://fernhollow.example.org")]
    pub website: Option<String>,
    pub office_hours: Vec<OfficeHours>,
}

impl AgencyProfile {
    /// A profile with a name and nothing else.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            phone: None,
            email: None,
            website: None,
            office_hours: Vec::new(),
            staff_languages: Vec::new(),
            areas: Vec::new(),
            description: String::new(),
        }
    }

    /// Checks every field, naming each bad one, and returns the profile normalised: name and
    /// description trimmed, the phone number in the national format, office hours sorted.
    pub fn parse(mut self) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        // Lengths as sent (what the schema's maxLength says), blankness once trimmed.
        errors.text("name", &self.name, false, MAX_NAME);
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            errors.push("name", "required", "must not be empty");
        }
        errors.text("description", &self.description, false, MAX_DESCRIPTION);
        self.description = self.description.trim().to_owned();
        if let Some(phone) = &self.phone {
            match uk_phone(phone) {
                Some(normal) => self.phone = Some(normal),
                None => errors.push(
                    "phone",
                    "invalid_format",
                    "a UK phone number: 10 or 11 digits starting with 0, or +44",
                ),
            }
        }
        if let Some(email) = &self.email {
            check_email("email", email, &mut errors);
        }
        if let Some(website) = &self.website {
            check_website("website", website, &mut errors);
            if website.chars().any(char::is_whitespace) {
                errors.push("website", "invalid_format", "a website has no spaces");
            }
        }
        self.check_office_hours(&mut errors);
        if self.staff_languages.len() > MAX_LANGUAGES {
            errors.push(
                "staff_languages",
                "too_long",
                format!("at most {MAX_LANGUAGES} languages"),
            );
        }
        errors.no_duplicates("staff_languages", &self.staff_languages);
        if self.areas.len() > MAX_AREAS {
            errors.push("areas", "too_long", format!("at most {MAX_AREAS} areas"));
        }
        for (i, area) in self.areas.iter().enumerate() {
            if !is_gss_code(area) {
                errors.push(
                    format!("areas[{i}]"),
                    "invalid_format",
                    "a local authority's GSS code: E, N, S or W and eight digits (E08000003)",
                );
            }
        }
        errors.no_duplicates("areas", &self.areas);
        errors.into_result()?;
        Ok(self)
    }

    fn check_office_hours(&mut self, errors: &mut ValidationErrors) {
        if self.office_hours.len() > MAX_OFFICE_HOURS {
            errors.push(
                "office_hours",
                "too_long",
                format!("at most {MAX_OFFICE_HOURS} entries"),
            );
        }
        for (i, hours) in self.office_hours.iter().enumerate() {
            if hours.end <= hours.start {
                errors.push(
                    format!("office_hours[{i}]"),
                    "invalid_order",
                    format!("ends at {} before it starts at {}", hours.end, hours.start),
                );
            }
            let overlaps = self.office_hours[..i]
                .iter()
                .any(|o| o.day == hours.day && o.start < hours.end && hours.start < o.end);
            if overlaps {
                errors.push(
                    format!("office_hours[{i}]"),
                    "duplicate",
                    "overlaps other hours on the same day",
                );
            }
        }
        if errors
            .0
            .iter()
            .all(|e| !e.field.starts_with("office_hours"))
        {
            self.office_hours.sort_by_key(|h| (h.day as u8, h.start));
        }
    }

    /// The public contact a card shows.
    pub fn contact(&self, id: AgencyId) -> AgencyContact {
        AgencyContact {
            id,
            name: self.name.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            website: self.website.clone(),
            office_hours: self.office_hours.clone(),
        }
    }
}

/// Whether `code` looks like a local authority's GSS code (`E08000003`); whether such an
/// authority exists is for the caller to check against the authorities it knows.
pub fn is_gss_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    bytes.len() == 9
        && matches!(bytes[0], b'E' | b'N' | b'S' | b'W')
        && bytes[1..].iter().all(u8::is_ascii_digit)
}

/// A UK phone number in the national format with the usual spaces (`0161 496 0123`,
/// `020 7946 0123`, `07700 900123`, `0800 123 456`), or `None` when `input` is not one.
/// Takes `+44`, `0044` and `+44 (0)` prefixes, and spaces, dots, dashes and brackets between
/// digits.
pub fn uk_phone(input: &str) -> Option<String> {
    let trimmed = input.trim();
    if !trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-.".contains(c))
    {
        return None;
    }
    if trimmed.matches('+').count() > 1 || (trimmed.contains('+') && !trimmed.starts_with('+')) {
        return None;
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = if trimmed.starts_with('+') || digits.starts_with("0044") {
        let rest = if trimmed.starts_with('+') {
            digits.strip_prefix("44")?
        } else {
            digits.strip_prefix("0044")?
        };
        // `+44 (0)161 ...`: the bracketed trunk zero is dropped.
        let rest = rest.strip_prefix('0').unwrap_or(rest);
        format!("0{rest}")
    } else {
        digits
    };
    let second = national.as_bytes().get(1).copied()?;
    if !national.starts_with('0')
        || !matches!(second, b'1' | b'2' | b'3' | b'5' | b'7' | b'8' | b'9')
    {
        return None;
    }
    let groups: &[usize] = match (national.len(), second) {
        (11, b'2') => &[3, 4, 4],
        (11, b'1') if national.as_bytes()[2] == b'1' || national.as_bytes()[3] == b'1' => {
            &[4, 3, 4]
        }
        (11, b'1' | b'7') => &[5, 6],
        (11, _) => &[4, 3, 4],
        (10, b'1') => &[5, 5],
        (10, _) => &[4, 3, 3],
        _ => return None,
    };
    let mut out = String::with_capacity(14);
    let mut at = 0;
    for (i, len) in groups.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&national[at..at + len]);
        at += len;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_numbers_are_normalised() {
        for (input, expected) in [
            ("0161 496 0123", "0161 496 0123"),
            ("01614960123", "0161 496 0123"),
            ("+44 161 496 0123", "0161 496 0123"),
            ("+44 (0)161 496-0123", "0161 496 0123"),
            ("0044 20 7946 0001", "020 7946 0001"),
            ("(020) 7946.0001", "020 7946 0001"),
            ("0113 496 0999", "0113 496 0999"),
            ("01632 960123", "01632 960123"),
            ("07700 900123", "07700 900123"),
            ("0300 123 4567", "0300 123 4567"),
            ("0800 123 456", "0800 123 456"),
        ] {
            assert_eq!(uk_phone(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn other_numbers_are_refused() {
        for input in [
            "",
            "12345",
            "+1 212 555 0100",
            "0161 496 01234 5",
            "0461 496 0123",
            "0161-496-012a",
            "44+161 496 0123",
            "+44 +161 496 0123",
            "161 496 0123",
        ] {
            assert_eq!(uk_phone(input), None, "{input}");
        }
    }

    fn full() -> AgencyProfile {
        AgencyProfile {
            name: "  Fernhollow  ".into(),
            phone: Some("+44 161 496 0123".into()),
            email: Some("hello@fernhollow.example.org".into()),
            website: Some("https://fernhollow.example.org".into()),
            office_hours: vec![
                OfficeHours {
                    day: Weekday::Tue,
                    start: TimeOfDay::parse("09:00").expect("time"),
                    end: TimeOfDay::parse("17:00").expect("time"),
                },
                OfficeHours {
                    day: Weekday::Mon,
                    start: TimeOfDay::parse("09:00").expect("time"),
                    end: TimeOfDay::parse("12:30").expect("time"),
                },
            ],
            staff_languages: vec![Language::Yue, Language::Eng],
            areas: vec!["E08000003".into()],
            description: " 我們講廣東話。 ".into(),
        }
    }

    #[test]
    fn a_good_profile_is_normalised() {
        let profile = full().parse().expect("valid");
        assert_eq!(profile.name, "Fernhollow");
        assert_eq!(profile.phone.as_deref(), Some("0161 496 0123"));
        assert_eq!(profile.description, "我們講廣東話。");
        assert_eq!(profile.office_hours[0].day, Weekday::Mon);
        assert_eq!(profile.clone().parse(), Ok(profile));
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut bad = full();
        bad.name = " ".into();
        bad.phone = Some("+1 212 555 0100".into());
        bad.email = Some("not an address".into());
        bad.website = Some("ftp://x".into());
        bad.office_hours[1].end = bad.office_hours[1].start;
        bad.office_hours.push(bad.office_hours[0]);
        bad.staff_languages.push(Language::Yue);
        bad.areas = vec!["e08000003".into(), "E0800003".into()];
        bad.description = "x".repeat(MAX_DESCRIPTION + 1);
        let errors = bad.parse().expect_err("invalid");
        let fields: Vec<(&str, &str)> = errors
            .0
            .iter()
            .map(|e| (e.field.as_str(), e.code))
            .collect();
        for expected in [
            ("name", "required"),
            ("description", "too_long"),
            ("phone", "invalid_format"),
            ("email", "invalid_format"),
            ("website", "invalid_format"),
            ("office_hours[1]", "invalid_order"),
            ("office_hours[2]", "duplicate"),
            ("staff_languages[2]", "duplicate"),
            ("areas[0]", "invalid_format"),
            ("areas[1]", "invalid_format"),
        ] {
            assert!(fields.contains(&expected), "{expected:?} in {fields:?}");
        }
    }

    #[test]
    fn profiles_read_from_objects_only_and_refuse_unknown_fields() {
        let profile: AgencyProfile = serde_json::from_str(
            r#"{"name":"A","office_hours":[{"day":"mon","start":"09:00","end":"17:00"}]}"#,
        )
        .expect("object");
        assert_eq!(profile.office_hours.len(), 1);
        assert!(serde_json::from_str::<AgencyProfile>(r#"{"name":"A","fax":"1"}"#).is_err());
        assert!(
            serde_json::from_str::<AgencyProfile>(
                r#"{"name":"A","office_hours":[["mon","09:00","17:00"]]}"#
            )
            .is_err()
        );
    }
}
