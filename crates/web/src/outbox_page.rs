//! `/agency/messages`: the agency's e-mail notifications (new enquiries, vacancy alerts, and
//! what was sent to people about its records), queued, sent or failed, with their text: with no
//! SMTP configured nothing is sent, and this page is where the agency reads them. A failed
//! message can be queued again.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_domain::AgencyId;
use carematch_store::{MailCounts, MailStatus, OutboxFilter, OutboxMessage, Page, Paged};
use chrono::{DateTime, Utc};
use maud::{Markup, html};
use serde::Deserialize;

use crate::agency::agency_of;
use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, query_pairs, see_other};
use crate::pages::server_error;
use crate::session::TokenForm;

/// Messages per page.
const PER_PAGE: u32 = 20;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(messages).service(retry);
}

struct View {
    agency: String,
    status: Option<MailStatus>,
    page: u32,
    paged: Paged<OutboxMessage>,
    counts: MailCounts,
    notice: Option<String>,
}

#[get("/agency/messages")]
async fn messages(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, name) = match agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let pairs = query_pairs(req.query_string());
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let status = value("status").and_then(MailStatus::parse);
    let page = value("page")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_u32)
        .clamp(1, 100_000);
    let notice = value("retried").map(|_| ctx.tr.t("outbox-retried"));
    match load(&state, agency, status, page).await {
        Some((paged, counts)) => {
            let view = View {
                agency: name,
                status,
                page,
                paged,
                counts,
                notice,
            };
            ctx.respond(
                StatusCode::OK,
                &ctx.tr.t("outbox-title"),
                Section::Agency,
                render(&ctx, &view),
            )
        }
        None => server_error(&ctx),
    }
}

async fn load(
    state: &web::Data<AppState>,
    agency: AgencyId,
    status: Option<MailStatus>,
    page: u32,
) -> Option<(Paged<OutboxMessage>, MailCounts)> {
    let filter = OutboxFilter {
        agency: Some(agency),
        status,
    };
    state
        .call(move |service| {
            Ok((
                service.outbox(filter, Page::new(page, PER_PAGE))?,
                service.outbox_counts(Some(agency))?,
            ))
        })
        .await
        .ok()
}

#[derive(Debug, Deserialize)]
struct IdPath {
    id: i64,
}

#[post("/agency/messages/{id}/retry")]
async fn retry(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<IdPath>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    let (agency, _) = match agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&Ctx::new(&req), "/agency/messages");
    }
    let id = path.id;
    match state
        .call(move |service| service.retry_mail(id, Some(agency)))
        .await
    {
        Ok(Some(_)) => see_other("/agency/messages?retried=1"),
        // Not failed (someone retried it already): the list shows where it is.
        Ok(None) => see_other("/agency/messages"),
        Err(carematch_service::ServiceError::Store(carematch_store::StoreError::NotFound {
            ..
        })) => HttpResponse::NotFound().finish(),
        Err(_) => server_error(&Ctx::new(&req)),
    }
}

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn status_label(tr: &Tr, status: MailStatus) -> String {
    tr.t(&format!("outbox-status-{}", status.code()))
}

fn render(ctx: &Ctx, view: &View) -> Markup {
    let tr = &ctx.tr;
    let token = ctx.session_token();
    let pages = view.paged.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let filter_query = view
        .status
        .map(|s| format!("status={}&", s.code()))
        .unwrap_or_default();
    let page_label = tr.args(
        "outbox-page",
        &[
            ("page", f64::from(view.page).into()),
            ("pages", (pages as f64).into()),
        ],
    );
    let filters: [(Option<MailStatus>, String); 4] = [
        (
            None,
            tr.count(
                "outbox-filter-all",
                "count",
                (view.counts.pending + view.counts.sent + view.counts.failed) as f64,
            ),
        ),
        (
            Some(MailStatus::Pending),
            tr.count("outbox-filter-pending", "count", view.counts.pending as f64),
        ),
        (
            Some(MailStatus::Sent),
            tr.count("outbox-filter-sent", "count", view.counts.sent as f64),
        ),
        (
            Some(MailStatus::Failed),
            tr.count("outbox-filter-failed", "count", view.counts.failed as f64),
        ),
    ];
    html! {
        p { a href="/agency" { (tr.t("outbox-back")) } }
        h1 { (tr.t("outbox-title")) }
        p { (tr.with("outbox-signed-in", "agency", &view.agency)) }
        p { (tr.t("outbox-intro")) }
        @if let Some(notice) = &view.notice { p.notice role="status" { (notice) } }
        nav aria-label=(tr.t("outbox-filter")) {
            ul.filters {
                @for (status, label) in &filters {
                    @let href = status.map_or_else(|| "/agency/messages".to_owned(), |s| format!("/agency/messages?status={}", s.code()));
                    li { a href=(href) aria-current=[(*status == view.status).then_some("page")] { (label) } }
                }
            }
        }
        @if view.paged.items.is_empty() {
            p { (tr.t("outbox-empty")) }
        }
        @for message in &view.paged.items {
            (message_card(tr, message, &token))
        }
        nav.pages aria-label=(page_label) {
            @if view.page > 1 { a href=(format!("/agency/messages?{filter_query}page={}", view.page - 1)) rel="prev" { (tr.t("page-previous")) } " " }
            (page_label)
            @if u64::from(view.page) < pages { " " a href=(format!("/agency/messages?{filter_query}page={}", view.page + 1)) rel="next" { (tr.t("page-next")) } }
        }
    }
}

fn message_card(tr: &Tr, message: &OutboxMessage, token: &str) -> Markup {
    let heading = format!("message-{}", message.id);
    html! {
        article.card aria-labelledby=(heading) {
            h2 #(heading) dir="auto" { (message.subject) }
            dl {
                dt { (tr.t("outbox-kind")) }
                dd { (tr.t(&format!("outbox-kind-{}", message.kind.code()))) }
                dt { (tr.t("outbox-state")) }
                dd { (status_label(tr, message.status)) }
                dt { (tr.t("outbox-to")) }
                dd dir="ltr" { (message.recipient) }
                dt { (tr.t("outbox-queued")) }
                dd { time datetime=(message.created_at.to_rfc3339()) { (when(message.created_at)) } }
                @if let Some(sent) = message.sent_at {
                    dt { (tr.t("outbox-sent-at")) }
                    dd { time datetime=(sent.to_rfc3339()) { (when(sent)) } }
                }
                dt { (tr.t("outbox-attempts")) }
                dd { (message.attempts) }
                @if let Some(error) = &message.last_error {
                    dt { (tr.t("outbox-error")) }
                    dd dir="ltr" { (error) }
                }
            }
            div.message-body dir="auto" {
                @for paragraph in message.body.split("\n\n") {
                    p {
                        @for (i, line) in paragraph.lines().enumerate() {
                            @if i > 0 { br; }
                            (line)
                        }
                    }
                }
            }
            @if message.status == MailStatus::Failed {
                form method="post" action=(format!("/agency/messages/{}/retry", message.id)) {
                    (csrf::field(token))
                    button type="submit" { (tr.with("outbox-retry", "subject", &message.subject)) }
                }
            }
        }
    }
}
