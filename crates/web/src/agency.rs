//! The agency console: find PAs for a client's plan (the agency's unlisted PAs included, with
//! contact details for its own), manage the agency's PAs, upload a CSV register with the
//! same all-or-nothing importer as `POST /v1/imports/carers`, and download the register in the
//! same template (`GET /v1/agencies/{id}/register.csv`'s file).

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_domain::{AgencyId, Caller, Carer, CarerDetails, CarerId, Role};
use carematch_matching::Viewer;
use carematch_service::{IMPORT_LIMIT, ServiceError};
use carematch_store::{Page, Paged, StoreError};
use futures_util::StreamExt;
use maud::{Markup, html};
use serde::Deserialize;

use crate::agency_filter::ConsoleFilter;
use crate::agency_upload::{UploadOutcome, upload_report};
use crate::csrf;
use crate::find_page::find_form;
use crate::form::FindForm;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, link, query_pairs, see_other};
use crate::pages::{SearchProblem, language_names, problem_page, results, search, server_error};
use crate::results_nav::ResultView;
use crate::session::{TokenForm, current, to_login};

/// PAs per page of the list.
pub const PER_PAGE: u32 = 25;

/// The CSV template agencies fill in (docs/import.md explains each column).
const TEMPLATE: &str = include_str!("../../../docs/import-template.csv");

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(console)
        .service(delete_carer)
        .service(update_carer)
        .service(restore_carer)
        .service(crate::freshness::carer_history)
        .service(upload_register)
        .service(crate::agency_upload::confirm)
        .service(register_template)
        .service(export_register);
}

/// The signed-in agency, or where to send the browser instead.
pub(crate) async fn agency_of(
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<(AgencyId, String), HttpResponse> {
    let next = link(req.path(), &query_pairs(req.query_string()));
    let key = current(req, state).await.ok_or_else(|| to_login(&next))?;
    let agency = match (key.role, key.agency_id) {
        (Role::Agency, Some(agency)) => agency,
        _ => return Err(to_login(&next)),
    };
    let store = state.store.clone();
    let name = match web::block(move || store.get_agency(agency)).await {
        Ok(Ok(Some(found))) => found.profile.name,
        _ => return Err(server_error(&Ctx::new(req))),
    };
    Ok((agency, name))
}

struct ConsoleView<'a> {
    agency: &'a str,
    form: &'a FindForm,
    found: Option<crate::pages::Found>,
    carers: Paged<Carer>,
    /// The agency's deleted PAs, which it may restore.
    deleted: Paged<Carer>,
    page: u32,
    notice: Option<String>,
    upload: Option<UploadOutcome>,
    /// Self-registered PAs waiting for the agency's checks (`crate::pa`).
    waiting: Vec<Carer>,
    /// What the PA list is narrowed to.
    filter: ConsoleFilter,
}

fn page_number(pairs: &[(String, String)]) -> u32 {
    pairs
        .iter()
        .find(|(k, _)| k == "page")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(1)
        .clamp(1, 100_000)
}

async fn list(
    state: &web::Data<AppState>,
    agency: AgencyId,
    page: u32,
    filter: &ConsoleFilter,
) -> Result<(Paged<Carer>, Paged<Carer>), HttpResponse> {
    let store = state.store.clone();
    let filter = filter.store_filter();
    // Stale PAs first: they left public search until the agency confirms them.
    match web::block(move || {
        Ok::<_, StoreError>((
            store.console_carers(agency, &filter, Page::new(page, PER_PAGE))?,
            store.deleted_carers(agency, Page::new(1, PER_PAGE))?,
        ))
    })
    .await
    {
        Ok(Ok(paged)) => Ok(paged),
        _ => Err(HttpResponse::ServiceUnavailable().finish()),
    }
}

#[get("/agency")]
async fn console(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, name) = match agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let pairs = query_pairs(req.query_string());
    let form = FindForm::from_pairs(&pairs);
    let page = page_number(&pairs);
    let found = if form.is_search() {
        match search(
            &state,
            &form,
            Viewer::Agency(agency),
            ResultView::from_pairs(&pairs),
        )
        .await
        {
            Ok(found) => Some(found),
            Err(SearchProblem::Server) => return server_error(&ctx),
            Err(problem) => {
                return problem_page(&ctx, &form, problem, "/agency", Section::Agency);
            }
        }
    } else {
        None
    };
    let filter = ConsoleFilter::from_pairs(&pairs);
    let (carers, deleted) = match list(&state, agency, page, &filter).await {
        Ok(carers) => carers,
        Err(_) => return server_error(&ctx),
    };
    let notice = pairs.iter().find_map(|(k, v)| match k.as_str() {
        "deleted" => Some(ctx.tr.with("agency-deleted", "name", v)),
        "updated" => Some(ctx.tr.with("agency-updated", "name", v)),
        "restored" => Some(ctx.tr.with("fresh-restored", "name", v)),
        "vetted" => Some(ctx.tr.with("pa-vetted", "name", v)),
        _ => None,
    });
    let view = ConsoleView {
        agency: &name,
        form: &form,
        found,
        carers,
        deleted,
        page,
        notice,
        upload: None,
        waiting: crate::pa::waiting_for(&state, agency).await,
        filter,
    };
    render(&ctx, StatusCode::OK, &view)
}

fn render(ctx: &Ctx, status: StatusCode, view: &ConsoleView) -> HttpResponse {
    let tr = &ctx.tr;
    let token = ctx.session_token();
    let pages = view.carers.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let main = html! {
        h1 { (tr.t("agency-title")) }
        p {
            (tr.with("agency-signed-in", "agency", view.agency))
            form.inline method="post" action="/logout" {
                (csrf::field(&token))
                button type="submit" { (tr.t("logout")) }
            }
        }
        nav.console aria-label=(tr.t("agency-title")) { ul { li { a href="/agency/profile" { (tr.t("agency-nav-profile")) } } } }
        @if let Some(notice) = &view.notice { p.notice role="status" { (notice) } }
        // The upload's report first, where the page opens (the script moves focus to it).
        @if let Some(upload) = &view.upload { (upload_report(tr, upload, &token)) }
        (crate::pa::waiting_section(tr, &view.waiting, &token))
        nav.console aria-label=(tr.t("agency-title")) {
            ul {
                li { a href="/agency/enquiries" { (tr.t("inbox-link")) } }
                li { a href="/agency/vacancies" { (tr.t("vac-console-link")) } }
                li { a href="/agency/messages" { (tr.t("outbox-nav")) } }
                li { a href="/agency/reports" { (tr.t("report-console-agency")) } }
            }
        }
        section aria-labelledby="find-title" {
            h2 #find-title { (tr.t("agency-find-title")) }
            p { (tr.t("agency-find-intro")) }
            @if let Some(found) = &view.found {
                (results(tr, found, view.form, "/agency", None))
            }
            (find_form(tr, view.form, "/agency", None, true))
        }
        section aria-labelledby="upload-title" {
            h2 #upload-title { (tr.t("agency-upload-title")) }
            p { (tr.t("agency-upload-intro")) " " a href="/agency/template.csv" download { (tr.t("agency-upload-template")) } }
            form method="post" action="/agency/import" enctype="multipart/form-data" {
                // Before the file, so the token is read first.
                (csrf::field(&token))
                div.field {
                    label for="register" { (tr.t("agency-upload-file")) }
                    input #register type="file" name="register" accept=".csv,text/csv" required;
                }
                p { button type="submit" { (tr.t("agency-upload-submit")) } }
            }
        }
        section aria-labelledby="carers-title" {
            h2 #carers-title { (tr.count("agency-carers-title", "count", view.carers.total as f64)) }
            p { a href="/agency/register.csv" download { (tr.t("agency-export-register")) } }
            p { (tr.t("agency-export-register-note")) }
            (crate::agency_filter::form(tr, &view.filter, carematch_domain::vocabulary::Language::ALL))
            (carer_table(tr, &view.carers.items, &token))
            nav.pages aria-label=(tr.args("agency-page", &[("page", f64::from(view.page).into()), ("pages", (pages as f64).into())])) {
                @if view.page > 1 { a href=(view.filter.page_link(view.page - 1)) rel="prev" { (tr.t("page-previous")) } " " }
                (tr.args("agency-page", &[("page", f64::from(view.page).into()), ("pages", (pages as f64).into())]))
                @if u64::from(view.page) < pages { " " a href=(view.filter.page_link(view.page + 1)) rel="next" { (tr.t("page-next")) } }
            }
        }
        (crate::freshness::deleted_section(tr, &view.deleted, &token))
    };
    ctx.respond(status, &tr.t("agency-title"), Section::Agency, main)
}

fn carer_table(tr: &Tr, carers: &[Carer], token: &str) -> Markup {
    let today = carematch_service::today();
    html! {
        div.table-wrap tabindex="0" role="region" aria-labelledby="carers-title" {
            table.cards-on-phone {
                thead { tr {
                    th scope="col" { (tr.t("agency-col-name")) }
                    th scope="col" { (tr.t("agency-col-postcode")) }
                    th scope="col" { (tr.t("agency-col-languages")) }
                    th scope="col" { (tr.t("agency-col-public")) }
                    th scope="col" { (tr.t("agency-col-faith-public")) }
                    th scope="col" { (tr.t("agency-col-accepting")) }
                    th scope="col" { (tr.t("agency-col-confirmed")) }
                    th scope="col" { (tr.t("agency-col-actions")) }
                } }
                tbody {
                    @for carer in carers {
                        @let d = &carer.details;
                        @let name = format!("{} {}", d.given_name, d.family_name);
                        tr {
                            th scope="row" { (name) }
                            td data-label=(tr.t("agency-col-postcode")) { (d.postcode.as_str()) }
                            td data-label=(tr.t("agency-col-languages")) { (language_names(d.languages.iter().map(|l| l.code))) }
                            td data-label=(tr.t("agency-col-public")) { @if d.public_listing_consent { (tr.t("agency-yes")) } @else { (tr.t("agency-no")) } }
                            td data-label=(tr.t("agency-col-faith-public")) { @if d.faith_public_consent { (tr.t("agency-yes")) } @else { (tr.t("agency-no")) } }
                            td data-label=(tr.t("agency-col-accepting")) { (accepting_cell(tr, d, today)) }
                            td data-label=(tr.t("agency-col-confirmed")) { (crate::freshness::console_cell(tr, carer, today)) }
                            td.actions {
                                (update_button(carer.id, "confirm", &tr.with("agency-confirm", "name", &name), token))
                                @if d.public_listing_consent {
                                    (update_button(carer.id, "unlist", &tr.with("agency-unlist", "name", &name), token))
                                } @else {
                                    (update_button(carer.id, "list", &tr.with("agency-list", "name", &name), token))
                                }
                                @if d.accepting_new_clients {
                                    (update_button(carer.id, "full", &tr.with("agency-mark-full", "name", &name), token))
                                } @else {
                                    (update_button(carer.id, "accepting", &tr.with("agency-mark-accepting", "name", &name), token))
                                }
                                @if d.faith_public_consent {
                                    (update_button(carer.id, "faith_private", &tr.with("agency-faith-hide", "name", &name), token))
                                } @else {
                                    (update_button(carer.id, "faith_public", &tr.with("agency-faith-show", "name", &name), token))
                                }
                                a href=(crate::agency_edit::edit_path(carer.id)) { (tr.with("agency-edit-link", "name", &name)) }
                                " "
                                a href=(crate::freshness::history_path(carer.id)) { (tr.with("fresh-history-link", "name", &name)) }
                                " "
                                form.inline method="post" action=(format!("/agency/carers/{}/delete", carer.id)) data-confirm=(tr.with("agency-delete", "name", &name)) {
                                    (csrf::field(token))
                                    button type="submit" { (tr.with("agency-delete", "name", &name)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Whether the PA takes new clients today: yes, no (full, or no free hours), or lapsed (set,
/// but not confirmed in the last 90 days), with the date it was confirmed.
fn accepting_cell(tr: &Tr, d: &CarerDetails, today: chrono::NaiveDate) -> Markup {
    let answer = if d.accepting_on(today) {
        tr.t("agency-yes")
    } else if d.accepting_new_clients && d.hours_per_week > 0 {
        tr.t("agency-accepting-lapsed")
    } else {
        tr.t("agency-no")
    };
    html! {
        (answer)
        @if let Some(confirmed) = d.accepting_confirmed_on {
            " (" (confirmed.to_string()) ")"
        }
    }
}

fn update_button(id: CarerId, action: &str, label: &str, token: &str) -> Markup {
    html! {
        form.inline method="post" action=(format!("/agency/carers/{id}/update")) {
            (csrf::field(token))
            input type="hidden" name="action" value=(action);
            button type="submit" { (label) }
        }
    }
}

#[derive(Debug, Deserialize)]
struct IdPath {
    id: i64,
}

/// What the console does to one of the agency's PAs.
enum Change {
    Delete,
    Restore,
    /// "All still true" today (freshness: clears the stale and reminded flags).
    Confirm,
    Edit(Box<dyn FnOnce(&mut CarerDetails) + Send>),
}

/// Applies `change` to one of the signed-in agency's PAs, then goes back to the console with a
/// notice (`deleted` or `updated`). Another agency's PA, or none, is the same 404, so ids cannot
/// be probed; a concurrent edit is 409. A post without the session's form `token` is 403.
async fn change_own_carer(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    id: CarerId,
    token: &str,
    notice: &'static str,
    change: Change,
) -> HttpResponse {
    let (agency, _) = match agency_of(req, state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !csrf::check_session(req, token) {
        return csrf::refused(&Ctx::new(req), "/agency");
    }
    let caller = Caller::Agency(agency);
    let changed = state
        .call(move |service| match change {
            Change::Delete => service.delete_carer(caller, id),
            Change::Restore => service.restore_carer(caller, id),
            Change::Confirm => service.confirm_carer(caller, id, carematch_service::today()),
            Change::Edit(edit) => service.edit_carer(caller, id, edit),
        })
        .await;
    match changed {
        Ok(carer) => {
            let name = format!("{} {}", carer.details.given_name, carer.details.family_name);
            let query = serde_urlencoded::to_string([(notice, name)]).unwrap_or_default();
            see_other(&format!("/agency?{query}"))
        }
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden) => {
            HttpResponse::NotFound().finish()
        }
        Err(ServiceError::Store(StoreError::VersionConflict { .. })) => {
            HttpResponse::Conflict().finish()
        }
        Err(_) => server_error(&Ctx::new(req)),
    }
}

#[post("/agency/carers/{id}/delete")]
async fn delete_carer(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<IdPath>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    change_own_carer(
        &req,
        &state,
        CarerId(path.id),
        &form.csrf,
        "deleted",
        Change::Delete,
    )
    .await
}

#[derive(Debug, Deserialize)]
struct UpdateForm {
    /// `confirm` (still available today), `list` or `unlist` (the carer's consent to a public
    /// listing, as the agency recorded it), `faith_public` or `faith_private` (the carer's
    /// consent to show their faith publicly), `full` or `accepting` (whether the PA takes new
    /// clients, confirmed today).
    action: String,
    #[serde(default)]
    csrf: String,
}

#[post("/agency/carers/{id}/update")]
async fn update_carer(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<IdPath>,
    form: web::Form<UpdateForm>,
) -> HttpResponse {
    let UpdateForm { action, csrf } = form.into_inner();
    if !matches!(
        action.as_str(),
        "confirm" | "list" | "unlist" | "faith_public" | "faith_private" | "full" | "accepting"
    ) {
        return HttpResponse::UnprocessableEntity().finish();
    }
    let change = if action == "confirm" {
        Change::Confirm
    } else {
        Change::Edit(Box::new(move |details| match action.as_str() {
            "list" => details.public_listing_consent = true,
            "unlist" => details.public_listing_consent = false,
            "faith_public" => details.faith_public_consent = true,
            "full" | "accepting" => {
                let today = carematch_service::today();
                details.accepting_new_clients = action == "accepting";
                details.accepting_confirmed_on = Some(today);
                details.last_confirmed_on = details.last_confirmed_on.max(today);
            }
            _ => details.faith_public_consent = false,
        }))
    };
    change_own_carer(&req, &state, CarerId(path.id), &csrf, "updated", change).await
}

/// Restores one of the agency's deleted PAs (back in search and matching).
#[post("/agency/carers/{id}/restore")]
async fn restore_carer(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<IdPath>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    change_own_carer(
        &req,
        &state,
        CarerId(path.id),
        &form.csrf,
        "restored",
        Change::Restore,
    )
    .await
}

/// What a multipart upload held: the form token (when it came before any problem) and the
/// first file field, up to the import limit.
pub(crate) struct Upload {
    pub token: String,
    pub file: Result<Vec<u8>, &'static str>,
    /// The preview's digest, on a confirmed re-upload (`crate::agency_upload`).
    pub digest: String,
}

/// The longest form token read (ours are 32 characters).
const TOKEN_LIMIT: usize = 256;

pub(crate) async fn read_upload(mut payload: Multipart) -> Upload {
    let mut token = String::new();
    let mut digest = String::new();
    let mut file = Err("agency-upload-missing");
    while let Some(field) = payload.next().await {
        let Ok(mut field) = field else {
            break;
        };
        let name = field.name().map(str::to_owned);
        match name.as_deref() {
            Some(csrf::FIELD) => {
                let mut bytes = Vec::new();
                while let Some(Ok(chunk)) = field.next().await {
                    if bytes.len() + chunk.len() > TOKEN_LIMIT {
                        break;
                    }
                    bytes.extend_from_slice(&chunk);
                }
                token = String::from_utf8(bytes).unwrap_or_default();
            }
            Some("digest") => {
                let mut bytes = Vec::new();
                while let Some(Ok(chunk)) = field.next().await {
                    if bytes.len() + chunk.len() > TOKEN_LIMIT {
                        break;
                    }
                    bytes.extend_from_slice(&chunk);
                }
                digest = String::from_utf8(bytes).unwrap_or_default();
            }
            Some("register") if file.is_err() => {
                let mut data = Vec::new();
                let mut outcome = Ok(());
                while let Some(chunk) = field.next().await {
                    let Ok(chunk) = chunk else {
                        outcome = Err("agency-upload-missing");
                        break;
                    };
                    if data.len() + chunk.len() > IMPORT_LIMIT {
                        outcome = Err("too-large");
                        break;
                    }
                    data.extend_from_slice(&chunk);
                }
                if let Err(problem) = outcome {
                    // The rest of the body is not read: what is left of it is too much or broken.
                    return Upload {
                        token,
                        file: Err(problem),
                        digest,
                    };
                }
                file = Ok(data);
            }
            _ => {}
        }
    }
    Upload {
        token,
        file,
        digest,
    }
}

#[post("/agency/import")]
async fn upload_register(
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
    // Our form sends the token before the file, so even a refused oversized upload is told
    // apart from a forged one.
    if !csrf::check_session(&req, &upload.token) {
        return csrf::refused(&ctx, "/agency");
    }
    let (status, outcome) = match upload.file {
        Err("too-large") => (
            StatusCode::PAYLOAD_TOO_LARGE,
            UploadOutcome::Problem(ctx.tr.t("agency-upload-too-large")),
        ),
        Err(id) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            UploadOutcome::Problem(ctx.tr.t(id)),
        ),
        Ok(data) if data.is_empty() => (
            StatusCode::UNPROCESSABLE_ENTITY,
            UploadOutcome::Problem(ctx.tr.t("agency-upload-missing")),
        ),
        Ok(data) => match crate::agency_upload::upload(&state, agency, data).await {
            Some(outcome) => outcome,
            None => return server_error(&ctx),
        },
    };
    console_with(&ctx, &state, agency, &name, status, outcome).await
}

/// The console on its first page with an upload's report at the top.
pub(crate) async fn console_with(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    agency: AgencyId,
    name: &str,
    status: StatusCode,
    outcome: UploadOutcome,
) -> HttpResponse {
    let filter = ConsoleFilter::default();
    let (carers, deleted) = match list(state, agency, 1, &filter).await {
        Ok(carers) => carers,
        Err(_) => return server_error(ctx),
    };
    let form = FindForm::from_pairs(&[]);
    let view = ConsoleView {
        agency: name,
        form: &form,
        found: None,
        carers,
        deleted,
        page: 1,
        notice: None,
        upload: Some(outcome),
        waiting: crate::pa::waiting_for(state, agency).await,
        filter,
    };
    render(ctx, status, &view)
}

#[get("/agency/template.csv")]
async fn register_template() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"carematch-register-template.csv\"",
        ))
        .body(TEMPLATE)
}

/// The signed-in agency's own register as CSV in the import template: the file
/// `GET /v1/agencies/{id}/register.csv` gives, which the upload above reads back.
#[get("/agency/register.csv")]
async fn export_register(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let caller = Caller::Agency(agency);
    match state
        .call(move |service| service.export_register(caller, agency))
        .await
    {
        Ok(csv) => HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"carematch-register-{agency}.csv\""),
            ))
            // Personal data: kept out of shared caches and the browser's disk cache.
            .insert_header(("Cache-Control", "no-store"))
            .body(csv),
        Err(_) => server_error(&ctx),
    }
}
