//! The page shell every page shares: `lang` and `dir`, the skip link, navigation, the language
//! switcher, and the response headers (no caching, and no referrer to other sites, since queries describe a
//! person's needs; a strict content security policy, since every asset is our own).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::i18n::{LANG_COOKIE, Locale, Tr};
use crate::shortlist::Shortlist;

/// Which navigation entry is the current page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Find,
    Shortlist,
    Agency,
    Commissioner,
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
}

impl Ctx {
    pub fn new(req: &HttpRequest) -> Self {
        let locale = Locale::of_request(req);
        let pairs: Vec<(String, String)> = query_pairs(req.query_string())
            .into_iter()
            .filter(|(k, _)| k != "lang")
            .collect();
        Self {
            tr: Tr::new(locale),
            path: req.path().to_owned(),
            pairs,
            shortlist: Shortlist::of_request(req),
            lang_chosen: Locale::chosen_in_query(req).is_some(),
        }
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
                    .same_site(SameSite::Lax)
                    .max_age(actix_web::cookie::time::Duration::days(365))
                    .finish(),
            );
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

/// Only our own paths may be redirect targets (no open redirects).
pub fn local_path(target: &str) -> &str {
    if target.starts_with('/') && !target.starts_with("//") && !target.contains('\\') {
        target
    } else {
        "/find"
    }
}

/// A hidden input.
pub fn hidden(name: &str, value: &str) -> Markup {
    html! { input type="hidden" name=(name) value=(value); }
}

/// Markup already escaped by its maker (the gap map's SVG).
pub fn trusted(markup: String) -> Markup {
    PreEscaped(markup)
}
