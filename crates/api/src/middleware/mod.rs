//! Layers every request passes through, outermost first:
//!
//! 1. [`observe`]: request id (`X-Request-Id`), one access-log line per request, Prometheus
//!    metrics (`prometheus-client`), errors reshaped into our JSON envelope when something below answered otherwise,
//!    and the [`security_headers`] every response carries;
//! 2. [`rate_limit`]: `governor` limits per client (IP for anonymous callers, key for
//!    authenticated ones), answering 429 `rate_limited` with `Retry-After`;
//! 3. [`timeout`]: a time limit on each handler, answering 503 `timeout`;
//! 4. [`check_input`]: the request target's length (414 `uri_too_long`) and, under `/v1/`, the
//!    query string's encoding (400 `bad_request` naming the parameter).
//!
//! Each layer reads its shared state from app data (`web::Data<...>`), set up once per server in
//! [`crate::run`] and shared by every worker.

pub mod input;
pub mod known_paths;
pub mod metrics;
pub mod observe;
pub mod rate_limit;
pub mod security_headers;
pub mod timeout;

pub use input::check_input;
pub use known_paths::KnownPaths;
pub use metrics::{Gauge, Metrics};
pub use observe::{RequestId, observe};
pub use rate_limit::{
    CallerRole, Decision, PublicWrite, RateLimitConfig, RateLimiter, charge_public_write,
    rate_limit,
};
pub use timeout::{HandlerTimeout, timeout};
