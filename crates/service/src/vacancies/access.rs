//! References, private tokens and who may act as a vacancy's owner.
//!
//! A person's post gets a reference (`V-` and 10 characters, shown to them and in their link)
//! and a token of 32 random bytes; only the token's SHA-256 is stored, and a token given back
//! is compared with it in constant time, so neither the database nor response timing reveals
//! it.

use carematch_domain::AgencyId;
use carematch_store::vacancies::Vacancy;

use crate::ServiceError;
use crate::tokens::{hash_token, random_bytes, same};

/// Letters and digits that cannot be misread for one another (no 0/O, 1/I/L).
const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A new vacancy reference: `V-` and 10 characters of [`REFERENCE_ALPHABET`] (about 49 bits).
pub fn new_reference() -> Result<String, ServiceError> {
    let bytes = random_bytes::<10>()?;
    let mut out = String::from("V-");
    for b in bytes {
        out.push(char::from(
            REFERENCE_ALPHABET[usize::from(b) % REFERENCE_ALPHABET.len()],
        ));
    }
    Ok(out)
}

/// What a caller shows to act as a vacancy's owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerProof {
    /// The calling agency: owns the vacancies it opened.
    Agency(AgencyId),
    /// The token of a person's private link.
    Token(String),
}

impl OwnerProof {
    pub fn owns(&self, vacancy: &Vacancy) -> bool {
        match self {
            Self::Agency(agency) => vacancy.agency == Some(*agency),
            Self::Token(token) => vacancy
                .access_hash
                .as_deref()
                .is_some_and(|stored| same(&hash_token(token), stored)),
        }
    }

    /// How the history names this owner.
    pub fn actor(&self) -> String {
        match self {
            Self::Agency(agency) => format!("agency:{}", agency.0),
            Self::Token(_) => "person".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_random_and_readable() {
        let (a, b) = (new_reference().expect("ref"), new_reference().expect("ref"));
        assert_ne!(a, b);
        assert_eq!(a.len(), 12);
        assert!(
            a[2..].bytes().all(|c| REFERENCE_ALPHABET.contains(&c)),
            "{a}"
        );
    }
}
