//! Ranking: the best `limit` in a bounded heap (score descending, distance ascending, then kind
//! and id), the near misses that become relaxations, and the finished, explained outcome.
//! Shared by the reference matcher and the columnar engine.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::candidate::CandidateKind;
use crate::criterion::CriterionId;

use crate::explain::{self, Relaxation};
use crate::options::Viewer;
use crate::outcome::{Match, MatchOutcome};
use crate::plan::CompiledPlan;
use crate::rules::{Failures, Judge, Verdict};
use carematch_domain::vocabulary::Code;

/// A candidate kept in the bounded heap; `Ord` puts better candidates first (less): a carer the
/// person named as preferred before anyone else, then by score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub preferred: bool,
    pub score: f64,
    pub distance: f64,
    pub kind: CandidateKind,
    pub id: i64,
    pub slot: u32,
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .preferred
            .cmp(&self.preferred)
            .then(other.score.total_cmp(&self.score))
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
pub(crate) struct TopK {
    heap: BinaryHeap<Ranked>,
    limit: usize,
}

impl TopK {
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            heap: BinaryHeap::with_capacity(limit.min(10_000) + 1),
            limit,
        }
    }

    pub(crate) fn is_full(&self) -> bool {
        self.heap.len() >= self.limit
    }

    /// The score of the worst kept candidate.
    pub(crate) fn worst(&self) -> Option<f64> {
        self.heap.peek().map(|r| r.score)
    }

    pub(crate) fn offer(&mut self, ranked: Ranked) {
        if self.heap.len() < self.limit {
            self.heap.push(ranked);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && ranked < *worst
        {
            *worst = ranked;
        }
    }

    pub(crate) fn into_sorted(self) -> Vec<Ranked> {
        self.heap.into_sorted_vec()
    }
}

/// Near-miss counters, one per required criterion ([`CriterionId::index`]).
pub(crate) struct NearMisses {
    counts: [u32; CriterionId::COUNT],
    /// Per language (by code index): how many of those failing only it speak a related one.
    dialect: [u32; 64],
}

impl NearMisses {
    pub(crate) fn new() -> Self {
        Self {
            counts: [0; CriterionId::COUNT],
            dialect: [0; 64],
        }
    }

    pub(crate) fn record(&mut self, f: Failures) {
        if f.count == 1 {
            self.add(f.id, 1);
            if f.dialect {
                self.add_dialect(f.id, 1);
            }
        }
    }

    /// `n` candidates failing only criterion `id`.
    pub(crate) fn add(&mut self, id: CriterionId, n: u32) {
        if let Some(count) = self.counts.get_mut(id.index()) {
            *count += n;
        }
    }

    /// `n` of those failing only the language criterion `id` speak a related language.
    pub(crate) fn add_dialect(&mut self, id: CriterionId, n: u32) {
        if let CriterionId::Language(language) = id
            && let Some(count) = self.dialect.get_mut(usize::from(language.index()))
        {
            *count += n;
        }
    }

    pub(crate) fn relaxations(&self, plan: &CompiledPlan) -> Vec<Relaxation> {
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
pub(crate) fn shown_distance(d: f64, kind: CandidateKind, viewer: Viewer) -> f64 {
    if kind == CandidateKind::Carer && viewer == Viewer::Public {
        ((d * 2.0).round() / 2.0).max(0.5)
    } else {
        (d * 10.0).round() / 10.0
    }
}

/// The state of one match: the best so far, the near misses, and the counts.
pub(crate) struct Ranking {
    pub top: TopK,
    pub misses: NearMisses,
    /// Visible candidates of the kinds asked for within the plan's maximum distance.
    pub considered: usize,
    /// Candidates that met every required criterion.
    pub passed: usize,
}

impl Ranking {
    pub(crate) fn new(limit: usize) -> Self {
        Self {
            top: TopK::new(limit),
            misses: NearMisses::new(),
            considered: 0,
            passed: 0,
        }
    }

    /// Judges one retrieved candidate, record at a time: the reference path.
    pub(crate) fn judge_record(&mut self, judge: &Judge<'_>, slot: u32, d: f64) {
        let Some(c) = judge.roster.get(slot) else {
            return;
        };
        let c = judge.options.viewer.view(c);
        match judge.verdict(slot, &c, d) {
            Verdict::Skip => {}
            Verdict::Pass => {
                self.considered += 1;
                self.passed += 1;
                self.top.offer(Ranked {
                    preferred: c.kind == CandidateKind::Carer && judge.plan.prefers_carer(c.id),
                    score: judge.score(&*c, d),
                    distance: d,
                    kind: c.kind,
                    id: c.id,
                    slot,
                });
            }
            Verdict::Fail(f) => {
                if d <= judge.plan.max_km || judge.reaches_remotely(&c) {
                    self.considered += 1;
                }
                self.misses.record(f);
            }
        }
    }

    /// The explained top `limit`, and the relaxations when fewer matched.
    pub(crate) fn finish(self, judge: &Judge<'_>) -> MatchOutcome {
        let Self {
            top,
            misses,
            considered,
            passed,
        } = self;
        let matches: Vec<Match> = top
            .into_sorted()
            .into_iter()
            .filter_map(|r| explained_match(judge, &r))
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
            teams: Vec::new(),
        }
    }
}

/// A ranked candidate as the viewer may see it, explained against the judge's plan.
pub(crate) fn explained_match(judge: &Judge<'_>, r: &Ranked) -> Option<Match> {
    let viewer = judge.options.viewer;
    let candidate = judge.roster.get(r.slot)?;
    let holder = candidate.agency();
    let c = viewer.view(candidate);
    let side = judge.roster.side(r.slot)?;
    let shown = shown_distance(r.distance, r.kind, viewer);
    Some(Match {
        kind: r.kind,
        id: r.id,
        name: side.name.clone(),
        score: r.score,
        distance_km: shown,
        criteria: explain::criteria(judge.plan, &c, (r.distance, shown), judge.today),
        agency: None,
        holder,
    })
}
