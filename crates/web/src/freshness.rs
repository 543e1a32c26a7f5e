//! Freshness and edit history in the web pages (docs/web.md, "Freshness and edit history"):
//! "confirmed N days ago" on result cards, profiles and the shortlist; on the agency console,
//! the stale and reminded flags, the deleted PAs with a restore button, and each PA's history.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_domain::listing::days_since;
use carematch_domain::{Caller, Carer, CarerId, HistoryEntry, HistoryOp};
use carematch_store::{Page, Paged};
use maud::{Markup, html};

use crate::csrf;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section};
use crate::pages::server_error;

/// Entries per page of a PA's history.
const HISTORY_PER_PAGE: u32 = 50;

/// "confirmed 12 days ago" (plural rules per language).
pub fn confirmed_ago(tr: &Tr, days: i64) -> String {
    // Day counts are small whole numbers, exact as f64.
    tr.count("fresh-confirmed-ago", "days", days as f64)
}

/// The console's freshness cell for one PA: the date, how long ago, and its flags.
pub fn console_cell(tr: &Tr, carer: &Carer, today: chrono::NaiveDate) -> Markup {
    let confirmed = carer.details.last_confirmed_on;
    html! {
        (confirmed.to_string())
        br;
        (confirmed_ago(tr, days_since(confirmed, today)))
        @if carer.listing.stale_since.is_some() {
            br;
            strong.flag { (tr.t("fresh-stale")) }
        } @else if let Some(reminded) = carer.listing.reminded_on {
            br;
            span.flag { (tr.with("fresh-reminded", "date", &reminded.to_string())) }
        }
    }
}

/// The console's list of deleted PAs, each with a restore button.
pub fn deleted_section(tr: &Tr, deleted: &Paged<Carer>, token: &str) -> Markup {
    html! {
        section aria-labelledby="deleted-title" {
            h2 #deleted-title { (tr.t("fresh-deleted-title")) }
            @if deleted.items.is_empty() {
                p { (tr.t("fresh-deleted-none")) }
            } @else {
                p { (tr.t("fresh-deleted-intro")) }
                ul {
                    @for carer in &deleted.items {
                        @let name = format!("{} {}", carer.details.given_name, carer.details.family_name);
                        li {
                            bdi { (name) } " "
                            form.inline method="post" action=(format!("/agency/carers/{}/restore", carer.id)) {
                                (csrf::field(token))
                                button type="submit" { (tr.with("fresh-restore", "name", &name)) }
                            }
                            " "
                            a href=(history_path(carer.id)) { (tr.with("fresh-history-link", "name", &name)) }
                        }
                    }
                }
            }
        }
    }
}

pub fn history_path(id: CarerId) -> String {
    format!("/agency/carers/{id}/history")
}

fn op_label(tr: &Tr, op: HistoryOp) -> String {
    tr.t(&format!("fresh-op-{}", op.code()))
}

fn history_table(tr: &Tr, entries: &[HistoryEntry]) -> Markup {
    html! {
        div.table-wrap tabindex="0" role="region" aria-labelledby="history-title" {
            table {
                thead { tr {
                    th scope="col" { (tr.t("fresh-col-when")) }
                    th scope="col" { (tr.t("fresh-col-what")) }
                    th scope="col" { (tr.t("fresh-col-who")) }
                    th scope="col" { (tr.t("fresh-col-fields")) }
                } }
                tbody {
                    @for entry in entries {
                        tr {
                            th scope="row" { (entry.at.format("%Y-%m-%d %H:%M").to_string()) }
                            td { (op_label(tr, entry.op)) }
                            td { (entry.actor_label) }
                            // Field names as stored (the API's names), never values.
                            td { code { (entry.fields.join(", ")) } }
                        }
                    }
                }
            }
        }
    }
}

/// One of the agency's PAs' edit history (also of a deleted PA). Another agency's PA, or
/// none, is the same 404.
#[get("/agency/carers/{id}/history")]
pub async fn carer_history(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (agency, _) = match crate::agency::agency_of(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let id = CarerId(path.into_inner());
    let caller = Caller::Agency(agency);
    let found = state
        .call(move |service| {
            let history = service.carer_history(caller, id, Page::new(1, HISTORY_PER_PAGE))?;
            let name = service
                .store()
                .get_carer_any(id)?
                .map(|(c, _)| format!("{} {}", c.details.given_name, c.details.family_name))
                .unwrap_or_default();
            Ok::<_, carematch_service::ServiceError>((history, name))
        })
        .await;
    let (history, name) = match found {
        Ok(found) => found,
        Err(
            carematch_service::ServiceError::NotFound { .. }
            | carematch_service::ServiceError::Forbidden,
        ) => return HttpResponse::NotFound().finish(),
        Err(_) => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let title = tr.with("fresh-history-title", "name", &name);
    let main = html! {
        h1 #history-title { (title) }
        p { a href="/agency" { (tr.t("fresh-back")) } }
        p { (tr.t("fresh-history-intro")) }
        @if history.items.is_empty() {
            p { (tr.t("fresh-history-none")) }
        } @else {
            (history_table(tr, &history.items))
            @if history.total > u64::from(HISTORY_PER_PAGE) {
                p { (tr.count("fresh-history-more", "count", history.total as f64)) }
            }
        }
    };
    ctx.respond(StatusCode::OK, &title, Section::Agency, main)
}
