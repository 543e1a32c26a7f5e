//! `/commissioner/market`: the PA market report as a printable page (docs/market.md), with
//! filters for authority and language, the table's trend against the latest snapshot (arrows
//! with words for screen readers), suppression said in plain words, the providers serving each
//! language by name, and the same report as CSV or GeoJSON. Counts only: no PA is named.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_domain::Role;
use carematch_domain::vocabulary::{Code, Ethnicity, Language, Service};
use carematch_service::ServiceError;
use carematch_service::market::{
    Dimension, MarketCell, MarketFormat, MarketOutput, MarketParams, encode, parse_params,
};
use maud::{Markup, html};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::layout::{Ctx, Section, link, query_pairs};
use crate::pages::server_error;
use crate::session::{current, to_login};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(market_page)
        .service(market_csv)
        .service(market_geojson);
}

/// The tables the page offers (`view`), each a `by` of the report.
const VIEWS: [(&str, &str); 4] = [
    ("language", "authority,language"),
    ("service", "authority,service"),
    ("agency", "authority,agency"),
    ("ethnicity", "authority,ethnicity"),
];

#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    authority: Option<String>,
    language: Option<String>,
    view: Option<String>,
}

impl PageQuery {
    fn view(&self) -> &'static str {
        VIEWS
            .iter()
            .find(|(v, _)| Some(*v) == self.view.as_deref())
            .map_or(VIEWS[0].0, |(v, _)| v)
    }

    fn params(&self, format: Option<&str>) -> MarketParams {
        let by = VIEWS
            .iter()
            .find(|(v, _)| *v == self.view())
            .map(|(_, by)| (*by).to_owned());
        MarketParams {
            by,
            authority: self.authority.clone().filter(|a| !a.is_empty()),
            language: self.language.clone().filter(|l| !l.is_empty()),
            format: format.map(str::to_owned),
        }
    }

    /// The query as link pairs (without `lang`).
    fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = vec![("view".to_owned(), self.view().to_owned())];
        for (name, value) in [("authority", &self.authority), ("language", &self.language)] {
            if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
                pairs.push((name.to_owned(), v.clone()));
            }
        }
        pairs
    }
}

/// A commissioner's (or admin's) session, else the sign-in page (as `/commissioner`).
async fn signed_in(req: &HttpRequest, state: &web::Data<AppState>) -> Result<(), HttpResponse> {
    match current(req, state).await {
        Some(key) if matches!(key.role, Role::Commissioner | Role::Admin) => Ok(()),
        _ => Err(to_login(&link(
            req.path(),
            &query_pairs(req.query_string()),
        ))),
    }
}

enum Problem {
    Invalid,
    NoAuthorities,
    Server,
}

async fn report(
    state: &web::Data<AppState>,
    query: &PageQuery,
    format: Option<&str>,
) -> Result<(MarketOutput, MarketFormat), Problem> {
    let (market_query, format) =
        parse_params(&query.params(format), "").map_err(|_| Problem::Invalid)?;
    let output = state
        .call(move |service| service.market_report(&market_query, chrono::Utc::now()))
        .await
        .map_err(|e| match e {
            ServiceError::NoAuthorities(_) => Problem::NoAuthorities,
            ServiceError::Validation(_) => Problem::Invalid,
            _ => Problem::Server,
        })?;
    Ok((output, format))
}

#[get("/commissioner/market")]
async fn market_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if let Err(response) = signed_in(&req, &state).await {
        return response;
    }
    let tr = &ctx.tr;
    let title = tr.t("market-title");
    let (status, body) = match report(&state, &query, None).await {
        Ok((output, _)) => (StatusCode::OK, page_body(tr, &output, &query)),
        Err(Problem::NoAuthorities) => (
            StatusCode::CONFLICT,
            html! { p.notice role="status" { (tr.t("map-no-authorities")) } },
        ),
        Err(Problem::Invalid) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! { div.error-summary role="alert" { p { a href="#authority" { (tr.t("error-title")) } } } },
        ),
        Err(Problem::Server) => return server_error(&ctx),
    };
    let main = html! {
        div.market {
            h1 { (title) }
            p { (tr.t("market-intro")) }
            (body)
        }
    };
    ctx.respond(status, &title, Section::Commissioner, main)
}

fn filters(tr: &Tr, output: &MarketOutput, query: &PageQuery) -> Markup {
    let chosen_authority = query.authority.as_deref().unwrap_or("");
    let chosen_language = query.language.as_deref().unwrap_or("");
    let mut areas: Vec<(&str, &str)> = output
        .inputs
        .areas
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str()))
        .collect();
    areas.sort_by(|a, b| a.1.cmp(b.1));
    html! {
        form.filters.no-print method="get" action="/commissioner/market" {
            input type="hidden" name="lang" value=(tr.locale.tag());
            div.field {
                label for="view" { (tr.t("market-filter-view")) }
                select #view name="view" {
                    @for (view, _) in VIEWS {
                        option value=(view) selected[view == query.view()] { (tr.t(&format!("market-view-{view}"))) }
                    }
                }
            }
            div.field {
                label for="authority" { (tr.t("market-filter-authority")) }
                select #authority name="authority" {
                    option value="" selected[chosen_authority.is_empty()] { (tr.t("market-all")) }
                    @for (code, name) in &areas {
                        option value=(code) selected[*code == chosen_authority] { (name) }
                    }
                }
            }
            div.field {
                label for="language" { (tr.t("market-filter-language")) }
                select #language name="language" {
                    option value="" selected[chosen_language.is_empty()] { (tr.t("market-all")) }
                    @for language in Language::all() {
                        option value=(language.code()) selected[language.code() == chosen_language] {
                            (language.autonym().unwrap_or(language.label_en())) " — " (language.label_en())
                        }
                    }
                }
            }
            p { button type="submit" { (tr.t("market-show")) } }
        }
    }
}

fn page_body(tr: &Tr, output: &MarketOutput, query: &PageQuery) -> Markup {
    let report = &output.report;
    let pairs = query.pairs();
    let ethnic = report.by.contains(&Dimension::Ethnicity);
    let since = report
        .snapshots
        .last()
        .map(|s| s.taken_at.format("%Y-%m-%d").to_string());
    let others: Vec<Dimension> = report
        .by
        .iter()
        .copied()
        .filter(|d| *d != Dimension::Authority)
        .collect();
    html! {
        (filters(tr, output, query))
        p.downloads.no-print {
            a href=(link("/commissioner/market.csv", &pairs)) download { (tr.t("market-download-csv")) }
            " · "
            a href=(link("/commissioner/market.geojson", &pairs)) download { (tr.t("market-download-geojson")) }
        }
        section.suppression aria-labelledby="suppression-title" {
            h2 #suppression-title { (tr.t("market-suppression-title")) }
            p { (tr.t("market-suppression")) }
        }
        p role="status" {
            @match &since {
                Some(date) => (tr.with("market-snapshot-since", "date", date)),
                None => (tr.t("market-snapshot-none")),
            }
        }
        p { (tr.args("market-total", &[
            ("pas", report.total.pas.text().into()),
            ("providers", report.total.providers.unwrap_or(0).to_string().into()),
        ])) }
        div.table-wrap tabindex="0" role="region" aria-labelledby="market-table-title" {
            table #market-table {
                caption #market-table-title { (tr.t(&format!("market-view-{}", query.view()))) }
                thead { tr {
                    th scope="col" { (tr.t("market-col-authority")) }
                    @for dim in &others { th scope="col" { (tr.t(&format!("market-col-{}", dim.code()))) } }
                    th scope="col" { (tr.t("market-col-pas")) }
                    @if ethnic { th scope="col" { (tr.t("market-col-census")) } }
                    @else { th scope="col" { (tr.t("market-col-providers")) } }
                    th scope="col" { (tr.t("market-col-trend")) }
                } }
                tbody {
                    @for cell in &report.cells {
                        tr {
                            th scope="row" { (cell.authority_name.as_deref().unwrap_or("—")) }
                            @for dim in &others { td { (value(tr, cell, *dim)) } }
                            td.num { (cell.pas.text()) }
                            @if ethnic {
                                td.num { (cell.census_share.map(|s| format!("{:.1}%", s * 100.0)).unwrap_or_else(|| "—".to_owned())) }
                            } @else {
                                td.num { (cell.providers.unwrap_or(0)) }
                            }
                            td { (trend(tr, cell)) }
                        }
                    }
                }
            }
        }
        @if !report.organisations.is_empty() {
            section aria-labelledby="organisations-title" {
                h2 #organisations-title { (tr.t("market-organisations-title")) }
                dl.organisations {
                    @for org in &report.organisations {
                        dt {
                            (org.authority_name) " — "
                            (Language::parse(&org.language).map_or(org.language.clone(), |l| l.label_en().to_owned()))
                        }
                        dd { (org.names.join(", ")) }
                    }
                }
            }
        }
    }
}

/// A cell's value of one dimension, in words.
fn value(tr: &Tr, cell: &MarketCell, dim: Dimension) -> String {
    match dim {
        Dimension::Authority => cell.authority_name.clone().unwrap_or_default(),
        Dimension::Language => cell
            .language
            .as_deref()
            .and_then(|c| Language::parse(c).ok())
            .map_or_else(String::new, |l| {
                format!("{} — {}", l.autonym().unwrap_or(l.label_en()), l.label_en())
            }),
        Dimension::Service => cell
            .service
            .as_deref()
            .and_then(|c| Service::parse(c).ok())
            .map_or_else(String::new, |s| tr.code(s)),
        Dimension::Agency => cell
            .agency_name
            .clone()
            .unwrap_or_else(|| tr.t("market-no-agency")),
        Dimension::Ethnicity => match cell.ethnicity.as_deref() {
            Some("not_recorded") | None => tr.t("market-not-recorded"),
            Some(code) => Ethnicity::parse(code).map_or_else(|_| code.to_owned(), |e| tr.code(e)),
        },
    }
}

/// An arrow with its meaning in words (the arrow is hidden from screen readers).
fn trend(tr: &Tr, cell: &MarketCell) -> Markup {
    let change = cell.change.as_ref().and_then(|c| c.pas);
    let (arrow, words) = match change {
        None if cell.change.is_none() => return html! { "—" },
        None => ("?", tr.t("market-trend-unknown")),
        Some(0) => ("→", tr.t("market-trend-same")),
        Some(n) if n > 0 => ("↑", tr.count("market-trend-up", "n", n as f64)),
        Some(n) => (
            "↓",
            tr.count("market-trend-down", "n", n.unsigned_abs() as f64),
        ),
    };
    html! {
        span.trend aria-hidden="true" { (arrow) " " }
        span.visually-hidden { (words) }
        @if let Some(n) = change { span aria-hidden="true" { (format!("{n:+}")) } }
    }
}

async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: PageQuery,
    format: &str,
) -> HttpResponse {
    if let Err(response) = signed_in(&req, &state).await {
        return response;
    }
    match report(&state, &query, Some(format)).await {
        Ok((output, format)) => match encode(&output, format) {
            Ok(encoded) => {
                let name = match format {
                    MarketFormat::Csv => "market.csv",
                    _ => "market.geojson",
                };
                HttpResponse::Ok()
                    .content_type(encoded.content_type)
                    .insert_header((
                        actix_web::http::header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ))
                    .body(encoded.body)
            }
            Err(_) => HttpResponse::ServiceUnavailable().finish(),
        },
        Err(Problem::Invalid) => HttpResponse::UnprocessableEntity().finish(),
        Err(Problem::NoAuthorities) => HttpResponse::Conflict().finish(),
        Err(Problem::Server) => HttpResponse::ServiceUnavailable().finish(),
    }
}

#[get("/commissioner/market.csv")]
async fn market_csv(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    download(req, state, query.into_inner(), "csv").await
}

#[get("/commissioner/market.geojson")]
async fn market_geojson(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> HttpResponse {
    download(req, state, query.into_inner(), "geojson").await
}
