//! `/v1/enquiries`: enquiries from the public to the agency that holds a record, the person's
//! private status link, and each agency's inbox. The rules (also in docs/api.md, "Enquiries"):
//!
//! - `POST /v1/enquiries` needs no key: one enquiry per agency concerned, a reference for each
//!   and for the batch, and a private token for the status link. Besides the general rate
//!   limit, each address may send [`RateLimitConfig::enquiries_per_hour`] well-formed
//!   enquiries an hour (429 with `Retry-After`). A filled honeypot (`website`) is answered as if
//!   accepted and nothing is stored; the same enquiry within 24 hours answers 200 with the first
//!   references and queues nothing.
//! - `GET`/`DELETE /v1/enquiries/status/{reference}` need the token (query `token` or header
//!   `X-Enquiry-Token`); a wrong token is 404 exactly as an unknown reference, so references
//!   cannot be probed.
//! - The inbox: agency keys see and change their own enquiries only (another agency's is 404),
//!   admins every agency's, commissioners none (403) but the counts of
//!   `GET /v1/enquiries/summary`, each below 5 suppressed.
//!
//! [`RateLimitConfig::enquiries_per_hour`]: crate::middleware::RateLimitConfig::enquiries_per_hour

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, delete, get, post};
use carematch_domain::enquiry::{
    CloseReason, EnquiryBody, EnquiryContact, EnquiryEventBody, EnquiryItem, EnquiryNeeds,
    EnquiryRequest, EnquiryStatus, InterfaceLocale,
};
use carematch_domain::{AgencyId, Caller, ValidationErrors};
use carematch_service::enquiries::{EnquiryReceipt, EnquirySummary, StatusLine};
use carematch_store::enquiries::{Enquiry, EnquiryEvent};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{Authenticated, hash_key};
use crate::error::{ApiError, ErrorBody};
use crate::json::{ValidJson, Validate};
use crate::middleware::{PublicWrite, charge_public_write};
use crate::routes::carers::page_of;
use crate::state::AppState;

/// The header that may carry a status link's token instead of the query.
pub const TOKEN_HEADER: &str = "x-enquiry-token";

pub fn configure(cfg: &mut ServiceConfig) {
    // `summary` and `status/...` before `{id}`: routes match in the order registered.
    cfg.service(send_enquiry)
        .service(enquiry_summary)
        .service(enquiry_status)
        .service(withdraw_enquiry)
        .service(list_enquiries)
        .service(get_enquiry)
        .service(record_event);
}

impl Validate for EnquiryBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        EnquiryBody::validate(self)
    }
}

impl Validate for EnquiryEventBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        EnquiryEventBody::validate(self)
    }
}

/// One enquiry of a receipt.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptItem {
    #[schema(example = "CM-7K3Q-9XWD")]
    pub reference: String,
    pub agency_id: AgencyId,
    #[schema(example = "Mosaic 1898")]
    pub agency_name: String,
}

/// What the person gets back: keep `status_token` (or the links holding it) private.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnquiryReceiptView {
    /// The batch's reference: its status link shows every enquiry of the batch.
    #[schema(example = "CM-4D8F-2MNB")]
    pub batch: String,
    /// One enquiry per agency concerned.
    pub enquiries: Vec<ReceiptItem>,
    /// The private token (absent for a duplicate: the first link still works).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_token: Option<String>,
    /// `GET` (or `DELETE`) it to read (or withdraw) the whole batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_url: Option<String>,
    /// The same as a web page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_page: Option<String>,
    /// The same enquiry was sent within 24 hours: nothing new was stored or sent.
    pub duplicate: bool,
}

/// `token=...` (tokens are hex digits: nothing to escape).
fn query_token(token: &str) -> String {
    format!("token={token}")
}

impl From<EnquiryReceipt> for EnquiryReceiptView {
    fn from(receipt: EnquiryReceipt) -> Self {
        let links = receipt.token.as_ref().map(|token| {
            (
                format!(
                    "/v1/enquiries/status/{}?{}",
                    receipt.batch,
                    query_token(token)
                ),
                format!("/enquiries/status/{}?{}", receipt.batch, query_token(token)),
            )
        });
        let (status_url, status_page) = links.unzip();
        Self {
            enquiries: receipt
                .enquiries
                .into_iter()
                .map(|line| ReceiptItem {
                    reference: line.reference,
                    agency_id: line.agency,
                    agency_name: line.agency_name,
                })
                .collect(),
            batch: receipt.batch,
            status_token: receipt.token,
            status_url,
            status_page,
            duplicate: receipt.duplicate,
        }
    }
}

/// Send an enquiry
#[utoipa::path(
    tag = "enquiries",
    description = "Sends an enquiry about 1 to 20 carers and providers to the agencies that \
                   hold them, with no account: one enquiry per agency concerned. A carer must be \
                   publicly listed (otherwise it is `not_found`, as an unknown id is); a provider \
                   goes to the agency that manages it, and one managed by none takes enquiries \
                   directly (`no_agency`: its contact details are on its card). `consent` must be \
                   `true`. Answers 201 with a reference per agency, the batch's reference and the \
                   private status link (keep it: it is shown once). The same contact, items and \
                   message within 24 hours answer 200 with the first references and no link. \
                   Each address may send 5 enquiries an hour (setting \
                   `rate_limit_enquiries_per_hour`).",
    request_body(content = EnquiryBody, example = json!({
        "name": "Mrs Chan",
        "contact": {"by": "callback", "phone": "07700 900123", "language": "yue"},
        "items": [{"kind": "carer", "id": 12}, {"kind": "provider", "id": 5}],
        "message": "My mother needs help with meals on weekday mornings.",
        "consent": true,
        "needs": {"languages": ["yue"], "diets": [], "services": ["meal_preparation"]},
        "outward_code": "LE1",
        "locale": "zh-Hant"})),
    responses(
        (status = 201, description = "Sent", body = EnquiryReceiptView),
        (status = 200, description = "The same enquiry was sent within 24 hours: the first references, nothing new", body = EnquiryReceiptView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Invalid fields (named), an unknown or unlisted carer, a provider without an agency, no consent", body = ErrorBody),
        (status = 429, description = "Too many requests, or too many enquiries from this address (see `Retry-After`)", body = ErrorBody)
    )
)]
#[post("/enquiries")]
pub async fn send_enquiry(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<EnquiryBody>,
) -> Result<HttpResponse, ApiError> {
    let request = EnquiryRequest::try_from(body.into_inner())?;
    if let Some(refused) = charge_public_write(&req, PublicWrite::Enquiry) {
        return Ok(refused);
    }
    let receipt = state
        .run(move |service| service.send_enquiry(&request))
        .await?;
    let view = EnquiryReceiptView::from(receipt);
    Ok(if view.duplicate {
        HttpResponse::Ok().json(view)
    } else {
        HttpResponse::Created().json(view)
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenParams {
    /// The private token of the status link (or send it as `X-Enquiry-Token`).
    #[param(min_length = 1, max_length = 128, pattern = "^[0-9a-f]+$")]
    pub token: Option<String>,
}

fn token_of(req: &HttpRequest, params: &TokenParams) -> String {
    params
        .token
        .clone()
        .or_else(|| {
            req.headers()
                .get(TOKEN_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default()
}

/// An agency's public contact details.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyPublic {
    pub id: AgencyId,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// One enquiry as its sender sees it: where it stands and who has it. Nothing the agency
/// recorded (notes) is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusItem {
    #[schema(example = "CM-7K3Q-9XWD")]
    pub reference: String,
    pub status: EnquiryStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close_reason: Option<CloseReason>,
    pub agency: AgencyPublic,
    pub sent_at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// The enquiries under a reference (one, or a whole batch).
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusView {
    pub enquiries: Vec<StatusItem>,
}

impl From<StatusLine> for StatusItem {
    fn from(line: StatusLine) -> Self {
        let e = line.enquiry;
        Self {
            reference: e.reference,
            status: e.status,
            close_reason: e.close_reason,
            agency: AgencyPublic {
                id: line.agency.id,
                phone: line.agency.phone,
                email: line.agency.email,
                website: line.agency.website,
                name: line.agency.name,
            },
            sent_at: e.created_at,
            contacted_at: e.contacted_at,
            introduced_at: e.introduced_at,
            closed_at: e.closed_at,
        }
    }
}

/// Read an enquiry's status (the person's private link)
#[utoipa::path(
    tag = "enquiries",
    description = "The status of an enquiry, or of every enquiry of a batch, for the person who \
                   sent it: give the private token as `token` or in `X-Enquiry-Token`. A wrong \
                   or missing token is 404, exactly as an unknown reference. No key needed.",
    params(
        ("reference" = String, Path, description = "An enquiry's or a batch's reference", example = "CM-7K3Q-9XWD"),
        TokenParams,
        ("X-Enquiry-Token" = Option<String>, Header, description = "The token, instead of the query")
    ),
    responses(
        (status = 200, description = "Where each enquiry stands", body = StatusView),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 404, description = "No such reference, or not with this token", body = ErrorBody),
        (status = 422, description = "A query parameter given empty (`token=`, or another with no value)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/enquiries/status/{reference}")]
pub async fn enquiry_status(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    params: Query<TokenParams>,
) -> Result<HttpResponse, ApiError> {
    let token = token_of(&req, &params);
    let reference = reference.into_inner();
    let lines = state
        .run(move |service| service.enquiry_status(&reference, &token))
        .await?;
    Ok(HttpResponse::Ok().json(StatusView {
        enquiries: lines.into_iter().map(StatusItem::from).collect(),
    }))
}

/// Withdraw an enquiry and delete it (the person's private link)
#[utoipa::path(
    tag = "enquiries",
    description = "Withdraws the enquiry (or every enquiry of the batch) and deletes it: the \
                   person's details, the message, the history and every mail about it. Each \
                   agency is told that it was withdrawn, without those details. The token as for \
                   reading the status; a wrong one is 404. Answers 204.",
    params(
        ("reference" = String, Path, description = "An enquiry's or a batch's reference", example = "CM-7K3Q-9XWD"),
        TokenParams,
        ("X-Enquiry-Token" = Option<String>, Header, description = "The token, instead of the query")
    ),
    responses(
        (status = 204, description = "Withdrawn and deleted"),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 404, description = "No such reference, or not with this token", body = ErrorBody),
        (status = 422, description = "A query parameter given empty (`token=`, or another with no value)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[delete("/enquiries/status/{reference}")]
pub async fn withdraw_enquiry(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    params: Query<TokenParams>,
) -> Result<HttpResponse, ApiError> {
    let token = token_of(&req, &params);
    let reference = reference.into_inner();
    state
        .run(move |service| service.withdraw_enquiry(&reference, &token))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// One entry of an enquiry's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventView {
    pub at: DateTime<Utc>,
    /// Who: `person`, `api key 7`, `console (key 7)`.
    #[schema(example = "api key 7")]
    pub actor: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<EnquiryStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close_reason: Option<CloseReason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl From<EnquiryEvent> for EventView {
    fn from(event: EnquiryEvent) -> Self {
        Self {
            at: event.at,
            actor: event.actor,
            status: event.status,
            close_reason: event.close_reason,
            note: event.note,
        }
    }
}

/// An enquiry as its agency sees it: the person's details, what it is about, where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnquiryView {
    #[schema(example = 41)]
    pub id: i64,
    #[schema(example = "CM-7K3Q-9XWD")]
    pub reference: String,
    #[schema(example = "CM-4D8F-2MNB")]
    pub batch: String,
    pub agency_id: AgencyId,
    pub status: EnquiryStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close_reason: Option<CloseReason>,
    /// The person's name or initials.
    pub name: String,
    pub contact: EnquiryContact,
    /// The carers and providers of this agency the enquiry is about.
    pub items: Vec<EnquiryItem>,
    pub message: String,
    pub needs: EnquiryNeeds,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outward_code: Option<String>,
    /// The language the person used the site in (and gets mails in).
    pub locale: InterfaceLocale,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub contacted_at: Option<DateTime<Utc>>,
    pub introduced_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The statuses it may move to next.
    pub next: Vec<EnquiryStatus>,
    /// Its history, oldest first (one enquiry only; absent in lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<EventView>>,
}

impl EnquiryView {
    fn new(e: Enquiry, events: Option<Vec<EnquiryEvent>>) -> Self {
        Self {
            id: e.id,
            reference: e.reference,
            batch: e.batch,
            agency_id: e.agency_id,
            status: e.status,
            close_reason: e.close_reason,
            name: e.name,
            contact: EnquiryContact {
                by: e.contact.by,
                phone: e.contact.phone,
                email: e.contact.email,
                language: e.contact.callback_language,
            },
            items: e.items,
            message: e.message,
            needs: e.needs,
            outward_code: e.outward_code,
            locale: e.locale,
            created_at: e.created_at,
            updated_at: e.updated_at,
            contacted_at: e.contacted_at,
            introduced_at: e.introduced_at,
            closed_at: e.closed_at,
            next: e.status.next().collect(),
            events: events.map(|events| events.into_iter().map(EventView::from).collect()),
        }
    }
}

/// One page of enquiries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnquiryPage {
    pub items: Vec<EnquiryView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 3)]
    pub total: u64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListEnquiriesParams {
    /// Only enquiries with this status.
    pub status: Option<EnquiryStatus>,
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// The inbox's callers: agencies and admins; anonymous callers 401, commissioners 403.
fn inbox_caller(auth: Authenticated) -> Result<Caller, ApiError> {
    auth.require(&[
        carematch_domain::Role::Agency,
        carematch_domain::Role::Admin,
    ])
}

/// List enquiries (the agency's inbox)
#[utoipa::path(
    tag = "enquiries",
    description = "The calling agency's own enquiries, newest first, optionally of one status; \
                   an admin's list holds every agency's. Commissioners get 403: they see \
                   `GET /v1/enquiries/summary` only.",
    params(ListEnquiriesParams),
    responses(
        (status = 200, description = "One page of enquiries", body = EnquiryPage),
        (status = 400, description = "Malformed query string (an unknown status, a parameter given twice)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners see counts only", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/enquiries")]
pub async fn list_enquiries(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListEnquiriesParams>,
) -> Result<HttpResponse, ApiError> {
    let caller = inbox_caller(auth)?;
    let page = page_of(params.page, params.per_page)?;
    let status = params.status;
    let paged = state
        .run(move |service| service.enquiries(caller, status, page))
        .await?;
    Ok(HttpResponse::Ok().json(EnquiryPage {
        items: paged
            .items
            .into_iter()
            .map(|e| EnquiryView::new(e, None))
            .collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
    }))
}

/// Read an enquiry and its history
#[utoipa::path(
    tag = "enquiries",
    description = "One of the calling agency's enquiries with its history (who did what when). \
                   Another agency's is 404, as if it did not exist; admins read any.",
    params(("id" = i64, Path, description = "Enquiry id")),
    responses(
        (status = 200, description = "The enquiry", body = EnquiryView),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners see counts only", body = ErrorBody),
        (status = 404, description = "No such enquiry of this agency", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/enquiries/{id}")]
pub async fn get_enquiry(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let caller = inbox_caller(auth)?;
    let id = id.into_inner();
    let (enquiry, events) = state
        .run(move |service| service.enquiry(caller, id))
        .await?;
    Ok(HttpResponse::Ok().json(EnquiryView::new(enquiry, Some(events))))
}

/// Who is acting, for the history: the key's id (never the key).
async fn actor(req: &HttpRequest, state: &web::Data<AppState>) -> Result<String, ApiError> {
    let key = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|k| hash_key(k.trim()))
        .ok_or(ApiError::Unauthorized)?;
    let store = state.store.clone();
    let record = web::block(move || store.find_api_key(&key))
        .await??
        .ok_or(ApiError::Unauthorized)?;
    Ok(format!("api key {}", record.id))
}

/// Change an enquiry's status, or add a note
#[utoipa::path(
    tag = "enquiries",
    description = "Records a status change (forward only: new -> contacted -> introduced -> \
                   closed, steps may be skipped; closing needs `close_reason`), a note, or both, \
                   with the calling key and the time. A status change the enquiry's status does \
                   not allow is 422 with `invalid_transition` on `status`. When the person gave \
                   an e-mail, a status change is mailed to them in their language, queued in the \
                   same transaction. Answers with the enquiry and its history.",
    params(("id" = i64, Path, description = "Enquiry id")),
    request_body(content = EnquiryEventBody, example = json!({"status": "introduced", "note": "Introduced to Mei L.; meeting on Tuesday."})),
    responses(
        (status = 200, description = "Recorded", body = EnquiryView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Commissioners see counts only", body = ErrorBody),
        (status = 404, description = "No such enquiry of this agency", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Nothing to record, a reason missing or out of place, a note too long, or a status change not allowed (`invalid_transition`)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/enquiries/{id}/events")]
pub async fn record_event(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    body: ValidJson<EnquiryEventBody>,
) -> Result<HttpResponse, ApiError> {
    let caller = inbox_caller(auth)?;
    let actor = actor(&req, &state).await?;
    let id = id.into_inner();
    let body = body.into_inner();
    let (enquiry, events) = state
        .run(move |service| service.record_enquiry_event(caller, id, actor, &body))
        .await?;
    Ok(HttpResponse::Ok().json(EnquiryView::new(enquiry, Some(events))))
}

/// A count, or `null` where fewer than 5 (but more than none) were counted.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusCount {
    pub status: EnquiryStatus,
    #[schema(example = 12)]
    pub count: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthCount {
    #[schema(example = "2026-11")]
    pub month: String,
    #[schema(example = 7)]
    pub count: Option<u64>,
}

/// Enquiry counts over every agency, no personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnquirySummaryView {
    /// `null` when 1 to 4.
    pub total: Option<u64>,
    pub by_status: Vec<StatusCount>,
    /// By month sent (UTC).
    pub by_month: Vec<MonthCount>,
    /// Counts below this (but above 0) are `null`.
    #[schema(example = 5)]
    pub suppressed_below: u64,
}

impl From<EnquirySummary> for EnquirySummaryView {
    fn from(summary: EnquirySummary) -> Self {
        Self {
            total: summary.total,
            by_status: summary
                .by_status
                .into_iter()
                .map(|(status, count)| StatusCount { status, count })
                .collect(),
            by_month: summary
                .by_month
                .into_iter()
                .map(|(month, count)| MonthCount { month, count })
                .collect(),
            suppressed_below: carematch_service::enquiries::SUPPRESS_BELOW,
        }
    }
}

/// Enquiry counts (commissioners)
#[utoipa::path(
    tag = "enquiries",
    description = "How many enquiries there are by status and by month sent, over every agency, \
                   with no personal data; counts from 1 to 4 are `null`. Commissioner and admin \
                   keys.",
    responses(
        (status = 200, description = "The counts", body = EnquirySummaryView),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Agency keys read their own inbox instead", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/enquiries/summary")]
pub async fn enquiry_summary(
    state: web::Data<AppState>,
    auth: Authenticated,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[
        carematch_domain::Role::Commissioner,
        carematch_domain::Role::Admin,
    ])?;
    let summary = state
        .run(move |service| service.enquiry_summary(caller))
        .await?;
    Ok(HttpResponse::Ok().json(EnquirySummaryView::from(summary)))
}
