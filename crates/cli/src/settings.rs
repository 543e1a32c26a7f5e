//! Configuration: built-in defaults, then `carematch.toml`, then `CAREMATCH_*` environment
//! variables (the environment wins). Passed explicitly to whatever needs it; never global.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use carematch_matching::MatchWeights;
use serde::Deserialize;

/// Every setting, with its default documented in README.md and docs/configuration.md.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `sqlite://carematch.db` (a file path) or `postgres://user@host/db`.
    pub database_url: String,
    /// Address the HTTP server binds to.
    pub bind: String,
    /// Folder of the persisted text index.
    pub index_dir: PathBuf,
    /// Log filter, e.g. `info` or `carematch=debug,actix_web=info`.
    pub log: String,
    pub log_format: LogFormat,
    /// Database connections in the pool.
    pub pool_size: u32,
    /// Largest JSON request body, in bytes.
    pub json_limit_bytes: usize,
    /// HTTP worker threads; 0 means one per core.
    pub workers: usize,
    /// Largest raw (non-JSON) request body, in bytes.
    pub payload_limit_bytes: usize,
    /// Time limit on each request handler, in milliseconds (0: none); past it, 503 `timeout`.
    pub request_timeout_ms: u64,
    /// Time a client has to send the request head, in milliseconds; past it, 408.
    pub client_request_timeout_ms: u64,
    /// On SIGTERM/SIGINT, seconds that requests in flight get to finish.
    pub shutdown_timeout_secs: u64,
    /// Sustained requests per minute per anonymous client (IP); 0 turns rate limiting off.
    pub rate_limit_per_minute: u32,
    /// Requests an anonymous client may make at once.
    pub rate_limit_burst: u32,
    /// Sustained requests per minute per API key.
    pub rate_limit_authenticated_per_minute: u32,
    /// Requests an API key may make at once.
    pub rate_limit_authenticated_burst: u32,
    /// Most clients whose rate-limit state is kept in memory.
    pub rate_limit_max_clients: usize,
    /// Enquiries one client (IP address) may send per hour, on top of the limits above; 0
    /// turns this limit off.
    pub rate_limit_enquiries_per_hour: u32,
    /// Vacancies an address may post per hour (`POST /v1/vacancies/public` and the web form);
    /// 0 turns this limit off.
    pub rate_limit_vacancy_posts_per_hour: u32,
    /// Problem reports an address may make per hour (`POST /v1/reports` and the web form);
    /// 0 turns this limit off.
    pub rate_limit_reports_per_hour: u32,
    /// Days that closed enquiries (and their history and mails) are kept before the hourly
    /// purge of `carematch serve` (or `carematch purge`) deletes them.
    pub retention_days: u32,
    /// Where the site is published (`https://carematch.example.org`), for links in e-mails.
    pub public_url: String,
    /// A council's own wording for the help pages: `<dir>/<language tag>/help.ftl` files whose
    /// messages replace the built-in ones (docs/web.md, "Help pages").
    pub help_dir: Option<PathBuf>,
    /// Reverse proxies whose `X-Forwarded-For` header names the real client, and whose
    /// `Forwarded`/`X-Forwarded-Host`/`X-Forwarded-Proto` name the site the browser asked for.
    pub trusted_proxies: Vec<IpAddr>,
    /// Bytes of encoded match responses kept in memory for identical requests; 0 turns the
    /// match cache off.
    pub match_cache_bytes: usize,
    /// Seconds a cached match response may be served (any write ends it sooner).
    pub match_cache_ttl_secs: u64,
    /// Score weights (`[weights]` in the file: `preferred`, `distance`, `schedule`, `freshness`; omitted
    /// ones keep their defaults). Checked when read: finite, not negative, not all zero.
    pub weights: MatchWeights,
    /// The outbox sender's SMTP relay (`[smtp]` in the file); no `host`, no e-mail sent.
    pub smtp: SmtpSettings,
    /// Open Referral feeds `carematch serve` imports on a schedule (`[openreferral]`).
    pub openreferral: OpenReferralSettings,
}

/// `[openreferral]`: council feeds `carematch serve` imports on a schedule
/// (docs/openreferral-import.md). No feeds, no schedule.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OpenReferralSettings {
    /// Base URLs of Open Referral UK v3 APIs (or files), imported one after the other.
    pub feeds: Vec<String>,
    /// Hours from the start of one run to the start of the next (at least 1).
    pub interval_hours: u64,
    /// Services asked for per page.
    pub per_page: u32,
}

impl Default for OpenReferralSettings {
    fn default() -> Self {
        Self {
            feeds: Vec::new(),
            interval_hours: 24,
            per_page: 100,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: "sqlite://carematch.db".to_owned(),
            bind: "127.0.0.1:8080".to_owned(),
            index_dir: PathBuf::from("./index"),
            log: "info".to_owned(),
            log_format: LogFormat::Text,
            pool_size: 8,
            json_limit_bytes: 256 * 1024,
            workers: 0,
            payload_limit_bytes: 4 * 1024 * 1024,
            request_timeout_ms: 30_000,
            client_request_timeout_ms: 5_000,
            shutdown_timeout_secs: 30,
            rate_limit_per_minute: 300,
            rate_limit_burst: 60,
            rate_limit_authenticated_per_minute: 3_000,
            rate_limit_authenticated_burst: 300,
            rate_limit_max_clients: 100_000,
            rate_limit_enquiries_per_hour: 5,
            rate_limit_vacancy_posts_per_hour: 6,
            rate_limit_reports_per_hour: 10,
            retention_days: carematch_service::retention::DEFAULT_RETENTION_DAYS,
            public_url: carematch_service::DEFAULT_SITE_URL.to_owned(),
            help_dir: None,
            trusted_proxies: Vec::new(),
            match_cache_bytes: carematch_api::match_cache::MatchCacheConfig::default().budget_bytes,
            match_cache_ttl_secs: carematch_api::match_cache::MatchCacheConfig::default()
                .ttl
                .as_secs(),
            weights: MatchWeights::DEFAULT,
            smtp: SmtpSettings::default(),
            openreferral: OpenReferralSettings::default(),
        }
    }
}

/// The environment variables read, and the setting each overrides.
const ENV_VARS: &[&str] = &[
    "CAREMATCH_DATABASE_URL",
    "CAREMATCH_BIND",
    "CAREMATCH_INDEX_DIR",
    "CAREMATCH_LOG",
    "CAREMATCH_LOG_FORMAT",
    "CAREMATCH_POOL_SIZE",
    "CAREMATCH_JSON_LIMIT_BYTES",
    "CAREMATCH_WORKERS",
    "CAREMATCH_PAYLOAD_LIMIT_BYTES",
    "CAREMATCH_REQUEST_TIMEOUT_MS",
    "CAREMATCH_CLIENT_REQUEST_TIMEOUT_MS",
    "CAREMATCH_SHUTDOWN_TIMEOUT_SECS",
    "CAREMATCH_RATE_LIMIT_PER_MINUTE",
    "CAREMATCH_RATE_LIMIT_BURST",
    "CAREMATCH_RATE_LIMIT_AUTHENTICATED_PER_MINUTE",
    "CAREMATCH_RATE_LIMIT_AUTHENTICATED_BURST",
    "CAREMATCH_RATE_LIMIT_MAX_CLIENTS",
    "CAREMATCH_RATE_LIMIT_ENQUIRIES_PER_HOUR",
    "CAREMATCH_RATE_LIMIT_VACANCY_POSTS_PER_HOUR",
    "CAREMATCH_RATE_LIMIT_REPORTS_PER_HOUR",
    "CAREMATCH_RETENTION_DAYS",
    "CAREMATCH_PUBLIC_URL",
    "CAREMATCH_HELP_DIR",
    "CAREMATCH_TRUSTED_PROXIES",
    "CAREMATCH_MATCH_CACHE_BYTES",
    "CAREMATCH_MATCH_CACHE_TTL_SECS",
    "CAREMATCH_WEIGHT_PREFERRED",
    "CAREMATCH_WEIGHT_DISTANCE",
    "CAREMATCH_WEIGHT_SCHEDULE",
    "CAREMATCH_WEIGHT_FRESHNESS",
    "CAREMATCH_SMTP_HOST",
    "CAREMATCH_SMTP_PORT",
    "CAREMATCH_SMTP_TLS",
    "CAREMATCH_SMTP_USERNAME",
    "CAREMATCH_SMTP_PASSWORD",
    "CAREMATCH_SMTP_FROM",
    "CAREMATCH_SMTP_MESSAGE_ID_DOMAIN",
    "CAREMATCH_SMTP_POLL_INTERVAL_MS",
    "CAREMATCH_SMTP_LEASE_SECS",
    "CAREMATCH_SMTP_TIMEOUT_SECS",
    "CAREMATCH_SMTP_MAX_ATTEMPTS",
    "CAREMATCH_SMTP_BACKOFF_BASE_SECS",
    "CAREMATCH_SMTP_BACKOFF_MAX_SECS",
    "CAREMATCH_OPENREFERRAL_FEEDS",
    "CAREMATCH_OPENREFERRAL_INTERVAL_HOURS",
    "CAREMATCH_OPENREFERRAL_PER_PAGE",
];

impl Settings {
    /// The HTTP server's limits and switches, from these settings.
    /// The server's limits and switches, serving the web pages with these help texts.
    pub fn server_config(
        &self,
        help: carematch_web::help::HelpTexts,
    ) -> carematch_api::ServerConfig {
        carematch_api::ServerConfig {
            json_limit: self.json_limit_bytes,
            workers: self.workers,
            payload_limit: self.payload_limit_bytes,
            request_timeout: Duration::from_millis(self.request_timeout_ms),
            client_request_timeout: Duration::from_millis(self.client_request_timeout_ms),
            shutdown_timeout: Duration::from_secs(self.shutdown_timeout_secs),
            handle_signals: true,
            rate_limit: carematch_api::middleware::RateLimitConfig {
                per_minute: self.rate_limit_per_minute,
                burst: self.rate_limit_burst,
                authenticated_per_minute: self.rate_limit_authenticated_per_minute,
                authenticated_burst: self.rate_limit_authenticated_burst,
                max_clients: self.rate_limit_max_clients,
                trusted_proxies: self.trusted_proxies.clone(),
                enquiries_per_hour: self.rate_limit_enquiries_per_hour,
                vacancy_posts_per_hour: self.rate_limit_vacancy_posts_per_hour,
                reports_per_hour: self.rate_limit_reports_per_hour,
            },
            gauges: Vec::new(),
            pages: Some(carematch_web::pages(help)),
        }
    }

    /// The scheduled Open Referral import: the feeds and the interval, checked; `None` when no
    /// feed is configured.
    pub fn openreferral_schedule(&self) -> anyhow::Result<Option<(Vec<String>, Duration)>> {
        let o = &self.openreferral;
        if o.feeds.is_empty() {
            return Ok(None);
        }
        if o.interval_hours == 0 || o.per_page == 0 {
            bail!("[openreferral] interval_hours and per_page must be at least 1");
        }
        Ok(Some((
            o.feeds.clone(),
            Duration::from_secs(o.interval_hours.saturating_mul(3600)),
        )))
    }

    /// How long closed records are kept (`retention_days`).
    pub fn retention(&self) -> chrono::Duration {
        chrono::Duration::days(i64::from(self.retention_days))
    }

    /// The match cache's size and lifetime, from these settings.
    pub fn match_cache_config(&self) -> carematch_api::match_cache::MatchCacheConfig {
        carematch_api::match_cache::MatchCacheConfig {
            budget_bytes: self.match_cache_bytes,
            ttl: Duration::from_secs(self.match_cache_ttl_secs),
        }
    }

    /// Loads the file (`explicit` must exist; otherwise `carematch.toml` is read if present), then
    /// applies the environment given by `env`.
    pub fn load(
        explicit: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Self> {
        let path = explicit.map_or_else(|| PathBuf::from("carematch.toml"), Path::to_path_buf);
        let current = std::env::current_dir().context("reading the current directory")?;
        let mut settings = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let mut settings: Self = toml::from_str(&text)
                    .with_context(|| format!("reading settings from {}", path.display()))?;
                // Relative paths in (or defaulted by) a settings file are the file's folder's.
                let file = current.join(&path);
                settings.resolve_relative_paths(file.parent().unwrap_or(&current));
                settings
            }
            Err(err) if explicit.is_none() && err.kind() == std::io::ErrorKind::NotFound => {
                Self::default()
            }
            Err(err) => {
                return Err(err)
                    .with_context(|| format!("reading settings from {}", path.display()));
            }
        };
        let mut weights = [
            settings.weights.preferred(),
            settings.weights.distance(),
            settings.weights.schedule(),
            settings.weights.freshness(),
        ];
        for name in ENV_VARS {
            if let Some(value) = env(name) {
                settings.apply_env(name, &value, &mut weights)?;
            }
        }
        let [preferred, distance, schedule, freshness] = weights;
        settings.weights = MatchWeights::new(preferred, distance, schedule, freshness).context(
            "the weights from CAREMATCH_WEIGHT_PREFERRED, _DISTANCE, _SCHEDULE and _FRESHNESS",
        )?;
        // The rest (the environment's, or the defaults without a file) are the current
        // directory's.
        settings.resolve_relative_paths(&current);
        Ok(settings)
    }

    /// Makes a relative SQLite database path and a relative `index_dir` absolute, against `base`,
    /// so that logs and warnings name the real place and no later change of directory moves them.
    fn resolve_relative_paths(&mut self, base: &Path) {
        if let Some(path) = sqlite_path(&self.database_url)
            && path.is_relative()
        {
            self.database_url = format!("sqlite://{}", base.join(path).display());
        }
        if self.index_dir.is_relative() {
            self.index_dir = base.join(&self.index_dir);
        }
        if let Some(dir) = self.help_dir.as_mut()
            && dir.is_relative()
        {
            *dir = base.join(&*dir);
        }
    }

    fn apply_env(&mut self, name: &str, value: &str, weights: &mut [f64; 4]) -> anyhow::Result<()> {
        let weight = |v: &str| {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|w| w.is_finite() && *w >= 0.0)
                .with_context(|| {
                    format!("{name} must be a number from 0 up (a score weight), not `{v}`")
                })
        };
        let number = |v: &str| {
            v.parse::<u64>()
                .with_context(|| format!("{name} must be a whole number, not `{v}`"))
        };
        match name {
            "CAREMATCH_DATABASE_URL" => self.database_url = value.to_owned(),
            "CAREMATCH_BIND" => self.bind = value.to_owned(),
            "CAREMATCH_INDEX_DIR" => self.index_dir = PathBuf::from(value),
            "CAREMATCH_LOG" => self.log = value.to_owned(),
            "CAREMATCH_LOG_FORMAT" => {
                self.log_format = match value {
                    "text" => LogFormat::Text,
                    "json" => LogFormat::Json,
                    other => bail!("CAREMATCH_LOG_FORMAT must be `text` or `json`, not `{other}`"),
                }
            }
            "CAREMATCH_POOL_SIZE" => self.pool_size = u32::try_from(number(value)?)?,
            "CAREMATCH_JSON_LIMIT_BYTES" => {
                self.json_limit_bytes = usize::try_from(number(value)?)?
            }
            "CAREMATCH_WORKERS" => self.workers = usize::try_from(number(value)?)?,
            "CAREMATCH_PAYLOAD_LIMIT_BYTES" => {
                self.payload_limit_bytes = usize::try_from(number(value)?)?
            }
            "CAREMATCH_REQUEST_TIMEOUT_MS" => self.request_timeout_ms = number(value)?,
            "CAREMATCH_CLIENT_REQUEST_TIMEOUT_MS" => {
                self.client_request_timeout_ms = number(value)?
            }
            "CAREMATCH_SHUTDOWN_TIMEOUT_SECS" => self.shutdown_timeout_secs = number(value)?,
            "CAREMATCH_RATE_LIMIT_PER_MINUTE" => {
                self.rate_limit_per_minute = u32::try_from(number(value)?)?
            }
            "CAREMATCH_RATE_LIMIT_BURST" => self.rate_limit_burst = u32::try_from(number(value)?)?,
            "CAREMATCH_RATE_LIMIT_AUTHENTICATED_PER_MINUTE" => {
                self.rate_limit_authenticated_per_minute = u32::try_from(number(value)?)?
            }
            "CAREMATCH_RATE_LIMIT_AUTHENTICATED_BURST" => {
                self.rate_limit_authenticated_burst = u32::try_from(number(value)?)?
            }
            "CAREMATCH_RATE_LIMIT_MAX_CLIENTS" => {
                self.rate_limit_max_clients = usize::try_from(number(value)?)?
            }
            "CAREMATCH_RATE_LIMIT_ENQUIRIES_PER_HOUR" => {
                self.rate_limit_enquiries_per_hour = u32::try_from(number(value)?)?
            }
            "CAREMATCH_RATE_LIMIT_VACANCY_POSTS_PER_HOUR" => {
                self.rate_limit_vacancy_posts_per_hour = u32::try_from(number(value)?)?
            }
            "CAREMATCH_RATE_LIMIT_REPORTS_PER_HOUR" => {
                self.rate_limit_reports_per_hour = u32::try_from(number(value)?)?
            }
            "CAREMATCH_RETENTION_DAYS" => self.retention_days = u32::try_from(number(value)?)?,
            "CAREMATCH_PUBLIC_URL" => value.clone_into(&mut self.public_url),
            "CAREMATCH_HELP_DIR" => self.help_dir = Some(PathBuf::from(value)),
            "CAREMATCH_MATCH_CACHE_BYTES" => {
                self.match_cache_bytes = usize::try_from(number(value)?)?
            }
            "CAREMATCH_MATCH_CACHE_TTL_SECS" => self.match_cache_ttl_secs = number(value)?,
            "CAREMATCH_WEIGHT_PREFERRED" => weights[0] = weight(value)?,
            "CAREMATCH_WEIGHT_DISTANCE" => weights[1] = weight(value)?,
            "CAREMATCH_WEIGHT_SCHEDULE" => weights[2] = weight(value)?,
            "CAREMATCH_WEIGHT_FRESHNESS" => weights[3] = weight(value)?,
            name if name.starts_with("CAREMATCH_SMTP_") => self.smtp.apply_env(name, value)?,
            "CAREMATCH_OPENREFERRAL_FEEDS" => {
                self.openreferral.feeds = value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            "CAREMATCH_OPENREFERRAL_INTERVAL_HOURS" => {
                self.openreferral.interval_hours = number(value)?;
            }
            "CAREMATCH_OPENREFERRAL_PER_PAGE" => {
                self.openreferral.per_page = u32::try_from(number(value)?)?;
            }
            "CAREMATCH_TRUSTED_PROXIES" => {
                self.trusted_proxies = value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| {
                        v.parse::<IpAddr>().with_context(|| {
                            format!("CAREMATCH_TRUSTED_PROXIES must list IP addresses, not `{v}`")
                        })
                    })
                    .collect::<anyhow::Result<_>>()?
            }
            _ => {}
        }
        Ok(())
    }
}

/// `[smtp]`: where and how the outbox sender delivers e-mail (docs/configuration.md). An empty
/// `host` means no SMTP: messages stay queued and the agency console shows them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// `none`, `starttls` or `tls`.
    pub tls: String,
    pub username: Option<String>,
    pub password: Option<SecretString>,
    /// The From address, e.g. `carematch <noreply@example.org>`.
    pub from: String,
    /// The domain of every Message-ID; empty: the From address's domain.
    pub message_id_domain: String,
    pub poll_interval_ms: u64,
    pub lease_secs: u64,
    pub timeout_secs: u64,
    pub max_attempts: u32,
    pub backoff_base_secs: u64,
    pub backoff_max_secs: u64,
}

impl Default for SmtpSettings {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 587,
            tls: "starttls".to_owned(),
            username: None,
            password: None,
            from: String::new(),
            message_id_domain: String::new(),
            poll_interval_ms: 5_000,
            lease_secs: 120,
            timeout_secs: 30,
            max_attempts: 8,
            backoff_base_secs: 30,
            backoff_max_secs: 3_600,
        }
    }
}

/// A password read from the settings: never printed (`Debug` shows `***`).
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

impl SmtpSettings {
    fn apply_env(&mut self, name: &str, value: &str) -> anyhow::Result<()> {
        let number = |v: &str| {
            v.parse::<u64>()
                .with_context(|| format!("{name} must be a whole number, not `{v}`"))
        };
        let optional = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        match name {
            "CAREMATCH_SMTP_HOST" => self.host = value.to_owned(),
            "CAREMATCH_SMTP_PORT" => self.port = u16::try_from(number(value)?)?,
            "CAREMATCH_SMTP_TLS" => self.tls = value.to_owned(),
            "CAREMATCH_SMTP_USERNAME" => self.username = optional(value),
            "CAREMATCH_SMTP_PASSWORD" => self.password = optional(value).map(SecretString),
            "CAREMATCH_SMTP_FROM" => self.from = value.to_owned(),
            "CAREMATCH_SMTP_MESSAGE_ID_DOMAIN" => self.message_id_domain = value.to_owned(),
            "CAREMATCH_SMTP_POLL_INTERVAL_MS" => self.poll_interval_ms = number(value)?,
            "CAREMATCH_SMTP_LEASE_SECS" => self.lease_secs = number(value)?,
            "CAREMATCH_SMTP_TIMEOUT_SECS" => self.timeout_secs = number(value)?,
            "CAREMATCH_SMTP_MAX_ATTEMPTS" => self.max_attempts = u32::try_from(number(value)?)?,
            "CAREMATCH_SMTP_BACKOFF_BASE_SECS" => self.backoff_base_secs = number(value)?,
            "CAREMATCH_SMTP_BACKOFF_MAX_SECS" => self.backoff_max_secs = number(value)?,
            _ => bail!("unknown setting {name}"),
        }
        Ok(())
    }

    /// The sender's settings, checked; `None` when no SMTP host is configured.
    pub fn mailer(&self) -> anyhow::Result<Option<carematch_mailer::MailerSettings>> {
        if self.host.trim().is_empty() {
            return Ok(None);
        }
        let tls = carematch_mailer::TlsMode::parse(&self.tls).with_context(|| {
            format!(
                "smtp tls must be `none`, `starttls` or `tls`, not `{}`",
                self.tls
            )
        })?;
        let domain = if self.message_id_domain.is_empty() {
            // `Name <user@example.org>` or `user@example.org` -> `example.org`
            self.from
                .rsplit_once('@')
                .map(|(_, domain)| domain.trim_end_matches('>').trim().to_owned())
                .unwrap_or_default()
        } else {
            self.message_id_domain.clone()
        };
        let mut settings = carematch_mailer::MailerSettings::new(&self.host, &self.from, &domain);
        settings.port = self.port;
        settings.tls = tls;
        settings.username.clone_from(&self.username);
        settings.password = self
            .password
            .as_ref()
            .map(|p| carematch_mailer::Secret::new(p.0.clone()));
        settings.poll_interval = Duration::from_millis(self.poll_interval_ms);
        settings.lease = Duration::from_secs(self.lease_secs);
        settings.timeout = Duration::from_secs(self.timeout_secs);
        settings.max_attempts = self.max_attempts;
        settings.backoff_base = Duration::from_secs(self.backoff_base_secs);
        settings.backoff_max = Duration::from_secs(self.backoff_max_secs);
        settings.check().context("the [smtp] settings")?;
        Ok(Some(settings))
    }
}

/// The file a SQLite database URL names (`sqlite://PATH`, `sqlite:PATH` or a plain path, as the
/// store reads them); `None` for PostgreSQL and for SQLite's in-memory and URI forms.
pub fn sqlite_path(url: &str) -> Option<PathBuf> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return None;
    }
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let special = path.is_empty()
        || path.contains("://")
        || path.starts_with(':')
        || path.starts_with("file:");
    (!special).then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(&file, "bind = \"0.0.0.0:9000\"\nlog = \"debug\"\n").expect("write");
        let env = |name: &str| (name == "CAREMATCH_LOG").then(|| "warn".to_owned());
        let settings = Settings::load(Some(&file), env).expect("load");
        assert_eq!(settings.bind, "0.0.0.0:9000");
        assert_eq!(settings.log, "warn");
        // The default database, like any relative path of a settings file, is beside the file.
        assert_eq!(
            settings.database_url,
            format!("sqlite://{}", dir.path().join("carematch.db").display())
        );
        assert_eq!(settings.index_dir, dir.path().join("./index"));
    }

    #[test]
    fn relative_paths_are_resolved_against_the_file_or_the_current_directory() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(
            &file,
            "database_url = \"sqlite://data/cm.db\"\nindex_dir = \"/srv/index\"\nhelp_dir = \"help\"\n",
        )
        .expect("write");
        let settings = Settings::load(Some(&file), |_| None).expect("load");
        let beside = dir.path().join("data/cm.db");
        // A council's help folder beside the file, too.
        assert_eq!(settings.help_dir, Some(dir.path().join("help")));
        assert_eq!(
            settings.database_url,
            format!("sqlite://{}", beside.display())
        );
        assert_eq!(settings.index_dir, PathBuf::from("/srv/index"));
        // The environment's relative paths are the current directory's.
        let current = std::env::current_dir().expect("current directory");
        let env = |name: &str| match name {
            "CAREMATCH_DATABASE_URL" => Some("other.db".to_owned()),
            "CAREMATCH_INDEX_DIR" => Some("idx".to_owned()),
            "CAREMATCH_HELP_DIR" => Some("council-help".to_owned()),
            _ => None,
        };
        let settings = Settings::load(Some(&file), env).expect("load");
        assert_eq!(settings.help_dir, Some(current.join("council-help")));
        assert_eq!(
            settings.database_url,
            format!("sqlite://{}", current.join("other.db").display())
        );
        assert_eq!(settings.index_dir, current.join("idx"));
        // Absolute paths, PostgreSQL and in-memory SQLite are left alone.
        for url in [
            "sqlite:///var/lib/carematch.db",
            "postgres://postgres@127.0.0.1/carematch",
            ":memory:",
        ] {
            let env = |name: &str| (name == "CAREMATCH_DATABASE_URL").then(|| url.to_owned());
            let settings = Settings::load(Some(&file), env).expect("load");
            assert_eq!(settings.database_url, url);
        }
        assert_eq!(
            sqlite_path("sqlite:///var/lib/carematch.db"),
            Some(PathBuf::from("/var/lib/carematch.db"))
        );
        assert_eq!(
            sqlite_path("carematch.db"),
            Some(PathBuf::from("carematch.db"))
        );
        assert_eq!(sqlite_path("postgresql://h/db"), None);
    }

    #[test]
    fn limits_and_proxies_come_from_file_and_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(
            &file,
            "rate_limit_per_minute = 10\ntrusted_proxies = [\"10.0.0.1\"]\nrequest_timeout_ms = 2000\n",
        )
        .expect("write");
        let env = |name: &str| match name {
            "CAREMATCH_RATE_LIMIT_BURST" => Some("3".to_owned()),
            "CAREMATCH_TRUSTED_PROXIES" => Some("127.0.0.1, ::1".to_owned()),
            "CAREMATCH_MATCH_CACHE_BYTES" => Some("0".to_owned()),
            _ => None,
        };
        let settings = Settings::load(Some(&file), env).expect("load");
        assert_eq!(settings.match_cache_config().budget_bytes, 0);
        assert_eq!(settings.match_cache_ttl_secs, 60);
        assert_eq!(settings.rate_limit_per_minute, 10);
        assert_eq!(settings.rate_limit_burst, 3);
        assert_eq!(settings.request_timeout_ms, 2000);
        assert_eq!(settings.shutdown_timeout_secs, 30);
        let proxies: Vec<IpAddr> =
            vec!["127.0.0.1".parse().expect("ip"), "::1".parse().expect("ip")];
        assert_eq!(settings.trusted_proxies, proxies);
        let bad =
            |name: &str| (name == "CAREMATCH_TRUSTED_PROXIES").then(|| "proxy.local".to_owned());
        assert!(Settings::load(Some(&file), bad).is_err());
    }

    #[test]
    fn weights_come_from_file_and_environment_and_are_checked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(&file, "[weights]\ndistance = 0.6\n").expect("write");
        let settings = Settings::load(Some(&file), |_| None).expect("load");
        let w = settings.weights;
        assert_eq!((w.preferred(), w.distance(), w.schedule()), (0.5, 0.6, 0.2));
        let env = |name: &str| (name == "CAREMATCH_WEIGHT_SCHEDULE").then(|| "0".to_owned());
        let settings = Settings::load(Some(&file), env).expect("load");
        assert_eq!(settings.weights.schedule(), 0.0);
        assert_eq!(settings.weights.freshness(), 0.1);
        let env = |name: &str| (name == "CAREMATCH_WEIGHT_FRESHNESS").then(|| "0.25".to_owned());
        assert_eq!(
            Settings::load(Some(&file), env)
                .expect("load")
                .weights
                .freshness(),
            0.25
        );
        // Bad weights are refused when read, naming what is wrong.
        std::fs::write(&file, "[weights]\ndistance = -1\n").expect("write");
        let err = Settings::load(Some(&file), |_| None).expect_err("negative");
        assert!(format!("{err:#}").contains("match weights"), "{err:#}");
        std::fs::write(&file, "[weights]\nspeed = 1\n").expect("write");
        assert!(
            Settings::load(Some(&file), |_| None).is_err(),
            "unknown weight"
        );
        std::fs::write(&file, "").expect("write");
        let env = |name: &str| (name == "CAREMATCH_WEIGHT_DISTANCE").then(|| "lots".to_owned());
        let err = Settings::load(Some(&file), env).expect_err("not a number");
        assert!(
            format!("{err:#}").contains("CAREMATCH_WEIGHT_DISTANCE"),
            "{err:#}"
        );
        let zero = |name: &str| {
            name.starts_with("CAREMATCH_WEIGHT_")
                .then(|| "0".to_owned())
        };
        let err = Settings::load(Some(&file), zero).expect_err("all zero");
        assert!(format!("{err:#}").contains("not all zero"), "{err:#}");
    }

    #[test]
    fn openreferral_feeds_come_from_file_and_environment() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(&file, "").expect("write");
        let settings = Settings::load(Some(&file), |_| None).expect("load");
        assert_eq!(settings.openreferral_schedule().expect("valid"), None);
        std::fs::write(
            &file,
            "[openreferral]\nfeeds = [\"https://a.example/v3\"]\ninterval_hours = 6\n",
        )
        .expect("write");
        let settings = Settings::load(Some(&file), |_| None).expect("load");
        assert_eq!(
            settings.openreferral_schedule().expect("valid"),
            Some((
                vec!["https://a.example/v3".to_owned()],
                Duration::from_secs(6 * 3600)
            ))
        );
        let env = |name: &str| match name {
            "CAREMATCH_OPENREFERRAL_FEEDS" => Some("https://b.example/v3, feed.ndjson".to_owned()),
            "CAREMATCH_OPENREFERRAL_INTERVAL_HOURS" => Some("0".to_owned()),
            _ => None,
        };
        let settings = Settings::load(Some(&file), env).expect("load");
        assert_eq!(
            settings.openreferral.feeds,
            ["https://b.example/v3", "feed.ndjson"]
        );
        assert!(settings.openreferral_schedule().is_err(), "0 hours");
    }

    #[test]
    fn smtp_comes_from_file_and_environment_and_is_checked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(&file, "").expect("write");
        let settings = Settings::load(Some(&file), |_| None).expect("load");
        assert_eq!(
            settings.smtp.mailer().expect("no smtp"),
            None,
            "off by default"
        );
        std::fs::write(
            &file,
            "[smtp]\nhost = \"mail.example.org\"\nfrom = \"carematch <noreply@example.org>\"\n\
             password = \"hunter2\"\nusername = \"cm\"\n",
        )
        .expect("write");
        let env = |name: &str| match name {
            "CAREMATCH_SMTP_PORT" => Some("465".to_owned()),
            "CAREMATCH_SMTP_TLS" => Some("tls".to_owned()),
            _ => None,
        };
        let settings = Settings::load(Some(&file), env).expect("load");
        assert!(
            !format!("{settings:?}").contains("hunter2"),
            "the password never prints"
        );
        let mailer = settings.smtp.mailer().expect("valid").expect("configured");
        assert_eq!(mailer.port, 465);
        assert_eq!(mailer.tls, carematch_mailer::TlsMode::Tls);
        assert_eq!(
            mailer.message_id_domain, "example.org",
            "from the From address"
        );
        assert_eq!(mailer.lease, Duration::from_secs(120));
        let env = |name: &str| (name == "CAREMATCH_SMTP_TLS").then(|| "ssl".to_owned());
        let settings = Settings::load(Some(&file), env).expect("load");
        let err = settings.smtp.mailer().expect_err("bad tls");
        assert!(format!("{err:#}").contains("starttls"), "{err:#}");
        let env = |name: &str| (name == "CAREMATCH_SMTP_LEASE_SECS").then(|| "1".to_owned());
        let settings = Settings::load(Some(&file), env).expect("load");
        let err = settings
            .smtp
            .mailer()
            .expect_err("lease below twice the timeout");
        assert!(format!("{err:#}").contains("lease"), "{err:#}");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(&file, "bindd = \"x\"\n").expect("write");
        assert!(Settings::load(Some(&file), |_| None).is_err());
        let err = Settings::load(Some(Path::new("/nonexistent/none.toml")), |_| None);
        assert!(err.is_err(), "an explicit file must exist");
        // A bad environment value is an error naming the variable, even over a valid file.
        std::fs::write(&file, "bind = \"127.0.0.1:9000\"\n").expect("write");
        let env = |name: &str| (name == "CAREMATCH_POOL_SIZE").then(|| "many".to_owned());
        let err = Settings::load(Some(&file), env).expect_err("pool size is not a number");
        assert!(
            format!("{err:#}").contains("CAREMATCH_POOL_SIZE"),
            "{err:#}"
        );
        let missing = dir.path().join("absent.toml");
        assert!(Settings::load(Some(&missing), |_| None).is_err());
    }
}
