//! The agency console's register upload: a first upload is imported at once; a file with PAs
//! the agency already has (by `external_ref`) is shown first as a preview ("update these 12,
//! add these 3, 5 unchanged") and applied only when the agency confirms it. The confirmation
//! carries the file back with the preview's digest, so what is applied is exactly what was
//! shown, or nothing (the register changed meanwhile: upload again). The report of either
//! opens the page, and the script moves focus to it.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use carematch_api::AppState;
use carematch_domain::AgencyId;
use carematch_service::import_csv::RowError;
use carematch_service::register_update::{PlannedRow, RegisterPlan, RegisterReport};
use carematch_service::{ImportReport, ServiceError};
use maud::{Markup, html};

use crate::agency::{agency_of, console_with, read_upload};
use crate::csrf;
use crate::i18n::Tr;
use crate::layout::Ctx;
use crate::pages::server_error;

/// What the upload form reports back.
pub(crate) enum UploadOutcome {
    Imported(ImportReport),
    /// A re-upload waiting for the agency's yes: the plan and the file to send back.
    Preview(RegisterPlan, String),
    Applied(RegisterReport),
    Rejected(Vec<RowError>),
    Problem(String),
}

/// The outcome of an uploaded file: imported when every PA in it is new, else a preview.
/// `None` when the server failed.
pub(crate) async fn upload(
    state: &web::Data<AppState>,
    agency: AgencyId,
    data: Vec<u8>,
) -> Option<(StatusCode, UploadOutcome)> {
    let planned = state
        .call(move |service| {
            let plan = service.plan_register(agency, &data)?;
            if plan.updated.is_empty() && plan.unchanged.is_empty() {
                return service
                    .import_carers(agency, &data, &|_| {})
                    .map(UploadOutcome::Imported);
            }
            // The file parsed, so it is UTF-8 (bad bytes are a row problem).
            let text = String::from_utf8(data)
                .map_err(|e| ServiceError::Internal(format!("a parsed register: {e}")))?;
            Ok(UploadOutcome::Preview(plan, text))
        })
        .await;
    outcome(planned)
}

fn outcome(result: Result<UploadOutcome, ServiceError>) -> Option<(StatusCode, UploadOutcome)> {
    match result {
        Ok(outcome) => Some((StatusCode::OK, outcome)),
        Err(ServiceError::ImportRejected(rows) | ServiceError::ImportConflict(rows)) => Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            UploadOutcome::Rejected(rows),
        )),
        Err(_) => None,
    }
}

/// "Yes, update and add": the previewed file again, with its digest.
#[post("/agency/import/confirm")]
pub(crate) async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    payload: Multipart,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, name) = match agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let upload = read_upload(payload).await;
    if !csrf::check_session(&req, &upload.token) {
        return csrf::refused(&ctx, "/agency");
    }
    let Ok(data) = upload.file else {
        let outcome = UploadOutcome::Problem(ctx.tr.t("agency-upload-missing"));
        return console_with(
            &ctx,
            &state,
            agency,
            &name,
            StatusCode::UNPROCESSABLE_ENTITY,
            outcome,
        )
        .await;
    };
    let digest = upload.digest;
    let applied = state
        .call(move |service| {
            service
                .apply_register(agency, &data, &digest, &|_| {})
                .map(UploadOutcome::Applied)
        })
        .await;
    match outcome(applied) {
        Some((status, outcome)) => console_with(&ctx, &state, agency, &name, status, outcome).await,
        None => server_error(&ctx),
    }
}

fn names(rows: &[PlannedRow]) -> Markup {
    html! {
        ul {
            @for row in rows {
                li {
                    bdi { (row.name) }
                    @if let Some(reference) = &row.external_ref { " (" bdi { (reference) } ")" }
                }
            }
        }
    }
}

pub(crate) fn upload_report(tr: &Tr, outcome: &UploadOutcome, token: &str) -> Markup {
    match outcome {
        UploadOutcome::Imported(report) => html! {
            p.notice role="status" #upload-report tabindex="-1" { (tr.count("agency-upload-ok", "count", report.imported as f64)) }
        },
        UploadOutcome::Applied(report) => html! {
            p.notice role="status" #upload-report tabindex="-1" {
                (tr.args("agency-upload-applied", &[
                    ("updated", (report.updated.len() as f64).into()),
                    ("added", (report.added.len() as f64).into()),
                    ("unchanged", (report.unchanged as f64).into()),
                ]))
            }
        },
        UploadOutcome::Preview(plan, text) => html! {
            section.notice #upload-report tabindex="-1" aria-labelledby="preview-title" {
                h2 #preview-title { (tr.t("agency-upload-preview-title")) }
                p {
                    (tr.args("agency-upload-preview", &[
                        ("updated", (plan.updated.len() as f64).into()),
                        ("added", (plan.added.len() as f64).into()),
                        ("unchanged", (plan.unchanged.len() as f64).into()),
                    ]))
                }
                @if !plan.updated.is_empty() {
                    h3 { (tr.count("agency-upload-will-update", "count", plan.updated.len() as f64)) }
                    (names(&plan.updated))
                }
                @if !plan.added.is_empty() {
                    h3 { (tr.count("agency-upload-will-add", "count", plan.added.len() as f64)) }
                    (names(&plan.added))
                }
                p.hint { (tr.t("agency-upload-preview-note")) }
                form method="post" action="/agency/import/confirm" enctype="multipart/form-data" {
                    (csrf::field(token))
                    input type="hidden" name="digest" value=(plan.digest);
                    textarea name="register" hidden aria-hidden="true" { (text) }
                    button type="submit" { (tr.t("agency-upload-confirm")) }
                    " " a href="/agency" { (tr.t("agency-upload-cancel")) }
                }
            }
        },
        UploadOutcome::Problem(message) => html! {
            div.error-summary role="alert" #upload-report tabindex="-1" { p { (message) } }
        },
        UploadOutcome::Rejected(rows) => html! {
            div.error-summary role="alert" #upload-report tabindex="-1" {
                h3 { (tr.t("agency-upload-rejected")) }
                div.table-wrap tabindex="0" role="region" aria-label=(tr.t("agency-upload-rejected")) {
                    table {
                        thead { tr {
                            th scope="col" { (tr.t("agency-upload-col-line")) }
                            th scope="col" { (tr.t("agency-upload-col-column")) }
                            th scope="col" { (tr.t("agency-upload-col-reason")) }
                        } }
                        tbody { @for row in rows { tr {
                            td { (row.line) } td { code { (row.column) } } td lang="en" { (row.reason) }
                        } } }
                    }
                }
            }
        },
    }
}
