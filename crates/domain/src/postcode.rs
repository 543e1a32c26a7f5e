//! UK postcodes: parsing, normalisation (`le15ww` -> `LE1 5WW`), outward code and sector.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Why a string is not a UK postcode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a UK postcode: {reason}")]
pub struct PostcodeError {
    pub input: String,
    pub reason: &'static str,
}

/// A full UK postcode in its normal form: upper case, one space before the inward code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "String", into = "String")]
#[schema(value_type = String, example = "LE1 5WW")]
pub struct Postcode(String);

/// The part before the space (`LE1`): a postal district.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "String", into = "String")]
#[schema(value_type = String, example = "LE1")]
pub struct OutwardCode(String);

fn compact_upper(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Checks an outward code against the Royal Mail formats A9, A99, AA9, AA99, A9A, AA9A.
fn outward_reason(outward: &str) -> Option<&'static str> {
    let b = outward.as_bytes();
    let alpha = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let valid = match b.len() {
        2 => alpha(0) && digit(1),
        3 => alpha(0) && (digit(1) && (digit(2) || alpha(2)) || alpha(1) && digit(2)),
        4 => alpha(0) && alpha(1) && digit(2) && (digit(3) || alpha(3)),
        _ => false,
    };
    if !b.iter().all(u8::is_ascii_alphanumeric) {
        Some("only letters and digits are allowed")
    } else if valid {
        None
    } else {
        Some("the outward code must look like A9, A99, AA9, AA99, A9A or AA9A")
    }
}

impl Postcode {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        let error = |reason| PostcodeError {
            input: input.to_owned(),
            reason,
        };
        let compact = compact_upper(input);
        if compact == "GIR0AA" {
            return Ok(Self("GIR 0AA".to_owned()));
        }
        if compact.is_empty() {
            return Err(error("it is empty"));
        }
        // Checked before any slicing: the byte offsets below assume ASCII.
        if !compact.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(error("only letters and digits are allowed"));
        }
        if !(5..=7).contains(&compact.len()) {
            return Err(error("it must have 5 to 7 letters and digits"));
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        if let Some(reason) = outward_reason(outward) {
            return Err(error(reason));
        }
        let inward_bytes = inward.as_bytes();
        let inward_ok = inward_bytes[0].is_ascii_digit()
            && inward_bytes[1..]
                .iter()
                .all(|c| c.is_ascii_uppercase() && !b"CIKMOV".contains(c));
        if !inward_ok {
            return Err(error(
                "the inward code must be a digit and two letters (not C, I, K, M, O or V)",
            ));
        }
        Ok(Self(format!("{outward} {inward}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn space(&self) -> usize {
        self.0.len() - 4
    }

    /// `LE1` of `LE1 5WW`.
    pub fn outward(&self) -> OutwardCode {
        OutwardCode(self.0[..self.space()].to_owned())
    }

    /// `LE1 5` of `LE1 5WW`.
    pub fn sector(&self) -> &str {
        &self.0[..self.space() + 2]
    }

    /// The leading letters (`LE`), the postcode area.
    pub fn area(&self) -> &str {
        self.0
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or_default()
    }
}

impl OutwardCode {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        if input.trim().contains(char::is_whitespace) {
            return Err(PostcodeError {
                input: input.to_owned(),
                reason: "an outward code has no space inside it",
            });
        }
        let compact = compact_upper(input);
        if compact == "GIR" {
            return Ok(Self(compact));
        }
        match outward_reason(&compact) {
            None => Ok(Self(compact)),
            Some(reason) => Err(PostcodeError {
                input: input.to_owned(),
                reason,
            }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_newtype_impls {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = PostcodeError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl std::str::FromStr for $name {
            type Err = PostcodeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
    };
}
string_newtype_impls!(Postcode);
string_newtype_impls!(OutwardCode);

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(input: &str) -> String {
        Postcode::parse(input).expect(input).to_string()
    }

    #[test]
    fn normalises_real_formats() {
        assert_eq!(normal("le15ww"), "LE1 5WW");
        assert_eq!(normal("LE1 5WW"), "LE1 5WW");
        assert_eq!(normal("  le1   5ww "), "LE1 5WW");
        assert_eq!(normal("gir0aa"), "GIR 0AA");
        assert_eq!(normal("GIR 0AA"), "GIR 0AA");
        assert_eq!(normal("M1 1AE"), "M1 1AE");
        assert_eq!(normal("B33 8TH"), "B33 8TH");
        assert_eq!(normal("CR2 6XH"), "CR2 6XH");
        assert_eq!(normal("DN55 1PT"), "DN55 1PT");
        assert_eq!(normal("W1A 0AX"), "W1A 0AX");
        assert_eq!(normal("EC1A 1BB"), "EC1A 1BB");
        assert_eq!(normal("e1 6an"), "E1 6AN");
        assert_eq!(normal("L1\t8JQ"), "L1 8JQ");
    }

    #[test]
    fn splits_outward_sector_and_area() {
        let postcode = Postcode::parse("ec1a1bb").expect("valid");
        assert_eq!(postcode.outward().as_str(), "EC1A");
        assert_eq!(postcode.sector(), "EC1A 1");
        assert_eq!(postcode.area(), "EC");
        let postcode = Postcode::parse("M1 1AE").expect("valid");
        assert_eq!(postcode.outward().as_str(), "M1");
        assert_eq!(postcode.sector(), "M1 1");
        assert_eq!(postcode.area(), "M");
    }

    #[test]
    fn rejects_malformed_postcodes_with_a_reason() {
        for bad in [
            "",
            "LE1",
            "LE1 5W",
            "LE1 5WWW",
            "1E1 5WW",
            "LE1 ZWW",
            "LE1 5WI",
            "LE-1 5WW",
            "LEE1 5WW",
            "L 5WW",
            // Non-ASCII letters once made the outward/inward split cut inside a character.
            "I\u{ab}\u{8e}",
            "LE1 5W\u{e9}",
            "\u{5ee3}\u{6771}12",
        ] {
            let err = Postcode::parse(bad).expect_err(bad);
            assert_eq!(err.input, bad);
            assert!(err.to_string().contains("is not a UK postcode"), "{err}");
        }
    }

    #[test]
    fn outward_codes_parse_alone() {
        assert_eq!(OutwardCode::parse("le1").expect("valid").as_str(), "LE1");
        assert_eq!(OutwardCode::parse("EC1A").expect("valid").as_str(), "EC1A");
        assert!(OutwardCode::parse("LE1 5").is_err());
    }

    #[test]
    fn serde_parses_at_the_boundary() {
        let postcode: Postcode = serde_json::from_str("\"le15ww\"").expect("valid");
        assert_eq!(
            serde_json::to_string(&postcode).expect("json"),
            "\"LE1 5WW\""
        );
        assert!(serde_json::from_str::<Postcode>("\"nope\"").is_err());
    }
}
