//! The agency inbox in the console: `/agency/enquiries` (newest first, filtered by status) and
//! `/agency/enquiries/{id}` (the enquiry, its history, and a form for the next status, the
//! reason for closing and a note). Signed-in agency sessions only; another agency's enquiry is
//! not found. Each change is recorded as `console (key N)`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_domain::enquiry::{
    CloseReason, ContactBy, EnquiryEventBody, EnquiryItem, EnquiryStatus, ItemKind,
};
use carematch_domain::vocabulary::Code;
use carematch_domain::{AgencyId, Caller, CarerId, ProviderId, Role};
use carematch_service::ServiceError;
use carematch_store::enquiries::{Enquiry, EnquiryEvent};
use carematch_store::{Page, StoreError};
use maud::{Markup, html};
use serde::Deserialize;

use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, link, query_pairs, see_other};
use crate::pages::server_error;
use crate::session::{current, to_login};

/// Enquiries per page of the inbox.
pub const PER_PAGE: u32 = 25;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list).service(one).service(record);
}

/// The signed-in agency and its key's id, or where to send the browser instead.
async fn signed_in(
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<(AgencyId, i64), HttpResponse> {
    let next = link(req.path(), &query_pairs(req.query_string()));
    let key = current(req, state).await.ok_or_else(|| to_login(&next))?;
    match (key.role, key.agency_id) {
        (Role::Agency, Some(agency)) => Ok((agency, key.id)),
        _ => Err(to_login(&next)),
    }
}

fn status_label(tr: &Tr, status: EnquiryStatus) -> String {
    tr.t(&format!("inbox-status-{}", status.code()))
}

fn reason_label(tr: &Tr, reason: CloseReason) -> String {
    tr.t(&format!("inbox-reason-{}", reason.code()))
}

fn when(at: chrono::DateTime<chrono::Utc>) -> Markup {
    html! { time datetime=(at.to_rfc3339()) { (at.format("%Y-%m-%d %H:%M")) } }
}

#[get("/agency/enquiries")]
async fn list(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match signed_in(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let pairs = query_pairs(req.query_string());
    let status = pairs
        .iter()
        .find(|(k, _)| k == "status")
        .and_then(|(_, v)| EnquiryStatus::parse(v));
    let page = pairs
        .iter()
        .find(|(k, _)| k == "page")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(1u32)
        .clamp(1, 100_000);
    let paged = match state
        .call(move |service| {
            service.enquiries(Caller::Agency(agency), status, Page::new(page, PER_PAGE))
        })
        .await
    {
        Ok(paged) => paged,
        Err(_) => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let pages = paged.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let page_link = |n: u32| {
        let mut pairs = vec![("page".to_owned(), n.to_string())];
        if let Some(status) = status {
            pairs.push(("status".to_owned(), status.code().to_owned()));
        }
        link("/agency/enquiries", &pairs)
    };
    let main = html! {
        h1 { (tr.t("inbox-title")) }
        p { a href="/agency" { (tr.t("inbox-console")) } }
        form method="get" action="/agency/enquiries" {
            div.field {
                label for="status" { (tr.t("inbox-filter")) }
                select #status name="status" {
                    option value="" { (tr.t("inbox-all")) }
                    @for s in EnquiryStatus::ALL {
                        option value=(s.code()) selected[status == Some(s)] { (status_label(tr, s)) }
                    }
                }
                " " button type="submit" { (tr.t("inbox-show")) }
            }
        }
        @if paged.items.is_empty() {
            p { (tr.t("inbox-empty")) }
        } @else {
            div.table-wrap {
                table {
                    thead { tr {
                        th scope="col" { (tr.t("inbox-reference")) }
                        th scope="col" { (tr.t("inbox-received")) }
                        th scope="col" { (tr.t("inbox-name")) }
                        th scope="col" { (tr.t("inbox-state")) }
                    } }
                    tbody {
                        @for e in &paged.items {
                            tr {
                                td { a href=(format!("/agency/enquiries/{}", e.id)) { (e.reference) } }
                                td { (when(e.created_at)) }
                                td { bdi { (e.name) } }
                                td { (status_label(tr, e.status)) }
                            }
                        }
                    }
                }
            }
            nav.pages aria-label=(tr.t("inbox-title")) {
                @if page > 1 { a href=(page_link(page - 1)) rel="prev" { (tr.t("page-previous")) } " " }
                @if u64::from(page) < pages { a href=(page_link(page + 1)) rel="next" { (tr.t("page-next")) } }
            }
        }
    };
    ctx.ok(&tr.t("inbox-title"), Section::Agency, main)
}

fn contact(tr: &Tr, e: &Enquiry) -> Markup {
    let c = &e.contact;
    html! {
        @match c.by {
            ContactBy::Phone => { (tr.t("inbox-by-phone")) }
            ContactBy::Email => { (tr.t("inbox-by-email")) }
            ContactBy::Callback => {
                (tr.t("inbox-by-callback")) ": "
                @if let Some(language) = c.callback_language {
                    span lang=(crate::i18n::lang_tag(language)) { (language.autonym().unwrap_or(language.label_en())) }
                    " (" (language.label_en()) ")"
                }
            }
        }
        @if let Some(phone) = &c.phone { br; (tr.t("contact-phone")) ": " a href=(format!("tel:{phone}")) { (phone) } }
        @if let Some(email) = &c.email { br; (tr.t("contact-email")) ": " a href=(format!("mailto:{email}")) { (email) } }
    }
}

fn history(tr: &Tr, events: &[EnquiryEvent]) -> Markup {
    html! {
        ol.history {
            @for event in events {
                li {
                    (when(event.at)) " · " (event.actor) ": "
                    @if let Some(status) = event.status { strong { (status_label(tr, status)) } }
                    @if let Some(reason) = event.close_reason { " (" (reason_label(tr, reason)) ")" }
                    @if let Some(note) = &event.note { " " q { (note) } }
                }
            }
        }
    }
}

fn detail(
    ctx: &Ctx,
    status: StatusCode,
    loaded: &Loaded,
    notice: Option<String>,
    problem: Option<String>,
) -> HttpResponse {
    let tr = &ctx.tr;
    let e = &loaded.enquiry;
    let events = &loaded.events;
    let needs = &e.needs;
    let mut searched: Vec<String> = needs
        .languages
        .iter()
        .map(|l| l.autonym().unwrap_or(l.label_en()).to_owned())
        .collect();
    searched.extend(needs.diets.iter().map(|c| tr.code(*c)));
    searched.extend(needs.services.iter().map(|c| tr.code(*c)));
    let next: Vec<EnquiryStatus> = e.status.next().collect();
    let main = html! {
        h1 { (tr.t("inbox-title")) ": " (e.reference) }
        p { a href="/agency/enquiries" { (tr.t("inbox-back")) } }
        @if let Some(notice) = &notice { p.notice role="status" { (notice) } }
        @if let Some(problem) = &problem { div.error-summary role="alert" { p { (problem) } } }
        dl {
            dt { (tr.t("inbox-state")) }
            dd {
                (status_label(tr, e.status))
                @if let Some(reason) = e.close_reason { " (" (reason_label(tr, reason)) ")" }
            }
            dt { (tr.t("inbox-received")) }
            dd { (when(e.created_at)) }
            dt { (tr.t("inbox-name")) }
            dd { bdi { (e.name) } }
            dt { (tr.t("inbox-contact")) }
            dd { (contact(tr, e)) }
            dt { (tr.t("inbox-items")) }
            dd {
                ul {
                    @for (item, name) in e.items.iter().zip(&loaded.names) {
                        li {
                            @match item.kind {
                                ItemKind::Carer => { (tr.t("result-carer")) }
                                ItemKind::Provider => { (tr.t("result-provider")) }
                            }
                            ": "
                            @match name {
                                Some(name) => { bdi { (name) } " (" (item.id) ")" }
                                None => { (item.id) " · " (tr.t("shortlist-gone")) }
                            }
                        }
                    }
                }
            }
            @if !e.message.is_empty() {
                dt { (tr.t("inbox-message")) }
                dd { p { (e.message) } }
            }
            @if !searched.is_empty() {
                dt { (tr.t("inbox-needs")) }
                dd { (searched.join(", ")) }
            }
            @if let Some(outward) = &e.outward_code {
                dt { (tr.t("inbox-area")) }
                dd { (outward) }
            }
        }
        section aria-labelledby="history-title" {
            h2 #history-title { (tr.t("inbox-history")) }
            (history(tr, events))
        }
        section aria-labelledby="change-title" {
            h2 #change-title { (tr.t("inbox-change")) }
            @if next.is_empty() { p { (tr.t("inbox-closed-final")) } }
            form method="post" action=(format!("/agency/enquiries/{}", e.id)) {
                (csrf::field(&ctx.session_token()))
                @if !next.is_empty() {
                    div.field {
                        label for="status" { (tr.t("inbox-new-status")) }
                        select #status name="status" {
                            option value="" { (tr.t("inbox-keep-status")) }
                            @for s in &next { option value=(s.code()) { (status_label(tr, *s)) } }
                        }
                    }
                    div.field {
                        label for="close_reason" { (tr.t("inbox-close-reason")) }
                        select #close_reason name="close_reason" {
                            option value="" { "—" }
                            @for r in CloseReason::ALL { option value=(r.code()) { (reason_label(tr, r)) } }
                        }
                    }
                }
                div.field {
                    label for="note" { (tr.t("inbox-note")) }
                    textarea #note name="note" rows="3" maxlength=(carematch_domain::enquiry::MAX_NOTE) {}
                }
                p { button type="submit" { (tr.t("inbox-save")) } }
            }
        }
    };
    ctx.respond(status, &tr.t("inbox-title"), Section::Agency, main)
}

fn not_found(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("inbox-title")) }
        p { (tr.t("inbox-not-found")) }
        p { a href="/agency/enquiries" { (tr.t("inbox-back")) } }
    };
    ctx.respond(
        StatusCode::NOT_FOUND,
        &tr.t("inbox-title"),
        Section::Agency,
        main,
    )
}

async fn load(
    state: &web::Data<AppState>,
    agency: AgencyId,
    id: i64,
) -> Result<Loaded, ServiceError> {
    state
        .call(move |service| {
            let (enquiry, events) = service.enquiry(Caller::Agency(agency), id)?;
            let names = item_names(service.store(), agency, &enquiry.items)?;
            Ok(Loaded {
                enquiry,
                events,
                names,
            })
        })
        .await
}

/// An enquiry as its agency's inbox shows it.
struct Loaded {
    enquiry: Enquiry,
    events: Vec<EnquiryEvent>,
    /// Per item (same order): the agency's own PA by full name, a provider by its name; `None`
    /// when the record has gone since.
    names: Vec<Option<String>>,
}

/// What the agency calls each item: its own PAs by full name (it holds their records), the
/// providers it manages by name.
fn item_names(
    store: &carematch_store::Store,
    agency: AgencyId,
    items: &[EnquiryItem],
) -> Result<Vec<Option<String>>, StoreError> {
    items
        .iter()
        .map(|item| {
            Ok(match item.kind {
                ItemKind::Carer => store
                    .get_carer(CarerId(item.id))?
                    .filter(|carer| carer.agency_id == agency)
                    .map(|carer| {
                        format!("{} {}", carer.details.given_name, carer.details.family_name)
                    }),
                ItemKind::Provider => store
                    .get_provider(ProviderId(item.id))?
                    .map(|provider| provider.details.name),
            })
        })
        .collect()
}

#[get("/agency/enquiries/{id}")]
async fn one(req: HttpRequest, state: web::Data<AppState>, id: web::Path<i64>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match signed_in(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let saved = query_pairs(req.query_string())
        .iter()
        .any(|(k, _)| k == "saved");
    match load(&state, agency, id.into_inner()).await {
        Ok(loaded) => detail(
            &ctx,
            StatusCode::OK,
            &loaded,
            saved.then(|| ctx.tr.t("inbox-saved")),
            None,
        ),
        Err(ServiceError::Store(StoreError::NotFound { .. })) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}

#[derive(Debug, Deserialize)]
struct EventForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    close_reason: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    csrf: String,
}

#[post("/agency/enquiries/{id}")]
async fn record(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: web::Form<EventForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, key) = match signed_in(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let id = id.into_inner();
    let path = format!("/agency/enquiries/{id}");
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&ctx, &path);
    }
    let form = form.into_inner();
    let body = EnquiryEventBody {
        status: EnquiryStatus::parse(&form.status),
        // A reason picked while not closing is ignored rather than refused: the select is
        // always on the form.
        close_reason: CloseReason::parse(&form.close_reason)
            .filter(|_| form.status == EnquiryStatus::Closed.code()),
        note: Some(form.note),
    };
    let actor = format!("console (key {key})");
    match state
        .call(move |service| service.record_enquiry_event(Caller::Agency(agency), id, actor, &body))
        .await
    {
        Ok(_) => see_other(&format!("{path}?saved=1")),
        Err(ServiceError::Validation(errors)) => {
            let problem = errors
                .iter()
                .map(|e| match (e.field.as_str(), e.code) {
                    ("close_reason", _) => ctx.tr.t("inbox-need-reason"),
                    ("note", "too_long") => ctx.tr.t("enquire-error-too-long"),
                    (_, "invalid_transition") => ctx.tr.t("inbox-invalid"),
                    _ => ctx.tr.t("inbox-nothing"),
                })
                .collect::<Vec<_>>()
                .join(" ");
            match load(&state, agency, id).await {
                Ok(loaded) => detail(
                    &ctx,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &loaded,
                    None,
                    Some(problem),
                ),
                Err(_) => not_found(&ctx),
            }
        }
        Err(ServiceError::Store(StoreError::NotFound { .. })) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}
