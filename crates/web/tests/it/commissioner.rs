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
    assert!(page.body.contains("<svg"));
    assert!(page.body.contains("Manchester"));
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
