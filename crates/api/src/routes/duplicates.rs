//! `GET /v1/providers/duplicates` and `POST /v1/providers/duplicates/{id}`: the likely
//! duplicates that feed imports flagged (an imported provider that looks like one already held
//! from elsewhere), for an admin to review and mark distinct or merged. Imports never merge;
//! marking a pair `merged` records that a person merged them by hand. Admin keys only: the
//! imported providers are managed by admins (docs/openreferral-import.md).

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::web::{self, Query};
use actix_web::{HttpResponse, get, post};
use carematch_domain::{Role, ValidationErrors};
use carematch_store::{DuplicateStatus, HeldDuplicate};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ValidJson, Validate};
use crate::routes::carers::page_of;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_duplicates).service(review_duplicate);
}

/// Where the review of a flagged pair stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Not reviewed yet.
    Open,
    /// Two different organisations.
    Distinct,
    /// The same organisation, merged by a person.
    Merged,
}

impl From<ReviewStatus> for DuplicateStatus {
    fn from(status: ReviewStatus) -> Self {
        match status {
            ReviewStatus::Open => Self::Open,
            ReviewStatus::Distinct => Self::Distinct,
            ReviewStatus::Merged => Self::Merged,
        }
    }
}

impl From<DuplicateStatus> for ReviewStatus {
    fn from(status: DuplicateStatus) -> Self {
        match status {
            DuplicateStatus::Open => Self::Open,
            DuplicateStatus::Distinct => Self::Distinct,
            DuplicateStatus::Merged => Self::Merged,
        }
    }
}

/// A flagged pair: the imported provider and the one already held that it looks like.
#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicateView {
    #[schema(example = 3)]
    pub id: i64,
    #[schema(example = 41)]
    pub provider_id: i64,
    #[schema(example = "The Wah Sum Luncheon Club")]
    pub provider_name: String,
    #[schema(example = 7)]
    pub candidate_id: i64,
    #[schema(example = "Wah Sum Luncheon Club Ltd")]
    pub candidate_name: String,
    /// How alike the two names are, 0 to 1 (trigram similarity of the normalised names).
    #[schema(example = 0.94)]
    pub similarity: f64,
    /// What matched: `name`, `postcode`, `district`, `phone`.
    #[schema(example = json!(["name", "postcode"]))]
    pub reasons: Vec<String>,
    pub status: ReviewStatus,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

impl From<HeldDuplicate> for DuplicateView {
    fn from(d: HeldDuplicate) -> Self {
        Self {
            id: d.id,
            provider_id: d.provider_id.0,
            provider_name: d.provider_name,
            candidate_id: d.candidate_id.0,
            candidate_name: d.candidate_name,
            similarity: d.similarity,
            reasons: d.reasons,
            status: d.status.into(),
            created_at: d.created_at,
            resolved_at: d.resolved_at,
        }
    }
}

/// One page of flagged pairs.
#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicatePage {
    pub items: Vec<DuplicateView>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 2)]
    pub total: u64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListDuplicatesParams {
    /// Only pairs in this state.
    #[param(inline, example = "open")]
    pub status: Option<ReviewStatus>,
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// A reviewer's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// `distinct`, `merged`, or `open` to reopen.
    pub status: ReviewStatus,
}

impl Validate for ReviewBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}

/// List likely duplicates flagged by imports
#[utoipa::path(
    tag = "providers",
    description = "Pairs of providers that a feed import (Open Referral, CQC) flagged as likely \
                   the same organisation: an imported provider and one already held from \
                   elsewhere, with the name similarity and what matched (name, postcode, \
                   district, phone). Oldest first; `status` filters. Imports never merge: a \
                   person reviews each pair. Admin keys only.",
    params(ListDuplicatesParams),
    responses(
        (status = 200, description = "One page of flagged pairs", body = DuplicatePage),
        (status = 400, description = "Malformed query string (a parameter given twice, not a number, an unknown status)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only admin keys review duplicates", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/providers/duplicates")]
pub async fn list_duplicates(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListDuplicatesParams>,
) -> Result<HttpResponse, ApiError> {
    auth.require(&[Role::Admin])?;
    let page = page_of(params.page, params.per_page)?;
    let status = params.status.map(DuplicateStatus::from);
    let paged = state
        .run(move |service| service.duplicates(status, page))
        .await?;
    Ok(HttpResponse::Ok().json(DuplicatePage {
        items: paged.items.into_iter().map(DuplicateView::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
    }))
}

/// Mark a flagged pair distinct or merged
#[utoipa::path(
    tag = "providers",
    description = "Records a reviewer's decision on a flagged pair: `distinct` (two \
                   organisations), `merged` (the same one, merged by hand: this records it, it \
                   changes no provider), or `open` to reopen. Admin keys only.",
    params(("id" = i64, Path, description = "The flag's id")),
    request_body(content = ReviewBody, content_type = "application/json", example = json!({"status": "distinct"})),
    responses(
        (status = 200, description = "Recorded", body = DuplicateView),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only admin keys review duplicates", body = ErrorBody),
        (status = 404, description = "No such flag", body = ErrorBody),
        (status = 413, description = "Body over the size limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`", body = ErrorBody),
        (status = 422, description = "An unknown status", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/providers/duplicates/{id}")]
pub async fn review_duplicate(
    state: web::Data<AppState>,
    auth: Authenticated,
    id: web::Path<i64>,
    body: ValidJson<ReviewBody>,
) -> Result<HttpResponse, ApiError> {
    auth.require(&[Role::Admin])?;
    let id = id.into_inner();
    let status = DuplicateStatus::from(body.into_inner().status);
    let held = state
        .run(move |service| service.resolve_duplicate(id, status))
        .await?;
    Ok(HttpResponse::Ok().json(DuplicateView::from(held)))
}
