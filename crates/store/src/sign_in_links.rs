//! One-time links e-mailed to an account (organisations, PAs, moderators): to confirm its
//! e-mail, or to sign in without a password. Only a hash of each token is stored; redeeming
//! marks it used in the same statement that checks it, so a link works once.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::Store;
use crate::api_keys::ApiKeyRecord;
use crate::backend::DbConnection;
use crate::codec::to_naive;
use crate::error::StoreError;
use crate::outbox::{self, NewMail};
use crate::schema::{api_keys, sign_in_links};

/// What a link does when followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkPurpose {
    /// Confirms a new account's e-mail (and signs it in).
    Confirm,
    /// Signs in an account whose e-mail is confirmed.
    SignIn,
}

impl LinkPurpose {
    pub fn code(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::SignIn => "sign_in",
        }
    }
}

/// Stores a link's token hash and queues its mail, in the caller's transaction.
pub(crate) fn insert(
    conn: &mut DbConnection,
    token_hash: &str,
    api_key_id: i64,
    purpose: LinkPurpose,
    expires_at: DateTime<Utc>,
    mail: &NewMail,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(sign_in_links::table)
        .values((
            sign_in_links::token_hash.eq(token_hash),
            sign_in_links::api_key_id.eq(api_key_id),
            sign_in_links::purpose.eq(purpose.code()),
            sign_in_links::created_at.eq(to_naive(now)),
            sign_in_links::expires_at.eq(to_naive(expires_at)),
        ))
        .execute(conn)?;
    outbox::enqueue(conn, mail, now)?;
    Ok(())
}

impl Store {
    /// Stores a one-time link for key `api_key_id` and queues the mail that carries it, in one
    /// transaction (the mail never goes out for a link that was not stored, nor the reverse).
    pub fn create_sign_in_link(
        &self,
        token_hash: &str,
        api_key_id: i64,
        purpose: LinkPurpose,
        expires_at: DateTime<Utc>,
        mail: &NewMail,
    ) -> Result<(), StoreError> {
        let now = crate::codec::now();
        self.write(|conn| insert(conn, token_hash, api_key_id, purpose, expires_at, mail, now))
    }

    /// Redeems a link: unused, unexpired, of `purpose`, and its key not revoked. Marks it used
    /// and returns the key; `None` for anything else (unknown, used, expired, revoked).
    pub fn redeem_sign_in_link(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<ApiKeyRecord>, StoreError> {
        self.write(|conn| redeem(conn, token_hash, purpose, now))
    }
}

/// Redeems a link inside the caller's transaction (see [`Store::redeem_sign_in_link`]), so a
/// workflow can act on the redemption atomically (a PA's confirmation tells their agency).
pub(crate) fn redeem(
    conn: &mut DbConnection,
    token_hash: &str,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<Option<ApiKeyRecord>, StoreError> {
    let used = diesel::update(
        sign_in_links::table
            .filter(sign_in_links::token_hash.eq(token_hash))
            .filter(sign_in_links::purpose.eq(purpose.code()))
            .filter(sign_in_links::used_at.is_null())
            .filter(sign_in_links::expires_at.gt(to_naive(now))),
    )
    .set(sign_in_links::used_at.eq(Some(to_naive(now))))
    .execute(conn)?;
    if used == 0 {
        return Ok(None);
    }
    let key_id: i64 = sign_in_links::table
        .find(token_hash)
        .select(sign_in_links::api_key_id)
        .first(conn)?;
    let live: i64 = api_keys::table
        .find(key_id)
        .filter(api_keys::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    if live == 0 {
        return Ok(None);
    }
    crate::api_keys::get(conn, key_id)
}
