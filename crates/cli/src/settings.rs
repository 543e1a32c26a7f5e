//! Configuration: built-in defaults, then `carematch.toml`, then `CAREMATCH_*` environment
//! variables (the environment wins). Passed explicitly to whatever needs it; never global.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
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
];

impl Settings {
    /// Loads the file (`explicit` must exist; otherwise `carematch.toml` is read if present), then
    /// applies the environment given by `env`.
    pub fn load(
        explicit: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Self> {
        let path = explicit.map_or_else(|| PathBuf::from("carematch.toml"), Path::to_path_buf);
        let mut settings = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text)
                .with_context(|| format!("reading settings from {}", path.display()))?,
            Err(err) if explicit.is_none() && err.kind() == std::io::ErrorKind::NotFound => {
                Self::default()
            }
            Err(err) => {
                return Err(err)
                    .with_context(|| format!("reading settings from {}", path.display()));
            }
        };
        for name in ENV_VARS {
            if let Some(value) = env(name) {
                settings.apply_env(name, &value)?;
            }
        }
        Ok(settings)
    }

    fn apply_env(&mut self, name: &str, value: &str) -> anyhow::Result<()> {
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
            _ => {}
        }
        Ok(())
    }
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
        assert_eq!(settings.database_url, "sqlite://carematch.db");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("carematch.toml");
        std::fs::write(&file, "bindd = \"x\"\n").expect("write");
        assert!(Settings::load(Some(&file), |_| None).is_err());
        let env = |name: &str| (name == "CAREMATCH_POOL_SIZE").then(|| "many".to_owned());
        let err = Settings::load(Some(Path::new("/nonexistent/none.toml")), env);
        assert!(err.is_err(), "an explicit file must exist");
        let missing = dir.path().join("absent.toml");
        assert!(Settings::load(Some(&missing), |_| None).is_err());
    }
}
