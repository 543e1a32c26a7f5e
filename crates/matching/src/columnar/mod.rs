//! The columnar engine: the same rules as the reference matcher (`crate::reference`) over
//! struct-of-arrays columns ([`HotColumns`]) in blocks of [`BLOCK`] slots, deciding whole blocks
//! with bitmaps where it can. This module owns the whole layout contract: the columns
//! ([`hot`]), the runs of blocks and their bounds ([`blocks`]), the chord geometry and its
//! margins ([`sphere`]) and the per-plan rows ([`layout`]); the geographic index builds and
//! orders them through these types and does not repeat any of it.

pub mod blocks;
mod hot;
mod layout;
mod scan;
pub mod sphere;

pub use blocks::{Blocks, GROUP, lay_out};
pub use hot::{BLOCK, HotColumns};
use hot::{BlockFlags, F_PROVIDER, F_PUBLIC, HotRow, agency_bit, agency_tag};

use layout::{
    Band, Geometry, RequiredRow, bitmaps_decide, other_units, preferred_total, preferred_units,
    required_rows, schedule_halves, schedule_parts,
};

use crate::candidate::{Roster, Rosters, day_number};
use crate::options::MatchOptions;
use crate::outcome::MatchOutcome;
use crate::plan::CompiledPlan;
use crate::rank::Ranking;
use crate::rules::Judge;

/// An incremental [`crate::match_plan`]: feed retrieved candidates in batches (e.g. first those within
/// the plan's maximum distance, then, only if [`Matcher::needs_relaxations`], the ring out to
/// twice that distance), then [`Matcher::finish`]. The result does not depend on how the
/// candidates were split into batches or ordered.
pub struct Matcher<'a> {
    judge: Judge<'a>,
    ranking: Ranking,
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
    /// The worst score kept when it rose since the limits above were computed: they are
    /// recomputed once per block ([`Matcher::refresh_limits`]) rather than per candidate that
    /// enters the top `limit`. Limits from a lower worst score are wider, so stale ones only
    /// prune less, never wrongly.
    limits_behind: Option<f64>,
    /// Slots only to be counted in `considered` if in range, whose test waits for a batch
    /// ([`Matcher::count_later`]), and the columns they are in.
    to_count: Vec<u32>,
    to_count_in: Option<&'a HotColumns>,
    /// Slots fed record by record with [`Matcher::feed_apart`], sorted: left out of the columns.
    apart: Vec<u32>,
}

impl<'a> Matcher<'a> {
    pub fn new(plan: &'a CompiledPlan, roster: &'a Roster, options: &'a MatchOptions) -> Self {
        Self::over(plan, Rosters::one(roster), options)
    }

    /// A matcher over `first` (whose columns [`Matcher::feed_hot`] scans) that also judges
    /// candidates of `second`, fed record by record with [`Matcher::feed_second`]: the engine's
    /// base and its overlay of recent writes, ranked together without copying either (the top
    /// bit of a slot, which no roster uses, says which).
    pub fn with_second(
        plan: &'a CompiledPlan,
        first: &'a Roster,
        second: &'a Roster,
        options: &'a MatchOptions,
    ) -> Self {
        Self::over(plan, Rosters::two(first, second), options)
    }

    fn over(plan: &'a CompiledPlan, roster: Rosters<'a>, options: &'a MatchOptions) -> Self {
        let halves = schedule_halves(plan);
        Self {
            judge: Judge {
                plan,
                roster,
                today: day_number(options.today),
                options,
            },
            ranking: Ranking::new(options.limit),
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
            limits_behind: None,
            to_count: Vec::new(),
            to_count_in: None,
            apart: Vec::new(),
        }
    }

    /// Feeds candidates record by record, as [`Matcher::feed`], and leaves their slots out of
    /// every later [`Matcher::feed_hot`]: the carers a plan names (preferred ones rank first,
    /// whatever the score bounds of the scan; blocked ones are left out of every count) and the
    /// providers that reach the person remotely (distance does not apply to them). A slot the
    /// viewer holds is fed by [`Matcher::feed`] instead, never twice.
    pub fn feed_apart(&mut self, hits: impl IntoIterator<Item = (u32, f64)>) {
        for (slot, d) in hits {
            if let Err(at) = self.apart.binary_search(&slot) {
                self.apart.insert(at, slot);
                self.ranking.judge_record(&self.judge, slot, d);
            }
        }
    }

    /// Examines candidates given as `(slot in the roster, distance in km from the person)`. A slot
    /// must not be fed twice; slots already fed apart ([`Matcher::feed_apart`]) are passed over.
    pub fn feed(&mut self, hits: impl IntoIterator<Item = (u32, f64)>) {
        for (slot, d) in hits {
            if self.apart.is_empty() || self.apart.binary_search(&slot).is_err() {
                self.ranking.judge_record(&self.judge, slot, d);
            }
        }
    }

    /// Examines candidates of the second roster ([`Matcher::with_second`]), given as `(slot in
    /// that roster, distance in km)`; without a second roster they are passed over.
    pub fn feed_second(&mut self, hits: impl IntoIterator<Item = (u32, f64)>) {
        for (slot, d) in hits {
            if slot & Rosters::SECOND == 0 {
                self.ranking
                    .judge_record(&self.judge, slot | Rosters::SECOND, d);
            }
        }
    }

    /// True while fewer than `limit` candidates have matched: relaxations will be reported, so
    /// candidates between the maximum distance and twice it should be fed too.
    pub fn needs_relaxations(&self) -> bool {
        self.ranking.passed < self.judge.options.limit
    }

    /// Whether a run of the first pass whose bases are all at least squared chord `min_2` from
    /// the person can now only be counted: `limit` have matched (relaxations will not be
    /// reported) and no one that far can enter the top `limit`. Stays true once true (the bound
    /// only narrows), so the runs beyond it may be fed in any order, e.g. in slot order, which
    /// reads the columns sequentially.
    pub fn only_counts_beyond(&mut self, min_2: f64) -> bool {
        self.refresh_limits();
        self.ranking.passed >= self.judge.options.limit && min_2 > self.geometry.rank_chord_2
    }

    /// Candidates that met every required criterion so far.
    pub fn matched(&self) -> usize {
        self.ranking.passed
    }

    pub fn finish(mut self) -> MatchOutcome {
        self.count_later_now();
        self.ranking.finish(&self.judge)
    }

    /// The teams for `plan` from a matcher fed with `plan.for_team_search()` and a limit of
    /// [`crate::TEAM_CANDIDATES`]: exactly [`crate::match_teams`] over the same candidates, the
    /// team members found by the scan and its bounds instead of judging every candidate within
    /// the plan's maximum distance record by record.
    pub fn finish_teams(self, plan: &CompiledPlan) -> Vec<crate::Team> {
        let ranked = self.ranking.top.into_sorted();
        crate::team::teams_of(plan, self.judge.roster, ranked, self.judge.options)
    }
}
