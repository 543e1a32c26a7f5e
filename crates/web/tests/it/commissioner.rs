//! The commissioner map: sign-in, the inline SVG, the sortable table and the downloads.

use awc::http::StatusCode;
use carematch_domain::Role;

use crate::helpers::{TestSite, import_open_data};

#[actix_web::test]
async fn the_map_shows_authorities_by_gap_with_downloads() {
    let site = TestSite::spawn().await;
    let (agency_key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (refused, _) = site.sign_in(&agency_key, "/commissioner").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let (key, _) = site.key(Role::Commissioner, None);
    let (_, cookie) = site.sign_in(&key, "/commissioner").await;
    let cookie = cookie.expect("cookie");
    let empty = site.get("/commissioner", &[("cookie", &cookie)]).await;
    assert_eq!(empty.status, StatusCode::CONFLICT);
    assert!(
        empty
            .body
            .contains("No local authorities have been imported yet"),
        "{}",
        empty.body
    );

    import_open_data(&site.store);
    let page = site
        .get(
            "/commissioner?need=language:yue&max_km=10",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(r#"src="/commissioner/gaps.svg?need="#));
    assert!(page.body.contains("Manchester"));
    let svg = site
        .get(
            "/commissioner/gaps.svg?need=language:yue&max_km=10&lang=en",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(svg.status, StatusCode::OK);
    assert_eq!(svg.header("content-type"), "image/svg+xml");
    assert!(svg.body.starts_with("<svg"));
    assert!(
        svg.body
            .contains("Cantonese speakers: carers and services within 10 km")
    );
    assert!(!svg.body.contains("language:yue"));
    assert!(page.body.contains(r#"aria-sort="descending""#));
    let by_area = site
        .get(
            "/commissioner?need=language:yue&max_km=10&sort=area",
            &[("cookie", &cookie)],
        )
        .await;
    let rows: Vec<&str> = by_area
        .body
        .split(r#"<th scope="row">"#)
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .collect();
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted);
    assert!(rows.len() >= 3);

    let csv = site
        .get(
            "/commissioner/gaps.csv?need=language:yue&max_km=10",
            &[("cookie", &cookie)],
        )
        .await;
    assert!(csv.header("content-type").starts_with("text/csv"));
    // Two `#` lines (the question, the demand figure) before the header.
    assert!(csv.body.starts_with("# need: ") && csv.body.contains("\ncode,name,"));
    let geojson = site
        .get(
            "/commissioner/gaps.geojson?need=language:yue&max_km=10",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(geojson.header("content-type"), "application/geo+json");
    assert!(geojson.body.contains("FeatureCollection"));
    // No personal data: no carer is named on the map page.
    assert!(!page.body.contains("Personal assistant"));
    let anonymous = site
        .get("/commissioner/gaps.csv?need=language:yue", &[])
        .await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}

/// The demo's open data (`fixtures/open-data/demo/`, as `serve --demo` loads it): the
/// interactive map's container, title, legend and caveats in the page's language, the
/// vendored Leaflet served with long caching, the rounded GeoJSON the map fetches, and a page
/// under 150 KB.
#[actix_web::test]
async fn the_demo_map_is_interactive_translated_and_light() {
    let site = TestSite::spawn().await;
    carematch_testkit::import_demo_open_data(&site.store);
    let (key, _) = site.key(Role::Commissioner, None);
    let (_, cookie) = site.sign_in(&key, "/commissioner").await;
    let cookie = cookie.expect("cookie");
    let page = site
        .get(
            "/commissioner?need=language:yue&max_km=10&lang=en",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for part in [
        r#"id="gap-map""#,
        r#"id="map-widget""#,
        "/static/vendor/leaflet-1.9.4/leaflet.js",
        "/static/vendor/leaflet-1.9.4/leaflet.css",
        "/static/map.js",
        "Cantonese speakers: carers and services within 10 km",
        "Read these figures with care",
        "Zoom to London",
        "Tower Hamlets",
        "Bristol",
        "Cornwall",
        "Camden",
        r#"data-code="E09000030""#,
        // Without JavaScript the server's SVG map is still there, as an image.
        r#"<img src="/commissioner/gaps.svg?need=language%3Ayue&amp;max_km=10&amp;lang=en""#,
    ] {
        assert!(page.body.contains(part), "{part} missing");
    }
    assert!(
        page.body.len() < 150 * 1024,
        "the page is {} bytes",
        page.body.len()
    );

    let halal = site
        .get(
            "/commissioner?need=diet:halal&max_km=5&lang=en",
            &[("cookie", &cookie)],
        )
        .await;
    assert!(halal.body.contains("counted as needing halal food"));

    let zh = site
        .get(
            "/commissioner?need=language:yue&max_km=10&lang=zh-Hant",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(zh.status, StatusCode::OK);
    // The code is only a form value (the picker's option) and in links, never shown.
    let shown = zh
        .body
        .replace(r#"value="language:yue""#, "")
        .replace("need=language%3Ayue", "")
        .replace("need=language:yue", "");
    assert!(!shown.contains("language:yue"), "a raw code is shown");
    assert!(!shown.contains("Cantonese speakers"));
    assert!(
        zh.body.contains("公里內的護理員和服務"),
        "the title is translated"
    );
    assert!(zh.body.contains("放大到倫敦"));

    for (path, content_type) in [
        (
            "/static/vendor/leaflet-1.9.4/leaflet.js",
            "text/javascript; charset=utf-8",
        ),
        (
            "/static/vendor/leaflet-1.9.4/leaflet.css",
            "text/css; charset=utf-8",
        ),
    ] {
        let asset = site.get(path, &[]).await;
        assert_eq!(asset.status, StatusCode::OK, "{path}");
        assert_eq!(asset.header("content-type"), content_type, "{path}");
        assert_eq!(
            asset.header("cache-control"),
            "public, max-age=31536000, immutable",
            "{path}"
        );
        assert!(asset.body.contains("leaflet"), "{path}");
    }
    let script = site.get("/static/map.js", &[]).await;
    assert_eq!(script.status, StatusCode::OK);
    assert_eq!(
        script.header("content-type"),
        "text/javascript; charset=utf-8"
    );
    assert!(script.header("cache-control").contains("max-age="));

    let geojson = site
        .get(
            "/commissioner/gaps.geojson?need=language:yue&max_km=10&map=1",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(geojson.status, StatusCode::OK);
    assert_eq!(geojson.header("content-type"), "application/geo+json");
    let value: serde_json::Value = serde_json::from_str(&geojson.body).expect("json");
    let features = value["features"].as_array().expect("features");
    assert!(features.len() >= 40, "{} areas", features.len());
    fn decimals_ok(value: &serde_json::Value) -> bool {
        match value {
            serde_json::Value::Array(items) => items.iter().all(decimals_ok),
            serde_json::Value::Number(n) => n
                .as_f64()
                .is_some_and(|x| ((x * 10_000.0).round() / 10_000.0 - x).abs() < 1e-9),
            _ => true,
        }
    }
    assert!(
        features
            .iter()
            .all(|f| decimals_ok(&f["geometry"]["coordinates"])),
        "coordinates rounded to 4 decimals"
    );
}
