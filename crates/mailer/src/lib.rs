//! carematch's outbox sender: takes the e-mail that writers queued in the outbox (in the same
//! transaction as the change each reports) and delivers it over SMTP.
//!
//! - **One message at a time, under a lease.** [`Mailer::send_due`] claims one due message
//!   ([`carematch_store::Store::claim_mail`]), sends it, and marks it sent as soon as the server
//!   accepted it; then the next, until none is due. The lease only has to cover one send, so it
//!   is checked against the SMTP timeout ([`MailerSettings::check`]). Any number of senders, in
//!   any number of processes, may run against one database: a claim is a serialised write, so no
//!   two hold one message at once.
//! - **Stable Message-IDs.** Every message carries `Message-ID: <{message_id}@{domain}>`, fixed
//!   when it was queued, and its `Date` is when it was queued: a message sent again after a crash
//!   (the server accepted it and the sender died before marking it sent, the one window no sender
//!   can close) is recognisably the same message, and receivers drop the duplicate.
//! - **Failures.** A `5xx` reply fails the message at once; a `4xx` reply, a connection, TLS or
//!   timeout error is retried with exponential backoff until the last attempt
//!   ([`carematch_store::RetryPolicy`]).
//! - **Privacy.** Logs carry outbox ids, attempt counts and SMTP reply codes only: never a
//!   recipient, a subject or a body (they are personal data).
//!
//! [`Sender::spawn`] runs the loop on a thread of its own; [`Sender::stop`] ends it and joins it.

mod settings;

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use carematch_store::{Failure, MailStatus, OutboxMessage, RetryPolicy, Store, StoreError};
use chrono::{TimeDelta, Utc};
use lettre::Transport;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::SmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;

pub use settings::{MailerSettings, Secret, SettingsError, TlsMode};

/// Why the sender could not start or a round could not run.
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("TLS set-up for {host}: {source}")]
    Tls {
        host: String,
        #[source]
        source: lettre::transport::smtp::Error,
    },
    #[error("outbox: {0}")]
    Store(#[from] StoreError),
}

/// What one [`Mailer::send_due`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    /// Accepted by the SMTP server.
    pub sent: u32,
    /// Failed this time, to be tried again later.
    pub retrying: u32,
    /// Failed for good (a `5xx` reply, or the last attempt).
    pub failed: u32,
}

impl Round {
    pub fn attempted(&self) -> u32 {
        self.sent + self.retrying + self.failed
    }
}

/// Delivers the outbox over one SMTP relay.
pub struct Mailer {
    store: Store,
    settings: MailerSettings,
    transport: SmtpTransport,
    from: Mailbox,
    /// This sender's name in `outbox.claimed_by`: unique per process and sender.
    claimer: String,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("settings", &self.settings)
            .field("claimer", &self.claimer)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A sender over `store` with these settings (checked first).
    pub fn new(store: Store, settings: MailerSettings) -> Result<Self, MailerError> {
        let from = settings.check()?;
        let tls = |host: &str| {
            TlsParameters::new(host.to_owned()).map_err(|source| MailerError::Tls {
                host: host.to_owned(),
                source,
            })
        };
        let tls = match settings.tls {
            TlsMode::None => Tls::None,
            TlsMode::Starttls => Tls::Required(tls(&settings.host)?),
            TlsMode::Tls => Tls::Wrapper(tls(&settings.host)?),
        };
        let mut builder = SmtpTransport::builder_dangerous(settings.host.clone())
            .port(settings.port)
            .tls(tls)
            .timeout(Some(settings.timeout))
            .hello_name(ClientId::Domain(settings.message_id_domain.clone()));
        if let Some(username) = &settings.username {
            let password = settings
                .password
                .as_ref()
                .map(|p| p.expose().to_owned())
                .unwrap_or_default();
            builder = builder.credentials(Credentials::new(username.clone(), password));
        }
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Ok(Self {
            store,
            transport: builder.build(),
            from,
            claimer: format!("pid{}-{nanos:08x}", std::process::id()),
            settings,
        })
    }

    /// This sender's name in `outbox.claimed_by`.
    pub fn claimer(&self) -> &str {
        &self.claimer
    }

    fn policy(&self) -> RetryPolicy {
        RetryPolicy {
            max_attempts: self.settings.max_attempts,
            backoff_base: delta(self.settings.backoff_base),
            max_delay: delta(self.settings.backoff_max),
        }
    }

    /// Sends every message due now, one claim at a time, until none is due or `stop` is asked
    /// for between two messages.
    pub fn send_due(&self, stop: &Stop) -> Result<Round, MailerError> {
        let mut round = Round::default();
        while !stop.requested() {
            let lease = delta(self.settings.lease);
            let Some(message) = self
                .store
                .claim_mail(&self.claimer, lease, 1, Utc::now())?
                .pop()
            else {
                break;
            };
            match self.deliver(&message)? {
                MailStatus::Sent => round.sent += 1,
                MailStatus::Pending => round.retrying += 1,
                MailStatus::Failed => round.failed += 1,
            }
        }
        Ok(round)
    }

    /// One attempt at a claimed message; its status afterwards.
    fn deliver(&self, message: &OutboxMessage) -> Result<MailStatus, MailerError> {
        let email = match self.build(message) {
            Ok(email) => email,
            Err(reason) => {
                tracing::warn!(outbox_id = message.id, reason, "message cannot be built");
                return self.failed(message, Failure::Permanent, reason);
            }
        };
        match self.transport.send(&email) {
            Ok(_) => {
                self.mark_sent(message)?;
                tracing::info!(
                    outbox_id = message.id,
                    attempts = message.attempts,
                    "message sent"
                );
                Ok(MailStatus::Sent)
            }
            Err(error) => {
                let failure = if error.is_permanent() {
                    Failure::Permanent
                } else {
                    Failure::Transient
                };
                // The reply code only: the server's text may quote the recipient's address.
                let code = error.status().map(|code| code.to_string());
                tracing::warn!(
                    outbox_id = message.id,
                    attempts = message.attempts,
                    code = code.as_deref().unwrap_or("none"),
                    permanent = failure == Failure::Permanent,
                    "delivery failed"
                );
                self.failed(message, failure, &error.to_string())
            }
        }
    }

    /// Marks a message the server accepted as sent, trying a few times: every failure here
    /// widens the window in which it would be sent again.
    fn mark_sent(&self, message: &OutboxMessage) -> Result<(), MailerError> {
        let mut tries = 0;
        loop {
            match self.store.mark_mail_sent(message.id, Utc::now()) {
                Ok(_) => return Ok(()),
                Err(error) if tries < 3 => {
                    tries += 1;
                    tracing::warn!(outbox_id = message.id, %error, "marking a message sent; trying again");
                    std::thread::sleep(Duration::from_millis(200 * tries));
                }
                Err(error) => return Err(error.into()),
            }
        }
    }

    fn failed(
        &self,
        message: &OutboxMessage,
        failure: Failure,
        error: &str,
    ) -> Result<MailStatus, MailerError> {
        let status = self.store.record_mail_failure(
            message.id,
            &self.claimer,
            failure,
            error,
            &self.policy(),
            Utc::now(),
        )?;
        // None: our lease lapsed and another sender holds the message now; it is theirs.
        Ok(status.unwrap_or(MailStatus::Pending))
    }

    /// The e-mail for an outbox message: From the settings, To its recipient, its subject and
    /// plain-text body, its fixed Message-ID, and the Date it was queued.
    fn build(&self, message: &OutboxMessage) -> Result<Message, &'static str> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|_| "the recipient is not an e-mail address")?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .message_id(Some(message_id(message, &self.settings.message_id_domain)))
            .date(SystemTime::from(message.created_at))
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())
            .map_err(|_| "the message cannot be built")
    }

    /// Sends what is due, then waits for the poll interval (or a stop), until stopped. A failed
    /// round (the database unreachable) is logged and tried again after the interval.
    pub fn run(&self, stop: &Stop) {
        tracing::info!(claimer = %self.claimer, host = %self.settings.host, port = self.settings.port, "outbox sender started");
        while !stop.requested() {
            match self.send_due(stop) {
                Ok(round) if round.attempted() > 0 => tracing::info!(
                    sent = round.sent,
                    retrying = round.retrying,
                    failed = round.failed,
                    "outbox round"
                ),
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "outbox round failed; trying again later"),
            }
            stop.wait(self.settings.poll_interval);
        }
        tracing::info!(claimer = %self.claimer, "outbox sender stopped");
    }
}

/// `<{message_id}@{domain}>`, the Message-ID every attempt at `message` carries.
pub fn message_id(message: &OutboxMessage, domain: &str) -> String {
    format!("<{}@{domain}>", message.message_id)
}

fn delta(duration: Duration) -> TimeDelta {
    TimeDelta::from_std(duration).unwrap_or(TimeDelta::MAX)
}

/// A request to stop, waited on without spinning.
#[derive(Debug, Default)]
pub struct Stop {
    requested: Mutex<bool>,
    changed: Condvar,
}

impl Stop {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    pub fn request(&self) {
        *self
            .requested
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = true;
        self.changed.notify_all();
    }

    pub fn requested(&self) -> bool {
        *self
            .requested
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits up to `timeout`, returning early when a stop is requested.
    pub fn wait(&self, timeout: Duration) {
        let guard = self
            .requested
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let _ = self
            .changed
            .wait_timeout_while(guard, timeout, |requested| !*requested)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// A [`Mailer`] running on a thread of its own.
#[derive(Debug)]
pub struct Sender {
    stop: Arc<Stop>,
    thread: Option<JoinHandle<()>>,
}

impl Sender {
    /// Starts `mailer`'s loop on a thread named `outbox-sender`.
    pub fn spawn(mailer: Mailer) -> std::io::Result<Self> {
        let stop = Stop::new();
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("outbox-sender".into())
                .spawn(move || mailer.run(&stop))?
        };
        Ok(Self {
            stop,
            thread: Some(thread),
        })
    }

    /// Asks the loop to stop and waits for it: a send in progress finishes (bounded by the
    /// SMTP timeout) and is marked, so nothing is left half done by a clean stop.
    pub fn stop(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        self.stop.request();
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::error!("the outbox sender thread panicked");
        }
    }
}

impl Drop for Sender {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}
