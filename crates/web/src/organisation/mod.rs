//! An organisation's console on the web (docs/listings.md, "Accounts and sign-in",
//! "Moderation"): organisation accounts, signed in by an e-mailed link or a key.
//!
//! - `GET /organisation`: the listings the organisation manages, its submissions with their
//!   status and the moderator's reason, a form to propose a new listing and a form to claim an
//!   existing one.
//! - `POST /organisation/propose`, `POST /organisation/claim`: queue the submission through the
//!   same service call as `POST /v1/submissions`, so the web and the API apply the same rules;
//!   nothing is public until a moderator approves it.
//! - `/organisation/listings/{id}` (listing.rs): change a listing it manages, or confirm that
//!   all of it is still true.

use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_api::AppState;
use carematch_domain::listing::days_since;
use carematch_domain::moderation::SubmissionKind;
use carematch_domain::{Caller, FieldError, OrganisationId, Provider, ProviderId, Role};
use carematch_service::ServiceError;
use carematch_service::listings::SubmissionRequest;
use carematch_store::submissions::{Submission, SubmissionFilter};
use carematch_store::{Page, ProviderFilter};
use maud::html;

use crate::{csrf, freshness};

use crate::layout::{Ctx, Section, query_pairs, see_other};
use crate::moderation::{kind_label, status_label, when};
use crate::pages::server_error;
use crate::session::{current, to_login};

mod form;
mod listing;

use form::Proposal;

/// Listings and submissions shown on the console's one page.
const SHOWN: u32 = 100;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(console_page).service(propose).service(claim);
    listing::configure(cfg);
}

/// The signed-in organisation: its caller and the key's id (recorded as the submitter).
async fn organisation(
    req: &HttpRequest,
    state: &web::Data<AppState>,
) -> Result<(Caller, OrganisationId, i64), HttpResponse> {
    let key = current(req, state)
        .await
        .ok_or_else(|| to_login("/organisation"))?;
    match (key.role, key.organisation_id) {
        (Role::Organisation, Some(own)) => Ok((Caller::Organisation(own), own, key.id)),
        _ => Err(to_login("/organisation")),
    }
}

/// The console's data.
struct Console {
    listings: Vec<Provider>,
    submissions: Vec<Submission>,
}

fn load(state: &AppState, caller: Caller, own: OrganisationId) -> Result<Console, ServiceError> {
    let filter = ProviderFilter {
        organisation: Some(own),
        ..ProviderFilter::default()
    };
    let listings = state
        .store
        .list_providers(&filter, Page::new(1, SHOWN))?
        .items;
    let mut submissions = state
        .service()
        .submissions(caller, SubmissionFilter::default(), Page::new(1, SHOWN))?
        .items;
    submissions.reverse();
    Ok(Console {
        listings,
        submissions,
    })
}

/// Errors and what was typed, for whichever form was sent.
#[derive(Default)]
struct Sent {
    proposal: Option<Proposal>,
    claim: (String, String),
    errors: Vec<FieldError>,
    done: Option<&'static str>,
}

fn page(ctx: &Ctx, status: StatusCode, console: &Console, sent: &Sent) -> HttpResponse {
    let tr = &ctx.tr;
    let blank = Proposal::blank();
    let form = sent.proposal.as_ref().unwrap_or(&blank);
    let marks = form::Marks {
        tr,
        errors: &sent.errors,
    };
    let token = ctx.session_token();
    let today = carematch_service::today();
    let main = html! {
        h1 { (tr.t("organisation-title")) }
        @if let Some(done) = sent.done {
            p.notice role="status" { (tr.t(done)) }
        }
        (form::error_summary(tr, &sent.errors))
        h2 { (tr.t("organisation-listings")) }
        @if console.listings.is_empty() {
            p { (tr.t("organisation-no-listings")) }
        } @else {
            ul.listings { @for provider in &console.listings {
                li {
                    a href=(format!("/providers/{}", provider.id.0)) { bdi { (provider.details.name) } }
                    " · "
                    (freshness::confirmed_ago(tr, days_since(provider.details.last_confirmed_on, today)))
                    @if provider.listing.stale_since.is_some() {
                        " · " strong.flag { (tr.t("fresh-stale")) }
                    }
                    " · "
                    a href=(format!("/organisation/listings/{}", provider.id.0)) {
                        (tr.t("organisation-edit")) span.visually-hidden { " " bdi { (provider.details.name) } }
                    }
                }
            } }
        }
        h2 { (tr.t("organisation-submissions")) }
        @if console.submissions.is_empty() {
            p { (tr.t("organisation-no-submissions")) }
        } @else {
            table {
                thead { tr {
                    th scope="col" { (tr.t("moderation-kind")) }
                    th scope="col" { (tr.t("moderation-sent")) }
                    th scope="col" { (tr.t("moderation-status")) }
                    th scope="col" { (tr.t("moderation-reason")) }
                } }
                tbody { @for s in &console.submissions {
                    tr {
                        td { (kind_label(tr, s.kind)) " #" (s.id.0) }
                        td { (when(s.created_at)) }
                        td { (status_label(tr, s.status)) }
                        td { (s.reason.as_deref().unwrap_or_default()) }
                    }
                } }
            }
        }
        h2 #propose-title { (tr.t("organisation-propose")) }
        p { (tr.t("organisation-propose-intro")) }
        form method="post" action="/organisation/propose" aria-labelledby="propose-title" {
            (csrf::field(&token))
            (form::fields(tr, form, &sent.errors, false))
            p { button type="submit" { (tr.t("organisation-propose-send")) } }
        }
        h2 #claim-title { (tr.t("organisation-claim")) }
        p { (tr.t("organisation-claim-intro")) }
        form method="post" action="/organisation/claim" aria-labelledby="claim-title" {
            (csrf::field(&token))
            div.field {
                label for="provider_id" { (tr.t("organisation-provider-id")) }
                input #provider_id type="number" name="provider_id" value=(sent.claim.0) min="1" required
                    aria-invalid=[marks.invalid("provider_id")] aria-describedby=[marks.described("provider_id")];
                (marks.message("provider_id"))
            }
            div.field {
                label for="claim-note" { (tr.t("organisation-claim-note")) }
                textarea #claim-note name="note" rows="2" maxlength="2000" { (sent.claim.1) }
            }
            p { button type="submit" { (tr.t("organisation-claim-send")) } }
        }
    };
    ctx.respond(status, &tr.t("organisation-title"), Section::Other, main)
}

async fn respond(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    caller: Caller,
    own: OrganisationId,
    status: StatusCode,
    sent: &Sent,
) -> HttpResponse {
    let lookup = state.clone().into_inner();
    match web::block(move || load(&lookup, caller, own)).await {
        Ok(Ok(console)) => page(ctx, status, &console, sent),
        _ => server_error(ctx),
    }
}

/// The console again with the sent form's errors (422).
async fn unprocessable(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    (caller, own, _): (Caller, OrganisationId, i64),
    sent: &Sent,
) -> HttpResponse {
    respond(
        ctx,
        state,
        caller,
        own,
        StatusCode::UNPROCESSABLE_ENTITY,
        sent,
    )
    .await
}

#[get("/organisation")]
async fn console_page(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (caller, own, _) = match organisation(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let done = query_pairs(req.query_string())
        .into_iter()
        .find(|(k, _)| k == "sent")
        .map(|_| "organisation-sent");
    let sent = Sent {
        done,
        ..Sent::default()
    };
    respond(&ctx, &state, caller, own, StatusCode::OK, &sent).await
}

/// Queues `request`: back to the console on success, the form with its errors otherwise.
async fn submit(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    (caller, own, key): (Caller, OrganisationId, i64),
    request: SubmissionRequest,
    mut sent: Sent,
) -> HttpResponse {
    match state
        .call(move |service| service.submit(caller, key, &request))
        .await
    {
        Ok(_) => see_other(&format!("/organisation?sent=1&lang={}", ctx.locale().tag())),
        Err(ServiceError::Validation(errors)) => {
            sent.errors = errors;
            unprocessable(ctx, state, (caller, own, key), &sent).await
        }
        Err(ServiceError::NotFound { .. }) => {
            sent.errors = vec![FieldError {
                field: "provider_id".into(),
                code: "not_found",
                reason: String::new(),
            }];
            respond(ctx, state, caller, own, StatusCode::NOT_FOUND, &sent).await
        }
        Err(_) => server_error(ctx),
    }
}

#[post("/organisation/propose")]
async fn propose(req: HttpRequest, state: web::Data<AppState>, body: Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let signed_in = match organisation(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let form = Proposal::from_pairs(&query_pairs(std::str::from_utf8(&body).unwrap_or_default()));
    if !csrf::check_session(&req, &form.csrf) {
        return csrf::refused(&ctx, "/organisation");
    }
    let payload = match form.payload() {
        Ok(payload) => payload,
        Err(errors) => {
            let sent = Sent {
                proposal: Some(form),
                errors,
                ..Sent::default()
            };
            return unprocessable(&ctx, &state, signed_in, &sent).await;
        }
    };
    let request = SubmissionRequest {
        kind: SubmissionKind::ProposeProvider,
        provider_id: None,
        payload: Some(payload),
        note: form.note.clone(),
    };
    let sent = Sent {
        proposal: Some(form),
        ..Sent::default()
    };
    submit(&ctx, &state, signed_in, request, sent).await
}

#[post("/organisation/claim")]
async fn claim(req: HttpRequest, state: web::Data<AppState>, body: Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let signed_in = match organisation(&req, &state).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let pairs = query_pairs(std::str::from_utf8(&body).unwrap_or_default());
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    if !csrf::check_session(&req, &get("csrf")) {
        return csrf::refused(&ctx, "/organisation");
    }
    let (id, note) = (get("provider_id"), get("note"));
    let provider_id = id.trim().parse::<i64>().ok().map(ProviderId);
    let sent = Sent {
        claim: (id, note.clone()),
        errors: if provider_id.is_none() {
            vec![FieldError {
                field: "provider_id".into(),
                code: "required",
                reason: String::new(),
            }]
        } else {
            Vec::new()
        },
        ..Sent::default()
    };
    if !sent.errors.is_empty() {
        return unprocessable(&ctx, &state, signed_in, &sent).await;
    }
    let request = SubmissionRequest {
        kind: SubmissionKind::ClaimProvider,
        provider_id,
        payload: None,
        note,
    };
    submit(&ctx, &state, signed_in, request, sent).await
}
