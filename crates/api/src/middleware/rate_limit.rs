//! Per-client token buckets.
//!
//! - Anonymous callers are keyed by IP address (IPv6 by its /64, which one host usually holds). The
//!   peer address is used unless it is one of `trusted_proxies`; then the right-most address in
//!   `X-Forwarded-For` that is not itself a trusted proxy is the client.
//! - Callers with a valid API key are keyed by the key's hash and get the (higher) authenticated
//!   limits. Keys are recognised through a small cache in front of the database, so a stream of
//!   made-up keys costs the sender's IP bucket, never a database lookup per request beyond that.
//! - `/v1/health`, `/v1/ready` and `/metrics` are never limited.
//! - Refused requests get 429 `rate_limited` in our error shape with `Retry-After` (seconds).
//! - Memory is bounded: a bucket that has refilled completely is the same as no bucket, so such
//!   buckets are dropped when the table is full; if it is still full, new clients share one
//!   overflow bucket until room is made.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use carematch_domain::Role;

use super::metrics::Metrics;
use crate::auth::hash_key;
use crate::error::ApiError;
use crate::state::AppState;

/// How long a key's role stays cached for rate limiting and logging (authorisation itself always
/// asks the database).
const KEY_CACHE_TTL: Duration = Duration::from_secs(60);

/// Paths never limited.
const EXEMPT: &[&str] = &["/v1/health", "/v1/ready", "/metrics"];

/// Limits, per client.
#[derive(Debug, Clone, PartialEq)]
pub struct RateLimitConfig {
    /// Sustained requests per minute for anonymous callers (per IP); 0 turns rate limiting off.
    pub per_minute: u32,
    /// Requests an anonymous caller may make at once before the rate applies.
    pub burst: u32,
    /// Sustained requests per minute for a valid API key.
    pub authenticated_per_minute: u32,
    /// Burst for a valid API key.
    pub authenticated_burst: u32,
    /// Most clients tracked at once (buckets and cached keys each).
    pub max_clients: usize,
    /// Peers whose `X-Forwarded-For` is believed (a reverse proxy in front of carematch).
    pub trusted_proxies: Vec<IpAddr>,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        Self {
            per_minute: 300,
            burst: 60,
            authenticated_per_minute: 3000,
            authenticated_burst: 300,
            max_clients: 100_000,
            trusted_proxies: Vec::new(),
        }
    }
}

/// The role of the caller as far as the middleware could tell (`anonymous`, `agency`,
/// `commissioner`, `admin`, or `unverified` for a key that is not known); logged with each request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallerRole(pub &'static str);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum BucketKey {
    Ip(IpAddr),
    Key(String),
    /// Shared by new clients while the table is full.
    Overflow,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

#[derive(Debug, Clone, Copy)]
struct Limit {
    capacity: f64,
    per_second: f64,
}

impl Limit {
    fn new(per_minute: u32, burst: u32) -> Self {
        Self {
            capacity: f64::from(burst.max(1)),
            per_second: f64::from(per_minute) / 60.0,
        }
    }

    /// Tokens after refilling from `bucket.last` to `now`.
    fn refilled(&self, bucket: &Bucket, now: Instant) -> f64 {
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        (bucket.tokens + elapsed * self.per_second).min(self.capacity)
    }
}

struct Buckets {
    map: HashMap<BucketKey, Bucket>,
    last_sweep: Instant,
}

/// The limiter shared by every worker of a server.
pub struct RateLimiter {
    config: RateLimitConfig,
    anonymous: Limit,
    authenticated: Limit,
    buckets: Mutex<Buckets>,
    keys: Mutex<HashMap<String, (Option<Role>, Instant)>>,
}

impl std::fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// What to do with a request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Decision {
    Allow,
    /// Refuse; the client may retry after this many seconds.
    Refuse {
        retry_after_secs: u64,
    },
}

impl RateLimiter {
    pub fn new(config: RateLimitConfig) -> Self {
        Self {
            anonymous: Limit::new(config.per_minute, config.burst),
            authenticated: Limit::new(config.authenticated_per_minute, config.authenticated_burst),
            config,
            buckets: Mutex::new(Buckets {
                map: HashMap::new(),
                last_sweep: Instant::now(),
            }),
            keys: Mutex::new(HashMap::new()),
        }
    }

    pub fn enabled(&self) -> bool {
        self.config.per_minute > 0
    }

    /// Buckets currently held (for `/metrics`).
    pub fn tracked_clients(&self) -> usize {
        self.buckets.lock().map_or(0, |b| b.map.len())
    }

    fn take(&self, key: BucketKey, limit: Limit, now: Instant) -> Decision {
        if !self.enabled() {
            return Decision::Allow;
        }
        let Ok(mut buckets) = self.buckets.lock() else {
            return Decision::Allow;
        };
        let key = if buckets.map.contains_key(&key) || buckets.map.len() < self.config.max_clients {
            key
        } else {
            self.sweep(&mut buckets, now);
            if buckets.map.len() < self.config.max_clients {
                key
            } else {
                BucketKey::Overflow
            }
        };
        let bucket = buckets.map.entry(key).or_insert(Bucket {
            tokens: limit.capacity,
            last: now,
        });
        let tokens = limit.refilled(bucket, now);
        bucket.last = now;
        if tokens >= 1.0 {
            bucket.tokens = tokens - 1.0;
            Decision::Allow
        } else {
            bucket.tokens = tokens;
            let wait = if limit.per_second > 0.0 {
                (1.0 - tokens) / limit.per_second
            } else {
                60.0
            };
            Decision::Refuse {
                retry_after_secs: (wait.ceil() as u64).max(1),
            }
        }
    }

    /// Drops buckets that have refilled completely (at most once a second: sweeping is O(n)).
    fn sweep(&self, buckets: &mut Buckets, now: Instant) {
        if now.saturating_duration_since(buckets.last_sweep) < Duration::from_secs(1) {
            return;
        }
        buckets.last_sweep = now;
        let (anonymous, authenticated) = (self.anonymous, self.authenticated);
        buckets.map.retain(|key, bucket| {
            let limit = match key {
                BucketKey::Key(_) => authenticated,
                BucketKey::Ip(_) | BucketKey::Overflow => anonymous,
            };
            limit.refilled(bucket, now) < limit.capacity
        });
    }

    /// The role cached for a key hash: `Some(Some(role))` valid, `Some(None)` known bad, `None`
    /// not cached (or expired).
    fn cached_role(&self, hash: &str, now: Instant) -> Option<Option<Role>> {
        let keys = self.keys.lock().ok()?;
        let (role, at) = keys.get(hash)?;
        (now.saturating_duration_since(*at) < KEY_CACHE_TTL).then_some(*role)
    }

    fn cache_role(&self, hash: String, role: Option<Role>, now: Instant) {
        let Ok(mut keys) = self.keys.lock() else {
            return;
        };
        if keys.len() >= self.config.max_clients {
            keys.retain(|_, (_, at)| now.saturating_duration_since(*at) < KEY_CACHE_TTL);
            if keys.len() >= self.config.max_clients {
                return;
            }
        }
        keys.insert(hash, (role, now));
    }

    /// The client address used for anonymous buckets.
    pub fn client_ip(&self, peer: Option<SocketAddr>, forwarded_for: &[&str]) -> Option<IpAddr> {
        let peer = peer?.ip();
        if !self.config.trusted_proxies.contains(&peer) {
            return Some(peer);
        }
        let hops: Vec<&str> = forwarded_for
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Some(ip) = parse_hop(hop) else {
                break;
            };
            client = ip;
            if !self.config.trusted_proxies.contains(&ip) {
                break;
            }
        }
        Some(client)
    }
}

fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// IPv6 clients are keyed by their /64.
fn bucket_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Agency => "agency",
        Role::Commissioner => "commissioner",
        Role::Admin => "admin",
    }
}

/// The middleware function (use with `actix_web::middleware::from_fn`).
pub async fn rate_limit<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B, BoxBody>>, Error> {
    if EXEMPT.contains(&req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let Some(limiter) = req.app_data::<web::Data<RateLimiter>>().cloned() else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    if !limiter.enabled() && !req.headers().contains_key(header::AUTHORIZATION) {
        req.extensions_mut().insert(CallerRole("anonymous"));
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let now = Instant::now();
    let forwarded: Vec<&str> = req
        .headers()
        .get_all(header::HeaderName::from_static("x-forwarded-for"))
        .filter_map(|v| v.to_str().ok())
        .collect();
    let ip = limiter
        .client_ip(req.peer_addr(), &forwarded)
        .map_or(BucketKey::Overflow, |ip| BucketKey::Ip(bucket_ip(ip)));
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|k| hash_key(k.trim()));

    let (decision, role) = match bearer {
        None => (limiter.take(ip, limiter.anonymous, now), "anonymous"),
        Some(hash) => match limiter.cached_role(&hash, now) {
            Some(Some(role)) => (
                limiter.take(BucketKey::Key(hash), limiter.authenticated, now),
                role_label(role),
            ),
            Some(None) => (limiter.take(ip, limiter.anonymous, now), "unverified"),
            None => {
                // Not seen lately: the lookup is paid for from the IP's bucket.
                let decision = limiter.take(ip, limiter.anonymous, now);
                let mut role = "unverified";
                if decision == Decision::Allow
                    && let Some(state) = req.app_data::<web::Data<AppState>>()
                {
                    let store = state.store.clone();
                    let lookup_hash = hash.clone();
                    match web::block(move || store.find_api_key(&lookup_hash)).await {
                        Ok(Ok(record)) => {
                            let found = record.map(|r| r.role);
                            limiter.cache_role(hash, found, now);
                            if let Some(found) = found {
                                role = role_label(found);
                            }
                        }
                        Ok(Err(error)) => {
                            tracing::warn!(%error, "rate limiter could not look up an API key");
                        }
                        Err(error) => {
                            tracing::warn!(%error, "rate limiter could not look up an API key");
                        }
                    }
                }
                (decision, role)
            }
        },
    };
    req.extensions_mut().insert(CallerRole(role));
    match decision {
        Decision::Allow => Ok(next.call(req).await?.map_into_left_body()),
        Decision::Refuse { retry_after_secs } => {
            if let Some(metrics) = req.app_data::<web::Data<Metrics>>() {
                metrics.count_rate_limited();
            }
            let mut response = ApiError::TooManyRequests.error_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            Ok(req.into_response(response).map_into_right_body())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_minute: u32, burst: u32) -> RateLimiter {
        RateLimiter::new(RateLimitConfig {
            per_minute,
            burst,
            max_clients: 2,
            trusted_proxies: vec!["10.0.0.1".parse().expect("ip")],
            ..RateLimitConfig::default()
        })
    }

    fn ip(s: &str) -> BucketKey {
        BucketKey::Ip(s.parse().expect("ip"))
    }

    #[test]
    fn bucket_allows_the_burst_then_refills_at_the_rate() {
        let limiter = limiter(60, 3);
        let limit = limiter.anonymous;
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.take(ip("1.2.3.4"), limit, t0), Decision::Allow);
        }
        assert_eq!(
            limiter.take(ip("1.2.3.4"), limit, t0),
            Decision::Refuse {
                retry_after_secs: 1
            }
        );
        // Another client is not affected.
        assert_eq!(limiter.take(ip("5.6.7.8"), limit, t0), Decision::Allow);
        // One per second comes back.
        let t1 = t0 + Duration::from_millis(1000);
        assert_eq!(limiter.take(ip("1.2.3.4"), limit, t1), Decision::Allow);
        assert!(matches!(
            limiter.take(ip("1.2.3.4"), limit, t1),
            Decision::Refuse { .. }
        ));
    }

    #[test]
    fn memory_is_bounded_and_idle_buckets_are_evicted() {
        let limiter = limiter(60, 2);
        let limit = limiter.anonymous;
        let t0 = Instant::now();
        assert_eq!(limiter.take(ip("1.1.1.1"), limit, t0), Decision::Allow);
        assert_eq!(limiter.take(ip("2.2.2.2"), limit, t0), Decision::Allow);
        // Full: a third client shares the overflow bucket.
        assert_eq!(limiter.take(ip("3.3.3.3"), limit, t0), Decision::Allow);
        assert_eq!(limiter.tracked_clients(), 3);
        // Later, both first buckets have refilled and are dropped to make room.
        let later = t0 + Duration::from_secs(5);
        assert_eq!(limiter.take(ip("4.4.4.4"), limit, later), Decision::Allow);
        assert!(limiter.tracked_clients() <= 2);
    }

    #[test]
    fn disabled_limiter_allows_everything() {
        let limiter = limiter(0, 1);
        let t0 = Instant::now();
        for _ in 0..100 {
            assert_eq!(
                limiter.take(ip("1.2.3.4"), limiter.anonymous, t0),
                Decision::Allow
            );
        }
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let limiter = limiter(60, 1);
        let peer = |s: &str| Some(SocketAddr::new(s.parse().expect("ip"), 4000));
        let direct = limiter.client_ip(peer("8.8.8.8"), &["1.2.3.4"]);
        assert_eq!(direct, Some("8.8.8.8".parse().expect("ip")));
        let proxied = limiter.client_ip(peer("10.0.0.1"), &["9.9.9.9, 1.2.3.4"]);
        assert_eq!(proxied, Some("1.2.3.4".parse().expect("ip")));
        let chain = limiter.client_ip(peer("10.0.0.1"), &["1.2.3.4", "10.0.0.1"]);
        assert_eq!(chain, Some("1.2.3.4".parse().expect("ip")));
        let junk = limiter.client_ip(peer("10.0.0.1"), &["not-an-ip"]);
        assert_eq!(junk, Some("10.0.0.1".parse().expect("ip")));
        assert_eq!(
            bucket_ip("2001:db8:1:2:3:4:5:6".parse().expect("ip")),
            "2001:db8:1:2::".parse::<IpAddr>().expect("ip")
        );
    }
}
