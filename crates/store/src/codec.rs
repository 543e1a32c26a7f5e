//! Encoding domain values into columns and back: code lists as comma-separated codes, structured
//! values as JSON text, timestamps as UTC without time zone (microseconds, as both backends keep).

use carematch_domain::vocabulary::Code;
use chrono::{DateTime, NaiveDateTime, SubsecRound, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::StoreError;

/// `[Yue, Cmn]` -> `yue,cmn`.
pub(crate) fn codes_to_text<T: Code>(codes: &[T]) -> String {
    let mut out = String::new();
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(code.code());
    }
    out
}

/// `yue,cmn` -> `[Yue, Cmn]`; the empty string is the empty list.
pub(crate) fn codes_from_text<T: Code>(text: &str) -> Result<Vec<T>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|code| T::parse(code).map_err(|e| e.to_string()))
        .collect()
}

pub(crate) fn code_from_text<T: Code>(text: &str) -> Result<T, String> {
    T::parse(text).map_err(|e| e.to_string())
}

pub(crate) fn to_json<T: Serialize>(field: &'static str, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Encode {
        field,
        reason: e.to_string(),
    })
}

pub(crate) fn from_json<T: DeserializeOwned>(field: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("{field}: {e}"))
}

/// Now, truncated to microseconds so that what we return equals what a later read gives back.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub(crate) fn to_naive(at: DateTime<Utc>) -> NaiveDateTime {
    at.naive_utc()
}

pub(crate) fn from_naive(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

#[cfg(test)]
mod tests {
    use carematch_domain::vocabulary::{Cuisine, Language};

    use super::*;

    #[test]
    fn code_lists_round_trip_and_reject_unknown_codes() {
        let codes = [Language::Yue, Language::Syl, Language::Eng];
        let text = codes_to_text(&codes);
        assert_eq!(text, "yue,syl,eng");
        assert_eq!(codes_from_text::<Language>(&text).expect("valid"), codes);
        assert!(codes_from_text::<Cuisine>("").expect("empty").is_empty());
        let err = codes_from_text::<Cuisine>("cantonese,klingon").expect_err("unknown");
        assert!(err.contains("klingon"), "{err}");
    }
}
