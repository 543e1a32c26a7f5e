//! Signing in by e-mailed one-time links (organisations, moderators; docs/listings.md):
//!
//! - `/account/register`: a community organisation registers (the same call as
//!   `POST /v1/organisations`); every accepted form gets the same "check your e-mail" page, so
//!   the page reveals nothing about who is registered.
//! - `/account/sign-in`: "e-mail me a sign-in link" (the same answer for any address, so the
//!   page reveals nothing about who is registered; rate-limited like enquiries).
//! - `/account/confirm/{token}`, `/account/sign-in/{token}`: the link's page. Opening it changes
//!   nothing (mail scanners fetch links); its button posts, which redeems the link once and opens
//!   a session for the account's key, as a key does on `/login`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_api::middleware::{PublicWrite, charge_public_write};
use carematch_domain::FieldError;
use carematch_domain::Role;
use carematch_domain::enquiry::InterfaceLocale;
use carematch_service::listings::Registration;
use carematch_store::LinkPurpose;
use maud::html;
use serde::Deserialize;

use crate::csrf;
use crate::layout::{Ctx, Section, hidden};
use crate::pages::server_error;
use crate::session::open_session;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(register_form)
        .service(register)
        .service(sign_in_form)
        .service(request_link)
        .service(link_page)
        .service(follow_link);
}

pub(crate) fn purpose_of(kind: &str) -> Option<LinkPurpose> {
    match kind {
        "confirm" => Some(LinkPurpose::Confirm),
        "sign-in" => Some(LinkPurpose::SignIn),
        _ => None,
    }
}

/// The pages of one kind of e-mailed link (an organisation's or moderator's under `/account`, a
/// PA's under `/pa`): the same shapes with their own paths and words.
pub(crate) struct LinkPages {
    /// `/account` or `/pa`: links are `{prefix}/confirm/{token}` and `{prefix}/sign-in/{token}`.
    pub prefix: &'static str,
    pub confirm_title: &'static str,
    pub sign_in_title: &'static str,
    /// The "send me a new link" words, linking to `{prefix}/sign-in`.
    pub send_link: &'static str,
}

pub(crate) const ACCOUNT_LINKS: LinkPages = LinkPages {
    prefix: "/account",
    confirm_title: "account-confirm-title",
    sign_in_title: "account-sign-in-title",
    send_link: "account-send-link",
};

impl LinkPages {
    /// The link's page: a button, since opening a link must not redeem it (mail scanners fetch
    /// links). A malformed link is the invalid-link page.
    pub(crate) fn button_page(&self, ctx: &Ctx, kind: &str, token: &str) -> HttpResponse {
        let tr = &ctx.tr;
        if purpose_of(kind).is_none() || !csrf::is_secret(token) {
            return self.invalid(ctx);
        }
        let title = tr.t(if kind == "confirm" {
            self.confirm_title
        } else {
            self.sign_in_title
        });
        let main = html! {
            h1 { (title) }
            p { (tr.t("account-link-intro")) }
            form method="post" action=(format!("{}/{kind}/{token}", self.prefix)) {
                (csrf::field(&ctx.anonymous_token()))
                p { button type="submit" { (tr.t("account-continue")) } }
            }
        };
        ctx.respond(StatusCode::OK, &title, Section::Other, main)
    }

    /// A used, expired, unknown or malformed link: one page, with the way to a new one.
    pub(crate) fn invalid(&self, ctx: &Ctx) -> HttpResponse {
        let tr = &ctx.tr;
        let main = html! {
            h1 { (tr.t("account-link-invalid-title")) }
            p { (tr.t("account-link-invalid")) }
            p { a href=(format!("{}/sign-in", self.prefix)) { (tr.t(self.send_link)) } }
        };
        ctx.respond(
            StatusCode::NOT_FOUND,
            &tr.t("account-link-invalid-title"),
            Section::Other,
            main,
        )
    }
}

/// Where a signed-in account lands.
fn home_of(role: Role) -> &'static str {
    match role {
        Role::Organisation => "/organisation",
        Role::Moderator | Role::Admin => "/moderation",
        Role::Agency => "/agency",
        Role::Commissioner => "/commissioner",
        Role::Pa => "/pa",
    }
}

fn sign_in_page(ctx: &Ctx, status: StatusCode, sent: bool, error: Option<String>) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("account-sign-in-title")) }
        @if sent {
            p.notice role="status" { (tr.t("account-link-sent")) }
        }
        @if let Some(error) = &error {
            div.error-summary role="alert" #error-summary {
                h2 { (tr.t("error-title")) }
                p { a href="#email" { (error) } }
            }
        }
        p { (tr.t("account-sign-in-intro")) }
        form method="post" action=(format!("/account/sign-in?lang={}", ctx.locale().tag())) {
            (csrf::field(&ctx.anonymous_token()))
            (hidden("lang", ctx.locale().tag()))
            div.field {
                label for="email" { (tr.t("account-email")) }
                input #email type="email" name="email" required autocomplete="email"
                    size="40" maxlength="254" aria-invalid=[error.as_ref().map(|_| "true")];
            }
            p { button type="submit" { (tr.t("account-send-link")) } }
        }
        p { a href="/login" { (tr.t("account-use-key")) } }
        p { a href="/account/register" { (tr.t("account-register-link")) } }
    };
    ctx.respond(status, &tr.t("account-sign-in-title"), Section::Other, main)
}

/// The registration form as sent (and typed back into the page with its errors).
#[derive(Debug, Default, Deserialize)]
struct RegisterForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    website: String,
    /// The honeypot (the API's too): people do not see it; robots fill it in.
    #[serde(default)]
    fax: String,
    #[serde(default)]
    csrf: String,
}

/// What to say about a field the service refused.
fn register_error(tr: &crate::i18n::Tr, error: &FieldError) -> String {
    match (error.field.as_str(), error.code) {
        (_, "too_long") => tr.t("enquire-error-too-long"),
        ("name", _) => tr.t("account-error-name"),
        ("email", _) => tr.t("account-email-invalid"),
        ("website", _) => tr.t("account-error-website"),
        _ => tr.t("enquire-error-invalid"),
    }
}

fn register_page(
    ctx: &Ctx,
    status: StatusCode,
    form: &RegisterForm,
    errors: &[FieldError],
) -> HttpResponse {
    let tr = &ctx.tr;
    let error_for = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| register_error(tr, e))
    };
    let field = |id: &str, label: &str, kind: &str, value: &str, autocomplete: &str| {
        let error = error_for(id);
        let required = id == "name" || id == "email";
        html! {
            div.field {
                label for=(id) { (tr.t(label)) }
                @if let Some(text) = &error {
                    p.field-error id=(format!("{id}-error")) { (text) }
                }
                input id=(id) type=(kind) name=(id) value=(value) size="40" maxlength="254"
                    autocomplete=(autocomplete) required[required]
                    aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[error.as_ref().map(|_| format!("{id}-error"))];
            }
        }
    };
    let main = html! {
        h1 { (tr.t("account-register-title")) }
        @if !errors.is_empty() {
            div.error-summary role="alert" tabindex="-1" #error-summary {
                h2 { (tr.t("enquire-errors")) }
                ul { @for error in errors {
                    li { a href=(format!("#{}", error.field)) { (register_error(tr, error)) } }
                } }
            }
        }
        p { (tr.t("account-register-intro")) }
        form method="post" action=(format!("/account/register?lang={}", ctx.locale().tag())) {
            (csrf::field(&ctx.anonymous_token()))
            (field("name", "account-register-name", "text", &form.name, "organization"))
            (field("email", "account-email", "email", &form.email, "email"))
            (field("phone", "account-register-phone", "tel", &form.phone, "tel"))
            (field("website", "account-register-website", "url", &form.website, "url"))
            // A honeypot: people do not see it; robots fill it in.
            div.hp aria-hidden="true" {
                label for="fax" { (tr.t("enquire-honeypot")) }
                input #fax type="text" name="fax" tabindex="-1" autocomplete="off";
            }
            p { button type="submit" { (tr.t("account-register-submit")) } }
        }
        p { a href="/account/sign-in" { (tr.t("account-sign-in-title")) } }
    };
    ctx.respond(
        status,
        &tr.t("account-register-title"),
        Section::Other,
        main,
    )
}

/// The one answer to every accepted registration: new, already registered, or a robot's.
fn registered_page(ctx: &Ctx) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("account-register-sent-title")) }
        p.notice role="status" { (tr.t("account-register-sent")) }
        p { a href="/account/sign-in" { (tr.t("account-sign-in-title")) } }
    };
    ctx.respond(
        StatusCode::OK,
        &tr.t("account-register-sent-title"),
        Section::Other,
        main,
    )
}

#[get("/account/register")]
async fn register_form(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    register_page(&ctx, StatusCode::OK, &RegisterForm::default(), &[])
}

#[post("/account/register")]
async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<RegisterForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let form = form.into_inner();
    if !csrf::check_anonymous(&req, &form.csrf) {
        return csrf::refused(&ctx, "/account/register");
    }
    // The organisation's e-mails are in the language of the page it registered on.
    let registration = Registration {
        name: form.name.clone(),
        email: form.email.clone(),
        phone: form.phone.clone(),
        website: form.website.clone(),
        locale: InterfaceLocale::parse(ctx.locale().tag()).unwrap_or_default(),
    };
    if let Err(errors) = registration.validate() {
        return register_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors.0);
    }
    if let Some(refused) = charge_public_write(&req, PublicWrite::Registration) {
        return refused;
    }
    if !form.fax.is_empty() {
        return registered_page(&ctx);
    }
    match state
        .run(move |service| service.register_organisation(&registration))
        .await
    {
        Ok(()) => registered_page(&ctx),
        Err(carematch_api::ApiError::Validation(errors)) => {
            register_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors)
        }
        Err(_) => server_error(&ctx),
    }
}

#[get("/account/sign-in")]
async fn sign_in_form(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    sign_in_page(&ctx, StatusCode::OK, false, None)
}

#[derive(Debug, Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    csrf: String,
}

#[post("/account/sign-in")]
async fn request_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<EmailForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if !csrf::check_anonymous(&req, &form.csrf) {
        if !csrf::from_our_site(&req, &ctx.site) {
            return csrf::refused(&ctx, "/account/sign-in");
        }
        let refused = ctx.tr.t("refused-body");
        return sign_in_page(&ctx, StatusCode::FORBIDDEN, false, Some(refused));
    }
    if let Some(refused) = charge_public_write(&req, PublicWrite::Registration) {
        return refused;
    }
    let email = form.email.clone();
    let locale = InterfaceLocale::parse(&form.lang).unwrap_or_default();
    match state
        .run(move |service| service.request_sign_in(&email, locale))
        .await
    {
        Ok(()) => sign_in_page(&ctx, StatusCode::OK, true, None),
        Err(carematch_api::ApiError::Validation(_)) => {
            let bad = ctx.tr.t("account-email-invalid");
            sign_in_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, false, Some(bad))
        }
        Err(_) => server_error(&ctx),
    }
}

/// The link's page: a button, since opening a link must not redeem it.
#[get("/account/{kind}/{token}")]
async fn link_page(req: HttpRequest, path: web::Path<(String, String)>) -> HttpResponse {
    let (kind, token) = path.into_inner();
    ACCOUNT_LINKS.button_page(&Ctx::new(&req), &kind, &token)
}

fn invalid_link(ctx: &Ctx) -> HttpResponse {
    ACCOUNT_LINKS.invalid(ctx)
}

#[derive(Debug, Deserialize)]
struct LinkForm {
    #[serde(default)]
    csrf: String,
}

#[post("/account/{kind}/{token}")]
async fn follow_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<LinkForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let (kind, token) = path.into_inner();
    if !csrf::check_anonymous(&req, &form.csrf) {
        return csrf::refused(&ctx, &format!("/account/{kind}/{token}"));
    }
    let Some(purpose) = purpose_of(&kind) else {
        return invalid_link(&ctx);
    };
    match state
        .run(move |service| service.follow_link(&token, purpose))
        .await
    {
        Ok(key) => {
            let target = format!("{}?lang={}", home_of(key.role), ctx.locale().tag());
            open_session(&ctx, &state, key.id, &target).await
        }
        Err(carematch_api::ApiError::NotFound { .. }) => invalid_link(&ctx),
        Err(_) => server_error(&ctx),
    }
}
