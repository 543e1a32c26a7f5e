//! One listing an organisation manages (docs/listings.md, "Moderation" and "Freshness"):
//!
//! - `GET /organisation/listings/{id}`: the listing form filled in with the listing as it
//!   stands, the changes still waiting for a moderator, and "all of this is still true".
//! - `POST /organisation/listings/{id}`: queues the change (`edit_provider`) through the same
//!   service call as `POST /v1/submissions`; the public listing changes only on approval.
//! - `POST /organisation/listings/{id}/confirm`: the organisation says that everything is still
//!   true today (as `POST /v1/providers/{id}/confirm`). Nothing public changes but the date,
//!   so it needs no moderator.
//!
//! A listing the organisation does not manage answers 404, as if it did not exist.

use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_api::AppState;
use carematch_domain::listing::days_since;
use carematch_domain::moderation::{SubmissionKind, SubmissionStatus};
use carematch_domain::{Caller, FieldError, Provider, ProviderId, ServiceArea};
use carematch_service::ServiceError;
use carematch_service::listings::SubmissionRequest;
use carematch_service::records::manages;
use carematch_store::Page;
use carematch_store::submissions::{Submission, SubmissionFilter};
use maud::html;

use super::form::{self, Proposal};
use super::organisation;
use crate::layout::{Ctx, Section, query_pairs, see_other};
use crate::moderation::{kind_label, when};
use crate::pages::server_error;
use crate::{csrf, freshness};

/// Pending changes listed on the page (a listing rarely has more than one).
const PENDING_SHOWN: u32 = 20;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(edit_page).service(edit).service(confirm);
}

/// The listing and the changes to it still waiting for a moderator.
struct Listing {
    provider: Provider,
    pending: Vec<Submission>,
}

/// The listing if `caller` manages it; `None` when it does not exist or is someone else's.
fn load(state: &AppState, caller: Caller, id: ProviderId) -> Result<Option<Listing>, ServiceError> {
    let provider = match state.service().provider(id) {
        Ok(provider) if manages(caller, &provider) => provider,
        Ok(_) | Err(ServiceError::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(e),
    };
    let filter = SubmissionFilter {
        status: Some(SubmissionStatus::Pending),
        kind: Some(SubmissionKind::EditProvider),
        provider: Some(id),
        ..SubmissionFilter::default()
    };
    let pending = state
        .service()
        .submissions(caller, filter, Page::new(1, PENDING_SHOWN))?
        .items;
    Ok(Some(Listing { provider, pending }))
}

fn not_found(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("organisation-title")) }
        p { (tr.t("organisation-listing-not-found")) }
        p { a href="/organisation" { (tr.t("organisation-back")) } }
    };
    ctx.respond(
        StatusCode::NOT_FOUND,
        &tr.t("organisation-title"),
        Section::Other,
        main,
    )
}

/// The page, with what was sent and its errors when a change was refused.
fn page(
    ctx: &Ctx,
    status: StatusCode,
    listing: &Listing,
    sent: Option<&Proposal>,
    errors: &[FieldError],
    done: Option<&str>,
) -> HttpResponse {
    let tr = &ctx.tr;
    let provider = &listing.provider;
    let id = provider.id.0;
    let current = Proposal::from_details(&provider.details);
    let shown = sent.unwrap_or(&current);
    let polygon = matches!(provider.details.service_area, ServiceArea::Polygon { .. });
    let confirmed = provider.details.last_confirmed_on;
    let token = ctx.session_token();
    let title = tr.with("organisation-listing-title", "name", &provider.details.name);
    let main = html! {
        p { a href="/organisation" { (tr.t("organisation-back")) } }
        h1 { bdi { (provider.details.name) } }
        @if let Some(done) = done {
            p.notice role="status" { (tr.t(done)) }
        }
        (form::error_summary(tr, errors))
        p {
            a href=(format!("/providers/{id}")) { (tr.t("organisation-listing-public")) }
        }
        h2 #confirm-title { (tr.t("organisation-confirm")) }
        p {
            (tr.with("organisation-confirmed-on", "date", &confirmed.to_string()))
            " (" (freshness::confirmed_ago(tr, days_since(confirmed, carematch_service::today()))) ")"
            @if provider.listing.stale_since.is_some() {
                " " strong.flag { (tr.t("fresh-stale")) }
            }
        }
        form method="post" action=(format!("/organisation/listings/{id}/confirm")) aria-labelledby="confirm-title" {
            (csrf::field(&token))
            p { button type="submit" { (tr.t("organisation-confirm-send")) } }
        }
        @if !listing.pending.is_empty() {
            h2 { (tr.t("organisation-pending")) }
            ul { @for s in &listing.pending {
                li { (kind_label(tr, s.kind)) " #" (s.id.0) ", " (when(s.created_at)) }
            } }
        }
        h2 #edit-title { (tr.t("organisation-edit-title")) }
        p { (tr.t("organisation-edit-intro")) }
        form method="post" action=(format!("/organisation/listings/{id}")) aria-labelledby="edit-title" {
            (csrf::field(&token))
            (form::fields(tr, shown, errors, polygon))
            p { button type="submit" { (tr.t("organisation-edit-send")) } }
        }
    };
    ctx.respond(status, &title, Section::Other, main)
}

/// Loads the listing and answers with `render`, or 404 / 503.
async fn with_listing(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    caller: Caller,
    id: ProviderId,
    render: impl FnOnce(&Listing) -> HttpResponse,
) -> HttpResponse {
    let lookup = state.clone().into_inner();
    match web::block(move || load(&lookup, caller, id)).await {
        Ok(Ok(Some(listing))) => render(&listing),
        Ok(Ok(None)) => not_found(ctx),
        _ => server_error(ctx),
    }
}

#[get("/organisation/listings/{id}")]
async fn edit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, _, _) = match organisation(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let done = query_pairs(req.query_string())
        .into_iter()
        .find_map(|(k, v)| match (k.as_str(), v.as_str()) {
            ("done", "sent") => Some("organisation-sent"),
            ("done", "confirmed") => Some("organisation-confirmed"),
            _ => None,
        });
    let id = ProviderId(path.into_inner());
    with_listing(&ctx, &state, caller, id, |listing| {
        page(&ctx, StatusCode::OK, listing, None, &[], done)
    })
    .await
}

#[post("/organisation/listings/{id}")]
async fn edit(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: Bytes,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, _, key) = match organisation(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let id = ProviderId(path.into_inner());
    let form = Proposal::from_pairs(&query_pairs(std::str::from_utf8(&body).unwrap_or_default()));
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&ctx, &format!("/organisation/listings/{}", id.0));
    }
    let lookup = state.clone().into_inner();
    let listing = match web::block(move || load(&lookup, caller, id)).await {
        Ok(Ok(Some(listing))) => listing,
        Ok(Ok(None)) => return not_found(&ctx),
        _ => return server_error(&ctx),
    };
    let refused = |errors: Vec<FieldError>| {
        page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &listing,
            Some(&form),
            &errors,
            None,
        )
    };
    let payload = match form.payload_over(&listing.provider.details) {
        Ok(payload) => payload,
        Err(errors) => return refused(errors),
    };
    let request = SubmissionRequest {
        kind: SubmissionKind::EditProvider,
        provider_id: Some(id),
        payload: Some(payload),
        note: form.note.clone(),
    };
    match state
        .call(move |service| service.submit(caller, key, &request))
        .await
    {
        Ok(_) => see_other(&format!(
            "/organisation/listings/{}?done=sent&lang={}",
            id.0,
            ctx.locale().tag()
        )),
        Err(ServiceError::Validation(errors)) => refused(errors),
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}

#[post("/organisation/listings/{id}/confirm")]
async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: Bytes,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, _, _) = match organisation(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let id = ProviderId(path.into_inner());
    let pairs = query_pairs(std::str::from_utf8(&body).unwrap_or_default());
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    if !csrf::check_session(&req, token) {
        return csrf::refused(&ctx, &format!("/organisation/listings/{}", id.0));
    }
    let today = carematch_service::today();
    match state
        .call(move |service| service.confirm_provider(caller, id, today))
        .await
    {
        Ok(_) => see_other(&format!(
            "/organisation/listings/{}?done=confirmed&lang={}",
            id.0,
            ctx.locale().tag()
        )),
        Err(ServiceError::NotFound { .. } | ServiceError::Forbidden) => not_found(&ctx),
        Err(_) => server_error(&ctx),
    }
}
