//! Enquiries from the public to the agency that holds a record, their history, and the mails
//! they cause, each mail queued in the same transaction as the change it reports
//! ([`crate::outbox::enqueue`]).
//!
//! Personal data (the person's name and contact details, the message, agencies' notes) live in
//! `enquiries`, `enquiry_events` and `outbox` only, and leave with the enquiry: withdrawal by the
//! person ([`Store::withdraw_enquiries`]) and the retention purge ([`Store::purge_enquiries`])
//! delete all three. Nothing here logs them.
//!
//! The store keeps what it is given: references, the hash of the private token and the
//! duplicate key are made by the service, which also words the mails.

use std::collections::BTreeMap;

use carematch_domain::enquiry::{
    CloseReason, ContactBy, ContactDetails, EnquiryItem, EnquiryNeeds, EnquiryStatus,
    InterfaceLocale,
};
use carematch_domain::{AgencyId, vocabulary::Code, vocabulary::Language};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::codec::{from_json, from_naive, to_json, to_naive};
use crate::error::StoreError;
use crate::outbox::{NewMail, enqueue};
use crate::schema::{enquiries, enquiry_events, outbox};
use crate::{Page, Paged, Store};

/// How long the same contact, items and message count as a duplicate of an earlier enquiry.
pub const DUPLICATE_WINDOW_HOURS: i64 = 24;

/// A stored enquiry (to one agency).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enquiry {
    pub id: i64,
    /// Its own reference (`CM-7K3Q-9XWD`).
    pub reference: String,
    /// The reference of the batch it was sent in (one per agency concerned).
    pub batch: String,
    /// SHA-256 (hex) of the private token of the person's status link.
    pub access_hash: String,
    pub agency_id: AgencyId,
    pub name: String,
    pub contact: ContactDetails,
    pub items: Vec<EnquiryItem>,
    pub message: String,
    pub needs: EnquiryNeeds,
    pub outward_code: Option<String>,
    pub authority_code: Option<String>,
    pub locale: InterfaceLocale,
    pub status: EnquiryStatus,
    pub close_reason: Option<CloseReason>,
    pub consent_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// One line of an enquiry's history: a status change (with its reason), a note, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryEvent {
    pub id: i64,
    pub enquiry_id: i64,
    pub at: DateTime<Utc>,
    /// Who: `person`, `api key 7`, `console (key 7)`.
    pub actor: String,
    pub status: Option<EnquiryStatus>,
    pub close_reason: Option<CloseReason>,
    pub note: Option<String>,
}

/// What the person sent, shared by every enquiry of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnquiryContent {
    pub name: String,
    pub contact: ContactDetails,
    pub message: String,
    pub needs: EnquiryNeeds,
    pub outward_code: Option<String>,
    pub authority_code: Option<String>,
    pub locale: InterfaceLocale,
}

/// One enquiry of a batch to write: to `agency`, about `items`, with the mail to the agency
/// (its `enquiry` is filled in once the row has its id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEnquiry {
    pub reference: String,
    pub agency: AgencyId,
    pub items: Vec<EnquiryItem>,
    pub mail: Option<NewMail>,
}

/// A batch to write, all or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBatch {
    pub batch: String,
    pub access_hash: String,
    /// A hash of the contact, the items and the message ([`DUPLICATE_WINDOW_HOURS`]).
    pub dedupe_key: String,
    pub content: EnquiryContent,
    pub enquiries: Vec<NewEnquiry>,
    pub at: DateTime<Utc>,
}

/// What [`Store::create_enquiries`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchOutcome {
    Created(Vec<Enquiry>),
    /// The same enquiry was sent within [`DUPLICATE_WINDOW_HOURS`]: those enquiries, and
    /// nothing was written.
    Duplicate(Vec<Enquiry>),
}

/// A change an agency records ([`Store::record_enquiry_event`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventChange {
    pub actor: String,
    pub status: Option<EnquiryStatus>,
    pub close_reason: Option<CloseReason>,
    pub note: Option<String>,
}

/// A status change that the enquiry's status does not allow (nothing was written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionRefused {
    pub current: EnquiryStatus,
}

/// Counts of enquiries (every agency's, no personal data): by status and by month sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnquiryCounts {
    pub by_status: BTreeMap<EnquiryStatus, u64>,
    /// `YYYY-MM` of `created_at`.
    pub by_month: BTreeMap<String, u64>,
    pub total: u64,
}

/// A queued mail about an enquiry, as the outbox holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub kind: String,
    pub agency_id: Option<AgencyId>,
    pub enquiry_id: Option<i64>,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

type Row = (
    (i64, String, String, String, i64, String),
    (Option<String>, Option<String>, Option<String>, String),
    (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
    ),
    (String, Option<String>),
    (
        NaiveDateTime,
        NaiveDateTime,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    ),
);

macro_rules! columns {
    () => {
        (
            (
                enquiries::id,
                enquiries::reference,
                enquiries::access_hash,
                enquiries::batch,
                enquiries::agency_id,
                enquiries::name,
            ),
            (
                enquiries::phone,
                enquiries::email,
                enquiries::callback_language,
                enquiries::contact_by,
            ),
            (
                enquiries::items,
                enquiries::message,
                enquiries::needs,
                enquiries::outward_code,
                enquiries::authority_code,
                enquiries::locale,
            ),
            (enquiries::status, enquiries::close_reason),
            (
                enquiries::consent_at,
                enquiries::created_at,
                enquiries::updated_at,
                enquiries::contacted_at,
                enquiries::introduced_at,
                enquiries::closed_at,
            ),
        )
    };
}

fn from_row(row: Row) -> Result<Enquiry, StoreError> {
    let (
        (id, reference, access_hash, batch, agency_id, name),
        (phone, email, callback_language, contact_by),
        (items, message, needs, outward_code, authority_code, locale),
        (status, close_reason),
        (consent_at, created_at, updated_at, contacted_at, introduced_at, closed_at),
    ) = row;
    let corrupt = |reason: String| StoreError::corrupt("enquiries", id, reason);
    let by =
        ContactBy::parse(&contact_by).ok_or_else(|| corrupt(format!("contact_by {contact_by}")))?;
    let callback_language = callback_language
        .map(|code| Language::parse(&code).map_err(|e| corrupt(e.to_string())))
        .transpose()?;
    let status =
        EnquiryStatus::parse(&status).ok_or_else(|| corrupt(format!("status {status}")))?;
    let close_reason = close_reason
        .map(|r| CloseReason::parse(&r).ok_or_else(|| corrupt(format!("close_reason {r}"))))
        .transpose()?;
    let locale =
        InterfaceLocale::parse(&locale).ok_or_else(|| corrupt(format!("locale {locale}")))?;
    Ok(Enquiry {
        id,
        reference,
        batch,
        access_hash,
        agency_id: AgencyId(agency_id),
        name,
        contact: ContactDetails {
            by,
            phone,
            email,
            callback_language,
        },
        items: from_json("items", &items).map_err(corrupt)?,
        message,
        needs: from_json("needs", &needs).map_err(corrupt)?,
        outward_code,
        authority_code,
        locale,
        status,
        close_reason,
        consent_at: from_naive(consent_at),
        created_at: from_naive(created_at),
        updated_at: from_naive(updated_at),
        contacted_at: contacted_at.map(from_naive),
        introduced_at: introduced_at.map(from_naive),
        closed_at: closed_at.map(from_naive),
    })
}

fn load(
    conn: &mut DbConnection,
    query: enquiries::BoxedQuery<'_, crate::backend::MultiBackend>,
) -> Result<Vec<Enquiry>, StoreError> {
    let rows: Vec<Row> = query.select(columns!()).load(conn)?;
    rows.into_iter().map(from_row).collect()
}

/// Enquiries an agency may see: its own (`Some`), or every agency's (`None`, admins).
fn scoped(scope: Option<AgencyId>) -> enquiries::BoxedQuery<'static, crate::backend::MultiBackend> {
    let mut query = enquiries::table.into_boxed();
    if let Some(agency) = scope {
        query = query.filter(enquiries::agency_id.eq(agency.0));
    }
    query
}

fn get(conn: &mut DbConnection, scope: Option<AgencyId>, id: i64) -> Result<Enquiry, StoreError> {
    load(conn, scoped(scope).filter(enquiries::id.eq(id)))?
        .pop()
        .ok_or(StoreError::NotFound {
            entity: "enquiry",
            id,
        })
}

fn events_of(conn: &mut DbConnection, id: i64) -> Result<Vec<EnquiryEvent>, StoreError> {
    type EventRow = (
        i64,
        i64,
        NaiveDateTime,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<EventRow> = enquiry_events::table
        .filter(enquiry_events::enquiry_id.eq(id))
        .order(enquiry_events::id.asc())
        .select((
            enquiry_events::id,
            enquiry_events::enquiry_id,
            enquiry_events::at,
            enquiry_events::actor,
            enquiry_events::status,
            enquiry_events::close_reason,
            enquiry_events::note,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, enquiry_id, at, actor, status, close_reason, note)| {
            let corrupt = |what: String| StoreError::corrupt("enquiry_events", id, what);
            Ok(EnquiryEvent {
                id,
                enquiry_id,
                at: from_naive(at),
                actor,
                status: status
                    .map(|s| EnquiryStatus::parse(&s).ok_or_else(|| corrupt(format!("status {s}"))))
                    .transpose()?,
                close_reason: close_reason
                    .map(|r| CloseReason::parse(&r).ok_or_else(|| corrupt(format!("reason {r}"))))
                    .transpose()?,
                note,
            })
        })
        .collect()
}

fn insert_event(
    conn: &mut DbConnection,
    enquiry: i64,
    change: &EventChange,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    diesel::insert_into(enquiry_events::table)
        .values((
            enquiry_events::enquiry_id.eq(enquiry),
            enquiry_events::at.eq(to_naive(at)),
            enquiry_events::actor.eq(&change.actor),
            enquiry_events::status.eq(change.status.map(EnquiryStatus::code)),
            enquiry_events::close_reason.eq(change.close_reason.map(CloseReason::code)),
            enquiry_events::note.eq(&change.note),
        ))
        .execute(conn)?;
    Ok(())
}

fn insert_batch(conn: &mut DbConnection, batch: &NewBatch) -> Result<BatchOutcome, StoreError> {
    let since = to_naive(batch.at - Duration::hours(DUPLICATE_WINDOW_HOURS));
    let earlier = load(
        conn,
        enquiries::table
            .into_boxed()
            .filter(enquiries::dedupe_key.eq(&batch.dedupe_key))
            .filter(enquiries::created_at.gt(since))
            .order(enquiries::id.asc()),
    )?;
    if let Some(first) = earlier.first() {
        let same_batch = first.batch.clone();
        return Ok(BatchOutcome::Duplicate(
            earlier
                .into_iter()
                .filter(|e| e.batch == same_batch)
                .collect(),
        ));
    }
    let content = &batch.content;
    let at = to_naive(batch.at);
    let needs = to_json("needs", &content.needs)?;
    let mut ids = Vec::with_capacity(batch.enquiries.len());
    for new in &batch.enquiries {
        Store::require_agency(conn, new.agency)?;
        let id: i64 = diesel::insert_into(enquiries::table)
            .values((
                (
                    enquiries::reference.eq(&new.reference),
                    enquiries::access_hash.eq(&batch.access_hash),
                    enquiries::batch.eq(&batch.batch),
                    enquiries::agency_id.eq(new.agency.0),
                    enquiries::name.eq(&content.name),
                    enquiries::phone.eq(&content.contact.phone),
                    enquiries::email.eq(&content.contact.email),
                    enquiries::callback_language
                        .eq(content.contact.callback_language.map(Language::code)),
                    enquiries::contact_by.eq(content.contact.by.code()),
                    enquiries::items.eq(to_json("items", &new.items)?),
                    enquiries::message.eq(&content.message),
                    enquiries::needs.eq(&needs),
                ),
                (
                    enquiries::outward_code.eq(&content.outward_code),
                    enquiries::authority_code.eq(&content.authority_code),
                    enquiries::locale.eq(content.locale.tag()),
                    enquiries::dedupe_key.eq(&batch.dedupe_key),
                    enquiries::status.eq(EnquiryStatus::New.code()),
                    enquiries::consent_at.eq(at),
                    enquiries::created_at.eq(at),
                    enquiries::updated_at.eq(at),
                ),
            ))
            .returning(enquiries::id)
            .get_result(conn)?;
        let created = EventChange {
            actor: "person".into(),
            status: Some(EnquiryStatus::New),
            close_reason: None,
            note: None,
        };
        insert_event(conn, id, &created, batch.at)?;
        if let Some(mail) = &new.mail {
            let mail = NewMail {
                enquiry: Some(id),
                ..mail.clone()
            };
            enqueue(conn, &mail, batch.at)?;
        }
        ids.push(id);
    }
    let created = load(
        conn,
        enquiries::table
            .into_boxed()
            .filter(enquiries::id.eq_any(&ids))
            .order(enquiries::id.asc()),
    )?;
    Ok(BatchOutcome::Created(created))
}

fn record(
    conn: &mut DbConnection,
    scope: Option<AgencyId>,
    id: i64,
    change: &EventChange,
    at: DateTime<Utc>,
    compose: impl FnOnce(&Enquiry) -> Option<NewMail>,
) -> Result<Result<Enquiry, TransitionRefused>, StoreError> {
    let current = get(conn, scope, id)?;
    if let Some(to) = change.status {
        if !current.status.can_move_to(to) {
            return Ok(Err(TransitionRefused {
                current: current.status,
            }));
        }
        let naive = to_naive(at);
        // Moving past a step marks it too: an introduction implies the person was contacted.
        let reached = |step: EnquiryStatus, was: Option<DateTime<Utc>>| {
            if to >= step && to != EnquiryStatus::Closed {
                was.map(to_naive).or(Some(naive))
            } else {
                was.map(to_naive)
            }
        };
        diesel::update(enquiries::table.filter(enquiries::id.eq(id)))
            .set((
                enquiries::status.eq(to.code()),
                enquiries::close_reason.eq(change.close_reason.map(CloseReason::code)),
                enquiries::updated_at.eq(naive),
                enquiries::contacted_at.eq(reached(EnquiryStatus::Contacted, current.contacted_at)),
                enquiries::introduced_at
                    .eq(reached(EnquiryStatus::Introduced, current.introduced_at)),
                enquiries::closed_at.eq((to == EnquiryStatus::Closed).then_some(naive)),
            ))
            .execute(conn)?;
    } else {
        diesel::update(enquiries::table.filter(enquiries::id.eq(id)))
            .set(enquiries::updated_at.eq(to_naive(at)))
            .execute(conn)?;
    }
    insert_event(conn, id, change, at)?;
    let updated = get(conn, scope, id)?;
    if change.status.is_some()
        && let Some(mail) = compose(&updated)
    {
        enqueue(conn, &mail, at)?;
    }
    Ok(Ok(updated))
}

/// Deletes enquiries with their events and every mail about them; returns how many.
fn delete_all(conn: &mut DbConnection, ids: &[i64]) -> Result<usize, StoreError> {
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::delete(outbox::table.filter(outbox::enquiry_id.eq_any(ids))).execute(conn)?;
    diesel::delete(enquiry_events::table.filter(enquiry_events::enquiry_id.eq_any(ids)))
        .execute(conn)?;
    Ok(diesel::delete(enquiries::table.filter(enquiries::id.eq_any(ids))).execute(conn)?)
}

impl Store {
    /// Writes a batch (one enquiry per agency, each with its mail to the agency), all or
    /// nothing; or, when the same enquiry was sent within [`DUPLICATE_WINDOW_HOURS`], writes
    /// nothing and returns the earlier batch. An unknown agency is `NotFound`.
    pub fn create_enquiries(&self, batch: &NewBatch) -> Result<BatchOutcome, StoreError> {
        self.write(|conn| insert_batch(conn, batch))
    }

    /// The enquiries whose own reference, or whose batch's reference, is `reference`.
    pub fn enquiries_by_reference(&self, reference: &str) -> Result<Vec<Enquiry>, StoreError> {
        self.read(|conn| {
            load(
                conn,
                enquiries::table
                    .into_boxed()
                    .filter(
                        enquiries::reference
                            .eq(reference)
                            .or(enquiries::batch.eq(reference)),
                    )
                    .order(enquiries::id.asc()),
            )
        })
    }

    /// One page of enquiries, newest first: an agency's own (`scope`), or all (`None`).
    pub fn list_enquiries(
        &self,
        scope: Option<AgencyId>,
        status: Option<EnquiryStatus>,
        page: Page,
    ) -> Result<Paged<Enquiry>, StoreError> {
        self.read(|conn| {
            let filtered = || {
                let mut query = scoped(scope);
                if let Some(status) = status {
                    query = query.filter(enquiries::status.eq(status.code()));
                }
                query
            };
            let total: i64 = filtered().count().get_result(conn)?;
            let items = load(
                conn,
                filtered()
                    .order(enquiries::id.desc())
                    .limit(page.limit())
                    .offset(page.offset()),
            )?;
            Ok(Paged {
                items,
                total: u64::try_from(total).unwrap_or(0),
            })
        })
    }

    /// One enquiry and its history, if `scope` may see it (another agency's is `NotFound`).
    pub fn get_enquiry(
        &self,
        scope: Option<AgencyId>,
        id: i64,
    ) -> Result<(Enquiry, Vec<EnquiryEvent>), StoreError> {
        self.read(|conn| {
            let enquiry = get(conn, scope, id)?;
            let events = events_of(conn, id)?;
            Ok((enquiry, events))
        })
    }

    /// Records a status change and/or a note, with who and when; a status change the enquiry's
    /// status does not allow writes nothing (`Ok(Err(..))`). After a status change, `compose`
    /// may word a mail to the person (given the enquiry as changed), queued in the same
    /// transaction.
    pub fn record_enquiry_event(
        &self,
        scope: Option<AgencyId>,
        id: i64,
        change: &EventChange,
        at: DateTime<Utc>,
        compose: impl FnOnce(&Enquiry) -> Option<NewMail>,
    ) -> Result<Result<Enquiry, TransitionRefused>, StoreError> {
        self.write(|conn| record(conn, scope, id, change, at, compose))
    }

    /// The person withdraws: deletes these enquiries, their events and every mail about them,
    /// and queues what `notice` words for each (a notice to the agency, without personal
    /// details), in one transaction. Returns how many were deleted.
    pub fn withdraw_enquiries(
        &self,
        ids: &[i64],
        at: DateTime<Utc>,
        notice: impl Fn(&Enquiry) -> Option<NewMail>,
    ) -> Result<usize, StoreError> {
        self.write(|conn| {
            let found = load(
                conn,
                enquiries::table
                    .into_boxed()
                    .filter(enquiries::id.eq_any(ids)),
            )?;
            let ids: Vec<i64> = found.iter().map(|e| e.id).collect();
            let deleted = delete_all(conn, &ids)?;
            for enquiry in &found {
                if let Some(mail) = notice(enquiry) {
                    enqueue(conn, &mail, at)?;
                }
            }
            Ok(deleted)
        })
    }

    /// Retention: deletes enquiries closed before `cutoff`, with their events and mails.
    /// Returns how many.
    pub fn purge_enquiries(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        self.write(|conn| {
            let ids: Vec<i64> = enquiries::table
                .filter(enquiries::closed_at.lt(to_naive(cutoff)))
                .select(enquiries::id)
                .load(conn)?;
            delete_all(conn, &ids)
        })
    }

    /// Counts over every agency's enquiries, by status and by month sent.
    pub fn enquiry_counts(&self) -> Result<EnquiryCounts, StoreError> {
        self.read(|conn| {
            let rows: Vec<(String, NaiveDateTime)> = enquiries::table
                .select((enquiries::status, enquiries::created_at))
                .load(conn)?;
            let mut counts = EnquiryCounts::default();
            for (status, created_at) in rows {
                let status = EnquiryStatus::parse(&status).ok_or_else(|| {
                    StoreError::corrupt("enquiries", "?", format!("status {status}"))
                })?;
                *counts.by_status.entry(status).or_default() += 1;
                *counts
                    .by_month
                    .entry(created_at.format("%Y-%m").to_string())
                    .or_default() += 1;
                counts.total += 1;
            }
            Ok(counts)
        })
    }

    /// Mails about enquiries in the outbox, oldest first: about `enquiry`, or (with `None`)
    /// every mail of an enquiry kind (the person's and the agencies').
    pub fn enquiry_mails(&self, enquiry: Option<i64>) -> Result<Vec<QueuedMail>, StoreError> {
        self.read(|conn| {
            let mut query = outbox::table
                .filter(outbox::kind.like("enquiry%"))
                .into_boxed();
            if let Some(id) = enquiry {
                query = query.filter(outbox::enquiry_id.eq(id));
            }
            type MailRow = (
                i64,
                String,
                Option<i64>,
                Option<i64>,
                String,
                String,
                String,
            );
            let rows: Vec<MailRow> = query
                .order(outbox::id.asc())
                .select((
                    outbox::id,
                    outbox::kind,
                    outbox::agency_id,
                    outbox::enquiry_id,
                    outbox::recipient,
                    outbox::subject,
                    outbox::body,
                ))
                .load(conn)?;
            Ok(rows
                .into_iter()
                .map(
                    |(id, kind, agency_id, enquiry_id, recipient, subject, body)| QueuedMail {
                        id,
                        kind,
                        agency_id: agency_id.map(AgencyId),
                        enquiry_id,
                        recipient,
                        subject,
                        body,
                    },
                )
                .collect())
        })
    }
}
