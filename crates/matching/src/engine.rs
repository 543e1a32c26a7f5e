//! The matcher: one pass over retrieved candidates that filters, scores, keeps the top `limit`
//! in a bounded heap and counts near misses for relaxations. Nothing is allocated per candidate;
//! explanations are built only for the final top `limit`.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::{Range, RangeInclusive};

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::candidate::{Candidate, CandidateKind, Reach, Roster, day_number};
use super::criterion::{CodeCriterion, CriterionId};
use super::explain::{self, Explanation, Relaxation};
use super::hot::{
    BLOCK, BlockFlags, F_PROVIDER, F_PUBLIC, HotColumns, HotRow, L_CUISINE, L_DIET, L_EXPERIENCE,
    L_FAITH, L_GENDER, L_PRACTICE, L_SERVICE, agency_bit, agency_tag, bit_indices, list_offsets,
};
use super::plan::CompiledPlan;
use super::weights::MatchWeights;
use carematch_domain::geo::{EARTH_RADIUS_M, GeoPoint, chord_for_km};
use carematch_domain::ids::AgencyId;
use carematch_domain::schedule::WeekMask;
use carematch_domain::vocabulary::{
    CheckKind, Code, CodeSet, Cuisine, DietaryLaw, Experience, Faith, FaithPractice, Gender,
    Language, Service,
};

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

    /// Whether this viewer may be answered from the carer's private facts (real base, faith
    /// without public consent): the agency that holds the carer, and admins. Everyone else is
    /// answered from the public cell and the public faith (docs/api.md, "Privacy model").
    pub fn holds(self, candidate: &Candidate) -> bool {
        candidate.kind == CandidateKind::Carer
            && match self {
                Self::Public => false,
                Self::Agency(agency) => candidate.agency == Some(agency),
                Self::Admin => true,
            }
    }

    /// The candidate as this viewer may use it: itself, or for its holder [`Candidate::as_held`].
    pub fn view(self, candidate: &Candidate) -> Cow<'_, Candidate> {
        if self.holds(candidate) {
            Cow::Owned(candidate.as_held())
        } else {
            Cow::Borrowed(candidate)
        }
    }

    /// The point this viewer's distances to the candidate are measured from.
    pub fn point_of(self, candidate: &Candidate) -> GeoPoint {
        if self.holds(candidate) {
            candidate.held_location()
        } else {
            candidate.location()
        }
    }

    /// Whether some candidate could be measured from its real base for this viewer, so that a
    /// search around public points must widen by [`carematch_domain::geo::PUBLIC_CELL_MARGIN_KM`].
    pub fn may_hold(self) -> bool {
        self != Self::Public
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
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Match {
    pub kind: CandidateKind,
    pub id: i64,
    /// A carer's display name (`Mei L.`) or a provider's name.
    pub name: String,
    /// In [0, 1]; see `MatchWeights`.
    pub score: f64,
    /// Rounded to 0.1 km; for a public viewer, a carer's distance is rounded to 0.5 km.
    pub distance_km: f64,
    pub criteria: Vec<Explanation>,
}

/// The result of [`match_plan`].
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MatchOutcome {
    pub matches: Vec<Match>,
    /// Filled only when fewer than `limit` candidates matched.
    pub relaxations: Vec<Relaxation>,
    /// Visible candidates of the kinds asked for that reach the person within the plan's maximum
    /// distance.
    pub considered: usize,
}

/// What the filter reads of a candidate: implemented by [`Candidate`] (one record) and by a row
/// of [`HotColumns`] (struct of arrays), so that both paths share one definition of every rule.
pub(crate) trait Profile {
    fn kind(&self) -> CandidateKind;
    fn accepting_on(&self, today: i32) -> bool;
    fn cuisines(&self) -> CodeSet<Cuisine>;
    fn diets(&self) -> CodeSet<DietaryLaw>;
    fn practices(&self) -> CodeSet<FaithPractice>;
    fn services(&self) -> CodeSet<Service>;
    fn experience(&self) -> CodeSet<Experience>;
    /// Languages spoken at `level` or better.
    fn languages_at(&self, level: usize) -> CodeSet<Language>;
    fn faith(&self) -> Option<Faith>;
    fn gender(&self) -> Option<Gender>;
    fn hours_free(&self) -> u8;
    fn rate_pence(&self) -> Option<u32>;
    fn available_from(&self) -> i32;
    /// Free for every quarter hour of `needed` (or working by arrangement).
    fn covers(&self, needed: &WeekMask) -> bool;
    /// Share of `needed` the candidate is free for (all of it by arrangement).
    fn coverage(&self, needed: &WeekMask) -> f64;
    fn valid_checks(&self, today: i32) -> CodeSet<CheckKind>;
}

impl Profile for Candidate {
    #[inline(always)]
    fn kind(&self) -> CandidateKind {
        self.kind
    }
    #[inline(always)]
    fn accepting_on(&self, today: i32) -> bool {
        Candidate::accepting_on(self, today)
    }
    #[inline(always)]
    fn cuisines(&self) -> CodeSet<Cuisine> {
        self.cuisines
    }
    #[inline(always)]
    fn diets(&self) -> CodeSet<DietaryLaw> {
        self.diets
    }
    #[inline(always)]
    fn practices(&self) -> CodeSet<FaithPractice> {
        self.practices
    }
    #[inline(always)]
    fn services(&self) -> CodeSet<Service> {
        self.services
    }
    #[inline(always)]
    fn experience(&self) -> CodeSet<Experience> {
        self.experience
    }
    #[inline(always)]
    fn languages_at(&self, level: usize) -> CodeSet<Language> {
        self.languages.get(level).copied().unwrap_or(CodeSet::EMPTY)
    }
    #[inline(always)]
    fn faith(&self) -> Option<Faith> {
        self.faith
    }
    #[inline(always)]
    fn gender(&self) -> Option<Gender> {
        self.gender
    }
    #[inline(always)]
    fn hours_free(&self) -> u8 {
        self.hours_free
    }
    #[inline(always)]
    fn rate_pence(&self) -> Option<u32> {
        self.rate_pence
    }
    #[inline(always)]
    fn available_from(&self) -> i32 {
        self.available_from
    }
    #[inline(always)]
    fn covers(&self, needed: &WeekMask) -> bool {
        self.hours_by_arrangement || self.week.intersection(needed) == *needed
    }
    #[inline(always)]
    fn coverage(&self, needed: &WeekMask) -> f64 {
        coverage(self, needed)
    }
    #[inline(always)]
    fn valid_checks(&self, today: i32) -> CodeSet<CheckKind> {
        Candidate::valid_checks(self, today)
    }
}

/// Failed required criteria of one candidate: how many (capped at 2) and which (when one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Failures {
    count: u8,
    /// The last failed criterion: the only one when `count == 1`.
    id: CriterionId,
    dialect: bool,
}

impl Default for Failures {
    fn default() -> Self {
        Self {
            count: 0,
            id: CriterionId::Distance,
            dialect: false,
        }
    }
}

impl Failures {
    fn add(&mut self, id: CriterionId) {
        self.count = self.count.saturating_add(1);
        self.id = id;
    }

    /// Adds one failure per required code the candidate lacks.
    #[inline(always)]
    fn add_missing<T: CodeCriterion>(&mut self, missing: CodeSet<T>) {
        if let Some(first) = missing.iter().next() {
            self.count = self
                .count
                .saturating_add(u8::try_from(missing.len()).unwrap_or(u8::MAX));
            self.id = first.criterion();
        }
    }

    fn many(&self) -> bool {
        self.count >= 2
    }

    fn verdict(self) -> Verdict {
        if self.count == 0 {
            Verdict::Pass
        } else {
            Verdict::Fail(self)
        }
    }
}

/// How a retrieved candidate stands against a plan.
pub(crate) enum Verdict {
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
        if let Reach::Polygon { .. } = c.reach
            && !self.inside_polygon(slot)
        {
            return Verdict::Skip;
        }
        self.failures(c, d > plan.max_km)
    }

    /// Whether the person lies inside the polygon service area of the candidate in `slot`.
    pub(crate) fn inside_polygon(&self, slot: u32) -> bool {
        self.roster
            .side(slot)
            .and_then(|s| s.area.as_ref())
            .is_some_and(|area| area.contains(self.plan.location))
    }

    /// The required criteria a candidate in scope fails (`beyond_max`: its base lies beyond the
    /// plan's maximum distance). Shared by the record-at-a-time and the columnar paths.
    #[inline(always)]
    pub(crate) fn failures<P: Profile>(&self, c: &P, beyond_max: bool) -> Verdict {
        let plan = self.plan;
        let mut f = self.scope_failures(c, beyond_max);
        // Each list is read only when the plan requires something from it, so that the columnar
        // path touches only the columns a plan needs.
        if !plan.cuisines.required.is_empty() {
            f.add_missing(plan.cuisines.required.difference(c.cuisines()));
        }
        if !plan.diets.required.is_empty() {
            f.add_missing(plan.diets.required.difference(c.diets()));
        }
        if !plan.practices.required.is_empty() {
            f.add_missing(plan.practices.required.difference(c.practices()));
        }
        if !plan.services.required.is_empty() {
            f.add_missing(plan.services.required.difference(c.services()));
        }
        if !plan.experience.required.is_empty() {
            f.add_missing(plan.experience.required.difference(c.experience()));
        }
        if f.many() {
            return Verdict::Fail(f);
        }
        for need in &plan.languages {
            if need.required {
                let spoken = c.languages_at(need.min as usize);
                if !spoken.contains(need.code) {
                    f.add(CriterionId::Language(need.code));
                    f.dialect = !spoken.intersection(need.dialect_of).is_empty();
                    if f.many() {
                        return Verdict::Fail(f);
                    }
                }
            }
        }
        let carer = c.kind() == CandidateKind::Carer;
        if let Some(w) = plan.shared_faith
            && w.required
            && carer
            && c.faith() != Some(w.value)
        {
            f.add(CriterionId::Faith(w.value));
        }
        if let Some(w) = plan.carer_gender
            && w.required
            && carer
            && c.gender() != Some(w.value)
        {
            f.add(CriterionId::CarerGender(w.value));
        }
        self.unmapped_failures(c, &mut f, false);
        f.verdict()
    }

    /// [`Judge::failures`] of a candidate known to have every required code (languages at
    /// their levels, cuisines, diets, practices, services, experience, a carer's gender and
    /// faith, and with `schedule_met` the required schedule), e.g. from the bitmaps of
    /// [`HotColumns`]: the columns of those are not read.
    #[inline(always)]
    pub(crate) fn failures_with_codes<P: Profile>(
        &self,
        c: &P,
        beyond_max: bool,
        schedule_met: bool,
    ) -> Verdict {
        let mut f = self.scope_failures(c, beyond_max);
        self.unmapped_failures(c, &mut f, schedule_met);
        f.verdict()
    }

    /// Distance (beyond the maximum) and a provider's lapsed "accepting" flag.
    #[inline(always)]
    fn scope_failures<P: Profile>(&self, c: &P, beyond_max: bool) -> Failures {
        let mut f = Failures::default();
        if beyond_max {
            f.add(CriterionId::Distance);
        }
        if !c.accepting_on(self.today) {
            f.add(CriterionId::AcceptingNewClients);
        }
        f
    }

    /// Adds the failed required criteria that have no bitmaps in [`HotColumns`] (hours, rate,
    /// start date, schedule, checks) to `f`, stopping once it holds two; the schedule only
    /// without `schedule_known` (the caller has it from the half-hour bitmaps).
    #[inline(always)]
    pub(crate) fn unmapped_failures<P: Profile>(
        &self,
        c: &P,
        f: &mut Failures,
        schedule_known: bool,
    ) {
        let plan = self.plan;
        if f.many() {
            return;
        }
        if let Some(w) = plan.hours
            && w.required
            && c.hours_free() < w.value
        {
            f.add(CriterionId::HoursPerWeek);
        }
        if let Some(w) = plan.max_rate_pence
            && w.required
            && c.rate_pence().is_none_or(|r| r > w.value)
        {
            f.add(CriterionId::MaxHourlyRate);
        }
        if let Some(w) = plan.needed_by
            && w.required
            && c.available_from() > plan.needed_by_day
        {
            f.add(CriterionId::NeededBy);
        }
        if f.many() {
            return;
        }
        if !schedule_known
            && let Some(s) = &plan.schedule
            && s.required
            && !c.covers(&s.mask)
        {
            f.add(CriterionId::Schedule);
        }
        if !plan.checks.required.is_empty() {
            f.add_missing(plan.checks.required.difference(c.valid_checks(self.today)));
        }
    }

    /// The score of a candidate that passed: see [`MatchWeights`].
    pub(crate) fn score<P: Profile>(&self, c: &P, d: f64) -> f64 {
        let preferred = self.preferred_points(c);
        let schedule = self.plan.schedule.as_ref().map(|s| c.coverage(&s.mask));
        self.combine(d, preferred, schedule)
    }

    /// [`Judge::score`], or `None` when it is certainly below `floor`: the schedule coverage
    /// (the costly part) is computed only if the score with the whole schedule covered reaches
    /// `floor` (the score is non-decreasing in the coverage, and so is its rounding).
    pub(crate) fn score_above<P: Profile>(&self, c: &P, d: f64, floor: Option<f64>) -> Option<f64> {
        let preferred = self.preferred_points(c);
        let Some(s) = self.plan.schedule.as_ref() else {
            return Some(self.combine(d, preferred, None));
        };
        if let Some(floor) = floor
            && self.combine(d, preferred, Some(1.0)) < floor
        {
            return None;
        }
        Some(self.combine(d, preferred, Some(c.coverage(&s.mask))))
    }

    /// Half points and the number of preferred criteria that apply to the candidate (`None`
    /// when none does).
    #[inline(always)]
    fn preferred_points<P: Profile>(&self, c: &P) -> Option<(u32, u32)> {
        let plan = self.plan;
        // Preferred criteria in half points: met 2, partial 1, unmet 0.
        let mut points: u32 = 0;
        let mut total: u32 = 0;
        for need in plan.languages.iter().filter(|l| !l.required) {
            total += 1;
            let spoken = c.languages_at(need.min as usize);
            if spoken.contains(need.code) {
                points += 2;
            } else if !spoken.intersection(need.dialect_of).is_empty()
                || c.languages_at(0).contains(need.code)
            {
                points += 1;
            }
        }
        // Each list is read only when the plan prefers something from it.
        #[inline(always)]
        fn count<T: Code>(
            points: &mut u32,
            total: &mut u32,
            wanted: CodeSet<T>,
            has: impl FnOnce() -> CodeSet<T>,
        ) {
            if !wanted.is_empty() {
                *total += wanted.len();
                *points += 2 * wanted.intersection(has()).len();
            }
        }
        count(&mut points, &mut total, plan.cuisines.preferred, || {
            c.cuisines()
        });
        count(&mut points, &mut total, plan.diets.preferred, || c.diets());
        count(&mut points, &mut total, plan.practices.preferred, || {
            c.practices()
        });
        count(&mut points, &mut total, plan.services.preferred, || {
            c.services()
        });
        count(&mut points, &mut total, plan.experience.preferred, || {
            c.experience()
        });
        count(&mut points, &mut total, plan.checks.preferred, || {
            c.valid_checks(self.today)
        });
        let carer = c.kind() == CandidateKind::Carer;
        if let Some(w) = plan.shared_faith.filter(|w| !w.required && carer) {
            total += 1;
            points += 2 * u32::from(c.faith() == Some(w.value));
        }
        if let Some(w) = plan.carer_gender.filter(|w| !w.required && carer) {
            total += 1;
            points += 2 * u32::from(c.gender() == Some(w.value));
        }
        if let Some(w) = plan.hours.filter(|w| !w.required) {
            total += 1;
            let free = c.hours_free();
            points += if free >= w.value {
                2
            } else {
                u32::from(free > 0)
            };
        }
        if let Some(w) = plan.max_rate_pence.filter(|w| !w.required) {
            total += 1;
            points += match c.rate_pence() {
                Some(rate) if rate <= w.value => 2,
                Some(_) => 0,
                None => 1,
            };
        }
        if plan.needed_by.is_some_and(|w| !w.required) {
            total += 1;
            points += 2 * u32::from(c.available_from() <= plan.needed_by_day);
        }

        (total > 0).then_some((points, total))
    }

    /// The weighted mean of the components that apply.
    #[inline(always)]
    fn combine(&self, d: f64, preferred: Option<(u32, u32)>, schedule: Option<f64>) -> f64 {
        let weights = &self.options.weights;
        let mut sum = weights.distance() * distance_component(d, self.plan.max_km);
        let mut weight = weights.distance();
        if let Some((points, total)) = preferred {
            sum += weights.preferred() * f64::from(points) / f64::from(2 * total);
            weight += weights.preferred();
        }
        if let Some(s) = schedule {
            sum += weights.schedule() * s;
            weight += weights.schedule();
        }
        if weight > 0.0 {
            (sum / weight).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// An upper bound on [`Judge::score`] for a candidate at distance `d` or more with at most
    /// `points` (half points) of `total` preferred criteria, covering at most `coverage` of the
    /// schedule, plus the same margin as [`Judge::score_bound`].
    pub(crate) fn share_bound(&self, d: f64, points: u32, total: u32, coverage: f64) -> f64 {
        let schedule = self.plan.schedule.as_ref().map(|_| coverage);
        let preferred = (total > 0).then_some((points.min(2 * total), total));
        self.combine(d, preferred, schedule) * (1.0 + 1e-9) + 1e-12
    }

    /// An upper bound on [`Judge::score`] for any candidate at distance `d` or more: every
    /// preferred criterion met and the whole schedule covered, with or without the preferred
    /// component (it drops out when no preferred criterion applies to the candidate), plus a
    /// margin far above floating-point rounding.
    pub(crate) fn score_bound(&self, d: f64) -> f64 {
        let schedule = self.plan.schedule.as_ref().map(|_| 1.0);
        let bound = self
            .combine(d, Some((2, 1)), schedule)
            .max(self.combine(d, None, schedule));
        bound * (1.0 + 1e-9) + 1e-12
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
pub(crate) fn coverage(c: &Candidate, needed: &WeekMask) -> f64 {
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

    fn is_full(&self) -> bool {
        self.heap.len() >= self.limit
    }

    /// The score of the worst kept candidate.
    fn worst(&self) -> Option<f64> {
        self.heap.peek().map(|r| r.score)
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

/// Near-miss counters, one per required criterion ([`CriterionId::index`]).
struct NearMisses {
    counts: [u32; CriterionId::COUNT],
    /// Per language (by code index): how many of those failing only it speak a related one.
    dialect: [u32; 64],
}

impl NearMisses {
    fn new() -> Self {
        Self {
            counts: [0; CriterionId::COUNT],
            dialect: [0; 64],
        }
    }

    fn record(&mut self, f: Failures) {
        if f.count == 1 {
            self.add(f.id, 1);
            if f.dialect {
                self.add_dialect(f.id, 1);
            }
        }
    }

    /// `n` candidates failing only criterion `id`.
    fn add(&mut self, id: CriterionId, n: u32) {
        if let Some(count) = self.counts.get_mut(id.index()) {
            *count += n;
        }
    }

    /// `n` of those failing only the language criterion `id` speak a related language.
    fn add_dialect(&mut self, id: CriterionId, n: u32) {
        if let CriterionId::Language(language) = id
            && let Some(count) = self.dialect.get_mut(usize::from(language.index()))
        {
            *count += n;
        }
    }

    fn relaxations(&self, plan: &CompiledPlan) -> Vec<Relaxation> {
        let mut out: Vec<(String, Relaxation)> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .filter_map(|(index, n)| {
                let id = CriterionId::from_index(index)?;
                let dialect = match id {
                    CriterionId::Language(language) => self.dialect[usize::from(language.index())],
                    _ => 0,
                };
                let relaxation = Relaxation::of(plan, id, *n, dialect)?;
                Some((id.to_string(), relaxation))
            })
            .collect();
        out.sort_by(|(a_name, a), (b_name, b)| {
            b.additional
                .cmp(&a.additional)
                .then_with(|| a_name.cmp(b_name))
        });
        out.into_iter().map(|(_, r)| r).collect()
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
    /// Precomputed for [`Matcher::feed_hot`].
    geometry: Geometry,
    /// The rows in [`HotColumns`]' bitmaps of every required code.
    required_rows: Vec<RequiredRow>,
    /// A required schedule made of whole half hours: those half hours, so that the bitmaps of
    /// [`HotColumns::half_hours`] decide it like a required code (`None` otherwise).
    schedule_halves: Option<Vec<u16>>,
    /// Whether the bitmaps decide every required criterion for a carer (no required hours, rate,
    /// start date or check, and no required schedule other than one of whole half hours).
    bitmaps_decide: bool,
    /// For score bounds: one code row per half point a preferred criterion can give (see
    /// [`preferred_units`]), the half points the other preferred criteria can give at most, and
    /// the number of preferred criteria.
    preferred_units: Vec<usize>,
    other_units: u32,
    preferred_total: u32,
    /// Per number of those half points a candidate has, the squared chord beyond which it
    /// cannot enter the full top `limit` (empty until it is full).
    unit_limits: Vec<f64>,
    /// The two-hour parts of the week a preferred schedule touches (empty without one), and the
    /// limits above for candidates with no time free in any of them (covering none of it).
    schedule_parts: Vec<u8>,
    unit_limits_unscheduled: Vec<f64>,
    /// Slots only to be counted in `considered` if in range, whose test waits for a batch
    /// ([`Matcher::count_later`]), and the columns they are in.
    to_count: Vec<u32>,
    to_count_in: Option<&'a HotColumns>,
}

/// Slots [`Matcher::count_later`] gathers before testing them in one pass.
const COUNT_BATCH: usize = 256;

/// The person's unit vector and squared-chord thresholds: below `lo` a base is certainly within
/// the distance, above `hi` certainly beyond it; in between the exact km decides.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    centre: [f64; 3],
    max: Band,
    twice: Band,
    /// Passing candidates whose squared chord exceeds this cannot enter the full top `limit`.
    rank_chord_2: f64,
}

#[derive(Debug, Clone, Copy)]
struct Band {
    lo: f64,
    hi: f64,
    km: f64,
}

/// One run of slots fed to [`Matcher::feed_hot`].
struct Run {
    /// A lower bound on the squared chord to every base in the run.
    min_2: f64,
    /// Every base is certainly within this pass's range: the maximum distance (first pass), or
    /// beyond it and within twice it (ring).
    certain: bool,
    /// A reach whose squared chord is at least this certainly covers the person from anywhere in
    /// the run.
    reach_2: f64,
    ring: bool,
}

/// A required code's bitmap row, the criterion it counts against, and for a language the rows
/// of its related languages at the same level (for "confirm dialect").
struct RequiredRow {
    row: usize,
    id: CriterionId,
    dialect_rows: Vec<usize>,
}

/// The rows of the plan's required codes in the lists with bitmaps (see [`list_offsets`]):
/// languages at their minimum level, codes, a carer's gender and faith.
fn required_rows(plan: &CompiledPlan) -> Vec<RequiredRow> {
    let (offsets, _) = list_offsets();
    let mut out = Vec::new();
    for need in &plan.languages {
        if need.required
            && let Some(offset) = offsets.get(need.min as usize)
        {
            out.push(RequiredRow {
                row: offset + usize::from(need.code.index()),
                id: CriterionId::Language(need.code),
                dialect_rows: need
                    .dialect_of
                    .iter()
                    .map(|d| offset + usize::from(d.index()))
                    .collect(),
            });
        }
    }
    fn add<T: CodeCriterion>(out: &mut Vec<RequiredRow>, offset: usize, required: CodeSet<T>) {
        out.extend(required.iter().map(|code| RequiredRow {
            row: offset + usize::from(code.index()),
            id: code.criterion(),
            dialect_rows: Vec::new(),
        }));
    }
    add(&mut out, offsets[L_CUISINE], plan.cuisines.required);
    add(&mut out, offsets[L_DIET], plan.diets.required);
    add(&mut out, offsets[L_PRACTICE], plan.practices.required);
    add(&mut out, offsets[L_SERVICE], plan.services.required);
    add(&mut out, offsets[L_EXPERIENCE], plan.experience.required);
    if let Some(w) = plan.carer_gender.filter(|w| w.required) {
        out.push(RequiredRow {
            row: offsets[L_GENDER] + usize::from(w.value.index()),
            id: CriterionId::CarerGender(w.value),
            dialect_rows: Vec::new(),
        });
    }
    if let Some(w) = plan.shared_faith.filter(|w| w.required) {
        out.push(RequiredRow {
            row: offsets[L_FAITH] + usize::from(w.value.index()),
            id: CriterionId::Faith(w.value),
            dialect_rows: Vec::new(),
        });
    }
    out
}

/// The half hours of a required schedule, when it is made of whole half hours (a schedule of
/// quarter hours is read member by member).
fn schedule_halves(plan: &CompiledPlan) -> Option<Vec<u16>> {
    let schedule = plan.schedule.as_ref().filter(|s| s.required)?;
    if !schedule.mask.is_whole_half_hours() {
        return None;
    }
    let halves = schedule.mask.whole_half_hours();
    Some(
        bit_indices(&halves)
            .filter_map(|k| u16::try_from(k).ok())
            .collect(),
    )
}

/// The two-hour parts of the week a preferred schedule with a weight touches: a candidate with no
/// time in any of them scores nothing for the schedule (empty without such a schedule).
fn schedule_parts(plan: &CompiledPlan, options: &MatchOptions) -> Vec<u8> {
    let Some(schedule) = plan.schedule.as_ref().filter(|s| !s.required) else {
        return Vec::new();
    };
    if options.weights.schedule() <= 0.0 {
        return Vec::new();
    }
    let parts = schedule.mask.two_hour_parts();
    bit_indices(&parts)
        .filter_map(|s| u8::try_from(s).ok())
        .collect()
}

/// Whether every required criterion of the plan that applies to a carer has bitmap rows (the
/// schedule's when `schedule_mapped`).
fn bitmaps_decide(plan: &CompiledPlan, schedule_mapped: bool) -> bool {
    (schedule_mapped || plan.schedule.as_ref().is_none_or(|s| !s.required))
        && plan.hours.is_none_or(|w| !w.required)
        && plan.max_rate_pence.is_none_or(|w| !w.required)
        && plan.needed_by.is_none_or(|w| !w.required)
        && plan.checks.required.is_empty()
}

fn add_codes(out: &mut Vec<usize>, offsets: &[usize], plan: &CompiledPlan, required: bool) {
    let pick = |r: u64, p: u64| if required { r } else { p };
    let lists = [
        (
            L_CUISINE,
            pick(
                plan.cuisines.required.bits(),
                plan.cuisines.preferred.bits(),
            ),
        ),
        (
            L_DIET,
            pick(plan.diets.required.bits(), plan.diets.preferred.bits()),
        ),
        (
            L_PRACTICE,
            pick(
                plan.practices.required.bits(),
                plan.practices.preferred.bits(),
            ),
        ),
        (
            L_SERVICE,
            pick(
                plan.services.required.bits(),
                plan.services.preferred.bits(),
            ),
        ),
        (
            L_EXPERIENCE,
            pick(
                plan.experience.required.bits(),
                plan.experience.preferred.bits(),
            ),
        ),
    ];
    for (list, mut bits) in lists {
        while bits != 0 {
            out.push(offsets[list] + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
    }
    if let Some(w) = plan.carer_gender.filter(|w| w.required == required) {
        out.push(offsets[L_GENDER] + usize::from(w.value.index()));
    }
    if let Some(w) = plan.shared_faith.filter(|w| w.required == required) {
        out.push(offsets[L_FAITH] + usize::from(w.value.index()));
    }
}

/// One code row per half point: a preferred code, gender or faith gives two (met or not), a
/// preferred language one for "spoken at the level" (the other half, for a partial match, is
/// counted in [`other_units`]).
fn preferred_units(plan: &CompiledPlan) -> Vec<usize> {
    let (offsets, _) = list_offsets();
    let mut codes = Vec::new();
    add_codes(&mut codes, &offsets, plan, false);
    let mut out: Vec<usize> = codes.iter().flat_map(|c| [*c, *c]).collect();
    for need in plan.languages.iter().filter(|l| !l.required) {
        if let Some(offset) = offsets.get(need.min as usize) {
            out.push(offset + usize::from(need.code.index()));
        }
    }
    out
}

/// Half points that preferred criteria without rows can give at most: one per preferred
/// language (its partial half), two per check, hours, rate and needed-by.
fn other_units(plan: &CompiledPlan) -> u32 {
    let count = |b: bool| u32::from(b);
    let languages = plan.languages.iter().filter(|l| !l.required).count();
    u32::try_from(languages).unwrap_or(u32::MAX)
        + 2 * (plan.checks.preferred.len()
            + count(plan.hours.is_some_and(|w| !w.required))
            + count(plan.max_rate_pence.is_some_and(|w| !w.required))
            + count(plan.needed_by.is_some_and(|w| !w.required)))
}

/// The number of preferred criteria counted in a carer's score; a provider's leaves out gender
/// and faith, and counting them as met for a provider only loosens the bound.
fn preferred_total(plan: &CompiledPlan) -> u32 {
    let count = |b: bool| u32::from(b);
    let languages = plan.languages.iter().filter(|l| !l.required).count();
    u32::try_from(languages).unwrap_or(u32::MAX)
        + plan.cuisines.preferred.len()
        + plan.diets.preferred.len()
        + plan.practices.preferred.len()
        + plan.services.preferred.len()
        + plan.experience.preferred.len()
        + plan.checks.preferred.len()
        + count(plan.shared_faith.is_some_and(|w| !w.required))
        + count(plan.carer_gender.is_some_and(|w| !w.required))
        + count(plan.hours.is_some_and(|w| !w.required))
        + count(plan.max_rate_pence.is_some_and(|w| !w.required))
        + count(plan.needed_by.is_some_and(|w| !w.required))
}

/// Members of a block that lack at most `m` of the codes in `words` (rows of `bits` with
/// `blocks` words each).
fn lacking_at_most(bits: &[u64], blocks: usize, block: usize, words: &[usize], m: usize) -> u64 {
    const DEPTH: usize = 16;
    if m >= words.len() || m + 1 >= DEPTH {
        return u64::MAX;
    }
    // at_least[j]: members lacking at least j of the codes seen so far.
    let mut at_least = [0u64; DEPTH];
    at_least[0] = u64::MAX;
    for word in words {
        let missing = !bits.get(word * blocks + block).copied().unwrap_or(0);
        for j in (1..=m + 1).rev() {
            at_least[j] |= at_least[j - 1] & missing;
        }
    }
    !at_least[m + 1]
}

/// How many leading values of a non-increasing slice are at least `threshold`: counted over the
/// whole slice (a block's 64 reaches). The compares vectorise and the eight cache lines are
/// fetched at once, where each probe of a binary search waits for the line of the one before:
/// with cold caches, alternating run by run, the slowest benchmark plans took 7–9% less time,
/// typical ones 3–4% less (warm: 3.5–4.5% less).
#[inline(always)]
fn count_leading(sorted: &[f64], threshold: f64) -> usize {
    sorted.iter().map(|r| usize::from(*r >= threshold)).sum()
}

/// The lowest `n` bits.
fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Relative margin on squared chords: far above rounding, far below any real distance.
const CHORD_2_MARGIN: f64 = 1e-9;

impl Band {
    fn new(km: f64) -> Self {
        let chord_2 = chord_for_km(km.max(0.0)).powi(2);
        Self {
            lo: chord_2 * (1.0 - CHORD_2_MARGIN),
            hi: chord_2 * (1.0 + CHORD_2_MARGIN),
            km,
        }
    }

    /// Whether a base at squared chord `d2` is within the band's distance.
    #[inline(always)]
    fn holds(&self, d2: f64) -> bool {
        d2 <= self.lo || (d2 <= self.hi && km_for_chord_2(d2) <= self.km)
    }
}

/// Great-circle km from a squared chord on the unit sphere (the haversine formula's last step),
/// computed exactly as `carematch_index::geo::km_for_chord(d2.sqrt())`.
#[inline(always)]
fn km_for_chord_2(d2: f64) -> f64 {
    2.0 * EARTH_RADIUS_M * (d2.sqrt() / 2.0).clamp(0.0, 1.0).asin() / 1000.0
}

/// Squared chord between two unit vectors, in the index's order of operations.
#[inline(always)]
fn chord_2(a: [f64; 3], b: [f64; 3]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
}

impl<'a> Matcher<'a> {
    pub fn new(plan: &'a CompiledPlan, roster: &'a Roster, options: &'a MatchOptions) -> Self {
        let halves = schedule_halves(plan);
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
            geometry: Geometry {
                centre: plan.location.unit_vector(),
                max: Band::new(plan.max_km),
                twice: Band::new(2.0 * plan.max_km),
                rank_chord_2: f64::INFINITY,
            },
            required_rows: required_rows(plan),
            bitmaps_decide: bitmaps_decide(plan, halves.is_some()),
            schedule_halves: halves,
            preferred_units: preferred_units(plan),
            other_units: other_units(plan),
            preferred_total: preferred_total(plan),
            unit_limits: Vec::new(),
            schedule_parts: schedule_parts(plan, options),
            unit_limits_unscheduled: Vec::new(),
            to_count: Vec::new(),
            to_count_in: None,
        }
    }

    /// Examines the candidates in `slots` from their columns: the same as [`Matcher::feed`]
    /// given those of them whose base lies within the plan's maximum distance (`ring == false`),
    /// or beyond it and within twice it (`ring == true`), each at its great-circle distance from
    /// the person computed from the unit vectors. `hot` must be built from this matcher's roster
    /// in its current order; slots outside it are ignored.
    ///
    /// `bounds` bound the squared chord between the person's unit vector and every base in
    /// `slots` (e.g. from a bounding box; `0.0..=f64::INFINITY` is always right): whole runs can
    /// then be taken as in range without reading positions. Feeding runs nearest first lets the
    /// matcher stop scoring, and once `limit` have matched, stop judging, candidates that can no
    /// longer enter the top `limit` (they are still counted in `considered`; [`Matcher::matched`]
    /// then stays at least `limit`).
    ///
    /// The columns hold public facts (a carer's public cell, the faith it agreed to show), so
    /// they give only the candidates the viewer does not hold ([`Viewer::holds`]): feed the
    /// carers it holds with [`Matcher::feed`] at distances from their real base, before the
    /// columns so that the top `limit` fills early.
    pub fn feed_hot(
        &mut self,
        hot: &'a HotColumns,
        slots: Range<u32>,
        bounds: RangeInclusive<f64>,
        ring: bool,
    ) {
        let end = (slots.end as usize)
            .min(hot.len())
            .min(self.judge.roster.len());
        let start = (slots.start as usize).min(end);
        if ring && self.passed >= self.judge.options.limit {
            return;
        }
        if !self
            .to_count_in
            .is_some_and(|columns| std::ptr::eq(columns, hot))
        {
            self.count_later_now();
            self.to_count_in = Some(hot);
        }
        let (min_2, max_2) = (*bounds.start(), *bounds.end());
        let run = Run {
            min_2,
            certain: if ring {
                min_2 > self.geometry.max.hi && max_2 <= self.geometry.twice.lo
            } else {
                max_2 <= self.geometry.max.lo
            },
            reach_2: max_2 / (1.0 - CHORD_2_MARGIN),
            ring,
        };
        let mut i = start;
        while i < end {
            let block = i / BLOCK;
            let block_end = ((block + 1) * BLOCK).min(hot.len());
            if i == block * BLOCK && block_end <= end && block < hot.blocks.len() {
                self.feed_block(hot, block, block_end - i, &run);
                i = block_end;
            } else {
                let stop = block_end.min(end);
                for slot in i..stop {
                    if self.visible(hot, slot) {
                        self.judge_slot(hot, slot, &run, false);
                    }
                }
                i = stop;
            }
        }
    }

    /// Whether the kinds asked for include the candidate in slot `i` and the viewer sees it.
    #[inline(always)]
    fn visible(&self, hot: &HotColumns, i: usize) -> bool {
        let flags = hot.flags[i];
        let kinds = self.judge.options.kinds;
        let kind_ok = if flags & F_PROVIDER != 0 {
            kinds.providers
        } else {
            kinds.carers
        };
        // The columns hold public facts only: the carers a viewer holds are fed record by
        // record with their private facts ([`Matcher::feed`]) and are left out here.
        kind_ok
            && flags & F_PUBLIC != 0
            && match self.judge.options.viewer {
                Viewer::Public => true,
                Viewer::Agency(agency) => flags & F_PROVIDER != 0 || hot.agency[i] != Some(agency),
                Viewer::Admin => flags & F_PROVIDER != 0,
            }
    }

    /// One whole block: kind and visibility, then the required codes from the block's bitmaps.
    /// Candidates failing two or more required codes (or, once `limit` have matched, any) are
    /// only counted; in-range counting takes whole runs of the block's reach-sorted slots at
    /// once when its bounding box allows. While relaxations may be reported, carers whose
    /// verdict the bitmaps decide (a plan whose required criteria all have bitmaps) and who are
    /// certainly in range are counted against their one failed criterion without being read.
    fn feed_block(&mut self, hot: &HotColumns, block: usize, n: usize, run: &Run) {
        let base = block * BLOCK;
        let flags = hot.blocks[block];
        let visible = self.visible_in_block(hot, &flags, base, n);
        if visible == 0 {
            return;
        }
        let decides = |certain: u64| {
            if self.bitmaps_decide {
                certain & !flags.provider
            } else {
                0
            }
        };
        if run.ring {
            // Only distance can be relaxed here: members failing no other criterion, whose
            // bitmaps are read before the reaches (most blocks of the ring have none).
            let (failing, _) = self.required_failures(hot, block, visible, 1);
            let (certain, none) = Self::in_reach(hot, &flags, base, n, visible & !failing, run);
            let bulk = none & decides(certain);
            self.misses.add(CriterionId::Distance, bulk.count_ones());
            self.judge_members(hot, base, none & !bulk, run, true);
            return;
        }
        let limit = self.judge.options.limit;
        let filling = self.passed < limit;
        let (certain, possible) = Self::in_reach(hot, &flags, base, n, visible, run);
        if possible == 0 {
            return;
        }
        if !run.ring && !filling && run.min_2 > self.geometry.rank_chord_2 {
            // Relaxations will not be reported and no one here can enter the top `limit`.
            self.count_in_scope(hot, base, possible, certain, run);
            return;
        }
        let (one_or_more, two_or_more) = self.required_failures(hot, block, possible, 2);
        let none = possible & !one_or_more;
        let exactly_one = possible & one_or_more & !two_or_more;
        // Carers certainly in range whose verdict the bitmaps decide.
        let decided = decides(certain);
        let mut to_judge = if filling {
            none | exactly_one
        } else {
            none & self.may_rank(hot, block, run.min_2)
        };
        if filling {
            let bulk = exactly_one & decided;
            // Carers failing exactly one code when the plan also requires something without a
            // bitmap (a schedule, say): only those criteria are read, not the codes again.
            let partly = exactly_one & !decided & !flags.provider;
            let single = bulk | self.meeting_unmapped(hot, base, partly, run);
            self.considered += bulk.count_ones() as usize;
            self.count_single_failures(hot, block, single);
            to_judge &= !(bulk | partly);
            self.count_in_scope(
                hot,
                base,
                possible & !to_judge & !bulk & !partly,
                certain,
                run,
            );
        } else {
            self.count_in_scope(hot, base, possible & !to_judge, certain, run);
        }
        // Members failing no required code need only the criteria without bitmaps read.
        self.judge_members(hot, base, to_judge & none, run, true);
        self.judge_members(hot, base, to_judge & !none, run, false);
    }

    /// Of `members` of a block, those certainly in range for this pass and reaching the person
    /// from anywhere in the block's box (polygons are always tested), and those that may be.
    #[inline(always)]
    fn in_reach(
        hot: &HotColumns,
        flags: &BlockFlags,
        base: usize,
        n: usize,
        members: u64,
        run: &Run,
    ) -> (u64, u64) {
        if members == 0 || !flags.reach_sorted {
            return (0, members);
        }
        let reach = &hot.reach_chord_2[base..base + n];
        let sure = if run.certain {
            low_bits(count_leading(reach, run.reach_2)) & !flags.polygon
        } else {
            0
        };
        // Reaches short of the nearest corner of the box: certainly out.
        let reaching = count_leading(reach, run.min_2 / (1.0 + CHORD_2_MARGIN));
        (
            sure & members,
            (low_bits(reaching) | flags.polygon) & members,
        )
    }

    /// Bit-sliced count of the required codes each member of a block lacks, saturating at two:
    /// (lacking one or more, lacking two or more). The half-hour bitmaps of a required schedule
    /// are read only while some of `members` lacks fewer than `enough` codes (the count of the
    /// others is right without them).
    #[inline(always)]
    fn required_failures(
        &self,
        hot: &HotColumns,
        block: usize,
        members: u64,
        enough: u8,
    ) -> (u64, u64) {
        let blocks = hot.blocks.len();
        let (mut one_or_more, mut two_or_more) = (0u64, 0u64);
        for row in &self.required_rows {
            let missing = !hot.bits.get(row.row * blocks + block).copied().unwrap_or(0);
            two_or_more |= one_or_more & missing;
            one_or_more |= missing;
        }
        let settled = if enough >= 2 {
            two_or_more
        } else {
            one_or_more
        };
        if let Some(halves) = &self.schedule_halves
            && members & !settled != 0
        {
            let missing = !hot.free_for(block, halves);
            two_or_more |= one_or_more & missing;
            one_or_more |= missing;
        }
        (one_or_more, two_or_more)
    }

    /// Visible members of a block: the kinds asked for, seen by the viewer.
    #[inline(always)]
    fn visible_in_block(&self, hot: &HotColumns, flags: &BlockFlags, base: usize, n: usize) -> u64 {
        let kinds = self.judge.options.kinds;
        let mut visible = low_bits(n);
        if !kinds.carers {
            visible &= flags.provider;
        }
        if !kinds.providers {
            visible &= !flags.provider;
        }
        // Public members only: the carers a viewer holds (its own, or all for an admin) are
        // fed record by record with their private facts ([`Matcher::feed`]), not from here.
        visible &= flags.public;
        match self.judge.options.viewer {
            Viewer::Public => {}
            Viewer::Admin => visible &= flags.provider,
            Viewer::Agency(agency) => {
                // The block's summary of its carers' agencies rules most blocks out.
                if flags.agencies & agency_bit(agency) != 0 {
                    let tag = agency_tag(agency);
                    let mut carers = visible & !flags.provider;
                    while carers != 0 {
                        let j = carers.trailing_zeros() as usize;
                        if hot.agency_tag[base + j] == tag && hot.agency[base + j] == Some(agency) {
                            visible &= !(1u64 << j);
                        }
                        carers &= carers - 1;
                    }
                }
            }
        }
        visible
    }

    /// Counts `members` (visible, may be in range) that are in range and reach the person;
    /// `certain` ones without reading them.
    #[inline(always)]
    fn count_in_scope(
        &mut self,
        hot: &HotColumns,
        base: usize,
        members: u64,
        certain: u64,
        run: &Run,
    ) {
        if run.ring {
            return;
        }
        let quick = members & certain;
        self.considered += quick.count_ones() as usize;
        let rest = members & !quick;
        let polygons = rest & hot.blocks[base / BLOCK].polygon;
        let mut now = polygons;
        while now != 0 {
            let j = now.trailing_zeros() as usize;
            if self.in_scope(hot, base + j, run).is_some() {
                self.considered += 1;
            }
            now &= now - 1;
        }
        self.count_later(hot, base, rest & !polygons);
    }

    /// Leaves `members` of the block at `base` (none with a polygon) to be counted in
    /// `considered` if in range, in a batch: testing them there, with no other work between the
    /// reads, lets the processor fetch many positions at once instead of a few per block.
    #[inline(always)]
    fn count_later(&mut self, hot: &HotColumns, base: usize, mut members: u64) {
        while members != 0 {
            let j = members.trailing_zeros() as usize;
            match u32::try_from(base + j) {
                Ok(slot) => self.to_count.push(slot),
                Err(_) => self.considered += usize::from(self.in_range(hot, base + j)),
            }
            members &= members - 1;
        }
        if self.to_count.len() >= COUNT_BATCH {
            self.count_batch(hot);
        }
    }

    /// Counts the slots left by [`Matcher::count_later`] now (before the columns change or the
    /// outcome is read).
    fn count_later_now(&mut self) {
        if let Some(hot) = self.to_count_in {
            self.count_batch(hot);
        }
    }

    fn count_batch(&mut self, hot: &HotColumns) {
        let in_range: usize = self
            .to_count
            .iter()
            .map(|slot| usize::from(self.in_range(hot, *slot as usize)))
            .sum();
        self.considered += in_range;
        self.to_count.clear();
    }

    /// Whether the member in slot `i` (not a polygon) is within the maximum distance and reaches
    /// the person: `in_scope` of the first pass, without a branch unless the distance is within
    /// rounding of a threshold.
    #[inline(always)]
    fn in_range(&self, hot: &HotColumns, i: usize) -> bool {
        let g = &self.geometry;
        let exact = chord_2(hot.pos[i], g.centre);
        let reach_2 = hot.reach_chord_2[i];
        let (reach_lo, reach_hi) = (
            reach_2 * (1.0 - CHORD_2_MARGIN),
            reach_2 * (1.0 + CHORD_2_MARGIN),
        );
        let sure_in = (exact <= g.max.lo) & (exact <= reach_lo);
        let sure_out = (exact > g.max.hi) | (exact > reach_hi);
        if sure_in | sure_out {
            sure_in
        } else {
            g.max.holds(exact) && (exact <= reach_lo || km_for_chord_2(exact) <= hot.reach_km[i])
        }
    }

    /// Judges `members` one by one.
    #[inline(always)]
    fn judge_members(
        &mut self,
        hot: &HotColumns,
        base: usize,
        mut members: u64,
        run: &Run,
        codes_met: bool,
    ) {
        while members != 0 {
            let j = members.trailing_zeros() as usize;
            self.judge_slot(hot, base + j, run, codes_met);
            members &= members - 1;
        }
    }

    /// Counts `members` (carers, each failing exactly one required code) that are in range and
    /// gives those of them that meet every required criterion without a bitmap.
    fn meeting_unmapped(&mut self, hot: &HotColumns, base: usize, members: u64, run: &Run) -> u64 {
        let (mut rest, mut meeting) = (members, 0u64);
        while rest != 0 {
            let j = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if self.in_scope(hot, base + j, run).is_none() {
                continue;
            }
            self.considered += 1;
            let mut f = Failures::default();
            self.judge.unmapped_failures(
                &HotRow { hot, i: base + j },
                &mut f,
                self.schedule_halves.is_some(),
            );
            if f.count == 0 {
                meeting |= 1u64 << j;
            }
        }
        meeting
    }

    /// Records `members`, each failing exactly one required row and nothing else, against that
    /// criterion (with, for a language, those who speak a related one).
    fn count_single_failures(&mut self, hot: &HotColumns, block: usize, members: u64) {
        if members == 0 {
            return;
        }
        let blocks = hot.blocks.len();
        for row in &self.required_rows {
            let missing = !hot.bits.get(row.row * blocks + block).copied().unwrap_or(0);
            let failing = members & missing;
            if failing == 0 {
                continue;
            }
            let mut related = 0u64;
            for dialect in &row.dialect_rows {
                related |= hot.bits.get(dialect * blocks + block).copied().unwrap_or(0);
            }
            let dialect = (failing & related).count_ones();
            self.misses.add(row.id, failing.count_ones());
            if dialect > 0 {
                self.misses.add_dialect(row.id, dialect);
            }
        }
        if let Some(halves) = &self.schedule_halves {
            let failing = members & !hot.free_for(block, halves);
            self.misses.add(CriterionId::Schedule, failing.count_ones());
        }
    }

    /// Members of a block that could still enter the full top `limit`: the score bound at the
    /// block's nearest distance, with every preferred criterion met except the half points a
    /// member certainly lacks (from the bitmaps) and the whole schedule covered.
    fn may_rank(&self, hot: &HotColumns, block: usize, min_2: f64) -> u64 {
        if self.unit_limits.is_empty() {
            return u64::MAX;
        }
        let may = self.may_rank_within(hot, block, min_2, &self.unit_limits);
        if may == 0 || self.schedule_parts.is_empty() {
            return may;
        }
        // Members with no time in the schedule's parts of the week cover none of it: read
        // those parts only when that bound leaves out some member here.
        let even_unscheduled =
            self.may_rank_within(hot, block, min_2, &self.unit_limits_unscheduled);
        if even_unscheduled == may {
            return may;
        }
        even_unscheduled | (may & hot.free_in_some(block, &self.schedule_parts))
    }

    /// [`Matcher::may_rank`] with the distance limits `limits` (per number of half points).
    fn may_rank_within(&self, hot: &HotColumns, block: usize, min_2: f64, limits: &[f64]) -> u64 {
        // The fewest half points from rows a member needs for its bound to reach `worst`.
        match limits.iter().position(|limit| min_2 <= *limit) {
            None => 0,
            Some(have) => lacking_at_most(
                &hot.bits,
                hot.blocks.len(),
                block,
                &self.preferred_units,
                self.preferred_units.len().saturating_sub(have),
            ),
        }
    }

    /// Whether a visible candidate is in range for this pass: within the maximum distance (or in
    /// the ring), reaching the person (radius or polygon). Gives the squared chord when it had
    /// to be computed.
    #[inline(always)]
    fn in_scope(&self, hot: &HotColumns, i: usize, run: &Run) -> Option<Option<f64>> {
        let g = &self.geometry;
        let mut d2 = None;
        if !(run.certain && hot.reach_chord_2[i] >= run.reach_2) {
            let exact = chord_2(hot.pos[i], g.centre);
            let within_max = g.max.holds(exact);
            if run.ring == within_max || (run.ring && !g.twice.holds(exact)) {
                return None;
            }
            let reach_2 = hot.reach_chord_2[i];
            if exact > reach_2 * (1.0 + CHORD_2_MARGIN)
                || (exact > reach_2 * (1.0 - CHORD_2_MARGIN)
                    && km_for_chord_2(exact) > hot.reach_km[i])
            {
                return None;
            }
            d2 = Some(exact);
        }
        // The block's flags are in the cache already (the member's own flag byte may not be),
        // and its polygon lies with those of the neighbouring slots.
        let (block, j) = (&hot.blocks[i / BLOCK], i % BLOCK);
        if block.polygon & (1u64 << j) != 0
            && !hot
                .polygons
                .contains(block.polygon_of(j), self.judge.plan.location)
        {
            return None;
        }
        Some(d2)
    }

    /// A visible candidate, judged on every criterion (`codes_met`: on those without bitmaps,
    /// the bitmaps having shown it has every required code), or only counted when it can no
    /// longer matter beyond the count.
    fn judge_slot(&mut self, hot: &HotColumns, i: usize, run: &Run, codes_met: bool) {
        let Some(d2) = self.in_scope(hot, i, run) else {
            return;
        };
        let Ok(slot) = u32::try_from(i) else {
            return;
        };
        let limit = self.judge.options.limit;
        if !run.ring && self.passed >= limit && d2.unwrap_or(run.min_2) > self.geometry.rank_chord_2
        {
            // In range, but relaxations will not be reported and a passing candidate this far
            // could not enter the top `limit`: only the count is left to keep.
            self.considered += 1;
            return;
        }
        let row = HotRow { hot, i };
        let verdict = if codes_met {
            self.judge
                .failures_with_codes(&row, run.ring, self.schedule_halves.is_some())
        } else {
            self.judge.failures(&row, run.ring)
        };
        match verdict {
            Verdict::Skip => {}
            Verdict::Pass => {
                self.considered += 1;
                self.passed += 1;
                let d2 = d2.unwrap_or_else(|| chord_2(hot.pos[i], self.geometry.centre));
                if d2 <= self.geometry.rank_chord_2 {
                    self.rank(hot, i, slot, km_for_chord_2(d2));
                }
            }
            Verdict::Fail(f) => {
                if !run.ring {
                    self.considered += 1;
                }
                self.misses.record(f);
            }
        }
    }

    /// Offers a passing candidate to the top `limit`; once that is full, narrows the distance
    /// beyond which no candidate can enter it.
    fn rank(&mut self, hot: &HotColumns, i: usize, slot: u32, d: f64) {
        let full = self.top.is_full();
        let worst = self.top.worst();
        if full
            && let Some(worst) = worst
            && self.judge.score_bound(d) < worst
        {
            return;
        }
        // Scored from the columns; the record is read only for a candidate that enters.
        let floor = if full { worst } else { None };
        let Some(score) = self.judge.score_above(&HotRow { hot, i }, d, floor) else {
            return;
        };
        if let Some(floor) = floor
            && score < floor
        {
            return;
        }
        let Some(c) = self.judge.roster.get(slot) else {
            return;
        };
        self.top.offer(Ranked {
            score,
            distance: d,
            kind: c.kind,
            id: c.id,
            slot,
        });
        // The limits depend only on the worst score kept: recompute them when it changes.
        if self.top.is_full()
            && let Some(new_worst) = self.top.worst()
            && (!full || worst.map(f64::to_bits) != Some(new_worst.to_bits()))
        {
            self.geometry.rank_chord_2 = self.rank_limit(new_worst);
            let mut limits = std::mem::take(&mut self.unit_limits);
            self.fill_unit_limits(new_worst, 1.0, &mut limits);
            self.unit_limits = limits;
            if !self.schedule_parts.is_empty() {
                let mut limits = std::mem::take(&mut self.unit_limits_unscheduled);
                self.fill_unit_limits(new_worst, 0.0, &mut limits);
                self.unit_limits_unscheduled = limits;
            }
        }
    }

    /// The squared chord beyond which the score bound falls below `worst`.
    fn rank_limit(&self, worst: f64) -> f64 {
        let (wp, ws) = self.preferred_and_schedule_weights();
        let wd = self.judge.options.weights.distance();
        let full = self.distance_limit(worst, wp + ws, wd + wp + ws, |d| self.judge.score_bound(d));
        let bare = self.distance_limit(worst, ws, wd + ws, |d| self.judge.score_bound(d));
        full.max(bare)
    }

    /// Per number of half points from bitmap rows a candidate has (0 ..= all), the squared chord
    /// beyond which its score bound ([`Judge::share_bound`], covering at most
    /// `coverage` of the schedule) falls below `worst`, into `out`.
    fn fill_unit_limits(&self, worst: f64, coverage: f64, out: &mut Vec<f64>) {
        let (wp, ws) = self.preferred_and_schedule_weights();
        let wd = self.judge.options.weights.distance();
        let total = self.preferred_total;
        let units = u32::try_from(self.preferred_units.len()).unwrap_or(u32::MAX);
        out.clear();
        out.extend((0..=units).map(|have| {
            let points = have.saturating_add(self.other_units);
            let bound = |d| self.judge.share_bound(d, points, total, coverage);
            if total == 0 {
                self.distance_limit(worst, ws * coverage, wd + ws, bound)
            } else {
                let share = f64::from(points.min(2 * total)) / f64::from(2 * total);
                self.distance_limit(worst, wp * share + ws * coverage, wd + wp + ws, bound)
            }
        }));
    }

    fn preferred_and_schedule_weights(&self) -> (f64, f64) {
        let weights = &self.judge.options.weights;
        let ws = if self.judge.plan.schedule.is_some() {
            weights.schedule()
        } else {
            0.0
        };
        (weights.preferred(), ws)
    }

    /// The squared chord beyond which `bound` (non-increasing in the distance, of the form
    /// `(wd·(1 − d / max) + k) / w` up to rounding and margin) falls below `worst`: solved for
    /// the distance, nudged outwards and verified; when the check fails, no limit.
    fn distance_limit(&self, worst: f64, k: f64, w: f64, bound: impl Fn(f64) -> f64) -> f64 {
        let max_km = self.judge.plan.max_km;
        if max_km.partial_cmp(&0.0) != Some(Ordering::Greater) || bound(max_km) >= worst {
            return f64::INFINITY;
        }
        if bound(0.0) < worst {
            return f64::NEG_INFINITY;
        }
        let wd = self.judge.options.weights.distance();
        if wd.partial_cmp(&0.0) != Some(Ordering::Greater) {
            return f64::INFINITY;
        }
        // (wd·dc + k) / w ≥ target  ⇔  dc ≥ (target·w − k) / wd, with dc = 1 − d / max.
        let target = (worst - 1e-12) / (1.0 + 1e-9);
        let d = max_km * (1.0 - (target * w - k) / wd);
        let d = (d.clamp(0.0, max_km) * (1.0 + 1e-9) + 1e-9).min(max_km);
        if bound(d) < worst {
            chord_for_km(d).powi(2) * (1.0 + CHORD_2_MARGIN)
        } else {
            f64::INFINITY
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
            let c = self.judge.options.viewer.view(c);
            match self.judge.verdict(slot, &c, d) {
                Verdict::Skip => {}
                Verdict::Pass => {
                    self.considered += 1;
                    self.passed += 1;
                    self.top.offer(Ranked {
                        score: self.judge.score(&*c, d),
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

    /// Whether a run of the first pass whose bases are all at least squared chord `min_2` from
    /// the person can now only be counted: `limit` have matched (relaxations will not be
    /// reported) and no one that far can enter the top `limit`. Stays true once true (the bound
    /// only narrows), so the runs beyond it may be fed in any order, e.g. in slot order, which
    /// reads the columns sequentially.
    pub fn only_counts_beyond(&self, min_2: f64) -> bool {
        self.passed >= self.judge.options.limit && min_2 > self.geometry.rank_chord_2
    }

    /// Candidates that met every required criterion so far.
    pub fn matched(&self) -> usize {
        self.passed
    }

    pub fn finish(mut self) -> MatchOutcome {
        self.count_later_now();
        let Self {
            judge,
            top,
            misses,
            considered,
            passed,
            ..
        } = self;
        let roster = judge.roster;
        let matches: Vec<Match> = top
            .into_sorted()
            .into_iter()
            .filter_map(|r| {
                let c = judge.options.viewer.view(roster.get(r.slot)?);
                let side = roster.side(r.slot)?;
                Some(Match {
                    kind: r.kind,
                    id: r.id,
                    name: side.name.clone(),
                    score: r.score,
                    distance_km: shown_distance(r.distance, r.kind, judge.options.viewer),
                    criteria: explain::criteria(
                        judge.plan,
                        &c,
                        (
                            r.distance,
                            shown_distance(r.distance, r.kind, judge.options.viewer),
                        ),
                        judge.today,
                    ),
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
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlanFit {
    /// Index of the plan in the request.
    pub plan: usize,
    pub score: f64,
    pub distance_km: f64,
    pub criteria: Vec<Explanation>,
}

/// A candidate who can serve every plan.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
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
/// base as the viewer may see it ([`Viewer::view`]): the public cell unless it holds the record.
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
            let c = &*options.viewer.view(c);
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
            let c = &*options.viewer.view(roster.get(r.slot)?);
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
                        criteria: explain::criteria(
                            judge.plan,
                            c,
                            (d, shown_distance(d, r.kind, options.viewer)),
                            today,
                        ),
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
