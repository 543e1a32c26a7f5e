//! Cross-site request forgery: every form that changes something carries a token (the hidden
//! input `csrf`) that another site cannot know, and every post checks it before it changes
//! anything (signed-in posts after the session itself is checked, so a signed-out browser is
//! still sent to the sign-in page).
//!
//! - **Signed in** (the agency console, the map, signing out): the token is derived from the
//!   session's own secret, the 256-bit token in the `HttpOnly` session cookie:
//!   `SHA-256("carematch form token v1 session:" + session token)`, cut to 128 bits. It needs no
//!   storage, changes with every session, and the database (which holds another hash of the
//!   session token) does not give it away.
//! - **Anonymous** (adding to and removing from the shortlist, and signing in itself, so that
//!   nobody can sign a browser in to *their* account): the same derivation from a random
//!   256-bit value in an anonymous `HttpOnly` cookie, set when a page first shows such a form.
//!   It is not signed with a server key: a key would not stop an attacker who plants a cookie
//!   (they would plant a pair the server signed for them), and what stops planting is the
//!   cookie's name. Over https it is `__Host-carematch_form` (`Secure`, `Path=/`, no
//!   `Domain`), which browsers accept only from this very origin; over plain http (a local
//!   demo) it is `carematch_form`.
//! - Tokens are compared in constant time.
//! - Defence in depth: a post whose `Sec-Fetch-Site` says it came from another site, or whose
//!   `Origin` names another host (`null` included), is refused even with a good token. The
//!   site's own host is the `Host` header, or what a trusted proxy forwarded
//!   ([`carematch_api::forwarded::Site`]). A post without `Origin` relies on the token alone.
//! - A refused post changes nothing and answers 403 with a page that says what to do.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::http::header::HeaderName;
use actix_web::{HttpRequest, HttpResponse};
use carematch_api::auth::hash_key;
use carematch_api::forwarded::Site;
use maud::{Markup, html};

use crate::layout::{Ctx, Section};
use crate::session::session_secret;

/// The hidden input's name.
pub const FIELD: &str = "csrf";
/// The anonymous cookie over plain http.
pub const COOKIE: &str = "carematch_form";
/// The anonymous cookie over https (the `__Host-` prefix: `Secure`, `Path=/`, no `Domain`).
pub const SECURE_COOKIE: &str = "__Host-carematch_form";

const SEC_FETCH_SITE: HeaderName = HeaderName::from_static("sec-fetch-site");

/// Hex digits of a token (128 bits: plenty against guessing, and twenty result cards each
/// carry one).
const TOKEN_LEN: usize = 32;

/// A cookie secret as we make them: 64 lower-case hex digits (anything else is ignored).
pub fn is_secret(value: &str) -> bool {
    value.len() == 64
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn derive(purpose: &str, secret: &str) -> String {
    let mut token = hash_key(&format!("carematch form token v1 {purpose}:{secret}"));
    token.truncate(TOKEN_LEN);
    token
}

/// The forms' token for a signed-in session (its cookie's value).
pub fn session_token(session: &str) -> String {
    derive("session", session)
}

/// The forms' token for an anonymous cookie's value.
pub fn anonymous_token(secret: &str) -> String {
    derive("anonymous", secret)
}

/// A fresh secret for the anonymous cookie; `None` when the system has no randomness to give.
pub fn new_secret() -> Option<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares tokens without stopping at the first difference, so the time taken does not tell
/// an attacker how much of a guess was right. (Lengths are public: every token has the same.)
pub fn same_token(expected: &str, given: &str) -> bool {
    let (a, b) = (expected.as_bytes(), given.as_bytes());
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

/// The name of the anonymous cookie for this request's site.
pub fn cookie_name(site: &Site) -> &'static str {
    if site.is_https() {
        SECURE_COOKIE
    } else {
        COOKIE
    }
}

/// The anonymous cookie: `HttpOnly` (no script of ours reads it), `SameSite=Lax` (never sent
/// with another site's post; `Strict` would leave it behind when someone follows a link to us,
/// and a new one would then break forms open in other tabs), `Secure` over https, and kept only
/// for the browser session.
pub fn cookie(site: &Site, secret: String) -> Cookie<'static> {
    Cookie::build(cookie_name(site), secret)
        .path("/")
        .http_only(true)
        .secure(site.is_https())
        .same_site(SameSite::Lax)
        .finish()
}

/// The anonymous cookie's secret sent with this request, if it is one of ours.
pub fn anonymous_secret(req: &HttpRequest, site: &Site) -> Option<String> {
    req.cookie(cookie_name(site))
        .map(|c| c.value().to_owned())
        .filter(|v| is_secret(v))
}

/// Did the browser send this post from one of our own pages (as far as it tells)?
pub fn from_our_site(req: &HttpRequest, site: &Site) -> bool {
    if let Some(fetch_site) = req.headers().get(SEC_FETCH_SITE) {
        // `none`: the person did it (a bookmark, the address bar), never another site.
        if !matches!(fetch_site.as_bytes(), b"same-origin" | b"none") {
            return false;
        }
    }
    match req.headers().get(actix_web::http::header::ORIGIN) {
        None => true,
        Some(origin) => origin.to_str().is_ok_and(|o| site.is_origin(o)),
    }
}

/// Checks a signed-in form's token against the session cookie.
pub fn check_session(req: &HttpRequest, given: &str) -> bool {
    let site = Site::of(req);
    from_our_site(req, &site)
        && session_secret(req).is_some_and(|s| same_token(&session_token(&s), given))
}

/// A signed-in form's fields (an urlencoded body), when its token matches the session; `None`
/// for a forged or stale post.
pub fn session_form(req: &HttpRequest, body: &[u8]) -> Option<Vec<(String, String)>> {
    let pairs = crate::layout::query_pairs(std::str::from_utf8(body).unwrap_or_default());
    let token = pairs
        .iter()
        .find(|(k, _)| k == FIELD)
        .map_or("", |(_, v)| v.as_str());
    check_session(req, token).then_some(pairs)
}

/// Checks an anonymous form's token against the anonymous cookie.
pub fn check_anonymous(req: &HttpRequest, given: &str) -> bool {
    let site = Site::of(req);
    from_our_site(req, &site)
        && anonymous_secret(req, &site).is_some_and(|s| same_token(&anonymous_token(&s), given))
}

/// The hidden input carrying `token`.
pub fn field(token: &str) -> Markup {
    html! { input type="hidden" name=(FIELD) value=(token); }
}

/// 403: the post was refused and nothing changed; `back` (one of our paths) is where to try
/// again.
pub fn refused(ctx: &Ctx, back: &str) -> HttpResponse {
    let tr = &ctx.tr;
    let main = html! {
        h1 { (tr.t("refused-title")) }
        p { (tr.t("refused-body")) }
        p { a href=(back) { (tr.t("refused-back")) } }
    };
    ctx.respond(
        StatusCode::FORBIDDEN,
        &tr.t("refused-title"),
        Section::Other,
        main,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound_to_their_secret_and_purpose() {
        let a = "a".repeat(64);
        let b = "b".repeat(64);
        assert_eq!(session_token(&a).len(), TOKEN_LEN);
        assert_eq!(session_token(&a), session_token(&a));
        assert_ne!(session_token(&a), session_token(&b));
        assert_ne!(session_token(&a), anonymous_token(&a));
        // Not the hash the database keeps for the session.
        assert!(!hash_key(&a).starts_with(&session_token(&a)));
    }

    #[test]
    fn tokens_compare_whole() {
        let token = anonymous_token(&"c".repeat(64));
        assert!(same_token(&token, &token.clone()));
        assert!(!same_token(&token, ""));
        assert!(!same_token("", ""));
        assert!(!same_token(&token, &token[..TOKEN_LEN - 1]));
        let mut last = token.clone();
        last.pop();
        last.push(if token.ends_with('0') { '1' } else { '0' });
        assert!(!same_token(&token, &last));
    }

    #[test]
    fn only_our_own_secrets_are_read() {
        assert!(is_secret(&"0123456789abcdef".repeat(4)));
        assert!(!is_secret(&"0123456789ABCDEF".repeat(4)));
        assert!(!is_secret(&"a".repeat(63)));
        assert!(!is_secret(&"g".repeat(64)));
        let secret = new_secret().expect("randomness");
        assert!(is_secret(&secret));
        assert_ne!(Some(secret), new_secret());
    }
}
