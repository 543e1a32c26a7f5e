//! Runs of consecutive slots (the roster is in R-tree leaf order, so a run is a small patch of
//! ground) with their bounding boxes on the unit sphere and the furthest reach inside: the match
//! scan picks the runs that can hold a candidate in range, nearest first, and streams through
//! their columns ([`HotColumns`]).

use std::ops::{Range, RangeInclusive};

use super::hot::{BLOCK, HotColumns};
use super::sphere::CHORD_2_MARGIN as MARGIN;
use crate::candidate::{CandidateKind, Roster};
use carematch_domain::GeoPoint;
/// Blocks per group (a second level, so that a query tests a few hundred boxes, not thousands).
pub const GROUP: usize = 64;

#[derive(Debug, Clone, Copy)]
struct Bounds {
    lo: [f64; 3],
    hi: [f64; 3],
    /// The largest squared chord of a reach bound inside.
    reach_2: f64,
}

impl Bounds {
    const EMPTY: Self = Self {
        lo: [f64::INFINITY; 3],
        hi: [f64::NEG_INFINITY; 3],
        reach_2: f64::NEG_INFINITY,
    };

    fn add_point(&mut self, p: [f64; 3], reach_2: f64) {
        self.add(&Self {
            lo: p,
            hi: p,
            reach_2,
        });
    }

    fn add(&mut self, other: &Self) {
        for (lo, other) in self.lo.iter_mut().zip(other.lo) {
            *lo = lo.min(other);
        }
        for (hi, other) in self.hi.iter_mut().zip(other.hi) {
            *hi = hi.max(other);
        }
        self.reach_2 = self.reach_2.max(other.reach_2);
    }

    /// A lower bound on the squared chord from `c` to any point inside (rounding is monotonic, so
    /// it holds for the chord the matcher computes too).
    fn min_2(&self, c: [f64; 3]) -> f64 {
        let mut sum = 0.0;
        for ((c, lo), hi) in c.iter().zip(self.lo).zip(self.hi) {
            let gap = if *c < lo {
                lo - c
            } else if *c > hi {
                c - hi
            } else {
                0.0
            };
            sum += gap * gap;
        }
        sum
    }

    /// An upper bound on the squared chord from `c` to any point inside.
    fn max_2(&self, c: [f64; 3]) -> f64 {
        let mut sum = 0.0;
        for ((c, lo), hi) in c.iter().zip(self.lo).zip(self.hi) {
            let far = (c - lo).abs().max((hi - c).abs());
            sum += far * far;
        }
        sum
    }

    /// Whether any candidate inside could be within squared chord `limit_2` of `c` and reach it.
    fn may_hold(&self, c: [f64; 3], limit_2: f64) -> Option<f64> {
        let min_2 = self.min_2(c);
        (min_2 <= limit_2 * (1.0 + MARGIN) && min_2 <= self.reach_2 * (1.0 + MARGIN))
            .then_some(min_2)
    }
}

/// The blocks of a candidate set, in slot order.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    blocks: Vec<Bounds>,
    groups: Vec<Bounds>,
    len: usize,
}

impl Blocks {
    pub fn build(hot: &HotColumns) -> Self {
        let len = hot.len();
        let mut blocks = Vec::with_capacity(len.div_ceil(BLOCK));
        for start in (0..len).step_by(BLOCK) {
            let mut b = Bounds::EMPTY;
            for slot in start..(start + BLOCK).min(len) {
                let Ok(slot) = u32::try_from(slot) else {
                    break;
                };
                if let (Some(p), Some(km)) = (hot.position(slot), hot.reach_km(slot)) {
                    let chord = carematch_domain::geo::chord_for_km(km.max(0.0));
                    b.add_point(p, chord * chord);
                }
            }
            blocks.push(b);
        }
        let groups = blocks
            .chunks(GROUP)
            .map(|chunk| {
                let mut g = Bounds::EMPTY;
                chunk.iter().for_each(|b| g.add(b));
                g
            })
            .collect();
        Self {
            blocks,
            groups,
            len,
        }
    }

    /// Blocks that may hold a candidate within squared chord `outer_2` of `c` (and reaching it),
    /// skipping those entirely within squared chord `inner_2`, as `(bounds on the squared chord
    /// from c to every base inside, slot range)`, in no particular order.
    pub fn select(
        &self,
        c: [f64; 3],
        inner_2: f64,
        outer_2: f64,
        out: &mut Vec<(RangeInclusive<f64>, Range<u32>)>,
    ) {
        for (g, group) in self.groups.iter().enumerate() {
            if group.may_hold(c, outer_2).is_none() || group.max_2(c) < inner_2 * (1.0 - MARGIN) {
                continue;
            }
            let first = g * GROUP;
            let last = (first + GROUP).min(self.blocks.len());
            for (b, block) in self.blocks[first..last].iter().enumerate() {
                let Some(min_2) = block.may_hold(c, outer_2) else {
                    continue;
                };
                let max_2 = block.max_2(c);
                if max_2 < inner_2 * (1.0 - MARGIN) {
                    continue;
                }
                let start = (first + b) * BLOCK;
                let end = (start + BLOCK).min(self.len);
                if let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) {
                    out.push((min_2..=max_2, start..end));
                }
            }
        }
    }
}

/// The indices of `runs` (from [`Blocks::select`]) nearest first, to within 1/[`ORDER_BUCKETS`]
/// of the distance to `outer_2`, into `order`, by a counting sort on their lower bound (linear
/// time; runs in one bucket keep their slot order). The matcher's results do not depend on the
/// order, only how early it can stop scoring far candidates.
pub fn order_nearest_first(
    runs: &[(RangeInclusive<f64>, Range<u32>)],
    outer_2: f64,
    order: &mut Vec<usize>,
) {
    // Buckets of equal width in distance (chord), not squared chord, so that the nearest runs
    // are told apart finely.
    let scale = if outer_2 > 0.0 && outer_2.is_finite() {
        ORDER_BUCKETS as f64 / outer_2.sqrt()
    } else {
        0.0
    };
    let bucket = |min_2: f64| -> usize {
        let b = (min_2.max(0.0).sqrt() * scale) as usize;
        b.min(ORDER_BUCKETS - 1)
    };
    let mut starts = [0usize; ORDER_BUCKETS + 1];
    for (bounds, _) in runs {
        starts[bucket(*bounds.start()) + 1] += 1;
    }
    for b in 0..ORDER_BUCKETS {
        starts[b + 1] += starts[b];
    }
    order.clear();
    order.resize(runs.len(), 0);
    for (k, (bounds, _)) in runs.iter().enumerate() {
        let b = bucket(*bounds.start());
        order[starts[b]] = k;
        starts[b] += 1;
    }
}

/// Distance buckets of [`order_nearest_first`].
pub const ORDER_BUCKETS: usize = 128;

/// Interleaves the bits of two 16-bit cells into a Z-order (Morton) key.
fn morton(point: GeoPoint) -> u32 {
    fn spread(v: u32) -> u32 {
        let mut v = v & 0xffff;
        v = (v | (v << 8)) & 0x00ff_00ff;
        v = (v | (v << 4)) & 0x0f0f_0f0f;
        v = (v | (v << 2)) & 0x3333_3333;
        (v | (v << 1)) & 0x5555_5555
    }
    let cell = |value: f64, min: f64, span: f64| {
        ((value - min) / span * 65_535.0).clamp(0.0, 65_535.0) as u32
    };
    spread(cell(point.lon, -180.0, 360.0)) | (spread(cell(point.lat, -90.0, 180.0)) << 1)
}

/// Orders `slots` so that every run of [`BLOCK`] (from the start) is a compact patch:
/// splits along the axis of the unit vectors with the largest extent, with a whole number of
/// blocks on each side (a whole number of groups of blocks while there are more than a group, so
/// that groups are patches too), and recurses.
fn bisect(slots: &mut [u32], points: &[[f64; 3]]) {
    let blocks = slots.len().div_ceil(BLOCK);
    if blocks <= 1 {
        return;
    }
    let mut lo = [f64::INFINITY; 3];
    let mut hi = [f64::NEG_INFINITY; 3];
    for slot in slots.iter() {
        if let Some(p) = points.get(*slot as usize) {
            for k in 0..3 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
    }
    let axis = (0..3)
        .max_by(|a, b| (hi[*a] - lo[*a]).total_cmp(&(hi[*b] - lo[*b])))
        .unwrap_or(0);
    let group = GROUP;
    let left_blocks = if blocks > group {
        // The nearest whole number of groups to half, leaving at least a block on the right.
        (((blocks + group) / (2 * group)) * group).clamp(group, blocks - 1)
    } else {
        blocks / 2
    };
    let left = left_blocks * BLOCK;
    let coordinate = |slot: &u32| points.get(*slot as usize).map_or(0.0, |p| p[axis]);
    slots.select_nth_unstable_by(left, |a, b| {
        coordinate(a).total_cmp(&coordinate(b)).then(a.cmp(b))
    });
    let (left, right) = slots.split_at_mut(left);
    bisect(left, points);
    bisect(right, points);
}

/// Lays the roster out in blocks of [`BLOCK`] slots that are compact patches of ground (a k-d
/// bisection of the unit vectors, after a first pass along a Z-order curve, ties by kind and id,
/// so the layout is deterministic), each block sorted by reach, furthest first. Slots change:
/// look candidates up by slot only afterwards.
pub fn lay_out(roster: &mut Roster) {
    let mut order: Vec<(u32, CandidateKind, i64, u32)> = roster
        .candidates()
        .iter()
        .zip(0u32..)
        .map(|(c, slot)| (morton(c.location()), c.kind(), c.id(), slot))
        .collect();
    order.sort_unstable();
    let order: Vec<u32> = order.into_iter().map(|(.., slot)| slot).collect();
    roster.permute(&order);
    let points: Vec<[f64; 3]> = roster
        .candidates()
        .iter()
        .map(|c| c.location().unit_vector())
        .collect();
    let mut layout: Vec<u32> = (0u32..).take(points.len()).collect();
    bisect(&mut layout, &points);
    // Within each block the order is free (the block is one patch of ground): sort it by
    // reach, furthest first, so that the candidates that certainly reach the person from
    // anywhere in the block are a prefix the matcher finds by counting.
    for block in layout.chunks_mut(BLOCK) {
        block.sort_by(|a, b| {
            let reach = |slot: &u32| {
                roster
                    .get(*slot)
                    .map_or(f64::NEG_INFINITY, |c| c.reach().bound_km())
            };
            reach(b).total_cmp(&reach(a)).then(a.cmp(b))
        });
    }
    roster.permute(&layout);
}
