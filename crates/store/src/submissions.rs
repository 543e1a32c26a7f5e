//! The moderation queue: proposals, claims and edits from organisations and PAs, each waiting
//! for a decision. Approving applies the submission in the same transaction as the decision
//! (the caller's `apply`), so a listing never changes without its decision or the reverse.

use carematch_domain::{
    CarerId, OrganisationId, ProviderId, SubmissionId, SubmissionKind, SubmissionStatus,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::codec::{from_naive, now, to_naive};
use crate::error::StoreError;
use crate::schema::submissions;
use crate::{Page, Paged, Store};

/// A submission to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubmission {
    pub kind: SubmissionKind,
    pub organisation_id: Option<OrganisationId>,
    pub carer_id: Option<CarerId>,
    pub provider_id: Option<ProviderId>,
    /// The key (account) that submitted it.
    pub submitted_by: i64,
    /// JSON of what is proposed (a provider's or carer's details); `{}` for a claim.
    pub payload: String,
    /// The submitter's note to the moderator.
    pub note: String,
}

/// A stored submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub id: SubmissionId,
    pub kind: SubmissionKind,
    pub status: SubmissionStatus,
    pub organisation_id: Option<OrganisationId>,
    pub carer_id: Option<CarerId>,
    pub provider_id: Option<ProviderId>,
    pub submitted_by: i64,
    pub payload: String,
    pub note: String,
    /// The moderator's reason (required for a rejection).
    pub reason: Option<String>,
    pub decided_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// Which submissions to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubmissionFilter {
    pub status: Option<SubmissionStatus>,
    pub kind: Option<SubmissionKind>,
    pub organisation: Option<OrganisationId>,
    pub carer: Option<CarerId>,
    pub provider: Option<ProviderId>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = submissions)]
struct SubmissionRow {
    id: i64,
    kind: String,
    status: String,
    organisation_id: Option<i64>,
    carer_id: Option<i64>,
    provider_id: Option<i64>,
    submitted_by: i64,
    payload: String,
    note: String,
    reason: Option<String>,
    decided_by: Option<i64>,
    created_at: NaiveDateTime,
    decided_at: Option<NaiveDateTime>,
}

impl TryFrom<SubmissionRow> for Submission {
    type Error = StoreError;
    fn try_from(row: SubmissionRow) -> Result<Self, StoreError> {
        let corrupt = |reason: String| StoreError::corrupt("submissions", row.id, reason);
        let kind = SubmissionKind::parse(&row.kind)
            .ok_or_else(|| corrupt(format!("unknown kind `{}`", row.kind)))?;
        let status = SubmissionStatus::parse(&row.status)
            .ok_or_else(|| corrupt(format!("unknown status `{}`", row.status)))?;
        Ok(Self {
            id: SubmissionId(row.id),
            kind,
            status,
            organisation_id: row.organisation_id.map(OrganisationId),
            carer_id: row.carer_id.map(CarerId),
            provider_id: row.provider_id.map(ProviderId),
            submitted_by: row.submitted_by,
            payload: row.payload,
            note: row.note,
            reason: row.reason,
            decided_by: row.decided_by,
            created_at: from_naive(row.created_at),
            decided_at: row.decided_at.map(from_naive),
        })
    }
}

/// Queues `new` inside the caller's transaction.
pub(crate) fn insert(
    conn: &mut DbConnection,
    new: &NewSubmission,
    at: DateTime<Utc>,
) -> Result<SubmissionId, StoreError> {
    let id: i64 = diesel::insert_into(submissions::table)
        .values((
            submissions::kind.eq(new.kind.code()),
            submissions::status.eq(SubmissionStatus::Pending.code()),
            submissions::organisation_id.eq(new.organisation_id.map(|o| o.0)),
            submissions::carer_id.eq(new.carer_id.map(|c| c.0)),
            submissions::provider_id.eq(new.provider_id.map(|p| p.0)),
            submissions::submitted_by.eq(new.submitted_by),
            submissions::payload.eq(&new.payload),
            submissions::note.eq(&new.note),
            submissions::created_at.eq(to_naive(at)),
        ))
        .returning(submissions::id)
        .get_result(conn)?;
    Ok(SubmissionId(id))
}

pub(crate) fn get(
    conn: &mut DbConnection,
    id: SubmissionId,
) -> Result<Option<Submission>, StoreError> {
    submissions::table
        .find(id.0)
        .select(SubmissionRow::as_select())
        .first(conn)
        .optional()?
        .map(Submission::try_from)
        .transpose()
}

fn filtered<'a>(
    filter: &SubmissionFilter,
) -> submissions::BoxedQuery<'a, crate::backend::MultiBackend> {
    let mut query = submissions::table.into_boxed();
    if let Some(status) = filter.status {
        query = query.filter(submissions::status.eq(status.code()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(submissions::kind.eq(kind.code()));
    }
    if let Some(organisation) = filter.organisation {
        query = query.filter(submissions::organisation_id.eq(organisation.0));
    }
    if let Some(carer) = filter.carer {
        query = query.filter(submissions::carer_id.eq(carer.0));
    }
    if let Some(provider) = filter.provider {
        query = query.filter(submissions::provider_id.eq(provider.0));
    }
    query
}

impl Store {
    /// Queues a submission (no mail; see [`Store::submit_with`] to notify in one transaction).
    pub fn submit(&self, new: &NewSubmission) -> Result<Submission, StoreError> {
        self.submit_with(new, |_, _| Ok(()))
    }

    /// Queues a submission and runs `also` in the same transaction (queue the moderators' mail).
    pub fn submit_with(
        &self,
        new: &NewSubmission,
        also: impl FnOnce(&mut DbConnection, &Submission) -> Result<(), StoreError>,
    ) -> Result<Submission, StoreError> {
        self.write(|conn| {
            let id = insert(conn, new, now())?;
            let submission = get(conn, id)?.ok_or(StoreError::NotFound {
                entity: "submission",
                id: id.0,
            })?;
            also(conn, &submission)?;
            Ok(submission)
        })
    }

    pub fn get_submission(&self, id: SubmissionId) -> Result<Option<Submission>, StoreError> {
        self.read(|conn| get(conn, id))
    }

    /// Submissions matching `filter`, oldest first (the queue's order).
    pub fn list_submissions(
        &self,
        filter: &SubmissionFilter,
        page: Page,
    ) -> Result<Paged<Submission>, StoreError> {
        self.read(|conn| {
            let total: i64 = filtered(filter).count().get_result(conn)?;
            let rows: Vec<SubmissionRow> = filtered(filter)
                .order((submissions::created_at.asc(), submissions::id.asc()))
                .limit(i64::from(page.per_page))
                .offset(page.offset())
                .select(SubmissionRow::as_select())
                .load(conn)?;
            Ok(Paged {
                items: rows
                    .into_iter()
                    .map(Submission::try_from)
                    .collect::<Result<_, _>>()?,
                total: total as u64,
            })
        })
    }

    /// Decides a pending submission: `apply` runs first in the same transaction (on approval it
    /// makes or changes the record; it may queue mail), then the decision is stored. A
    /// submission already decided is a `Conflict`, so two moderators never both apply it.
    pub fn decide_submission(
        &self,
        id: SubmissionId,
        status: SubmissionStatus,
        reason: Option<&str>,
        decided_by: i64,
        apply: impl FnOnce(&mut DbConnection, &Submission) -> Result<(), StoreError>,
    ) -> Result<Submission, StoreError> {
        self.write(|conn| {
            let submission = get(conn, id)?.ok_or(StoreError::NotFound {
                entity: "submission",
                id: id.0,
            })?;
            if submission.status != SubmissionStatus::Pending {
                return Err(StoreError::Conflict {
                    reason: format!("submission {id} is already {}", submission.status.code()),
                });
            }
            apply(conn, &submission)?;
            let at = now();
            diesel::update(
                submissions::table
                    .find(id.0)
                    .filter(submissions::status.eq(SubmissionStatus::Pending.code())),
            )
            .set((
                submissions::status.eq(status.code()),
                submissions::reason.eq(reason),
                submissions::decided_by.eq(Some(decided_by)),
                submissions::decided_at.eq(Some(to_naive(at))),
            ))
            .execute(conn)?;
            get(conn, id)?.ok_or(StoreError::NotFound {
                entity: "submission",
                id: id.0,
            })
        })
    }
}
