//! The outbox: e-mail notifications written in the same transaction as the change they report
//! (a new enquiry, a status change, a vacancy alert), so that a committed change always has its
//! message and a rolled-back one never does. A sender (carematch-mailer) delivers them later.
//!
//! [`enqueue`] is for the writers of other modules to call inside their own transaction. The
//! rest is the sender's side (carematch-mailer) and the consoles':
//!
//! - **Claims are leases.** A sender claims a due message (`pending`, `next_attempt_at` passed,
//!   no live claim) by writing its id into `claimed_by` and an expiry into `claimed_until`. The
//!   claim is a write, and writers are serialised ([`crate::WRITER_LOCK`] on PostgreSQL,
//!   `BEGIN IMMEDIATE` on SQLite), so two processes can never claim one message at once; a
//!   sender that dies holds its claim only until the lease lapses, and then another (or itself,
//!   restarted) takes the message up again. Leases are read against each process's clock: keep
//!   the servers' clocks in step (NTP), as any lease needs.
//! - **Attempts are counted when claimed**, so an attempt cut short by a crash counts too.
//! - **Sent** is written right after the SMTP server accepted the message. The one gap no
//!   sender can close (accepted, then the process died before writing `sent`) makes the message
//!   go out again with the same Message-ID (docs/operations.md, "E-mail").

use carematch_domain::AgencyId;
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::codec::{from_naive, now, to_naive};
use crate::error::StoreError;
use crate::schema::outbox;
use crate::{Page, Paged};

/// What a message is about; its code is stored in `outbox.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailKind {
    /// To an agency: a new enquiry about records it holds.
    EnquiryReceived,
    /// To the person who enquired (when they gave an e-mail): their enquiry's status changed.
    EnquiryStatus,
    /// To an agency: a new open vacancy that its PAs match.
    VacancyAlert,
    /// To a vacancy's owner: a PA was put forward, or its status changed.
    VacancyUpdate,
    /// To an account's e-mail: a one-time link to confirm it or to sign in.
    SignInLink,
    /// About the moderation queue: to moderators, something waits; to a submitter, the decision.
    Moderation,
    /// About a PA's own registration: to the agency, a PA to check; to the PA, its decision.
    Vetting,
    /// To whoever manages a record: please confirm it is still true (freshness, at 90 days).
    FreshnessReminder,
    /// A member of the public reported a problem with a listing (to its manager and moderators).
    ProblemReport,
}

impl MailKind {
    pub const ALL: [Self; 9] = [
        Self::EnquiryReceived,
        Self::EnquiryStatus,
        Self::VacancyAlert,
        Self::VacancyUpdate,
        Self::SignInLink,
        Self::Moderation,
        Self::Vetting,
        Self::FreshnessReminder,
        Self::ProblemReport,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::EnquiryReceived => "enquiry_received",
            Self::EnquiryStatus => "enquiry_status",
            Self::VacancyAlert => "vacancy_alert",
            Self::VacancyUpdate => "vacancy_update",
            Self::SignInLink => "sign_in_link",
            Self::Moderation => "moderation",
            Self::Vetting => "vetting",
            Self::FreshnessReminder => "freshness_reminder",
            Self::ProblemReport => "problem_report",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// A message to queue. `agency` is the agency whose console shows it (the recipient agency, or
/// the agency a person's message is about); `enquiry`/`vacancy` tie it to the record whose
/// deletion deletes it too (retention).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub kind: MailKind,
    pub agency: Option<AgencyId>,
    pub enquiry: Option<i64>,
    pub vacancy: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// Queues `mail` on `conn`, inside the caller's transaction; returns the outbox id. The
/// message's Message-ID local part (a random UUID) is fixed now, so that every attempt to send
/// it, also one after a crash, carries the same Message-ID.
pub(crate) fn enqueue(
    conn: &mut DbConnection,
    mail: &NewMail,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let message_id = uuid::Uuid::new_v4().to_string();
    Ok(diesel::insert_into(outbox::table)
        .values((
            outbox::message_id.eq(message_id),
            outbox::kind.eq(mail.kind.code()),
            outbox::agency_id.eq(mail.agency.map(|a| a.0)),
            outbox::enquiry_id.eq(mail.enquiry),
            outbox::vacancy_id.eq(mail.vacancy),
            outbox::recipient.eq(&mail.recipient),
            outbox::subject.eq(&mail.subject),
            outbox::body.eq(&mail.body),
            outbox::status.eq("pending"),
            outbox::attempts.eq(0_i64),
            outbox::next_attempt_at.eq(to_naive(at)),
            outbox::created_at.eq(to_naive(at)),
        ))
        .returning(outbox::id)
        .get_result(conn)?)
}

/// Where a message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailStatus {
    /// Waiting to be sent (also while a sender holds a claim on it, or waits to retry it).
    Pending,
    /// The SMTP server accepted it.
    Sent,
    /// Refused for good, or still failing after the last attempt; an agency or an admin can
    /// send it back to `Pending`.
    Failed,
}

impl MailStatus {
    pub const ALL: [Self; 3] = [Self::Pending, Self::Sent, Self::Failed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }
}

/// A queued message as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub id: i64,
    /// The local part of the Message-ID (`<{message_id}@{domain}>`), fixed when queued.
    pub message_id: String,
    pub kind: MailKind,
    pub agency: Option<AgencyId>,
    pub enquiry: Option<i64>,
    pub vacancy: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub status: MailStatus,
    /// Attempts started (counted when claimed).
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_until: Option<DateTime<Utc>>,
    pub claimed_by: Option<String>,
    /// The last failure, as the SMTP server or the connection reported it.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
#[diesel(check_for_backend(crate::MultiBackend))]
struct OutboxRow {
    id: i64,
    message_id: String,
    kind: String,
    agency_id: Option<i64>,
    enquiry_id: Option<i64>,
    vacancy_id: Option<i64>,
    recipient: String,
    subject: String,
    body: String,
    status: String,
    attempts: i64,
    next_attempt_at: NaiveDateTime,
    claimed_until: Option<NaiveDateTime>,
    claimed_by: Option<String>,
    last_error: Option<String>,
    created_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
}

impl TryFrom<OutboxRow> for OutboxMessage {
    type Error = StoreError;
    fn try_from(row: OutboxRow) -> Result<Self, StoreError> {
        let corrupt = |reason: String| StoreError::corrupt("outbox", row.id, reason);
        let kind =
            MailKind::parse(&row.kind).ok_or_else(|| corrupt(format!("kind {}", row.kind)))?;
        let status = MailStatus::parse(&row.status)
            .ok_or_else(|| corrupt(format!("status {}", row.status)))?;
        let attempts = u32::try_from(row.attempts).map_err(|e| corrupt(e.to_string()))?;
        Ok(Self {
            id: row.id,
            message_id: row.message_id,
            kind,
            agency: row.agency_id.map(AgencyId),
            enquiry: row.enquiry_id,
            vacancy: row.vacancy_id,
            recipient: row.recipient,
            subject: row.subject,
            body: row.body,
            status,
            attempts,
            next_attempt_at: from_naive(row.next_attempt_at),
            claimed_until: row.claimed_until.map(from_naive),
            claimed_by: row.claimed_by,
            last_error: row.last_error,
            created_at: from_naive(row.created_at),
            sent_at: row.sent_at.map(from_naive),
        })
    }
}

/// How failed attempts are retried: after the n-th failed attempt the next waits
/// `base * 2^(n-1)`, at most `max_delay`; after `max_attempts` attempts the message fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub backoff_base: TimeDelta,
    pub max_delay: TimeDelta,
}

impl RetryPolicy {
    /// The wait after the `attempt`-th (1-based) failed attempt.
    pub fn delay_after(&self, attempt: u32) -> TimeDelta {
        let doublings = attempt.saturating_sub(1).min(30);
        self.backoff_base
            .checked_mul(1_i32 << doublings)
            .map_or(self.max_delay, |delay| delay.min(self.max_delay))
    }
}

/// Why an attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again later (a 4xx reply, a connection or TLS error, a timeout).
    Transient,
    /// Will never succeed as it is (a 5xx reply): the message fails at once.
    Permanent,
}

/// Which messages a console or the API lists: one agency's (`None`: all, for admins), and
/// optionally one status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxFilter {
    pub agency: Option<AgencyId>,
    pub status: Option<MailStatus>,
}

/// Messages by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MailCounts {
    pub pending: u64,
    pub sent: u64,
    pub failed: u64,
}

/// Stored errors are cut to this many characters: enough for an SMTP reply.
const ERROR_CHARS: usize = 500;

fn filtered(filter: OutboxFilter) -> outbox::BoxedQuery<'static, crate::MultiBackend> {
    let mut query = outbox::table.into_boxed();
    if let Some(agency) = filter.agency {
        query = query.filter(outbox::agency_id.eq(agency.0));
    }
    if let Some(status) = filter.status {
        query = query.filter(outbox::status.eq(status.code()));
    }
    query
}

/// Ids of up to `limit` messages due at `at` and claimed by nobody (or by a lapsed claim),
/// oldest due first.
fn due_ids(conn: &mut DbConnection, at: NaiveDateTime, limit: i64) -> QueryResult<Vec<i64>> {
    outbox::table
        .select(outbox::id)
        .filter(outbox::status.eq(MailStatus::Pending.code()))
        .filter(outbox::next_attempt_at.le(at))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(at)),
        )
        .order((
            safeguarding().desc(),
            outbox::next_attempt_at.asc(),
            outbox::id.asc(),
        ))
        .limit(limit)
        .load(conn)
}

/// The subject prefix of a safeguarding report's mails ([`MailKind::ProblemReport`]).
pub const SAFEGUARDING_PREFIX: &str = "[SAFEGUARDING]";

/// A safeguarding report's mail: senders take these ahead of everything else due, so that a
/// concern about someone's safety never waits behind a batch of routine alerts.
fn safeguarding() -> diesel::dsl::And<
    diesel::dsl::Eq<outbox::kind, &'static str>,
    diesel::dsl::Like<outbox::subject, String>,
> {
    outbox::kind
        .eq(MailKind::ProblemReport.code())
        .and(outbox::subject.like(format!("{SAFEGUARDING_PREFIX}%")))
}

fn load(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<OutboxMessage>, StoreError> {
    let rows: Vec<OutboxRow> = outbox::table
        .filter(outbox::id.eq_any(ids))
        .order((
            safeguarding().desc(),
            outbox::next_attempt_at.asc(),
            outbox::id.asc(),
        ))
        .select(OutboxRow::as_select())
        .load(conn)?;
    rows.into_iter().map(OutboxMessage::try_from).collect()
}

/// Deletes the messages about an enquiry, inside the caller's transaction (retention, or the
/// person deleting their enquiry); how many.
pub(crate) fn delete_for_enquiry(
    conn: &mut DbConnection,
    enquiry: i64,
) -> Result<usize, StoreError> {
    Ok(diesel::delete(outbox::table.filter(outbox::enquiry_id.eq(enquiry))).execute(conn)?)
}

/// Deletes the messages about a vacancy, inside the caller's transaction; how many.
pub(crate) fn delete_for_vacancy(
    conn: &mut DbConnection,
    vacancy: i64,
) -> Result<usize, StoreError> {
    Ok(diesel::delete(outbox::table.filter(outbox::vacancy_id.eq(vacancy))).execute(conn)?)
}

impl crate::Store {
    /// Queues one message in a transaction of its own (for messages that report no other
    /// change, and for tests); changes that send mail queue it with [`enqueue`] in theirs.
    pub fn queue_mail(&self, mail: &NewMail) -> Result<OutboxMessage, StoreError> {
        self.write(|conn| {
            let id = enqueue(conn, mail, now())?;
            load(conn, &[id])?.pop().ok_or(StoreError::NotFound {
                entity: "message",
                id,
            })
        })
    }

    /// Claims up to `limit` due messages for `claimer` until `at + lease`, counting an attempt
    /// on each; the messages claimed, oldest due first. Looks first without the writer lock, so
    /// an idle sender's polls take no lock.
    pub fn claim_mail(
        &self,
        claimer: &str,
        lease: TimeDelta,
        limit: u32,
        at: DateTime<Utc>,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        let at = to_naive(at);
        let limit = i64::from(limit.max(1));
        if self.read(|conn| Ok(due_ids(conn, at, limit)?))?.is_empty() {
            return Ok(Vec::new());
        }
        self.write(|conn| {
            // Again under the writer lock: what was due a moment ago may be claimed by now.
            let ids = due_ids(conn, at, limit)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
                .set((
                    outbox::claimed_by.eq(claimer),
                    outbox::claimed_until.eq(at + lease),
                    outbox::attempts.eq(outbox::attempts + 1),
                ))
                .execute(conn)?;
            load(conn, &ids)
        })
    }

    /// Records that the SMTP server accepted message `id`, whoever holds its claim now (it was
    /// sent either way); `false` when it was no longer pending (sent already, or deleted).
    pub fn mark_mail_sent(&self, id: i64, at: DateTime<Utc>) -> Result<bool, StoreError> {
        self.write(|conn| {
            let updated = diesel::update(
                outbox::table
                    .filter(outbox::id.eq(id))
                    .filter(outbox::status.eq(MailStatus::Pending.code())),
            )
            .set((
                outbox::status.eq(MailStatus::Sent.code()),
                outbox::sent_at.eq(Some(to_naive(at))),
                outbox::claimed_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(None::<String>),
            ))
            .execute(conn)?;
            Ok(updated == 1)
        })
    }

    /// Records a failed attempt at message `id` by `claimer`: a permanent failure, or a
    /// transient one after `policy.max_attempts` attempts, fails it; otherwise it waits
    /// [`RetryPolicy::delay_after`] its attempts. The new status; `None` when `claimer` no longer
    /// holds the message (its lease lapsed and another sender took it, or it was deleted).
    pub fn record_mail_failure(
        &self,
        id: i64,
        claimer: &str,
        failure: Failure,
        error: &str,
        policy: &RetryPolicy,
        at: DateTime<Utc>,
    ) -> Result<Option<MailStatus>, StoreError> {
        let error: String = error.chars().take(ERROR_CHARS).collect();
        self.write(|conn| {
            let held = outbox::table
                .filter(outbox::id.eq(id))
                .filter(outbox::status.eq(MailStatus::Pending.code()))
                .filter(outbox::claimed_by.eq(claimer))
                .select(OutboxRow::as_select())
                .first(conn)
                .optional()?;
            let Some(row) = held else { return Ok(None) };
            let message = OutboxMessage::try_from(row)?;
            let status = if failure == Failure::Permanent || message.attempts >= policy.max_attempts
            {
                MailStatus::Failed
            } else {
                MailStatus::Pending
            };
            let next = at + policy.delay_after(message.attempts);
            diesel::update(outbox::table.filter(outbox::id.eq(id)))
                .set((
                    outbox::status.eq(status.code()),
                    outbox::next_attempt_at.eq(to_naive(next)),
                    outbox::claimed_until.eq(None::<NaiveDateTime>),
                    outbox::claimed_by.eq(None::<String>),
                    outbox::last_error.eq(Some(&error)),
                ))
                .execute(conn)?;
            Ok(Some(status))
        })
    }

    /// Sends a failed message back to the queue (due now, its attempts counted afresh). With
    /// `agency`, only that agency's message: another's is `NotFound`, as if it did not exist.
    /// `Ok(None)` when the message is not failed (nothing to retry).
    pub fn retry_mail(
        &self,
        id: i64,
        agency: Option<AgencyId>,
    ) -> Result<Option<OutboxMessage>, StoreError> {
        let not_found = StoreError::NotFound {
            entity: "message",
            id,
        };
        self.write(|conn| {
            let mut query = outbox::table.filter(outbox::id.eq(id)).into_boxed();
            if let Some(agency) = agency {
                query = query.filter(outbox::agency_id.eq(agency.0));
            }
            let row = query
                .select(OutboxRow::as_select())
                .first(conn)
                .optional()?
                .ok_or(not_found)?;
            if OutboxMessage::try_from(row)?.status != MailStatus::Failed {
                return Ok(None);
            }
            diesel::update(outbox::table.filter(outbox::id.eq(id)))
                .set((
                    outbox::status.eq(MailStatus::Pending.code()),
                    outbox::attempts.eq(0_i64),
                    outbox::next_attempt_at.eq(to_naive(now())),
                ))
                .execute(conn)?;
            Ok(load(conn, &[id])?.pop())
        })
    }

    /// One message; with `agency`, only that agency's.
    pub fn get_mail(
        &self,
        id: i64,
        agency: Option<AgencyId>,
    ) -> Result<Option<OutboxMessage>, StoreError> {
        self.read(|conn| {
            let mut query = outbox::table.filter(outbox::id.eq(id)).into_boxed();
            if let Some(agency) = agency {
                query = query.filter(outbox::agency_id.eq(agency.0));
            }
            query
                .select(OutboxRow::as_select())
                .first(conn)
                .optional()?
                .map(OutboxMessage::try_from)
                .transpose()
        })
    }

    /// Messages matching `filter`, newest first, one page at a time, with the total.
    pub fn list_mail(
        &self,
        filter: OutboxFilter,
        page: Page,
    ) -> Result<Paged<OutboxMessage>, StoreError> {
        self.read(|conn| {
            let total: i64 = filtered(filter).count().get_result(conn)?;
            let rows: Vec<OutboxRow> = filtered(filter)
                .order(outbox::id.desc())
                .limit(page.limit())
                .offset(page.offset())
                .select(OutboxRow::as_select())
                .load(conn)?;
            Ok(Paged {
                items: rows
                    .into_iter()
                    .map(OutboxMessage::try_from)
                    .collect::<Result<_, _>>()?,
                total: u64::try_from(total)
                    .map_err(|e| StoreError::corrupt("outbox", "count", e))?,
            })
        })
    }

    /// How many messages of one agency (`None`: all) are pending, sent and failed.
    pub fn count_mail(&self, agency: Option<AgencyId>) -> Result<MailCounts, StoreError> {
        self.read(|conn| {
            let mut count = |status: MailStatus| -> Result<u64, StoreError> {
                let filter = OutboxFilter {
                    agency,
                    status: Some(status),
                };
                let n: i64 = filtered(filter).count().get_result(conn)?;
                u64::try_from(n).map_err(|e| StoreError::corrupt("outbox", "count", e))
            };
            let counts = MailCounts {
                pending: count(MailStatus::Pending)?,
                sent: count(MailStatus::Sent)?,
                failed: count(MailStatus::Failed)?,
            };
            Ok(counts)
        })
    }

    /// Deletes the messages about enquiry `enquiry`; how many.
    pub fn delete_mail_of_enquiry(&self, enquiry: i64) -> Result<usize, StoreError> {
        self.write(|conn| delete_for_enquiry(conn, enquiry))
    }

    /// Deletes the messages about vacancy `vacancy`; how many.
    pub fn delete_mail_of_vacancy(&self, vacancy: i64) -> Result<usize, StoreError> {
        self.write(|conn| delete_for_vacancy(conn, vacancy))
    }
}
