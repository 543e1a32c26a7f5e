//! Per-plan preparation for the scan: the person's geometry, the bitmap rows of required and
//! preferred codes, and the small helpers the scan's bounds use.

use crate::criterion::{CodeCriterion, CriterionId};
use crate::options::MatchOptions;
use crate::plan::CompiledPlan;
use carematch_domain::vocabulary::{Code, CodeSet};

use super::hot::{
    L_CUISINE, L_DIET, L_EXPERIENCE, L_FAITH, L_GENDER, L_PRACTICE, L_SERVICE, bit_indices,
    list_offsets,
};
use super::sphere::{CHORD_2_MARGIN, km_for_chord_2};
use carematch_domain::geo::chord_for_km;

/// Slots [`Matcher::count_later`] gathers before testing them in one pass.
pub(super) const COUNT_BATCH: usize = 256;

/// The person's unit vector and squared-chord thresholds: below `lo` a base is certainly within
/// the distance, above `hi` certainly beyond it; in between the exact km decides.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geometry {
    pub(super) centre: [f64; 3],
    pub(super) max: Band,
    pub(super) twice: Band,
    /// Passing candidates whose squared chord exceeds this cannot enter the full top `limit`.
    pub(super) rank_chord_2: f64,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Band {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) km: f64,
}

/// One run of slots fed to [`Matcher::feed_hot`].
pub(super) struct Run {
    /// A lower bound on the squared chord to every base in the run.
    pub(super) min_2: f64,
    /// Every base is certainly within this pass's range: the maximum distance (first pass), or
    /// beyond it and within twice it (ring).
    pub(super) certain: bool,
    /// A reach whose squared chord is at least this certainly covers the person from anywhere in
    /// the run.
    pub(super) reach_2: f64,
    pub(super) ring: bool,
}

/// A required code's bitmap row, the criterion it counts against, and for a language the rows
/// of its related languages at the same level (for "confirm dialect").
pub(super) struct RequiredRow {
    pub(super) row: usize,
    pub(super) id: CriterionId,
    pub(super) dialect_rows: Vec<usize>,
}

/// The rows of the plan's required codes in the lists with bitmaps (see [`list_offsets`]):
/// languages at their minimum level, codes, a carer's gender and faith.
pub(super) fn required_rows(plan: &CompiledPlan) -> Vec<RequiredRow> {
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
pub(super) fn schedule_halves(plan: &CompiledPlan) -> Option<Vec<u16>> {
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
pub(super) fn schedule_parts(plan: &CompiledPlan, options: &MatchOptions) -> Vec<u8> {
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
pub(super) fn bitmaps_decide(plan: &CompiledPlan, schedule_mapped: bool) -> bool {
    (schedule_mapped || plan.schedule.as_ref().is_none_or(|s| !s.required))
        && plan.hours.is_none_or(|w| !w.required)
        && plan.max_rate_pence.is_none_or(|w| !w.required)
        && plan.needed_by.is_none_or(|w| !w.required)
        && plan.checks.required.is_empty()
        && !plan.some_of_schedule
        && plan.medical_diets.required.is_empty()
        && plan.delivery.required.is_empty()
        && plan.lgbt_inclusive.is_none_or(|w| !w.required)
        && plan.weekly_budget.is_none_or(|w| !w.required)
        && !plan
            .languages
            .iter()
            .any(|l| l.required && (l.reads || l.writes))
}

pub(super) fn add_codes(
    out: &mut Vec<usize>,
    offsets: &[usize],
    plan: &CompiledPlan,
    required: bool,
) {
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
pub(super) fn preferred_units(plan: &CompiledPlan) -> Vec<usize> {
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
/// language (its partial half), two per check, hours, rate, needed-by and each preferred
/// criterion of [`newer_preferred`].
pub(super) fn other_units(plan: &CompiledPlan) -> u32 {
    let count = |b: bool| u32::from(b);
    let languages = plan.languages.iter().filter(|l| !l.required).count();
    u32::try_from(languages).unwrap_or(u32::MAX)
        + 2 * (plan.checks.preferred.len()
            + count(plan.hours.is_some_and(|w| !w.required))
            + count(plan.max_rate_pence.is_some_and(|w| !w.required))
            + count(plan.needed_by.is_some_and(|w| !w.required))
            + newer_preferred(plan))
}

/// Preferred criteria without rows added with matching v2: medical diets, delivery modes, LGBT+
/// inclusion, the weekly budget, reading and writing a preferred language.
fn newer_preferred(plan: &CompiledPlan) -> u32 {
    let count = |b: bool| u32::from(b);
    let literacy: usize = plan
        .languages
        .iter()
        .filter(|l| !l.required)
        .map(|l| usize::from(l.reads) + usize::from(l.writes))
        .sum();
    u32::try_from(literacy).unwrap_or(u32::MAX)
        + plan.medical_diets.preferred.len()
        + count(!plan.delivery.preferred.is_empty())
        + count(plan.lgbt_inclusive.is_some_and(|w| !w.required))
        + count(plan.weekly_budget.is_some_and(|w| !w.required))
}

/// The number of preferred criteria counted in a carer's score; a provider's leaves out gender
/// and faith, and counting them as met for a provider only loosens the bound.
pub(super) fn preferred_total(plan: &CompiledPlan) -> u32 {
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
        + newer_preferred(plan)
}

/// Members of a block that lack at most `m` of the codes in `words` (rows of `bits` with
/// `blocks` words each).
pub(super) fn lacking_at_most(
    bits: &[u64],
    blocks: usize,
    block: usize,
    words: &[usize],
    m: usize,
) -> u64 {
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
pub(super) fn count_leading(sorted: &[f64], threshold: f64) -> usize {
    sorted.iter().map(|r| usize::from(*r >= threshold)).sum()
}

/// The lowest `n` bits.
pub(super) fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

impl Band {
    pub(super) fn new(km: f64) -> Self {
        let chord_2 = chord_for_km(km.max(0.0)).powi(2);
        Self {
            lo: chord_2 * (1.0 - CHORD_2_MARGIN),
            hi: chord_2 * (1.0 + CHORD_2_MARGIN),
            km,
        }
    }

    /// Whether a base at squared chord `d2` is within the band's distance.
    #[inline(always)]
    pub(super) fn holds(&self, d2: f64) -> bool {
        d2 <= self.lo || (d2 <= self.hi && km_for_chord_2(d2) <= self.km)
    }
}
