//! Enquiries from the public: a person asks the agency that holds a record (or the
//! organisation that manages a provider) to get in touch. No account: the body carries who to
//! reach and how, what it is about, and explicit consent to share those details with the agency.
//!
//! [`EnquiryBody`] is what the API and the web form send; [`EnquiryRequest`] is the same once
//! checked ([`TryFrom`]), every bad field reported at once with a stable code.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contact::Contact;
use crate::postcode::OutwardCode;
use crate::validation::ValidationErrors;
use crate::vocabulary::{DietaryLaw, Language, Service};

/// The longest name (or initials), in characters.
pub const MAX_NAME: usize = 80;
/// The longest message, in characters.
pub const MAX_MESSAGE: usize = 1000;
/// The most carers and providers one enquiry (a whole shortlist) can name.
pub const MAX_ITEMS: usize = 20;
/// The most codes of each kind in `needs`.
pub const MAX_NEEDS: usize = 20;

/// What an enquiry is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Carer,
    Provider,
}

impl ItemKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Carer => "carer",
            Self::Provider => "provider",
        }
    }
}

/// A carer or a provider, by id.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct EnquiryItem {
    pub kind: ItemKind,
    #[schema(example = 12, minimum = 1)]
    pub id: i64,
}

crate::objects_only!(EnquiryItem);

/// How the person wants to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactBy {
    /// Ring `phone`.
    Phone,
    /// Write to `email`.
    Email,
    /// Ring `phone` back with someone who speaks `language` ("please call me back in Cantonese").
    Callback,
}

impl ContactBy {
    pub const ALL: [Self; 3] = [Self::Phone, Self::Email, Self::Callback];

    pub fn code(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Callback => "callback",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|by| by.code() == code)
    }
}

/// How to reach the person. `phone` is needed for `phone` and `callback`, `email` for `email`,
/// `language` (ISO 639-3) for `callback` only. An e-mail given with any choice also brings the
/// person news of their enquiry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct EnquiryContact {
    pub by: ContactBy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "07700 900123")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "mei@example.org")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

crate::objects_only!(EnquiryContact);

/// What the person searched for, as codes: kept with the enquiry for time-to-fill figures by
/// need. Stored as this JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct EnquiryNeeds {
    #[serde(default)]
    #[schema(max_items = 20)]
    pub languages: Vec<Language>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub diets: Vec<DietaryLaw>,
    #[serde(default)]
    #[schema(max_items = 20)]
    pub services: Vec<Service>,
}

crate::objects_only!(EnquiryNeeds);

impl EnquiryNeeds {
    fn validate(&self, errors: &mut ValidationErrors) {
        for (field, len) in [
            ("needs.languages", self.languages.len()),
            ("needs.diets", self.diets.len()),
            ("needs.services", self.services.len()),
        ] {
            if len > MAX_NEEDS {
                errors.push(
                    field,
                    "too_long",
                    format!("at most {MAX_NEEDS} codes of each kind"),
                );
            }
        }
        errors.no_duplicates("needs.languages", &self.languages);
        errors.no_duplicates("needs.diets", &self.diets);
        errors.no_duplicates("needs.services", &self.services);
    }
}

/// The nine languages of the site; the person's choice is the language of the e-mails they get
/// about their enquiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, ToSchema)]
pub enum InterfaceLocale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "pa")]
    Pa,
    #[serde(rename = "ur")]
    Ur,
    #[serde(rename = "bn")]
    Bn,
    #[serde(rename = "gu")]
    Gu,
    #[serde(rename = "so")]
    So,
    #[serde(rename = "pl")]
    Pl,
}

impl InterfaceLocale {
    pub const ALL: [Self; 9] = [
        Self::En,
        Self::ZhHant,
        Self::ZhHans,
        Self::Pa,
        Self::Ur,
        Self::Bn,
        Self::Gu,
        Self::So,
        Self::Pl,
    ];

    /// The BCP 47 tag (`zh-Hant`).
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhHant => "zh-Hant",
            Self::ZhHans => "zh-Hans",
            Self::Pa => "pa",
            Self::Ur => "ur",
            Self::Bn => "bn",
            Self::Gu => "gu",
            Self::So => "so",
            Self::Pl => "pl",
        }
    }

    pub fn parse(tag: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.tag() == tag)
    }
}

/// Where an enquiry stands. It only moves forward: new -> contacted -> introduced -> closed
/// (a step may be skipped; closing is possible from any open status and is final).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EnquiryStatus {
    /// Sent; the agency has not acted on it yet.
    New,
    /// The agency got in touch with the person.
    Contacted,
    /// The agency introduced the person to a PA or service.
    Introduced,
    /// Done, with a [`CloseReason`].
    Closed,
}

impl EnquiryStatus {
    pub const ALL: [Self; 4] = [Self::New, Self::Contacted, Self::Introduced, Self::Closed];

    pub fn code(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Contacted => "contacted",
            Self::Introduced => "introduced",
            Self::Closed => "closed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// May an enquiry at `self` move to `to`? Only forward, never from closed.
    pub fn can_move_to(self, to: Self) -> bool {
        self != Self::Closed && to > self
    }

    /// The statuses an enquiry at `self` may move to, in order.
    pub fn next(self) -> impl Iterator<Item = Self> {
        Self::ALL
            .into_iter()
            .filter(move |to| self.can_move_to(*to))
    }
}

/// Why an enquiry was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The person has a PA or service now (through this enquiry).
    Filled,
    /// The person decided against it.
    Declined,
    /// The person could not be reached.
    NoReply,
    /// Nobody suitable was available.
    Unavailable,
    Other,
}

impl CloseReason {
    pub const ALL: [Self; 5] = [
        Self::Filled,
        Self::Declined,
        Self::NoReply,
        Self::Unavailable,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Filled => "filled",
            Self::Declined => "declined",
            Self::NoReply => "no_reply",
            Self::Unavailable => "unavailable",
            Self::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// The longest note on an enquiry, in characters.
pub const MAX_NOTE: usize = 2000;

/// What an agency records on an enquiry: a status change (closing needs a reason), a note, or
/// both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct EnquiryEventBody {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EnquiryStatus>,
    /// Required with `status: closed`, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_reason: Option<CloseReason>,
    /// At most 2000 characters, any script; seen by the agency (and admins) only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(
        max_length = 2000,
        example = "Rang back; she would like to meet Mei on Tuesday."
    )]
    pub note: Option<String>,
}

crate::objects_only!(EnquiryEventBody);

impl EnquiryEventBody {
    /// Every problem at once: something to record, a reason exactly with closing, a short note.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let note = self.note.as_deref().map(str::trim).unwrap_or_default();
        if self.status.is_none() && note.is_empty() {
            errors.push("status", "required", "give a new status, a note, or both");
        }
        errors.text("note", note, false, MAX_NOTE);
        match (self.status, self.close_reason) {
            (Some(EnquiryStatus::Closed), None) => {
                errors.push("close_reason", "required", "say why the enquiry is closed");
            }
            (Some(EnquiryStatus::Closed), Some(_)) => {}
            (_, Some(_)) => errors.push(
                "close_reason",
                "conflict",
                "a reason is given only with `status: closed`",
            ),
            (_, None) => {}
        }
        if self.status == Some(EnquiryStatus::New) {
            errors.push(
                "status",
                "invalid_transition",
                "an enquiry cannot move back to new",
            );
        }
        errors.into_result()
    }

    /// The note, trimmed; `None` when empty.
    pub fn note(&self) -> Option<String> {
        self.note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
    }
}

/// An enquiry as sent (`POST /v1/enquiries`, the web form). See [`EnquiryRequest`] for the
/// rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct EnquiryBody {
    /// The person's name or initials, 1 to 80 characters, any script.
    #[schema(example = "Mrs Chan", min_length = 1, max_length = 80)]
    pub name: String,
    pub contact: EnquiryContact,
    /// 1 to 20 carers and providers; one enquiry is made per agency concerned.
    #[schema(min_items = 1, max_items = 20)]
    pub items: Vec<EnquiryItem>,
    /// A short message to the agency, at most 1000 characters, any script.
    #[serde(default)]
    #[schema(
        max_length = 1000,
        example = "My mother needs help with meals on weekday mornings."
    )]
    pub message: String,
    /// Must be `true`: the person agrees that these details are shared with the agency that
    /// holds each record.
    pub consent: bool,
    #[serde(default)]
    pub needs: EnquiryNeeds,
    /// Where the person is, at most the outward code (`LE1`): never a full postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outward_code: Option<OutwardCode>,
    /// The language of the e-mails to the person (default `en`).
    #[serde(default)]
    pub locale: InterfaceLocale,
    /// Leave out or empty. A field for spam robots: an enquiry with it filled is answered as if
    /// accepted and thrown away.
    // No `maxLength: 0` in the schema: the server accepts a filled field (and drops the
    // request), so the document must not promise a rejection a robot could learn from.
    #[serde(default)]
    pub website: String,
}

crate::objects_only!(EnquiryBody);

/// How to reach the person, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDetails {
    pub by: ContactBy,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The language of a call-back.
    pub callback_language: Option<Language>,
}

/// A checked enquiry: name 1..=80 characters, a way to reach the person that has what it needs,
/// 1..=20 distinct items, a message of at most 1000 characters, consent given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryRequest {
    pub name: String,
    pub contact: ContactDetails,
    pub items: Vec<EnquiryItem>,
    pub message: String,
    pub needs: EnquiryNeeds,
    pub outward_code: Option<OutwardCode>,
    pub locale: InterfaceLocale,
    /// The honeypot was filled: a robot. The caller answers as if accepted and stores nothing.
    pub robot: bool,
}

impl EnquiryBody {
    /// Every problem at once (the API's `Validate`).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        EnquiryRequest::try_from(self.clone()).map(|_| ())
    }
}

impl TryFrom<EnquiryBody> for EnquiryRequest {
    type Error = ValidationErrors;

    fn try_from(body: EnquiryBody) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = body.name.trim().to_owned();
        errors.text("name", &name, true, MAX_NAME);
        if name.chars().any(char::is_control) && !name.contains('\0') {
            errors.push("name", "invalid_format", "contains control characters");
        }
        let contact = contact_details(&body.contact, &mut errors);
        if body.items.is_empty() {
            errors.push("items", "required", "name at least one carer or provider");
        }
        if body.items.len() > MAX_ITEMS {
            errors.push(
                "items",
                "too_long",
                format!("at most {MAX_ITEMS} carers and providers"),
            );
        }
        for (i, item) in body.items.iter().enumerate() {
            if item.id < 1 {
                errors.push(format!("items[{i}].id"), "out_of_range", "ids start at 1");
            }
        }
        let codes: Vec<String> = body
            .items
            .iter()
            .map(|i| format!("{} {}", i.kind.code(), i.id))
            .collect();
        errors.no_duplicates("items", &codes);
        let message = body.message.trim().to_owned();
        errors.text("message", &message, false, MAX_MESSAGE);
        if !body.consent {
            errors.push(
                "consent",
                "consent_required",
                "the person must agree that these details are shared with the agency",
            );
        }
        body.needs.validate(&mut errors);
        errors.into_result()?;
        Ok(Self {
            name,
            contact,
            items: body.items,
            message,
            needs: body.needs,
            outward_code: body.outward_code,
            locale: body.locale,
            robot: !body.website.is_empty(),
        })
    }
}

fn contact_details(contact: &EnquiryContact, errors: &mut ValidationErrors) -> ContactDetails {
    let trimmed = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let phone = trimmed(&contact.phone);
    let email = trimmed(&contact.email);
    // The same rules as a record's contact details.
    Contact {
        phone: phone.clone(),
        email: email.clone(),
        website: None,
    }
    .validate("contact", errors);
    let needs_phone = matches!(contact.by, ContactBy::Phone | ContactBy::Callback);
    if needs_phone && phone.is_none() {
        errors.push(
            "contact.phone",
            "required",
            "a phone number is needed to ring or call back",
        );
    }
    if contact.by == ContactBy::Email && email.is_none() {
        errors.push(
            "contact.email",
            "required",
            "an e-mail address is needed to write",
        );
    }
    match (contact.by, contact.language) {
        (ContactBy::Callback, None) => errors.push(
            "contact.language",
            "required",
            "say which language to call back in",
        ),
        (ContactBy::Phone | ContactBy::Email, Some(_)) => errors.push(
            "contact.language",
            "conflict",
            "a language is given only with `by: callback`",
        ),
        _ => {}
    }
    ContactDetails {
        by: contact.by,
        phone,
        email,
        callback_language: contact.language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> EnquiryBody {
        EnquiryBody {
            name: "Mrs Chan".into(),
            contact: EnquiryContact {
                by: ContactBy::Callback,
                phone: Some("07700 900123".into()),
                email: None,
                language: Some(Language::Yue),
            },
            items: vec![EnquiryItem {
                kind: ItemKind::Carer,
                id: 3,
            }],
            message: "陳太太想找一位會煮粵菜的護理員。".into(),
            consent: true,
            needs: EnquiryNeeds::default(),
            outward_code: None,
            locale: InterfaceLocale::ZhHant,
            website: String::new(),
        }
    }

    fn codes(body: EnquiryBody) -> Vec<(String, &'static str)> {
        EnquiryRequest::try_from(body)
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn statuses_only_move_forward_and_closed_is_final() {
        use EnquiryStatus::*;
        assert!(New.can_move_to(Contacted) && New.can_move_to(Introduced));
        assert!(Introduced.can_move_to(Closed) && New.can_move_to(Closed));
        assert!(!Contacted.can_move_to(New) && !Contacted.can_move_to(Contacted));
        assert!(!Closed.can_move_to(Closed) && Closed.next().next().is_none());
        assert_eq!(Contacted.next().collect::<Vec<_>>(), [Introduced, Closed]);
        let closing = EnquiryEventBody {
            status: Some(Closed),
            close_reason: None,
            note: None,
        };
        let fields: Vec<_> = closing.validate().expect_err("no reason").0;
        assert_eq!(
            (fields[0].field.as_str(), fields[0].code),
            ("close_reason", "required")
        );
        let empty = EnquiryEventBody {
            status: None,
            close_reason: None,
            note: Some("  ".into()),
        };
        assert!(empty.validate().is_err());
    }

    #[test]
    fn a_call_back_in_cantonese_is_a_valid_enquiry() {
        let request = EnquiryRequest::try_from(body()).expect("valid");
        assert_eq!(request.contact.callback_language, Some(Language::Yue));
        assert!(!request.robot);
    }

    #[test]
    fn every_bad_field_is_named_with_a_stable_code() {
        let mut bad = body();
        bad.name = "  ".into();
        bad.contact = EnquiryContact {
            by: ContactBy::Email,
            phone: Some("12".into()),
            email: None,
            language: Some(Language::Yue),
        };
        bad.items = vec![
            EnquiryItem {
                kind: ItemKind::Carer,
                id: 3,
            },
            EnquiryItem {
                kind: ItemKind::Carer,
                id: 3,
            },
        ];
        bad.message = "x".repeat(MAX_MESSAGE + 1);
        bad.consent = false;
        let found = codes(bad);
        for expected in [
            ("name", "required"),
            ("contact.phone", "invalid_format"),
            ("contact.email", "required"),
            ("contact.language", "conflict"),
            ("items[1]", "duplicate"),
            ("message", "too_long"),
            ("consent", "consent_required"),
        ] {
            assert!(
                found.iter().any(|(f, c)| (f.as_str(), *c) == expected),
                "{expected:?} not in {found:?}"
            );
        }
    }

    #[test]
    fn sizes_are_limited_in_characters() {
        let mut long = body();
        long.name = "陳".repeat(MAX_NAME);
        long.message = "字".repeat(MAX_MESSAGE);
        assert!(EnquiryRequest::try_from(long.clone()).is_ok());
        long.name.push('陳');
        assert_eq!(codes(long), [("name".to_owned(), "too_long")]);
        let mut many = body();
        many.items = (1..=21)
            .map(|id| EnquiryItem {
                kind: ItemKind::Provider,
                id,
            })
            .collect();
        assert_eq!(codes(many), [("items".to_owned(), "too_long")]);
        let mut none = body();
        none.items.clear();
        assert_eq!(codes(none), [("items".to_owned(), "required")]);
    }

    #[test]
    fn the_honeypot_marks_a_robot_and_the_json_shape_is_strict() {
        let mut robot = body();
        robot.website = "http://spam.example".into();
        assert!(EnquiryRequest::try_from(robot).expect("valid").robot);
        let json = r#"{"name":"A","contact":{"by":"phone","phone":"0116 496 0123"},
            "items":[{"kind":"provider","id":1}],"consent":true,"locale":"ur"}"#;
        let parsed: EnquiryBody = serde_json::from_str(json).expect("json");
        assert_eq!(parsed.locale, InterfaceLocale::Ur);
        assert!(serde_json::from_str::<EnquiryBody>(&json.replace("\"ur\"", "\"xx\"")).is_err());
        assert!(serde_json::from_str::<EnquiryBody>(&json.replace("\"name\"", "\"nom\"")).is_err());
    }
}
