//! `/v1/reports`: "Something wrong here?" reports from the public about public listings, and
//! their handling. The rules (also in docs/api.md, "Problem reports"):
//!
//! - `POST /v1/reports` needs no key. Only a public carer or provider can be reported; any
//!   other id is 404 exactly as an unknown one. Besides the general rate limit, each address may
//!   make [`RateLimitConfig::reports_per_hour`] well-formed reports an hour (429 with
//!   `Retry-After`). A filled honeypot (`website`) is answered as if accepted and nothing is
//!   stored; the same listing, kind and message within 24 hours answer 200 with the first
//!   reference and queue nothing.
//! - Reading and changing: agency keys the reports on their own records, organisation keys those
//!   on their own listings (another's is 404), moderators and admins all; anonymous callers
//!   401, commissioners and PAs 403.
//!
//! [`RateLimitConfig::reports_per_hour`]: crate::middleware::RateLimitConfig::reports_per_hour

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_domain::report::{
    ReportBody, ReportEntity, ReportKind, ReportRequest, ReportStatus, ReportStatusBody,
};
use carematch_domain::{AgencyId, Caller, OrganisationId, Role, ValidationErrors};
use carematch_store::reports::{ProblemReport, ReportFilter};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ValidJson, Validate};
use crate::middleware::{PublicWrite, charge_public_write};
use crate::routes::carers::page_of;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(report_problem)
        .service(list_reports)
        .service(get_report)
        .service(set_report_status);
}

impl Validate for ReportBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        ReportBody::validate(self)
    }
}

impl Validate for ReportStatusBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        ReportStatusBody::validate(self)
    }
}

/// What the person gets back.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportReceiptView {
    /// Quote it if you contact the council about this report.
    #[schema(example = "CM-7K3Q-9XWD")]
    pub reference: String,
    /// The same report was made within 24 hours: nothing new was stored or sent.
    pub duplicate: bool,
}

/// A report as its handlers see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportView {
    #[schema(example = "CM-7K3Q-9XWD")]
    pub reference: String,
    pub entity: ReportEntity,
    #[schema(example = 4)]
    pub entity_id: i64,
    pub kind: ReportKind,
    /// A safeguarding concern: look at it first.
    pub safeguarding: bool,
    pub message: String,
    /// The person's e-mail address or phone number, when they gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    pub status: ReportStatus,
    /// The agency that managed the listing when it was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_id: Option<AgencyId>,
    /// The organisation that managed the listing when it was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<OrganisationId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The statuses it may move to next.
    pub next: Vec<ReportStatus>,
}

impl From<ProblemReport> for ReportView {
    fn from(r: ProblemReport) -> Self {
        Self {
            reference: r.reference,
            entity: r.entity,
            entity_id: r.entity_id,
            kind: r.kind,
            safeguarding: r.kind == ReportKind::Safeguarding,
            message: r.message,
            contact: r.contact,
            status: r.status,
            agency_id: r.agency_id,
            organisation_id: r.organisation_id,
            resolution: r.resolution,
            created_at: r.created_at,
            updated_at: r.updated_at,
            next: r.status.next().collect(),
        }
    }
}

/// One page of reports.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportPage {
    pub items: Vec<ReportView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 3)]
    pub total: u64,
}

/// Report a problem with a listing
#[utoipa::path(
    tag = "reports",
    description = "\"Something wrong here?\": reports a problem with a public carer or provider, \
                   with no account. `kind` is what is wrong; `message` (required for \
                   `safeguarding` and `other`) and `contact` (an e-mail address or phone \
                   number, only for an answer) are optional otherwise. Any listing that is not \
                   public is 404, exactly as an unknown id. The report goes to whoever manages \
                   the listing (its agency's public e-mail, or its organisation's) and to every \
                   moderator, queued in the same transaction; safeguarding reports are flagged \
                   (`[SAFEGUARDING]` subjects, sent before other mail). In an emergency call 999: \
                   a report is not an emergency service. Answers 201 with a reference; the same \
                   listing, kind and message within 24 hours answer 200 with the first reference \
                   and nothing new. Each address may make 10 reports an hour (setting \
                   `rate_limit_reports_per_hour`).",
    request_body(content = ReportBody, example = json!({
        "entity": "provider",
        "id": 4,
        "kind": "moved",
        "message": "The club now meets at the Highfields Centre.",
        "contact": "sam@example.org"})),
    responses(
        (status = 201, description = "Reported", body = ReportReceiptView),
        (status = 200, description = "The same report was made within 24 hours: its reference, nothing new", body = ReportReceiptView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 404, description = "No such public carer or provider", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields (named): an unknown kind, a missing or too long message, a contact that is neither an e-mail address nor a phone number", body = ErrorBody),
        (status = 429, description = "Too many requests, or too many reports from this address (see `Retry-After`)", body = ErrorBody)
    )
)]
#[post("/reports")]
pub async fn report_problem(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<ReportBody>,
) -> Result<HttpResponse, ApiError> {
    let request = ReportRequest::try_from(body.into_inner())?;
    if let Some(refused) = charge_public_write(&req, PublicWrite::Report) {
        return Ok(refused);
    }
    let receipt = state
        .run(move |service| service.report_problem(&request))
        .await?;
    let view = ReportReceiptView {
        reference: receipt.reference,
        duplicate: receipt.duplicate,
    };
    Ok(if view.duplicate {
        HttpResponse::Ok().json(view)
    } else {
        HttpResponse::Created().json(view)
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListReportsParams {
    /// Only reports with this status.
    pub status: Option<ReportStatus>,
    /// Only reports of this kind.
    pub kind: Option<ReportKind>,
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// Who handles reports: anonymous callers 401, commissioners and PAs 403.
fn handler(auth: Authenticated) -> Result<Caller, ApiError> {
    auth.require(&[
        Role::Agency,
        Role::Organisation,
        Role::Moderator,
        Role::Admin,
    ])
}

/// List problem reports
#[utoipa::path(
    tag = "reports",
    description = "The reports the caller handles: an agency's on its own records, an \
                   organisation's on its own listings, every report for moderators and admins. \
                   Safeguarding reports still open or acknowledged come first, then the newest.",
    params(ListReportsParams),
    responses(
        (status = 200, description = "One page of reports", body = ReportPage),
        (status = 400, description = "Malformed query string (an unknown status or kind)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners and PAs do not handle reports", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListReportsParams>,
) -> Result<HttpResponse, ApiError> {
    let caller = handler(auth)?;
    let page = page_of(params.page, params.per_page)?;
    let filter = ReportFilter {
        status: params.status,
        kind: params.kind,
    };
    let paged = state
        .run(move |service| service.problem_reports(caller, filter, page))
        .await?;
    Ok(HttpResponse::Ok().json(ReportPage {
        items: paged.items.into_iter().map(ReportView::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
    }))
}

/// Read a problem report
#[utoipa::path(
    tag = "reports",
    description = "One report the caller handles; any other is 404, as if it did not exist.",
    params(("reference" = String, Path, description = "The report's reference", example = "CM-7K3Q-9XWD")),
    responses(
        (status = 200, description = "The report", body = ReportView),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners and PAs do not handle reports", body = ErrorBody),
        (status = 404, description = "No such report for this caller", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/reports/{reference}")]
pub async fn get_report(
    state: web::Data<AppState>,
    auth: Authenticated,
    reference: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let caller = handler(auth)?;
    let reference = reference.into_inner();
    let report = state
        .run(move |service| service.problem_report(caller, &reference))
        .await?;
    Ok(HttpResponse::Ok().json(ReportView::from(report)))
}

/// Change a problem report's status
#[utoipa::path(
    tag = "reports",
    description = "Moves a report forward: open -> acknowledged -> resolved | dismissed \
                   (acknowledging may be skipped). `resolved` and `dismissed` need a \
                   `resolution` note and are final. A move the report's status does not allow \
                   is 422 with `invalid_transition` on `status`.",
    params(("reference" = String, Path, description = "The report's reference", example = "CM-7K3Q-9XWD")),
    request_body(content = ReportStatusBody, example = json!({"status": "resolved", "resolution": "Meeting day corrected on the listing."})),
    responses(
        (status = 200, description = "Changed", body = ReportView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners and PAs do not handle reports", body = ErrorBody),
        (status = 404, description = "No such report for this caller", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "A resolution missing or out of place, or a move not allowed (`invalid_transition`)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/reports/{reference}/status")]
pub async fn set_report_status(
    state: web::Data<AppState>,
    auth: Authenticated,
    reference: web::Path<String>,
    body: ValidJson<ReportStatusBody>,
) -> Result<HttpResponse, ApiError> {
    let caller = handler(auth)?;
    let reference = reference.into_inner();
    let body = body.into_inner();
    let report = state
        .run(move |service| service.set_report_status(caller, &reference, &body))
        .await?;
    Ok(HttpResponse::Ok().json(ReportView::from(report)))
}
