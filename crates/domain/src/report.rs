//! "Something wrong here?": a member of the public reports a problem with a public listing (a
//! carer or a provider). No account: the body names the listing, what is wrong, a short message
//! and, if the person wants an answer, a way to reach them.
//!
//! [`ReportBody`] is what the API and the web form send; [`ReportRequest`] is the same once
//! checked ([`TryFrom`]), every bad field reported at once with a stable code. Whoever manages
//! the listing (its agency or organisation), moderators and admins move a report through
//! [`ReportStatus`]: `open -> acknowledged -> resolved | dismissed`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contact::{Contact, check_email};
use crate::validation::ValidationErrors;

/// The longest message, in characters: a report is a pointer for whoever checks the listing,
/// not a case file.
pub const MAX_REPORT_MESSAGE: usize = 1000;
/// The longest contact (an e-mail address or a phone number), in characters.
pub const MAX_REPORT_CONTACT: usize = 254;
/// The longest resolution note, in characters.
pub const MAX_RESOLUTION: usize = 1000;

/// Which kind of listing a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportEntity {
    Carer,
    Provider,
}

impl ReportEntity {
    pub const ALL: [Self; 2] = [Self::Carer, Self::Provider];

    pub fn code(self) -> &'static str {
        match self {
            Self::Carer => "carer",
            Self::Provider => "provider",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// What is wrong with the listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// The service or carer no longer works.
    Closed,
    /// It moved: the address or area is wrong.
    Moved,
    /// The languages listed are not the ones spoken.
    WrongLanguage,
    /// Not taking new clients, although the listing says so.
    NotTakingClients,
    /// A concern about someone's safety: flagged to moderators at once.
    Safeguarding,
    Other,
}

impl ReportKind {
    pub const ALL: [Self; 6] = [
        Self::Closed,
        Self::Moved,
        Self::WrongLanguage,
        Self::NotTakingClients,
        Self::Safeguarding,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Closed => "closed",
            Self::Moved => "moved",
            Self::WrongLanguage => "wrong_language",
            Self::NotTakingClients => "not_taking_clients",
            Self::Safeguarding => "safeguarding",
            Self::Other => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Kinds that say nothing by themselves: the message must say what is wrong.
    pub fn needs_message(self) -> bool {
        matches!(self, Self::Safeguarding | Self::Other)
    }
}

/// Where a report stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// New: nobody has looked at it yet.
    Open,
    /// Someone is looking into it.
    Acknowledged,
    /// The listing was corrected (or the concern handled); with a resolution note.
    Resolved,
    /// Nothing was wrong, or nothing can be done; with a resolution note.
    Dismissed,
}

impl ReportStatus {
    pub const ALL: [Self; 4] = [
        Self::Open,
        Self::Acknowledged,
        Self::Resolved,
        Self::Dismissed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Acknowledged => "acknowledged",
            Self::Resolved => "resolved",
            Self::Dismissed => "dismissed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// A resolved or dismissed report is closed for good.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Resolved | Self::Dismissed)
    }

    /// Forward only: acknowledging may be skipped, a closed report never moves again.
    pub fn can_move_to(self, to: Self) -> bool {
        match self {
            Self::Open => to != Self::Open,
            Self::Acknowledged => to.is_closed(),
            Self::Resolved | Self::Dismissed => false,
        }
    }

    /// The statuses this one may move to.
    pub fn next(self) -> impl Iterator<Item = Self> {
        Self::ALL
            .into_iter()
            .filter(move |to| self.can_move_to(*to))
    }
}

/// A report as sent by the API or the web form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ReportBody {
    pub entity: ReportEntity,
    /// The listing's id: a public carer or provider (any other id is `404`).
    #[schema(example = 12, minimum = 1)]
    pub id: i64,
    pub kind: ReportKind,
    /// What is wrong, at most 1000 characters, any script; required for `safeguarding` and
    /// `other`. Please do not write anyone's home address.
    #[serde(default)]
    #[schema(max_length = 1000, example = "The club now meets on Thursdays.")]
    pub message: String,
    /// An e-mail address or a phone number, only if you would like an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 254, example = "sam@example.org")]
    pub contact: Option<String>,
    /// Leave out or empty. A field for spam robots: a report with it filled is answered as if
    /// accepted and thrown away.
    // No `maxLength: 0` in the schema: the server accepts a filled field (and drops the
    // request), so the document must not promise a rejection a robot could learn from.
    #[serde(default)]
    pub website: String,
}

crate::objects_only!(ReportBody);

/// A checked report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRequest {
    pub entity: ReportEntity,
    pub id: i64,
    pub kind: ReportKind,
    pub message: String,
    pub contact: Option<String>,
    /// The honeypot was filled: a robot. The caller answers as if accepted and stores nothing.
    pub robot: bool,
}

impl ReportBody {
    /// Every problem at once (the API's `Validate`).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        ReportRequest::try_from(self.clone()).map(|_| ())
    }
}

impl TryFrom<ReportBody> for ReportRequest {
    type Error = ValidationErrors;

    fn try_from(body: ReportBody) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if body.id < 1 {
            errors.push("id", "out_of_range", "ids start at 1");
        }
        let message = body.message.trim().to_owned();
        errors.text(
            "message",
            &message,
            body.kind.needs_message(),
            MAX_REPORT_MESSAGE,
        );
        let contact = body
            .contact
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        if let Some(contact) = &contact {
            if contact.chars().count() > MAX_REPORT_CONTACT {
                errors.push(
                    "contact",
                    "too_long",
                    format!("must be at most {MAX_REPORT_CONTACT} characters"),
                );
            } else if contact.contains('@') {
                check_email("contact", contact, &mut errors);
            } else {
                // The same rules as a record's phone number, reported on `contact`.
                let mut phone = ValidationErrors::default();
                Contact {
                    phone: Some(contact.clone()),
                    email: None,
                    website: None,
                }
                .validate("contact", &mut phone);
                if !phone.0.is_empty() {
                    errors.push(
                        "contact",
                        "invalid_format",
                        "give an e-mail address or a phone number (7 to 15 digits)",
                    );
                }
            }
        }
        errors.into_result()?;
        Ok(Self {
            entity: body.entity,
            id: body.id,
            kind: body.kind,
            message,
            contact,
            robot: !body.website.is_empty(),
        })
    }
}

/// A status change by whoever handles the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ReportStatusBody {
    pub status: ReportStatus,
    /// What was done (required for `resolved` and `dismissed`, at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 1000, example = "Meeting day corrected on the listing.")]
    pub resolution: Option<String>,
}

crate::objects_only!(ReportStatusBody);

impl ReportStatusBody {
    /// The resolution note, trimmed; `None` when blank.
    pub fn resolution(&self) -> Option<String> {
        self.resolution
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
    }

    /// Every problem at once: a closing status needs its note, the others take none.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let resolution = self.resolution().unwrap_or_default();
        errors.text(
            "resolution",
            &resolution,
            self.status.is_closed(),
            MAX_RESOLUTION,
        );
        if self.status == ReportStatus::Open {
            errors.push(
                "status",
                "invalid_transition",
                "a report never goes back to open",
            );
        }
        if !self.status.is_closed() && !resolution.is_empty() {
            errors.push(
                "resolution",
                "conflict",
                "a resolution note goes with `resolved` or `dismissed` only",
            );
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> ReportBody {
        ReportBody {
            entity: ReportEntity::Provider,
            id: 4,
            kind: ReportKind::Closed,
            message: String::new(),
            contact: None,
            website: String::new(),
        }
    }

    fn fields(body: ReportBody) -> Vec<(String, &'static str)> {
        ReportRequest::try_from(body)
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_bare_report_is_enough_for_plain_kinds_but_not_for_safeguarding() {
        let request = ReportRequest::try_from(body()).expect("valid");
        assert!(!request.robot);
        let mut safeguarding = body();
        safeguarding.kind = ReportKind::Safeguarding;
        assert_eq!(
            fields(safeguarding),
            vec![("message".to_owned(), "required")]
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut bad = body();
        bad.id = 0;
        bad.message = "x".repeat(MAX_REPORT_MESSAGE + 1);
        bad.contact = Some("call me".into());
        assert_eq!(
            fields(bad),
            vec![
                ("id".to_owned(), "out_of_range"),
                ("message".to_owned(), "too_long"),
                ("contact".to_owned(), "invalid_format"),
            ]
        );
        let mut email = body();
        email.contact = Some("sam@".into());
        assert_eq!(
            fields(email),
            vec![("contact".to_owned(), "invalid_format")]
        );
        let mut phone = body();
        phone.contact = Some(" 0116 496 0123 ".into());
        assert_eq!(
            ReportRequest::try_from(phone).expect("valid").contact,
            Some("0116 496 0123".into())
        );
    }

    #[test]
    fn statuses_move_forward_only() {
        use ReportStatus::*;
        assert!(Open.can_move_to(Acknowledged) && Open.can_move_to(Dismissed));
        assert!(Acknowledged.can_move_to(Resolved) && !Acknowledged.can_move_to(Open));
        assert_eq!(Resolved.next().count(), 0);
        assert!(!Dismissed.can_move_to(Resolved));
        let closing = ReportStatusBody {
            status: Resolved,
            resolution: Some("  ".into()),
        };
        assert!(closing.validate().is_err());
        let ack = ReportStatusBody {
            status: Acknowledged,
            resolution: None,
        };
        assert!(ack.validate().is_ok());
    }

    #[test]
    fn the_json_shape_is_strict_and_the_honeypot_marks_a_robot() {
        let parsed: Result<ReportBody, _> =
            serde_json::from_str(r#"{"entity":"carer","id":1,"kind":"closed","extra":1}"#);
        assert!(parsed.is_err());
        let mut robot = body();
        robot.website = "http://spam.example".into();
        assert!(ReportRequest::try_from(robot).expect("valid").robot);
    }
}
