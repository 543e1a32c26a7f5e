//! Supply measured where people live: at every postcode sector of every authority (thousands of
//! points, not one centroid each), with distinct suppliers counted per authority.
//!
//! One pass over the candidates. A candidate meeting any need is looked up in a fine grid of
//! the points (cells a fifth of `max_km` across, at least 1 km), out to its own reach (its
//! travel or service radius, at most `max_km`) rather than to `max_km`: a carer in a dense city
//! reaches hundreds of sectors, and nobody reaches beyond their own radius. The points are
//! stored in cell order as unit vectors and the scan compares squared chords (monotone in the
//! great-circle distance; a point within a hair of the circle is settled by the haversine, so
//! the rule is exactly `km <= radius` as in matching). Inside its radius a radius candidate
//! reaches the point; a provider's polygon must also contain it. Counts are kept by point (in
//! cell order) then need, so one candidate's updates stay close in memory. A supplier is counted
//! once per authority however many of its sectors it reaches (a stamp per authority).
//!
//! Nearest supplier: the scan records, per point, the nearest supplier whose own reach covers
//! that far. Afterwards a point whose recorded nearest is above 1 km (so the rounded-up figure
//! could still change) asks a small R-tree of that need's suppliers for the true nearest, or,
//! for a need most candidates meet, the source's own index out to the recorded distance.

use carematch_domain::GeoPoint;
use carematch_domain::geo::chord_for_km;
use carematch_matching::gaps::{NeedSet, Supply};
use rstar::{PointDistance, RTree};

use carematch_matching::{CandidateKind, Reach};

use super::{COMMON_SHARE, KM_PER_DEGREE, NEAREST_CAP_KM, SupplySource};
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
        let mut bbox = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
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

    /// Calls `f(slot, chord²)` for every point within `km` of `p` (great-circle), where `slot`
    /// is the point's position in cell order ([`PointGrid::point_of`] gives its index) and
    /// `chord²` the squared chord between the unit vectors (monotone in the great-circle
    /// distance). Points within a hair of the circle are settled by the haversine, so the
    /// boundary is exactly `distance_km <= km`.
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
        let chord = chord_for_km(km);
        let sure = chord * chord * (1.0 - 1e-9);
        let maybe = chord * chord * (1.0 + 1e-9);
        for row in r0..=r1 {
            let base = row * self.cols;
            let lo = self.starts[base + c0] as usize;
            let hi = self.starts[base + c1 + 1] as usize;
            for (slot, w) in self.vectors[lo..hi].iter().enumerate() {
                let (dx, dy, dz) = (w[0] - v[0], w[1] - v[1], w[2] - v[2]);
                let d2 = dx * dx + dy * dy + dz * dz;
                if d2 <= sure
                    || (d2 <= maybe && p.distance_km(self.points[self.point_of(lo + slot)]) <= km)
                {
                    f(lo + slot, d2);
                }
            }
        }
    }

    /// The index (in the order given to [`PointGrid::new`]) of the point at `slot`.
    #[inline]
    pub(super) fn point_of(&self, slot: usize) -> usize {
        self.index[slot] as usize
    }

    /// The point at `slot`.
    #[inline]
    pub(super) fn at(&self, slot: usize) -> GeoPoint {
        self.points[self.point_of(slot)]
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
/// group, below `n_groups`. The points' nearest supplier is found only when `per_point` (a
/// report by sector); otherwise only the groups' is, which needs far fewer queries.
#[expect(clippy::too_many_arguments, reason = "the parts of one pass")]
pub(super) fn supply_points<S: SupplySource + ?Sized>(
    source: &S,
    needs: &[NeedSet],
    points: &[GeoPoint],
    groups: &[u32],
    n_groups: usize,
    max_km: f64,
    today: i32,
    per_point: bool,
) -> Vec<PointSupply> {
    let grid = PointGrid::new(points, (max_km / 5.0).max(1.0));
    let k = needs.len();
    // Counts by slot (cell order) then need, so one candidate's updates stay close in memory:
    // `[carers, providers]`, and the smallest squared chord to a supplier seen.
    let mut counts = vec![[0u32; 2]; points.len() * k];
    let mut chord2 = vec![f64::INFINITY; points.len() * k];
    let mut group_counts = vec![[0u32; 2]; n_groups * k];
    let slot_group: Vec<u32> = (0..points.len())
        .map(|slot| groups[grid.point_of(slot)])
        .collect();
    let keep_limit = (COMMON_SHARE * source.count() as f64) as usize;
    let mut kept: Vec<Option<Vec<GeoPoint>>> = vec![Some(Vec::new()); k];
    let mut met: Vec<usize> = Vec::with_capacity(k);
    // The last candidate (numbered from 1) counted in each group.
    let mut stamp = vec![0u32; n_groups];
    let mut serial = 0u32;
    source.each(&mut |c, side| {
        met.clear();
        met.extend((0..k).filter(|n| needs[*n].met_by(c, today)));
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
        let kind = usize::from(c.kind() == CandidateKind::Provider);
        // Within its own radius (capped at max_km) a radius candidate reaches every point; a
        // polygon must also contain it.
        let reach = c.reach();
        let radius = reach.bound_km().min(max_km);
        let polygon = match reach {
            Reach::Radius(_) => None,
            Reach::Polygon { .. } => Some(side.area.as_ref()),
        };
        grid.within(location, radius, |slot, d2| {
            let reached =
                polygon.is_none_or(|area| area.is_some_and(|a| a.contains(grid.at(slot))));
            let base = slot * k;
            for n in &met {
                let best = &mut chord2[base + n];
                *best = best.min(d2);
                if reached {
                    counts[base + n][kind] += 1;
                }
            }
            let g = slot_group[slot] as usize;
            if reached && stamp[g] != serial {
                stamp[g] = serial;
                for n in &met {
                    group_counts[g * k + n][kind] += 1;
                }
            }
        });
    });
    let supply_of = |c: [u32; 2]| Supply {
        carers: c[0],
        providers: c[1],
        nearest_km: None,
    };
    // Each group's points, for the nearest per group.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); if per_point { 0 } else { n_groups }];
    for (i, g) in groups.iter().enumerate() {
        if let Some(list) = members.get_mut(*g as usize) {
            list.push(i);
        }
    }
    needs
        .iter()
        .enumerate()
        .map(|(n, need)| {
            let mut nearest = vec![f64::INFINITY; points.len()];
            let mut out = PointSupply {
                points: vec![Supply::default(); points.len()],
                groups: (0..n_groups)
                    .map(|g| supply_of(group_counts[g * k + n]))
                    .collect(),
            };
            for slot in 0..points.len() {
                let i = grid.point_of(slot);
                out.points[i] = supply_of(counts[slot * k + n]);
                let d2 = chord2[slot * k + n];
                if d2.is_finite() {
                    nearest[i] = km_for_chord(d2.sqrt());
                }
            }
            let group_nearest = if per_point {
                resolve_nearest(source, need, points, kept[n].take(), &mut nearest, today);
                let mut group_nearest = vec![f64::INFINITY; n_groups];
                for (i, km) in nearest.iter().enumerate() {
                    out.points[i].nearest_km = (*km <= NEAREST_CAP_KM).then_some(*km);
                    let g = groups[i] as usize;
                    group_nearest[g] = group_nearest[g].min(*km);
                }
                group_nearest
            } else {
                // Only the groups' nearest is reported: the points' stays `None`.
                let recorded = Recorded {
                    points,
                    km: &nearest,
                };
                recorded.resolve_groups(source, need, &members, kept[n].take(), today)
            };
            for (g, km) in group_nearest.into_iter().enumerate() {
                out.groups[g].nearest_km = (km <= NEAREST_CAP_KM).then_some(km);
            }
            out
        })
        .collect()
}

/// The nearest distances the scan recorded at each point (upper bounds: a supplier is that far).
struct Recorded<'a> {
    points: &'a [GeoPoint],
    km: &'a [f64],
}

impl Recorded<'_> {
    /// The nearest supplier to any point of each group (`members`), with the same rounded-up
    /// figure as [`resolve_nearest`] followed by the minimum per group, without a query at
    /// every point. A group with a point whose recorded nearest is final (at most 1 km) already
    /// has its figure: 1 km, or 0 km when a supplier sits on one of its points (such a supplier
    /// is always recorded there, at 0). In any other group every point's exact nearest counts:
    /// one nearest-neighbour query from the point recorded nearest, then at each other point
    /// only the suppliers closer than the best so far.
    fn resolve_groups<S: SupplySource + ?Sized>(
        &self,
        source: &S,
        need: &NeedSet,
        members: &[Vec<usize>],
        kept: Option<Vec<GeoPoint>>,
        today: i32,
    ) -> Vec<f64> {
        // No list: a need most candidates meet, searched in the source's own index.
        let common = kept.is_none();
        let tree = kept.filter(|list| !list.is_empty()).map(|list| {
            RTree::bulk_load(
                list.iter()
                    .map(|p| SpherePoint::new(p.unit_vector(), 0))
                    .collect(),
            )
        });
        let mut order: Vec<usize> = Vec::new();
        members
            .iter()
            .map(|group| {
                let best = group
                    .iter()
                    .map(|i| self.km[*i])
                    .fold(f64::INFINITY, f64::min);
                if best <= FINAL_NEAREST_KM {
                    return best;
                }
                order.clear();
                order.extend(group);
                order.sort_unstable_by(|a, b| self.km[*a].total_cmp(&self.km[*b]));
                match &tree {
                    Some(tree) => self.exact_in_tree(tree, &order),
                    None if common => self.exact_in_source(source, need, &order, today),
                    // An empty list: nobody meets the need.
                    None => best,
                }
            })
            .collect()
    }

    /// The exact nearest to any of `order` (points, recorded nearest first) in `tree`.
    fn exact_in_tree(&self, tree: &RTree<SpherePoint>, order: &[usize]) -> f64 {
        let Some(first) = order.first() else {
            return f64::INFINITY;
        };
        let recorded = self.km[*first];
        let mut best2 = tree
            .nearest_neighbor_iter_with_distance_2(self.points[*first].unit_vector())
            .next()
            .map_or(f64::INFINITY, |(_, d2)| d2);
        for i in &order[1..] {
            let v = self.points[*i].unit_vector();
            for found in tree.locate_within_distance(v, best2) {
                best2 = best2.min(found.distance_2(&v));
            }
        }
        recorded.min(km_for_chord(best2.sqrt()))
    }

    /// The exact nearest to any of `order` among `source`'s candidates meeting `need` (a need
    /// most candidates meet: the search stays within the best so far).
    fn exact_in_source<S: SupplySource + ?Sized>(
        &self,
        source: &S,
        need: &NeedSet,
        order: &[usize],
        today: i32,
    ) -> f64 {
        let mut best = f64::INFINITY;
        for i in order {
            let limit = best.min(self.km[*i]).min(NEAREST_CAP_KM);
            best = best.min(self.km[*i]);
            source.each_within(self.points[*i], limit, &mut |c, _, km| {
                if need.met_by(c, today) {
                    best = best.min(km);
                }
            });
        }
        best
    }
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
