//! Polygon service areas: exact point-in-polygon with holes, on `[lon, lat]` rings (GeoJSON order).
//!
//! The test is planar in longitude and latitude, as GeoJSON itself is; over the size of an English
//! borough the difference from a spherical test is far below the precision of the boundaries.

use std::ops::Range;

use carematch_domain::geo::GeoPoint;

/// A polygon: the first ring is the outline, any further rings are holes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AreaPolygon {
    rings: Vec<Vec<[f64; 2]>>,
    /// `[min_lon, min_lat, max_lon, max_lat]` of the outline, for a quick reject.
    bbox: [f64; 4],
}

impl AreaPolygon {
    /// Builds a polygon from GeoJSON rings; `None` when there is no outline with at least 3 positions.
    pub fn new(rings: Vec<Vec<[f64; 2]>>) -> Option<Self> {
        let outline = rings.first()?;
        if outline.len() < 3 {
            return None;
        }
        let mut bbox = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for [lon, lat] in outline {
            bbox[0] = bbox[0].min(*lon);
            bbox[1] = bbox[1].min(*lat);
            bbox[2] = bbox[2].max(*lon);
            bbox[3] = bbox[3].max(*lat);
        }
        Some(Self { rings, bbox })
    }

    pub fn rings(&self) -> &[Vec<[f64; 2]>] {
        &self.rings
    }

    /// True when `point` is inside the outline and outside every hole.
    pub fn contains(&self, point: GeoPoint) -> bool {
        let (x, y) = (point.lon, point.lat);
        if !in_bbox(&self.bbox, x, y) {
            return false;
        }
        let mut rings = self.rings.iter();
        let Some(outline) = rings.next() else {
            return false;
        };
        ring_contains(outline, x, y) && !rings.any(|hole| ring_contains(hole, x, y))
    }

    /// The furthest vertex of the outline from `centre`, in km: every point of the polygon lies
    /// within it (the furthest point of a polygon from any point is one of its vertices).
    pub fn bounding_radius_km(&self, centre: GeoPoint) -> f64 {
        self.rings.first().map_or(0.0, |outline| {
            outline
                .iter()
                .filter_map(|[lon, lat]| GeoPoint::new(*lat, *lon).ok())
                .map(|vertex| centre.distance_km(vertex))
                .fold(0.0, f64::max)
        })
    }

    /// The centre of the outline's bounding box.
    pub fn bbox_centre(&self) -> Option<GeoPoint> {
        GeoPoint::new(
            (self.bbox[1] + self.bbox[3]) / 2.0,
            (self.bbox[0] + self.bbox[2]) / 2.0,
        )
        .ok()
    }
}

fn in_bbox(bbox: &[f64; 4], x: f64, y: f64) -> bool {
    !(x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3])
}

/// Polygons stored flat, numbered in the order pushed: bounding boxes in one array, rings as
/// ranges of one array of positions. Testing the polygons of a run of candidates then reads a
/// few adjacent lines instead of chasing every polygon's own allocations (a side-table entry,
/// its ring list, each ring); [`PolygonTable::contains`] answers exactly as
/// [`AreaPolygon::contains`].
#[derive(Debug, Clone, Default)]
pub(crate) struct PolygonTable {
    entries: Vec<PolygonEntry>,
    /// Ranges of `points`, the rings of every polygon in turn.
    rings: Vec<Range<u32>>,
    points: Vec<[f64; 2]>,
}

#[derive(Debug, Clone)]
struct PolygonEntry {
    bbox: [f64; 4],
    /// The polygon's rings in [`PolygonTable::rings`]; the first is the outline.
    rings: Range<u32>,
}

impl PolygonTable {
    /// Appends `polygon` (`None`, a polygon area that could not be built, contains no point).
    ///
    /// # Panics
    /// With more than `u32::MAX` rings or positions in all.
    pub(crate) fn push(&mut self, polygon: Option<&AreaPolygon>) {
        let index = |n: usize| u32::try_from(n).expect("fewer than 2^32 polygon positions");
        let first_ring = index(self.rings.len());
        let bbox = match polygon {
            Some(polygon) => {
                for ring in &polygon.rings {
                    let start = index(self.points.len());
                    self.points.extend_from_slice(ring);
                    self.rings.push(start..index(self.points.len()));
                }
                polygon.bbox
            }
            None => [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
        };
        self.entries.push(PolygonEntry {
            bbox,
            rings: first_ring..index(self.rings.len()),
        });
    }

    /// Whether `point` lies inside polygon number `k` (and outside its holes).
    #[inline]
    pub(crate) fn contains(&self, k: usize, point: GeoPoint) -> bool {
        let (x, y) = (point.lon, point.lat);
        let Some(entry) = self.entries.get(k) else {
            return false;
        };
        if !in_bbox(&entry.bbox, x, y) {
            return false;
        }
        let ring = |r: &Range<u32>| {
            self.points
                .get(r.start as usize..r.end as usize)
                .unwrap_or_default()
        };
        let Some(rings) = self
            .rings
            .get(entry.rings.start as usize..entry.rings.end as usize)
        else {
            return false;
        };
        let mut rings = rings.iter();
        let Some(outline) = rings.next() else {
            return false;
        };
        ring_contains(ring(outline), x, y) && !rings.any(|hole| ring_contains(ring(hole), x, y))
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.entries.len() * size_of::<PolygonEntry>()
            + self.rings.len() * size_of::<Range<u32>>()
            + self.points.len() * size_of::<[f64; 2]>()
    }
}

/// Even-odd ray casting; a ring may or may not repeat its first position at the end.
fn ring_contains(ring: &[[f64; 2]], x: f64, y: f64) -> bool {
    let mut inside = false;
    let n = ring.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let [xi, yi] = ring[i];
        let [xj, yj] = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<[f64; 2]> {
        vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    }

    #[test]
    fn inside_the_outline_but_not_in_the_hole() {
        let area = AreaPolygon::new(vec![
            square(-1.3, 52.5, -1.0, 52.8),
            square(-1.2, 52.6, -1.1, 52.7),
        ])
        .expect("polygon");
        let p = |lat, lon| GeoPoint::new(lat, lon).expect("point");
        assert!(area.contains(p(52.55, -1.25)));
        assert!(!area.contains(p(52.65, -1.15)), "in the hole");
        assert!(!area.contains(p(52.9, -1.15)), "outside");
        let centre = p(52.65, -1.15);
        let r = area.bounding_radius_km(centre);
        assert!(r > 19.0 && r < 20.0, "{r}");
    }

    #[test]
    fn rejects_rings_without_an_outline() {
        assert!(AreaPolygon::new(vec![]).is_none());
        assert!(AreaPolygon::new(vec![vec![[0.0, 0.0], [1.0, 1.0]]]).is_none());
    }
}
