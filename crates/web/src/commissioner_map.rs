//! The commissioner's interactive gap map: the title and legend in plain words in the page's
//! language, the report's caveats beside the map, and the container `static/map.js` draws into
//! with Leaflet (vendored, `static/vendor/leaflet-1.9.4/`). Without JavaScript the container
//! stays hidden and the server-drawn SVG and the table carry the same report.

use actix_web::{HttpResponse, get};
use carematch_domain::vocabulary::{Code, Cuisine, DietaryLaw, Language};
use carematch_matching::gaps::{GapReport, NeedSet, NeedTerm, Severity};
use maud::{Markup, html};
use serde_json::{Value, json};

use crate::i18n::Tr;

/// Where the vendored Leaflet is served; the version is in the path, so a year's caching is safe.
pub const LEAFLET_JS: &str = "/static/vendor/leaflet-1.9.4/leaflet.js";
pub const LEAFLET_CSS: &str = "/static/vendor/leaflet-1.9.4/leaflet.css";
/// The page's own script (changes with the code: an hour's caching, like site.js).
pub const MAP_JS: &str = "/static/map.js";

const LEAFLET_JS_BODY: &str = include_str!("../static/vendor/leaflet/leaflet.js");
const LEAFLET_CSS_BODY: &str = include_str!("../static/vendor/leaflet/leaflet.css");
const MAP_JS_BODY: &str = include_str!("../static/map.js");

/// Decimals kept in the coordinates the page fetches: 4 is about 10 m, far below what a
/// screen shows of an authority's generalised boundary, and it halves the download.
const MAP_DECIMALS: i32 = 4;

fn immutable(content_type: &str, body: &'static str) -> HttpResponse {
    crate::cached_asset(content_type, body, "public, max-age=31536000, immutable")
}

#[get("/static/vendor/leaflet-1.9.4/leaflet.js")]
async fn leaflet_js() -> HttpResponse {
    immutable("text/javascript; charset=utf-8", LEAFLET_JS_BODY)
}

#[get("/static/vendor/leaflet-1.9.4/leaflet.css")]
async fn leaflet_css() -> HttpResponse {
    immutable("text/css; charset=utf-8", LEAFLET_CSS_BODY)
}

#[get("/static/map.js")]
async fn map_js() -> HttpResponse {
    crate::asset("text/javascript; charset=utf-8", MAP_JS_BODY)
}

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(leaflet_js).service(leaflet_css).service(map_js);
}

/// One term of a need in plain words: "Cantonese speakers", "People who want Cantonese cooking".
fn term_phrase(tr: &Tr, term: NeedTerm) -> String {
    let (kind, name) = match term {
        NeedTerm::Language(c) => ("language", language_name(tr, c)),
        NeedTerm::Cuisine(c) => ("cuisine", tr.code(c)),
        NeedTerm::Diet(c) => ("diet", tr.code(c)),
        NeedTerm::FaithPractice(c) => ("faith_practice", tr.code(c)),
        NeedTerm::Service(c) => ("service", tr.code(c)),
        NeedTerm::Experience(c) => ("experience", tr.code(c)),
        NeedTerm::Gender(c) => ("gender", tr.code(c)),
    };
    tr.with(&format!("map-need-{kind}"), "name", &name)
}

/// A language as the site names it in this page's language: by its English name on English
/// pages, else by its own name (autonym) as the find form and the reasons do (the catalogues
/// hold no language names), else its English name.
fn language_name(tr: &Tr, language: Language) -> String {
    if tr.locale == crate::i18n::Locale::En {
        return language.label_en().to_owned();
    }
    language.autonym().unwrap_or(language.label_en()).to_owned()
}

/// The server's SVG map (the no-JavaScript map) with its English subtitle, which spells the
/// need as a code (`Need language:yue (speaks Cantonese) …`), left out: the page's own title
/// says it in plain words.
pub fn without_code_subtitle(svg: String) -> String {
    let mut lines: Vec<&str> = svg.lines().collect();
    lines.retain(|line| !(line.starts_with("<text ") && line.contains(">Need ")));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The need in plain words, every term joined: never a raw `language:yue`.
pub fn need_phrase(tr: &Tr, need: &NeedSet) -> String {
    need.terms()
        .iter()
        .map(|term| term_phrase(tr, *term))
        .reduce(|first, second| {
            tr.args(
                "map-need-join",
                &[("first", first.into()), ("second", second.into())],
            )
        })
        .unwrap_or_default()
}

/// "Cantonese speakers: carers and services within 10 km".
pub fn title(tr: &Tr, need: &NeedSet, max_km: &str) -> String {
    tr.args(
        "map-heading",
        &[
            ("need", need_phrase(tr, need).into()),
            ("km", max_km.to_owned().into()),
        ],
    )
}

/// The message saying how far to trust the census figure for one term, if any (the same cases
/// as `carematch_domain::census`, in the page's language).
fn caveat_id(term: NeedTerm) -> Option<&'static str> {
    use carematch_domain::census::CensusSource;
    let counted = matches!(
        term.census_source(),
        CensusSource::Counted { caveat: None, .. }
    );
    if counted {
        return None;
    }
    Some(match term {
        NeedTerm::Language(Language::Syl) => "map-caveat-syl",
        NeedTerm::Language(Language::Hak) => "map-caveat-hak",
        NeedTerm::Language(Language::Nan) => "map-caveat-nan",
        NeedTerm::Language(Language::Zho) => "map-caveat-zho",
        NeedTerm::Language(Language::Kmr | Language::Ckb) => "map-caveat-kurdish",
        NeedTerm::Language(Language::Prs) => "map-caveat-prs",
        NeedTerm::Language(Language::Pnb) => "map-caveat-pnb",
        NeedTerm::Language(Language::Twi) => "map-caveat-twi",
        NeedTerm::Language(_) => "map-caveat-language-none",
        NeedTerm::Diet(DietaryLaw::Halal) => "map-caveat-halal",
        NeedTerm::Diet(DietaryLaw::Kosher) => "map-caveat-kosher",
        NeedTerm::Diet(_) => "map-caveat-diet-none",
        NeedTerm::Cuisine(Cuisine::Pakistani) => "map-caveat-pakistani",
        NeedTerm::Cuisine(_) => match term.census_source() {
            CensusSource::Counted { .. } => "map-caveat-cuisine",
            CensusSource::NoFigure { .. } => "map-caveat-cuisine-none",
        },
        NeedTerm::FaithPractice(_) => "map-caveat-faith-none",
        NeedTerm::Service(_) | NeedTerm::Experience(_) => "map-caveat-service-none",
        NeedTerm::Gender(_) => "map-caveat-gender-none",
    })
}

/// The caveats shown beside the map: the method's, then one per term whose figure is pooled,
/// a proxy or missing (each once).
pub fn caveats(tr: &Tr, need: &NeedSet) -> Vec<String> {
    let mut ids = vec!["map-caveat-method"];
    for id in need.terms().iter().filter_map(|t| caveat_id(*t)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter().map(|id| tr.t(id)).collect()
}

/// The words `map.js` shows, in the page's language.
fn strings(tr: &Tr) -> Value {
    let bands: serde_json::Map<String, Value> = Severity::ALL
        .iter()
        .map(|s| {
            (
                s.code().to_owned(),
                Value::String(tr.t(&format!("severity-{}", s.code()))),
            )
        })
        .collect();
    let mut words = serde_json::Map::new();
    for (key, id) in [
        ("zoomIn", "map-zoom-in"),
        ("zoomOut", "map-zoom-out"),
        ("showOnMap", "map-show-on-map"),
        ("empty", "map-details-empty"),
        ("demand", "map-detail-demand"),
        ("demandInReach", "map-detail-demand-in-reach"),
        ("share", "map-detail-share"),
        ("carers", "map-detail-carers"),
        ("providers", "map-detail-providers"),
        ("nearest", "map-detail-nearest"),
        ("nearestNone", "map-detail-nearest-none"),
        ("band", "map-detail-band"),
        ("sectors", "map-detail-sectors"),
        ("unknown", "map-detail-unknown"),
        ("shareColumn", "map-col-share"),
        ("failed", "map-failed"),
    ] {
        words.insert(key.to_owned(), Value::String(tr.t(id)));
    }
    // Templates: map.js puts the figures in place of `{km}`, `{category}` and `{table}`.
    words.insert(
        "km".to_owned(),
        Value::String(tr.with("distance-km", "km", "{km}")),
    );
    words.insert(
        "censusFigure".to_owned(),
        Value::String(tr.args(
            "map-census-figure",
            &[
                ("category", "{category}".into()),
                ("table", "{table}".into()),
            ],
        )),
    );
    json!({ "bands": bands, "words": words })
}

/// The interactive map's part of the page: title, legend, caveats, the (hidden until drawn)
/// map with its controls and details, and the scripts. `geojson` is the rounded report's URL.
pub fn interactive(tr: &Tr, report: &GapReport, max_km: &str, geojson: &str) -> Markup {
    let heading = title(tr, &report.need, max_km);
    let count = |band: Severity| report.rows.iter().filter(|r| r.severity == band).count();
    html! {
        link rel="stylesheet" href=(LEAFLET_CSS);
        h2 #map-title { (heading) }
        div.map-aside {
            section.legend aria-labelledby="legend-title" {
                h3 #legend-title { (tr.t("map-legend-title")) }
                ul.legend {
                    @for band in Severity::ALL {
                        li {
                            span class=(format!("swatch {}", band.code())) aria-hidden="true" {}
                            " " (tr.t(&format!("severity-{}", band.code())))
                            " " span.muted { "(" (tr.count("map-legend-count", "count", count(band) as f64)) ")" }
                        }
                    }
                }
            }
            section.caveats aria-labelledby="caveats-title" {
                h3 #caveats-title { (tr.t("map-caveats-title")) }
                ul #map-caveats {
                    @for caveat in caveats(tr, &report.need) { li { (caveat) } }
                }
            }
        }
        div #map-widget.map-widget hidden data-geojson=(geojson) data-lang=(tr.locale.tag())
            data-strings=(strings(tr).to_string()) {
            p #map-keys.hint { (tr.t("map-keys")) }
            p.map-buttons {
                button #zoom-london type="button" { (tr.t("map-zoom-london")) }
                " "
                button #zoom-all type="button" { (tr.t("map-zoom-all")) }
            }
            div.map-frame {
                div #gap-map role="region" aria-label=(format!("{} — {}", tr.t("map-interactive"), heading))
                    aria-describedby="map-keys" {}
                section #map-details.map-details aria-labelledby="details-title" {
                    h3 #details-title { (tr.t("map-details-title")) }
                    div #details-body aria-live="polite" { p { (tr.t("map-details-empty")) } }
                }
            }
        }
        script src=(LEAFLET_JS) defer {}
        script src=(MAP_JS) defer {}
    }
}

/// Rounds every number in a GeoJSON geometry's `coordinates` to [`MAP_DECIMALS`] (in place).
pub fn round_coordinates(value: &mut Value) {
    fn round(value: &mut Value) {
        match value {
            Value::Array(items) => items.iter_mut().for_each(round),
            Value::Number(n) => {
                if let Some(x) = n.as_f64() {
                    let scale = 10f64.powi(MAP_DECIMALS);
                    if let Some(r) = serde_json::Number::from_f64((x * scale).round() / scale) {
                        *n = r;
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(features) = value.get_mut("features").and_then(Value::as_array_mut) {
        for feature in features {
            if let Some(coordinates) = feature.pointer_mut("/geometry/coordinates") {
                round(coordinates);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn titles_are_plain_words_in_the_page_language() {
        let need = NeedSet::parse("language:yue").expect("need");
        let en = title(&Tr::new(Locale::En), &need, "10");
        assert_eq!(en, "Cantonese speakers: carers and services within 10 km");
        let zh = title(&Tr::new(Locale::ZhHant), &need, "10");
        assert!(!zh.contains("language:"), "{zh}");
        assert!(!zh.contains("Cantonese"), "{zh}");
        assert!(zh.contains("廣東話"), "{zh}");
        let both = NeedSet::parse("language:yue,cuisine:cantonese").expect("need");
        let text = need_phrase(&Tr::new(Locale::En), &both);
        assert!(text.contains(" and "), "{text}");
    }

    #[test]
    fn the_svg_loses_only_its_code_subtitle() {
        let svg = "<svg>\n<text y=\"28\">Title</text>\n<text y=\"50\">Need language:yue (speaks Cantonese)</text>\n</svg>".to_owned();
        let out = without_code_subtitle(svg);
        assert!(!out.contains("language:yue"));
        assert!(out.contains("Title"));
    }

    #[test]
    fn caveats_follow_the_census_source() {
        let tr = Tr::new(Locale::En);
        let syl = caveats(&tr, &NeedSet::parse("language:syl").expect("need"));
        assert!(syl.iter().any(|c| c.contains("Sylheti")), "{syl:?}");
        let yue = caveats(&tr, &NeedSet::parse("language:yue").expect("need"));
        assert_eq!(yue.len(), 1, "only the method's: {yue:?}");
        let halal = caveats(&tr, &NeedSet::parse("diet:halal").expect("need"));
        assert!(halal.iter().any(|c| c.contains("Muslim")), "{halal:?}");
    }

    #[test]
    fn coordinates_are_rounded_and_properties_kept() {
        let mut value = json!({"features": [{"geometry": {"coordinates": [[[-2.123456789, 53.987654321]]]},
            "properties": {"lat": 53.123456789}}]});
        round_coordinates(&mut value);
        assert_eq!(
            value.pointer("/features/0/geometry/coordinates/0/0/0"),
            Some(&json!(-2.1235))
        );
        assert_eq!(
            value.pointer("/features/0/properties/lat"),
            Some(&json!(53.123456789))
        );
    }
}
