//! Pooled matching: candidates who can serve several plans at once (people pooling budgets).

use serde::Serialize;
use utoipa::ToSchema;

use crate::candidate::{CandidateKind, Roster, day_number};
use crate::explain::{self, Explanation};
use crate::options::MatchOptions;
use crate::plan::CompiledPlan;
use crate::rank::{Ranked, TopK, shown_distance};
use crate::rules::{Judge, Verdict};

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
