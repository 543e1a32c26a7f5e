//! Encoded match responses, kept briefly so that the same plan asked again (a page reloaded, a
//! list re-sorted, an agency re-running a plan) costs a lookup instead of a match and 30 KB of
//! JSON. Like a search engine's query-result cache, an entry is tied to the index snapshot it
//! was computed over: any write publishes a new snapshot, and entries of older snapshots are
//! never served again.
//!
//! Plans are personal data, so the cache never holds one: keys are SHA-256 digests of the
//! request (plus snapshot version, viewer and date), values are the response bodies the caller
//! was sent. Entries live at most `ttl` (default a minute) and in memory only.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use actix_web::web::Bytes;
use carematch_matching::Viewer;
use carematch_store::cache::BoundedCache;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// How much response data the cache holds, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchCacheConfig {
    /// Bytes of encoded responses kept at most; 0 turns the cache off.
    pub budget_bytes: usize,
    /// How long a response is served again; zero turns the cache off.
    pub ttl: Duration,
}

impl Default for MatchCacheConfig {
    fn default() -> Self {
        Self {
            budget_bytes: 64 * 1024 * 1024,
            ttl: Duration::from_secs(60),
        }
    }
}

/// A request's identity: the digest of everything its answer depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MatchKey([u8; 32]);

#[derive(Debug)]
pub struct MatchCache {
    entries: BoundedCache<MatchKey, Bytes>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl MatchCache {
    pub fn new(config: MatchCacheConfig) -> Self {
        Self {
            entries: BoundedCache::new(config.budget_bytes, config.ttl),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The key of the request body `body` (as sent: the lookup comes before parsing, so a hit
    /// costs no JSON work) for `route`, answered over snapshot `version` for `viewer` on
    /// `today`. `None` when the cache is off.
    pub fn key(
        &self,
        route: &str,
        version: u64,
        viewer: Viewer,
        today: NaiveDate,
        body: &[u8],
    ) -> Option<MatchKey> {
        if !self.entries.is_enabled() {
            return None;
        }
        let mut digest = Sha256::new();
        digest.update(route.as_bytes());
        digest.update(version.to_le_bytes());
        digest.update(format!("|{viewer:?}|{today}|").as_bytes());
        digest.update(body);
        Some(MatchKey(digest.finalize().into()))
    }

    pub fn get(&self, key: &MatchKey) -> Option<Bytes> {
        let found = self.entries.get(key);
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    pub fn put(&self, key: MatchKey, body: Bytes) {
        let weight = body.len();
        self.entries.put(key, body, weight);
    }

    /// Requests answered from the cache, and requests that were not, since start.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }
}

#[cfg(test)]
mod tests {
    use carematch_domain::AgencyId;

    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).expect("date")
    }

    #[test]
    fn the_key_depends_on_everything_the_answer_does() {
        let cache = MatchCache::new(MatchCacheConfig::default());
        let request = br#"{"plan": {"postcode": "M13 0EG"}, "limit": 20}"#.as_slice();
        let key = |route, version, viewer, today, request: &[u8]| {
            cache
                .key(route, version, viewer, today, request)
                .expect("enabled")
        };
        let base = key("match", 1, Viewer::Public, day(), request);
        assert_eq!(base, key("match", 1, Viewer::Public, day(), request));
        let other = br#"{"plan": {"postcode": "M13 0EH"}, "limit": 20}"#.as_slice();
        let tomorrow = day().succ_opt().expect("date");
        for different in [
            key("pooled", 1, Viewer::Public, day(), request),
            key("match", 2, Viewer::Public, day(), request),
            key("match", 1, Viewer::Admin, day(), request),
            key("match", 1, Viewer::Agency(AgencyId(1)), day(), request),
            key("match", 1, Viewer::Agency(AgencyId(2)), day(), request),
            key("match", 1, Viewer::Public, tomorrow, request),
            key("match", 1, Viewer::Public, day(), other),
        ] {
            assert_ne!(base, different);
        }
    }

    #[test]
    fn hits_and_misses_are_counted_and_a_zero_budget_turns_it_off() {
        let cache = MatchCache::new(MatchCacheConfig::default());
        let key = cache
            .key("match", 1, Viewer::Public, day(), b"{}")
            .expect("enabled");
        assert_eq!(cache.get(&key), None);
        cache.put(key, Bytes::from_static(b"{}"));
        assert_eq!(cache.get(&key), Some(Bytes::from_static(b"{}")));
        assert_eq!(cache.counts(), (1, 1));

        let off = MatchCache::new(MatchCacheConfig {
            budget_bytes: 0,
            ..MatchCacheConfig::default()
        });
        assert_eq!(off.key("match", 1, Viewer::Public, day(), b"{}"), None);
    }
}
