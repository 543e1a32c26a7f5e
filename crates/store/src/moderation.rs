//! Applying moderation decisions: what an approved submission does to the records, run by
//! [`Store::decide_submission`] in the same transaction as the decision and the mail that tells
//! the submitter, so a listing never changes without its decision (or the reverse), and the
//! index learns of the change through the change log like any other write.

use carematch_domain::{
    Actor, ActorKind, CarerDetails, GeoPoint, HistoryOp, ProviderDetails, ProviderId,
    SubmissionKind, SubmissionStatus,
};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::changes::{self, ChangeOp, Entity};
use crate::codec::now;
use crate::error::StoreError;
use crate::outbox::{self, NewMail};
use crate::schema::{providers, submissions};
use crate::submissions::{NewSubmission, Submission};
use crate::{Store, carers};

/// What approving a submission writes: the service decodes the payload and locates its
/// postcode before the transaction; the kind must match the submission's.
#[derive(Debug, Clone, PartialEq)]
pub enum Approval {
    /// A new provider listing, managed by the proposing organisation.
    ProposeProvider {
        details: Box<ProviderDetails>,
        location: GeoPoint,
    },
    /// The claimed provider becomes the organisation's.
    ClaimProvider,
    /// The provider's details are replaced.
    EditProvider {
        details: Box<ProviderDetails>,
        location: GeoPoint,
    },
    /// The carer's details are replaced.
    EditCarer {
        details: Box<CarerDetails>,
        location: GeoPoint,
    },
}

impl Approval {
    fn kind(&self) -> SubmissionKind {
        match self {
            Self::ProposeProvider { .. } => SubmissionKind::ProposeProvider,
            Self::ClaimProvider => SubmissionKind::ClaimProvider,
            Self::EditProvider { .. } => SubmissionKind::EditProvider,
            Self::EditCarer { .. } => SubmissionKind::EditCarer,
        }
    }
}

fn missing(entity: &'static str, submission: &Submission) -> StoreError {
    StoreError::Conflict {
        reason: format!("submission {} names no {entity}", submission.id),
    }
}

/// The provider the submission is about, live and (for an edit) still the organisation's.
fn provider_of(
    conn: &mut DbConnection,
    submission: &Submission,
    must_manage: bool,
) -> Result<ProviderId, StoreError> {
    let id = submission
        .provider_id
        .ok_or_else(|| missing("provider", submission))?;
    let current = crate::providers::get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "provider",
        id: id.0,
    })?;
    if must_manage && current.organisation_id != submission.organisation_id {
        return Err(StoreError::Conflict {
            reason: format!("provider {id} is no longer managed by the submitter"),
        });
    }
    Ok(id)
}

/// Who an approved change is recorded as in the edit history: the submitter (organisation
/// or PA), with the moderator's key who approved it in the label.
fn approved_actor(submission: &Submission, decided_by: i64) -> Actor {
    let approved = format!(
        "submission {}, approved by moderator key {decided_by}",
        submission.id
    );
    match (submission.organisation_id, submission.carer_id) {
        (Some(organisation), _) => Actor::new(
            ActorKind::Organisation,
            Some(organisation.0),
            format!("organisation {organisation} ({approved})"),
        ),
        (None, Some(carer)) => Actor::new(
            ActorKind::Pa,
            Some(carer.0),
            format!("PA {carer} ({approved})"),
        ),
        (None, None) => Actor::new(ActorKind::Moderator, Some(decided_by), approved),
    }
}

fn apply(
    conn: &mut DbConnection,
    submission: &Submission,
    approval: &Approval,
    decided_by: i64,
) -> Result<(), StoreError> {
    let actor = approved_actor(submission, decided_by);
    if approval.kind() != submission.kind {
        return Err(StoreError::Conflict {
            reason: format!(
                "submission {} is a {}, not a {}",
                submission.id,
                submission.kind.code(),
                approval.kind().code()
            ),
        });
    }
    let at = now();
    match approval {
        Approval::ProposeProvider { details, location } => {
            let organisation = submission
                .organisation_id
                .ok_or_else(|| missing("organisation", submission))?;
            let provider = crate::providers::insert(conn, None, details, *location, at, &actor)?;
            diesel::update(providers::table.find(provider.id.0))
                .set(providers::organisation_id.eq(Some(organisation.0)))
                .execute(conn)?;
            // The submission names the listing it made, for the organisation's console.
            diesel::update(submissions::table.find(submission.id.0))
                .set(submissions::provider_id.eq(Some(provider.id.0)))
                .execute(conn)?;
        }
        Approval::ClaimProvider => {
            let organisation = submission
                .organisation_id
                .ok_or_else(|| missing("organisation", submission))?;
            let id = provider_of(conn, submission, false)?;
            diesel::update(providers::table.find(id.0))
                .set((
                    providers::organisation_id.eq(Some(organisation.0)),
                    providers::version.eq(providers::version + 1),
                    providers::updated_at.eq(crate::codec::to_naive(at)),
                ))
                .execute(conn)?;
            changes::append(conn, Entity::Provider, &[id.0], ChangeOp::Upsert, at)?;
            crate::history::record_one(
                conn,
                Entity::Provider,
                id.0,
                HistoryOp::Update,
                &["organisation_id".to_owned()],
                &actor,
                at,
            )?;
        }
        Approval::EditProvider { details, location } => {
            let id = provider_of(conn, submission, true)?;
            crate::providers::update(conn, id, details, *location, None, at, &actor)?;
        }
        Approval::EditCarer { details, location } => {
            let id = submission
                .carer_id
                .ok_or_else(|| missing("carer", submission))?;
            carers::update(conn, id, details, *location, None, at, &actor)?;
        }
    }
    Ok(())
}

impl Store {
    /// Queues a submission and the mails that tell moderators about it, in one transaction.
    pub fn submit_and_notify(
        &self,
        new: &NewSubmission,
        mails: &[NewMail],
    ) -> Result<Submission, StoreError> {
        self.submit_with(new, |conn, _| {
            let at = now();
            for mail in mails {
                outbox::enqueue(conn, mail, at)?;
            }
            Ok(())
        })
    }

    /// Approves a pending submission: `approval` is written, the decision stored and `mail`
    /// (to the submitter) queued, all in one transaction. A decided submission is a
    /// `Conflict`.
    pub fn approve_submission(
        &self,
        id: carematch_domain::SubmissionId,
        decided_by: i64,
        approval: &Approval,
        mail: &NewMail,
    ) -> Result<Submission, StoreError> {
        self.decide_submission(
            id,
            SubmissionStatus::Approved,
            None,
            decided_by,
            |conn, submission| {
                apply(conn, submission, approval, decided_by)?;
                outbox::enqueue(conn, mail, now())?;
                Ok(())
            },
        )
    }

    /// Rejects a pending submission with `reason` and queues `mail` (to the submitter) in the
    /// same transaction; nothing else changes.
    pub fn reject_submission(
        &self,
        id: carematch_domain::SubmissionId,
        reason: &str,
        decided_by: i64,
        mail: &NewMail,
    ) -> Result<Submission, StoreError> {
        self.decide_submission(
            id,
            SubmissionStatus::Rejected,
            Some(reason),
            decided_by,
            |conn, _| {
                outbox::enqueue(conn, mail, now())?;
                Ok(())
            },
        )
    }
}
