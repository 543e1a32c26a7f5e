//! The closed, versioned vocabulary: codes stored by the API and the database, with English labels
//! and (for languages) the name in the language itself.
//!
//! Every list is an enum built by [`vocabulary!`]; sets of codes are [`CodeSet`] bitsets so that
//! "meets every required code" is one AND and one compare in the matching hot loop.

mod codes;
mod language;
mod set;

pub use codes::*;
pub use language::{LanguageRelation, Proficiency};
pub use set::CodeSet;

/// Bumped whenever a code is added, renamed or removed; clients cache `/v1/vocabulary` by it.
pub const VOCABULARY_VERSION: &str = "2027-01-1";

/// What every vocabulary enum offers.
pub trait Code: Copy + Eq + Ord + std::hash::Hash + std::fmt::Debug + 'static {
    /// The list's name as used in API paths, errors and `need` expressions (`language`, `cuisine`).
    const KIND: &'static str;
    /// Every member, in declaration order (which is also bit order).
    fn all() -> &'static [Self];
    /// The stable code (`yue`, `halal`, `personal_care`).
    fn code(self) -> &'static str;
    /// English label (`Cantonese`).
    fn label_en(self) -> &'static str;
    /// The label in the language itself, for languages only (`廣東話`).
    fn autonym(self) -> Option<&'static str>;
    /// Position in [`Code::all`], used as the bit in a [`CodeSet`].
    fn index(self) -> u8;
    /// Parses a code; the error names the list and the code.
    fn parse(code: &str) -> Result<Self, UnknownCode> {
        Self::all()
            .iter()
            .copied()
            .find(|member| member.code() == code)
            .ok_or_else(|| UnknownCode {
                kind: Self::KIND,
                code: code.to_owned(),
            })
    }
}

/// A code that is not in the named list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{code}` is not a known {kind} code")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

/// Declares a vocabulary enum: serde and OpenAPI use the code, and [`Code`] is implemented.
macro_rules! vocabulary {
    (
        $(#[doc = $doc:literal])*
        $name:ident, $kind:literal {
            $($variant:ident => $code:literal, $label:literal $(, $autonym:literal)?;)+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
        )]
        // Every code is the snake_case of its variant; `rename_all` is what utoipa reads (it does
        // not see the per-variant renames that come through this macro), and a test checks both.
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[doc = $label] #[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];
        }

        const _: () = assert!($name::ALL.len() <= 64, "a CodeSet holds at most 64 codes");

        impl $crate::vocabulary::Code for $name {
            const KIND: &'static str = $kind;
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            fn label_en(self) -> &'static str {
                match self { $(Self::$variant => $label,)+ }
            }
            fn autonym(self) -> Option<&'static str> {
                match self { $(Self::$variant => vocabulary!(@opt $($autonym)?),)+ }
            }
            fn index(self) -> u8 {
                self as u8
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::vocabulary::Code::code(*self))
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownCode;
            fn from_str(code: &str) -> Result<Self, Self::Err> {
                <Self as $crate::vocabulary::Code>::parse(code)
            }
        }
    };
    (@opt $autonym:literal) => { Some($autonym) };
    (@opt) => { None };
}
pub(crate) use vocabulary;

#[cfg(test)]
mod tests;
