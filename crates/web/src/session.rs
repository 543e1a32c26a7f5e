//! Signing in to the agency console and the commissioner map with an API key.
//!
//! The key is checked once and never kept in the browser: the server opens a session (a random
//! 256-bit token) whose SHA-256 is stored with the key's id, and sends the token in a cookie that
//! is `HttpOnly`, `Secure`, `SameSite=Strict` and lasts [`SESSION_HOURS`]. Revoking the key ends
//! its sessions. Every post carries a form token ([`crate::csrf`]): the sign-in form an
//! anonymous one (so no other site can sign a browser in to an account of its choosing), the
//! sign-out form the session's.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use carematch_api::AppState;
use carematch_api::auth::hash_key;
use carematch_domain::Role;
use carematch_store::ApiKeyRecord;
use maud::html;
use serde::Deserialize;

use crate::csrf;
use crate::layout::{Ctx, Section, hidden, local_path, referrer_path, see_other};
use crate::pages::server_error;

pub const SESSION_COOKIE: &str = "carematch_session";
pub const SESSION_HOURS: i64 = 8;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(login_form).service(login).service(logout);
}

/// Which pages a role may open.
pub fn allowed(role: Role, next: &str) -> bool {
    if next.starts_with("/agency") {
        role == Role::Agency
    } else if next.starts_with("/organisation") {
        role == Role::Organisation
    } else if next.starts_with("/moderation") {
        matches!(role, Role::Moderator | Role::Admin)
    } else if next == "/pa" || next.starts_with("/pa?") || next.starts_with("/pa/availability") {
        role == Role::Pa
    } else if next.starts_with("/commissioner") {
        matches!(role, Role::Commissioner | Role::Admin)
    } else {
        true
    }
}

/// The signed-in key, if the request carries a live session.
pub async fn current(req: &HttpRequest, state: &web::Data<AppState>) -> Option<ApiKeyRecord> {
    let token = req.cookie(SESSION_COOKIE)?.value().to_owned();
    if token.len() != 64 {
        return None;
    }
    let store = state.store.clone();
    let hash = hash_key(&token);
    match web::block(move || store.find_web_session(&hash)).await {
        Ok(Ok(session)) => session.map(|s| s.key),
        Ok(Err(error)) => {
            tracing::warn!(%error, "session lookup failed");
            None
        }
        Err(_) => None,
    }
}

/// The session cookie's secret, when the request carries one of the right shape.
pub fn session_secret(req: &HttpRequest) -> Option<String> {
    req.cookie(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| csrf::is_secret(v))
}

/// 303 to the sign-in page, coming back to `next` afterwards.
pub fn to_login(next: &str) -> HttpResponse {
    see_other(&login_path(next))
}

/// The sign-in page, coming back to `next` afterwards.
fn login_path(next: &str) -> String {
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    format!("/login?{query}")
}

#[derive(Debug, Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

fn form_page(ctx: &Ctx, status: StatusCode, next: &str, error: Option<String>) -> HttpResponse {
    let tr = &ctx.tr;
    let section = if next.starts_with("/commissioner") {
        Section::Commissioner
    } else {
        Section::Agency
    };
    let main = html! {
        h1 { (tr.t("login-title")) }
        p { (tr.t("login-intro")) }
        @if let Some(error) = &error {
            div.error-summary role="alert" #error-summary {
                h2 { (tr.t("error-title")) }
                p { a href="#key" { (error) } }
            }
        }
        form method="post" action="/login" {
            (csrf::field(&ctx.anonymous_token()))
            (hidden("next", next))
            (hidden("lang", ctx.locale().tag()))
            div.field {
                label for="key" { (tr.t("login-key")) }
                input #key type="password" name="key" required autocomplete="current-password"
                    size="40" maxlength="100" aria-invalid=[error.as_ref().map(|_| "true")];
            }
            p { button type="submit" { (tr.t("login-submit")) } }
        }
    };
    ctx.respond(status, &tr.t("login-title"), section, main)
}

#[get("/login")]
async fn login_form(req: HttpRequest, query: web::Query<NextQuery>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    form_page(&ctx, StatusCode::OK, local_path(&query.next), None)
}

#[derive(Debug, Deserialize)]
struct LoginForm {
    key: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    csrf: String,
}

/// A form whose only field is its token.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub csrf: String,
}

#[post("/login")]
async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let tr = &ctx.tr;
    let next = local_path(&form.next).to_owned();
    // Before the key is even looked at: a sign-in from another site changes nothing.
    if !csrf::check_anonymous(&req, &form.csrf) {
        // Another site's post: a page without a form, since a form would set a new form cookie
        // (the browser did not send its own, `SameSite=Lax`) and break the person's other tabs.
        if !csrf::from_our_site(&req, &ctx.site) {
            return csrf::refused(&ctx, &login_path(&next));
        }
        // Our own page with an expired or missing cookie: the form again, with a token and the
        // cookie it needs, so the person can simply try again.
        return form_page(
            &ctx,
            StatusCode::FORBIDDEN,
            &next,
            Some(tr.t("refused-body")),
        );
    }
    let key = form.key.trim().to_owned();
    let store = state.store.clone();
    let record = match web::block(move || store.find_api_key(&hash_key(&key))).await {
        Ok(Ok(record)) => record,
        _ => return server_error(&ctx),
    };
    let Some(record) = record else {
        return form_page(
            &ctx,
            StatusCode::UNAUTHORIZED,
            &next,
            Some(tr.t("login-bad-key")),
        );
    };
    if !allowed(record.role, &next) {
        return form_page(
            &ctx,
            StatusCode::FORBIDDEN,
            &next,
            Some(tr.t("login-wrong-role")),
        );
    }
    let target = match crate::i18n::Locale::from_tag(&form.lang) {
        Some(locale) if !next.contains('?') => format!("{next}?lang={}", locale.tag()),
        _ => next,
    };
    open_session(&ctx, &state, record.id, &target).await
}

/// Opens a session for key `key_id` (a checked key, or a redeemed e-mailed link) and sends the
/// browser to `target` with its cookie.
pub(crate) async fn open_session(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    key_id: i64,
    target: &str,
) -> HttpResponse {
    let mut bytes = [0u8; 32];
    if getrandom::fill(&mut bytes).is_err() {
        return server_error(ctx);
    }
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let store = state.store.clone();
    let hash = hash_key(&token);
    let opened = web::block(move || {
        store.create_web_session(&hash, key_id, chrono::Duration::hours(SESSION_HOURS))
    })
    .await;
    if !matches!(opened, Ok(Ok(_))) {
        return server_error(ctx);
    }
    let mut response = see_other(target);
    let mut cookie = session_cookie(token);
    cookie.set_max_age(actix_web::cookie::time::Duration::hours(SESSION_HOURS));
    if response.add_cookie(&cookie).is_err() {
        return server_error(ctx);
    }
    response
}

/// The session cookie with its attributes (the same when it is set and when it is removed).
fn session_cookie(token: String) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token)
        .path("/")
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .finish()
}

#[post("/logout")]
async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<TokenForm>,
) -> HttpResponse {
    // A post without the session cookie is refused too, rather than answered by clearing the
    // cookie: another site's post comes without the (strict) cookie although the browser has
    // one, and clearing it would sign the person out.
    if !csrf::check_session(&req, &form.csrf) {
        let back = referrer_path(&req).unwrap_or_else(|| "/find".to_owned());
        return csrf::refused(&Ctx::new(&req), &back);
    }
    if let Some(session) = session_secret(&req) {
        let store = state.store.clone();
        let hash = hash_key(&session);
        if !matches!(
            web::block(move || store.delete_web_session(&hash)).await,
            Ok(Ok(()))
        ) {
            tracing::warn!("could not delete a session on sign-out");
        }
    }
    let mut response = see_other("/find");
    let mut gone = session_cookie(String::new());
    gone.make_removal();
    if response.add_cookie(&gone).is_err() {
        tracing::warn!("could not clear the session cookie");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_open_only_their_own_pages() {
        assert!(allowed(Role::Agency, "/agency"));
        assert!(!allowed(Role::Commissioner, "/agency"));
        assert!(!allowed(Role::Admin, "/agency"));
        assert!(allowed(
            Role::Commissioner,
            "/commissioner?need=language:yue"
        ));
        assert!(allowed(Role::Admin, "/commissioner"));
        assert!(!allowed(Role::Agency, "/commissioner"));
    }
}
