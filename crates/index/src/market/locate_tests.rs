//! The locator against the exact test ([`locate_area`]): on constructed squares (shared edges,
//! an area inside another's box, an area without a boundary) and on the demo's real boundaries,
//! at random points, at vertices, and within a hair of edges on either side.

use std::collections::HashMap;
use std::path::Path;

use carematch_matching::gaps::{Authorities, Geometry, locate_area};
use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};
use carematch_testkit::Rng;

use super::*;

fn square(code: &str, lon: f64, lat: f64, size: f64) -> Area {
    let ring = vec![
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
    ];
    Area::new(
        code,
        code,
        None,
        GeoPoint {
            lat: lat + size / 2.0,
            lon: lon + size / 2.0,
        },
        Some(Geometry::Polygon {
            coordinates: vec![ring],
        }),
    )
}

fn assert_agrees(locator: &AreaLocator<'_>, areas: &[Area], point: GeoPoint) {
    assert_eq!(
        locator.locate(point),
        locate_area(areas, point),
        "{point:?}"
    );
}

/// Points on, and within 1e-7 to 1e-13 degrees either side of, every vertex and the middle of
/// every edge.
fn near_edges(areas: &[Area]) -> Vec<GeoPoint> {
    let mut points = Vec::new();
    for area in areas {
        let Some(geometry) = &area.geometry else {
            continue;
        };
        for ring in geometry.polygons().into_iter().flatten() {
            for pair in ring.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
                // The edge's normal, so offsets step across it.
                let (nx, ny) = (b[1] - a[1], a[0] - b[0]);
                let len = nx.hypot(ny).max(1e-12);
                for at in [a, mid] {
                    for offset in [0.0, 1e-7, -1e-7, 1e-10, -1e-10, 1e-13, -1e-13] {
                        points.push(GeoPoint {
                            lat: at[1] + ny / len * offset,
                            lon: at[0] + nx / len * offset,
                        });
                    }
                }
            }
        }
    }
    points
}

/// Agrees with the exact test on a dense grid of points, inside, on either side of shared
/// edges, in a square inside another's bounding box, and in the "sea" outside every area.
#[test]
fn agrees_with_the_exact_test_on_squares() {
    let mut areas = vec![
        square("A", -1.0, 52.0, 0.5),
        square("B", -0.5, 52.0, 0.5),
        square("C", -1.0, 52.5, 0.173),
        // Overlaps A: where both contain a point, the first (A) wins.
        square("O", -0.8, 52.2, 0.05),
    ];
    areas.push(Area::new(
        "D",
        "D",
        None,
        GeoPoint {
            lat: 51.0,
            lon: 0.0,
        },
        None,
    ));
    let locator = AreaLocator::new(&areas);
    for i in 0..160 {
        for j in 0..160 {
            let point = GeoPoint {
                lat: 51.8 + f64::from(i) * 0.0071,
                lon: -1.2 + f64::from(j) * 0.0103,
            };
            assert_agrees(&locator, &areas, point);
        }
    }
    for point in near_edges(&areas) {
        assert_agrees(&locator, &areas, point);
    }
}

fn demo_areas() -> Vec<Area> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/open-data/demo");
    let file = std::fs::File::open(dir.join("local_authorities.csv")).expect("authorities");
    let authorities = Authorities::new(read_authorities_csv(file).expect("csv"));
    let file = std::fs::File::open(dir.join("lad_2023_buc.geojson")).expect("boundaries");
    let boundaries: HashMap<_, _> = read_boundaries_geojson(std::io::BufReader::new(file))
        .expect("geojson")
        .into_iter()
        .map(|b| (b.gss, b.geometry))
        .collect();
    crate::gaps::authority_areas(&authorities, &boundaries)
}

/// On the demo's boundaries (rounded to four decimals, so many points sit exactly on a
/// boundary's vertices and lines): random points over and around them, every vertex and edge
/// middle with tiny offsets across, and points on the four-decimal lattice.
#[test]
fn agrees_with_the_exact_test_on_the_demo_boundaries() {
    let areas = demo_areas();
    assert!(
        areas.iter().filter(|a| a.geometry.is_some()).count() >= 5,
        "the demo has boundaries"
    );
    let locator = AreaLocator::new(&areas);
    let boxes: Vec<[f64; 4]> = areas
        .iter()
        .filter_map(|a| a.geometry.as_ref().and_then(Geometry::bbox))
        .collect();
    let low = |i: usize| boxes.iter().map(|b| b[i]).fold(f64::INFINITY, f64::min);
    let high = |i: usize| boxes.iter().map(|b| b[i]).fold(f64::NEG_INFINITY, f64::max);
    let bbox = [low(0), low(1), high(2), high(3)];
    let mut rng = Rng::new(20);
    let mut inside = 0;
    for _ in 0..200_000 {
        let point = GeoPoint {
            lat: rng.range(bbox[1] - 0.2, bbox[3] + 0.2),
            lon: rng.range(bbox[0] - 0.2, bbox[2] + 0.2),
        };
        assert_agrees(&locator, &areas, point);
        inside += usize::from(areas.iter().any(|a| a.contains(point)));
    }
    assert!(inside > 1_000, "some random points fall inside boundaries");
    let near = near_edges(&areas);
    assert!(near.len() > 1_000);
    for point in near {
        assert_agrees(&locator, &areas, point);
    }
    // The lattice the vertices lie on, around the first boundary's first vertex.
    let start = areas
        .iter()
        .find_map(|a| {
            a.geometry
                .as_ref()?
                .polygons()
                .first()?
                .first()?
                .first()
                .copied()
        })
        .expect("a vertex");
    for i in -300..300 {
        for j in -300..300 {
            let point = GeoPoint {
                lat: ((start[1] * 1e4).round() + f64::from(i)) / 1e4,
                lon: ((start[0] * 1e4).round() + f64::from(j)) / 1e4,
            };
            assert_agrees(&locator, &areas, point);
        }
    }
}

#[test]
fn no_areas_and_no_boundaries() {
    let none: Vec<Area> = Vec::new();
    let point = GeoPoint {
        lat: 52.0,
        lon: -1.0,
    };
    assert_eq!(AreaLocator::new(&none).locate(point), None);
    let centroids: Vec<Area> = (0..40)
        .map(|i| {
            let centre = GeoPoint {
                lat: 50.0 + f64::from(i) * 0.13,
                lon: -3.0 + f64::from(i % 7) * 0.41,
            };
            Area::new(format!("E{i}"), "x", None, centre, None)
        })
        .collect();
    let locator = AreaLocator::new(&centroids);
    let mut rng = Rng::new(7);
    for _ in 0..2_000 {
        let point = GeoPoint {
            lat: rng.range(49.0, 56.0),
            lon: rng.range(-5.0, 2.0),
        };
        assert_agrees(&locator, &centroids, point);
    }
}
