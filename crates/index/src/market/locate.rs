//! Which authority a base lies in, fast enough for a million bases: the same answer as
//! [`carematch_matching::gaps::locate_area`] (the first area whose boundary contains the point,
//! else the nearest centroid), from a grid built once per report.
//!
//! The grid covers the boundaries' bounding box in cells of [`CELL_DEG`]. Each cell has a
//! reference point whose containment in every polygon is found when the grid is built, by one
//! horizontal scan per row of cells: the same even-odd crossing rule, with the same
//! arithmetic, as [`carematch_matching::gaps::Geometry::contains`]. A cell no edge crosses lies
//! wholly inside what its reference point is inside: it answers at once. A cell that edges cross
//! keeps only those edges, per polygon; a point there is inside a polygon when its reference
//! point is and the segment between them crosses an even number of the polygon's edges (only
//! the cell's own edges can cross it, the cell being convex). So a point tests a handful of
//! edges instead of whole boundaries of up to 1,550 vertices. Where an orientation is too close
//! to zero for its sign to be trusted (a point on or within rounding of an edge), the answer is
//! the exact polygon test's. Points in no area get the nearest centroid from a coarse grid that
//! keeps, per cell, only the centroids that can be nearest to some point of it.

use carematch_domain::GeoPoint;
use carematch_matching::gaps::{Area, locate_area};

/// Fine grid cell size in degrees (about 2.2 km north-south).
const CELL_DEG: f64 = 0.02;
/// Coarse (nearest-centroid) grid cell size in degrees.
const COARSE_DEG: f64 = 0.25;
/// Where a cell's reference point sits, as fractions of the cell: off-centre and off round
/// numbers, so that it is unlikely to lie on a boundary (whose vertices are often rounded).
const REFERENCE: [f64; 2] = [0.487_123_9, 0.512_876_3];
/// Degrees an edge's bounding box is widened by when cells are given their edges, so that an
/// edge along a cell's side belongs to the cells on both sides.
const EDGE_MARGIN: f64 = 1e-9;
/// An orientation within this share of its terms' size may have the wrong sign (rounding).
const ORIENT_EPS: f64 = 1e-12;
/// Flags an index into `edge_cells` in `cells`.
const EDGE_CELL: u32 = 1 << 31;
/// In `cells` and `cover`: no area.
const NO_AREA: u32 = EDGE_CELL - 1;

/// One polygon with edges in one edge cell.
#[derive(Debug, Clone)]
struct CellPart {
    area: u32,
    /// Whether the cell's reference point is inside the polygon.
    inside_at_reference: bool,
    /// Its edges crossing the cell: `segments[edges.0..edges.1]`.
    edges: (u32, u32),
}

/// A cell that boundary edges cross.
#[derive(Debug, Clone)]
struct EdgeCell {
    reference: [f64; 2],
    /// The first area containing the whole cell (through a polygon with no edge in it).
    cover: u32,
    /// `parts[parts.0..parts.1]`, in area order.
    parts: (u32, u32),
}

/// Locates points in a fixed list of areas.
#[derive(Debug, Clone)]
pub struct AreaLocator<'a> {
    areas: &'a [Area],
    origin: [f64; 2],
    cols: usize,
    rows: usize,
    /// Per cell: the area it lies in, [`NO_AREA`], or `EDGE_CELL | index` into `edge_cells`.
    cells: Vec<u32>,
    edge_cells: Vec<EdgeCell>,
    parts: Vec<CellPart>,
    /// Edges as `[xi, yi, xj, yj]` (longitude, latitude), copied per cell.
    segments: Vec<[f64; 4]>,
    nearest: NearestGrid,
}

impl<'a> AreaLocator<'a> {
    pub fn new(areas: &'a [Area]) -> Self {
        // Every polygon of every area is a part with its own parity, as `Geometry::contains`
        // takes each polygon's rings together and an area contains what any polygon does.
        let mut part_area: Vec<u32> = Vec::new();
        let mut edges: Vec<([f64; 4], u32)> = Vec::new();
        for (i, area) in (0u32..).zip(areas) {
            let Some(geometry) = &area.geometry else {
                continue;
            };
            for polygon in geometry.polygons() {
                let part = u32::try_from(part_area.len()).unwrap_or(NO_AREA);
                part_area.push(i);
                for ring in polygon.iter().filter(|r| r.len() >= 3) {
                    // The same pairs, in the same order, as the exact test (`j` before `i`).
                    let mut j = ring.len() - 1;
                    for (k, p) in ring.iter().enumerate() {
                        edges.push(([p[0], p[1], ring[j][0], ring[j][1]], part));
                        j = k;
                    }
                }
            }
        }
        let bbox = edges.iter().fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |b, (e, _)| {
                [
                    b[0].min(e[0]).min(e[2]),
                    b[1].min(e[1]).min(e[3]),
                    b[2].max(e[0]).max(e[2]),
                    b[3].max(e[1]).max(e[3]),
                ]
            },
        );
        let mut locator = Self {
            areas,
            origin: [0.0, 0.0],
            cols: 0,
            rows: 0,
            cells: Vec::new(),
            edge_cells: Vec::new(),
            parts: Vec::new(),
            segments: Vec::new(),
            nearest: NearestGrid::new(areas, bbox),
        };
        if edges.is_empty() || !bbox.iter().all(|v| v.is_finite()) {
            return locator;
        }
        locator.origin = [bbox[0], bbox[1]];
        locator.cols = ((bbox[2] - bbox[0]) / CELL_DEG).ceil() as usize + 1;
        locator.rows = ((bbox[3] - bbox[1]) / CELL_DEG).ceil() as usize + 1;
        locator.fill(&edges, &part_area);
        locator
    }

    /// Gives every cell its answer or its edges: one scan per row of cells along the row's
    /// reference latitude finds every reference point's containment.
    fn fill(&mut self, edges: &[([f64; 4], u32)], part_area: &[u32]) {
        let (cols, rows) = (self.cols, self.rows);
        let cell_x = |x: f64| axis_cell(self.origin[0], x, cols);
        let cell_y = |y: f64| axis_cell(self.origin[1], y, rows);
        // (cell, part, edge) for every cell an edge's (widened) bounding box touches, and the
        // edges by row for the scans.
        let mut hits: Vec<(u32, u32, u32)> = Vec::new();
        let mut by_row: Vec<Vec<u32>> = vec![Vec::new(); rows];
        for (n, (e, part)) in (0u32..).zip(edges) {
            let (c0, c1) = (
                cell_x(e[0].min(e[2]) - EDGE_MARGIN),
                cell_x(e[0].max(e[2]) + EDGE_MARGIN),
            );
            let (r0, r1) = (
                cell_y(e[1].min(e[3]) - EDGE_MARGIN),
                cell_y(e[1].max(e[3]) + EDGE_MARGIN),
            );
            for (r, row_edges) in by_row.iter_mut().enumerate().take(r1 + 1).skip(r0) {
                row_edges.push(n);
                for c in c0..=c1 {
                    hits.push((u32::try_from(r * cols + c).unwrap_or(u32::MAX), *part, n));
                }
            }
        }
        hits.sort_unstable();
        self.cells = vec![NO_AREA; cols * rows];
        let mut crossings: Vec<(f64, u32)> = Vec::new();
        // Parts whose polygon contains the current reference point (rarely more than one).
        let mut odd: Vec<u32> = Vec::new();
        let mut hit_end = hits.len();
        for row in (0..rows).rev() {
            let y = self.origin[1] + (row as f64 + REFERENCE[1]) * CELL_DEG;
            crossings.clear();
            crossings.extend(by_row[row].iter().filter_map(|n| {
                let ([xi, yi, xj, yj], part) = edges[*n as usize];
                ((yi > y) != (yj > y)).then(|| ((xj - xi) * (y - yi) / (yj - yi) + xi, part))
            }));
            crossings.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            odd.clear();
            let mut k = crossings.len();
            for col in (0..cols).rev() {
                let x = self.origin[0] + (col as f64 + REFERENCE[0]) * CELL_DEG;
                // The exact test counts the edges crossed right of the point (`x < x_int`).
                while k > 0 && crossings[k - 1].0 > x {
                    k -= 1;
                    let part = crossings[k].1;
                    match odd.iter().position(|p| *p == part) {
                        Some(at) => {
                            odd.swap_remove(at);
                        }
                        None => odd.push(part),
                    }
                }
                let cell = row * cols + col;
                let hit_start = hits[..hit_end].partition_point(|h| (h.0 as usize) < cell);
                let in_cell = &hits[hit_start..hit_end];
                hit_end = hit_start;
                let first_area = |parts: &mut dyn Iterator<Item = &u32>| {
                    parts
                        .map(|p| part_area[*p as usize])
                        .min()
                        .unwrap_or(NO_AREA)
                };
                if in_cell.is_empty() {
                    self.cells[cell] = first_area(&mut odd.iter());
                    continue;
                }
                let cover =
                    first_area(&mut odd.iter().filter(|p| in_cell.iter().all(|h| h.1 != **p)));
                let parts_start = self.parts.len();
                for group in in_cell.chunk_by(|a, b| a.1 == b.1) {
                    let part = group[0].1;
                    let start = self.segments.len();
                    self.segments
                        .extend(group.iter().map(|h| edges[h.2 as usize].0));
                    self.parts.push(CellPart {
                        area: part_area[part as usize],
                        inside_at_reference: odd.contains(&part),
                        edges: (index(start), index(self.segments.len())),
                    });
                }
                self.edge_cells.push(EdgeCell {
                    reference: [x, y],
                    cover,
                    parts: (index(parts_start), index(self.parts.len())),
                });
                self.cells[cell] = EDGE_CELL | index(self.edge_cells.len() - 1);
            }
        }
    }

    /// The index of the area containing `point`, else of the nearest centroid; `None` with no
    /// areas.
    pub fn locate(&self, point: GeoPoint) -> Option<usize> {
        let col = (point.lon - self.origin[0]) / CELL_DEG;
        let row = (point.lat - self.origin[1]) / CELL_DEG;
        // Outside the grid (or not a number) is outside every boundary.
        if !(col >= 0.0 && row >= 0.0 && (col as usize) < self.cols && (row as usize) < self.rows) {
            return self.nearest.nearest(self.areas, point);
        }
        let found = match self.cells[row as usize * self.cols + col as usize] {
            NO_AREA => NO_AREA,
            v if v & EDGE_CELL != 0 => {
                match self.in_edge_cell(&self.edge_cells[(v & !EDGE_CELL) as usize], point) {
                    Some(area) => area,
                    // Too close to an edge to decide by orientations: the exact test.
                    None => return locate_area(self.areas, point),
                }
            }
            area => area,
        };
        if found == NO_AREA {
            self.nearest.nearest(self.areas, point)
        } else {
            Some(found as usize)
        }
    }

    /// The first area containing `point` in an edge cell ([`NO_AREA`] for none); `None` when
    /// an orientation's sign cannot be trusted.
    fn in_edge_cell(&self, cell: &EdgeCell, point: GeoPoint) -> Option<u32> {
        let p = [point.lon, point.lat];
        let r = cell.reference;
        let mut best = cell.cover;
        for part in &self.parts[cell.parts.0 as usize..cell.parts.1 as usize] {
            if part.area >= best {
                break;
            }
            let mut inside = part.inside_at_reference;
            for edge in &self.segments[part.edges.0 as usize..part.edges.1 as usize] {
                if crosses(r, p, edge)? {
                    inside = !inside;
                }
            }
            if inside {
                best = part.area;
            }
        }
        Some(best)
    }
}

fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn axis_cell(origin: f64, x: f64, len: usize) -> usize {
    (((x - origin) / CELL_DEG).max(0.0) as usize).min(len.saturating_sub(1))
}

/// Whether segment `r`-`p` crosses `edge`, counting an edge end on the line `r`-`p` on one
/// fixed side of it (so two edges meeting there count once or not at all, as the polygon
/// test's half-open rule does); `None` when a sign is within rounding of zero.
#[inline]
fn crosses(r: [f64; 2], p: [f64; 2], edge: &[f64; 4]) -> Option<bool> {
    let (a, b) = ([edge[0], edge[1]], [edge[2], edge[3]]);
    // Disjoint bounding boxes: no crossing, whatever the rounding.
    if a[0].max(b[0]) < r[0].min(p[0])
        || a[0].min(b[0]) > r[0].max(p[0])
        || a[1].max(b[1]) < r[1].min(p[1])
        || a[1].min(b[1]) > r[1].max(p[1])
    {
        return Some(false);
    }
    if orientation(r, p, a)? == orientation(r, p, b)? {
        return Some(false);
    }
    Some(orientation(a, b, r)? != orientation(a, b, p)?)
}

/// Whether `c` lies left of `a`->`b`; `None` when too close to the line to tell.
#[inline]
fn orientation(a: [f64; 2], b: [f64; 2], c: [f64; 2]) -> Option<bool> {
    let left = (b[0] - a[0]) * (c[1] - a[1]);
    let right = (b[1] - a[1]) * (c[0] - a[0]);
    let det = left - right;
    (det.abs() > ORIENT_EPS * (left.abs() + right.abs())).then_some(det > 0.0)
}

/// Per coarse cell, the areas whose centroid can be the nearest to some point of the cell.
#[derive(Debug, Clone, Default)]
struct NearestGrid {
    origin: [f64; 2],
    cols: usize,
    rows: usize,
    /// Cell `n` holds `candidates[starts[n]..starts[n + 1]]`, in area order.
    starts: Vec<u32>,
    candidates: Vec<u32>,
}

impl NearestGrid {
    fn new(areas: &[Area], bbox: [f64; 4]) -> Self {
        if areas.is_empty() || !bbox.iter().all(|v| v.is_finite()) {
            return Self::default();
        }
        let cols = ((bbox[2] - bbox[0]) / COARSE_DEG).ceil() as usize + 1;
        let rows = ((bbox[3] - bbox[1]) / COARSE_DEG).ceil() as usize + 1;
        let mut starts = vec![0u32];
        let mut candidates = Vec::new();
        let mut distances = vec![0.0; areas.len()];
        for n in 0..rows * cols {
            let (lat, lon) = (
                bbox[1] + (n / cols) as f64 * COARSE_DEG,
                bbox[0] + (n % cols) as f64 * COARSE_DEG,
            );
            let centre = GeoPoint {
                lat: lat + COARSE_DEG / 2.0,
                lon: lon + COARSE_DEG / 2.0,
            };
            // Every point of the cell is within `half` of its centre (the corners are the
            // furthest; widened for safety), so by the triangle inequality a centroid further
            // than the nearest one's `distance + 2 * half` is never the nearest.
            let half = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                .iter()
                .map(|(i, j)| {
                    centre.distance_km(GeoPoint {
                        lat: lat + i * COARSE_DEG,
                        lon: lon + j * COARSE_DEG,
                    })
                })
                .fold(0.0, f64::max)
                * 1.05
                + 0.01;
            for (d, a) in distances.iter_mut().zip(areas) {
                *d = a.centroid.distance_km(centre);
            }
            let bound = distances.iter().copied().fold(f64::INFINITY, f64::min) + 2.0 * half;
            candidates.extend(
                (0u32..)
                    .zip(&distances)
                    .filter(|(_, d)| **d <= bound + 1e-6)
                    .map(|(i, _)| i),
            );
            starts.push(index(candidates.len()));
        }
        Self {
            origin: [bbox[0], bbox[1]],
            cols,
            rows,
            starts,
            candidates,
        }
    }

    /// The area with the nearest centroid (the first of equals, as `locate_area`).
    fn nearest(&self, areas: &[Area], point: GeoPoint) -> Option<usize> {
        let col = (point.lon - self.origin[0]) / COARSE_DEG;
        let row = (point.lat - self.origin[1]) / COARSE_DEG;
        if !(col >= 0.0 && row >= 0.0 && (col as usize) < self.cols && (row as usize) < self.rows) {
            return locate_area(areas, point);
        }
        let n = row as usize * self.cols + col as usize;
        self.candidates[self.starts[n] as usize..self.starts[n + 1] as usize]
            .iter()
            .map(|i| (*i as usize, areas[*i as usize].centroid.distance_km(point)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
#[path = "locate_tests.rs"]
mod tests;
