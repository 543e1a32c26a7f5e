//! The matcher: one pass over retrieved candidates that filters, scores, keeps the top `limit`
//! in a bounded heap and counts near misses for relaxations. Nothing is allocated per candidate;
//! explanations are built only for the final top `limit`.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::candidate::{Candidate, CandidateKind, Reach, Roster, day_number};
use super::explain::{self, CriterionResult, Relaxation};
use super::plan::{CompiledPlan, MAX_LANGUAGE_NEEDS};
use super::weights::MatchWeights;
use crate::ids::AgencyId;
use crate::vocabulary::{Code, CodeSet};

/// Who is asking: decides which carers without public-listing consent are visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Anonymous: only carers who consented to be listed publicly.
    Public,
    /// An agency: every consenting carer, plus its own carers whether they consented or not.
    Agency(AgencyId),
    /// Every carer.
    Admin,
}

impl Viewer {
    pub fn sees(self, candidate: &Candidate) -> bool {
        candidate.public_listing
            || match self {
                Self::Public => false,
                Self::Agency(agency) => candidate.agency == Some(agency),
                Self::Admin => true,
            }
    }
}

/// Which kinds of candidate to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindFilter {
    pub carers: bool,
    pub providers: bool,
}

impl KindFilter {
    pub const BOTH: Self = Self {
        carers: true,
        providers: true,
    };

    /// The kinds listed; an empty list means both.
    pub fn from_kinds(kinds: &[CandidateKind]) -> Self {
        if kinds.is_empty() {
            return Self::BOTH;
        }
        Self {
            carers: kinds.contains(&CandidateKind::Carer),
            providers: kinds.contains(&CandidateKind::Provider),
        }
    }

    pub fn allows(self, kind: CandidateKind) -> bool {
        match kind {
            CandidateKind::Carer => self.carers,
            CandidateKind::Provider => self.providers,
        }
    }
}

/// Everything about a match request besides the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchOptions {
    pub limit: usize,
    pub kinds: KindFilter,
    /// Checks expire and provider capacity flags lapse relative to this day.
    pub today: NaiveDate,
    pub viewer: Viewer,
    pub weights: MatchWeights,
}

impl MatchOptions {
    /// Limit 20, both kinds, public viewer, default weights.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            limit: 20,
            kinds: KindFilter::BOTH,
            today,
            viewer: Viewer::Public,
            weights: MatchWeights::DEFAULT,
        }
    }
}

/// One ranked candidate with its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Match {
    pub kind: CandidateKind,
    pub id: i64,
    /// A carer's display name (`Mei L.`) or a provider's name.
    pub name: String,
    /// In [0, 1]; see `MatchWeights`.
    pub score: f64,
    /// Rounded to 0.1 km; for a public viewer, a carer's distance is rounded to 0.5 km.
    pub distance_km: f64,
    pub criteria: Vec<CriterionResult>,
}

/// The result of [`match_plan`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MatchOutcome {
    pub matches: Vec<Match>,
    /// Filled only when fewer than `limit` candidates matched.
    pub relaxations: Vec<Relaxation>,
    /// Visible candidates of the kinds asked for that reach the person within the plan's maximum
    /// distance.
    pub considered: usize,
}

// Criterion ids used to count near misses: fixed singletons, then one block of 64 per list.
pub(crate) const C_DISTANCE: usize = 0;
pub(crate) const C_ACCEPTING: usize = 1;
pub(crate) const C_SCHEDULE: usize = 2;
pub(crate) const C_HOURS: usize = 3;
pub(crate) const C_RATE: usize = 4;
pub(crate) const C_NEEDED_BY: usize = 5;
pub(crate) const C_FAITH: usize = 6;
pub(crate) const C_GENDER: usize = 7;
pub(crate) const C_LANGUAGE: usize = 8;
pub(crate) const C_CUISINE: usize = C_LANGUAGE + MAX_LANGUAGE_NEEDS;
pub(crate) const C_DIET: usize = C_CUISINE + 64;
pub(crate) const C_PRACTICE: usize = C_DIET + 64;
pub(crate) const C_SERVICE: usize = C_PRACTICE + 64;
pub(crate) const C_EXPERIENCE: usize = C_SERVICE + 64;
pub(crate) const C_CHECK: usize = C_EXPERIENCE + 64;
pub(crate) const C_COUNT: usize = C_CHECK + 64;

/// Failed required criteria of one candidate: how many (capped at 2) and which (when one).
#[derive(Debug, Clone, Copy, Default)]
struct Failures {
    count: u8,
    id: usize,
    dialect: bool,
}

impl Failures {
    fn add(&mut self, id: usize) {
        self.count = self.count.saturating_add(1);
        self.id = id;
    }

    fn add_mask(&mut self, base: usize, missing: u64) {
        if missing != 0 {
            self.count = self
                .count
                .saturating_add(u8::try_from(missing.count_ones()).unwrap_or(u8::MAX));
            self.id = base + missing.trailing_zeros() as usize;
        }
    }

    fn many(&self) -> bool {
        self.count >= 2
    }
}

/// How a retrieved candidate stands against a plan.
enum Verdict {
    /// Not counted: another kind, hidden from this viewer, out of its own reach, or beyond twice
    /// the plan's maximum distance.
    Skip,
    /// Meets every required criterion.
    Pass,
    /// Fails `count` required criteria (only `count == 1` is kept for relaxations).
    Fail(Failures),
}

/// A plan prepared for one request.
pub(crate) struct Judge<'a> {
    pub plan: &'a CompiledPlan,
    pub roster: &'a Roster,
    pub today: i32,
    pub options: &'a MatchOptions,
}

impl Judge<'_> {
    fn verdict(&self, slot: u32, c: &Candidate, d: f64) -> Verdict {
        let plan = self.plan;
        if !d.is_finite()
            || !self.options.kinds.allows(c.kind)
            || !self.options.viewer.sees(c)
            || d > c.reach.bound_km()
            || d > 2.0 * plan.max_km
        {
            return Verdict::Skip;
        }
        if let Reach::Polygon { .. } = c.reach {
            let inside = self
                .roster
                .side(slot)
                .and_then(|s| s.area.as_ref())
                .is_some_and(|area| area.contains(plan.location));
            if !inside {
                return Verdict::Skip;
            }
        }
        let mut f = Failures::default();
        if d > plan.max_km {
            f.add(C_DISTANCE);
        }
        if !c.accepting_on(self.today) {
            f.add(C_ACCEPTING);
        }
        f.add_mask(
            C_CUISINE,
            plan.cuisines.required.difference(c.cuisines).bits(),
        );
        f.add_mask(C_DIET, plan.diets.required.difference(c.diets).bits());
        f.add_mask(
            C_PRACTICE,
            plan.practices.required.difference(c.practices).bits(),
        );
        f.add_mask(
            C_SERVICE,
            plan.services.required.difference(c.services).bits(),
        );
        f.add_mask(
            C_EXPERIENCE,
            plan.experience.required.difference(c.experience).bits(),
        );
        if f.many() {
            return Verdict::Fail(f);
        }
        for (i, need) in plan.languages.iter().enumerate() {
            if need.required {
                let spoken = c.languages[need.min as usize];
                if !spoken.contains(need.code) {
                    f.add(C_LANGUAGE + i);
                    f.dialect = !spoken.intersection(need.dialect_of).is_empty();
                    if f.many() {
                        return Verdict::Fail(f);
                    }
                }
            }
        }
        let carer = c.kind == CandidateKind::Carer;
        if let Some(w) = plan.shared_faith
            && w.required
            && carer
            && c.faith != Some(w.value)
        {
            f.add(C_FAITH);
        }
        if let Some(w) = plan.carer_gender
            && w.required
            && carer
            && c.gender != Some(w.value)
        {
            f.add(C_GENDER);
        }
        if let Some(s) = &plan.schedule
            && s.required
            && !c.hours_by_arrangement
            && c.week.intersection(&s.mask) != s.mask
        {
            f.add(C_SCHEDULE);
        }
        if let Some(w) = plan.hours
            && w.required
            && c.hours_free < w.value
        {
            f.add(C_HOURS);
        }
        if let Some(w) = plan.max_rate_pence
            && w.required
            && c.rate_pence.is_none_or(|r| r > w.value)
        {
            f.add(C_RATE);
        }
        if let Some(w) = plan.needed_by
            && w.required
            && c.available_from > plan.needed_by_day
        {
            f.add(C_NEEDED_BY);
        }
        if !plan.checks.required.is_empty() {
            f.add_mask(
                C_CHECK,
                plan.checks
                    .required
                    .difference(c.valid_checks(self.today))
                    .bits(),
            );
        }
        if f.many() {
            return Verdict::Fail(f);
        }
        if f.count == 0 {
            Verdict::Pass
        } else {
            Verdict::Fail(f)
        }
    }

    /// The score of a candidate that passed: see [`MatchWeights`].
    pub(crate) fn score(&self, c: &Candidate, d: f64) -> f64 {
        let plan = self.plan;
        let weights = &self.options.weights;
        // Preferred criteria in half points: met 2, partial 1, unmet 0.
        let mut points: u32 = 0;
        let mut total: u32 = 0;
        for need in plan.languages.iter().filter(|l| !l.required) {
            total += 1;
            let spoken = c.languages[need.min as usize];
            if spoken.contains(need.code) {
                points += 2;
            } else if !spoken.intersection(need.dialect_of).is_empty()
                || c.languages[0].contains(need.code)
            {
                points += 1;
            }
        }
        fn count<T: Code>(points: &mut u32, total: &mut u32, wanted: CodeSet<T>, has: CodeSet<T>) {
            *total += wanted.len();
            *points += 2 * wanted.intersection(has).len();
        }
        count(&mut points, &mut total, plan.cuisines.preferred, c.cuisines);
        count(&mut points, &mut total, plan.diets.preferred, c.diets);
        count(
            &mut points,
            &mut total,
            plan.practices.preferred,
            c.practices,
        );
        count(&mut points, &mut total, plan.services.preferred, c.services);
        count(
            &mut points,
            &mut total,
            plan.experience.preferred,
            c.experience,
        );
        if !plan.checks.preferred.is_empty() {
            count(
                &mut points,
                &mut total,
                plan.checks.preferred,
                c.valid_checks(self.today),
            );
        }
        let carer = c.kind == CandidateKind::Carer;
        if let Some(w) = plan.shared_faith.filter(|w| !w.required && carer) {
            total += 1;
            points += 2 * u32::from(c.faith == Some(w.value));
        }
        if let Some(w) = plan.carer_gender.filter(|w| !w.required && carer) {
            total += 1;
            points += 2 * u32::from(c.gender == Some(w.value));
        }
        if let Some(w) = plan.hours.filter(|w| !w.required) {
            total += 1;
            points += if c.hours_free >= w.value {
                2
            } else {
                u32::from(c.hours_free > 0)
            };
        }
        if let Some(w) = plan.max_rate_pence.filter(|w| !w.required) {
            total += 1;
            points += match c.rate_pence {
                Some(rate) if rate <= w.value => 2,
                Some(_) => 0,
                None => 1,
            };
        }
        if plan.needed_by.is_some_and(|w| !w.required) {
            total += 1;
            points += 2 * u32::from(c.available_from <= plan.needed_by_day);
        }

        let mut sum = weights.distance() * distance_component(d, plan.max_km);
        let mut weight = weights.distance();
        if total > 0 {
            sum += weights.preferred() * f64::from(points) / f64::from(2 * total);
            weight += weights.preferred();
        }
        if let Some(s) = &plan.schedule {
            sum += weights.schedule() * coverage(c, &s.mask);
            weight += weights.schedule();
        }
        if weight > 0.0 {
            (sum / weight).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }
}

/// `1 - d / max`, in [0, 1].
pub(crate) fn distance_component(d: f64, max_km: f64) -> f64 {
    if max_km > 0.0 {
        (1.0 - d / max_km).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// Share of the needed schedule the candidate is free for; providers working by arrangement
/// cover all of it.
pub(crate) fn coverage(c: &Candidate, needed: &crate::schedule::WeekMask) -> f64 {
    if c.hours_by_arrangement {
        1.0
    } else {
        c.week.coverage_of(needed)
    }
}

/// A candidate kept in the bounded heap; `Ord` puts better candidates first (less).
#[derive(Debug, Clone, Copy)]
struct Ranked {
    score: f64,
    distance: f64,
    kind: CandidateKind,
    id: i64,
    slot: u32,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.distance.total_cmp(&other.distance))
            .then(self.kind.cmp(&other.kind))
            .then(self.id.cmp(&other.id))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

/// The best `limit` seen so far: a max-heap whose top is the worst kept.
struct TopK {
    heap: BinaryHeap<Ranked>,
    limit: usize,
}

impl TopK {
    fn new(limit: usize) -> Self {
        Self {
            heap: BinaryHeap::with_capacity(limit.min(10_000) + 1),
            limit,
        }
    }

    fn offer(&mut self, ranked: Ranked) {
        if self.heap.len() < self.limit {
            self.heap.push(ranked);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && ranked < *worst
        {
            *worst = ranked;
        }
    }

    fn into_sorted(self) -> Vec<Ranked> {
        self.heap.into_sorted_vec()
    }
}

/// Near-miss counters, one per required criterion id.
struct NearMisses {
    counts: [u32; C_COUNT],
    dialect: [u32; MAX_LANGUAGE_NEEDS],
}

impl NearMisses {
    fn new() -> Self {
        Self {
            counts: [0; C_COUNT],
            dialect: [0; MAX_LANGUAGE_NEEDS],
        }
    }

    fn record(&mut self, f: Failures) {
        if f.count == 1 {
            if let Some(n) = self.counts.get_mut(f.id) {
                *n += 1;
            }
            if f.dialect
                && let Some(n) =
                    f.id.checked_sub(C_LANGUAGE)
                        .and_then(|i| self.dialect.get_mut(i))
            {
                *n += 1;
            }
        }
    }

    fn relaxations(&self, plan: &CompiledPlan) -> Vec<Relaxation> {
        let mut out: Vec<Relaxation> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(id, n)| {
                let dialect = id
                    .checked_sub(C_LANGUAGE)
                    .and_then(|i| self.dialect.get(i))
                    .copied()
                    .unwrap_or(0);
                explain::relaxation(plan, id, *n, dialect)
            })
            .collect();
        out.sort_by(|a, b| {
            b.additional
                .cmp(&a.additional)
                .then_with(|| a.criterion.cmp(&b.criterion))
        });
        out
    }
}

/// Rounds a distance for output: 0.1 km, or 0.5 km for a carer seen by the public.
fn shown_distance(d: f64, kind: CandidateKind, viewer: Viewer) -> f64 {
    if kind == CandidateKind::Carer && viewer == Viewer::Public {
        ((d * 2.0).round() / 2.0).max(0.5)
    } else {
        (d * 10.0).round() / 10.0
    }
}

/// An incremental [`match_plan`]: feed retrieved candidates in batches (e.g. first those within
/// the plan's maximum distance, then, only if [`Matcher::needs_relaxations`], the ring out to
/// twice that distance), then [`Matcher::finish`]. The result does not depend on how the
/// candidates were split into batches or ordered.
pub struct Matcher<'a> {
    judge: Judge<'a>,
    top: TopK,
    misses: NearMisses,
    considered: usize,
    passed: usize,
}

impl<'a> Matcher<'a> {
    pub fn new(plan: &'a CompiledPlan, roster: &'a Roster, options: &'a MatchOptions) -> Self {
        Self {
            judge: Judge {
                plan,
                roster,
                today: day_number(options.today),
                options,
            },
            top: TopK::new(options.limit),
            misses: NearMisses::new(),
            considered: 0,
            passed: 0,
        }
    }

    /// Examines candidates given as `(slot in the roster, distance in km from the person)`. A slot
    /// must not be fed twice.
    pub fn feed(&mut self, hits: impl IntoIterator<Item = (u32, f64)>) {
        let roster = self.judge.roster;
        let max_km = self.judge.plan.max_km;
        for (slot, d) in hits {
            let Some(c) = roster.get(slot) else {
                continue;
            };
            match self.judge.verdict(slot, c, d) {
                Verdict::Skip => {}
                Verdict::Pass => {
                    self.considered += 1;
                    self.passed += 1;
                    self.top.offer(Ranked {
                        score: self.judge.score(c, d),
                        distance: d,
                        kind: c.kind,
                        id: c.id,
                        slot,
                    });
                }
                Verdict::Fail(f) => {
                    if d <= max_km {
                        self.considered += 1;
                    }
                    self.misses.record(f);
                }
            }
        }
    }

    /// True while fewer than `limit` candidates have matched: relaxations will be reported, so
    /// candidates between the maximum distance and twice it should be fed too.
    pub fn needs_relaxations(&self) -> bool {
        self.passed < self.judge.options.limit
    }

    /// Candidates that met every required criterion so far.
    pub fn matched(&self) -> usize {
        self.passed
    }

    pub fn finish(self) -> MatchOutcome {
        let Self {
            judge,
            top,
            misses,
            considered,
            passed,
        } = self;
        let roster = judge.roster;
        let matches: Vec<Match> = top
            .into_sorted()
            .into_iter()
            .filter_map(|r| {
                let c = roster.get(r.slot)?;
                let side = roster.side(r.slot)?;
                Some(Match {
                    kind: r.kind,
                    id: r.id,
                    name: side.name.clone(),
                    score: r.score,
                    distance_km: shown_distance(r.distance, r.kind, judge.options.viewer),
                    criteria: explain::criteria(judge.plan, c, r.distance, judge.today),
                })
            })
            .collect();
        let relaxations = if passed < judge.options.limit {
            misses.relaxations(judge.plan)
        } else {
            Vec::new()
        };
        MatchOutcome {
            matches,
            relaxations,
            considered,
        }
    }
}

/// Matches a plan against retrieved candidates, given as `(slot in roster, distance in km from
/// the person)`. Slots must not repeat. To have distance relaxations counted, pass candidates up
/// to twice the plan's maximum distance; candidates further away are ignored.
pub fn match_plan(
    plan: &CompiledPlan,
    roster: &Roster,
    hits: impl IntoIterator<Item = (u32, f64)>,
    options: &MatchOptions,
) -> MatchOutcome {
    let mut matcher = Matcher::new(plan, roster, options);
    matcher.feed(hits);
    matcher.finish()
}

/// How one pooled candidate fits one of the plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PlanFit {
    /// Index of the plan in the request.
    pub plan: usize,
    pub score: f64,
    pub distance_km: f64,
    pub criteria: Vec<CriterionResult>,
}

/// A candidate who can serve every plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PooledMatch {
    pub kind: CandidateKind,
    pub id: i64,
    pub name: String,
    /// Mean of the per-plan scores.
    pub score: f64,
    /// The furthest of the people, rounded like `Match::distance_km`.
    pub distance_km: f64,
    pub plans: Vec<PlanFit>,
}

/// The result of [`match_pooled`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PooledOutcome {
    pub matches: Vec<PooledMatch>,
    /// Distinct visible candidates of the kinds asked for that were examined.
    pub considered: usize,
}

/// Matches several plans at once (people pooling their budgets): a candidate is returned only if
/// it meets every plan's required criteria and reaches every person within that plan's maximum
/// distance. The score is the mean of the per-plan scores; ties break by the furthest distance,
/// then kind and id.
///
/// `slots` are the candidates to examine (e.g. those the geographic index found near the first
/// plan); repeats are ignored. Distances to each person are computed here from the candidate's
/// base.
pub fn match_pooled(
    plans: &[CompiledPlan],
    roster: &Roster,
    slots: impl IntoIterator<Item = u32>,
    options: &MatchOptions,
) -> PooledOutcome {
    let today = day_number(options.today);
    let mut slots: Vec<u32> = slots.into_iter().collect();
    slots.sort_unstable();
    slots.dedup();
    let judges: Vec<Judge<'_>> = plans
        .iter()
        .map(|plan| Judge {
            plan,
            roster,
            today,
            options,
        })
        .collect();
    let mut top = TopK::new(options.limit);
    let mut considered = 0;
    if !plans.is_empty() {
        for slot in slots {
            let Some(c) = roster.get(slot) else {
                continue;
            };
            if !options.kinds.allows(c.kind) || !options.viewer.sees(c) {
                continue;
            }
            considered += 1;
            let mut total = 0.0;
            let mut furthest: f64 = 0.0;
            let mut serves_all = true;
            for judge in &judges {
                let d = c.location.distance_km(judge.plan.location);
                if !matches!(judge.verdict(slot, c, d), Verdict::Pass) {
                    serves_all = false;
                    break;
                }
                total += judge.score(c, d);
                furthest = furthest.max(d);
            }
            if serves_all {
                top.offer(Ranked {
                    score: total / judges.len() as f64,
                    distance: furthest,
                    kind: c.kind,
                    id: c.id,
                    slot,
                });
            }
        }
    }
    let matches = top
        .into_sorted()
        .into_iter()
        .filter_map(|r| {
            let c = roster.get(r.slot)?;
            let side = roster.side(r.slot)?;
            let fits = judges
                .iter()
                .enumerate()
                .map(|(i, judge)| {
                    let d = c.location.distance_km(judge.plan.location);
                    PlanFit {
                        plan: i,
                        score: judge.score(c, d),
                        distance_km: shown_distance(d, r.kind, options.viewer),
                        criteria: explain::criteria(judge.plan, c, d, today),
                    }
                })
                .collect();
            Some(PooledMatch {
                kind: r.kind,
                id: r.id,
                name: side.name.clone(),
                score: r.score,
                distance_km: shown_distance(r.distance, r.kind, options.viewer),
                plans: fits,
            })
        })
        .collect();
    PooledOutcome {
        matches,
        considered,
    }
}
