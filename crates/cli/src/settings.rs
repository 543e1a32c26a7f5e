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
    /// Reverse proxies whose `X-Forwarded-For` header names the real client, and whose
    /// `Forwarded`/`X-Forwarded-Host`/`X-Forwarded-Proto` name the site the browser asked for.
    pub trusted_proxies: Vec<IpAddr>,
    /// Bytes of encoded match responses kept in memory for identical requests; 0 turns the
    /// match cache off.
    pub match_cache_bytes: usize,
    /// Seconds a cached match response may be served (any write ends it sooner).
    pub match_cache_ttl_secs: u64,
    /// Score weights (`[weights]` in the file: `preferred`, `distance`, `schedule`; omitted
    /// ones keep their defaults). Checked when read: finite, not negative, not all zero.
    pub weights: MatchWeights,
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
            trusted_proxies: Vec::new(),
            match_cache_bytes: carematch_api::match_cache::MatchCacheConfig::default().budget_bytes,
            match_cache_ttl_secs: carematch_api::match_cache::MatchCacheConfig::default()
                .ttl
                .as_secs(),
            weights: MatchWeights::DEFAULT,
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
    "CAREMATCH_TRUSTED_PROXIES",
    "CAREMATCH_MATCH_CACHE_BYTES",
    "CAREMATCH_MATCH_CACHE_TTL_SECS",
    "CAREMATCH_WEIGHT_PREFERRED",
    "CAREMATCH_WEIGHT_DISTANCE",
    "CAREMATCH_WEIGHT_SCHEDULE",
];

impl Settings {
    /// The HTTP server's limits and switches, from these settings.
    pub fn server_config(&self) -> carematch_api::ServerConfig {
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
            },
            gauges: Vec::new(),
            pages: Some(carematch_web::configure),
        }
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
        ];
        for name in ENV_VARS {
            if let Some(value) = env(name) {
                settings.apply_env(name, &value, &mut weights)?;
            }
        }
        let [preferred, distance, schedule] = weights;
        settings.weights = MatchWeights::new(preferred, distance, schedule)
            .context("the weights from CAREMATCH_WEIGHT_PREFERRED, _DISTANCE and _SCHEDULE")?;
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
    }

    fn apply_env(&mut self, name: &str, value: &str, weights: &mut [f64; 3]) -> anyhow::Result<()> {
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
            "CAREMATCH_MATCH_CACHE_BYTES" => {
                self.match_cache_bytes = usize::try_from(number(value)?)?
            }
            "CAREMATCH_MATCH_CACHE_TTL_SECS" => self.match_cache_ttl_secs = number(value)?,
            "CAREMATCH_WEIGHT_PREFERRED" => weights[0] = weight(value)?,
            "CAREMATCH_WEIGHT_DISTANCE" => weights[1] = weight(value)?,
            "CAREMATCH_WEIGHT_SCHEDULE" => weights[2] = weight(value)?,
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
            "database_url = \"sqlite://data/cm.db\"\nindex_dir = \"/srv/index\"\n",
        )
        .expect("write");
        let settings = Settings::load(Some(&file), |_| None).expect("load");
        let beside = dir.path().join("data/cm.db");
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
            _ => None,
        };
        let settings = Settings::load(Some(&file), env).expect("load");
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
