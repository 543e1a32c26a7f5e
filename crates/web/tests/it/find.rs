//! Find care: the form, languages and direction, results with the API's reasons, bad input,
//! relaxation links, privacy and page weight.

use awc::http::StatusCode;
use carematch_web::i18n::Locale;

use crate::helpers::TestSite;

const CANTONESE: &str = "/find?postcode=M13+0EG&km=8&language=yue&lang_must=1&cuisine=cantonese&service=meal_preparation";

#[actix_web::test]
async fn the_empty_form_is_light_and_works_without_script() {
    let site = TestSite::spawn().await;
    let page = site.get("/find", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.body.starts_with("<!DOCTYPE html>"));
    assert!(page.body.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(
        page.body
            .contains(r#"<form class="find" method="get" action="/find">"#)
    );
    // Languages are offered by their own names.
    for autonym in ["廣東話", "ਪੰਜਾਬੀ", "Soomaali", "اردو"] {
        assert!(page.body.contains(autonym), "{autonym} offered");
    }
    let css = site.get("/static/site.css", &[]).await;
    let js = site.get("/static/site.js", &[]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(js.status, StatusCode::OK);
    let weight = page.body.len() + css.body.len() + js.body.len();
    assert!(weight < 100 * 1024, "the find page weighs {weight} bytes");
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(page.header("referrer-policy"), "same-origin");
    assert!(
        page.header("content-security-policy")
            .contains("script-src 'self'")
    );
    assert_eq!(site.get("/", &[]).await.status, StatusCode::OK);
}

#[actix_web::test]
async fn every_language_sets_lang_and_dir_and_is_remembered() {
    let site = TestSite::spawn().await;
    for locale in Locale::ALL {
        let page = site.get(&format!("/find?lang={}", locale.tag()), &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = format!(r#"<html lang="{}" dir="{}">"#, locale.tag(), locale.dir());
        assert!(page.body.contains(&html), "{html}");
        assert_eq!(page.header("content-language"), locale.tag());
        assert_eq!(
            page.cookie("carematch_lang"),
            Some(format!("carematch_lang={}", locale.tag()))
        );
    }
    let urdu = site.get("/find?lang=ur", &[]).await;
    assert!(urdu.body.contains(r#"dir="rtl""#));
    // Accept-Language chooses when nothing else does; the cookie beats it.
    let hk = site
        .get("/find", &[("accept-language", "zh-HK,zh;q=0.8,en;q=0.5")])
        .await;
    assert!(hk.body.contains(r#"<html lang="zh-Hant""#));
    let cookie = site
        .get(
            "/find",
            &[
                ("accept-language", "zh-HK"),
                ("cookie", "carematch_lang=pl"),
            ],
        )
        .await;
    assert!(cookie.body.contains(r#"<html lang="pl""#));
    let unknown = site.get("/find", &[("accept-language", "fr-FR, de")]).await;
    assert!(unknown.body.contains(r#"<html lang="en""#));
}

#[actix_web::test]
async fn a_search_shows_ranked_results_with_the_apis_reasons_and_no_private_details() {
    let site = TestSite::spawn().await;
    let page = site.get(CANTONESE, &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("speaks Cantonese ("),
        "reasons as the API words them"
    );
    assert!(page.body.contains("km away"));
    assert!(page.body.contains("Add "), "shortlist buttons");
    // The same search in Traditional Chinese: the reasons in Chinese.
    let zh = site.get(&format!("{CANTONESE}&lang=zh-Hant"), &[]).await;
    assert!(zh.body.contains("會講廣東話（"), "{}", zh.body);
    // Privacy: no contact links, no full postcode of any carer, no coordinates.
    let carer_cards: Vec<&str> = page
        .body
        .split("<article class=\"card\"")
        .filter(|card| card.contains("Personal assistant"))
        .collect();
    assert!(!carer_cards.is_empty());
    for card in &carer_cards {
        // The only contact on a PA's card is the holding agency's (agency_profile.rs tests
        // whose it is).
        let (own, agency) = card
            .split_once(r#"<div class="agency">"#)
            .expect("the holding agency is named");
        assert!(
            !own.contains("tel:") && !own.contains("mailto:"),
            "a carer's contact shown"
        );
        assert!(agency.contains("tel:") && agency.contains("Listed by "));
    }
    for carer in site
        .store
        .list_carers(&Default::default(), carematch_store::Page::new(1, 5000))
        .expect("carers")
        .items
    {
        let postcode = carer.details.postcode.as_str();
        assert!(
            !page.body.contains(&format!(">{postcode}<")),
            "full postcode {postcode} shown"
        );
        let full_name = format!("{} {}", carer.details.given_name, carer.details.family_name);
        assert!(
            !page.body.contains(&full_name),
            "full name {full_name} shown"
        );
    }
}

#[actix_web::test]
async fn bad_postcodes_get_the_form_back_with_a_clear_message() {
    let site = TestSite::spawn().await;
    let invalid = site.get("/find?postcode=NOT+A+CODE", &[]).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        invalid.body.contains("is not a UK postcode"),
        "{}",
        invalid.body
    );
    assert!(invalid.body.contains(r#"aria-invalid="true""#));
    let unknown = site.get("/find?postcode=ZE3+9ZZ", &[]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("We do not know the postcode"));
    // Junk in other fields is ignored, never an error page.
    let junk = site
        .get(
            "/find?postcode=M13+0EG&km=abc&language=zz&when=funday-noon&gender=x",
            &[],
        )
        .await;
    assert_eq!(junk.status, StatusCode::OK);
}

#[actix_web::test]
async fn relaxations_are_links_that_find_more() {
    let site = TestSite::spawn().await;
    // Somali speakers near Skegness are few: essential Somali within 5 km finds nobody.
    let page = site
        .get("/find?postcode=PE25+1AL&km=5&language=som&lang_must=1", &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Not enough results? Try:"),
        "{}",
        page.body
    );
    let href_start = page.body.find("<aside").expect("relaxations");
    let aside = &page.body[href_start..];
    let link = aside
        .split("href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a link");
    let link = link.replace("&amp;", "&");
    assert!(link.starts_with("/find?"), "{link}");
    let wider = site.get(&link, &[]).await;
    assert_eq!(wider.status, StatusCode::OK);
    let count = |body: &str| body.matches("<article class=\"card\"").count();
    assert!(
        count(&wider.body) > count(&page.body),
        "following {link} found more"
    );
}

/// The text of each reason on a results page (`<li class="met"><b>Yes</b> speaks ...</li>`),
/// without the outcome and the "essential" mark.
fn reasons(body: &str) -> Vec<String> {
    body.split(r#"<ul class="reasons">"#)
        .skip(1)
        .filter_map(|list| list.split("</ul>").next())
        .flat_map(|list| list.split("<li class=").skip(1))
        .filter_map(|item| {
            let text = item.split("</b>").nth(1)?.split("</li>").next()?;
            Some(text.split(" <em>").next()?.trim().to_owned())
        })
        .collect()
}

#[actix_web::test]
async fn reasons_are_in_the_page_language_in_every_locale() {
    let site = TestSite::spawn().await;
    // Language, cooking, help, faith, gender and times: many kinds of reason, carers and
    // providers.
    let search = format!(
        "{CANTONESE}&practice=prayer_times&gender=female&when=tue-morning&when=sat-evening"
    );
    let english = site.get(&format!("{search}&lang=en"), &[]).await;
    assert_eq!(english.status, StatusCode::OK);
    let sentences = reasons(&english.body);
    assert!(sentences.len() > 20, "{sentences:?}");
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("speaks Cantonese ("))
    );
    assert!(sentences.iter().any(|s| s.ends_with(" km away")));
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let page = site
            .get(&format!("{search}&lang={}", locale.tag()), &[])
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let translated = reasons(&page.body);
        assert_eq!(translated.len(), sentences.len(), "{}", locale.tag());
        let results = page
            .body
            .split(r#"<section class="results""#)
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .expect("a results section");
        assert!(
            !results.contains(r#"lang="en""#),
            "{}: English marked in results",
            locale.tag()
        );
        for sentence in &sentences {
            assert!(
                !results.contains(sentence.as_str()),
                "{}: the English reason {sentence:?} is on the page",
                locale.tag()
            );
        }
        for word in [
            "speaks ",
            "km away",
            "cooks ",
            "offers ",
            "hours by arrangement",
            " more",
        ] {
            assert!(
                !results.contains(word),
                "{}: {word:?} in {results}",
                locale.tag()
            );
        }
    }
}

/// The ids of the result cards on a page, in order (`<article class="card" id="c12">`).
fn card_ids(body: &str) -> Vec<String> {
    body.split(r#"<article class="card" id=""#)
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_owned))
        .collect()
}

/// The distances of the cards on a page ("About 1.5 km away").
fn distances(body: &str) -> Vec<f64> {
    body.split("About ")
        .skip(1)
        .filter_map(|s| s.split(" km away").next()?.parse().ok())
        .collect()
}

#[actix_web::test]
async fn results_say_what_was_searched_first_and_page_through_everything_that_fits() {
    let site = TestSite::spawn().await;
    let first = site
        .get(
            "/find?postcode=M13+0EG&km=10&service=personal_care&lang=en",
            &[],
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let body = &first.body;
    // The search in words and the form to change it come before the first result.
    let summary = body.find("Within 10 km of M13 0EG.").expect("the summary");
    let change = body
        .find("<summary>Change search</summary>")
        .expect("change search");
    let first_card = body.find(r#"<article class="card""#).expect("a result");
    assert!(
        summary < change && change < first_card,
        "summary, change search, results"
    );
    assert!(
        body[summary..change].contains("Personal care"),
        "the need in words"
    );
    // A full page, then a link to the next one; no "not enough results?" box.
    let page_one = card_ids(body);
    assert_eq!(page_one.len(), 20);
    assert!(body.contains("Results 1 to 20"));
    assert!(!body.contains("Not enough results?"));
    let next = body
        .split(r#"<a rel="next" href=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a next page")
        .replace("&amp;", "&");
    assert!(
        next.contains("result_page=2") && next.contains("lang=en"),
        "{next}"
    );
    let second = site.get(&next, &[]).await;
    assert!(
        second.body.contains("Results 21 to 40"),
        "the second page says where it is"
    );
    assert!(second.body.contains(r#"<ol class="cards" start="21">"#));
    assert!(second.body.contains(r#"rel="prev""#));
    let page_two = card_ids(&second.body);
    assert!(!page_two.is_empty());
    assert!(
        page_two.iter().all(|id| !page_one.contains(id)),
        "no result twice"
    );

    // Every result that fits can be reached: follow the pages to the end.
    let mut seen = page_one.clone();
    let mut page = 2;
    loop {
        let body = site
            .get(
                &format!("/find?postcode=M13+0EG&km=10&service=personal_care&result_page={page}"),
                &[],
            )
            .await
            .body;
        let ids = card_ids(&body);
        assert!(
            ids.iter().all(|id| !seen.contains(id)),
            "page {page} repeats"
        );
        seen.extend(ids);
        if !body.contains(r#"rel="next""#) {
            break;
        }
        page += 1;
    }
    assert!(seen.len() > 40, "{} results over {page} pages", seen.len());
}

#[actix_web::test]
async fn nearest_first_orders_every_result_by_distance() {
    let site = TestSite::spawn().await;
    let fit = site.get("/find?postcode=M13+0EG&km=10&lang=en", &[]).await;
    assert!(
        fit.body
            .contains(r#"<strong aria-current="true">Best fit first</strong>"#)
    );
    let near = site
        .get("/find?postcode=M13+0EG&km=10&sort=distance&lang=en", &[])
        .await;
    assert!(
        near.body
            .contains(r#"<strong aria-current="true">Nearest first</strong>"#)
    );
    let km = distances(&near.body);
    assert_eq!(km.len(), 20, "{km:?}");
    assert!(km.windows(2).all(|w| w[0] <= w[1]), "{km:?}");
    // The second page carries on from the first.
    let next = site
        .get(
            "/find?postcode=M13+0EG&km=10&sort=distance&result_page=2&lang=en",
            &[],
        )
        .await;
    let further = distances(&next.body);
    assert!(further.first() >= km.last(), "{further:?} after {km:?}");
}

#[actix_web::test]
async fn suggestions_to_widen_come_after_the_few_results_found() {
    let site = TestSite::spawn().await;
    // Essential Cantonese near Manchester: a few, fewer than a page.
    let page = site
        .get(
            "/find?postcode=M13+0EG&km=3&language=yue&lang_must=1&lang=en",
            &[],
        )
        .await;
    let cards = card_ids(&page.body);
    assert!(
        !cards.is_empty() && cards.len() < 20,
        "{} results",
        cards.len()
    );
    let relax = page
        .body
        .find("Not enough results? Try:")
        .expect("suggestions");
    let last_card = page
        .body
        .rfind(r#"<article class="card""#)
        .expect("results");
    assert!(relax > last_card, "suggestions below the results");
}

/// Over the demo data an unknown postcode says which areas the demo covers, each with a
/// postcode to try, in the page's language.
#[actix_web::test]
async fn an_unknown_postcode_lists_the_demo_areas() {
    let site = TestSite::spawn().await;
    let page = site.get("/find?postcode=SW1A+1AA&lang=en", &[]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.body.contains("This is a demonstration"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Bristol"));
    assert!(page.body.contains("BS5 0JH"));
    let so = site.get("/find?postcode=SW1A+1AA&lang=so", &[]).await;
    assert!(so.body.contains("Kani waa tusaale"));
    // A known demo postcode from the list finds carers.
    let found = site.get("/find?postcode=BS5+0JH&lang=en", &[]).await;
    assert_eq!(found.status, StatusCode::OK);
}

#[actix_web::test]
async fn the_results_map_places_each_result_at_its_area_never_at_an_address() {
    let site = TestSite::spawn().await;
    let query = "postcode=M13+0EG&km=10&service=personal_care&lang=en";
    let page = site.get(&format!("/find?{query}"), &[]).await;
    assert!(
        page.body
            .contains("<summary>Show these results on a map</summary>")
    );
    let (status, _, body) = site
        .app
        .request(
            "GET",
            &format!("/find/map.json?{query}"),
            None,
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let map: serde_json::Value = serde_json::from_str(&body).expect("json");
    let results = map["results"].as_array().expect("results");
    assert_eq!(
        results.len(),
        card_ids(&page.body).len(),
        "one point per card"
    );
    for point in results {
        let anchor = point["anchor"].as_str().expect("anchor");
        let id: i64 = anchor[1..].parse().expect("id");
        let (lat, lon) = (
            point["lat"].as_f64().expect("lat"),
            point["lon"].as_f64().expect("lon"),
        );
        let outward = if anchor.starts_with('c') {
            let carer = site
                .store
                .get_carer(carematch_domain::CarerId(id))
                .expect("read")
                .expect("carer");
            // Never the carer's own place.
            assert!(
                (carer.location.lat - lat).abs() > 1e-9 || (carer.location.lon - lon).abs() > 1e-9,
                "{anchor} at its exact location"
            );
            carer.details.postcode.outward()
        } else {
            site.store
                .get_provider(carematch_domain::ProviderId(id))
                .expect("read")
                .expect("provider")
                .details
                .postcode
                .outward()
        };
        let centroid = site
            .store
            .district_centroid(&outward)
            .expect("read")
            .expect("centroid");
        // PostgreSQL's average and the in-memory one may differ in the last bit.
        assert!(
            (lat - centroid.lat).abs() < 1e-9 && (lon - centroid.lon).abs() < 1e-9,
            "{anchor} at ({lat}, {lon}), not at {outward}'s centroid {centroid:?}"
        );
    }
    assert_eq!(results[0]["n"], 1);
    // The base layer: the authorities' boundaries, public open data.
    carematch_testkit::import_demo_open_data(&site.store);
    let (status, headers, body) = site
        .app
        .request("GET", "/find/areas.geojson", None, &[], Vec::new())
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/geo+json")
    );
    let areas: serde_json::Value = serde_json::from_str(&body).expect("geojson");
    assert!(areas["features"].as_array().is_some_and(|f| !f.is_empty()));
}
