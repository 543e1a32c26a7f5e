//! Areas a gap map is drawn over: local authorities (with their boundaries) or hexagons.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use carematch_domain::geo::GeoPoint;

/// A GeoJSON geometry as the boundary files give it (`[lon, lat]` positions, EPSG:4326).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Geometry {
    Point {
        coordinates: [f64; 2],
    },
    Polygon {
        coordinates: Vec<Vec<[f64; 2]>>,
    },
    MultiPolygon {
        coordinates: Vec<Vec<Vec<[f64; 2]>>>,
    },
}

impl Geometry {
    /// Polygons (each: outer ring, then holes); a point has none.
    pub fn polygons(&self) -> Vec<&[Vec<[f64; 2]>]> {
        match self {
            Self::Point { .. } => Vec::new(),
            Self::Polygon { coordinates } => vec![coordinates.as_slice()],
            Self::MultiPolygon { coordinates } => coordinates.iter().map(Vec::as_slice).collect(),
        }
    }

    /// `[min_lon, min_lat, max_lon, max_lat]`, or `None` with no positions.
    pub fn bbox(&self) -> Option<[f64; 4]> {
        let mut bbox: Option<[f64; 4]> = None;
        let mut add = |p: &[f64; 2]| {
            let b = bbox.get_or_insert([p[0], p[1], p[0], p[1]]);
            b[0] = b[0].min(p[0]);
            b[1] = b[1].min(p[1]);
            b[2] = b[2].max(p[0]);
            b[3] = b[3].max(p[1]);
        };
        match self {
            Self::Point { coordinates } => add(coordinates),
            _ => {
                for polygon in self.polygons() {
                    polygon.iter().flatten().for_each(&mut add);
                }
            }
        }
        bbox
    }

    /// Whether the point is inside (even-odd rule over each polygon's rings, so holes are out).
    pub fn contains(&self, point: GeoPoint) -> bool {
        let (x, y) = (point.lon, point.lat);
        self.polygons().into_iter().any(|rings| {
            let mut inside = false;
            for ring in rings {
                let n = ring.len();
                if n < 3 {
                    continue;
                }
                let mut j = n - 1;
                for i in 0..n {
                    let (xi, yi) = (ring[i][0], ring[i][1]);
                    let (xj, yj) = (ring[j][0], ring[j][1]);
                    if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                    j = i;
                }
            }
            inside
        })
    }
}

/// One area of a gap map.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// GSS code (`E08000003`) or H3 cell (`86195da4fffffff`).
    pub code: String,
    pub name: String,
    pub region: Option<String>,
    /// Where supply is measured to: the authority's centroid or the cell's centre.
    pub centroid: GeoPoint,
    pub geometry: Option<Geometry>,
    bbox: Option<[f64; 4]>,
}

impl Area {
    pub fn new(
        code: impl Into<String>,
        name: impl Into<String>,
        region: Option<String>,
        centroid: GeoPoint,
        geometry: Option<Geometry>,
    ) -> Self {
        let bbox = geometry.as_ref().and_then(Geometry::bbox);
        Self {
            code: code.into(),
            name: name.into(),
            region,
            centroid,
            geometry,
            bbox,
        }
    }

    /// Whether the point is inside the area's boundary (false without one).
    pub fn contains(&self, point: GeoPoint) -> bool {
        let Some(b) = self.bbox else {
            return false;
        };
        point.lon >= b[0]
            && point.lon <= b[2]
            && point.lat >= b[1]
            && point.lat <= b[3]
            && self.geometry.as_ref().is_some_and(|g| g.contains(point))
    }
}

/// The area a point falls in: the first whose boundary contains it, else the one with the
/// nearest centroid (points in the sea, or areas without boundaries). `None` with no areas.
pub fn locate_area(areas: &[Area], point: GeoPoint) -> Option<usize> {
    areas.iter().position(|a| a.contains(point)).or_else(|| {
        areas
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.centroid.distance_km(point)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    })
}

/// A local authority as mySociety lists it (current and former ones).
#[derive(Debug, Clone, PartialEq)]
pub struct Authority {
    pub gss: String,
    pub name: String,
    pub region: Option<String>,
    pub nation: Option<String>,
    pub centroid: Option<GeoPoint>,
    /// The GSS code of the authority this one was merged into (or renumbered as).
    pub replaced_by: Option<String>,
    pub population: Option<u64>,
}

impl Authority {
    /// A current English district or unitary authority with a centroid: the areas analysed.
    /// (County councils, `E10`, overlap their districts and are left out.)
    pub fn is_analysed(&self) -> bool {
        self.nation.as_deref() == Some("England")
            && self.replaced_by.is_none()
            && self.centroid.is_some()
            && ["E06", "E07", "E08", "E09"]
                .iter()
                .any(|prefix| self.gss.starts_with(prefix))
    }
}

/// Every authority by GSS code, with roll-up of former codes into their successors.
#[derive(Debug, Clone, Default)]
pub struct Authorities {
    by_gss: HashMap<String, Authority>,
}

/// How many `replaced_by` hops roll-up follows before giving up (a cycle or a bad file).
const MAX_HOPS: usize = 8;

impl Authorities {
    pub fn new(list: impl IntoIterator<Item = Authority>) -> Self {
        Self {
            by_gss: list.into_iter().map(|a| (a.gss.clone(), a)).collect(),
        }
    }

    pub fn get(&self, gss: &str) -> Option<&Authority> {
        self.by_gss.get(gss)
    }

    pub fn len(&self) -> usize {
        self.by_gss.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_gss.is_empty()
    }

    /// The analysed authority a code counts towards: itself when current, else its successor
    /// (following `replaced_by`, e.g. Allerdale `E07000026` -> Cumberland `E06000063`). `None`
    /// for unknown codes, other nations, county councils and codes split between successors.
    pub fn roll_up(&self, gss: &str) -> Option<&Authority> {
        let mut current = self.by_gss.get(gss)?;
        for _ in 0..MAX_HOPS {
            match &current.replaced_by {
                None => return current.is_analysed().then_some(current),
                Some(next) => current = self.by_gss.get(next)?,
            }
        }
        None
    }

    /// The analysed authorities, in GSS order.
    pub fn analysed(&self) -> Vec<&Authority> {
        let mut list: Vec<&Authority> = self.by_gss.values().filter(|a| a.is_analysed()).collect();
        list.sort_by(|a, b| a.gss.cmp(&b.gss));
        list
    }
}
