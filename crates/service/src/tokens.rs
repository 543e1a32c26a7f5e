//! Private links' tokens and the references people read out, for enquiries and vacancies alike:
//! a token is 32 random bytes as 64 hex digits, stored only as its SHA-256 and compared in
//! constant time, so that neither the database nor response timing reveals it.

use sha2::{Digest, Sha256};

use crate::ServiceError;

/// `N` bytes from the operating system's generator.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], ServiceError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| ServiceError::Internal(format!("no randomness: {e}")))?;
    Ok(bytes)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new private token: 32 random bytes as 64 hex digits.
pub fn new_token() -> Result<String, ServiceError> {
    Ok(hex(&random_bytes::<32>()?))
}

/// How a token is stored: its SHA-256, hex.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Equal and not empty, compared without stopping at the first difference.
pub(crate) fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    std::hint::black_box(a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y))) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_matches() {
        let token = new_token().expect("token");
        assert_eq!(token.len(), 64);
        assert_ne!(token, new_token().expect("another"));
        let hash = hash_token(&token);
        assert!(same(&hash, &hash_token(&token)));
        assert!(!same(&hash, &hash_token("other")));
        assert!(!same("ab", "abc") && !same("", ""));
    }
}
