//! `/v1/vacancies`: support plans opened for filling, and `GET /v1/reports/time-to-fill`.
//!
//! - An agency opens a vacancy for its client (from a saved plan or inline), lists its own
//!   (urgent first), sees the open vacancies its PAs match (ranked, explained) and puts a PA
//!   of its own forward.
//! - Anyone may post their needs as a vacancy (`POST /v1/vacancies/public`: the outward code
//!   and the needs only), under a dedicated per-client limit; they get a reference and a private
//!   token, and with it see who was put forward and mark the vacancy filled or withdrawn.
//! - Only the owner sees a vacancy whole: another agency, a wrong token or an unknown reference
//!   are all 404, so references cannot be probed.
//!
//! Vacancies are personal data: handlers never log them.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

pub mod views;

use actix_web::http::header;
use actix_web::web::{self, Query};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_domain::{AgencyId, Caller, Role, ValidationErrors};
use carematch_service::vacancies::time_to_fill::TimeToFillReport;
use carematch_service::vacancies::{
    OpenVacancy, OwnerProof, PublicVacancyPost, PutForward, StatusChange, parse_status,
};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use views::{
    MatchingList, MatchingView, OwnerVacancyView, PostedView, ProposalCreated, VacancyPage,
    VacancyView,
};

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::json::{ValidJson, Validate};
use crate::middleware::{PublicWrite, charge_public_write};
use crate::routes::carers::page_of;
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(open_vacancy)
        .service(post_vacancy)
        .service(list_vacancies)
        .service(matching_vacancies)
        .service(get_vacancy)
        .service(put_forward)
        .service(change_status)
        .service(time_to_fill);
}

// Bodies are checked by the service, which names every bad field.
impl Validate for OpenVacancy {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}
impl Validate for PublicVacancyPost {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}
impl Validate for PutForward {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}
impl Validate for StatusChange {
    fn validate(&self) -> Result<(), ValidationErrors> {
        Ok(())
    }
}

/// The longest token accepted; a longer one cannot be ours.
const MAX_TOKEN: usize = 128;

fn agency_of(auth: Authenticated) -> Result<AgencyId, ApiError> {
    match auth.require(&[Role::Agency])? {
        Caller::Agency(agency) => Ok(agency),
        _ => Err(ApiError::Forbidden),
    }
}

/// The private token, when given.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenParams {
    /// The token of a person's private link (for a vacancy posted from the find page).
    #[param(
        min_length = 1,
        max_length = 128,
        pattern = "^[0-9a-f]+$",
        example = "3f1c2a9b7e4d6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6"
    )]
    pub token: Option<String>,
}

/// Who acts as the owner: a token if given, else the calling agency.
fn proof(
    auth: &Authenticated,
    token: Option<String>,
    reference: &str,
) -> Result<OwnerProof, ApiError> {
    match (token, auth.0) {
        (Some(token), _) if token.len() > MAX_TOKEN => Err(ApiError::NotFound {
            what: "vacancy",
            id: reference.to_owned(),
        }),
        (Some(token), _) => Ok(OwnerProof::Token(token)),
        (None, Caller::Agency(agency)) => Ok(OwnerProof::Agency(agency)),
        (None, Caller::Anonymous) => Err(ApiError::Unauthorized),
        (
            None,
            Caller::Commissioner
            | Caller::Admin
            | Caller::Organisation(_)
            | Caller::Moderator
            | Caller::Pa { .. },
        ) => Err(ApiError::Forbidden),
    }
}

/// Open a vacancy
#[utoipa::path(
    tag = "vacancies",
    description = "Opens a vacancy for the calling agency's client: from one of its saved plans \
                   (`saved_plan_id`; the plan is copied, so deleting the saved plan later \
                   changes nothing) or a plan given inline. `urgent` marks a person leaving \
                   hospital: urgent vacancies come first in every list. Every other agency with \
                   an e-mail address and at least one matching PA gets an alert (needs and \
                   outward code only) through the outbox, in the same transaction. Agency keys \
                   only. Answers 201.",
    request_body(content = OpenVacancy, example = json!({"saved_plan_id": 7, "urgent": true})),
    responses(
        (status = 201, description = "Opened", body = VacancyView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys open vacancies", body = ErrorBody),
        (status = 404, description = "No such saved plan of this agency", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "Neither or both of saved_plan_id and plan, an invalid plan (fields named `plan....`), or an unknown postcode", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[post("/vacancies")]
pub async fn open_vacancy(
    state: web::Data<AppState>,
    auth: Authenticated,
    body: ValidJson<OpenVacancy>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let request = body.into_inner();
    let today = carematch_service::today();
    let vacancy = state
        .run(move |service| service.open_vacancy(agency, &request, today))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/v1/vacancies/{}", vacancy.reference),
        ))
        .json(VacancyView::from(&vacancy)))
}

/// Post your needs as a vacancy
#[utoipa::path(
    tag = "vacancies",
    description = "For anyone, no key needed: posts a person's needs as a vacancy that agencies \
                   whose PAs match can see and answer. Only the outward code (the first half of \
                   the postcode) and the needs are taken: there is no field for a name, a full \
                   postcode or contact details, and unknown fields are refused. Languages, \
                   dietary laws and services are required of a PA; faith practices and the \
                   schedule are preferred; PAs within 10 km of the outward code's centroid are \
                   considered. Answers 201 with a reference and a private token (shown only \
                   now; only its SHA-256 is kept): give it back as `?token=` to see who was put \
                   forward and to mark the vacancy filled or withdrawn. Each address may post \
                   6 vacancies an hour (setting `rate_limit_vacancy_posts_per_hour`; 429 with \
                   `Retry-After` beyond).",
    request_body(content = PublicVacancyPost, example = json!({
        "outward_code": "LE1", "languages": ["guj"], "dietary_laws": ["vegetarian"],
        "services": ["personal_care", "meal_preparation"],
        "schedule": [{"day": "mon", "start": "09:00", "end": "11:00"}], "urgent": true})),
    responses(
        (status = 201, description = "Posted: the reference and the private link", body = PostedView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "A bad or unknown outward code (a full postcode included), no need at all, too many or repeated codes", body = ErrorBody),
        (status = 429, description = "Too many posts from this client, or too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[post("/vacancies/public")]
pub async fn post_vacancy(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<PublicVacancyPost>,
) -> Result<HttpResponse, ApiError> {
    if let Some(refused) = charge_public_write(&req, PublicWrite::VacancyPost) {
        return Ok(refused);
    }
    let post = body.into_inner();
    let today = carematch_service::today();
    let posted = state
        .run(move |service| service.post_vacancy(&post, today))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(PostedView::from(&posted)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// 1-based page number.
    #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64, example = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub per_page: Option<u32>,
}

/// List the agency's vacancies
#[utoipa::path(
    tag = "vacancies",
    description = "The vacancies the calling agency opened, in every status: urgent first, then \
                   the longest waiting. Agency keys only.",
    params(ListParams),
    responses(
        (status = 200, description = "One page of vacancies", body = VacancyPage),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys have vacancies", body = ErrorBody),
        (status = 422, description = "page or per_page out of range", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/vacancies")]
pub async fn list_vacancies(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let page = page_of(params.page, params.per_page)?;
    let paged = state
        .run(move |service| service.agency_vacancies(agency, page))
        .await?;
    Ok(HttpResponse::Ok().json(VacancyPage {
        items: paged.items.iter().map(VacancyView::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: paged.total,
    }))
}

/// Open vacancies the agency's PAs match
#[utoipa::path(
    tag = "vacancies",
    description = "Every open vacancy (opened by any agency or posted by a person) that at least \
                   one of the calling agency's own PAs matches, each with up to 3 of them, best \
                   first, explained criterion by criterion as in `POST /v1/matches`. Urgent \
                   vacancies first, then by the best score, then the longest waiting. Another \
                   owner's vacancy shows its needs, outward code and dates only. Agency keys only.",
    responses(
        (status = 200, description = "The matching vacancies", body = MatchingList),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agency keys have PAs", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/vacancies/matching")]
pub async fn matching_vacancies(
    state: web::Data<AppState>,
    auth: Authenticated,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let today = carematch_service::today();
    let list = state
        .run(move |service| service.matching_vacancies(agency, today))
        .await?;
    Ok(HttpResponse::Ok().json(MatchingList {
        items: list.iter().map(MatchingView::from).collect(),
    }))
}

/// A vacancy, for its owner
#[utoipa::path(
    tag = "vacancies",
    description = "The vacancy whole, its history (who did what, when) and the PAs put forward: \
                   each PA's public view (never their contact details or address) and the \
                   proposing agency's public name and contact. For the agency that opened it, \
                   or with the private link's `token`. Anyone else, a wrong token or an unknown \
                   reference: 404.",
    params(("reference" = String, Path, description = "The vacancy's reference", example = "V-7K3M9QX2HD"), TokenParams),
    responses(
        (status = 200, description = "The vacancy", body = OwnerVacancyView),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No key and no token", body = ErrorBody),
        (status = 403, description = "Commissioner and admin keys see aggregates only", body = ErrorBody),
        (status = 404, description = "No such vacancy of this owner", body = ErrorBody),
        (status = 422, description = "A query parameter given empty (`token=`, or another with no value)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/vacancies/{reference}")]
pub async fn get_vacancy(
    state: web::Data<AppState>,
    auth: Authenticated,
    reference: web::Path<String>,
    params: Query<TokenParams>,
) -> Result<HttpResponse, ApiError> {
    let reference = reference.into_inner();
    let proof = proof(&auth, params.into_inner().token, &reference)?;
    let today = carematch_service::today();
    let view = state
        .run(move |service| service.owned_vacancy(&reference, &proof))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(OwnerVacancyView::new(&view, today)))
}

/// Put a PA forward for a vacancy
#[utoipa::path(
    tag = "vacancies",
    description = "The calling agency puts one of its own PAs forward for an open or introduced \
                   vacancy, with a note for the owner. The owner sees the PA's public view and \
                   this agency's public contact; an owner agency with an e-mail address hears \
                   of it through the outbox. Another agency's carer: 403. Agency keys only.",
    params(("reference" = String, Path, description = "The vacancy's reference", example = "V-7K3M9QX2HD")),
    request_body(content = PutForward, example = json!({"carer_id": 12, "note": "Speaks Gujarati at home."})),
    responses(
        (status = 201, description = "Put forward", body = ProposalCreated),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Not an agency key, or not this agency's carer", body = ErrorBody),
        (status = 404, description = "No such vacancy", body = ErrorBody),
        (status = 409, description = "That PA was already put forward for it", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "The note is too long, or the vacancy is filled or withdrawn (`vacancy_closed`)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/vacancies/{reference}/proposals")]
pub async fn put_forward(
    state: web::Data<AppState>,
    auth: Authenticated,
    reference: web::Path<String>,
    body: ValidJson<PutForward>,
) -> Result<HttpResponse, ApiError> {
    let agency = agency_of(auth)?;
    let reference = reference.into_inner();
    let request = body.into_inner();
    let (proposal, reference) = state
        .run(move |service| {
            let proposal = service.put_forward(agency, &reference, &request)?;
            Ok((proposal, reference))
        })
        .await?;
    Ok(HttpResponse::Created().json(ProposalCreated::new(&proposal, reference)))
}

/// Mark a vacancy introduced, filled or withdrawn
#[utoipa::path(
    tag = "vacancies",
    description = "The owner (the agency that opened it, or with the private link's `token`) \
                   moves the vacancy on: `open -> introduced -> filled`, `open -> filled` (the \
                   fill is then also the first introduction), or `withdrawn` from open or \
                   introduced. Any other move is 422 with the detail code `invalid_transition`. \
                   Anyone else, a wrong token or an unknown reference: 404.",
    params(("reference" = String, Path, description = "The vacancy's reference", example = "V-7K3M9QX2HD"), TokenParams),
    request_body(content = StatusChange, example = json!({"status": "filled"})),
    responses(
        (status = 200, description = "The vacancy now", body = VacancyView),
        (status = 400, description = "The body is not JSON, or a malformed query string", body = ErrorBody),
        (status = 401, description = "No key and no token", body = ErrorBody),
        (status = 403, description = "Commissioner and admin keys see aggregates only", body = ErrorBody),
        (status = 404, description = "No such vacancy of this owner", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
        (status = 422, description = "An unknown status (`invalid`), or one the vacancy cannot move to (`invalid_transition`)", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/vacancies/{reference}/status")]
pub async fn change_status(
    state: web::Data<AppState>,
    auth: Authenticated,
    reference: web::Path<String>,
    params: Query<TokenParams>,
    body: ValidJson<StatusChange>,
) -> Result<HttpResponse, ApiError> {
    let reference = reference.into_inner();
    let proof = proof(&auth, params.into_inner().token, &reference)?;
    let status = parse_status(&body.into_inner().status)?;
    let vacancy = state
        .run(move |service| service.change_vacancy_status(&reference, &proof, status))
        .await?;
    Ok(HttpResponse::Ok().json(VacancyView::from(&vacancy)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportParams {
    /// `json` (default) or `csv`.
    #[param(pattern = "^(json|csv)$", example = "csv")]
    pub format: Option<String>,
}

/// Time to fill
#[utoipa::path(
    tag = "vacancies",
    description = "Days from a vacancy opened (or an enquiry sent) to the first introduction \
                   and to filled: the median and the 90th percentile (nearest rank), with the \
                   count measured, overall, by need (each language, dietary law and service) \
                   and by local authority (`unknown` when a location cannot be placed). An \
                   agency key gets its own figures in full; commissioner and admin keys get \
                   every agency's together, with every cell counting 1 to 4 suppressed (count \
                   and figures null, `<5` in CSV). JSON, or CSV with `format=csv` (text cells \
                   neutralised against spreadsheet formulas). See docs/api.md, \"Time to fill\".",
    params(ReportParams),
    responses(
        (status = 200, description = "The report", content(
            (TimeToFillReport = "application/json"),
            (String = "text/csv", example = "source,measure,dimension,key,label,count,median_days,p90_days\nvacancy,first_introduction,overall,,All,12,6.5,14.0\n")
        )),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 422, description = "format is neither json nor csv", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/reports/time-to-fill")]
pub async fn time_to_fill(
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ReportParams>,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Commissioner, Role::Admin])?;
    let csv = match params.format.as_deref() {
        None | Some("json") => false,
        Some("csv") => true,
        Some(other) => {
            let mut errors = ValidationErrors::default();
            errors.push("format", "invalid", format!("`{other}`: use json or csv"));
            return Err(errors.into());
        }
    };
    let report = state
        .run(move |service| service.time_to_fill(caller))
        .await?;
    if csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(report.to_csv()));
    }
    Ok(HttpResponse::Ok().json(report))
}
