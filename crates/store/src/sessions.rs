//! Browser sessions (the web console): the token's hash, the API key it was opened with, and when
//! it expires. A session lives only while its key is live: revoking the key ends it.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::codec::{from_naive, now, to_naive};
use crate::schema::{api_keys, web_sessions};
use crate::{ApiKeyRecord, Store, StoreError};

/// A live session and the key behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSession {
    pub key: ApiKeyRecord,
    pub expires_at: DateTime<Utc>,
}

impl Store {
    /// Opens a session for key `api_key_id`, valid for `ttl`; expired sessions are purged on the way.
    pub fn create_web_session(
        &self,
        token_hash: &str,
        api_key_id: i64,
        ttl: Duration,
    ) -> Result<DateTime<Utc>, StoreError> {
        let created_at = now();
        let expires_at = created_at + ttl;
        self.write(|conn| {
            diesel::delete(
                web_sessions::table.filter(web_sessions::expires_at.le(to_naive(created_at))),
            )
            .execute(conn)?;
            diesel::insert_into(web_sessions::table)
                .values((
                    web_sessions::token_hash.eq(token_hash),
                    web_sessions::api_key_id.eq(api_key_id),
                    web_sessions::created_at.eq(to_naive(created_at)),
                    web_sessions::expires_at.eq(to_naive(expires_at)),
                ))
                .execute(conn)?;
            Ok(())
        })?;
        Ok(expires_at)
    }

    /// The session with this token hash, if it has not expired and its key is not revoked.
    pub fn find_web_session(&self, token_hash: &str) -> Result<Option<WebSession>, StoreError> {
        let found: Option<(i64, NaiveDateTime)> = self.read(|conn| {
            Ok(web_sessions::table
                .inner_join(api_keys::table)
                .filter(web_sessions::token_hash.eq(token_hash))
                .filter(web_sessions::expires_at.gt(to_naive(now())))
                .filter(api_keys::revoked_at.is_null())
                .select((api_keys::id, web_sessions::expires_at))
                .first(conn)
                .optional()?)
        })?;
        let Some((key_id, expires_at)) = found else {
            return Ok(None);
        };
        Ok(self.get_api_key(key_id)?.map(|key| WebSession {
            key,
            expires_at: from_naive(expires_at),
        }))
    }

    /// Ends a session (signing out); ending one that does not exist is not an error.
    pub fn delete_web_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.write(|conn| {
            diesel::delete(web_sessions::table.filter(web_sessions::token_hash.eq(token_hash)))
                .execute(conn)?;
            Ok(())
        })
    }
}
