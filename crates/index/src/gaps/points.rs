//! Supply measured where people live: at every postcode sector of every authority (thousands of
//! points, not one centroid each), with distinct suppliers counted per authority.
//!
//! One pass over the candidates. A candidate meeting any need is looked up in a fine grid of
//! the points (cells a fifth of `max_km` across, at least 1 km), out to its own reach (its
//! travel or service radius, at most `max_km`) rather than to `max_km`: a carer in a dense city
//! reaches hundreds of sectors, and nobody reaches beyond their own radius. The points are
//! stored in cell order as unit vectors, so the scan is a chord comparison per point; only
//! points inside the chord get the exact great-circle distance and the reach rules. A supplier is
//! counted once per authority however many of its sectors it reaches (a stamp per authority).
//!
//! Nearest supplier: the scan records, per point, the nearest supplier whose own reach covers
//! that far. Afterwards a point whose recorded nearest is above 1 km (so the rounded-up figure
//! could still change) asks a small R-tree of that need's suppliers for the true nearest, or,
//! for a need most candidates meet, the source's own index out to the recorded distance.

use carematch_domain::GeoPoint;
use carematch_domain::geo::chord_for_km;
use carematch_matching::gaps::{NeedSet, Supply};
use rstar::RTree;

use super::{COMMON_SHARE, KM_PER_DEGREE, NEAREST_CAP_KM, SupplySource, add, reaches};
use crate::geo::{SpherePoint, km_for_chord};

/// Recorded nearest distances at or below this are final: the figure is shown rounded up to
/// whole km, so a nearer supplier could not change it (unless at exactly 0 km).
const FINAL_NEAREST_KM: f64 = 1.0;

/// Points in a dense latitude/longitude grid, stored cell by cell as unit vectors.
pub(super) struct PointGrid {
    lat0: f64,
    lon0: f64,
    dlat: f64,
    dlon: f64,
    rows: usize,
    cols: usize,
    /// Cell `r * cols + c` holds entries `starts[i]..starts[i + 1]`.
    starts: Vec<u32>,
    index: Vec<u32>,
    vectors: Vec<[f64; 3]>,
    points: Vec<GeoPoint>,
}

impl PointGrid {
    pub(super) fn new(points: &[GeoPoint], cell_km: f64) -> Self {
        let cell_km = cell_km.max(0.5);
        let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for p in points {
            bbox = [
                bbox[0].min(p.lat),
                bbox[1].min(p.lon),
                bbox[2].max(p.lat),
                bbox[3].max(p.lon),
            ];
        }
        if points.is_empty() {
            bbox = [0.0; 4];
        }
        let dlat = cell_km / KM_PER_DEGREE;
        let widest = bbox[0].abs().min(bbox[2].abs()).min(89.0);
        let dlon = (cell_km / (KM_PER_DEGREE * widest.to_radians().cos())).min(360.0);
        let rows = (((bbox[2] - bbox[0]) / dlat).floor() as usize + 1).min(1 << 13);
        let cols = (((bbox[3] - bbox[1]) / dlon).floor() as usize + 1).min(1 << 13);
        let cell_of = |p: &GeoPoint| {
            let r = (((p.lat - bbox[0]) / dlat).floor() as usize).min(rows - 1);
            let c = (((p.lon - bbox[1]) / dlon).floor() as usize).min(cols - 1);
            r * cols + c
        };
        let mut starts = vec![0u32; rows * cols + 1];
        for p in points {
            starts[cell_of(p) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut index = vec![0u32; points.len()];
        let mut vectors = vec![[0.0; 3]; points.len()];
        for (i, p) in points.iter().enumerate() {
            let cell = cell_of(p);
            let at = fill[cell] as usize;
            index[at] = u32::try_from(i).unwrap_or(u32::MAX);
            vectors[at] = p.unit_vector();
            fill[cell] += 1;
        }
        Self {
            lat0: bbox[0],
            lon0: bbox[1],
            dlat,
            dlon,
            rows,
            cols,
            starts,
            index,
            vectors,
            points: points.to_vec(),
        }
    }

    /// Calls `f(point index, km)` for every point within `km` of `p` (great-circle).
    #[inline]
    pub(super) fn within(&self, p: GeoPoint, km: f64, mut f: impl FnMut(usize, f64)) {
        if self.points.is_empty() || km < 0.0 {
            return;
        }
        let dlat_q = km / KM_PER_DEGREE;
        let top = (p.lat.abs() + dlat_q).min(89.0);
        let dlon_q = (km / (KM_PER_DEGREE * top.to_radians().cos())).min(360.0);
        let r0 = ((p.lat - dlat_q - self.lat0) / self.dlat).floor();
        let r1 = ((p.lat + dlat_q - self.lat0) / self.dlat).floor();
        let c0 = ((p.lon - dlon_q - self.lon0) / self.dlon).floor();
        let c1 = ((p.lon + dlon_q - self.lon0) / self.dlon).floor();
        if r1 < 0.0 || c1 < 0.0 || r0 >= self.rows as f64 || c0 >= self.cols as f64 {
            return;
        }
        let (r0, r1) = (r0.max(0.0) as usize, (r1 as usize).min(self.rows - 1));
        let (c0, c1) = (c0.max(0.0) as usize, (c1 as usize).min(self.cols - 1));
        let v = p.unit_vector();
        let chord = chord_for_km(km) * (1.0 + 1e-9);
        let chord2 = chord * chord;
        for row in r0..=r1 {
            let base = row * self.cols;
            let lo = self.starts[base + c0] as usize;
            let hi = self.starts[base + c1 + 1] as usize;
            for at in lo..hi {
                let w = self.vectors[at];
                let (dx, dy, dz) = (w[0] - v[0], w[1] - v[1], w[2] - v[2]);
                if dx * dx + dy * dy + dz * dz > chord2 {
                    continue;
                }
                let i = self.index[at] as usize;
                let d = p.distance_km(self.points[i]);
                if d <= km {
                    f(i, d);
                }
            }
        }
    }
}

/// Supply for one need at every point, and per group (authority) of points.
#[derive(Debug, Clone)]
pub(super) struct PointSupply {
    /// Suppliers reaching each point, and the nearest supplier to it.
    pub points: Vec<Supply>,
    /// Distinct suppliers reaching at least one point of the group; the nearest to any of them.
    pub groups: Vec<Supply>,
}

/// [`PointSupply`] for each need, in one pass over the candidates. `groups[i]` is point `i`'s
/// group, below `n_groups`.
pub(super) fn supply_points<S: SupplySource + ?Sized>(
    source: &S,
    needs: &[NeedSet],
    points: &[GeoPoint],
    groups: &[u32],
    n_groups: usize,
    max_km: f64,
    today: i32,
) -> Vec<PointSupply> {
    let grid = PointGrid::new(points, (max_km / 5.0).max(1.0));
    let mut out: Vec<PointSupply> = needs
        .iter()
        .map(|_| PointSupply {
            points: vec![Supply::default(); points.len()],
            groups: vec![Supply::default(); n_groups],
        })
        .collect();
    let mut nearest = vec![vec![f64::INFINITY; points.len()]; needs.len()];
    let keep_limit = (COMMON_SHARE * source.count() as f64) as usize;
    let mut kept: Vec<Option<Vec<GeoPoint>>> = vec![Some(Vec::new()); needs.len()];
    let mut met: Vec<usize> = Vec::with_capacity(needs.len());
    // The last candidate (numbered from 1) counted in each group.
    let mut stamp = vec![0u32; n_groups];
    let mut serial = 0u32;
    source.each(&mut |c, side| {
        met.clear();
        met.extend((0..needs.len()).filter(|n| needs[*n].met_by(c, today)));
        if met.is_empty() {
            return;
        }
        serial += 1;
        let location = c.location();
        for n in &met {
            if let Some(list) = &mut kept[*n] {
                if list.len() >= keep_limit {
                    kept[*n] = None;
                } else {
                    list.push(location);
                }
            }
        }
        let kind = c.kind();
        let radius = c.reach().bound_km().min(max_km);
        grid.within(location, radius, |i, km| {
            let reached = reaches(c.reach(), side.area.as_ref(), points[i], km, max_km);
            for n in &met {
                let best = &mut nearest[*n][i];
                *best = best.min(km);
                if reached {
                    add(&mut out[*n].points[i], kind);
                }
            }
            let g = groups[i] as usize;
            if reached && stamp[g] != serial {
                stamp[g] = serial;
                for n in &met {
                    add(&mut out[*n].groups[g], kind);
                }
            }
        });
    });
    for (n, need) in needs.iter().enumerate() {
        resolve_nearest(source, need, points, kept[n].take(), &mut nearest[n], today);
        let supply = &mut out[n];
        let mut group_nearest = vec![f64::INFINITY; n_groups];
        for (i, km) in nearest[n].iter().enumerate() {
            let shown = (*km <= NEAREST_CAP_KM).then_some(*km);
            supply.points[i].nearest_km = shown;
            let g = groups[i] as usize;
            group_nearest[g] = group_nearest[g].min(*km);
        }
        for (g, km) in group_nearest.into_iter().enumerate() {
            supply.groups[g].nearest_km = (km <= NEAREST_CAP_KM).then_some(km);
        }
    }
    out
}

/// Makes each point's nearest supplier exact where the rounded figure could still change.
fn resolve_nearest<S: SupplySource + ?Sized>(
    source: &S,
    need: &NeedSet,
    points: &[GeoPoint],
    kept: Option<Vec<GeoPoint>>,
    nearest: &mut [f64],
    today: i32,
) {
    match kept {
        Some(list) if list.is_empty() => {}
        Some(list) => {
            let tree = RTree::bulk_load(
                list.iter()
                    .map(|p| SpherePoint::new(p.unit_vector(), 0))
                    .collect(),
            );
            for (i, best) in nearest.iter_mut().enumerate() {
                if *best <= FINAL_NEAREST_KM {
                    continue;
                }
                if let Some((_, d2)) = tree
                    .nearest_neighbor_iter_with_distance_2(points[i].unit_vector())
                    .next()
                {
                    *best = best.min(km_for_chord(d2.sqrt()));
                }
            }
        }
        None => {
            // A need most candidates meet: someone is usually close, so searching out to the
            // recorded distance is cheap.
            for (i, best) in nearest.iter_mut().enumerate() {
                if *best <= FINAL_NEAREST_KM {
                    continue;
                }
                let limit = best.min(NEAREST_CAP_KM);
                source.each_within(points[i], limit, &mut |c, _, km| {
                    if need.met_by(c, today) {
                        *best = best.min(km);
                    }
                });
            }
        }
    }
}
