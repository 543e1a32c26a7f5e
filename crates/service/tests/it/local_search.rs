//! A text search with a place keeps every local match (issue 21, item 5): the word is in most
//! records nationally, the records elsewhere score higher, and the city holds more matches than
//! the 11,000 best national hits the search used to rank before looking at distance.

use std::collections::BTreeSet;

use carematch_domain::{Actor, CarerDetails, GeoPoint};
use carematch_matching::Viewer;
use carematch_service::SearchRequest;
use carematch_store::NewCarer;

use crate::support::{POSTCODE, World, carer};

/// Matches within the radius: more than the old cap of 11,000 national hits.
const LOCAL_MATCHES: usize = 11_200;
/// Matches elsewhere, each scoring above every local one.
const FAR_MATCHES: usize = 2_000;

/// `M13 0EG` in the fixture gazetteer.
fn centre() -> GeoPoint {
    GeoPoint::new(53.461_91, -2.222_11).expect("point")
}

/// Spread `i` of `n` over a disc of `max_km` around `from`, deterministically (a sunflower).
fn spread(from: GeoPoint, i: usize, n: usize, max_km: f64) -> GeoPoint {
    let r = max_km * ((i as f64 + 0.5) / n as f64).sqrt();
    let angle = i as f64 * 2.399_963;
    at(from, r * angle.cos(), r * angle.sin())
}

/// The point `north_km` north and `east_km` east of `from` (flat approximation, fine at city
/// scale).
fn at(from: GeoPoint, north_km: f64, east_km: f64) -> GeoPoint {
    let lat = from.lat + north_km / 111.2;
    let lon = from.lon + east_km / (111.2 * from.lat.to_radians().cos());
    GeoPoint::new(lat, lon).expect("point")
}

fn with_bio(name: &str, bio: &str) -> CarerDetails {
    let mut details = carer(name);
    details.bio = bio.to_owned();
    // The word is only in the bio, so which records match is known exactly.
    details.experience.clear();
    details.public_listing_consent = true;
    details
}

/// Stores `rows` in one transaction and catches the engine up; their ids in order.
fn store(world: &World, rows: &[NewCarer]) -> Vec<carematch_domain::CarerId> {
    let ids = world
        .db
        .store
        .insert_carers(rows, &|_| {}, &Actor::system("test"))
        .expect("stored");
    world
        .service
        .engine()
        .expect("engine")
        .catch_up()
        .expect("caught up");
    ids
}

fn search(world: &World, pairs: &[(&str, &str)], viewer: Viewer) -> carematch_service::SearchPage {
    let pairs = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let request = SearchRequest::from_pairs(pairs).expect("request");
    world.service.search(request, viewer).expect("search")
}

/// Every id across the pages of a search, and the total each page reported.
fn every_page(world: &World, pairs: &[(&str, &str)]) -> (Vec<i64>, BTreeSet<u64>) {
    let mut ids = Vec::new();
    let mut totals = BTreeSet::new();
    for page in 1.. {
        let page = page.to_string();
        let mut with_page = pairs.to_vec();
        with_page.extend([("page", page.as_str()), ("per_page", "100")]);
        let found = search(world, &with_page, Viewer::Public);
        totals.insert(found.total);
        if found.items.is_empty() {
            break;
        }
        ids.extend(found.items.iter().map(|item| item.id));
    }
    (ids, totals)
}

#[test]
fn a_common_word_in_a_dense_city_returns_every_local_match_across_pages() {
    let world = World::new();
    let agency = world.agencies[0];
    let mut rows = Vec::new();
    let mut expected = Vec::new();
    for i in 0..LOCAL_MATCHES {
        rows.push(NewCarer {
            agency_id: agency,
            details: with_bio(
                "Local",
                "Experienced with dementia, happy to help with shopping, cooking and visits",
            ),
            location: spread(centre(), i, LOCAL_MATCHES, 7.0),
        });
        expected.push(rows.len() - 1);
    }
    // Leeds, 55 km away: the word three times in a short bio, so each outscores every local one.
    let leeds = GeoPoint::new(53.796, -1.548).expect("point");
    for i in 0..FAR_MATCHES {
        rows.push(NewCarer {
            agency_id: agency,
            details: with_bio("Far", "dementia dementia dementia"),
            location: spread(leeds, i, FAR_MATCHES, 5.0),
        });
    }
    // Local records without the word, and matches just beyond the radius: none is a result.
    for i in 0..200 {
        rows.push(NewCarer {
            agency_id: agency,
            details: with_bio("Other", "Cooks Cantonese food, helps with shopping"),
            location: spread(centre(), i, 200, 7.0),
        });
        rows.push(NewCarer {
            agency_id: agency,
            details: with_bio("Beyond", "dementia"),
            location: at(centre(), 0.0, 13.0),
        });
    }
    let ids = store(&world, &rows);
    let expected: BTreeSet<i64> = expected.iter().map(|&i| ids[i].0).collect();

    let pairs = [
        ("q", "dementia"),
        ("postcode", POSTCODE),
        ("radius_km", "10"),
    ];
    let (found, totals) = every_page(&world, &pairs);
    assert_eq!(
        totals,
        BTreeSet::from([LOCAL_MATCHES as u64]),
        "one exact total"
    );
    assert_eq!(found.len(), LOCAL_MATCHES, "no record twice, none missing");
    assert_eq!(found.iter().copied().collect::<BTreeSet<_>>(), expected);

    // Facets count every result, not the page.
    let first = search(&world, &pairs, Viewer::Public);
    let kinds = &first.facets.kind;
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0].count, LOCAL_MATCHES as u64);
    // Without a place, the national ranking puts the higher-scoring records first.
    let national = search(
        &world,
        &[("q", "dementia"), ("per_page", "5")],
        Viewer::Public,
    );
    assert!(
        national
            .items
            .iter()
            .all(|item| item.name.starts_with("Far")),
        "{:?}",
        national.items
    );
}

#[test]
fn a_rural_search_finds_its_few_matches_and_nothing_beyond() {
    let world = World::new();
    let agency = world.agencies[0];
    // Near Kirkby Stephen, Cumbria: no fixture postcode, so the search gives a point.
    let village = GeoPoint::new(54.472, -2.349).expect("point");
    let rows: Vec<NewCarer> = [
        (
            "Near",
            "Dementia care and befriending",
            at(village, 1.0, 2.0),
        ),
        (
            "Edge",
            "dementia and night support",
            at(village, -14.0, 0.0),
        ),
        (
            "Nomatch",
            "Night support and shopping",
            at(village, 0.5, 0.0),
        ),
        ("Beyond", "dementia", at(village, 0.0, 17.0)),
    ]
    .into_iter()
    .map(|(name, bio, location)| NewCarer {
        agency_id: agency,
        details: with_bio(name, bio),
        location,
    })
    .collect();
    let ids = store(&world, &rows);

    let lat = village.lat.to_string();
    let lon = village.lon.to_string();
    let pairs = [
        ("q", "dementia"),
        ("lat", lat.as_str()),
        ("lon", lon.as_str()),
        ("radius_km", "15"),
    ];
    let page = search(&world, &pairs, Viewer::Public);
    assert_eq!(page.total, 2);
    let found: Vec<i64> = page.items.iter().map(|item| item.id).collect();
    assert_eq!(found.len(), 2);
    assert!(
        found.contains(&ids[0].0) && found.contains(&ids[1].0),
        "{found:?}"
    );
    // Public distances stay coarse: whole or half kilometres.
    for item in &page.items {
        let km = item.distance_km.expect("distance");
        assert_eq!((km * 2.0).fract(), 0.0, "{km}");
    }
    // Two words, one of them in no record: the search falls back to either word, locally.
    let pairs = [
        ("q", "dementia zzyzx"),
        ("lat", lat.as_str()),
        ("lon", lon.as_str()),
        ("radius_km", "15"),
    ];
    assert_eq!(search(&world, &pairs, Viewer::Public).total, 2);
}
