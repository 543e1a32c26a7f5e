//! A map of the results on the find page: each result at its coarse public place only (the
//! centroid of its outward code, `M13`, the same place the card names), numbered as in the list,
//! over the local-authority boundaries (no tiles, no CDN: the vendored Leaflet draws them).
//! Opened on demand ("Show these results on a map"), so a page without it stays light; the
//! list of results is the alternative for anyone who does not use the map.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use carematch_api::AppState;
use carematch_domain::postcode::OutwardCode;
use carematch_domain::{GeoPoint, Postcode};
use carematch_matching::Viewer;
use maud::{Markup, html};
use serde::Serialize;
use serde_json::{Value, json};

use crate::commissioner_map::{LEAFLET_CSS, LEAFLET_JS, round_coordinates};
use crate::form::FindForm;
use crate::i18n::Tr;
use crate::layout::{link, query_pairs};
use crate::pages::{Found, search};
use crate::results_nav::ResultView;

const SCRIPT: &str = "/static/results-map.js";
const SCRIPT_BODY: &str = include_str!("../static/results-map.js");

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(points).service(areas).service(script);
}

#[get("/static/results-map.js")]
async fn script() -> HttpResponse {
    crate::asset("text/javascript; charset=utf-8", SCRIPT_BODY)
}

/// One result on the map.
#[derive(Debug, Serialize)]
struct Point {
    /// Its number in the list.
    n: usize,
    name: String,
    /// "About 1.5 km away", in the page's language.
    label: String,
    lat: f64,
    lon: f64,
    /// The card on the page (`#c12`) and the profile.
    anchor: String,
    href: String,
}

/// The coarse public place of a result: its outward code's centroid.
fn coarse(store: &carematch_store::Store, area: Option<&str>) -> Option<GeoPoint> {
    let area = area?;
    let outward = Postcode::parse(area)
        .map(|p| p.outward())
        .or_else(|_| OutwardCode::parse(area))
        .ok()?;
    store.district_centroid(&outward).ok().flatten()
}

/// The page's results as points, with the searched place (also coarse).
#[get("/find/map.json")]
async fn points(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let tr = Tr::new(crate::i18n::Locale::of_request(&req));
    let pairs = query_pairs(req.query_string());
    let form = FindForm::from_pairs(&pairs);
    let view = ResultView::from_pairs(&pairs);
    let Ok(found) = search(&state, &form, Viewer::Public, view).await else {
        return HttpResponse::UnprocessableEntity().finish();
    };
    let store = state.store.clone();
    let postcode = form.postcode.clone();
    let places = web::block(move || places(&store, found, &postcode)).await;
    let Ok((found, centre, places)) = places else {
        return HttpResponse::ServiceUnavailable().finish();
    };
    let results: Vec<Point> = found
        .outcome
        .matches
        .iter()
        .zip(places)
        .enumerate()
        .filter_map(|(i, (m, place))| {
            let place = place?;
            let item = crate::shortlist::Item {
                kind: m.kind,
                id: m.id,
            };
            Some(Point {
                n: view.first() + i,
                name: m.name.clone(),
                label: tr.with("result-distance", "km", &format!("{:.1}", m.distance_km)),
                lat: place.lat,
                lon: place.lon,
                anchor: item.code(),
                href: crate::profile::path(item),
            })
        })
        .collect();
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({ "centre": centre.map(|c| [c.lat, c.lon]), "results": results }))
}

type Places = (Found, Option<GeoPoint>, Vec<Option<GeoPoint>>);

/// Blocking: a centroid lookup per result (ten to twenty a page, by primary key).
fn places(store: &carematch_store::Store, found: Found, postcode: &str) -> Places {
    let centre = coarse(store, Some(postcode));
    // Carers' areas are outward codes; providers' are their published postcodes, shown at
    // the same coarseness.
    let places = found
        .details
        .iter()
        .map(|details| coarse(store, details.area.as_deref()))
        .collect();
    (found, centre, places)
}

/// Every local authority's boundary: public open data (ONS, OGL), the map's base layer.
#[get("/find/areas.geojson")]
async fn areas(state: web::Data<AppState>) -> HttpResponse {
    let store = state.store.clone();
    let Ok(Ok(boundaries)) = web::block(move || store.boundaries()).await else {
        return HttpResponse::ServiceUnavailable().finish();
    };
    let features: Vec<Value> = boundaries
        .into_iter()
        .map(|(code, geometry)| {
            json!({ "type": "Feature", "properties": { "code": code }, "geometry": geometry })
        })
        .collect();
    let mut body = json!({ "type": "FeatureCollection", "features": features });
    round_coordinates(&mut body);
    HttpResponse::Ok()
        .content_type("application/geo+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .json(body)
}

/// "Show these results on a map": the container the script fills when it is opened.
pub fn toggle(tr: &Tr, form: &FindForm, view: ResultView) -> Markup {
    let mut pairs = form.to_pairs();
    if view.page > 1 {
        pairs.push(("result_page".into(), view.page.to_string()));
    }
    if view.order == carematch_service::ResultOrder::Distance {
        pairs.push(("sort".into(), "distance".into()));
    }
    pairs.push(("lang".into(), tr.locale.tag().into()));
    html! {
        details.results-map.no-print {
            summary { (tr.t("results-map-show")) }
            p.hint { (tr.t("results-map-hint")) }
            div #results-map role="application" aria-label=(tr.t("results-map-label"))
                data-points=(link("/find/map.json", &pairs)) data-areas="/find/areas.geojson"
                data-leaflet-js=(LEAFLET_JS) data-leaflet-css=(LEAFLET_CSS) {}
            script src=(SCRIPT) defer {}
        }
    }
}
