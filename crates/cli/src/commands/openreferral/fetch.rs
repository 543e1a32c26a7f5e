//! Fetching a feed's JSON over HTTP: a timeout on every request, retries with backoff on
//! server errors (5xx) and broken connections, a size limit on every body, and errors that say
//! which URL failed and how.

use std::time::Duration;

use ureq::Agent;
use ureq::tls::{TlsConfig, TlsProvider};

/// How the client behaves; the defaults suit a council's feed on the internet.
#[derive(Debug, Clone, Copy)]
pub struct FetchOptions {
    /// The whole request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Further attempts after a server error or a broken connection.
    pub retries: u32,
    /// The wait before the first retry; doubled for each further one.
    pub backoff: Duration,
    /// The largest body read (a page of services, or one service).
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_millis(500),
            max_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Why a URL could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: the server answered {status} after {attempts} attempt(s)")]
    Status {
        url: String,
        status: u16,
        attempts: u32,
    },
    #[error("{url}: {reason} (after {attempts} attempt(s))")]
    Transport {
        url: String,
        reason: String,
        attempts: u32,
    },
    #[error("{url}: the body is larger than {max_bytes} bytes")]
    TooLarge { url: String, max_bytes: u64 },
    #[error("{url}: not JSON: {reason}")]
    NotJson { url: String, reason: String },
}

/// A client for one import.
pub struct Fetcher {
    agent: Agent,
    options: FetchOptions,
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Self {
        let config = Agent::config_builder()
            .timeout_global(Some(options.timeout))
            // Statuses are read below: a 5xx is retried, a 4xx is not.
            .http_status_as_error(false)
            .user_agent(concat!("carematch/", env!("CARGO_PKG_VERSION")))
            .tls_config(
                TlsConfig::builder()
                    .provider(TlsProvider::NativeTls)
                    .build(),
            )
            .build();
        Self {
            agent: config.into(),
            options,
        }
    }

    /// The JSON at `url`.
    pub fn json(&self, url: &str) -> Result<serde_json::Value, FetchError> {
        let body = self.body(url)?;
        serde_json::from_slice(&body).map_err(|e| FetchError::NotJson {
            url: url.to_owned(),
            reason: e.to_string(),
        })
    }

    fn body(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let mut wait = self.options.backoff;
        let mut attempts = 0;
        loop {
            attempts += 1;
            let retry = match self.attempt(url) {
                Ok(body) => return Ok(body),
                Err(Attempt::Final(error)) => return Err(error),
                Err(Attempt::Retry(error)) => error,
            };
            if attempts > self.options.retries {
                return Err(match retry {
                    RetryCause::Status(status) => FetchError::Status {
                        url: url.to_owned(),
                        status,
                        attempts,
                    },
                    RetryCause::Transport(reason) => FetchError::Transport {
                        url: url.to_owned(),
                        reason,
                        attempts,
                    },
                });
            }
            tracing::warn!(url, attempt = attempts, "feed request failed; retrying");
            std::thread::sleep(wait);
            wait = wait.saturating_mul(2);
        }
    }

    fn attempt(&self, url: &str) -> Result<Vec<u8>, Attempt> {
        let mut response = self
            .agent
            .get(url)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| Attempt::Retry(RetryCause::Transport(e.to_string())))?;
        let status = response.status().as_u16();
        if status >= 500 {
            return Err(Attempt::Retry(RetryCause::Status(status)));
        }
        if status != 200 {
            return Err(Attempt::Final(FetchError::Status {
                url: url.to_owned(),
                status,
                attempts: 1,
            }));
        }
        let max_bytes = self.options.max_bytes;
        response
            .body_mut()
            .with_config()
            .limit(max_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => Attempt::Final(FetchError::TooLarge {
                    url: url.to_owned(),
                    max_bytes,
                }),
                other => Attempt::Retry(RetryCause::Transport(other.to_string())),
            })
    }
}

enum RetryCause {
    Status(u16),
    Transport(String),
}

enum Attempt {
    Retry(RetryCause),
    Final(FetchError),
}
