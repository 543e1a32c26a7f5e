//! Contact details: private, shown only to the agency that holds the record (and, for providers,
//! to everyone, since organisations publish them).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validation::ValidationErrors;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// 7 to 15 digits, and only spaces, `+`, `(`, `)` and `-` besides.
    #[schema(example = "0116 496 0123", pattern = "^[ +()-]*([0-9][ +()-]*){7,15}$")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// An address with a dot in its domain, no white space, at most 254 bytes.
    #[schema(
        example = "mei@example.org",
        max_length = 254,
        pattern = "^[^@\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+@[^.\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000][^\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*\\.[^\\t\\n\\u000b\\u000c\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*$"
    )]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// `https://` or `http://`, at most 200 bytes.
    #[schema(
        example = "https://example.org",
        max_length = 200,
        pattern = "^https?://"
    )]
    pub website: Option<String>,
}

crate::objects_only!(Contact);

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
            check_email(&format!("{field}.email"), email, errors);
        }
        if let Some(website) = &self.website {
            check_website(&format!("{field}.website"), website, errors);
        }
    }
}

/// Checks an e-mail address (`field` names it in the error): an `@` with something before it,
/// a dot in the domain, no white space, at most 254 bytes. Shared with agencies' profiles.
pub fn check_email(field: &str, email: &str, errors: &mut ValidationErrors) {
    if !errors.no_nul(field, email) {
        return;
    }
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
        })
        && !email.chars().any(char::is_whitespace);
    if !valid {
        errors.push(field, "invalid_format", "not an email address");
    }
}

/// Checks a website address: `https://` or `http://`, at most 200 characters. Shared with
/// agencies' profiles.
pub fn check_website(field: &str, website: &str, errors: &mut ValidationErrors) {
    if errors.no_nul(field, website)
        && (!(website.starts_with("https://") || website.starts_with("http://"))
            || website.len() > 200)
    {
        errors.push(
            field,
            "invalid_format",
            "a website starts with https:// or http:// and has at most 200 characters",
        );
    }
}
