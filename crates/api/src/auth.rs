//! API keys and the caller of each request.
//!
//! Keys are 32 random bytes shown once as `cmk_<64 hex digits>`; only their SHA-256 is stored (a
//! fast hash is right here: the key has 256 bits of entropy, so there is nothing to brute-force,
//! unlike a password). Clients send `Authorization: Bearer <key>`.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use carematch_domain::{Caller, Role};
use carematch_store::ApiKeyRecord;
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

/// The caller and key behind a request's `Authorization` header, when it has one.
type Resolved = Pin<Box<dyn Future<Output = Result<Option<(Caller, ApiKeyRecord)>, ApiError>>>>;

/// The key behind the `Authorization` header: `None` without one, 401 for a bad one.
fn resolve(req: &HttpRequest) -> Resolved {
    let header = req
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().map(str::to_owned));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    Box::pin(async move {
        let Some(header) = header else {
            return Ok(None);
        };
        let header = header.map_err(|_| ApiError::Unauthorized)?;
        let key = header
            .strip_prefix("Bearer ")
            .map(str::trim)
            .filter(|k| k.starts_with(KEY_PREFIX))
            .ok_or(ApiError::Unauthorized)?;
        let state = state.ok_or_else(|| ApiError::Internal("application state missing".into()))?;
        let hash = hash_key(key);
        let store = state.store.clone();
        let record = web::block(move || store.find_api_key(&hash)).await??;
        let record = record.ok_or(ApiError::Unauthorized)?;
        let caller = record.caller().ok_or_else(|| {
            ApiError::Internal(format!(
                "{} key without the record its role needs",
                record.role.code()
            ))
        })?;
        Ok(Some((caller, record)))
    })
}

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let resolved = resolve(req);
        Box::pin(async move {
            Ok(Self(
                resolved
                    .await?
                    .map_or(Caller::Anonymous, |(caller, _)| caller),
            ))
        })
    }
}

/// The caller with the key it used, for handlers that record which key acted (submissions,
/// moderation decisions).
pub struct AuthenticatedKey(pub Caller, pub Option<ApiKeyRecord>);

impl FromRequest for AuthenticatedKey {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let resolved = resolve(req);
        Box::pin(async move {
            Ok(match resolved.await? {
                Some((caller, key)) => Self(caller, Some(key)),
                None => Self(Caller::Anonymous, None),
            })
        })
    }
}

impl AuthenticatedKey {
    /// The caller and its key id, if it has one of `roles`: anonymous callers get 401, others
    /// 403.
    pub fn require(self, allowed: &[Role]) -> Result<(Caller, i64), ApiError> {
        let caller = Authenticated(self.0).require(allowed)?;
        let key = self.1.ok_or(ApiError::Unauthorized)?;
        Ok((caller, key.id))
    }
}

impl Authenticated {
    /// The caller, if it has one of `roles`: anonymous callers get 401, others 403.
    pub fn require(self, allowed: &[Role]) -> Result<Caller, ApiError> {
        let role = self.0.role().ok_or(ApiError::Unauthorized)?;
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
