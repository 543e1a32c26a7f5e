//! Geographic index (rstar) over candidates' bases and providers' service areas.
//!
//! Points live on the unit sphere, `[cos φ cos λ, cos φ sin λ, sin φ]`, in an
//! `RTree<GeomWithData<[f64; 3], u32>>` whose data is the candidate's slot in the [`Roster`].
//! Euclidean (chord) distance there grows with great-circle distance, so a radius `r` km is the
//! chord [`chord_for_km`]`(r)` and the tree's own pruning is exact; every hit is then checked
//! against the great-circle distance `2R·asin(chord / 2)` (the haversine formula's last step,
//! the same model as `geo::Haversine`).
//!
//! Providers' service areas (radius or polygon) are kept in a second tree as boxes around their
//! bounding circles; [`GeoIndex::covering`] finds the boxes at a point and then tests the circle
//! or the polygon (with holes) exactly.
//!
//! [`CandidateSet`] is what the API holds: the compact candidates, their side table and the trees,
//! laid out along a Z-order curve so that nearby candidates are near in memory.

use std::collections::HashMap;

use carematch_domain::geo::{PUBLIC_CELL_MARGIN_KM, chord_for_km};
use carematch_domain::vocabulary::{CodeSet, DeliveryMode};
use carematch_domain::{AgencyId, Carer, GeoPoint, Provider};
use carematch_matching::{
    Candidate, CandidateKind, CompiledPlan, CriterionId, HotColumns, MatchOptions, MatchOutcome,
    Matcher, PooledOutcome, Roster, TEAM_CANDIDATES, Team, Viewer, match_pooled, pool_search_km,
    wants_teams,
};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};

/// A candidate's base on the unit sphere, with its slot.
pub type SpherePoint = GeomWithData<[f64; 3], u32>;
/// A box around a service area's bounding circle, with the candidate's slot.
pub type AreaBox = GeomWithData<Rectangle<[f64; 3]>, u32>;

pub use carematch_matching::columnar::sphere::km_for_chord;

/// Relative slack on the chord radius so that points exactly on the circle survive rounding
/// before the exact check.
const CHORD_SLACK: f64 = 1.0 + 1e-9;

/// How far beyond the distance at which the top `limit` filled [`CandidateSet::match_plan`] keeps
/// feeding runs nearest first (a factor on the distance). Measured against nearest first all the
/// way, caches evicted before each run and the two orders alternating run by run: the fifteen
/// slowest plans of the benchmark took 7.5–10.9% less time with 2 (8.9% with 1, 7.4% with 4),
/// forty typical plans 3–4% less with each.
const NEAREST_AFTER_FILL: f64 = 2.0;

/// The share of the maximum distance out to which [`CandidateSet::match_plan`] feeds runs nearest
/// first while the top `limit` is not yet full; beyond it, the rest go in slot order.
const NEAREST_UNFILLED: f64 = 0.5;

use carematch_matching::columnar::sphere::chord_2 as distance_2;

/// The R-trees: one over every candidate's base, one over providers' service areas.
#[derive(Debug, Clone)]
pub struct GeoIndex {
    points: RTree<SpherePoint>,
    areas: RTree<AreaBox>,
}

impl GeoIndex {
    /// Bulk-loads the trees; slot `i` is `candidates[i]`.
    ///
    /// # Panics
    /// With more than `u32::MAX` candidates.
    pub fn build(candidates: &[Candidate]) -> Self {
        let slot = |i: usize| u32::try_from(i).expect("fewer than 2^32 candidates");
        let points = candidates
            .iter()
            .enumerate()
            .map(|(i, c)| SpherePoint::new(c.location().unit_vector(), slot(i)))
            .collect();
        let areas = candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind() == CandidateKind::Provider)
            .map(|(i, c)| {
                let centre = c.location().unit_vector();
                let r = chord_for_km(c.reach().bound_km()) * CHORD_SLACK;
                let lower = [centre[0] - r, centre[1] - r, centre[2] - r];
                let upper = [centre[0] + r, centre[1] + r, centre[2] + r];
                AreaBox::new(Rectangle::from_corners(lower, upper), slot(i))
            })
            .collect();
        Self {
            points: RTree::bulk_load(points),
            areas: RTree::bulk_load(areas),
        }
    }

    pub fn len(&self) -> usize {
        self.points.size()
    }

    pub fn is_empty(&self) -> bool {
        self.points.size() == 0
    }

    /// Candidates whose base is within `radius_km` of `point`, as `(slot, distance km)`, in no
    /// particular order.
    pub fn within(&self, point: GeoPoint, radius_km: f64) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.ring(point, f64::NEG_INFINITY, radius_km)
    }

    /// [`GeoIndex::within`] as `viewer` may measure it ([`GeoIndex::ring_for`]).
    pub fn within_for<'a>(
        &'a self,
        roster: &'a Roster,
        point: GeoPoint,
        radius_km: f64,
        viewer: Viewer,
    ) -> impl Iterator<Item = (u32, f64)> + 'a {
        self.ring_for(roster, point, f64::NEG_INFINITY, radius_km, viewer)
    }

    /// [`GeoIndex::ring`] as `viewer` may measure it: the tree holds public points (a carer's
    /// public cell), so for a viewer who may hold some carers the ring widens by
    /// [`PUBLIC_CELL_MARGIN_KM`] on both sides and each held carer is measured from its real
    /// base instead.
    pub fn ring_for<'a>(
        &'a self,
        roster: &'a Roster,
        point: GeoPoint,
        inner_km: f64,
        outer_km: f64,
        viewer: Viewer,
    ) -> impl Iterator<Item = (u32, f64)> + 'a {
        let margin = if viewer.may_hold() {
            PUBLIC_CELL_MARGIN_KM
        } else {
            0.0
        };
        self.ring(point, inner_km - margin, outer_km + margin)
            .filter_map(move |(slot, km)| {
                let km = match roster.get(slot) {
                    Some(c) if viewer.holds(c) => c.held_location().distance_km(point),
                    _ => km,
                };
                (km > inner_km && km <= outer_km).then_some((slot, km))
            })
    }

    /// Candidates whose base is more than `inner_km` and at most `outer_km` from `point`.
    pub fn ring(
        &self,
        point: GeoPoint,
        inner_km: f64,
        outer_km: f64,
    ) -> impl Iterator<Item = (u32, f64)> + '_ {
        let centre = point.unit_vector();
        let chord = chord_for_km(outer_km.max(0.0)) * CHORD_SLACK;
        // Points clearly inside the inner circle are dropped on the squared chord, before the
        // exact distance is computed.
        let inner_2 = if inner_km > 0.0 {
            (chord_for_km(inner_km) / CHORD_SLACK).powi(2)
        } else {
            f64::NEG_INFINITY
        };
        self.points
            .locate_within_distance(centre, chord * chord)
            .filter_map(move |hit| {
                let d2 = distance_2(*hit.geom(), centre);
                if d2 < inner_2 {
                    return None;
                }
                let km = km_for_chord(d2.sqrt());
                (km > inner_km && km <= outer_km).then_some((hit.data, km))
            })
    }

    /// Every candidate in ascending order of distance, as `(slot, distance km)`.
    pub fn nearest(&self, point: GeoPoint) -> impl Iterator<Item = (u32, f64)> + '_ {
        self.points
            .nearest_neighbor_iter_with_distance_2(point.unit_vector())
            .map(|(hit, d2)| (hit.data, km_for_chord(d2.sqrt())))
    }

    /// Providers whose service area (radius or polygon, holes excluded) contains `point`, as
    /// `(slot, distance km from their base)`.
    pub fn covering<'a>(
        &'a self,
        roster: &'a Roster,
        point: GeoPoint,
    ) -> impl Iterator<Item = (u32, f64)> + 'a {
        let centre = point.unit_vector();
        self.areas
            .locate_all_at_point(centre)
            .filter_map(move |hit| {
                let candidate = roster.get(hit.data)?;
                let km = candidate.location().distance_km(point);
                roster
                    .reaches(hit.data, point, km)
                    .then_some((hit.data, km))
            })
    }
}

pub use carematch_matching::columnar::Blocks;

/// Candidates, their side table and the geographic index: everything a match request reads.
#[derive(Debug, Clone)]
pub struct CandidateSet {
    roster: Roster,
    geo: GeoIndex,
    /// The roster's hot fields as columns, and runs of slots with their bounding boxes: what
    /// [`CandidateSet::match_plan`] scans.
    hot: HotColumns,
    blocks: Blocks,
    /// Each agency's carers, as their slot and the unit vector of their real base: what an
    /// agency's own matches read instead of the columns ([`CandidateSet::match_plan`]).
    held: HashMap<AgencyId, Vec<(u32, [f64; 3])>>,
    /// Every carer's id and slot, by id: the carers a plan names are fed apart.
    carer_slots: Vec<(i64, u32)>,
    /// Providers working by phone or online, with their modes: fed apart to a plan that lists
    /// one of those modes, since they reach the person wherever they are.
    remote: Vec<(u32, CodeSet<DeliveryMode>)>,
}

impl CandidateSet {
    /// Builds from stored records.
    pub fn build(carers: &[Carer], providers: &[Provider]) -> Self {
        let mut roster = Roster::with_capacity(carers.len() + providers.len());
        for carer in carers {
            roster.push_carer(carer);
        }
        for provider in providers {
            roster.push_provider(provider);
        }
        Self::from_roster(roster)
    }

    /// Lays the roster out in blocks of [`blocks::BLOCK`] slots that are compact patches of
    /// ground (a k-d bisection of the unit vectors, after a first pass along a Z-order curve,
    /// ties by kind and id, so the layout is deterministic) and indexes it: a radius query then
    /// reads candidates nearly sequentially and a block's bounding box is small. Slots change:
    /// look candidates up by slot only in the result.
    pub fn from_roster(mut roster: Roster) -> Self {
        carematch_matching::columnar::lay_out(&mut roster);
        let geo = GeoIndex::build(roster.candidates());
        let hot = HotColumns::build(&roster);
        let blocks = Blocks::build(&hot);
        let mut held: HashMap<AgencyId, Vec<(u32, [f64; 3])>> = HashMap::new();
        let mut carer_slots = Vec::new();
        let mut remote = Vec::new();
        let remote_modes: CodeSet<DeliveryMode> = [DeliveryMode::Phone, DeliveryMode::Online]
            .into_iter()
            .collect();
        for (c, slot) in roster.candidates().iter().zip(0u32..) {
            if c.kind() == CandidateKind::Carer {
                carer_slots.push((c.id(), slot));
            } else if !c.delivery().intersection(remote_modes).is_empty() {
                remote.push((slot, c.delivery()));
            }
            if let (CandidateKind::Carer, Some(agency)) = (c.kind(), c.agency()) {
                let point = c.held_location().unit_vector();
                held.entry(agency).or_default().push((slot, point));
            }
        }
        carer_slots.sort_unstable();
        Self {
            roster,
            geo,
            hot,
            blocks,
            held,
            carer_slots,
            remote,
        }
    }

    /// The candidates a plan has fed apart from the columns ([`Matcher::feed_apart`]), with their
    /// distance as `viewer` may measure it: the carers it names (preferred or blocked) unless
    /// the viewer holds them (those come with [`CandidateSet::held_within`]), and the providers
    /// reaching the person remotely in a mode the plan lists.
    pub fn apart(&self, plan: &CompiledPlan, viewer: Viewer) -> Vec<(u32, f64)> {
        let named = plan
            .preferred_carers
            .iter()
            .chain(&plan.blocked_carers)
            .filter_map(|id| {
                let at = self
                    .carer_slots
                    .binary_search_by_key(id, |(id, _)| *id)
                    .ok()?;
                let slot = self.carer_slots[at].1;
                let c = self.roster.get(slot)?;
                (!viewer.holds(c)).then(|| (slot, viewer.point_of(c).distance_km(plan.location)))
            });
        named.chain(self.remote_beyond(plan, -1.0)).collect()
    }

    /// The providers reaching the person remotely in a mode the plan lists, farther than `km`
    /// (providers are measured from their published base whoever the viewer is).
    pub fn remote_beyond<'s>(
        &'s self,
        plan: &'s CompiledPlan,
        km: f64,
    ) -> impl Iterator<Item = (u32, f64)> + 's {
        self.remote
            .iter()
            .filter(|(_, modes)| !modes.intersection(plan.remote).is_empty())
            .filter_map(move |(slot, _)| {
                let d = self
                    .roster
                    .get(*slot)?
                    .location()
                    .distance_km(plan.location);
                (d > km).then_some((*slot, d))
            })
    }

    /// The carers `viewer` holds within `radius_km` of `point`, measured from their real base:
    /// an agency's from its own list, an admin's (every carer) through the tree.
    fn held_within(&self, point: GeoPoint, radius_km: f64, viewer: Viewer) -> Vec<(u32, f64)> {
        match viewer {
            Viewer::Public => Vec::new(),
            Viewer::Admin => self
                .geo
                .within_for(&self.roster, point, radius_km, viewer)
                .filter(|(slot, _)| self.roster.get(*slot).is_some_and(|c| viewer.holds(c)))
                .collect(),
            Viewer::Agency(agency) => {
                let centre = point.unit_vector();
                let chord = chord_for_km(radius_km.max(0.0)) * CHORD_SLACK;
                let Some(carers) = self.held.get(&agency) else {
                    return Vec::new();
                };
                carers
                    .iter()
                    .filter(|(_, p)| distance_2(*p, centre) <= chord * chord)
                    .filter_map(|(slot, _)| {
                        let km = self.roster.get(*slot)?.held_location().distance_km(point);
                        (km <= radius_km).then_some((*slot, km))
                    })
                    .collect()
            }
        }
    }

    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    pub fn geo(&self) -> &GeoIndex {
        &self.geo
    }

    pub fn len(&self) -> usize {
        self.roster.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roster.is_empty()
    }

    /// Matches a plan: examines candidates within the plan's maximum distance (the matcher then
    /// applies each carer's travel radius and each provider's radius or polygon), and, only when
    /// fewer than `limit` match, the ring out to twice that distance so that the distance
    /// relaxation can be counted. The result is exactly [`match_plan`] fed with every candidate
    /// and its distance.
    ///
    /// The scan reads blocks of slots ([`Blocks`]) whose bounding box comes within range, the
    /// nearest first, from the columns ([`HotColumns`]); so the top `limit` fills early and later
    /// passing candidates are counted without being scored.
    ///
    /// [`match_plan`]: carematch_matching::match_plan
    ///
    /// The columns hold public facts only (a carer's public cell and public faith): the carers
    /// the viewer holds (an agency's own, every carer for an admin) are fed record by record
    /// from their real base and private facts, and the columns give everyone else.
    ///
    /// When the plan's schedule is required and nobody matches, `teams` proposes 2 or 3
    /// candidates who together cover it ([`CandidateSet::match_teams`]).
    pub fn match_plan(&self, plan: &CompiledPlan, options: &MatchOptions) -> MatchOutcome {
        let mut outcome = self.scan(plan, options, true).finish();
        // A team needs two members who each fail the schedule alone: fewer such near misses
        // (they are counted for the relaxations) and there is none to look for.
        let failing_only_the_schedule = outcome
            .relaxations
            .iter()
            .find(|r| r.criterion == CriterionId::Schedule)
            .map_or(0, |r| r.additional);
        if outcome.matches.is_empty() && wants_teams(plan) && failing_only_the_schedule >= 2 {
            outcome.teams = self.match_teams(plan, options);
        }
        outcome
    }

    /// Teams for a plan whose required schedule nobody covers alone: exactly
    /// [`carematch_matching::match_teams`] over the candidates within its maximum distance, the
    /// members found by the columnar scan of the plan without its schedule required
    /// ([`CompiledPlan::for_team_search`], [`Matcher::finish_teams`]).
    pub fn match_teams(&self, plan: &CompiledPlan, options: &MatchOptions) -> Vec<Team> {
        if !wants_teams(plan) {
            return Vec::new();
        }
        let search = plan.for_team_search();
        let options = MatchOptions {
            limit: TEAM_CANDIDATES,
            ..*options
        };
        self.scan(&search, &options, false).finish_teams(plan)
    }

    /// The columnar scan of a plan, ready to finish; the ring out to twice the distance only
    /// with `relaxations` (and while fewer than `limit` match).
    fn scan<'s>(
        &'s self,
        plan: &'s CompiledPlan,
        options: &'s MatchOptions,
        relaxations: bool,
    ) -> Matcher<'s> {
        let mut matcher = Matcher::new(plan, &self.roster, options);
        // The carers the viewer holds first, from their real base and private facts (out to
        // twice the distance: the matcher counts the ring only if relaxations are reported);
        // the columns then give everyone else from public facts.
        let outer = 2.0 * plan.max_km.max(0.0);
        matcher.feed(self.held_within(plan.location, outer, options.viewer));
        matcher.feed_apart(self.apart(plan, options.viewer));
        let centre = plan.location.unit_vector();
        let max_2 = chord_for_km(plan.max_km.max(0.0)).powi(2);
        let (mut runs, mut ordered) = (Vec::new(), Vec::new());
        self.blocks
            .select(centre, f64::NEG_INFINITY, max_2, &mut runs);
        carematch_matching::columnar::blocks::order_nearest_first(&runs, max_2, &mut ordered);
        // Nearest first until `limit` have matched, and then on to twice the distance at which
        // that happened (where the worst score kept rises fastest), or until no later run can
        // hold someone for the top `limit`; the rest (most runs of a wide search) in slot order:
        // sequential reads of the columns instead of a jump per block. The result is the same in
        // any order, only the work differs.
        let mut nearest_2: Option<f64> = None;
        let unfilled_2 = chord_for_km(plan.max_km.max(0.0) * NEAREST_UNFILLED).powi(2);
        let mut fed = vec![false; runs.len()];
        for &k in &ordered {
            let (chord_2, slots) = &runs[k];
            let from_2 = *chord_2.start();
            if nearest_2.map_or(from_2 > unfilled_2, |n| from_2 > n)
                || matcher.only_counts_beyond(from_2)
            {
                break;
            }
            fed[k] = true;
            matcher.feed_hot(&self.hot, slots.clone(), chord_2.clone(), false);
            if nearest_2.is_none() && !matcher.needs_relaxations() {
                nearest_2 = Some(*chord_2.end() * NEAREST_AFTER_FILL.powi(2));
            }
        }
        for ((chord_2, slots), _) in runs.drain(..).zip(&fed).filter(|(_, fed)| !**fed) {
            matcher.feed_hot(&self.hot, slots, chord_2, false);
        }
        if relaxations && matcher.needs_relaxations() {
            let twice_2 = chord_for_km(2.0 * plan.max_km.max(0.0)).powi(2);
            self.blocks.select(centre, max_2, twice_2, &mut runs);
            for (chord_2, slots) in runs {
                matcher.feed_hot(&self.hot, slots, chord_2, true);
            }
        }
        matcher
    }

    /// Matches several plans at once: candidates near the first person (within
    /// [`pool_search_km`], twice the largest maximum distance, so that the distance relaxation
    /// is counted) are checked against every plan.
    pub fn match_pooled(&self, plans: &[CompiledPlan], options: &MatchOptions) -> PooledOutcome {
        let Some(first) = plans.first() else {
            return match_pooled(plans, &self.roster, std::iter::empty(), options);
        };
        let slots = self
            .geo
            .within_for(
                &self.roster,
                first.location,
                pool_search_km(plans),
                options.viewer,
            )
            .map(|(slot, _)| slot);
        match_pooled(plans, &self.roster, slots, options)
    }
}

#[cfg(test)]
mod tests;
