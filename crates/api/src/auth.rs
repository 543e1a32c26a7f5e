//! API keys and the caller of each request.
//!
//! Keys are 32 random bytes shown once as `cmk_<64 hex digits>`; only their SHA-256 is stored (a
//! fast hash is right here: the key has 256 bits of entropy, so there is nothing to brute-force,
//! unlike a password). Clients send `Authorization: Bearer <key>`.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use carematch_domain::{Caller, Role};
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::state::AppState;

const KEY_PREFIX: &str = "cmk_";

/// A new key and the hash to store. The key itself must be shown once and never stored.
pub fn generate_key() -> Result<(String, String), getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    let key = format!("{KEY_PREFIX}{}", hex(&bytes));
    let hash = hash_key(&key);
    Ok((key, hash))
}

/// The stored form of a key: SHA-256, hex.
pub fn hash_key(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Resolves the `Authorization` header into a [`Caller`]: no header is anonymous; a malformed,
/// unknown or revoked key is 401 (never silently anonymous, so a client with a typo notices).
pub struct Authenticated(pub Caller);

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let header = req
            .headers()
            .get(header::AUTHORIZATION)
            .map(|v| v.to_str().map(str::to_owned));
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let Some(header) = header else {
                return Ok(Self(Caller::Anonymous));
            };
            let header = header.map_err(|_| ApiError::Unauthorized)?;
            let key = header
                .strip_prefix("Bearer ")
                .map(str::trim)
                .filter(|k| k.starts_with(KEY_PREFIX))
                .ok_or(ApiError::Unauthorized)?;
            let state =
                state.ok_or_else(|| ApiError::Internal("application state missing".into()))?;
            let hash = hash_key(key);
            let store = state.store.clone();
            let record = web::block(move || store.find_api_key(&hash)).await??;
            let record = record.ok_or(ApiError::Unauthorized)?;
            let caller = match (record.role, record.agency_id) {
                (Role::Agency, Some(agency)) => Caller::Agency(agency),
                (Role::Agency, None) => {
                    return Err(ApiError::Internal("agency key without an agency".into()));
                }
                (Role::Commissioner, _) => Caller::Commissioner,
                (Role::Admin, _) => Caller::Admin,
            };
            Ok(Self(caller))
        })
    }
}

impl Authenticated {
    /// The caller, if it has one of `roles`: anonymous callers get 401, others 403.
    pub fn require(self, allowed: &[Role]) -> Result<Caller, ApiError> {
        let role = match self.0 {
            Caller::Anonymous => return Err(ApiError::Unauthorized),
            Caller::Agency(_) => Role::Agency,
            Caller::Commissioner => Role::Commissioner,
            Caller::Admin => Role::Admin,
        };
        if allowed.contains(&role) {
            Ok(self.0)
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_and_only_their_hash_is_kept() {
        let (key, hash) = generate_key().expect("random");
        let (other, _) = generate_key().expect("random");
        assert_ne!(key, other);
        assert!(key.starts_with("cmk_") && key.len() == 4 + 64);
        assert_eq!(hash, hash_key(&key));
        assert!(!hash.contains(&key[4..]));
        assert_eq!(hash.len(), 64);
    }
}
