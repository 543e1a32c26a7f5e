//! `GET /v1/outbox` and `POST /v1/outbox/{id}/retry`: the e-mail notifications queued for
//! delivery (a new enquiry, a status change, a vacancy alert), with their text and where each
//! is (pending, sent, failed). An agency key sees the messages of its own agency; an admin key
//! all. With no SMTP configured nothing is sent, and this (and the console) is where an agency
//! reads them.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::web::{self, Query};
use actix_web::{HttpResponse, get, post};
use carematch_domain::{AgencyId, Caller, Role};
use carematch_store::{MailStatus, OutboxFilter, OutboxMessage};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::routes::carers::page_of;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_outbox).service(retry_message);
}

/// A queued e-mail and where it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxMessageView {
    #[schema(example = 12)]
    pub id: i64,
    /// The Message-ID's local part: every attempt, also one after a crash, carries
    /// `<message_id@domain>`.
    #[schema(example = "0b7e8f9c-3f0e-4a53-9d7e-2f6c1b9a4d11")]
    pub message_id: String,
    /// `enquiry_received`, `enquiry_status`, `vacancy_alert` or `vacancy_update`.
    #[schema(example = "enquiry_received")]
    pub kind: String,
    /// The agency whose console shows it.
    #[schema(example = 1)]
    pub agency_id: Option<i64>,
    pub enquiry_id: Option<i64>,
    pub vacancy_id: Option<i64>,
    #[schema(example = "office@mosaic.example")]
    pub recipient: String,
    #[schema(example = "New enquiry CM-7K2P")]
    pub subject: String,
    pub body: String,
    /// `pending` (queued, or waiting to retry), `sent` or `failed`.
    #[schema(example = "pending")]
    pub status: String,
    /// Attempts started.
    #[schema(example = 0)]
    pub attempts: u32,
    /// When the next attempt may start (for a pending message).
    pub next_attempt_at: DateTime<Utc>,
    /// The last failure, as the SMTP server or the connection reported it.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<OutboxMessage> for OutboxMessageView {
    fn from(m: OutboxMessage) -> Self {
        Self {
            id: m.id,
            message_id: m.message_id,
            kind: m.kind.code().to_owned(),
            agency_id: m.agency.map(|a| a.0),
            enquiry_id: m.enquiry,
            vacancy_id: m.vacancy,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            status: m.status.code().to_owned(),
            attempts: m.attempts,
            next_attempt_at: m.next_attempt_at,
            last_error: m.last_error,
            created_at: m.created_at,
            sent_at: m.sent_at,
        }
    }
}

/// One page of messages, with how many of the caller's are in each state.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxPage {
    pub items: Vec<OutboxMessageView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    /// Messages matching the filter.
    #[schema(example = 3)]
    pub total: u64,
    /// The caller's messages by state (whatever the filter).
    pub counts: OutboxCounts,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxCounts {
    #[schema(example = 2)]
    pub pending: u64,
    #[schema(example = 1)]
    pub sent: u64,
    #[schema(example = 0)]
    pub failed: u64,
}

/// A message's state, as a filter.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OutboxStatus {
    Pending,
    Sent,
    Failed,
}

impl From<OutboxStatus> for MailStatus {
    fn from(status: OutboxStatus) -> Self {
        match status {
            OutboxStatus::Pending => Self::Pending,
            OutboxStatus::Sent => Self::Sent,
            OutboxStatus::Failed => Self::Failed,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListOutboxParams {
    /// Only messages in this state.
    #[param(inline, example = "failed")]
    pub status: Option<OutboxStatus>,
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// The agency an agency key acts for; `None` for an admin (every agency).
fn scope_of(auth: Authenticated) -> Result<Option<AgencyId>, ApiError> {
    match auth.require(&[Role::Agency, Role::Admin])? {
        Caller::Agency(agency) => Ok(Some(agency)),
        Caller::Admin => Ok(None),
        _ => Err(ApiError::Forbidden),
    }
}

/// List queued, sent and failed e-mail
#[utoipa::path(
    tag = "outbox",
    description = "The e-mail notifications of the calling agency (agency keys) or of every \
                   agency (admin keys), newest first, with their text, recipient and state. A \
                   message is written in the same transaction as the change it reports and \
                   delivered by the outbox sender when SMTP is configured; without SMTP it stays \
                   `pending` and is read here. The recipient and text are personal data: \
                   commissioners and the public get 403/401.",
    params(ListOutboxParams),
    responses(
        (status = 200, description = "One page of messages", body = OutboxPage),
        (status = 400, description = "Malformed query string (a parameter given twice, not a number, an unknown status)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency and admin keys see the outbox", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/outbox")]
pub async fn list_outbox(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListOutboxParams>,
) -> Result<HttpResponse, ApiError> {
    let agency = scope_of(auth)?;
    let status = params.status.map(MailStatus::from);
    let page = page_of(params.page, params.per_page)?;
    let filter = OutboxFilter { agency, status };
    let (paged, counts) = state
        .run(move |service| {
            Ok((
                service.outbox(filter, page)?,
                service.outbox_counts(agency)?,
            ))
        })
        .await?;
    Ok(HttpResponse::Ok().json(OutboxPage {
        items: paged
            .items
            .into_iter()
            .map(OutboxMessageView::from)
            .collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
        counts: OutboxCounts {
            pending: counts.pending,
            sent: counts.sent,
            failed: counts.failed,
        },
    }))
}

/// Queue a failed e-mail again
#[utoipa::path(
    tag = "outbox",
    description = "Sends a `failed` message back to the queue: `pending`, due now, its attempts \
                   counted afresh (for instance once the recipient's address or the relay is \
                   fixed). Agency keys for their own messages (another agency's is 404), admin \
                   keys for any. A message that has not failed is 409.",
    params(("id" = i64, Path, description = "Outbox message id")),
    responses(
        (status = 200, description = "Queued again", body = OutboxMessageView),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency and admin keys see the outbox", body = ErrorBody),
        (status = 404, description = "No such message of this agency", body = ErrorBody),
        (status = 409, description = "The message has not failed: nothing to retry", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/outbox/{id}/retry")]
pub async fn retry_message(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let agency = scope_of(auth)?;
    let id = id.into_inner();
    match state
        .run(move |service| service.retry_mail(id, agency))
        .await?
    {
        Some(message) => Ok(HttpResponse::Ok().json(OutboxMessageView::from(message))),
        None => Err(ApiError::Conflict(
            "only a failed message can be queued again".into(),
        )),
    }
}
