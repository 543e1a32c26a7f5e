//! Problem reports from the public ("Something wrong here?") and the mails they cause, each
//! mail queued in the same transaction as the report ([`crate::outbox::enqueue`]), so that a
//! stored report always has its notifications and a refused one never does.
//!
//! The store keeps what it is given: the reference, the fingerprint (a hash of the listing, the
//! kind and the normalised message) and the mails are made by the service. A report's contact
//! (an e-mail address or phone number, when the person gave one) is personal data: it is shown
//! only to whoever handles the report and never logged.

use carematch_domain::report::{ReportEntity, ReportKind, ReportStatus};
use carematch_domain::{AgencyId, OrganisationId, ProblemReportId, Role};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::codec::{from_naive, to_naive};
use crate::error::StoreError;
use crate::outbox::{NewMail, enqueue};
use crate::schema::{api_keys, organisations, problem_reports};
use crate::{Page, Paged, Store};

/// How long the same fingerprint counts as a duplicate of an earlier report.
pub const REPORT_DUPLICATE_HOURS: i64 = 24;

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemReport {
    pub id: ProblemReportId,
    /// `CM-7K3Q-9XWD`, as enquiries' references.
    pub reference: String,
    pub entity: ReportEntity,
    pub entity_id: i64,
    pub kind: ReportKind,
    pub message: String,
    pub contact: Option<String>,
    pub status: ReportStatus,
    /// The agency that managed the listing when it was reported.
    pub agency_id: Option<AgencyId>,
    /// The organisation that managed the listing when it was reported.
    pub organisation_id: Option<OrganisationId>,
    pub fingerprint: String,
    pub resolution: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A report to write, with its mails.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub reference: String,
    pub entity: ReportEntity,
    pub entity_id: i64,
    pub kind: ReportKind,
    pub message: String,
    pub contact: Option<String>,
    pub agency_id: Option<AgencyId>,
    pub organisation_id: Option<OrganisationId>,
    pub fingerprint: String,
    pub mails: Vec<NewMail>,
    pub at: DateTime<Utc>,
}

/// What [`Store::create_report`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportOutcome {
    Created(ProblemReport),
    /// The same report was made within [`REPORT_DUPLICATE_HOURS`]: that one, nothing written.
    Duplicate(ProblemReport),
}

/// Whose reports a caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportScope {
    /// Moderators and admins.
    All,
    /// Reports on the agency's records.
    Agency(AgencyId),
    /// Reports on the organisation's listings.
    Organisation(OrganisationId),
}

/// Which reports to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportFilter {
    pub status: Option<ReportStatus>,
    pub kind: Option<ReportKind>,
}

/// A status change the report's status does not allow (nothing was written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportTransitionRefused {
    pub current: ReportStatus,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = problem_reports)]
#[diesel(check_for_backend(crate::MultiBackend))]
struct ReportRow {
    id: i64,
    reference: String,
    entity: String,
    entity_id: i64,
    kind: String,
    message: String,
    contact: Option<String>,
    status: String,
    agency_id: Option<i64>,
    organisation_id: Option<i64>,
    fingerprint: String,
    resolution: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl TryFrom<ReportRow> for ProblemReport {
    type Error = StoreError;
    fn try_from(row: ReportRow) -> Result<Self, StoreError> {
        let corrupt = |reason: String| StoreError::corrupt("problem_reports", row.id, reason);
        let entity = ReportEntity::parse(&row.entity)
            .ok_or_else(|| corrupt(format!("entity `{}`", row.entity)))?;
        let kind =
            ReportKind::parse(&row.kind).ok_or_else(|| corrupt(format!("kind `{}`", row.kind)))?;
        let status = ReportStatus::parse(&row.status)
            .ok_or_else(|| corrupt(format!("status `{}`", row.status)))?;
        Ok(Self {
            id: ProblemReportId(row.id),
            reference: row.reference,
            entity,
            entity_id: row.entity_id,
            kind,
            message: row.message,
            contact: row.contact,
            status,
            agency_id: row.agency_id.map(AgencyId),
            organisation_id: row.organisation_id.map(OrganisationId),
            fingerprint: row.fingerprint,
            resolution: row.resolution,
            created_at: from_naive(row.created_at),
            updated_at: from_naive(row.updated_at),
        })
    }
}

type Boxed = problem_reports::BoxedQuery<'static, crate::backend::MultiBackend>;

fn scoped(scope: ReportScope) -> Boxed {
    let query = problem_reports::table.into_boxed();
    match scope {
        ReportScope::All => query,
        ReportScope::Agency(agency) => query.filter(problem_reports::agency_id.eq(agency.0)),
        ReportScope::Organisation(org) => query.filter(problem_reports::organisation_id.eq(org.0)),
    }
}

fn filtered(scope: ReportScope, filter: ReportFilter) -> Boxed {
    let mut query = scoped(scope);
    if let Some(status) = filter.status {
        query = query.filter(problem_reports::status.eq(status.code()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(problem_reports::kind.eq(kind.code()));
    }
    query
}

fn by_reference(
    conn: &mut DbConnection,
    scope: ReportScope,
    reference: &str,
) -> Result<Option<ProblemReport>, StoreError> {
    scoped(scope)
        .filter(problem_reports::reference.eq(reference.to_owned()))
        .select(ReportRow::as_select())
        .first(conn)
        .optional()?
        .map(ProblemReport::try_from)
        .transpose()
}

fn insert(conn: &mut DbConnection, new: &NewReport) -> Result<ReportOutcome, StoreError> {
    let since = to_naive(new.at - Duration::hours(REPORT_DUPLICATE_HOURS));
    let earlier: Option<ReportRow> = problem_reports::table
        .filter(problem_reports::fingerprint.eq(&new.fingerprint))
        .filter(problem_reports::created_at.gt(since))
        .order(problem_reports::id.asc())
        .select(ReportRow::as_select())
        .first(conn)
        .optional()?;
    if let Some(row) = earlier {
        return Ok(ReportOutcome::Duplicate(ProblemReport::try_from(row)?));
    }
    let at = to_naive(new.at);
    let id: i64 = diesel::insert_into(problem_reports::table)
        .values((
            problem_reports::reference.eq(&new.reference),
            problem_reports::entity.eq(new.entity.code()),
            problem_reports::entity_id.eq(new.entity_id),
            problem_reports::kind.eq(new.kind.code()),
            problem_reports::message.eq(&new.message),
            problem_reports::contact.eq(&new.contact),
            problem_reports::status.eq(ReportStatus::Open.code()),
            problem_reports::agency_id.eq(new.agency_id.map(|a| a.0)),
            problem_reports::organisation_id.eq(new.organisation_id.map(|o| o.0)),
            problem_reports::fingerprint.eq(&new.fingerprint),
            problem_reports::created_at.eq(at),
            problem_reports::updated_at.eq(at),
        ))
        .returning(problem_reports::id)
        .get_result(conn)?;
    for mail in &new.mails {
        enqueue(conn, mail, new.at)?;
    }
    let row = problem_reports::table
        .find(id)
        .select(ReportRow::as_select())
        .first(conn)?;
    Ok(ReportOutcome::Created(ProblemReport::try_from(row)?))
}

impl Store {
    /// Writes a report with its mails, all or nothing; or, when a report with the same
    /// fingerprint was made within [`REPORT_DUPLICATE_HOURS`], writes nothing and returns it.
    pub fn create_report(&self, new: &NewReport) -> Result<ReportOutcome, StoreError> {
        self.write(|conn| insert(conn, new))
    }

    /// One report by its reference, if `scope` may see it.
    pub fn get_report(
        &self,
        scope: ReportScope,
        reference: &str,
    ) -> Result<Option<ProblemReport>, StoreError> {
        self.read(|conn| by_reference(conn, scope, reference))
    }

    /// One page of the reports `scope` may see: safeguarding reports still open or
    /// acknowledged first (they must not wait behind routine ones), then newest first.
    pub fn list_reports(
        &self,
        scope: ReportScope,
        filter: ReportFilter,
        page: Page,
    ) -> Result<Paged<ProblemReport>, StoreError> {
        self.read(|conn| {
            let total: i64 = filtered(scope, filter).count().get_result(conn)?;
            let urgent = problem_reports::kind
                .eq(ReportKind::Safeguarding.code())
                .and(
                    problem_reports::status
                        .eq_any([ReportStatus::Open.code(), ReportStatus::Acknowledged.code()]),
                );
            let rows: Vec<ReportRow> = filtered(scope, filter)
                .order((
                    urgent.desc(),
                    problem_reports::created_at.desc(),
                    problem_reports::id.desc(),
                ))
                .limit(page.limit())
                .offset(page.offset())
                .select(ReportRow::as_select())
                .load(conn)?;
            Ok(Paged {
                items: rows
                    .into_iter()
                    .map(ProblemReport::try_from)
                    .collect::<Result<_, _>>()?,
                total: u64::try_from(total).unwrap_or_default(),
            })
        })
    }

    /// Moves a report `scope` may see to `to`, with its resolution note; `Ok(Err(..))` when its
    /// status does not allow that (nothing written), `None` when there is no such report in
    /// `scope`. Checked and written under the writer lock, so two handlers cannot both close it.
    pub fn set_report_status(
        &self,
        scope: ReportScope,
        reference: &str,
        to: ReportStatus,
        resolution: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<Option<Result<ProblemReport, ReportTransitionRefused>>, StoreError> {
        self.write(|conn| {
            let Some(current) = by_reference(conn, scope, reference)? else {
                return Ok(None);
            };
            if !current.status.can_move_to(to) {
                return Ok(Some(Err(ReportTransitionRefused {
                    current: current.status,
                })));
            }
            diesel::update(problem_reports::table.find(current.id.0))
                .set((
                    problem_reports::status.eq(to.code()),
                    problem_reports::resolution.eq(resolution.or(current.resolution.as_deref())),
                    problem_reports::updated_at.eq(to_naive(at)),
                ))
                .execute(conn)?;
            Ok(by_reference(conn, scope, reference)?.map(Ok))
        })
    }

    /// Where reports go besides the listing's manager: the e-mail of every live moderator key,
    /// and of admin keys that have one; each address once, in order.
    pub fn moderator_emails(&self) -> Result<Vec<String>, StoreError> {
        self.read(|conn| {
            let emails: Vec<Option<String>> = api_keys::table
                .filter(api_keys::role.eq_any([Role::Moderator.code(), Role::Admin.code()]))
                .filter(api_keys::revoked_at.is_null())
                .filter(api_keys::email.is_not_null())
                .order(api_keys::id.asc())
                .select(api_keys::email)
                .load(conn)?;
            let mut out: Vec<String> = Vec::new();
            for email in emails.into_iter().flatten() {
                let email = email.trim().to_lowercase();
                if !email.is_empty() && !out.contains(&email) {
                    out.push(email);
                }
            }
            Ok(out)
        })
    }

    /// An organisation's contact e-mail (where its listings' reports go).
    pub fn organisation_email(&self, id: OrganisationId) -> Result<Option<String>, StoreError> {
        self.read(|conn| {
            Ok(organisations::table
                .find(id.0)
                .select(organisations::email)
                .first(conn)
                .optional()?)
        })
    }
}
