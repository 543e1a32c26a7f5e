//! `/v1/pa`: personal assistants who register themselves, vouched for by an agency
//! (docs/listings.md, "PA self-registration"; docs/api.md, "PA self-registration").
//!
//! - `POST /v1/pa/registrations` needs no key. It is charged to the same per-address hourly
//!   budget as enquiries, a filled honeypot (`website`) stores nothing, and the same e-mail
//!   registering again stores nothing: all three answer 202 exactly as a new registration, so
//!   the endpoint tells nobody whether an address is registered.
//! - `GET /v1/pa/registrations`: an agency's confirmed PAs waiting for its checks;
//!   `POST /v1/carers/{id}/vetting`: the agency's (or an admin's) decision.
//! - `/v1/pa/me...`: a PA key (or the PA's web session) reads and keeps current their own
//!   record only.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::web::Query;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use carematch_domain::{
    AgencyId, Caller, Carer, CarerDetails, CarerId, Check, Role, Slot, SubmissionKind,
    SubmissionStatus, ValidationErrors, Vetting,
};
use carematch_service::accounts::LinkMail;
use carematch_service::pa::{
    OperationalUpdate, PaEdit, PaRegistration, VettingDecision, validate_registration,
};
use carematch_store::Submission;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ValidJson, Validate};
use crate::middleware::{PublicWrite, charge_public_write};
use crate::routes::carers::if_match;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(register)
        .service(confirm)
        .service(registrations)
        .service(decide_vetting)
        .service(me)
        .service(edit_me)
        .service(update_operational)
        .service(confirm_me)
        .service(my_submissions);
}

/// A PA's own registration.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaRegistrationBody {
    /// The agency the PA asks to vouch for them (`GET /v1/agencies`).
    #[schema(example = 1, minimum = 1)]
    pub agency_id: i64,
    /// Where the confirm and sign-in links go; never shown to anyone.
    #[schema(example = "mei.lam@example.org", max_length = 254)]
    pub email: String,
    /// The PA's profile, as an agency would send it to `POST /v1/carers`, without `checks`
    /// (the agency records those when it approves). `external_ref` is ignored and
    /// `last_confirmed_on` is set to today.
    pub carer: CarerDetails,
    /// Leave out or empty. A field for spam robots: a registration with it filled is answered
    /// as if accepted and thrown away.
    // No `maxLength: 0` in the schema: the server accepts a filled field (and drops the
    // request), so the document must not promise a rejection a robot could learn from.
    #[serde(default)]
    pub website: String,
}

impl Validate for PaRegistrationBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        validate_registration(&self.email, &self.carer, "carer.")
    }
}

/// The answer to every well-formed registration.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationAccepted {
    /// Always `check_your_email`: follow the link we sent to confirm your registration.
    #[schema(example = "check_your_email")]
    pub status: &'static str,
}

/// The confirm mail of an API registration (the web form writes it in the PA's language).
fn confirm_mail() -> LinkMail {
    LinkMail {
        subject: "Confirm your carematch registration".into(),
        body: "Please confirm your e-mail address to send your registration to your agency:\n\n\
               {link}\n\nThe link works once, for 7 days. If you did not register, ignore this \
               mail."
            .into(),
    }
}

/// Register as a PA
#[utoipa::path(
    tag = "pa",
    description = "A personal assistant registers themselves, with no key, and chooses the agency \
                   that will vouch for them. The record is stored `pending`: nobody but that \
                   agency sees it, and the agency hears of it only once the PA confirms their \
                   e-mail by the link we send. Validation as `POST /v1/carers` (fields under \
                   `carer.`); `carer.checks` must be empty. Answers 202 alike for a new \
                   registration, an e-mail already registered and a filled honeypot. Charged to \
                   the per-address hourly budget of enquiries.",
    request_body(content = PaRegistrationBody, content_type = "application/json", example = json!({
        "agency_id": 1, "email": "mei.lam@example.org",
        "carer": {"given_name": "Mei", "family_name": "Lam", "gender": "female",
            "languages": [{"code": "yue", "proficiency": "native"}],
            "cuisines": ["cantonese"], "services": ["personal_care"],
            "availability": [{"day": "mon", "start": "09:00", "end": "13:00"}],
            "hours_per_week": 16, "available_from": "2026-12-01", "postcode": "LE1 5WW",
            "travel_radius_km": 8.0, "travel_mode": "public_transport", "hourly_rate": 1350,
            "employment_status": "self_employed", "public_listing_consent": true,
            "last_confirmed_on": "2026-11-01", "bio": "我做廣東菜。"}})),
    responses(
        (status = 202, description = "Accepted: check your e-mail", body = RegistrationAccepted),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named (an unknown agency is `agency_id`, an unknown postcode `postcode`)", body = ErrorBody),
        (status = 429, description = "Too many requests from this address (see `Retry-After`)", body = ErrorBody)
    )
)]
#[post("/pa/registrations")]
pub async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<PaRegistrationBody>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    if let Some(refused) = charge_public_write(&req, PublicWrite::Enquiry) {
        return Ok(refused);
    }
    let registration = PaRegistration {
        agency: AgencyId(body.agency_id),
        email: body.email,
        details: body.carer,
        robot: !body.website.is_empty(),
        confirm_mail: confirm_mail(),
    };
    state
        .run(move |service| service.register_pa(&registration))
        .await?;
    Ok(HttpResponse::Accepted().json(RegistrationAccepted {
        status: "check_your_email",
    }))
}

/// The token of a PA's confirm link.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmBody {
    /// The last part of the link `/pa/confirm/{token}`.
    #[schema(min_length = 1, max_length = 128, example = "3f9a0c...")]
    pub token: String,
}

impl Validate for ConfirmBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("token", &self.token, true, 128);
        errors.into_result()
    }
}

/// Confirm a PA's e-mail
#[utoipa::path(
    tag = "pa",
    description = "What following the confirm link does (the web page `/pa/confirm/{token}` \
                   does it too): confirms the PA's e-mail and, the first time, tells the agency \
                   they chose (its console and an e-mail, queued in the same transaction). A \
                   link works once, for 7 days; an unknown, used or expired one is 404.",
    request_body(content = ConfirmBody, content_type = "application/json"),
    responses(
        (status = 204, description = "Confirmed"),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 404, description = "Unknown, used or expired link", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "No token", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/pa/confirmations")]
pub async fn confirm(
    state: web::Data<AppState>,
    body: ValidJson<ConfirmBody>,
) -> Result<HttpResponse, ApiError> {
    let token = body.into_inner().token;
    state.run(move |service| service.confirm_pa(&token)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Admins name the agency whose waiting PAs they want.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationsParams {
    /// Admins only (required for them); an agency key naming another agency gets 403.
    #[param(minimum = 1)]
    pub agency_id: Option<i64>,
}

/// PAs waiting for an agency's checks
#[utoipa::path(
    tag = "pa",
    description = "The self-registered PAs who chose the caller's agency, confirmed their e-mail \
                   and wait for its checks (`vetting: pending`), oldest first, in full. Agency \
                   keys and admins (who name the agency with `agency_id`) only.",
    params(RegistrationsParams),
    responses(
        (status = 200, description = "The waiting PAs", body = Vec<Carer>),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not an agency or admin key, or another agency's list", body = ErrorBody),
        (status = 422, description = "An admin without `agency_id`", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/pa/registrations")]
pub async fn registrations(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<RegistrationsParams>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let agency = carematch_service::records::acting_agency(caller, params.agency_id)?;
    let waiting = state
        .run(move |service| service.pending_pas(caller, agency))
        .await?;
    Ok(HttpResponse::Ok().json(waiting))
}

/// Approve or reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Reject,
}

/// An agency's vetting decision on a PA who registered themselves.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VettingBody {
    pub decision: Decision,
    /// Required to reject (the PA is told it); optional to approve.
    #[serde(default)]
    #[schema(max_length = 1000, example = "")]
    pub reason: String,
    /// The checks the agency verified (DBS, right to work ...); they join the record's checks
    /// as agency-entered checks do, one of each kind.
    #[serde(default)]
    pub checks: Vec<Check>,
}

impl Validate for VettingBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text(
            "reason",
            &self.reason,
            self.decision == Decision::Reject,
            1000,
        );
        carematch_domain::checks::validate_checks("checks", &self.checks, &mut errors);
        errors.into_result()
    }
}

/// Decide a PA's vetting
#[utoipa::path(
    tag = "pa",
    description = "The agency the PA chose (or an admin) approves or rejects a pending PA after \
                   checking their DBS and right to work. Approved, the PA becomes public if they \
                   agreed to a public listing; rejected, never. The PA is e-mailed the decision \
                   in the same transaction. A second decision is 409.",
    params(("id" = i64, Path, description = "Carer id")),
    request_body(content = VettingBody, content_type = "application/json", example = json!({
        "decision": "approve", "reason": "",
        "checks": [{"kind": "dbs_enhanced", "expires_on": "2029-12-01", "reference": "001234567890"},
                   {"kind": "right_to_work", "expires_on": "2030-01-01"}]})),
    responses(
        (status = 200, description = "Decided: the record as it is now", body = Carer),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not an agency or admin key, or another agency's PA", body = ErrorBody),
        (status = 404, description = "No such carer", body = ErrorBody),
        (status = 409, description = "Already decided (or an agency-entered record)", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields (a rejection without a reason)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/carers/{id}/vetting")]
pub async fn decide_vetting(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    body: ValidJson<VettingBody>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let id = CarerId(id.into_inner());
    let body = body.into_inner();
    let decision = VettingDecision {
        approve: body.decision == Decision::Approve,
        reason: body.reason,
        checks: body.checks,
    };
    let carer = state
        .run(move |service| service.decide_vetting(caller, id, &decision))
        .await?;
    Ok(HttpResponse::Ok().json(carer))
}

/// The PA of a request: a PA key (or the PA's web session).
fn pa(auth: Authenticated) -> Result<(Caller, CarerId), ApiError> {
    let caller = auth.require(&[Role::Pa])?;
    match caller {
        Caller::Pa { carer, .. } => Ok((caller, carer)),
        _ => Err(ApiError::Forbidden),
    }
}

/// A PA's own record with its listing state.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaProfile {
    pub carer: Carer,
    /// `pending` until the agency approves.
    pub vetting: Vetting,
    /// Whether the public sees the record (consent, approved, not stale).
    pub public: bool,
}

impl From<Carer> for PaProfile {
    fn from(carer: Carer) -> Self {
        Self {
            vetting: carer.listing.vetting,
            public: carer.is_public(),
            carer,
        }
    }
}

/// My own record (PA)
#[utoipa::path(
    tag = "pa",
    description = "A PA's own record in full, with its vetting and whether it is public. PA keys \
                   only: a PA reads no other carer's record here.",
    responses(
        (status = 200, description = "The PA's record", body = PaProfile),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a PA key", body = ErrorBody),
        (status = 404, description = "The record was deleted", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/pa/me")]
pub async fn me(state: web::Data<AppState>, auth: Authenticated) -> Result<HttpResponse, ApiError> {
    let (caller, id) = pa(auth)?;
    let carer = state.run(move |service| service.pa_own(caller, id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::ETAG,
            format!("\"{}\"", carer.version),
        ))
        .json(PaProfile::from(carer)))
}

/// The answer to a PA's edit: applied (pending record) or waiting for moderation.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PaEditView {
    /// The record was pending: changed at once.
    Applied { carer: Box<Carer> },
    /// The record is public: the change waits for a moderator.
    Submitted { submission: SubmissionView },
}

/// One of the PA's edits in the moderation queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct SubmissionView {
    #[schema(value_type = i64, example = 4)]
    pub id: i64,
    pub kind: SubmissionKind,
    pub status: SubmissionStatus,
    /// The moderator's reason, once decided.
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl From<Submission> for SubmissionView {
    fn from(s: Submission) -> Self {
        Self {
            id: s.id.0,
            kind: s.kind,
            status: s.status,
            reason: s.reason,
            created_at: s.created_at,
            decided_at: s.decided_at,
        }
    }
}

/// Change my profile (PA)
#[utoipa::path(
    tag = "pa",
    description = "A PA's new profile (the body of `POST /v1/carers`). While the agency has not \
                   yet approved the PA (nothing is public) it applies at once: 200. Once \
                   approved, the change waits in the moderation queue as an `edit_carer` \
                   submission and nothing public changes until a moderator approves it: 202. \
                   Checks, the agency's reference and the confirmation date stay as stored. A \
                   rejected registration is 409.",
    request_body(content = CarerDetails, content_type = "application/json"),
    responses(
        (status = 200, description = "Applied", body = PaEditView),
        (status = 202, description = "Submitted for moderation", body = PaEditView),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a PA key", body = ErrorBody),
        (status = 404, description = "The record was deleted", body = ErrorBody),
        (status = 409, description = "The registration was rejected, or the record changed meanwhile", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[put("/pa/me")]
pub async fn edit_me(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: ValidJson<CarerDetails>,
) -> Result<HttpResponse, ApiError> {
    let (caller, id) = pa(auth)?;
    let details = body.into_inner();
    let edit = state
        .run(move |service| service.pa_edit(caller, id, &details, ""))
        .await?;
    Ok(match edit {
        PaEdit::Applied(carer) => HttpResponse::Ok().json(PaEditView::Applied { carer }),
        PaEdit::Submitted(submission) => HttpResponse::Accepted().json(PaEditView::Submitted {
            submission: SubmissionView::from(*submission),
        }),
    })
}

/// The operational facts a PA keeps current themselves.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationalBody {
    /// Weekly slots when the PA is free.
    pub availability: Vec<Slot>,
    #[schema(maximum = 80, example = 12)]
    pub hours_per_week: u8,
    pub accepting_new_clients: bool,
}

impl Validate for OperationalBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (i, slot) in self.availability.iter().enumerate() {
            slot.validate(&format!("availability[{i}]"), &mut errors);
        }
        if self.hours_per_week > carematch_domain::carer::MAX_HOURS_PER_WEEK {
            errors.push(
                "hours_per_week",
                "out_of_range",
                format!(
                    "must be at most {}",
                    carematch_domain::carer::MAX_HOURS_PER_WEEK
                ),
            );
        }
        errors.into_result()
    }
}

/// Update my availability (PA)
#[utoipa::path(
    tag = "pa",
    description = "A PA keeps their weekly availability, free hours and whether they take new \
                   clients current themselves: applied at once (the agency vouched for the \
                   person; these facts change week by week), the version goes up and search and \
                   matching catch up. Send the version you read as `If-Match` to avoid \
                   overwriting a change made meanwhile (409).",
    params(crate::routes::carers::IfMatchHeader),
    request_body(content = OperationalBody, content_type = "application/json", example = json!({
        "availability": [{"day": "tue", "start": "09:00", "end": "12:00"}],
        "hours_per_week": 12, "accepting_new_clients": true})),
    responses(
        (status = 200, description = "Applied", body = PaProfile),
        (status = 400, description = "Malformed JSON or If-Match", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a PA key", body = ErrorBody),
        (status = 404, description = "The record was deleted", body = ErrorBody),
        (status = 409, description = "Stale If-Match version", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields, each named", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[put("/pa/me/availability")]
pub async fn update_operational(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    body: ValidJson<OperationalBody>,
) -> Result<HttpResponse, ApiError> {
    let (caller, id) = pa(auth)?;
    let expected = if_match(&req)?;
    let body = body.into_inner();
    let update = OperationalUpdate {
        availability: body.availability,
        hours_per_week: body.hours_per_week,
        accepting_new_clients: body.accepting_new_clients,
    };
    let carer = state
        .run(move |service| service.pa_update_operational(caller, id, &update, expected))
        .await?;
    Ok(HttpResponse::Ok().json(PaProfile::from(carer)))
}

/// Confirm my record is still true (PA)
#[utoipa::path(
    tag = "pa",
    description = "\"All still true\": the record's `last_confirmed_on` becomes today, confirmed \
                   by the PA; a record hidden as stale comes back.",
    responses(
        (status = 200, description = "Confirmed", body = PaProfile),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a PA key", body = ErrorBody),
        (status = 404, description = "The record was deleted", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/pa/me/confirm")]
pub async fn confirm_me(
    state: web::Data<AppState>,
    auth: Authenticated,
) -> Result<HttpResponse, ApiError> {
    let (caller, id) = pa(auth)?;
    let carer = state
        .run(move |service| service.pa_confirm_listing(caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(PaProfile::from(carer)))
}

/// My edits waiting for moderation (PA)
#[utoipa::path(
    tag = "pa",
    description = "The PA's own `edit_carer` submissions and their status, oldest first (up to \
                   100). Never their payloads' values beyond the PA's own.",
    responses(
        (status = 200, description = "The PA's submissions", body = Vec<SubmissionView>),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not a PA key", body = ErrorBody),
        (status = 404, description = "The record was deleted", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/pa/me/submissions")]
pub async fn my_submissions(
    state: web::Data<AppState>,
    auth: Authenticated,
) -> Result<HttpResponse, ApiError> {
    let (caller, id) = pa(auth)?;
    let found = state
        .run(move |service| service.pa_submissions(caller, id, None))
        .await?;
    Ok(HttpResponse::Ok().json(
        found
            .into_iter()
            .map(SubmissionView::from)
            .collect::<Vec<_>>(),
    ))
}
