//! The moderators' queue on the web (docs/listings.md, "Moderation"): moderators and admins,
//! signed in with a key or an e-mailed link.
//!
//! - `GET /moderation`: the pending submissions, oldest first (kind, who submitted, when, the
//!   note), and a link to the problem reports.
//! - `GET /moderation/submissions/{id}`: one submission: the proposed listing's public fields,
//!   and for an edit which of them change against the current record; Approve and Reject (a
//!   reason is required, and e-mailed to the submitter).
//! - `POST /moderation/submissions/{id}`: the decision, through the same service call as
//!   `POST /v1/submissions/{id}/decision`, so the web and the API apply the same rules.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_domain::moderation::{SubmissionKind, SubmissionStatus};
use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, FaithPractice, Language, ProviderKind, Service,
};
use carematch_domain::{Caller, FieldError, Role, SubmissionId};
use carematch_service::ServiceError;
use carematch_service::listings::Verdict;
use carematch_store::Page;
use carematch_store::submissions::{Submission, SubmissionFilter};
use maud::{Markup, html};
use serde::Deserialize;

use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, see_other};
use crate::pages::server_error;
use crate::session::{current, to_login};

/// Submissions shown on the queue's one page (oldest first: the longest waiting come first).
const QUEUE_SIZE: u32 = 100;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(queue).service(detail).service(decide);
}

/// The signed-in moderator or admin: the caller and the key's id (recorded as the decider).
async fn moderator(
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<(Caller, i64), HttpResponse> {
    let key = current(req, state)
        .await
        .ok_or_else(|| to_login(req.path()))?;
    match key.role {
        Role::Moderator => Ok((Caller::Moderator, key.id)),
        Role::Admin => Ok((Caller::Admin, key.id)),
        _ => Err(to_login(req.path())),
    }
}

pub(crate) fn kind_label(tr: &Tr, kind: SubmissionKind) -> String {
    tr.t(&format!("submission-kind-{}", kind.code()))
}

pub(crate) fn status_label(tr: &Tr, status: SubmissionStatus) -> String {
    tr.t(&format!("submission-status-{}", status.code()))
}

pub(crate) fn when(at: chrono::DateTime<chrono::Utc>) -> Markup {
    html! { time datetime=(at.to_rfc3339()) { (at.format("%Y-%m-%d %H:%M")) } }
}

/// Who sent a submission: the organisation's name, or the PA's profile number.
fn submitter(state: &AppState, submission: &Submission) -> Result<String, ServiceError> {
    Ok(match (submission.organisation_id, submission.carer_id) {
        (Some(organisation), _) => state.service().organisation(organisation)?.name,
        (None, Some(carer)) => format!("PA {}", carer.0),
        (None, None) => String::new(),
    })
}

#[get("/moderation")]
async fn queue(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, _) = match moderator(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lookup = state.clone().into_inner();
    let listed = web::block(move || {
        let filter = SubmissionFilter {
            status: Some(SubmissionStatus::Pending),
            ..SubmissionFilter::default()
        };
        let page = lookup
            .service()
            .submissions(caller, filter, Page::new(1, QUEUE_SIZE))?;
        page.items
            .into_iter()
            .map(|s| Ok((submitter(&lookup, &s)?, s)))
            .collect::<Result<Vec<_>, ServiceError>>()
    })
    .await;
    let Ok(Ok(items)) = listed else {
        return server_error(&ctx);
    };
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("moderation-title")) }
        p { a href="/moderation/reports" { (tr.t("moderation-reports-link")) } }
        h2 { (tr.t("moderation-pending")) }
        @if items.is_empty() {
            p { (tr.t("moderation-empty")) }
        } @else {
            table.queue {
                thead { tr {
                    th scope="col" { (tr.t("moderation-kind")) }
                    th scope="col" { (tr.t("moderation-from")) }
                    th scope="col" { (tr.t("moderation-sent")) }
                    th scope="col" { (tr.t("moderation-note")) }
                } }
                tbody {
                    @for (from, s) in &items {
                        tr {
                            td { a href=(format!("/moderation/submissions/{}", s.id.0)) { (kind_label(tr, s.kind)) " #" (s.id.0) } }
                            td { bdi { (from) } }
                            td { (when(s.created_at)) }
                            td { (s.note) }
                        }
                    }
                }
            }
        }
    };
    ctx.ok(&tr.t("moderation-title"), Section::Other, main)
}

/// A submission with what the detail page shows of it.
struct Shown {
    submission: Submission,
    from: String,
    /// The proposed public fields, as (field, value) pairs; empty for a claim.
    fields: Vec<(String, serde_json::Value)>,
    changes: Vec<String>,
}

/// The fields a moderator checks before a listing goes public. A PA's edit shows only which
/// fields change: their profile's address and care details are not repeated here.
const PUBLIC_FIELDS: [&str; 12] = [
    "name",
    "kind",
    "description",
    "staff_languages",
    "cuisines",
    "dietary_laws",
    "faith_practices",
    "services",
    "postcode",
    "service_area",
    "accepting_new_clients",
    "contact",
];

fn shown_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(shown_value).collect::<Vec<_>>().join(", ")
        }
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}: {}", shown_value(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// A proposed field as a moderator reads it: vocabulary codes by their names in the page's
/// language, each with its code (what the record will hold); anything else as sent.
fn labelled(tr: &Tr, field: &str, value: &serde_json::Value) -> String {
    fn names<C: Code>(tr: &Tr, value: &serde_json::Value) -> Option<String> {
        let codes: Vec<&str> = match value {
            serde_json::Value::String(code) => vec![code.as_str()],
            serde_json::Value::Array(items) => items
                .iter()
                .map(serde_json::Value::as_str)
                .collect::<Option<_>>()?,
            _ => return None,
        };
        let names = codes
            .iter()
            .map(|code| {
                C::parse(code)
                    .ok()
                    .map(|c| format!("{} ({code})", tr.code(c)))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(names.join(", "))
    }
    match field {
        "kind" => names::<ProviderKind>(tr, value),
        "staff_languages" => names::<Language>(tr, value),
        "cuisines" => names::<Cuisine>(tr, value),
        "dietary_laws" => names::<DietaryLaw>(tr, value),
        "faith_practices" => names::<FaithPractice>(tr, value),
        "services" => names::<Service>(tr, value),
        _ => None,
    }
    .unwrap_or_else(|| shown_value(value))
}

fn load(state: &AppState, caller: Caller, id: SubmissionId) -> Result<Shown, ServiceError> {
    let service = state.service();
    let submission = service.submission(caller, id)?;
    let from = submitter(state, &submission)?;
    let changes = if submission.status == SubmissionStatus::Pending {
        service.submission_changes(&submission)?
    } else {
        Vec::new()
    };
    let fields = match submission.kind {
        SubmissionKind::ProposeProvider | SubmissionKind::EditProvider => {
            let payload: serde_json::Value = serde_json::from_str(&submission.payload)
                .map_err(|e| ServiceError::Internal(e.to_string()))?;
            PUBLIC_FIELDS
                .iter()
                .filter_map(|f| payload.get(*f).map(|v| ((*f).to_owned(), v.clone())))
                .collect()
        }
        SubmissionKind::ClaimProvider | SubmissionKind::EditCarer => Vec::new(),
    };
    Ok(Shown {
        submission,
        from,
        fields,
        changes,
    })
}

fn detail_page(
    ctx: &Ctx,
    status: StatusCode,
    shown: &Shown,
    reason: &str,
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let s = &shown.submission;
    let reason_error = errors.iter().find(|e| e.field == "reason").map(|e| {
        if e.code == "required" {
            tr.t("moderation-reason-required")
        } else {
            tr.t("enquire-error-too-long")
        }
    });
    let other_errors: Vec<&FieldError> = errors.iter().filter(|e| e.field != "reason").collect();
    let title = format!("{} #{}", kind_label(tr, s.kind), s.id.0);
    let main = html! {
        p { a href="/moderation" { (tr.t("moderation-back")) } }
        h1 { (title) }
        @if reason_error.is_some() || !other_errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("enquire-errors")) }
                ul {
                    @if let Some(text) = &reason_error { li { a href="#reason" { (text) } } }
                    @for error in &other_errors { li { (error.field) ": " (error.reason) } }
                }
            }
        }
        dl {
            dt { (tr.t("moderation-from")) } dd { bdi { (shown.from) } }
            dt { (tr.t("moderation-sent")) } dd { (when(s.created_at)) }
            dt { (tr.t("moderation-status")) } dd { (status_label(tr, s.status)) }
            @if let Some(provider) = s.provider_id {
                dt { (tr.t("moderation-listing")) } dd { a href=(format!("/providers/{}", provider.0)) { "#" (provider.0) } }
            }
            dt { (tr.t("moderation-note")) } dd { (s.note) }
        }
        @if !shown.fields.is_empty() {
            h2 { (tr.t("moderation-proposed")) }
            table {
                thead { tr {
                    th scope="col" { (tr.t("moderation-field")) }
                    th scope="col" { (tr.t("moderation-value")) }
                    th scope="col" { (tr.t("moderation-changes")) }
                } }
                tbody { @for (field, value) in &shown.fields {
                    tr {
                        th scope="row" { code { (field) } }
                        td { (labelled(tr, field, value)) }
                        td { @if shown.changes.contains(field) { strong { (tr.t("moderation-changed")) } } }
                    }
                } }
            }
        }
        @if !shown.changes.is_empty() {
            h2 { (tr.t("moderation-changes")) }
            ul.changes { @for field in &shown.changes { li { code { (field) } } } }
        }
        @if s.status == SubmissionStatus::Pending {
            form method="post" action=(format!("/moderation/submissions/{}", s.id.0)) {
                (csrf::field(&ctx.session_token()))
                div.field {
                    label for="reason" { (tr.t("moderation-reason")) }
                    p.hint #reason-hint { (tr.t("moderation-reason-hint")) }
                    textarea #reason name="reason" rows="3" maxlength="2000"
                        aria-invalid=[reason_error.as_ref().map(|_| "true")]
                        aria-describedby=(if reason_error.is_some() { "reason-error" } else { "reason-hint" }) { (reason) }
                    @if let Some(text) = &reason_error { p.field-error #reason-error { (text) } }
                }
                p {
                    button type="submit" name="decision" value="approve" { (tr.t("moderation-approve")) }
                    " "
                    button type="submit" name="decision" value="reject" { (tr.t("moderation-reject")) }
                }
            }
        } @else if let Some(reason) = &s.reason {
            p { (tr.t("moderation-reason")) ": " (reason) }
        }
    };
    ctx.respond(status, &title, Section::Other, main)
}

fn not_found(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("moderation-title")) }
        p { (tr.t("moderation-not-found")) }
        p { a href="/moderation" { (tr.t("moderation-back")) } }
    };
    ctx.respond(
        StatusCode::NOT_FOUND,
        &tr.t("moderation-title"),
        Section::Other,
        main,
    )
}

async fn load_async(
    state: &web::Data<AppState>,
    caller: Caller,
    id: SubmissionId,
) -> Result<Shown, ServiceError> {
    let lookup = state.clone().into_inner();
    web::block(move || load(&lookup, caller, id))
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))?
}

#[get("/moderation/submissions/{id}")]
async fn detail(req: HttpRequest, state: web::Data<AppState>, id: web::Path<i64>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, _) = match moderator(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match load_async(&state, caller, SubmissionId(id.into_inner())).await {
        Ok(shown) => detail_page(&ctx, StatusCode::OK, &shown, "", &[]),
        Err(ServiceError::NotFound { .. }) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}

#[derive(Debug, Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    csrf: String,
}

#[post("/moderation/submissions/{id}")]
async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<DecisionForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, key) = match moderator(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let id = SubmissionId(id.into_inner());
    let back = format!("/moderation/submissions/{}", id.0);
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&ctx, &back);
    }
    let verdict = match form.decision.as_str() {
        "approve" => Verdict::Approve,
        "reject" => Verdict::Reject,
        _ => return see_other(&back),
    };
    let reason = form.reason.clone();
    let decided = state
        .call(move |service| service.decide(caller, key, id, verdict, Some(&reason)))
        .await;
    match decided {
        Ok(_) => see_other(&format!("/moderation?lang={}", ctx.locale().tag())),
        Err(ServiceError::Validation(errors)) => match load_async(&state, caller, id).await {
            Ok(shown) => detail_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &shown,
                &form.reason,
                &errors,
            ),
            Err(_) => server_error(&ctx),
        },
        Err(ServiceError::NotFound { .. }) => not_found(&ctx),
        Err(ServiceError::Store(carematch_store::StoreError::Conflict { .. })) => see_other(&back),
        Err(_) => server_error(&ctx),
    }
}
