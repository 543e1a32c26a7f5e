//! Enquiries on the web, without an account or JavaScript (docs/web.md, "Enquiries"):
//!
//! - `GET /enquire?items=c12,p5` (with the search's needs as `language`, `diet`, `service` and
//!   `outward`): the form, reached from the "Enquire" link of a result card, of a shortlist
//!   entry, or of the whole shortlist. `POST /enquire` sends it (anonymous form token, the
//!   honeypot `website` hidden from people and screen readers, the per-address limit of the
//!   API) and shows the confirmation with the references and the private link, or the form
//!   again with each error next to its field.
//! - `GET /enquiries/status/{reference}?token=`: the private status page; `POST .../withdraw`
//!   asks for confirmation, then withdraws and deletes.
//! - The agency inbox is in [`inbox`].

mod inbox;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse, get, post};
use carematch_api::AppState;
use carematch_api::middleware::{Decision, PublicWrite, RateLimiter};
use carematch_domain::enquiry::{
    CloseReason, ContactBy, EnquiryBody, EnquiryContact, EnquiryItem, EnquiryNeeds, EnquiryRequest,
    EnquiryStatus, InterfaceLocale, ItemKind, MAX_MESSAGE, MAX_NAME,
};
use carematch_domain::vocabulary::{Code, DietaryLaw, Language, Service};
use carematch_domain::{CarerId, FieldError, OutwardCode, ProviderId};
use carematch_matching::CandidateKind;
use carematch_service::ServiceError;
use carematch_service::enquiries::{EnquiryReceipt, StatusLine};
use maud::{Markup, html};
use serde::Deserialize;

use crate::csrf;
use crate::form::FindForm;
use crate::i18n::Tr;
use crate::layout::{Ctx, Section, hidden, link, query_pairs};
use crate::pages::server_error;
use crate::shortlist::{Item, Shortlist};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(form_page)
        .service(send)
        .service(status_page)
        .service(withdraw);
    inbox::configure(cfg);
}

/// `/enquire?items=c12&language=yue...`: the needs of the search the items were found with
/// (codes only, and the outward code, never a full postcode).
pub fn enquire_link(items: &[Item], form: Option<&FindForm>) -> String {
    let list = items.iter().map(|i| i.code()).collect::<Vec<_>>().join(",");
    let mut pairs = vec![("items".to_owned(), list)];
    if let Some(form) = form {
        let mut add = |k: &str, v: &str| pairs.push((k.to_owned(), v.to_owned()));
        form.languages
            .iter()
            .for_each(|c| add("language", c.code()));
        form.diets.iter().for_each(|c| add("diet", c.code()));
        form.services.iter().for_each(|c| add("service", c.code()));
        if let Some(outward) = carematch_domain::Postcode::parse(&form.postcode)
            .ok()
            .map(|p| p.outward())
            .or_else(|| OutwardCode::parse(&form.postcode).ok())
        {
            add("outward", outward.as_str());
        }
    }
    link("/enquire", &pairs)
}

/// The "Enquire" link of one result or shortlist entry.
pub fn enquire_button(tr: &Tr, item: Item, name: &str, form: Option<&FindForm>) -> Markup {
    html! {
        p.no-print { a.enquire href=(enquire_link(&[item], form)) { (tr.with("enquire-button", "name", name)) } }
    }
}

/// What the form holds, as sent (also to show it again with errors).
#[derive(Debug, Clone, Default)]
struct Fields {
    items: Shortlist,
    name: String,
    by: String,
    phone: String,
    email: String,
    language: String,
    message: String,
    consent: bool,
    website: String,
    languages: Vec<Language>,
    diets: Vec<DietaryLaw>,
    services: Vec<Service>,
    outward: Option<OutwardCode>,
    csrf: String,
}

impl Fields {
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut fields = Self {
            by: "phone".into(),
            ..Self::default()
        };
        for (key, value) in pairs {
            let value = value.as_str();
            match key.as_str() {
                "items" => fields.items = Shortlist::parse(value),
                "name" => value.clone_into(&mut fields.name),
                "by" => value.clone_into(&mut fields.by),
                "phone" => value.clone_into(&mut fields.phone),
                "email" => value.clone_into(&mut fields.email),
                "callback_language" => value.clone_into(&mut fields.language),
                "message" => value.clone_into(&mut fields.message),
                "consent" => fields.consent = !value.is_empty(),
                "website" => value.clone_into(&mut fields.website),
                "csrf" => value.clone_into(&mut fields.csrf),
                "language" => push_code(&mut fields.languages, value),
                "diet" => push_code(&mut fields.diets, value),
                "service" => push_code(&mut fields.services, value),
                "outward" => fields.outward = OutwardCode::parse(value).ok(),
                _ => {}
            }
        }
        fields
    }

    fn body(&self, locale: InterfaceLocale) -> EnquiryBody {
        let given = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
        let by = ContactBy::parse(&self.by).unwrap_or(ContactBy::Phone);
        EnquiryBody {
            name: self.name.clone(),
            contact: EnquiryContact {
                by,
                phone: given(&self.phone),
                email: given(&self.email),
                // The language select is sent whatever was chosen: it counts for call-backs.
                language: (by == ContactBy::Callback)
                    .then(|| Language::parse(&self.language).ok())
                    .flatten(),
            },
            items: self
                .items
                .items()
                .iter()
                .map(|i| EnquiryItem {
                    kind: match i.kind {
                        CandidateKind::Carer => ItemKind::Carer,
                        CandidateKind::Provider => ItemKind::Provider,
                    },
                    id: i.id,
                })
                .collect(),
            message: self.message.clone(),
            consent: self.consent,
            needs: EnquiryNeeds {
                languages: self.languages.clone(),
                diets: self.diets.clone(),
                services: self.services.clone(),
            },
            outward_code: self.outward.clone(),
            locale,
            website: self.website.clone(),
        }
    }
}

fn push_code<C: Code>(list: &mut Vec<C>, code: &str) {
    if let Ok(code) = C::parse(code)
        && !list.contains(&code)
    {
        list.push(code);
    }
}

fn interface_locale(ctx: &Ctx) -> InterfaceLocale {
    InterfaceLocale::parse(ctx.locale().tag()).unwrap_or_default()
}

/// The public names of the items (listed carers and providers only).
fn item_names(state: &AppState, items: &[Item]) -> Result<Vec<(Item, String)>, ServiceError> {
    let mut names = Vec::new();
    for item in items {
        let name = match item.kind {
            CandidateKind::Carer => state
                .store
                .get_carer(CarerId(item.id))?
                .filter(|c| c.is_public())
                .map(|c| c.details.display_name()),
            CandidateKind::Provider => state
                .store
                .get_provider(ProviderId(item.id))?
                .map(|p| p.details.name),
        };
        if let Some(name) = name {
            names.push((*item, name));
        }
    }
    Ok(names)
}

/// A field error in the page's language, by its stable code.
fn error_text(tr: &Tr, error: &FieldError) -> String {
    let id = match (error.field.as_str(), error.code) {
        (_, "consent_required") => "enquire-error-consent",
        (_, "no_agency") => "enquire-error-no-agency",
        (f, "not_found") if f.starts_with("items") => "enquire-error-item",
        (_, "required") => "enquire-error-required",
        (_, "too_long") => "enquire-error-too-long",
        _ => "enquire-error-invalid",
    };
    tr.t(id)
}

/// Which input an error belongs to.
fn input_of(field: &str) -> &'static str {
    match field {
        "name" => "name",
        "contact.phone" => "phone",
        "contact.email" => "email",
        "contact.language" => "callback_language",
        "message" => "message",
        "consent" => "consent",
        _ => "items",
    }
}

fn form_markup(
    ctx: &Ctx,
    fields: &Fields,
    names: &[(Item, String)],
    errors: &[FieldError],
) -> Markup {
    let tr = &ctx.tr;
    let error_for = |input: &str| -> Option<String> {
        errors
            .iter()
            .find(|e| input_of(&e.field) == input)
            .map(|e| error_text(tr, e))
    };
    let field_error = |input: &str| {
        html! {
            @if let Some(text) = error_for(input) {
                p.field-error id=(format!("{input}-error")) { (text) }
            }
        }
    };
    let described = |input: &str| error_for(input).map(|_| format!("{input}-error"));
    let invalid = |input: &str| error_for(input).map(|_| "true");
    let by = ContactBy::parse(&fields.by).unwrap_or(ContactBy::Phone);
    let outward = fields.outward.as_ref().map(|o| o.as_str().to_owned());
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("enquire-errors")) }
                ul {
                    @for error in errors {
                        li { a href=(format!("#{}", input_of(&error.field))) { (error_text(tr, error)) } }
                    }
                }
            }
        }
        form method="post" action="/enquire" {
            (csrf::field(&ctx.anonymous_token()))
            (hidden("items", &fields.items.encode()))
            @for c in &fields.languages { (hidden("language", c.code())) }
            @for c in &fields.diets { (hidden("diet", c.code())) }
            @for c in &fields.services { (hidden("service", c.code())) }
            @if let Some(outward) = &outward { (hidden("outward", outward)) }
            section #items aria-labelledby="about-title" tabindex="-1" {
                h2 #about-title { (tr.t("enquire-about")) }
                (field_error("items"))
                ul { @for (_, name) in names { li { bdi { (name) } } } }
            }
            div.field {
                label for="name" { (tr.t("enquire-name")) }
                input #name type="text" name="name" value=(fields.name) required maxlength=(MAX_NAME)
                    autocomplete="name" aria-invalid=[invalid("name")] aria-describedby=[described("name")];
                (field_error("name"))
            }
            fieldset {
                legend { (tr.t("enquire-by")) }
                ul.choices {
                    @for (choice, id) in [(ContactBy::Phone, "enquire-by-phone"), (ContactBy::Email, "enquire-by-email"), (ContactBy::Callback, "enquire-by-callback")] {
                        li {
                            label {
                                input type="radio" name="by" value=(choice.code()) checked[by == choice];
                                " " (tr.t(id))
                            }
                        }
                    }
                }
                div.field {
                    label for="phone" { (tr.t("enquire-phone")) }
                    input #phone type="tel" name="phone" value=(fields.phone) maxlength="30" autocomplete="tel"
                        aria-invalid=[invalid("phone")] aria-describedby=[described("phone")];
                    (field_error("phone"))
                }
                div.field {
                    label for="email" { (tr.t("enquire-email")) }
                    p.hint #email-hint { (tr.t("enquire-email-hint")) }
                    input #email type="email" name="email" value=(fields.email) maxlength="254" autocomplete="email"
                        aria-invalid=[invalid("email")] aria-describedby=(described("email").unwrap_or_else(|| "email-hint".into()));
                    (field_error("email"))
                }
                div.field {
                    label for="callback_language" { (tr.t("enquire-language")) }
                    select #callback_language name="callback_language" aria-invalid=[invalid("callback_language")]
                        aria-describedby=[described("callback_language")] {
                        option value="" { "—" }
                        @for language in Language::all() {
                            option value=(language.code()) selected[fields.language == language.code()]
                                lang=(crate::i18n::lang_tag(*language)) {
                                (language.autonym().unwrap_or(language.label_en()))
                            }
                        }
                    }
                    (field_error("callback_language"))
                }
            }
            div.field {
                label for="message" { (tr.t("enquire-message")) }
                p.hint #message-hint { (tr.t("enquire-message-hint")) }
                textarea #message name="message" rows="5" maxlength=(MAX_MESSAGE)
                    aria-invalid=[invalid("message")] aria-describedby=(described("message").unwrap_or_else(|| "message-hint".into())) {
                    (fields.message)
                }
                (field_error("message"))
            }
            // For robots only: off screen, out of the keyboard order, hidden from screen readers.
            div.hp aria-hidden="true" {
                label for="website" { (tr.t("enquire-honeypot")) }
                input #website type="text" name="website" value="" tabindex="-1" autocomplete="off";
            }
            div.field {
                p.inline {
                    input #consent type="checkbox" name="consent" value="1" checked[fields.consent] required
                        aria-invalid=[invalid("consent")] aria-describedby=[described("consent")];
                    " " label for="consent" { (tr.t("enquire-consent")) }
                }
                (field_error("consent"))
            }
            p { button type="submit" { (tr.t("enquire-send")) } }
        }
    }
}

fn form_response(
    ctx: &Ctx,
    status: StatusCode,
    fields: &Fields,
    names: &[(Item, String)],
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("enquire-title")) }
        p { (tr.t("enquire-intro")) }
        @if names.is_empty() && errors.is_empty() {
            p { (tr.t("enquire-none")) }
            p { a href="/shortlist" { (tr.t("shortlist-title")) } }
        } @else {
            (form_markup(ctx, fields, names, errors))
        }
    };
    ctx.respond(status, &tr.t("enquire-title"), Section::Shortlist, main)
}

#[get("/enquire")]
async fn form_page(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let fields = Fields::from_pairs(&query_pairs(req.query_string()));
    let items = fields.items.items().to_vec();
    let state = state.into_inner();
    let names = match web::block(move || item_names(&state, &items)).await {
        Ok(Ok(names)) => names,
        _ => return server_error(&ctx),
    };
    form_response(&ctx, StatusCode::OK, &fields, &names, &[])
}

#[post("/enquire")]
async fn send(req: HttpRequest, state: web::Data<AppState>, body: Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let pairs = query_pairs(std::str::from_utf8(&body).unwrap_or_default());
    let fields = Fields::from_pairs(&pairs);
    if !csrf::check_anonymous(&req, &fields.csrf) {
        return csrf::refused(&ctx, "/shortlist");
    }
    let items = fields.items.items().to_vec();
    let lookup = state.clone().into_inner();
    let names = match web::block(move || item_names(&lookup, &items)).await {
        Ok(Ok(names)) => names,
        _ => return server_error(&ctx),
    };
    let request = match EnquiryRequest::try_from(fields.body(interface_locale(&ctx))) {
        Ok(request) => request,
        Err(errors) => {
            return form_response(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                &fields,
                &names,
                &errors.0,
            );
        }
    };
    if let Some(limiter) = req.app_data::<web::Data<RateLimiter>>()
        && let Decision::Refuse { retry_after_secs } =
            limiter.take_public_write(&req, PublicWrite::Enquiry)
    {
        let tr = &ctx.tr;
        let main = html! { h1 { (tr.t("enquire-title")) } p.error-summary role="alert" { (tr.t("enquire-limited")) } };
        let mut response = ctx.respond(
            StatusCode::TOO_MANY_REQUESTS,
            &tr.t("enquire-title"),
            Section::Shortlist,
            main,
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        return response;
    }
    match state
        .call(move |service| service.send_enquiry(&request))
        .await
    {
        Ok(receipt) => confirmation(&ctx, &receipt),
        Err(ServiceError::Validation(errors)) => form_response(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            &fields,
            &names,
            &errors,
        ),
        Err(_) => server_error(&ctx),
    }
}

/// The private status page's path (the token is hex: nothing to escape).
pub fn status_path(reference: &str, token: &str) -> String {
    format!("/enquiries/status/{reference}?token={token}")
}

fn confirmation(ctx: &Ctx, receipt: &EnquiryReceipt) -> HttpResponse {
    let tr = &ctx.tr;
    let path = receipt
        .token
        .as_deref()
        .map(|token| status_path(&receipt.batch, token));
    let main = html! {
        h1 { (tr.t("enquire-sent-title")) }
        @if receipt.duplicate { p.notice role="status" { (tr.t("enquire-sent-duplicate")) } }
        p { (tr.t("enquire-sent-reference")) ": " strong.reference { (receipt.batch) } }
        p { (tr.t("enquire-sent-agencies")) }
        ul {
            @for line in &receipt.enquiries {
                li { bdi { (line.agency_name) } ": " strong { (line.reference) } }
            }
        }
        @if let Some(path) = &path {
            h2 { (tr.t("enquire-sent-link")) }
            p { a #status-link href=(path) { (format!("{}://{}{path}", ctx.site.scheme, ctx.site.host)) } }
            p.hint { (tr.t("enquire-sent-link-hint")) }
        }
    };
    ctx.ok(&tr.t("enquire-sent-title"), Section::Shortlist, main)
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn status_label(tr: &Tr, status: EnquiryStatus) -> String {
    tr.t(&format!("status-{}", status.code()))
}

fn reason_label(tr: &Tr, reason: CloseReason) -> String {
    tr.t(&format!("reason-{}", reason.code()))
}

fn not_found_page(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! { h1 { (tr.t("status-title")) } p { (tr.t("status-not-found")) } };
    ctx.respond(
        StatusCode::NOT_FOUND,
        &tr.t("status-title"),
        Section::Other,
        main,
    )
}

fn date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

fn status_lines(tr: &Tr, lines: &[StatusLine]) -> Markup {
    html! {
        ol.cards {
            @for line in lines {
                @let e = &line.enquiry;
                li {
                    article.card {
                        h2 { bdi { (line.agency.name) } }
                        dl {
                            dt { (tr.t("inbox-reference")) }
                            dd { (e.reference) }
                            dt { (tr.t("status-sent")) }
                            dd { time datetime=(e.created_at.to_rfc3339()) { (date(e.created_at)) } }
                            dt { (tr.t("status-status")) }
                            dd {
                                (status_label(tr, e.status))
                                @if let Some(reason) = e.close_reason { " (" (reason_label(tr, reason)) ")" }
                            }
                        }
                        (crate::agency_profile::agency_block(tr, &line.agency))
                    }
                }
            }
        }
    }
}

#[get("/enquiries/status/{reference}")]
async fn status_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    query: web::Query<TokenQuery>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let reference = reference.into_inner();
    let token = query.into_inner().token;
    let (asked, given) = (reference.clone(), token.clone());
    let lines = match state
        .call(move |service| service.enquiry_status(&asked, &given))
        .await
    {
        Ok(lines) => lines,
        Err(ServiceError::NotFound { .. }) => return not_found_page(&ctx),
        Err(_) => return server_error(&ctx),
    };
    let tr = &ctx.tr;
    let action = format!("/enquiries/status/{reference}/withdraw");
    let main = html! {
        h1 { (tr.t("status-title")) " " (reference) }
        (status_lines(tr, &lines))
        form method="post" action=(action) {
            (csrf::field(&ctx.anonymous_token()))
            (hidden("token", &token))
            p { button type="submit" { (tr.t("status-withdraw")) } }
        }
    };
    ctx.ok(&tr.t("status-title"), Section::Other, main)
}

#[derive(Debug, Deserialize)]
struct WithdrawForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    confirm: String,
    #[serde(default)]
    csrf: String,
}

#[post("/enquiries/status/{reference}/withdraw")]
async fn withdraw(
    req: HttpRequest,
    state: web::Data<AppState>,
    reference: web::Path<String>,
    form: web::Form<WithdrawForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let reference = reference.into_inner();
    let form = form.into_inner();
    let back = status_path(&reference, &form.token);
    if !csrf::check_anonymous(&req, &form.csrf) {
        return csrf::refused(&ctx, crate::layout::local_path(&back));
    }
    let tr = &ctx.tr;
    if form.confirm != "yes" {
        // Check the link first, so that a wrong one never reaches the question.
        let (asked, given) = (reference.clone(), form.token.clone());
        match state
            .call(move |service| service.enquiry_status(&asked, &given))
            .await
        {
            Ok(_) => {}
            Err(ServiceError::NotFound { .. }) => return not_found_page(&ctx),
            Err(_) => return server_error(&ctx),
        }
        let main = html! {
            h1 { (tr.t("status-withdraw")) }
            p { (tr.t("status-withdraw-confirm")) }
            form method="post" action=(format!("/enquiries/status/{reference}/withdraw")) {
                (csrf::field(&ctx.anonymous_token()))
                (hidden("token", &form.token))
                (hidden("confirm", "yes"))
                p {
                    button type="submit" { (tr.t("status-withdraw-yes")) }
                    " " a href=(back) { (tr.t("status-withdraw-no")) }
                }
            }
        };
        return ctx.ok(&tr.t("status-withdraw"), Section::Other, main);
    }
    match state
        .call(move |service| service.withdraw_enquiry(&reference, &form.token))
        .await
    {
        Ok(_) => {
            let main = html! {
                h1 { (tr.t("status-title")) }
                p.notice role="status" { (tr.t("status-withdrawn")) }
                p { a href="/find" { (tr.t("shortlist-back")) } }
            };
            ctx.ok(&tr.t("status-title"), Section::Other, main)
        }
        Err(ServiceError::NotFound { .. }) => not_found_page(&ctx),
        Err(_) => server_error(&ctx),
    }
}
