//! Contact details: private, shown only to the agency that holds the record (and, for providers,
//! to everyone, since organisations publish them).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validation::ValidationErrors;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "0116 496 0123")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "mei@example.org")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

impl Contact {
    pub fn validate(&self, field: &str, errors: &mut ValidationErrors) {
        if let Some(phone) = &self.phone {
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            let allowed = phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +()-".contains(c));
            if !allowed || !(7..=15).contains(&digits) {
                errors.push(
                    format!("{field}.phone"),
                    "invalid_format",
                    "a phone number has 7 to 15 digits and only spaces, +, ( ) and - besides",
                );
            }
        }
        if let Some(email) = &self.email {
            let valid = email.len() <= 254
                && email.split_once('@').is_some_and(|(local, domain)| {
                    !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
                })
                && !email.chars().any(char::is_whitespace);
            if !valid {
                errors.push(
                    format!("{field}.email"),
                    "invalid_format",
                    "not an email address",
                );
            }
        }
        if let Some(website) = &self.website
            && (!(website.starts_with("https://") || website.starts_with("http://"))
                || website.len() > 200)
        {
            errors.push(
                format!("{field}.website"),
                "invalid_format",
                "a website starts with https:// or http:// and has at most 200 characters",
            );
        }
    }
}
