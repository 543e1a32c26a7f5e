//! The locator the market report used before 2026-12-07 (git 7754ce7), kept only so the bench
//! can time old against new on the same bases in the same run: a 0.02° grid whose cells crossed
//! by a boundary list the areas crossing them, each tested with the whole polygon.

use carematch_domain::GeoPoint;
use carematch_matching::gaps::{Area, Geometry};

const CELL_DEG: f64 = 0.02;

enum Cell {
    Inside(Option<u32>),
    Edge(Vec<u32>),
}

pub struct PreviousLocator<'a> {
    areas: &'a [Area],
    origin: [f64; 2],
    cols: usize,
    rows: usize,
    cells: Vec<Cell>,
}

impl<'a> PreviousLocator<'a> {
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
            })
            .unwrap_or([0.0; 4]);
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
                    let c0 = cell_of(origin[0], pair[0][0].min(pair[1][0]), cols);
                    let c1 = cell_of(origin[0], pair[0][0].max(pair[1][0]), cols);
                    let r0 = cell_of(origin[1], pair[0][1].min(pair[1][1]), rows);
                    let r1 = cell_of(origin[1], pair[0][1].max(pair[1][1]), rows);
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
        self.areas
            .iter()
            .enumerate()
            .map(|(i, a)| (i, a.centroid.distance_km(point)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

fn cell_of(origin: f64, x: f64, len: usize) -> usize {
    (((x - origin) / CELL_DEG).max(0.0) as usize).min(len.saturating_sub(1))
}
