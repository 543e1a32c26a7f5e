//! Whether a listing may be public: vetting by its agency, freshness, and who acted on it.
//!
//! A record is public (in public search, public matching and the Open Referral feed) only when
//! [`Listing::is_public`] says so; the agency or organisation that manages it still sees it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Days without confirmation after which the manager is reminded (docs/listings.md).
pub const REMIND_AFTER_DAYS: i64 = 90;
/// Days without confirmation after which a listing leaves public search and matching.
pub const HIDE_AFTER_DAYS: i64 = 180;

/// An agency's check of a PA who registered themselves. Records an agency creates are
/// `approved` from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Vetting {
    /// Checked (DBS, right to work) and vouched for by the agency.
    #[default]
    Approved,
    /// Registered by the PA; visible to the chosen agency only until it approves.
    Pending,
    /// The agency declined to vouch; never public.
    Rejected,
}

impl Vetting {
    pub fn code(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Pending => "pending",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Approved, Self::Pending, Self::Rejected]
            .into_iter()
            .find(|v| v.code() == code)
    }
}

/// The listing facts kept beside a record's details: set by workflows (vetting, confirmation,
/// the freshness sweep), never by the record's own `PUT`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Listing {
    pub vetting: Vetting,
    /// Who last confirmed the record is still true (an actor label such as `agency 3`).
    pub confirmed_by: String,
    /// Set by the freshness sweep when the record went [`HIDE_AFTER_DAYS`] unconfirmed;
    /// cleared by a confirmation.
    pub stale_since: Option<NaiveDate>,
    /// When the last freshness reminder went out (at most one per confirmation).
    pub reminded_on: Option<NaiveDate>,
}

impl Listing {
    /// May the public see the record (given its own consent, for carers)?
    pub fn is_public(&self) -> bool {
        self.vetting == Vetting::Approved && self.stale_since.is_none()
    }
}

/// Days from `confirmed_on` to `today` (0 when confirmed today or in the future).
pub fn days_since(confirmed_on: NaiveDate, today: NaiveDate) -> i64 {
    (today - confirmed_on).num_days().max(0)
}

/// How fresh a record confirmed `days` days ago is, in [0, 1]: 1 up to [`REMIND_AFTER_DAYS`]
/// (a date in the future, `days` below 0, counts as today), then falling in a straight line to
/// 0 at [`HIDE_AFTER_DAYS`], and 0 beyond. The match score's `freshness` component
/// (docs/matching.md "Score"): a record confirmed lately is more likely still true, and the
/// manager was not yet even reminded before [`REMIND_AFTER_DAYS`], so nothing is lost then.
pub fn freshness_after_days(days: i64) -> f64 {
    if days <= REMIND_AFTER_DAYS {
        1.0
    } else if days >= HIDE_AFTER_DAYS {
        0.0
    } else {
        // Exact in integers up to the one division, so every engine gets the same bits.
        (HIDE_AFTER_DAYS - days) as f64 / (HIDE_AFTER_DAYS - REMIND_AFTER_DAYS) as f64
    }
}

/// [`freshness_after_days`] of a record confirmed on `confirmed_on`, seen on `today`.
pub fn freshness(confirmed_on: NaiveDate, today: NaiveDate) -> f64 {
    freshness_after_days((today - confirmed_on).num_days())
}

/// Who made a change, as the edit history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Agency,
    Organisation,
    Moderator,
    Pa,
    Admin,
    /// A feed, register or file import (`import openreferral`, `import cqc`, a CSV upload
    /// through the CLI).
    Import,
    /// carematch itself: the freshness sweep, migrations, demo seeding.
    System,
}

impl ActorKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Organisation => "organisation",
            Self::Moderator => "moderator",
            Self::Pa => "pa",
            Self::Admin => "admin",
            Self::Import => "import",
            Self::System => "system",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [
            Self::Agency,
            Self::Organisation,
            Self::Moderator,
            Self::Pa,
            Self::Admin,
            Self::Import,
            Self::System,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// One actor: its kind, the id of its agency, organisation, PA record or key where it has one,
/// and a label for people (`agency 3`, `import openreferral https://...`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub kind: ActorKind,
    pub id: Option<i64>,
    pub label: String,
}

impl Actor {
    pub fn new(kind: ActorKind, id: Option<i64>, label: impl Into<String>) -> Self {
        Self {
            kind,
            id,
            label: label.into(),
        }
    }

    pub fn system(label: impl Into<String>) -> Self {
        Self::new(ActorKind::System, None, label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_approved_fresh_listings_are_public() {
        assert!(Listing::default().is_public());
        let pending = Listing {
            vetting: Vetting::Pending,
            ..Listing::default()
        };
        assert!(!pending.is_public());
        let stale = Listing {
            stale_since: NaiveDate::from_ymd_opt(2026, 6, 1),
            ..Listing::default()
        };
        assert!(!stale.is_public());
    }

    #[test]
    fn codes_round_trip() {
        for v in [Vetting::Approved, Vetting::Pending, Vetting::Rejected] {
            assert_eq!(Vetting::parse(v.code()), Some(v));
        }
        assert_eq!(ActorKind::parse("import"), Some(ActorKind::Import));
        assert_eq!(ActorKind::parse("nobody"), None);
    }

    #[test]
    fn days_since_never_negative() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
        assert_eq!(days_since(d(1, 1), d(1, 31)), 30);
        assert_eq!(days_since(d(2, 1), d(1, 31)), 0);
    }

    #[test]
    fn freshness_is_whole_to_90_days_then_falls_to_nothing_at_180() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let ago = |days: i64| freshness(today - chrono::Duration::days(days), today);
        assert_eq!(ago(0), 1.0);
        assert_eq!(ago(90), 1.0);
        assert_eq!(ago(91), 89.0 / 90.0);
        assert_eq!(ago(135), 0.5);
        assert_eq!(ago(179), 1.0 / 90.0);
        assert_eq!(ago(180), 0.0);
        assert_eq!(ago(181), 0.0);
        assert_eq!(ago(10_000), 0.0);
        // Confirmed "in the future" (a clock or an import ahead of ours) counts as today.
        assert_eq!(ago(-3), 1.0);
        assert_eq!(freshness_after_days(i64::MIN), 1.0);
        assert_eq!(freshness_after_days(i64::MAX), 0.0);
    }
}
