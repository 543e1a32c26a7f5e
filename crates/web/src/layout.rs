//! The page shell every page shares: `lang` and `dir`, the skip link, navigation, the language
//! switcher, and the response headers (no caching, and no referrer to other sites, since queries describe a
//! person's needs; a strict content security policy, since every asset is our own).

use std::cell::OnceCell;

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use carematch_api::forwarded::Site;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::csrf;
use crate::i18n::{LANG_COOKIE, Locale, Tr};
use crate::session::session_secret;
use crate::shortlist::Shortlist;

/// Which navigation entry is the current page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Find,
    Shortlist,
    Agency,
    Commissioner,
    Help,
    Other,
}

/// What the shell needs to know about the request.
pub struct Ctx {
    pub tr: Tr,
    /// The path and query, without `lang`, for the switcher's links.
    path: String,
    pairs: Vec<(String, String)>,
    pub shortlist: Shortlist,
    lang_chosen: bool,
    /// Where the browser sent the request (for cookies' `Secure`).
    pub site: Site,
    /// The session cookie's secret, when the browser sent one (signed-in forms' tokens).
    session: Option<String>,
    /// The anonymous form cookie's secret the browser sent, if any.
    form_secret: Option<String>,
    /// A new anonymous secret, made the first time a form needs one and the browser had none;
    /// the response then sets the cookie.
    new_form_secret: OnceCell<Option<String>>,
    /// The server runs over the demo fixtures (`carematch serve --demo`).
    pub demo: bool,
}

impl Ctx {
    pub fn new(req: &HttpRequest) -> Self {
        let locale = Locale::of_request(req);
        let pairs: Vec<(String, String)> = query_pairs(req.query_string())
            .into_iter()
            .filter(|(k, _)| k != "lang")
            .collect();
        let site = Site::of(req);
        Self {
            tr: Tr::new(locale),
            path: req.path().to_owned(),
            pairs,
            shortlist: Shortlist::of_request(req),
            lang_chosen: Locale::chosen_in_query(req).is_some(),
            session: session_secret(req),
            form_secret: csrf::anonymous_secret(req, &site),
            new_form_secret: OnceCell::new(),
            site,
            demo: req
                .app_data::<actix_web::web::Data<carematch_api::AppState>>()
                .is_some_and(|state| state.demo()),
        }
    }

    /// [`Ctx::anonymous_token`] for a page that shows such forms only when `shown`; else empty,
    /// and no cookie is set.
    pub fn anonymous_token_if(&self, shown: bool) -> String {
        if shown {
            self.anonymous_token()
        } else {
            String::new()
        }
    }

    /// The token for forms anyone may send (the shortlist, signing in); sets the anonymous
    /// cookie on this response when the browser has none yet.
    pub fn anonymous_token(&self) -> String {
        let secret = self.form_secret.as_ref().or_else(|| {
            self.new_form_secret
                .get_or_init(|| {
                    let secret = csrf::new_secret();
                    if secret.is_none() {
                        // The form will be refused when sent; nothing weaker is put in its place.
                        tracing::warn!("no randomness for a form cookie");
                    }
                    secret
                })
                .as_ref()
        });
        secret.map(|s| csrf::anonymous_token(s)).unwrap_or_default()
    }

    /// The token for a signed-in session's forms (empty without a session cookie, and then
    /// refused: those pages are only shown to a session).
    pub fn session_token(&self) -> String {
        self.session
            .as_deref()
            .map(csrf::session_token)
            .unwrap_or_default()
    }

    pub fn locale(&self) -> Locale {
        self.tr.locale
    }

    /// The current page in another language.
    fn switch_to(&self, locale: Locale) -> String {
        let mut pairs = self.pairs.clone();
        pairs.push(("lang".into(), locale.tag().into()));
        link(&self.path, &pairs)
    }

    /// The page and its headers as a response.
    pub fn respond(
        &self,
        status: actix_web::http::StatusCode,
        title: &str,
        section: Section,
        main: Markup,
    ) -> HttpResponse {
        let body = self.page(title, section, main);
        let mut response = HttpResponse::build(status);
        response
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, self.locale().tag()))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::REFERRER_POLICY, "same-origin"))
            .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .insert_header((header::X_FRAME_OPTIONS, "DENY"))
            .insert_header((
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                 form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ))
            .insert_header((header::VARY, "Accept-Language, Cookie"));
        if self.lang_chosen {
            response.cookie(
                Cookie::build(LANG_COOKIE, self.locale().tag())
                    .path("/")
                    .http_only(true)
                    .secure(self.site.is_https())
                    .same_site(SameSite::Lax)
                    .max_age(actix_web::cookie::time::Duration::days(365))
                    .finish(),
            );
        }
        if let Some(Some(secret)) = self.new_form_secret.get() {
            response.cookie(csrf::cookie(&self.site, secret.clone()));
        }
        response.body(body.into_string())
    }

    pub fn ok(&self, title: &str, section: Section, main: Markup) -> HttpResponse {
        self.respond(actix_web::http::StatusCode::OK, title, section, main)
    }

    fn page(&self, title: &str, section: Section, main: Markup) -> Markup {
        let tr = &self.tr;
        let locale = self.locale();
        let current = |s: Section| (s == section).then_some("page");
        html! {
            (DOCTYPE)
            html lang=(locale.tag()) dir=(locale.dir()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " — " (tr.t("site-name")) }
                    link rel="icon" href="data:,";
                    link rel="stylesheet" href="/static/site.css";
                    script src="/static/site.js" defer {}
                }
                body {
                    a.skip href="#main" { (tr.t("skip-to-content")) }
                    header.site {
                        div.brand {
                            a href=(lang_link("/", locale)) { strong { (tr.t("site-name")) } }
                            span.tagline { (tr.t("site-tagline")) }
                        }
                        nav aria-label=(tr.t("site-name")) {
                            ul {
                                li { a href="/find" aria-current=[current(Section::Find)] { (tr.t("nav-find")) } }
                                li { a href="/shortlist" aria-current=[current(Section::Shortlist)] {
                                    (tr.count("nav-shortlist", "count", self.shortlist.len() as f64)) } }
                                li { a href="/agency" aria-current=[current(Section::Agency)] { (tr.t("nav-agency")) } }
                                li { a href="/commissioner" aria-current=[current(Section::Commissioner)] { (tr.t("nav-commissioner")) } }
                                li { a href="/help" aria-current=[current(Section::Help)] { (tr.t("nav-help")) } }
                            }
                        }
                        nav.languages aria-label=(tr.t("language-switcher")) {
                            ul {
                                @for other in Locale::ALL {
                                    li {
                                        a href=(self.switch_to(other)) lang=(other.tag()) dir=(other.dir())
                                            hreflang=(other.tag())
                                            aria-current=[(other == locale).then_some("true")] { (other.autonym()) }
                                    }
                                }
                            }
                        }
                    }
                    main #main tabindex="-1" { (main) }
                    footer.site {
                        p { (tr.t("footer-privacy")) }
                        p { a href="/docs/" { (tr.t("footer-api")) } }
                    }
                }
            }
        }
    }
}

/// `/find` with `lang` set, so the home link keeps the language even without the cookie.
fn lang_link(path: &str, locale: Locale) -> String {
    link(path, &[("lang".into(), locale.tag().into())])
}

/// Decoded `key=value` pairs of a query string, repeated keys kept in order.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap_or_default()
}

/// A path with an encoded query.
pub fn link(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_owned();
    }
    match serde_urlencoded::to_string(pairs) {
        Ok(query) => format!("{path}?{query}"),
        Err(_) => path.to_owned(),
    }
}

/// A 303 to `location` (after a form post).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

/// Only our own paths may be redirect targets (no open redirects), and only ones that fit in
/// a `Location` header as they are: printable ASCII without spaces. Anything else is `/find`.
/// Browsers drop tabs and line breaks from URLs and read `\` as `/`, so `/<tab>/evil.example`
/// and `/\evil.example` would otherwise lead to another site; a line break or a non-ASCII
/// character would not fit in the header at all.
pub fn local_path(target: &str) -> &str {
    let bytes = target.as_bytes();
    let ours = bytes.first() == Some(&b'/')
        && bytes.get(1) != Some(&b'/')
        && bytes.iter().all(|b| b.is_ascii_graphic() && *b != b'\\');
    if ours { target } else { "/find" }
}

/// The path and query of a `Referer` on this site (never another site's), without its fragment.
pub fn referrer_path(req: &HttpRequest) -> Option<String> {
    let referer = req.headers().get(header::REFERER)?.to_str().ok()?;
    let (_, rest) = referer.split_once("://")?;
    let site = Site::of(req);
    let path = rest
        .get(..site.host.len())
        .filter(|host| host.eq_ignore_ascii_case(&site.host))
        .and_then(|_| rest.get(site.host.len()..))?;
    let path = path.split('#').next().unwrap_or(path);
    (local_path(path) == path).then(|| path.to_owned())
}

/// A hidden input.
pub fn hidden(name: &str, value: &str) -> Markup {
    html! { input type="hidden" name=(name) value=(value); }
}

/// Markup already escaped by its maker (the gap map's SVG).
pub fn trusted(markup: String) -> Markup {
    PreEscaped(markup)
}
