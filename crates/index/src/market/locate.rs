//! Which authority a base lies in, fast enough for a million bases: the same answer as
//! [`carematch_matching::gaps::locate_area`] (the boundary that contains the point, else the
//! nearest centroid), with a grid so that most points need no polygon test at all.
//!
//! The grid covers the areas' bounding box in cells of [`CELL_DEG`]. A cell crossed by no
//! boundary edge lies wholly inside one area (or outside all): its answer is found once, from
//! its centre. A cell some edge crosses keeps the list of areas with an edge in it; a point
//! there is tested against those only (an area that covers part of a cell has an edge in it).

use carematch_domain::GeoPoint;
use carematch_matching::gaps::{Area, Geometry};

/// Grid cell size in degrees (about 2.2 km north-south).
const CELL_DEG: f64 = 0.02;

/// What one grid cell knows.
#[derive(Debug, Clone)]
enum Cell {
    /// No edge crosses it: every point is in this area (or, `None`, in none).
    Inside(Option<u32>),
    /// Edges cross it: the areas (indexes) whose boundary passes through.
    Edge(Vec<u32>),
}

/// Locates points in a fixed list of areas.
#[derive(Debug, Clone)]
pub struct AreaLocator<'a> {
    areas: &'a [Area],
    origin: [f64; 2],
    cols: usize,
    rows: usize,
    cells: Vec<Cell>,
}

impl<'a> AreaLocator<'a> {
    pub fn new(areas: &'a [Area]) -> Self {
        let bbox = areas
            .iter()
            .filter_map(|a| a.geometry.as_ref().and_then(Geometry::bbox))
            .reduce(|a, b| {
                [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]
            });
        let Some(bbox) = bbox else {
            return Self {
                areas,
                origin: [0.0, 0.0],
                cols: 0,
                rows: 0,
                cells: Vec::new(),
            };
        };
        let cols = ((bbox[2] - bbox[0]) / CELL_DEG).ceil() as usize + 1;
        let rows = ((bbox[3] - bbox[1]) / CELL_DEG).ceil() as usize + 1;
        let origin = [bbox[0], bbox[1]];
        let mut edges: Vec<Vec<u32>> = vec![Vec::new(); cols * rows];
        for (i, area) in (0u32..).zip(areas) {
            let Some(geometry) = &area.geometry else {
                continue;
            };
            for ring in geometry.polygons().into_iter().flatten() {
                for pair in ring.windows(2) {
                    // Every cell of the segment's bounding box: a superset of those it crosses.
                    let c0 = cell_of(origin, pair[0][0].min(pair[1][0]), cols);
                    let c1 = cell_of(origin, pair[0][0].max(pair[1][0]), cols);
                    let r0 = cell_of([origin[1], 0.0], pair[0][1].min(pair[1][1]), rows);
                    let r1 = cell_of([origin[1], 0.0], pair[0][1].max(pair[1][1]), rows);
                    for r in r0..=r1 {
                        for c in c0..=c1 {
                            let list = &mut edges[r * cols + c];
                            if list.last() != Some(&i) {
                                list.push(i);
                            }
                        }
                    }
                }
            }
        }
        let cells = edges
            .into_iter()
            .enumerate()
            .map(|(n, mut list)| {
                if list.is_empty() {
                    let centre = GeoPoint {
                        lat: origin[1] + ((n / cols) as f64 + 0.5) * CELL_DEG,
                        lon: origin[0] + ((n % cols) as f64 + 0.5) * CELL_DEG,
                    };
                    Cell::Inside(
                        areas
                            .iter()
                            .position(|a| a.contains(centre))
                            .and_then(|i| u32::try_from(i).ok()),
                    )
                } else {
                    list.sort_unstable();
                    list.dedup();
                    Cell::Edge(list)
                }
            })
            .collect();
        Self {
            areas,
            origin,
            cols,
            rows,
            cells,
        }
    }

    /// The index of the area containing `point`, else of the nearest centroid; `None` with no
    /// areas.
    pub fn locate(&self, point: GeoPoint) -> Option<usize> {
        let col = (point.lon - self.origin[0]) / CELL_DEG;
        let row = (point.lat - self.origin[1]) / CELL_DEG;
        if col >= 0.0 && row >= 0.0 && (col as usize) < self.cols && (row as usize) < self.rows {
            match &self.cells[row as usize * self.cols + col as usize] {
                Cell::Inside(Some(i)) => return Some(*i as usize),
                Cell::Inside(None) => {}
                Cell::Edge(list) => {
                    if let Some(i) = list
                        .iter()
                        .find(|i| self.areas[**i as usize].contains(point))
                    {
                        return Some(*i as usize);
                    }
                }
            }
        }
        self.nearest(point)
    }

    /// The area with the nearest centroid (points in the sea, areas without boundaries).
    fn nearest(&self, point: GeoPoint) -> Option<usize> {
        self.areas
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.centroid.distance_km(point)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

fn cell_of(origin: [f64; 2], x: f64, len: usize) -> usize {
    (((x - origin[0]) / CELL_DEG).max(0.0) as usize).min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use carematch_matching::gaps::locate_area;

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

    /// Agrees with the gap code's linear search on a grid of points, inside, on either side
    /// of shared edges, and in the "sea" outside every area.
    #[test]
    fn agrees_with_the_linear_search() {
        let mut areas = vec![
            square("A", -1.0, 52.0, 0.5),
            square("B", -0.5, 52.0, 0.5),
            square("C", -1.0, 52.5, 0.173),
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
        for i in 0..120 {
            for j in 0..120 {
                let point = GeoPoint {
                    lat: 51.8 + f64::from(i) * 0.0091,
                    lon: -1.2 + f64::from(j) * 0.0133,
                };
                assert_eq!(
                    locator.locate(point),
                    locate_area(&areas, point),
                    "{point:?}"
                );
            }
        }
    }
}
