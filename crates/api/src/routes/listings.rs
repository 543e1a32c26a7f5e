//! Organisation accounts and the moderation queue (docs/listings.md, docs/api.md "Listings"):
//!
//! - `POST /v1/organisations` needs no key: it registers a community organisation and e-mails
//!   a link to confirm its address. Anti-abuse as for enquiries: the per-address hourly limit
//!   ([`PublicWrite::Registration`]), a honeypot (`fax`: filled means a robot, answered as if
//!   accepted), the JSON size limit; a second registration with the same e-mail is answered
//!   alike and sends that account a sign-in link instead (at most one per quiet period), so
//!   nobody learns which addresses are registered.
//! - `POST /v1/submissions` (organisation, PA), `GET /v1/submissions` (an organisation its own,
//!   moderators and admins the queue), `GET /v1/submissions/{id}`.
//! - `POST /v1/submissions/{id}/decision` (moderator, admin): approve applies it, reject needs a
//!   reason; the submitter is told by e-mail, queued in the same transaction.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_domain::enquiry::InterfaceLocale;
use carematch_domain::{
    CarerId, OrganisationId, ProviderId, Role, SubmissionId, SubmissionKind, SubmissionStatus,
    ValidationErrors,
};
use carematch_service::listings::{Registration, SubmissionRequest, Verdict};
use carematch_store::{Submission, SubmissionFilter};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthenticatedKey;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ValidJson, Validate};
use crate::middleware::{PublicWrite, charge_public_write};
use crate::routes::carers::page_of;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(register_organisation)
        .service(create_submission)
        .service(list_submissions)
        .service(get_submission)
        .service(decide_submission);
}

/// A community organisation's registration.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationBody {
    #[schema(example = "Shapla Luncheon Club")]
    pub name: String,
    /// The contact e-mail: links and decisions go there; it must be confirmed before the
    /// organisation can submit anything.
    #[schema(example = "hello@shapla.example")]
    pub email: String,
    #[serde(default)]
    #[schema(example = "0116 496 0123")]
    pub phone: String,
    #[serde(default)]
    #[schema(example = "https://shapla.example")]
    pub website: String,
    /// The language of the organisation's e-mails.
    #[serde(default)]
    pub locale: InterfaceLocale,
    /// Leave empty: a honeypot for robots (a filled one is answered as accepted, nothing kept).
    #[serde(default)]
    pub fax: String,
}

impl OrganisationBody {
    fn registration(&self) -> Registration {
        Registration {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            website: self.website.clone(),
            locale: self.locale,
        }
    }
}

impl Validate for OrganisationBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        self.registration().validate()
    }
}

/// The same answer for a new account, one already registered and a robot.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationReceipt {
    /// Always `check_your_email`.
    #[schema(example = "check_your_email")]
    pub status: &'static str,
}

/// Register an organisation
#[utoipa::path(
    tag = "listings",
    description = "Registers a community organisation (luncheon club, micro-provider, faith \
                   group, charity) with no key, and e-mails a link to confirm its address (valid \
                   7 days; following it signs the organisation in to its console on the web). An \
                   address already registered gets a sign-in link instead, with the same answer, \
                   so nobody learns which addresses are registered. Each address may register as \
                   often as it may send enquiries (setting `rate_limit_enquiries_per_hour`). \
                   `fax` is a honeypot: leave it empty.",
    request_body(content = OrganisationBody, example = json!({
        "name": "Shapla Luncheon Club", "email": "hello@shapla.example",
        "phone": "0116 496 0123", "website": "https://shapla.example", "locale": "bn"})),
    responses(
        (status = 202, description = "Accepted: a link is on its way", body = RegistrationReceipt),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests, or too many registrations from this address (see `Retry-After`)", body = ErrorBody)
    )
)]
#[post("/organisations")]
pub async fn register_organisation(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<OrganisationBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    if let Some(refused) = charge_public_write(&req, PublicWrite::Registration) {
        return Ok(refused);
    }
    let receipt = RegistrationReceipt {
        status: "check_your_email",
    };
    if !body.fax.is_empty() {
        return Ok(HttpResponse::Accepted().json(receipt));
    }
    let registration = body.registration();
    state
        .run(move |service| service.register_organisation(&registration))
        .await?;
    Ok(HttpResponse::Accepted().json(receipt))
}

/// A submission to the moderation queue.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmissionBody {
    pub kind: SubmissionKind,
    /// The listing claimed or edited (`claim_provider`, `edit_provider`).
    #[schema(value_type = Option<i64>)]
    pub provider_id: Option<ProviderId>,
    /// The proposed details: a provider's (`propose_provider`, `edit_provider`, the shape of
    /// `POST /v1/providers`) or a PA's own (`edit_carer`, the shape of `POST /v1/carers`).
    #[schema(value_type = Option<Object>)]
    pub payload: Option<serde_json::Value>,
    /// A note to the moderator (for a claim: why the listing is the organisation's).
    #[serde(default)]
    pub note: String,
}

impl Validate for SubmissionBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}

/// A submission as its submitter and moderators see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionView {
    #[schema(value_type = i64)]
    pub id: SubmissionId,
    pub kind: SubmissionKind,
    pub status: SubmissionStatus,
    #[schema(value_type = Option<i64>)]
    pub organisation_id: Option<OrganisationId>,
    #[schema(value_type = Option<i64>)]
    pub carer_id: Option<CarerId>,
    /// The listing concerned; for an approved proposal, the listing it made.
    #[schema(value_type = Option<i64>)]
    pub provider_id: Option<ProviderId>,
    /// What was proposed (`{}` for a claim).
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    pub note: String,
    /// The moderator's reason (always given for a rejection).
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl From<Submission> for SubmissionView {
    fn from(s: Submission) -> Self {
        Self {
            id: s.id,
            kind: s.kind,
            status: s.status,
            organisation_id: s.organisation_id,
            carer_id: s.carer_id,
            provider_id: s.provider_id,
            payload: serde_json::from_str(&s.payload).unwrap_or(serde_json::Value::Null),
            note: s.note,
            reason: s.reason,
            created_at: s.created_at,
            decided_at: s.decided_at,
        }
    }
}

/// Submit to the moderation queue
#[utoipa::path(
    tag = "listings",
    description = "Queues a proposal, claim or edit for a moderator; nothing of it is public \
                   until approved. Organisation keys (their e-mail confirmed, else 422 \
                   `account`/`email_unconfirmed`): `propose_provider` (payload: the provider's \
                   details, validated and its postcode located as by `POST /v1/providers`), \
                   `claim_provider` (`provider_id`, a note), `edit_provider` (a listing the \
                   organisation manages; another's is 403). PA keys: `edit_carer` (their own \
                   profile). Moderators are told by e-mail.",
    request_body(content = SubmissionBody, example = json!({
        "kind": "claim_provider", "provider_id": 12,
        "note": "We run this club; the council feed lists our old hall."})),
    responses(
        (status = 201, description = "Queued", body = SubmissionView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "The key's role may not submit this (or the listing is another's)", body = ErrorBody),
        (status = 404, description = "The provider is unknown", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields (named, `payload.` before a detail's), an unknown postcode, an unconfirmed e-mail", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/submissions")]
pub async fn create_submission(
    state: web::Data<AppState>,
    auth: AuthenticatedKey,
    body: ValidJson<SubmissionBody>,
) -> Result<HttpResponse, ApiError> {
    let (caller, key) = auth.require(&[Role::Organisation, Role::Pa])?;
    let body = body.into_inner();
    let request = SubmissionRequest {
        kind: body.kind,
        provider_id: body.provider_id,
        payload: body.payload,
        note: body.note,
    };
    let submission = state
        .run(move |service| service.submit(caller, key, &request))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/v1/submissions/{}", submission.id),
        ))
        .json(SubmissionView::from(submission)))
}

/// Filters and paging of the queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubmissionParams {
    pub status: Option<SubmissionStatus>,
    pub kind: Option<SubmissionKind>,
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// One page of submissions, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionPage {
    pub items: Vec<SubmissionView>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// List submissions
#[utoipa::path(
    tag = "listings",
    description = "Oldest first. Organisation keys see their own submissions, PA keys theirs; \
                   moderators and admins the whole queue (`status=pending` for what waits).",
    params(SubmissionParams),
    responses(
        (status = 200, description = "One page", body = SubmissionPage),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Agency and commissioner keys", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/submissions")]
pub async fn list_submissions(
    state: web::Data<AppState>,
    auth: AuthenticatedKey,
    params: Query<SubmissionParams>,
) -> Result<HttpResponse, ApiError> {
    let (caller, _) =
        auth.require(&[Role::Organisation, Role::Pa, Role::Moderator, Role::Admin])?;
    let params = params.into_inner();
    let page = page_of(params.page, params.per_page)?;
    let filter = SubmissionFilter {
        status: params.status,
        kind: params.kind,
        ..SubmissionFilter::default()
    };
    let paged = state
        .run(move |service| service.submissions(caller, filter, page))
        .await?;
    Ok(HttpResponse::Ok().json(SubmissionPage {
        items: paged.items.into_iter().map(SubmissionView::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
    }))
}

/// Read a submission
#[utoipa::path(
    tag = "listings",
    description = "A submission: its submitter's own (another's is 404, as an unknown id), or \
                   any for moderators and admins.",
    params(("id" = i64, Path, description = "The submission's id")),
    responses(
        (status = 200, description = "The submission", body = SubmissionView),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Agency and commissioner keys", body = ErrorBody),
        (status = 404, description = "Unknown, or another submitter's", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/submissions/{id}")]
pub async fn get_submission(
    state: web::Data<AppState>,
    auth: AuthenticatedKey,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (caller, _) =
        auth.require(&[Role::Organisation, Role::Pa, Role::Moderator, Role::Admin])?;
    let id = SubmissionId(id.into_inner());
    let found = state
        .run(move |service| service.submission(caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(SubmissionView::from(found)))
}

/// A moderator's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approve,
    Reject,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    pub decision: DecisionKind,
    /// Required to reject: it is e-mailed to the submitter.
    pub reason: Option<String>,
}

impl Validate for DecisionBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}

/// Decide a submission
#[utoipa::path(
    tag = "listings",
    description = "Moderators and admins. `approve` applies the submission (a proposal becomes \
                   a provider managed by the organisation, a claim makes the listing the \
                   organisation's, an edit replaces the details) in the same transaction as the \
                   decision and the submitter's e-mail; `reject` needs a `reason`, e-mailed to \
                   the submitter. A decided submission is 409.",
    params(("id" = i64, Path, description = "The submission's id")),
    request_body(content = DecisionBody, example = json!({"decision": "reject", "reason": "Please give the hall's postcode, not the treasurer's."})),
    responses(
        (status = 200, description = "Decided", body = SubmissionView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a moderator or admin key", body = ErrorBody),
        (status = 404, description = "Unknown submission (or the listing it edits is gone)", body = ErrorBody),
        (status = 409, description = "Already decided, or the listing changed hands", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "A rejection without a reason; a payload no longer valid", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/submissions/{id}/decision")]
pub async fn decide_submission(
    state: web::Data<AppState>,
    auth: AuthenticatedKey,
    id: web::Path<i64>,
    body: ValidJson<DecisionBody>,
) -> Result<HttpResponse, ApiError> {
    let (caller, key) = auth.require(&[Role::Moderator, Role::Admin])?;
    let id = SubmissionId(id.into_inner());
    let body = body.into_inner();
    let verdict = match body.decision {
        DecisionKind::Approve => Verdict::Approve,
        DecisionKind::Reject => Verdict::Reject,
    };
    let decided = state
        .run(move |service| service.decide(caller, key, id, verdict, body.reason.as_deref()))
        .await?;
    Ok(HttpResponse::Ok().json(SubmissionView::from(decided)))
}
