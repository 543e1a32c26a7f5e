//! Per-client rate limits: `governor`'s keyed GCRA limiters (a token bucket in effect: a burst,
//! then a steady rate), with our rules for whom a request is charged to.
//!
//! - Anonymous callers are keyed by IP address (IPv6 by its /64, which one host usually holds). The
//!   peer address is used unless it is one of `trusted_proxies`; then the right-most address in
//!   `X-Forwarded-For` that is not itself a trusted proxy is the client.
//! - Callers with a valid API key are keyed by the key's hash and get the (higher) authenticated
//!   limits. Keys are recognised through a small cache in front of the database, so a stream of
//!   made-up keys costs the sender's IP bucket, never a database lookup per request beyond that.
//! - `/v1/health`, `/v1/ready` and `/metrics` are never limited.
//! - Refused requests get 429 `rate_limited` in our error shape with `Retry-After` (seconds).
//! - Memory is bounded: each limiter's table (addresses, keys) holds at most `max_clients`
//!   entries. A bucket that has refilled completely is the same as no bucket, so when a table is
//!   full such buckets are dropped (`governor`'s `retain_recent`, at most once a second); if it is
//!   still full, new clients share one overflow bucket until room is made.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, ResponseError, web};
use carematch_domain::Role;
use governor::Quota;
use governor::clock::{Clock, DefaultClock, Reference};
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::ShrinkableKeyedStateStore;
use governor::state::{InMemoryState, NotKeyed, StateStore};

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
    /// Most clients tracked at once: addresses, keys and cached key roles, each.
    pub max_clients: usize,
    /// Peers whose `X-Forwarded-For` is believed (a reverse proxy in front of carematch).
    pub trusted_proxies: Vec<IpAddr>,
    /// Enquiries a client (IP address) may send per hour (`POST /v1/enquiries` and the web
    /// form), on top of the limits above; 0 turns this limit off.
    pub enquiries_per_hour: u32,
    /// Vacancies a client (IP address) may post per hour (`POST /v1/vacancies/public` and the
    /// web form), on top of the limits above; 0 turns this limit off.
    pub vacancy_posts_per_hour: u32,
    /// Problem reports a client (IP address) may make per hour (`POST /v1/reports` and the web
    /// form), on top of the limits above; 0 turns this limit off.
    pub reports_per_hour: u32,
}

/// An anonymous write with a per-address hourly limit of its own: it stores personal data and
/// may queue e-mails, so it is worth more to an abuser than a read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicWrite {
    Enquiry,
    VacancyPost,
    Report,
    /// An organisation's registration, or a request for a sign-in link: each queues a mail,
    /// so each address gets as many an hour as it may send enquiries (in a bucket of its own).
    Registration,
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
            enquiries_per_hour: 5,
            vacancy_posts_per_hour: 6,
            reports_per_hour: 10,
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

/// A `governor` state store holding at most `max` keys: while it is full, a key it does not hold
/// is counted under [`BucketKey::Overflow`] instead. `governor` keeps the GCRA state of each key
/// (its theoretical arrival time) and decides; this only bounds the table.
struct Table(Arc<TableInner>);

struct TableInner {
    map: Mutex<HashMap<BucketKey, InMemoryState>>,
    max: usize,
    /// Whether the map was full when last changed: most requests need not lock it to know.
    full: AtomicBool,
}

impl TableInner {
    fn map(&self) -> MutexGuard<'_, HashMap<BucketKey, InMemoryState>> {
        // A panic while the lock was held leaves no half-made state behind: each entry is an
        // atomic.
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Is the table full without `key`, so that a sweep could make room for it?
    fn full_without(&self, key: &BucketKey) -> bool {
        if !self.full.load(Ordering::Relaxed) {
            return false;
        }
        let map = self.map();
        map.len() >= self.max && !map.contains_key(key)
    }
}

impl StateStore for Table {
    type Key = BucketKey;

    fn measure_and_replace<T, F, E>(&self, key: &BucketKey, f: F) -> Result<T, E>
    where
        F: Fn(Option<Nanos>) -> Result<(T, Nanos), E>,
    {
        let mut map = self.0.map();
        if let Some(state) = map.get(key) {
            return state.measure_and_replace(&NotKeyed::NonKey, f);
        }
        let key = if map.len() < self.0.max {
            key.clone()
        } else {
            BucketKey::Overflow
        };
        let state = map.entry(key).or_default();
        let decision = state.measure_and_replace(&NotKeyed::NonKey, f);
        self.0
            .full
            .store(map.len() >= self.0.max, Ordering::Relaxed);
        decision
    }
}

impl ShrinkableKeyedStateStore<BucketKey> for Table {
    fn retain_recent(&self, drop_below: Nanos) {
        let mut map = self.0.map();
        map.retain(|_, state| {
            // Read the state without changing it: the closure refuses, handing back what it saw.
            let tat = state
                .measure_and_replace(&NotKeyed::NonKey, Err::<((), Nanos), _>)
                .err()
                .flatten();
            tat.is_some_and(|tat| tat > drop_below)
        });
        self.0
            .full
            .store(map.len() >= self.0.max, Ordering::Relaxed);
    }

    fn len(&self) -> usize {
        self.0.map().len()
    }

    fn is_empty(&self) -> bool {
        self.0.map().is_empty()
    }
}

/// One keyed `governor` limiter (one quota) over a bounded table.
struct Limit<C: Clock + Clone> {
    limiter: governor::RateLimiter<BucketKey, Table, C, NoOpMiddleware<C::Instant>>,
    table: Arc<TableInner>,
}

impl<C: Clock + Clone> Limit<C> {
    fn new(per_minute: u32, burst: u32, max: usize, clock: &C) -> Self {
        // A quota of 0 per minute (possible for keys only) refills once a day.
        let period = match per_minute {
            0 => Duration::from_secs(24 * 60 * 60),
            n => Duration::from_secs(60) / n,
        };
        Self::with_period(period, burst, max, clock)
    }

    fn with_period(period: Duration, burst: u32, max: usize, clock: &C) -> Self {
        let quota = Quota::with_period(period)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MAX))
            .allow_burst(NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN));
        let table = Arc::new(TableInner {
            map: Mutex::new(HashMap::new()),
            max: max.max(1),
            full: AtomicBool::new(false),
        });
        Self {
            limiter: governor::RateLimiter::new(quota, Table(table.clone()), clock.clone()),
            table,
        }
    }
}

/// Charges a public write to the client of `req` (see [`RateLimiter::take_public_write`]):
/// the 429 (with `Retry-After`) to answer when its budget is spent, `None` to go on.
pub fn charge_public_write(
    req: &actix_web::HttpRequest,
    write: PublicWrite,
) -> Option<actix_web::HttpResponse> {
    let limiter = req.app_data::<web::Data<RateLimiter>>()?;
    match limiter.take_public_write(req, write) {
        Decision::Allow => None,
        Decision::Refuse { retry_after_secs } => {
            let mut response = ApiError::TooManyRequests.error_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            Some(response)
        }
    }
}

/// The limiter shared by every worker of a server.
pub struct RateLimiter<C: Clock + Clone = DefaultClock> {
    config: RateLimitConfig,
    clock: C,
    /// Anonymous callers (by address) and valid keys (by hash); `None` when limiting is off.
    limits: Option<(Limit<C>, Limit<C>)>,
    /// Enquiries by address ([`RateLimitConfig::enquiries_per_hour`]); `None` when off.
    enquiries: Option<Limit<C>>,
    /// Vacancy posts by address ([`RateLimitConfig::vacancy_posts_per_hour`]); `None` when off.
    vacancy_posts: Option<Limit<C>>,
    /// Problem reports by address ([`RateLimitConfig::reports_per_hour`]); `None` when off.
    reports: Option<Limit<C>>,
    /// Registrations and sign-in link requests by address (the enquiries' hourly number).
    registrations: Option<Limit<C>>,
    /// When full tables were last swept of refilled buckets.
    last_sweep: Mutex<Option<C::Instant>>,
    keys: Mutex<HashMap<String, (Option<Role>, Instant)>>,
}

impl<C: Clock + Clone> std::fmt::Debug for RateLimiter<C> {
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

/// Which quota a request is charged to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quotas {
    Anonymous,
    Authenticated,
}

impl RateLimiter {
    pub fn new(config: RateLimitConfig) -> Self {
        Self::with_clock(config, DefaultClock::default())
    }
}

impl<C: Clock + Clone> RateLimiter<C> {
    fn with_clock(config: RateLimitConfig, clock: C) -> Self {
        let limits = (config.per_minute > 0).then(|| {
            (
                Limit::new(config.per_minute, config.burst, config.max_clients, &clock),
                Limit::new(
                    config.authenticated_per_minute,
                    config.authenticated_burst,
                    config.max_clients,
                    &clock,
                ),
            )
        });
        let hourly = |per_hour: u32| {
            (per_hour > 0).then(|| {
                Limit::with_period(
                    Duration::from_secs(60 * 60) / per_hour,
                    per_hour,
                    config.max_clients,
                    &clock,
                )
            })
        };
        let enquiries = hourly(config.enquiries_per_hour);
        let vacancy_posts = hourly(config.vacancy_posts_per_hour);
        let reports = hourly(config.reports_per_hour);
        let registrations = hourly(config.enquiries_per_hour);
        Self {
            config,
            clock,
            limits,
            enquiries,
            vacancy_posts,
            reports,
            registrations,
            last_sweep: Mutex::new(None),
            keys: Mutex::new(HashMap::new()),
        }
    }

    pub fn enabled(&self) -> bool {
        self.limits.is_some()
    }

    /// Buckets currently held, addresses and keys (for `/metrics`).
    pub fn tracked_clients(&self) -> usize {
        self.limits
            .as_ref()
            .map_or(0, |(a, k)| a.limiter.len() + k.limiter.len())
    }

    fn take(&self, key: BucketKey, quotas: Quotas) -> Decision {
        let Some((anonymous, authenticated)) = &self.limits else {
            return Decision::Allow;
        };
        let limit = match quotas {
            Quotas::Anonymous => anonymous,
            Quotas::Authenticated => authenticated,
        };
        if limit.table.full_without(&key) {
            self.sweep(limit);
        }
        match limit.limiter.check_key(&key) {
            Ok(()) => Decision::Allow,
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.clock.now());
                Decision::Refuse {
                    retry_after_secs: (wait.as_secs_f64().ceil() as u64).max(1),
                }
            }
        }
    }

    /// Charges one public write to the client of `req` (by address, as anonymous requests
    /// are): the dedicated hourly limit of enquiries or vacancy posts, over the API and the web
    /// forms alike, on top of the general one.
    pub fn take_public_write(&self, req: &actix_web::HttpRequest, write: PublicWrite) -> Decision {
        let limit = match write {
            PublicWrite::Enquiry => &self.enquiries,
            PublicWrite::VacancyPost => &self.vacancy_posts,
            PublicWrite::Report => &self.reports,
            PublicWrite::Registration => &self.registrations,
        };
        let Some(limit) = limit else {
            return Decision::Allow;
        };
        let forwarded: Vec<&str> = req
            .headers()
            .get_all(header::HeaderName::from_static("x-forwarded-for"))
            .filter_map(|v| v.to_str().ok())
            .collect();
        let key = self
            .client_ip(req.peer_addr(), &forwarded)
            .map_or(BucketKey::Overflow, |ip| BucketKey::Ip(bucket_ip(ip)));
        if limit.table.full_without(&key) {
            self.sweep(limit);
        }
        match limit.limiter.check_key(&key) {
            Ok(()) => Decision::Allow,
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.clock.now());
                Decision::Refuse {
                    retry_after_secs: (wait.as_secs_f64().ceil() as u64).max(1),
                }
            }
        }
    }

    /// Drops buckets that have refilled completely (the same as no bucket), at most once a
    /// second: sweeping is O(n).
    fn sweep(&self, limit: &Limit<C>) {
        let now = self.clock.now();
        {
            let mut last = self
                .last_sweep
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if let Some(last) = *last
                && Duration::from(now.duration_since(last)) < Duration::from_secs(1)
            {
                return;
            }
            *last = Some(now);
        }
        limit.limiter.retain_recent();
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
    role.code()
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
        None => (limiter.take(ip, Quotas::Anonymous), "anonymous"),
        Some(hash) => match limiter.cached_role(&hash, now) {
            Some(Some(role)) => (
                limiter.take(BucketKey::Key(hash), Quotas::Authenticated),
                role_label(role),
            ),
            Some(None) => (limiter.take(ip, Quotas::Anonymous), "unverified"),
            None => {
                // Not seen lately: the lookup is paid for from the IP's bucket.
                let decision = limiter.take(ip, Quotas::Anonymous);
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
    use governor::clock::FakeRelativeClock;

    use super::*;

    fn limiter(per_minute: u32, burst: u32) -> (RateLimiter<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        let limiter = RateLimiter::with_clock(
            RateLimitConfig {
                per_minute,
                burst,
                max_clients: 2,
                trusted_proxies: vec!["10.0.0.1".parse().expect("ip")],
                ..RateLimitConfig::default()
            },
            clock.clone(),
        );
        (limiter, clock)
    }

    fn ip(s: &str) -> BucketKey {
        BucketKey::Ip(s.parse().expect("ip"))
    }

    #[test]
    fn bucket_allows_the_burst_then_refills_at_the_rate() {
        let (limiter, clock) = limiter(60, 3);
        let anonymous = Quotas::Anonymous;
        for _ in 0..3 {
            assert_eq!(limiter.take(ip("1.2.3.4"), anonymous), Decision::Allow);
        }
        assert_eq!(
            limiter.take(ip("1.2.3.4"), anonymous),
            Decision::Refuse {
                retry_after_secs: 1
            }
        );
        // Another client is not affected.
        assert_eq!(limiter.take(ip("5.6.7.8"), anonymous), Decision::Allow);
        // One per second comes back.
        clock.advance(Duration::from_millis(1000));
        assert_eq!(limiter.take(ip("1.2.3.4"), anonymous), Decision::Allow);
        assert!(matches!(
            limiter.take(ip("1.2.3.4"), anonymous),
            Decision::Refuse { .. }
        ));
    }

    #[test]
    fn retry_after_is_the_whole_seconds_until_a_request_is_allowed() {
        let (limiter, clock) = limiter(1, 1);
        assert_eq!(
            limiter.take(ip("1.2.3.4"), Quotas::Anonymous),
            Decision::Allow
        );
        clock.advance(Duration::from_millis(500));
        assert_eq!(
            limiter.take(ip("1.2.3.4"), Quotas::Anonymous),
            Decision::Refuse {
                retry_after_secs: 60
            }
        );
        clock.advance(Duration::from_secs(50));
        assert_eq!(
            limiter.take(ip("1.2.3.4"), Quotas::Anonymous),
            Decision::Refuse {
                retry_after_secs: 10
            }
        );
    }

    #[test]
    fn keys_have_their_own_quota_and_table() {
        let (limiter, _) = limiter(60, 1);
        assert_eq!(
            limiter.take(ip("1.2.3.4"), Quotas::Anonymous),
            Decision::Allow
        );
        assert!(matches!(
            limiter.take(ip("1.2.3.4"), Quotas::Anonymous),
            Decision::Refuse { .. }
        ));
        // The authenticated default burst is 300.
        for _ in 0..300 {
            assert_eq!(
                limiter.take(BucketKey::Key("hash".into()), Quotas::Authenticated),
                Decision::Allow
            );
        }
        assert!(matches!(
            limiter.take(BucketKey::Key("hash".into()), Quotas::Authenticated),
            Decision::Refuse { .. }
        ));
        assert_eq!(limiter.tracked_clients(), 2);
    }

    #[test]
    fn memory_is_bounded_and_idle_buckets_are_evicted() {
        let (limiter, clock) = limiter(60, 2);
        let anonymous = Quotas::Anonymous;
        assert_eq!(limiter.take(ip("1.1.1.1"), anonymous), Decision::Allow);
        assert_eq!(limiter.take(ip("2.2.2.2"), anonymous), Decision::Allow);
        // Full: a third and a fourth client share the overflow bucket (burst 2).
        assert_eq!(limiter.take(ip("3.3.3.3"), anonymous), Decision::Allow);
        assert_eq!(limiter.take(ip("4.4.4.4"), anonymous), Decision::Allow);
        assert!(matches!(
            limiter.take(ip("5.5.5.5"), anonymous),
            Decision::Refuse { .. }
        ));
        assert_eq!(limiter.tracked_clients(), 3);
        // Clients the table holds keep their own buckets.
        assert_eq!(limiter.take(ip("1.1.1.1"), anonymous), Decision::Allow);
        // Later, the refilled buckets are dropped to make room.
        clock.advance(Duration::from_secs(5));
        assert_eq!(limiter.take(ip("6.6.6.6"), anonymous), Decision::Allow);
        assert!(limiter.tracked_clients() <= 2);
    }

    #[test]
    fn disabled_limiter_allows_everything() {
        let (limiter, _) = limiter(0, 1);
        assert!(!limiter.enabled());
        for _ in 0..100 {
            assert_eq!(
                limiter.take(ip("1.2.3.4"), Quotas::Anonymous),
                Decision::Allow
            );
        }
        assert_eq!(limiter.tracked_clients(), 0);
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let (limiter, _) = limiter(60, 1);
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
