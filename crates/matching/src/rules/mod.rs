//! The rules: what a candidate must meet (required criteria, [`Judge::failures`]) and how it
//! scores (preferred criteria, [`Judge::score`]), written once against [`Profile`], which both
//! one record ([`Candidate`]) and a row of the columns ([`crate::columnar::HotColumns`]) implement,
//! so the reference matcher and the columnar engine share every rule. Explanations
//! (`crate::explain`) state the same outcomes with their facts.

use crate::candidate::{Candidate, CandidateKind, Reach, Rosters, freshness_on_day};
use crate::criterion::{CodeCriterion, CriterionId};
use crate::options::MatchOptions;
use crate::plan::CompiledPlan;
use carematch_domain::schedule::WeekMask;
use carematch_domain::vocabulary::{Code, CodeSet};

mod profile;
pub(crate) use profile::Profile;

/// Failed required criteria of one candidate: how many (capped at 2) and which (when one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Failures {
    pub count: u8,
    /// The last failed criterion: the only one when `count == 1`.
    pub id: CriterionId,
    /// A failed language need where a related language is spoken ("confirm dialect").
    pub dialect: bool,
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
    pub roster: Rosters<'a>,
    pub today: i32,
    pub options: &'a MatchOptions,
}

impl Judge<'_> {
    pub(crate) fn verdict(&self, slot: u32, c: &Candidate, d: f64) -> Verdict {
        let plan = self.plan;
        if !d.is_finite()
            || !self.options.kinds.allows(c.kind)
            || !self.options.viewer.sees(c)
            || (c.kind == CandidateKind::Carer && plan.blocks_carer(c.id))
        {
            return Verdict::Skip;
        }
        if self.reaches_remotely(c) {
            return self.failures(c, false);
        }
        if d > c.reach.bound_km() || d > 2.0 * plan.max_km {
            return Verdict::Skip;
        }
        if let Reach::Polygon { .. } = c.reach
            && !self.inside_polygon(slot)
        {
            return Verdict::Skip;
        }
        self.failures(c, d > plan.max_km)
    }

    /// Whether the candidate reaches the person wherever they are: it works in a remote mode
    /// (phone, online) the plan lists. Distance and reach then do not apply.
    #[inline(always)]
    pub(crate) fn reaches_remotely(&self, c: &Candidate) -> bool {
        !self.plan.remote.intersection(c.delivery).is_empty()
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
            f.add(if c.kind() == CandidateKind::Carer {
                CriterionId::CarerCapacity
            } else {
                CriterionId::AcceptingNewClients
            });
        }
        f
    }

    /// Adds the failed required criteria that have no bitmaps in [`HotColumns`] (hours, rate,
    /// start date, schedule, checks, and those of [`Judge::newer_failures`]) to `f`, stopping
    /// once it holds two; the schedule only without `schedule_known` (the caller has it from
    /// the half-hour bitmaps).
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
        if plan.some_of_schedule
            && let Some(s) = &plan.schedule
            && c.coverage(&s.mask) <= 0.0
        {
            f.add(CriterionId::Schedule);
        }
        if f.many() {
            return;
        }
        self.newer_failures(c, f);
    }

    /// The required criteria added with matching v2 (medical diets, delivery modes, LGBT+
    /// inclusion, reading and writing a language, the weekly budget): none has bitmaps.
    #[inline(always)]
    fn newer_failures<P: Profile>(&self, c: &P, f: &mut Failures) {
        let plan = self.plan;
        if !plan.medical_diets.required.is_empty() {
            f.add_missing(plan.medical_diets.required.difference(c.medical_diets()));
        }
        if !plan.delivery.required.is_empty() {
            f.add_missing(plan.delivery.required.difference(c.delivery()));
        }
        if plan.lgbt_inclusive.is_some_and(|w| w.required) && !c.lgbt_inclusive() {
            f.add(CriterionId::LgbtInclusive);
        }
        if let Some(budget) = plan.weekly_budget
            && budget.required
            && budget.value.fits(c.rate_pence()) != Some(true)
        {
            f.add(CriterionId::WeeklyBudget);
        }
        for need in plan.languages.iter().filter(|l| l.required) {
            if need.reads && !c.reads().contains(need.code) {
                f.add(CriterionId::Reads(need.code));
            }
            if need.writes && !c.writes().contains(need.code) {
                f.add(CriterionId::Writes(need.code));
            }
        }
    }

    /// The score of a candidate that passed: see [`MatchWeights`].
    pub(crate) fn score<P: Profile>(&self, c: &P, d: f64) -> f64 {
        let preferred = self.preferred_points(c);
        let schedule = self.plan.schedule.as_ref().map(|s| c.coverage(&s.mask));
        self.combine(d, preferred, schedule, self.freshness(c))
    }

    /// The freshness component: see [`freshness_on_day`].
    #[inline(always)]
    fn freshness<P: Profile>(&self, c: &P) -> f64 {
        freshness_on_day(c.confirmed_on(), self.today)
    }

    /// [`Judge::score`], or `None` when it is certainly below `floor`: the schedule coverage
    /// (the costly part) is computed only if the score with the whole schedule covered reaches
    /// `floor` (the score is non-decreasing in the coverage, and so is its rounding).
    pub(crate) fn score_above<P: Profile>(&self, c: &P, d: f64, floor: Option<f64>) -> Option<f64> {
        let preferred = self.preferred_points(c);
        let fresh = self.freshness(c);
        let Some(s) = self.plan.schedule.as_ref() else {
            return Some(self.combine(d, preferred, None, fresh));
        };
        if let Some(floor) = floor
            && self.combine(d, preferred, Some(1.0), fresh) < floor
        {
            return None;
        }
        Some(self.combine(d, preferred, Some(c.coverage(&s.mask)), fresh))
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
        count(
            &mut points,
            &mut total,
            plan.medical_diets.preferred,
            || c.medical_diets(),
        );
        // Preferred delivery modes are one preference: any of them will do.
        if !plan.delivery.preferred.is_empty() {
            total += 1;
            points += 2 * u32::from(
                !plan
                    .delivery
                    .preferred
                    .intersection(c.delivery())
                    .is_empty(),
            );
        }
        if plan.lgbt_inclusive.is_some_and(|w| !w.required) {
            total += 1;
            points += 2 * u32::from(c.lgbt_inclusive());
        }
        if let Some(budget) = plan.weekly_budget
            && !budget.required
        {
            total += 1;
            points += match budget.value.fits(c.rate_pence()) {
                Some(true) => 2,
                Some(false) => 0,
                None => 1,
            };
        }
        for need in plan.languages.iter().filter(|l| !l.required) {
            if need.reads {
                total += 1;
                points += 2 * u32::from(c.reads().contains(need.code));
            }
            if need.writes {
                total += 1;
                points += 2 * u32::from(c.writes().contains(need.code));
            }
        }

        (total > 0).then_some((points, total))
    }

    /// The weighted mean of the components that apply, rounded to [`SCORE_STEP`].
    #[inline(always)]
    fn combine(
        &self,
        d: f64,
        preferred: Option<(u32, u32)>,
        schedule: Option<f64>,
        freshness: f64,
    ) -> f64 {
        round_score(self.combine_unrounded(d, preferred, schedule, freshness))
    }

    /// The weighted mean; distance and freshness always apply. Non-decreasing in every
    /// component's value (the weights do not depend on the values), which is what makes the
    /// bounds below bounds.
    #[inline(always)]
    fn combine_unrounded(
        &self,
        d: f64,
        preferred: Option<(u32, u32)>,
        schedule: Option<f64>,
        freshness: f64,
    ) -> f64 {
        let weights = &self.options.weights;
        let mut sum = weights.distance() * distance_component(d, self.plan.max_km)
            + weights.freshness() * freshness;
        let mut weight = weights.distance() + weights.freshness();
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
    /// schedule, confirmed within [`carematch_domain::listing::REMIND_AFTER_DAYS`] (freshness
    /// 1), plus the same margin as [`Judge::score_bound`].
    pub(crate) fn share_bound(&self, d: f64, points: u32, total: u32, coverage: f64) -> f64 {
        let schedule = self.plan.schedule.as_ref().map(|_| coverage);
        let preferred = (total > 0).then_some((points.min(2 * total), total));
        round_score(self.combine_unrounded(d, preferred, schedule, 1.0) * (1.0 + 1e-9) + 1e-12)
    }

    /// An upper bound on [`Judge::score`] for any candidate at distance `d` or more: every
    /// preferred criterion met, the whole schedule covered and freshness 1 (a block mixes the
    /// records of many agencies, so the newest confirmation in it is nearly always within 90
    /// days and a per-block freshness bound would seldom be lower), with
    /// or without the preferred component (it drops out when no preferred criterion applies to
    /// the candidate), plus a margin far above floating-point rounding.
    pub(crate) fn score_bound(&self, d: f64) -> f64 {
        let schedule = self.plan.schedule.as_ref().map(|_| 1.0);
        let bound = self
            .combine_unrounded(d, Some((2, 1)), schedule, 1.0)
            .max(self.combine_unrounded(d, None, schedule, 1.0));
        round_score(bound * (1.0 + 1e-9) + 1e-12)
    }
}

/// Scores are rounded to this step. Two candidates whose scores are equal in exact arithmetic
/// (a met cuisine against half a schedule, say) can differ in the last bits of a float sum, and
/// the two matchers measure distance by different formulas (chord and haversine), so unrounded
/// they could break such a tie in opposite directions. Rounded, the tie is a tie and distance,
/// kind and id decide it the same way everywhere. The bounds are rounded too, after their
/// margin; rounding is non-decreasing, so a bound stays a bound.
pub(crate) const SCORE_STEP: f64 = 1.0 / STEPS_PER_POINT;
const STEPS_PER_POINT: f64 = 1e6;

/// `x` to the nearest multiple of [`SCORE_STEP`] (as the nearest float to it, so that it prints
/// with at most six decimals).
#[inline(always)]
pub(crate) fn round_score(x: f64) -> f64 {
    round_half_away(x * STEPS_PER_POINT) / STEPS_PER_POINT
}

/// `f64::round` (halves away from zero) without its library call: the baseline x86-64 target
/// has no rounding instruction, and the scan rounds every score bound it computes.
#[inline(always)]
fn round_half_away(y: f64) -> f64 {
    // Below 2^52 the truncation to an integer and the difference are exact.
    if y.is_nan() || y.abs() >= 4_503_599_627_370_496.0 {
        return y.round();
    }
    let whole = (y as i64) as f64;
    let rest = y - whole;
    let rounded = if rest >= 0.5 {
        whole + 1.0
    } else if rest <= -0.5 {
        whole - 1.0
    } else {
        whole
    };
    rounded.copysign(y)
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

#[cfg(test)]
mod tests {
    use super::round_half_away;

    #[test]
    fn rounding_without_the_library_call_is_f64_round() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            -0.499_999_999_999_999_94,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            -4_503_599_627_370_497.0,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let unit = (seed >> 11) as f64 / (1u64 << 53) as f64;
            values.extend([unit * 1e6, -unit * 1e6, unit, unit * 2e6 - 1e6 + 0.5]);
        }
        for v in values {
            assert_eq!(round_half_away(v).to_bits(), v.round().to_bits(), "{v:e}");
        }
        assert!(round_half_away(f64::NAN).is_nan());
    }
}
