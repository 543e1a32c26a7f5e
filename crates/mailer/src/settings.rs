//! What the sender needs to know, passed in explicitly (the CLI reads it from `[smtp]`).

use std::time::Duration;

use lettre::message::Mailbox;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// Plain text: only for a relay on the same machine or a trusted network.
    None,
    /// Plain connection upgraded with STARTTLS, which the server must offer (usually port 587).
    Starttls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl TlsMode {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "none" => Some(Self::None),
            "starttls" => Some(Self::Starttls),
            "tls" => Some(Self::Tls),
            _ => None,
        }
    }
}

/// A secret that never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The sender's settings (docs/configuration.md, `[smtp]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailerSettings {
    pub host: String,
    pub port: u16,
    pub tls: TlsMode,
    pub username: Option<String>,
    pub password: Option<Secret>,
    /// The From address, e.g. `carematch <noreply@example.org>`.
    pub from: String,
    /// The right-hand side of every Message-ID (`<uuid@domain>`).
    pub message_id_domain: String,
    /// How long an idle sender waits before looking for due messages again.
    pub poll_interval: Duration,
    /// How long a claim keeps other senders off a message; past it, a sender that died is
    /// taken to be gone. At least twice [`MailerSettings::timeout`]; a send still going on when
    /// its claim lapses may be sent again by another sender (with the same Message-ID).
    pub lease: Duration,
    /// Limit on each SMTP read and write (connect, every command, the data).
    pub timeout: Duration,
    /// Attempts before a message that keeps failing transiently fails.
    pub max_attempts: u32,
    /// The wait after the first failed attempt; it doubles with each further one.
    pub backoff_base: Duration,
    /// The longest wait between attempts.
    pub backoff_max: Duration,
}

impl MailerSettings {
    /// Settings for `host` with the defaults for the rest: port 587 with STARTTLS, a 5 s poll,
    /// a 120 s lease, 30 s timeouts, 8 attempts backing off from 30 s to at most 1 h.
    pub fn new(host: &str, from: &str, message_id_domain: &str) -> Self {
        Self {
            host: host.to_owned(),
            port: 587,
            tls: TlsMode::Starttls,
            username: None,
            password: None,
            from: from.to_owned(),
            message_id_domain: message_id_domain.to_owned(),
            poll_interval: Duration::from_secs(5),
            lease: Duration::from_secs(120),
            timeout: Duration::from_secs(30),
            max_attempts: 8,
            backoff_base: Duration::from_secs(30),
            backoff_max: Duration::from_secs(3600),
        }
    }

    /// Checks the settings; the parsed From address.
    pub fn check(&self) -> Result<Mailbox, SettingsError> {
        let bad = |field: &'static str, reason: &str| SettingsError {
            field,
            reason: reason.to_owned(),
        };
        if self.host.trim().is_empty() {
            return Err(bad("host", "is empty"));
        }
        let from: Mailbox = self
            .from
            .parse()
            .map_err(|e| bad("from", &format!("is not an e-mail address: {e}")))?;
        let domain = &self.message_id_domain;
        if domain.is_empty()
            || !domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            return Err(bad(
                "message_id_domain",
                "must be a domain name (letters, digits, dots and hyphens)",
            ));
        }
        if self.poll_interval.is_zero() {
            return Err(bad("poll_interval", "must be above zero"));
        }
        if self.timeout.is_zero() {
            return Err(bad("timeout", "must be above zero"));
        }
        if self.lease < self.timeout * 2 {
            return Err(bad(
                "lease",
                "must be at least twice the timeout (a send that outlives its claim may be sent twice)",
            ));
        }
        if self.max_attempts == 0 {
            return Err(bad("max_attempts", "must be at least 1"));
        }
        if self.backoff_base.is_zero() || self.backoff_max < self.backoff_base {
            return Err(bad(
                "backoff_base",
                "must be above zero and at most backoff_max",
            ));
        }
        if self.password.is_some() && self.username.is_none() {
            return Err(bad("password", "is set without a username"));
        }
        Ok(from)
    }
}

/// A setting that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("smtp setting {field} {reason}")]
pub struct SettingsError {
    pub field: &'static str,
    pub reason: String,
}
