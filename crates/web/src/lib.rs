//! carematch's web pages, served by the same server as the API and under the same middleware:
//!
//! - `/`, `/find`: find care (public; works without JavaScript), with the API's reasons.
//! - `/shortlist`: the browser's shortlist, shareable as a link, with a print layout.
//! - `/carers/{id}`, `/providers/{id}`: one record's public profile, with "Enquire".
//! - `/login`, `/logout`: API key in, session cookie out (agencies and commissioners).
//! - `/account/...`: sign-in by e-mailed one-time links (organisations, moderators).
//! - `/pa/register`, `/pa/sign-in`, `/pa`: PAs who register themselves and keep their record current.
//! - `/agency`: find PAs for a client with contact details, manage and edit PAs
//!   (`/agency/carers/{id}/edit`), upload a CSV register.
//! - `/report/{carer|provider}/{id}`: "Something wrong here?"; `/agency/reports` and
//!   `/moderation/reports` handle the reports.
//! - `/commissioner`: the gap map, a sortable table, GeoJSON and CSV downloads.
//! - `/help`: what a direct payment pays for, employing a PA, paying a relative, questions to
//!   ask; wording a council can replace ([`help`]).
//! - `/commissioner/market`: the PA market report, printable, with CSV and GeoJSON.
//!
//! Every page is in nine languages (`locales/`), with `lang` and `dir` set; every form that
//! posts carries a token against cross-site request forgery ([`csrf`]); see docs/web.md.

pub mod accounts;
pub mod agency;
pub mod agency_edit;
pub mod agency_edit_form;
pub mod agency_filter;
pub mod agency_profile;
pub mod agency_upload;
pub mod commissioner;
pub mod commissioner_map;
pub mod csrf;
pub mod demo_areas;
pub mod enquiries;
pub mod find_page;
pub mod form;
pub mod freshness;
pub mod help;
pub mod i18n;
pub mod layout;
pub mod market;
pub mod moderation;
pub mod organisation;
pub mod outbox_page;
pub mod pa;
pub mod pages;
pub mod profile;
pub mod reasons;
pub mod reports;
pub mod results_map;
pub mod results_nav;
pub mod session;
pub mod share;
pub mod shortlist;
pub mod vacancies;

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};

const SITE_CSS: &str = include_str!("../static/site.css");
const SITE_JS: &str = include_str!("../static/site.js");

/// Every page, with these help texts (a council's own wording, or the built-in one).
pub fn pages(help: help::HelpTexts) -> carematch_api::Pages {
    let help = web::Data::new(help);
    carematch_api::Pages::new(move |cfg| {
        cfg.app_data(help.clone());
        configure(cfg);
    })
}

/// Registers every page, with the built-in help texts; [`pages`] makes the server's
/// `ServerConfig::pages` from it.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(css).service(js);
    pages::configure(cfg);
    shortlist::configure(cfg);
    profile::configure(cfg);
    session::configure(cfg);
    agency::configure(cfg);
    commissioner::configure(cfg);
    commissioner_map::configure(cfg);
    market::configure(cfg);
    agency_profile::configure(cfg);
    agency_edit::configure(cfg);
    enquiries::configure(cfg);
    vacancies::configure(cfg);
    outbox_page::configure(cfg);
    reports::configure(cfg);
    accounts::configure(cfg);
    moderation::configure(cfg);
    organisation::configure(cfg);
    pa::configure(cfg);
    help::configure(cfg);
    results_map::configure(cfg);
}

pub(crate) fn asset(content_type: &str, body: &'static str) -> HttpResponse {
    cached_asset(content_type, body, "public, max-age=3600")
}

/// A static file with this `Cache-Control` (vendored files, whose path holds their version,
/// are cached for a year).
pub(crate) fn cached_asset(
    content_type: &str,
    body: &'static str,
    cache_control: &'static str,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, cache_control))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(body)
}

#[get("/static/site.css")]
async fn css() -> HttpResponse {
    asset("text/css; charset=utf-8", SITE_CSS)
}

#[get("/static/site.js")]
async fn js() -> HttpResponse {
    asset("text/javascript; charset=utf-8", SITE_JS)
}
