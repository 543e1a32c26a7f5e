//! The freshness sweep's writes: reminders for records unconfirmed for
//! [`REMIND_AFTER_DAYS`], hiding for [`HIDE_AFTER_DAYS`] (docs/listings.md, "Freshness").
//! Each reminder's mail is queued in the transaction that sets `reminded_on`, so a record is
//! reminded at most once per confirmation and never without its mail.

use carematch_domain::listing::{HIDE_AFTER_DAYS, REMIND_AFTER_DAYS};
use carematch_domain::{Actor, AgencyId, HistoryOp};
use chrono::{DateTime, Days, NaiveDate, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::changes::{self, ChangeOp, Entity};
use crate::error::StoreError;
use crate::history;
use crate::outbox::{self, NewMail};
use crate::schema::{agencies, api_keys, carers, organisations, providers};

/// A record due a reminder, for the caller to write its mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReminder {
    pub entity: Entity,
    pub id: i64,
    /// The PA's or provider's name, for the mail.
    pub name: String,
    pub last_confirmed_on: NaiveDate,
    /// The managing agency, when there is one (the mail is filed under it).
    pub agency: Option<AgencyId>,
    /// Where the reminder goes; `None` when the manager left no address.
    pub recipient: Option<String>,
}

/// A reminder's subject and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderText {
    pub subject: String,
    pub body: String,
}

/// What one sweep did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SweepSummary {
    /// Records reminded (mailed or not), as `(entity, id)`.
    pub reminded: Vec<(Entity, i64)>,
    /// How many of those reminders had an address and were queued.
    pub mailed: usize,
    /// Records hidden as stale today.
    pub hidden: Vec<(Entity, i64)>,
}

fn days_before(today: NaiveDate, days: i64) -> NaiveDate {
    let days = u64::try_from(days).unwrap_or_default();
    today
        .checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

fn non_empty(text: String) -> Option<String> {
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn due_carers(conn: &mut DbConnection, today: NaiveDate) -> Result<Vec<DueReminder>, StoreError> {
    let rows: Vec<(i64, i64, String, String, NaiveDate, String)> = carers::table
        .inner_join(agencies::table.on(agencies::id.eq(carers::agency_id)))
        .filter(carers::deleted_at.is_null())
        .filter(carers::reminded_on.is_null())
        .filter(carers::last_confirmed_on.le(days_before(today, REMIND_AFTER_DAYS)))
        .select((
            carers::id,
            carers::agency_id,
            carers::given_name,
            carers::family_name,
            carers::last_confirmed_on,
            agencies::email,
        ))
        .order(carers::id.asc())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    // A self-registered PA keeps their own record up to date: the reminder goes to them.
    let mut own: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    for chunk in ids.chunks(10_000) {
        let keys: Vec<(Option<i64>, Option<String>)> = api_keys::table
            .filter(api_keys::carer_id.eq_any(chunk))
            .filter(api_keys::revoked_at.is_null())
            .select((api_keys::carer_id, api_keys::email))
            .load(conn)?;
        for (carer, email) in keys {
            if let (Some(carer), Some(email)) = (carer, email.and_then(non_empty)) {
                own.insert(carer, email);
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, agency, given, family, confirmed, agency_email)| DueReminder {
                entity: Entity::Carer,
                id,
                name: format!("{given} {family}"),
                last_confirmed_on: confirmed,
                agency: Some(AgencyId(agency)),
                recipient: own.remove(&id).or_else(|| non_empty(agency_email)),
            },
        )
        .collect())
}

/// A provider due a reminder: id, agency, name, last confirmed, the organisation's and the
/// agency's e-mail.
type DueProviderRow = (
    i64,
    Option<i64>,
    String,
    NaiveDate,
    Option<String>,
    Option<String>,
);

fn due_providers(
    conn: &mut DbConnection,
    today: NaiveDate,
) -> Result<Vec<DueReminder>, StoreError> {
    let rows: Vec<DueProviderRow> = providers::table
        .left_join(agencies::table.on(providers::agency_id.eq(agencies::id.nullable())))
        .left_join(
            organisations::table.on(providers::organisation_id.eq(organisations::id.nullable())),
        )
        .filter(providers::deleted_at.is_null())
        .filter(providers::reminded_on.is_null())
        .filter(providers::last_confirmed_on.le(days_before(today, REMIND_AFTER_DAYS)))
        .select((
            providers::id,
            providers::agency_id,
            providers::name,
            providers::last_confirmed_on,
            organisations::email.nullable(),
            agencies::email.nullable(),
        ))
        .order(providers::id.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, agency, name, confirmed, org_email, agency_email)| DueReminder {
                entity: Entity::Provider,
                id,
                name,
                last_confirmed_on: confirmed,
                agency: agency.map(AgencyId),
                recipient: org_email
                    .and_then(non_empty)
                    .or_else(|| agency_email.and_then(non_empty)),
            },
        )
        .collect())
}

/// Runs one sweep for `today` in the caller's transaction; `text` writes each reminder.
pub(crate) fn sweep(
    conn: &mut DbConnection,
    today: NaiveDate,
    text: &dyn Fn(&DueReminder) -> ReminderText,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<SweepSummary, StoreError> {
    let mut summary = SweepSummary::default();
    let mut due = due_carers(conn, today)?;
    due.extend(due_providers(conn, today)?);
    for reminder in &due {
        if let Some(recipient) = &reminder.recipient {
            let ReminderText { subject, body } = text(reminder);
            let mail = NewMail {
                kind: outbox::MailKind::FreshnessReminder,
                agency: reminder.agency,
                enquiry: None,
                vacancy: None,
                recipient: recipient.clone(),
                subject,
                body,
            };
            outbox::enqueue(conn, &mail, now)?;
            summary.mailed += 1;
        }
        summary.reminded.push((reminder.entity, reminder.id));
    }
    let reminded = |entity| -> Vec<i64> {
        due.iter()
            .filter(|r| r.entity == entity)
            .map(|r| r.id)
            .collect()
    };
    for chunk in reminded(Entity::Carer).chunks(10_000) {
        diesel::update(carers::table.filter(carers::id.eq_any(chunk)))
            .set(carers::reminded_on.eq(Some(today)))
            .execute(conn)?;
    }
    for chunk in reminded(Entity::Provider).chunks(10_000) {
        diesel::update(providers::table.filter(providers::id.eq_any(chunk)))
            .set(providers::reminded_on.eq(Some(today)))
            .execute(conn)?;
    }

    let hide_before = days_before(today, HIDE_AFTER_DAYS);
    let stale_carers: Vec<i64> = diesel::update(
        carers::table
            .filter(carers::deleted_at.is_null())
            .filter(carers::stale_since.is_null())
            .filter(carers::last_confirmed_on.le(hide_before)),
    )
    .set(carers::stale_since.eq(Some(today)))
    .returning(carers::id)
    .get_results(conn)?;
    let stale_providers: Vec<i64> = diesel::update(
        providers::table
            .filter(providers::deleted_at.is_null())
            .filter(providers::stale_since.is_null())
            .filter(providers::last_confirmed_on.le(hide_before)),
    )
    .set(providers::stale_since.eq(Some(today)))
    .returning(providers::id)
    .get_results(conn)?;
    for (entity, ids) in [
        (Entity::Carer, stale_carers),
        (Entity::Provider, stale_providers),
    ] {
        // The index re-reads them and drops them from public results.
        changes::append(conn, entity, &ids, ChangeOp::Upsert, now)?;
        let rows: Vec<(i64, String)> = ids.iter().map(|id| (*id, "stale_since".into())).collect();
        history::record(conn, entity, &rows, HistoryOp::Stale, actor, now)?;
        summary
            .hidden
            .extend(ids.into_iter().map(|id| (entity, id)));
    }
    Ok(summary)
}
