//! An organisation's console on the web (docs/listings.md, "Accounts and sign-in",
//! "Moderation"): organisation accounts, signed in by an e-mailed link or a key.
//!
//! - `GET /organisation`: the listings the organisation manages, its submissions with their
//!   status and the moderator's reason, a form to propose a new listing and a form to claim an
//!   existing one.
//! - `POST /organisation/propose`, `POST /organisation/claim`: queue the submission through the
//!   same service call as `POST /v1/submissions`, so the web and the API apply the same rules;
//!   nothing is public until a moderator approves it.

use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_api::AppState;
use carematch_domain::moderation::SubmissionKind;
use carematch_domain::vocabulary::{
    Code, Cuisine, DietaryLaw, FaithPractice, Language, ProviderKind, Service,
};
use carematch_domain::{Caller, FieldError, OrganisationId, Postcode, Provider, ProviderId, Role};
use carematch_service::ServiceError;
use carematch_service::listings::SubmissionRequest;
use carematch_store::submissions::{Submission, SubmissionFilter};
use carematch_store::{Page, ProviderFilter};
use maud::{Markup, html};
use serde_json::{Value, json};

use crate::csrf;
use crate::find_page::language_boxes;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, query_pairs, see_other};
use crate::moderation::{kind_label, status_label, when};
use crate::pages::server_error;
use crate::session::{current, to_login};

/// Listings and submissions shown on the console's one page.
const SHOWN: u32 = 100;
/// The radius offered when the form is first shown, km.
const DEFAULT_RADIUS_KM: &str = "5";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(console_page).service(propose).service(claim);
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

/// What the proposal form holds, as sent (repeated keys for the ticked boxes).
#[derive(Debug, Clone, Default)]
struct Proposal {
    name: String,
    kind: String,
    description: String,
    languages: Vec<String>,
    cuisines: Vec<String>,
    diets: Vec<String>,
    practices: Vec<String>,
    services: Vec<String>,
    postcode: String,
    km: String,
    accepting: bool,
    phone: String,
    email: String,
    note: String,
    csrf: String,
}

impl Proposal {
    fn blank() -> Self {
        Self {
            km: DEFAULT_RADIUS_KM.to_owned(),
            accepting: true,
            ..Self::default()
        }
    }

    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut form = Self::default();
        for (key, value) in pairs {
            let value = value.clone();
            match key.as_str() {
                "name" => form.name = value,
                "kind" => form.kind = value,
                "description" => form.description = value,
                "language" => form.languages.push(value),
                "cuisine" => form.cuisines.push(value),
                "diet" => form.diets.push(value),
                "practice" => form.practices.push(value),
                "service" => form.services.push(value),
                "postcode" => form.postcode = value,
                "km" => form.km = value,
                "accepting" => form.accepting = value == "yes",
                "phone" => form.phone = value,
                "email" => form.email = value,
                "note" => form.note = value,
                "csrf" => form.csrf = value,
                _ => {}
            }
        }
        form
    }

    /// The provider's details as `POST /v1/submissions` takes them, or the fields the form
    /// itself can tell are wrong (the rest is validated by the service).
    fn payload(&self) -> Result<Value, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut bad = |field: &str, code: &'static str| {
            errors.push(FieldError {
                field: field.into(),
                code,
                reason: String::new(),
            });
        };
        if ProviderKind::parse(&self.kind).is_err() {
            bad("kind", "required");
        }
        if self.languages.is_empty() || !all_known::<Language>(&self.languages) {
            bad("language", "required");
        }
        if self.services.is_empty() || !all_known::<Service>(&self.services) {
            bad("service", "required");
        }
        if !all_known::<Cuisine>(&self.cuisines) {
            bad("cuisine", "invalid_format");
        }
        if !all_known::<DietaryLaw>(&self.diets) {
            bad("diet", "invalid_format");
        }
        if !all_known::<FaithPractice>(&self.practices) {
            bad("practice", "invalid_format");
        }
        if Postcode::parse(&self.postcode).is_err() {
            bad("postcode", "invalid_format");
        }
        let km = self.km.trim().parse::<f64>().ok().filter(|km| *km > 0.0);
        if km.is_none() {
            bad("km", "invalid_format");
        }
        let optional = |value: &str| {
            let value = value.trim();
            (!value.is_empty()).then(|| value.to_owned())
        };
        let today = carematch_service::today();
        let value = json!({
            "name": self.name.trim(),
            "kind": self.kind,
            "description": self.description.trim(),
            "staff_languages": self.languages,
            "cuisines": self.cuisines,
            "dietary_laws": self.diets,
            "faith_practices": self.practices,
            "services": self.services,
            "postcode": self.postcode.trim(),
            "service_area": {"type": "radius", "km": km.unwrap_or(1.0)},
            "accepting_new_clients": self.accepting,
            "accepting_confirmed_on": today,
            "contact": {"phone": optional(&self.phone), "email": optional(&self.email)},
            "self_referral": true,
            "last_confirmed_on": today,
        });
        if errors.is_empty() {
            Ok(value)
        } else {
            Err(errors)
        }
    }
}

/// Whether every ticked box is a code of `C` (the form offers no others).
fn all_known<C: Code>(codes: &[String]) -> bool {
    codes.iter().all(|c| C::parse(c).is_ok())
}

/// The form field a service error names (`payload.contact.phone` is the `phone` input).
fn form_field(field: &str) -> &str {
    let field = field.strip_prefix("payload.").unwrap_or(field);
    match field {
        "staff_languages" => "language",
        "cuisines" => "cuisine",
        "dietary_laws" => "diet",
        "faith_practices" => "practice",
        "services" => "service",
        f if f.starts_with("service_area") => "km",
        f if f.starts_with("contact.phone") => "phone",
        f if f.starts_with("contact.email") => "email",
        f if f.starts_with("contact") => "email",
        "account" => "account",
        f if f.starts_with("name") => "name",
        f if f.starts_with("description") => "description",
        other => other,
    }
}

fn error_text(tr: &Tr, error: &FieldError) -> String {
    let field = form_field(&error.field);
    match (field, error.code) {
        ("account", _) => tr.t("organisation-error-unconfirmed"),
        ("postcode", "unknown_postcode") => tr.t("organisation-error-unknown-postcode"),
        (_, "too_long") => tr.t("enquire-error-too-long"),
        (
            "name" | "kind" | "language" | "service" | "postcode" | "km" | "phone" | "email"
            | "provider_id",
            _,
        ) => tr.t(&format!("organisation-error-{}", field.replace('_', "-"))),
        _ => tr.t("enquire-error-invalid"),
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

fn checkboxes<C: Code>(tr: &Tr, name: &str, all: &[C], chosen: &[String]) -> Markup {
    html! {
        ul.choices {
            @for code in all {
                @let id = format!("{name}-{}", code.code());
                li {
                    input type="checkbox" id=(id) name=(name) value=(code.code()) checked[chosen.iter().any(|c| c == code.code())];
                    label for=(id) { (tr.code(*code)) }
                }
            }
        }
    }
}

fn page(ctx: &Ctx, status: StatusCode, console: &Console, sent: &Sent) -> HttpResponse {
    let tr = &ctx.tr;
    let blank = Proposal::blank();
    let form = sent.proposal.as_ref().unwrap_or(&blank);
    let error_for = |input: &str| {
        sent.errors
            .iter()
            .find(|e| form_field(&e.field) == input)
            .map(|e| error_text(tr, e))
    };
    let field_error = |input: &str| {
        html! {
            @if let Some(text) = error_for(input) {
                p.field-error id=(format!("{input}-error")) { (text) }
            }
        }
    };
    let invalid = |input: &str| error_for(input).map(|_| "true");
    let described = |input: &str| error_for(input).map(|_| format!("{input}-error"));
    let languages: Vec<Language> = form
        .languages
        .iter()
        .filter_map(|c| Language::parse(c).ok())
        .collect();
    let token = ctx.session_token();
    let main = html! {
        h1 { (tr.t("organisation-title")) }
        @if let Some(done) = sent.done {
            p.notice role="status" { (tr.t(done)) }
        }
        @if !sent.errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("enquire-errors")) }
                ul { @for error in &sent.errors {
                    li { a href=(format!("#{}", form_field(&error.field))) { (error_text(tr, error)) } }
                } }
            }
        }
        h2 { (tr.t("organisation-listings")) }
        @if console.listings.is_empty() {
            p { (tr.t("organisation-no-listings")) }
        } @else {
            ul { @for provider in &console.listings {
                li { a href=(format!("/providers/{}", provider.id.0)) { bdi { (provider.details.name) } } }
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
            div.field {
                label for="name" { (tr.t("organisation-name")) }
                input #name type="text" name="name" value=(form.name) maxlength="120" required
                    aria-invalid=[invalid("name")] aria-describedby=[described("name")];
                (field_error("name"))
            }
            div.field {
                label for="kind" { (tr.t("organisation-kind")) }
                select #kind name="kind" aria-invalid=[invalid("kind")] aria-describedby=[described("kind")] {
                    @for kind in ProviderKind::all() {
                        option value=(kind.code()) selected[form.kind == kind.code()] { (tr.code(*kind)) }
                    }
                }
                (field_error("kind"))
            }
            div.field {
                label for="description" { (tr.t("organisation-description")) }
                textarea #description name="description" rows="4" maxlength="4000"
                    aria-invalid=[invalid("description")] aria-describedby=[described("description")] { (form.description) }
                (field_error("description"))
            }
            fieldset #language aria-invalid=[invalid("language")] {
                legend { (tr.t("organisation-languages")) }
                (field_error("language"))
                (language_boxes(Language::all(), &languages))
            }
            fieldset #service aria-invalid=[invalid("service")] {
                legend { (tr.t("organisation-services")) }
                (field_error("service"))
                (checkboxes(tr, "service", Service::all(), &form.services))
            }
            fieldset #cuisine {
                legend { (tr.t("organisation-cuisines")) }
                (checkboxes(tr, "cuisine", Cuisine::all(), &form.cuisines))
            }
            fieldset #diet {
                legend { (tr.t("organisation-diets")) }
                (checkboxes(tr, "diet", DietaryLaw::all(), &form.diets))
            }
            fieldset #practice {
                legend { (tr.t("organisation-practices")) }
                (checkboxes(tr, "practice", FaithPractice::all(), &form.practices))
            }
            div.field {
                label for="postcode" { (tr.t("field-postcode")) }
                input #postcode type="text" name="postcode" value=(form.postcode) size="10" required
                    autocomplete="postal-code" aria-invalid=[invalid("postcode")] aria-describedby=[described("postcode")];
                (field_error("postcode"))
            }
            div.field {
                label for="km" { (tr.t("organisation-radius")) }
                input #km type="number" name="km" value=(form.km) min="1" max="1000" step="any" required
                    aria-invalid=[invalid("km")] aria-describedby=[described("km")];
                (field_error("km"))
            }
            div.field {
                input #accepting type="checkbox" name="accepting" value="yes" checked[form.accepting];
                " " label for="accepting" { (tr.t("organisation-accepting")) }
            }
            div.field {
                label for="phone" { (tr.t("organisation-phone")) }
                input #phone type="tel" name="phone" value=(form.phone) autocomplete="tel"
                    aria-invalid=[invalid("phone")] aria-describedby=[described("phone")];
                (field_error("phone"))
            }
            div.field {
                label for="email" { (tr.t("organisation-email")) }
                input #email type="email" name="email" value=(form.email) autocomplete="email"
                    aria-invalid=[invalid("email")] aria-describedby=[described("email")];
                (field_error("email"))
            }
            div.field {
                label for="note" { (tr.t("organisation-note")) }
                textarea #note name="note" rows="2" maxlength="2000"
                    aria-invalid=[invalid("note")] aria-describedby=[described("note")] { (form.note) }
                (field_error("note"))
            }
            p { button type="submit" { (tr.t("organisation-propose-send")) } }
        }
        h2 #claim-title { (tr.t("organisation-claim")) }
        p { (tr.t("organisation-claim-intro")) }
        form method="post" action="/organisation/claim" aria-labelledby="claim-title" {
            (csrf::field(&token))
            div.field {
                label for="provider_id" { (tr.t("organisation-provider-id")) }
                input #provider_id type="number" name="provider_id" value=(sent.claim.0) min="1" required
                    aria-invalid=[invalid("provider_id")] aria-describedby=[described("provider_id")];
                (field_error("provider_id"))
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
