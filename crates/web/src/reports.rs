//! "Something wrong here?" on the web, without an account or JavaScript (docs/web.md, "Report
//! a problem"):
//!
//! - [`report_link`] goes on every public card and profile: search and match results, the
//!   carer and provider profiles, shortlist entries.
//! - `GET /report/{carer|provider}/{id}`: the form (what is wrong, a short message, an optional
//!   e-mail or phone, and the safeguarding notice: 999 in an emergency, the council's
//!   safeguarding team otherwise). `POST` the same path reports it through the API's rules
//!   (anonymous form token, the honeypot `website`, the per-address limit, duplicates) and shows
//!   the reference. A listing that is not public is not found, as an unknown one.
//! - `/agency/reports` (a signed-in agency: reports on its own records) and
//!   `/moderation/reports` (moderators and admins: all, safeguarding first), each with a form
//!   per report to move it on.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_api::AppState;
use carematch_api::middleware::{Decision, PublicWrite, RateLimiter};
use carematch_domain::report::{
    MAX_REPORT_CONTACT, MAX_REPORT_MESSAGE, MAX_RESOLUTION, ReportBody, ReportEntity, ReportKind,
    ReportRequest, ReportStatus, ReportStatusBody,
};
use carematch_domain::{Caller, CarerId, FieldError, ProviderId, Role};
use carematch_service::ServiceError;
use carematch_store::Page;
use carematch_store::reports::{ProblemReport, ReportFilter};
use maud::{Markup, html};

use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, link, query_pairs, see_other};
use crate::pages::server_error;
use crate::session::{current, to_login};

/// Reports per page of the consoles' lists.
pub const PER_PAGE: u32 = 25;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(form_page)
        .service(send)
        .service(agency_list)
        .service(agency_change)
        .service(moderation_list)
        .service(moderation_change);
}

/// The "Something wrong here?" link of one public card or profile.
pub fn report_link(tr: &Tr, entity: ReportEntity, id: i64) -> Markup {
    html! {
        p.report-link.no-print {
            a href=(format!("/report/{}/{id}", entity.code())) rel="nofollow" { (tr.t("report-link")) }
        }
    }
}

/// The notice shown with the form and with a safeguarding report's confirmation.
fn safeguarding_notice(tr: &Tr) -> Markup {
    html! {
        div.notice.safeguarding role="note" aria-labelledby="safeguarding-title" {
            h2 #safeguarding-title { (tr.t("report-safeguarding-title")) }
            p { strong { (tr.t("report-safeguarding-999")) } }
            p { (tr.t("report-safeguarding-council")) }
        }
    }
}

fn kind_label(tr: &Tr, kind: ReportKind) -> String {
    tr.t(&format!("report-kind-{}", kind.code()))
}

fn status_label(tr: &Tr, status: ReportStatus) -> String {
    tr.t(&format!("report-status-{}", status.code()))
}

/// The public label of a listing if it is public: a PA's first name and initial, a service's
/// name. Never an address.
fn public_name(
    state: &AppState,
    entity: ReportEntity,
    id: i64,
) -> Result<Option<String>, ServiceError> {
    Ok(match entity {
        ReportEntity::Carer => state
            .store
            .get_carer(CarerId(id))?
            .filter(|c| c.is_public())
            .map(|c| c.details.display_name()),
        ReportEntity::Provider => state
            .store
            .get_provider(ProviderId(id))?
            .filter(|p| p.is_public())
            .map(|p| p.details.name),
    })
}

/// What the form holds, as sent.
#[derive(Debug, Clone, Default)]
struct Fields {
    kind: String,
    message: String,
    contact: String,
    website: String,
    csrf: String,
}

impl Fields {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut fields = Self::default();
        for (key, value) in pairs {
            let target = match key.as_str() {
                "kind" => &mut fields.kind,
                "message" => &mut fields.message,
                "contact" => &mut fields.contact,
                "website" => &mut fields.website,
                "csrf" => &mut fields.csrf,
                _ => continue,
            };
            value.clone_into(target);
        }
        fields
    }
}

fn error_text(tr: &Tr, error: &FieldError) -> String {
    let id = match (error.field.as_str(), error.code) {
        ("kind", _) => "report-error-kind",
        ("contact", _) => "report-error-contact",
        (_, "required") => "report-error-message",
        (_, "too_long") => "enquire-error-too-long",
        _ => "enquire-error-invalid",
    };
    tr.t(id)
}

fn form_response(
    ctx: &Ctx,
    status: StatusCode,
    entity: ReportEntity,
    id: i64,
    name: &str,
    fields: &Fields,
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let error_for = |input: &str| {
        errors
            .iter()
            .find(|e| e.field == input)
            .map(|e| error_text(tr, e))
    };
    let field_error = |input: &str| {
        html! {
            @if let Some(text) = error_for(input) {
                p.field-error id=(format!("{input}-error")) { (text) }
            }
        }
    };
    let described = |input: &str, hint: &str| {
        error_for(input).map_or_else(|| hint.to_owned(), |_| format!("{input}-error"))
    };
    let invalid = |input: &str| error_for(input).map(|_| "true");
    let action = format!("/report/{}/{id}", entity.code());
    let main = html! {
        h1 { (tr.t("report-title")) }
        p { (tr.t("report-intro")) " " strong { bdi { (name) } } }
        @if !errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("enquire-errors")) }
                ul { @for error in errors {
                    li { a href=(format!("#{}", error.field)) { (error_text(tr, error)) } }
                } }
            }
        }
        (safeguarding_notice(tr))
        form method="post" action=(action) {
            (csrf::field(&ctx.anonymous_token()))
            fieldset #kind aria-invalid=[invalid("kind")] {
                legend { (tr.t("report-kind")) }
                (field_error("kind"))
                ul.choices {
                    @for kind in ReportKind::ALL {
                        li { label {
                            input type="radio" name="kind" value=(kind.code()) required checked[fields.kind == kind.code()];
                            " " (kind_label(tr, kind))
                        } }
                    }
                }
            }
            div.field {
                label for="message" { (tr.t("report-message")) }
                p.hint #message-hint { (tr.t("report-message-hint")) }
                textarea #message name="message" rows="4" maxlength=(MAX_REPORT_MESSAGE)
                    aria-invalid=[invalid("message")] aria-describedby=(described("message", "message-hint")) {
                    (fields.message)
                }
                (field_error("message"))
            }
            div.field {
                label for="contact" { (tr.t("report-contact")) }
                p.hint #contact-hint { (tr.t("report-contact-hint")) }
                input #contact type="text" name="contact" value=(fields.contact) maxlength=(MAX_REPORT_CONTACT)
                    autocomplete="email" aria-invalid=[invalid("contact")] aria-describedby=(described("contact", "contact-hint"));
                (field_error("contact"))
            }
            // For robots only: off screen, out of the keyboard order, hidden from screen readers.
            div.hp aria-hidden="true" {
                label for="website" { (tr.t("enquire-honeypot")) }
                input #website type="text" name="website" value="" tabindex="-1" autocomplete="off";
            }
            p { button type="submit" { (tr.t("report-send")) } }
        }
    };
    ctx.respond(status, &tr.t("report-title"), Section::Other, main)
}

fn not_found(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("report-title")) }
        p { (tr.t("report-not-found")) }
        p { a href="/find" { (tr.t("find-title")) } }
    };
    ctx.respond(
        StatusCode::NOT_FOUND,
        &tr.t("report-title"),
        Section::Other,
        main,
    )
}

/// The listing named by the path, if public: its entity, id and public name.
async fn listing(
    state: &web::Data<AppState>,
    path: (String, i64),
) -> Result<Option<(ReportEntity, i64, String)>, ()> {
    let (entity, id) = path;
    let Some(entity) = ReportEntity::parse(&entity) else {
        return Ok(None);
    };
    let lookup = state.clone().into_inner();
    match web::block(move || public_name(&lookup, entity, id)).await {
        Ok(Ok(name)) => Ok(name.map(|name| (entity, id, name))),
        _ => Err(()),
    }
}

#[get("/report/{entity}/{id}")]
async fn form_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let fields = Fields::from_pairs(&query_pairs(req.query_string()));
    match listing(&state, path.into_inner()).await {
        Ok(Some((entity, id, name))) => {
            form_response(&ctx, StatusCode::OK, entity, id, &name, &fields, &[])
        }
        Ok(None) => not_found(&ctx),
        Err(()) => server_error(&ctx),
    }
}

#[post("/report/{entity}/{id}")]
async fn send(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    body: Bytes,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let fields = Fields::from_pairs(&query_pairs(std::str::from_utf8(&body).unwrap_or_default()));
    let (entity, id, name) = match listing(&state, path.into_inner()).await {
        Ok(Some(found)) => found,
        Ok(None) => return not_found(&ctx),
        Err(()) => return server_error(&ctx),
    };
    if !csrf::check_anonymous(&req, &fields.csrf) {
        return csrf::refused(&ctx, &format!("/report/{}/{id}", entity.code()));
    }
    let Some(kind) = ReportKind::parse(&fields.kind) else {
        let error = FieldError {
            field: "kind".into(),
            code: "required",
            reason: "say what is wrong".into(),
        };
        return form_response(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            entity,
            id,
            &name,
            &fields,
            &[error],
        );
    };
    let body = ReportBody {
        entity,
        id,
        kind,
        message: fields.message.clone(),
        contact: Some(fields.contact.clone()),
        website: fields.website.clone(),
    };
    let request = match ReportRequest::try_from(body) {
        Ok(request) => request,
        Err(errors) => {
            return form_response(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                entity,
                id,
                &name,
                &fields,
                &errors.0,
            );
        }
    };
    if let Some(limiter) = req.app_data::<web::Data<RateLimiter>>()
        && let Decision::Refuse { retry_after_secs } =
            limiter.take_public_write(&req, PublicWrite::Report)
    {
        let tr = &ctx.tr;
        let main = html! {
            h1 { (tr.t("report-title")) }
            p.error-summary role="alert" { (tr.t("report-limited")) }
            (safeguarding_notice(tr))
        };
        let mut response = ctx.respond(
            StatusCode::TOO_MANY_REQUESTS,
            &tr.t("report-title"),
            Section::Other,
            main,
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        return response;
    }
    match state
        .call(move |service| service.report_problem(&request))
        .await
    {
        Ok(receipt) => {
            let tr = &ctx.tr;
            let main = html! {
                h1 { (tr.t("report-sent-title")) }
                @if receipt.duplicate { p.notice role="status" { (tr.t("report-sent-duplicate")) } }
                p { (tr.t("report-sent-reference")) ": " strong.reference { (receipt.reference) } }
                p { (tr.t("report-sent-next")) }
                @if kind == ReportKind::Safeguarding { (safeguarding_notice(tr)) }
            };
            ctx.ok(&tr.t("report-sent-title"), Section::Other, main)
        }
        Err(ServiceError::NotFound { .. }) => not_found(&ctx),
        Err(ServiceError::Validation(errors)) => form_response(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            entity,
            id,
            &name,
            &fields,
            &errors,
        ),
        Err(_) => server_error(&ctx),
    }
}

/// Which console a list belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Console {
    Agency,
    Moderation,
}

impl Console {
    fn path(self) -> &'static str {
        match self {
            Self::Agency => "/agency/reports",
            Self::Moderation => "/moderation/reports",
        }
    }

    fn section(self) -> Section {
        match self {
            Self::Agency => Section::Agency,
            Self::Moderation => Section::Other,
        }
    }
}

/// The signed-in caller of a console, or where to send the browser instead.
async fn signed_in(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    console: Console,
) -> Result<Caller, HttpResponse> {
    let next = link(req.path(), &query_pairs(req.query_string()));
    let key = current(req, state).await.ok_or_else(|| to_login(&next))?;
    match (console, key.role, key.agency_id) {
        (Console::Agency, Role::Agency, Some(agency)) => Ok(Caller::Agency(agency)),
        (Console::Moderation, Role::Moderator, _) => Ok(Caller::Moderator),
        (Console::Moderation, Role::Admin, _) => Ok(Caller::Admin),
        _ => Err(to_login(&next)),
    }
}

fn when(at: chrono::DateTime<chrono::Utc>) -> Markup {
    html! { time datetime=(at.to_rfc3339()) { (at.format("%Y-%m-%d %H:%M")) } }
}

/// One report with the form that moves it on.
fn report_item(ctx: &Ctx, console: Console, report: &ProblemReport) -> Markup {
    let tr = &ctx.tr;
    let next: Vec<ReportStatus> = report.status.next().collect();
    let listing = format!("/{}s/{}", report.entity.code(), report.entity_id);
    let form_id = format!("r-{}", report.reference);
    html! {
        li.report id=(form_id) {
            h3 {
                @if report.kind == ReportKind::Safeguarding {
                    strong.flag { (tr.t("report-flag-safeguarding")) } " "
                }
                (report.reference) " · " (kind_label(tr, report.kind))
            }
            p {
                a href=(listing) { (tr.t(&format!("report-entity-{}", report.entity.code()))) " " (report.entity_id) }
                " · " (when(report.created_at)) " · " strong { (status_label(tr, report.status)) }
            }
            @if !report.message.is_empty() { blockquote { p { (report.message) } } }
            @if let Some(contact) = &report.contact { p { (tr.t("report-contact")) ": " (contact) } }
            @if let Some(resolution) = &report.resolution { p { (tr.t("report-resolution")) ": " (resolution) } }
            @if !next.is_empty() {
                form method="post" action=(format!("{}/{}", console.path(), report.reference)) {
                    (csrf::field(&ctx.session_token()))
                    div.field {
                        label for=(format!("{form_id}-status")) { (tr.t("report-move-to")) }
                        select id=(format!("{form_id}-status")) name="status" {
                            @for status in &next { option value=(status.code()) { (status_label(tr, *status)) } }
                        }
                    }
                    div.field {
                        label for=(format!("{form_id}-resolution")) { (tr.t("report-resolution")) }
                        p.hint id=(format!("{form_id}-hint")) { (tr.t("report-resolution-hint")) }
                        textarea id=(format!("{form_id}-resolution")) name="resolution" rows="2"
                            maxlength=(MAX_RESOLUTION) aria-describedby=(format!("{form_id}-hint")) {}
                    }
                    p { button type="submit" { (tr.t("report-save")) } }
                }
            }
        }
    }
}

async fn list_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    console: Console,
    problem: Option<String>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let caller = match signed_in(&req, &state, console).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let pairs = query_pairs(req.query_string());
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let filter = ReportFilter {
        status: value("status").and_then(ReportStatus::parse),
        kind: value("kind").and_then(ReportKind::parse),
    };
    let page = value("page")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1u32)
        .clamp(1, 100_000);
    let paged = match state
        .call(move |service| service.problem_reports(caller, filter, Page::new(page, PER_PAGE)))
        .await
    {
        Ok(paged) => paged,
        Err(_) => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let pages = paged.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let page_link = |n: u32| {
        let mut pairs = vec![("page".to_owned(), n.to_string())];
        if let Some(status) = filter.status {
            pairs.push(("status".to_owned(), status.code().to_owned()));
        }
        if let Some(kind) = filter.kind {
            pairs.push(("kind".to_owned(), kind.code().to_owned()));
        }
        link(console.path(), &pairs)
    };
    let title = tr.t(match console {
        Console::Agency => "report-console-agency",
        Console::Moderation => "report-console-moderation",
    });
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let main = html! {
        h1 { (title) }
        p { @match console {
            Console::Agency => { a href="/agency" { (tr.t("inbox-console")) } }
            Console::Moderation => { a href="/moderation" { (tr.t("report-moderation-queue")) } }
        } }
        @if value("saved").is_some() { p.notice role="status" { (tr.t("report-saved")) } }
        @if let Some(problem) = &problem { div.error-summary role="alert" { p { (problem) } } }
        form method="get" action=(console.path()) {
            div.field {
                label for="filter-status" { (tr.t("report-filter-status")) }
                select #filter-status name="status" {
                    option value="" { (tr.t("inbox-all")) }
                    @for s in ReportStatus::ALL {
                        option value=(s.code()) selected[filter.status == Some(s)] { (status_label(tr, s)) }
                    }
                }
            }
            div.field {
                label for="filter-kind" { (tr.t("report-filter-kind")) }
                select #filter-kind name="kind" {
                    option value="" { (tr.t("inbox-all")) }
                    @for k in ReportKind::ALL {
                        option value=(k.code()) selected[filter.kind == Some(k)] { (kind_label(tr, k)) }
                    }
                }
            }
            p { button type="submit" { (tr.t("inbox-show")) } }
        }
        @if paged.items.is_empty() {
            p { (tr.t("report-empty")) }
        } @else {
            h2 { (tr.t("report-list")) }
            ul.reports { @for report in &paged.items { (report_item(&ctx, console, report)) } }
            nav.pages aria-label=(title) {
                @if page > 1 { a href=(page_link(page - 1)) rel="prev" { (tr.t("page-previous")) } " " }
                @if u64::from(page) < pages { a href=(page_link(page + 1)) rel="next" { (tr.t("page-next")) } }
            }
        }
    };
    ctx.respond(status, &title, console.section(), main)
}

async fn change(
    req: HttpRequest,
    state: web::Data<AppState>,
    console: Console,
    reference: String,
    body: Bytes,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let caller = match signed_in(&req, &state, console).await {
        Ok(caller) => caller,
        Err(response) => return response,
    };
    let pairs = query_pairs(std::str::from_utf8(&body).unwrap_or_default());
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    if !csrf::check_session(&req, &value("csrf")) {
        return csrf::refused(&ctx, console.path());
    }
    let Some(status) = ReportStatus::parse(&value("status")) else {
        let problem = ctx.tr.t("report-invalid");
        return list_page(req, state, console, Some(problem)).await;
    };
    let body = ReportStatusBody {
        status,
        resolution: Some(value("resolution")),
    };
    match state
        .call(move |service| service.set_report_status(caller, &reference, &body))
        .await
    {
        Ok(_) => see_other(&format!("{}?saved=1", console.path())),
        Err(ServiceError::Validation(errors)) => {
            let problem = errors
                .iter()
                .map(|e| match (e.field.as_str(), e.code) {
                    ("resolution", "required") => ctx.tr.t("report-need-resolution"),
                    ("resolution", "too_long") => ctx.tr.t("enquire-error-too-long"),
                    _ => ctx.tr.t("report-invalid"),
                })
                .collect::<Vec<_>>()
                .join(" ");
            list_page(req, state, console, Some(problem)).await
        }
        Err(ServiceError::NotFound { .. }) => {
            let problem = ctx.tr.t("report-invalid");
            list_page(req, state, console, Some(problem)).await
        }
        Err(_) => server_error(&ctx),
    }
}

#[get("/agency/reports")]
async fn agency_list(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    list_page(req, state, Console::Agency, None).await
}

#[post("/agency/reports/{reference}")]
async fn agency_change(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    body: Bytes,
) -> HttpResponse {
    change(req, state, Console::Agency, reference.into_inner(), body).await
}

#[get("/moderation/reports")]
async fn moderation_list(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    list_page(req, state, Console::Moderation, None).await
}

#[post("/moderation/reports/{reference}")]
async fn moderation_change(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    body: Bytes,
) -> HttpResponse {
    change(
        req,
        state,
        Console::Moderation,
        reference.into_inner(),
        body,
    )
    .await
}
