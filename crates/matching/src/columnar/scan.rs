//! [`Matcher::feed_hot`]: the scan over runs of blocks of the columns. Over 600 lines on purpose:
//! one `impl` whose steps (visibility, reach, required bitmaps, bounds, ranking) call each other
//! and read best together.

use std::ops::{Range, RangeInclusive};

use std::cmp::Ordering;

use super::layout::{COUNT_BATCH, Run, count_leading, lacking_at_most, low_bits};
use super::sphere::{CHORD_2_MARGIN, chord_2, km_for_chord_2};
use super::{
    BLOCK, BlockFlags, F_PROVIDER, F_PUBLIC, HotColumns, HotRow, Matcher, agency_bit, agency_tag,
};
use crate::criterion::CriterionId;
use crate::options::Viewer;
use crate::rank::Ranked;
use crate::rules::{Failures, SCORE_STEP, Verdict};
use carematch_domain::geo::chord_for_km;

impl<'a> Matcher<'a> {
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
            .min(self.judge.roster.first_len());
        let start = (slots.start as usize).min(end);
        if ring && self.ranking.passed >= self.judge.options.limit {
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
            && (self.apart.is_empty() || self.apart.binary_search(&(i as u32)).is_err())
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
        self.refresh_limits();
        let base = block * BLOCK;
        let flags = hot.blocks[block];
        let visible = self.visible_in_block(hot, &flags, base, n);
        if visible == 0 {
            return;
        }
        let decides = |certain: u64| {
            if self.bitmaps_decide {
                certain & !flags.provider & flags.always_accepting
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
            self.ranking
                .misses
                .add(CriterionId::Distance, bulk.count_ones());
            self.judge_members(hot, base, none & !bulk, run, true);
            return;
        }
        let limit = self.judge.options.limit;
        let filling = self.ranking.passed < limit;
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
            let partly = exactly_one & !decided & !flags.provider & flags.always_accepting;
            let single = bulk | self.meeting_unmapped(hot, base, partly, run);
            self.ranking.considered += bulk.count_ones() as usize;
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
        let steps = &hot.reach_steps[base / BLOCK];
        let leading = |threshold: f64| {
            steps
                .count_at_least(threshold)
                .unwrap_or_else(|| count_leading(reach, threshold))
        };
        let sure = if run.certain {
            low_bits(leading(run.reach_2)) & !flags.polygon
        } else {
            0
        };
        // Reaches short of the nearest corner of the box: certainly out.
        let reaching = leading(run.min_2 / (1.0 + CHORD_2_MARGIN));
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
        if !self.apart.is_empty() {
            visible &= !self.apart_in_block(base, n);
        }
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

    /// The members of the block at `base` (of `n`) fed apart ([`Matcher::feed_apart`]).
    fn apart_in_block(&self, base: usize, n: usize) -> u64 {
        let from = self.apart.partition_point(|s| (*s as usize) < base);
        self.apart[from..]
            .iter()
            .map(|s| *s as usize)
            .take_while(|s| *s < base + n)
            .fold(0, |bits, s| bits | 1u64 << (s - base))
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
        self.ranking.considered += quick.count_ones() as usize;
        let rest = members & !quick;
        let polygons = rest & hot.blocks[base / BLOCK].polygon;
        let mut now = polygons;
        while now != 0 {
            let j = now.trailing_zeros() as usize;
            if self.in_scope(hot, base + j, run).is_some() {
                self.ranking.considered += 1;
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
                Err(_) => self.ranking.considered += usize::from(self.in_range(hot, base + j)),
            }
            members &= members - 1;
        }
        if self.to_count.len() >= COUNT_BATCH {
            self.count_batch(hot);
        }
    }

    /// Counts the slots left by [`Matcher::count_later`] now (before the columns change or the
    /// outcome is read).
    pub(super) fn count_later_now(&mut self) {
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
        self.ranking.considered += in_range;
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
            self.ranking.considered += 1;
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
            self.ranking.misses.add(row.id, failing.count_ones());
            if dialect > 0 {
                self.ranking.misses.add_dialect(row.id, dialect);
            }
        }
        if let Some(halves) = &self.schedule_halves {
            let failing = members & !hot.free_for(block, halves);
            self.ranking
                .misses
                .add(CriterionId::Schedule, failing.count_ones());
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
        if !run.ring
            && self.ranking.passed >= limit
            && d2.unwrap_or(run.min_2) > self.geometry.rank_chord_2
        {
            // In range, but relaxations will not be reported and a passing candidate this far
            // could not enter the top `limit`: only the count is left to keep.
            self.ranking.considered += 1;
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
                self.ranking.considered += 1;
                self.ranking.passed += 1;
                let d2 = d2.unwrap_or_else(|| chord_2(hot.pos[i], self.geometry.centre));
                if d2 <= self.geometry.rank_chord_2 {
                    self.rank(hot, i, slot, km_for_chord_2(d2));
                }
            }
            Verdict::Fail(f) => {
                if !run.ring {
                    self.ranking.considered += 1;
                }
                self.ranking.misses.record(f);
            }
        }
    }

    /// Offers a passing candidate to the top `limit`; once that is full, narrows the distance
    /// beyond which no candidate can enter it.
    fn rank(&mut self, hot: &HotColumns, i: usize, slot: u32, d: f64) {
        let full = self.ranking.top.is_full();
        let worst = self.ranking.top.worst();
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
        self.ranking.top.offer(Ranked {
            // Carers named as preferred are fed record by record (`Matcher::feed_apart`).
            preferred: false,
            score,
            distance: d,
            kind: c.kind,
            id: c.id,
            slot,
        });
        // The limits depend only on the worst score kept: recompute them when it changes,
        // before the next block.
        if self.ranking.top.is_full()
            && let Some(new_worst) = self.ranking.top.worst()
            && (!full || worst.map(f64::to_bits) != Some(new_worst.to_bits()))
        {
            self.limits_behind = Some(new_worst);
        }
    }

    /// Brings the distance limits up to the worst score kept (see `limits_behind`).
    pub(super) fn refresh_limits(&mut self) {
        let Some(worst) = self.limits_behind.take() else {
            return;
        };
        self.geometry.rank_chord_2 = self.rank_limit(worst);
        let mut limits = std::mem::take(&mut self.unit_limits);
        self.fill_unit_limits(worst, 1.0, &mut limits);
        self.unit_limits = limits;
        if !self.schedule_parts.is_empty() {
            let mut limits = std::mem::take(&mut self.unit_limits_unscheduled);
            self.fill_unit_limits(worst, 0.0, &mut limits);
            self.unit_limits_unscheduled = limits;
        }
    }

    /// The squared chord beyond which the score bound falls below `worst`.
    fn rank_limit(&self, worst: f64) -> f64 {
        let (wp, ws) = self.preferred_and_schedule_weights();
        // Distance and freshness always apply; the bounds take freshness as 1.
        let (wd, wf) = self.distance_and_freshness_weights();
        let full = self.distance_limit(worst, wp + ws + wf, wd + wp + ws + wf, |d| {
            self.judge.score_bound(d)
        });
        let bare = self.distance_limit(worst, ws + wf, wd + ws + wf, |d| self.judge.score_bound(d));
        full.max(bare)
    }

    /// Per number of half points from bitmap rows a candidate has (0 ..= all), the squared chord
    /// beyond which its score bound ([`Judge::share_bound`], covering at most
    /// `coverage` of the schedule) falls below `worst`, into `out`.
    fn fill_unit_limits(&self, worst: f64, coverage: f64, out: &mut Vec<f64>) {
        let (wp, ws) = self.preferred_and_schedule_weights();
        let (wd, wf) = self.distance_and_freshness_weights();
        let total = self.preferred_total;
        let units = u32::try_from(self.preferred_units.len()).unwrap_or(u32::MAX);
        out.clear();
        out.extend((0..=units).map(|have| {
            let points = have.saturating_add(self.other_units);
            let bound = |d| self.judge.share_bound(d, points, total, coverage);
            if total == 0 {
                self.distance_limit(worst, ws * coverage + wf, wd + ws + wf, bound)
            } else {
                let share = f64::from(points.min(2 * total)) / f64::from(2 * total);
                self.distance_limit(
                    worst,
                    wp * share + ws * coverage + wf,
                    wd + wp + ws + wf,
                    bound,
                )
            }
        }));
    }

    /// The weights of the components that always apply.
    fn distance_and_freshness_weights(&self) -> (f64, f64) {
        let weights = &self.judge.options.weights;
        (weights.distance(), weights.freshness())
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
    /// `(wd·(1 − d / max) + k) / w` up to rounding and margin, `k` holding the other
    /// components at their bounds, freshness included) falls below `worst`: solved for
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
        // (wd·dc + k) / w ≥ target  ⇔  dc ≥ (target·w − k) / wd, with dc = 1 − d / max. The
        // bound is rounded to SCORE_STEP, so it falls below `worst` a step earlier.
        let target = (worst - SCORE_STEP - 1e-12) / (1.0 + 1e-9);
        let d = max_km * (1.0 - (target * w - k) / wd);
        let d = (d.clamp(0.0, max_km) * (1.0 + 1e-9) + 1e-9).min(max_km);
        if bound(d) < worst {
            chord_for_km(d).powi(2) * (1.0 + CHORD_2_MARGIN)
        } else {
            f64::INFINITY
        }
    }
}
