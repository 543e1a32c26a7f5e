//! The commissioner map: pick a need and a distance, see England's authorities coloured by how
//! far demand goes unmet (the gap map's SVG, inline), a sortable table beside it, and the same
//! report as GeoJSON or CSV. Counts only: no carer is ever named here.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_domain::Role;
use carematch_domain::vocabulary::{Code, Cuisine, DietaryLaw, FaithPractice, Language, Service};
use carematch_matching::day_number;
use carematch_matching::gaps::{GapReport, GapRow};
use carematch_service::gaps::{encode, parse_params};
use carematch_service::{GapsParams, ServiceError};
use maud::{Markup, html};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::layout::{Ctx, Section, link, query_pairs};
use crate::pages::server_error;
use crate::session::{current, to_login};

/// Distances offered, km.
const DISTANCES: [u32; 5] = [5, 10, 20, 40, 80];
/// The need and distance shown first.
const DEFAULT_NEED: &str = "language:yue";
const DEFAULT_KM: &str = "10";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(map_page)
        .service(gaps_svg)
        .service(gaps_geojson)
        .service(gaps_csv);
}

#[derive(Debug, Deserialize)]
struct MapQuery {
    need: Option<String>,
    max_km: Option<String>,
    sort: Option<String>,
    /// `1`: the GeoJSON for the page's interactive map (coordinates rounded, see
    /// [`crate::commissioner_map::round_coordinates`]).
    map: Option<String>,
}

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Gap,
    Area,
    Demand,
    Nearest,
}

impl SortBy {
    const ALL: [SortBy; 4] = [Self::Gap, Self::Area, Self::Demand, Self::Nearest];

    fn code(self) -> &'static str {
        match self {
            Self::Gap => "gap",
            Self::Area => "area",
            Self::Demand => "demand",
            Self::Nearest => "nearest",
        }
    }

    fn parse(text: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| Some(s.code()) == text)
            .unwrap_or(Self::Gap)
    }

    fn sort(self, rows: &mut [&GapRow]) {
        match self {
            // Worst band first, then most people per supplier, then most demand.
            Self::Gap => rows.sort_by(|a, b| {
                a.severity
                    .cmp(&b.severity)
                    .then(b.demand.unwrap_or(0).cmp(&a.demand.unwrap_or(0)))
                    .then(a.name.cmp(&b.name))
            }),
            Self::Area => rows.sort_by(|a, b| a.name.cmp(&b.name)),
            Self::Demand => rows.sort_by(|a, b| {
                b.demand
                    .unwrap_or(0)
                    .cmp(&a.demand.unwrap_or(0))
                    .then(a.name.cmp(&b.name))
            }),
            Self::Nearest => rows.sort_by(|a, b| {
                b.nearest_km
                    .unwrap_or(f64::INFINITY)
                    .total_cmp(&a.nearest_km.unwrap_or(f64::INFINITY))
                    .then(a.name.cmp(&b.name))
            }),
        }
    }
}

/// The commissioner (or admin) signed in, else the sign-in page.
async fn signed_in(req: &HttpRequest, state: &web::Data<AppState>) -> Result<(), HttpResponse> {
    let next = link(req.path(), &query_pairs(req.query_string()));
    match current(req, state).await {
        Some(key) if matches!(key.role, Role::Commissioner | Role::Admin) => Ok(()),
        _ => Err(to_login(&next)),
    }
}

enum ReportProblem {
    Invalid,
    NoAuthorities,
    Server,
}

async fn report(
    state: &web::Data<AppState>,
    need: &str,
    max_km: &str,
) -> Result<GapReport, ReportProblem> {
    let params = GapsParams {
        need: Some(need.to_owned()),
        max_km: Some(max_km.to_owned()),
        by: None,
        demand: None,
    };
    let query = parse_params(&params, day_number(carematch_service::today()))
        .map_err(|_| ReportProblem::Invalid)?;
    state
        .call(move |service| service.gaps(&query))
        .await
        .map_err(|e| match e {
            ServiceError::NoAuthorities(_) => ReportProblem::NoAuthorities,
            _ => ReportProblem::Server,
        })
}

fn need_options<C: Code>(tr: &Tr, chosen: &str, label: String, all: &[C], prefix: &str) -> Markup {
    html! {
        optgroup label=(label) {
            @for code in all {
                @let value = format!("{prefix}:{}", code.code());
                option value=(value) selected[value == chosen] {
                    @if prefix == "language" { (code.autonym().unwrap_or(code.label_en())) " — " (code.label_en()) }
                    @else { (tr.code(*code)) }
                }
            }
        }
    }
}

fn picker(tr: &Tr, need: &str, max_km: &str) -> Markup {
    html! {
        form.map-picker method="get" action="/commissioner" {
            input type="hidden" name="lang" value=(tr.locale.tag());
            div.field {
                label for="need" { (tr.t("map-need")) }
                select #need name="need" {
                    (need_options(tr, need, tr.t("crit-language"), Language::all(), "language"))
                    (need_options(tr, need, tr.t("crit-cuisine"), Cuisine::all(), "cuisine"))
                    (need_options(tr, need, tr.t("crit-diet"), DietaryLaw::all(), "diet"))
                    (need_options(tr, need, tr.t("crit-faith_practice"), FaithPractice::all(), "faith_practice"))
                    (need_options(tr, need, tr.t("crit-service"), Service::all(), "service"))
                }
            }
            div.field {
                label for="max_km" { (tr.t("map-distance")) }
                select #max_km name="max_km" {
                    @for km in DISTANCES {
                        option value=(km) selected[km.to_string() == max_km] { (tr.count("distance-km", "km", f64::from(km))) }
                    }
                }
            }
            p { button type="submit" { (tr.t("map-show")) } }
        }
    }
}

#[get("/commissioner")]
async fn map_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<MapQuery>,
) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if let Err(response) = signed_in(&req, &state).await {
        return response;
    }
    let tr = &ctx.tr;
    let need = query
        .need
        .clone()
        .unwrap_or_else(|| DEFAULT_NEED.to_owned());
    let max_km = query
        .max_km
        .clone()
        .unwrap_or_else(|| DEFAULT_KM.to_owned());
    let sort = SortBy::parse(query.sort.as_deref());
    let title = tr.t("map-title");
    let (status, body) = match report(&state, &need, &max_km).await {
        Ok(report) => (StatusCode::OK, map_body(tr, &report, &need, &max_km, sort)),
        Err(ReportProblem::NoAuthorities) => (
            StatusCode::CONFLICT,
            html! { p.notice role="status" { (tr.t("map-no-authorities")) } },
        ),
        Err(ReportProblem::Invalid) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            html! { div.error-summary role="alert" { p { a href="#need" { (tr.t("error-title")) } } } },
        ),
        Err(ReportProblem::Server) => return server_error(&ctx),
    };
    let time_to_fill = crate::vacancies::time_to_fill_section(&ctx, &state).await;
    let main = html! {
        h1 { (title) }
        p { (tr.t("map-intro")) }
        (picker(tr, &need, &max_km))
        (body)
        (time_to_fill)
        form.inline method="post" action="/logout" {
            (crate::csrf::field(&ctx.session_token()))
            button type="submit" { (tr.t("logout")) }
        }
    };
    ctx.respond(status, &title, Section::Commissioner, main)
}

fn map_body(tr: &Tr, report: &GapReport, need: &str, max_km: &str, sort: SortBy) -> Markup {
    let base = [
        ("need".to_owned(), need.to_owned()),
        ("max_km".to_owned(), max_km.to_owned()),
    ];
    let title = crate::commissioner_map::title(tr, &report.need, max_km);
    let mut svg_pairs = base.to_vec();
    svg_pairs.push(("lang".into(), tr.locale.tag().into()));
    let svg = link("/commissioner/gaps.svg", &svg_pairs);
    let mut map_pairs = base.to_vec();
    map_pairs.push(("map".into(), "1".into()));
    let geojson = link("/commissioner/gaps.geojson", &map_pairs);
    let mut rows: Vec<&GapRow> = report.rows.iter().collect();
    sort.sort(&mut rows);
    let sort_link = |by: SortBy| {
        let mut pairs = base.to_vec();
        pairs.push(("sort".into(), by.code().into()));
        pairs.push(("lang".into(), tr.locale.tag().into()));
        link("/commissioner", &pairs)
    };
    let header = |by: SortBy, id: &str| {
        let name = tr.t(id);
        html! {
            th scope="col" aria-sort=[(by == sort).then_some(if by == SortBy::Area { "ascending" } else { "descending" })] {
                a href=(sort_link(by)) title=(tr.with("map-sort", "column", &name)) { (name) }
            }
        }
    };
    html! {
        p.downloads {
            a href=(link("/commissioner/gaps.geojson", &base)) download { (tr.t("map-download-geojson")) }
            " · "
            a href=(link("/commissioner/gaps.csv", &base)) download { (tr.t("map-download-csv")) }
        }
        (crate::commissioner_map::interactive(tr, report, max_km, &geojson))
        div.map-layout {
            // The no-JavaScript map, as an image apart: England's boundaries would weigh some
            // 220 KB inline. Lazy, so a browser running map.js (which hides it) never fetches it.
            figure #map-fallback.map {
                img src=(svg) alt=(format!("{} — {}", tr.t("map-title"), title)) loading="lazy";
            }
            section.map-table aria-labelledby="table-title" {
                h2 #table-title { (tr.t("map-table-title")) }
                div.table-wrap tabindex="0" role="region" aria-labelledby="table-title" {
                    table #gap-table {
                        thead { tr {
                            (header(SortBy::Area, "map-col-area"))
                            (header(SortBy::Demand, "map-col-demand"))
                            th scope="col" { (tr.t("map-col-carers")) }
                            th scope="col" { (tr.t("map-col-providers")) }
                            (header(SortBy::Nearest, "map-col-nearest"))
                            (header(SortBy::Gap, "map-col-severity"))
                        } }
                        tbody {
                            @for row in &rows {
                                tr data-code=(row.code) {
                                    th scope="row" { (row.name) }
                                    td.num { (row.demand_shown) }
                                    td.num { (row.carers) }
                                    td.num { (row.providers) }
                                    td.num { @if let Some(km) = row.nearest_km { (km) } @else { "—" } }
                                    td { span class=(format!("band {}", row.severity.code())) { (tr.t(&format!("severity-{}", row.severity.code()))) } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn download(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: MapQuery,
    csv: bool,
) -> HttpResponse {
    if let Err(response) = signed_in(&req, &state).await {
        return response;
    }
    let for_map = !csv && query.map.as_deref() == Some("1");
    let need = query.need.unwrap_or_else(|| DEFAULT_NEED.to_owned());
    let max_km = query.max_km.unwrap_or_else(|| DEFAULT_KM.to_owned());
    match report(&state, &need, &max_km).await {
        Ok(report) => match encode(&report, csv) {
            Ok(encoded) if for_map => map_geojson(encoded),
            Ok(encoded) => {
                let name = if csv { "gaps.csv" } else { "gaps.geojson" };
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
        Err(ReportProblem::Invalid) => HttpResponse::UnprocessableEntity().finish(),
        Err(ReportProblem::NoAuthorities) => HttpResponse::Conflict().finish(),
        Err(ReportProblem::Server) => HttpResponse::ServiceUnavailable().finish(),
    }
}

/// The report's SVG map (the page's map without JavaScript), titled in the page's language.
#[get("/commissioner/gaps.svg")]
async fn gaps_svg(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<MapQuery>,
) -> HttpResponse {
    if let Err(response) = signed_in(&req, &state).await {
        return response;
    }
    let tr = Ctx::new(&req).tr;
    let query = query.into_inner();
    let need = query.need.unwrap_or_else(|| DEFAULT_NEED.to_owned());
    let max_km = query.max_km.unwrap_or_else(|| DEFAULT_KM.to_owned());
    match report(&state, &need, &max_km).await {
        Ok(report) => {
            let title = crate::commissioner_map::title(&tr, &report.need, &max_km);
            HttpResponse::Ok()
                .content_type("image/svg+xml")
                .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
                .insert_header((actix_web::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .body(crate::commissioner_map::without_code_subtitle(
                    report.to_svg(&title),
                ))
        }
        Err(ReportProblem::Invalid) => HttpResponse::UnprocessableEntity().finish(),
        Err(ReportProblem::NoAuthorities) => HttpResponse::Conflict().finish(),
        Err(ReportProblem::Server) => HttpResponse::ServiceUnavailable().finish(),
    }
}

/// The report as the interactive map fetches it: coordinates rounded, not an attachment.
fn map_geojson(encoded: carematch_service::gaps::Encoded) -> HttpResponse {
    match serde_json::from_slice::<serde_json::Value>(&encoded.body) {
        Ok(mut value) => {
            crate::commissioner_map::round_coordinates(&mut value);
            HttpResponse::Ok()
                .content_type(encoded.content_type)
                .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
                .body(value.to_string())
        }
        Err(_) => HttpResponse::ServiceUnavailable().finish(),
    }
}

#[get("/commissioner/gaps.geojson")]
async fn gaps_geojson(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<MapQuery>,
) -> HttpResponse {
    download(req, state, query.into_inner(), false).await
}

#[get("/commissioner/gaps.csv")]
async fn gaps_csv(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<MapQuery>,
) -> HttpResponse {
    download(req, state, query.into_inner(), true).await
}
