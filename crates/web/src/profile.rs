//! Public profile pages: `/carers/{id}` and `/providers/{id}`. One record's public view, as a
//! shortlist entry shows it (never a PA's own contact details, address or exact location; a
//! PA's faith only with its consent), the agency to contact, the shortlist button and
//! "Enquire". A PA who is not listed publicly, a deleted record and an unknown id all get the
//! same 404, so the page reveals nothing the public views do not.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_matching::CandidateKind;
use maud::html;

use crate::layout::{Ctx, Section};
use crate::pages::server_error;
use crate::shortlist::{Buttons, Entry, Heading, Item, entry_card, load};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(carer_page).service(provider_page);
}

/// The profile page of `item`.
pub fn path(item: Item) -> String {
    match item.kind {
        CandidateKind::Carer => format!("/carers/{}", item.id),
        CandidateKind::Provider => format!("/providers/{}", item.id),
    }
}

#[get("/carers/{id}")]
async fn carer_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> HttpResponse {
    let item = Item {
        kind: CandidateKind::Carer,
        id: id.into_inner(),
    };
    page(req, state, item).await
}

#[get("/providers/{id}")]
async fn provider_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> HttpResponse {
    let item = Item {
        kind: CandidateKind::Provider,
        id: id.into_inner(),
    };
    page(req, state, item).await
}

async fn page(req: HttpRequest, state: web::Data<AppState>, item: Item) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let state = state.into_inner();
    let entry = match web::block(move || load(&state, &[item])).await {
        Ok(Ok(mut entries)) => entries.pop(),
        _ => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let Some(entry) = entry.filter(|e| !matches!(e, Entry::Gone(_))) else {
        let main = html! {
            h1 { (tr.t("profile-missing-title")) }
            p { (tr.t("shortlist-gone")) }
            p { a href="/find" { (tr.t("shortlist-back")) } }
        };
        return ctx.respond(
            StatusCode::NOT_FOUND,
            &tr.t("profile-missing-title"),
            Section::Find,
            main,
        );
    };
    let title = match &entry {
        Entry::Carer(carer) => carer.display_name.clone(),
        Entry::Provider(provider) => provider.name.clone(),
        Entry::Gone(_) => String::new(),
    };
    let token = ctx.anonymous_token();
    let buttons = Buttons {
        list: &ctx.shortlist,
        token: &token,
    };
    let main = html! {
        (entry_card(tr, buttons, &entry, &path(item), Heading::Page))
        p.no-print { a href="/shortlist" { (tr.t("shortlist-title")) } }
    };
    ctx.ok(&title, Section::Find, main)
}
