//! Checks with expiry dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validation::ValidationErrors;
use crate::vocabulary::CheckKind;

/// One check, valid up to and including `expires_on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Check {
    pub kind: CheckKind,
    #[schema(example = "2027-03-31")]
    pub expires_on: NaiveDate,
    /// Certificate number or, for `cqc_registered`, the CQC location id (required then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 64)]
    pub reference: Option<String>,
}

crate::objects_only!(Check);

impl Check {
    /// True on every day up to and including the expiry date.
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        date <= self.expires_on
    }

    pub fn validate(&self, field: &str, errors: &mut ValidationErrors) {
        match &self.reference {
            Some(reference) => errors.text(&format!("{field}.reference"), reference, false, 64),
            None if self.kind == CheckKind::CqcRegistered => errors.push(
                format!("{field}.reference"),
                "required",
                "a CQC registration needs its CQC location id",
            ),
            None => {}
        }
    }
}

/// Validates a list of checks: each on its own, and one check of each kind at most.
pub fn validate_checks(field: &str, checks: &[Check], errors: &mut ValidationErrors) {
    let kinds: Vec<CheckKind> = checks.iter().map(|c| c.kind).collect();
    errors.no_duplicates(field, &kinds);
    for (i, check) in checks.iter().enumerate() {
        check.validate(&format!("{field}[{i}]"), errors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_through_the_expiry_day() {
        let check = Check {
            kind: CheckKind::DbsEnhanced,
            expires_on: NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"),
            reference: None,
        };
        assert!(check.valid_on(NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")));
        assert!(check.valid_on(NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")));
        assert!(!check.valid_on(NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")));
    }

    #[test]
    fn cqc_registration_needs_its_id_and_kinds_are_unique() {
        let expires_on = NaiveDate::from_ymd_opt(2027, 1, 1).expect("date");
        let checks = [
            Check {
                kind: CheckKind::CqcRegistered,
                expires_on,
                reference: None,
            },
            Check {
                kind: CheckKind::FirstAid,
                expires_on,
                reference: None,
            },
            Check {
                kind: CheckKind::FirstAid,
                expires_on,
                reference: None,
            },
        ];
        let mut errors = ValidationErrors::default();
        validate_checks("checks", &checks, &mut errors);
        assert_eq!(
            errors.fields().collect::<Vec<_>>(),
            ["checks[2]", "checks[0].reference"]
        );
    }
}
