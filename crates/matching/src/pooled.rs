//! Pooled matching: candidates who can serve several plans at once (people pooling budgets),
//! with the plans' hours and times added up across the pool.
//!
//! The pool's rules (docs/matching.md, "Pooling"):
//!
//! - **Hours add up.** Each plan that states hours a week is judged (required or preferred, as
//!   it says) against the pool's total: the sum of the hours every plan states. A PA with 10
//!   free hours does not serve three plans of 8.
//! - **Times do not overlap.** A carer is one person: for each plan, the quarter hours another
//!   plan's *required* schedule takes are not free, unless the two plans are co-located (their
//!   people within [`CO_LOCATED_KM`] of each other: the same household or building, where one
//!   PA can support both at once). So two required schedules that overlap in time at different
//!   addresses cannot be served by one carer. Providers are organisations with several staff
//!   (and by-arrangement providers cover any time): their times are not netted.
//! - **Relaxations**: when fewer than `limit` can serve the pool, each candidate that fails
//!   exactly one criterion (the same criterion, in every plan it fails) is counted against it,
//!   as for one plan: "2 more with fewer than 24 hours a week free" (the pool's total), "1 more
//!   who cover part of the schedule", "3 more within 20 km" (every person's maximum distance
//!   raised to twice the largest of them).

use serde::Serialize;
use utoipa::ToSchema;

use crate::candidate::{Candidate, CandidateKind, Reach, Roster, Rosters, day_number};
use crate::explain::{self, Explanation, Relaxation};
use crate::options::MatchOptions;
use crate::plan::{CompiledPlan, Wanted};
use crate::rank::{NearMisses, Ranked, TopK, shown_distance};
use crate::rules::{Failures, Judge, Verdict, round_score};
use carematch_domain::schedule::WeekMask;

/// People this close (km) are co-located: one carer can support them at the same time.
pub const CO_LOCATED_KM: f64 = 0.1;

/// How one pooled candidate fits one of the plans.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PlanFit {
    /// Index of the plan in the request.
    pub plan: usize,
    pub score: f64,
    pub distance_km: f64,
    /// Hours against the pool's total; times another person's required schedule takes count
    /// as not free.
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
    /// Carers: the agency that holds the PA, with its public contact; filled by the service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<carematch_domain::AgencyContact>,
    /// Carers: the holding agency's id (see `Match::holder`); never sent.
    #[serde(skip)]
    pub holder: Option<carematch_domain::ids::AgencyId>,
}

/// The result of [`match_pooled`].
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PooledOutcome {
    pub matches: Vec<PooledMatch>,
    /// Filled only when fewer than `limit` candidates can serve the pool: which single
    /// criterion, relaxed in every plan, would add how many.
    pub relaxations: Vec<Relaxation>,
    /// Distinct visible candidates of the kinds asked for within every person's maximum
    /// distance.
    pub considered: usize,
}

/// How far from the first person the candidates of a pool must be retrieved: twice the largest
/// maximum distance (the distance relaxation's reach).
pub fn pool_search_km(plans: &[CompiledPlan]) -> f64 {
    2.0 * plans.iter().map(|p| p.max_km).fold(0.0, f64::max)
}

/// The plans as the pool judges them: hours against the pool's total, and for each plan the
/// times other plans require elsewhere.
struct Pool {
    plans: Vec<CompiledPlan>,
    /// Per plan: the union of the required schedules of the plans not co-located with it.
    taken: Vec<WeekMask>,
    /// Twice the largest maximum distance.
    outer_km: f64,
    /// A plan stating every relaxable criterion of the pool, for the relaxations' facts.
    relax: Option<CompiledPlan>,
}

impl Pool {
    fn new(plans: &[CompiledPlan]) -> Self {
        let total: u32 = plans
            .iter()
            .filter_map(|p| p.hours)
            .map(|h| u32::from(h.value))
            .sum();
        let total = u8::try_from(total).unwrap_or(u8::MAX);
        let pooled: Vec<CompiledPlan> = plans
            .iter()
            .map(|p| {
                let mut p = p.clone();
                if let Some(h) = p.hours.as_mut() {
                    h.value = total;
                }
                p
            })
            .collect();
        let taken = plans
            .iter()
            .enumerate()
            .map(|(i, plan)| {
                plans
                    .iter()
                    .enumerate()
                    .filter(|(j, other)| {
                        *j != i && plan.location.distance_km(other.location) > CO_LOCATED_KM
                    })
                    .filter_map(|(_, other)| other.schedule.as_ref().filter(|s| s.required))
                    .fold(WeekMask::default(), |acc, s| acc.union(&s.mask))
            })
            .collect();
        let outer_km = pool_search_km(plans);
        let relax = relaxation_plan(&pooled, outer_km / 2.0);
        Self {
            plans: pooled,
            taken,
            outer_km,
            relax,
        }
    }

    /// The candidate as plan `i` of the pool sees it: a carer is not free when another plan
    /// (not co-located) requires them elsewhere.
    fn candidate_for(&self, i: usize, c: &Candidate) -> Candidate {
        let mut c = c.clone();
        if c.kind == CandidateKind::Carer
            && !c.hours_by_arrangement
            && let Some(taken) = self.taken.get(i)
        {
            c.week = c.week.difference(taken);
        }
        c
    }
}

/// A plan that states, for the relaxations' wording, every criterion any plan of the pool
/// states: the first plan, with the largest maximum distance, the pool's hours, the lowest rate
/// limit, the earliest date needed, the lowest weekly budget and every language need.
fn relaxation_plan(plans: &[CompiledPlan], max_km: f64) -> Option<CompiledPlan> {
    let mut relax = plans.first()?.clone();
    relax.max_km = max_km;
    for plan in plans.iter().skip(1) {
        for need in &plan.languages {
            if !relax.languages.iter().any(|l| l.code == need.code) {
                relax.languages.push(*need);
            }
        }
        relax.hours = relax.hours.or(plan.hours);
        if let Some(rate) = plan.max_rate_pence
            && relax.max_rate_pence.is_none_or(|r| rate.value < r.value)
        {
            relax.max_rate_pence = Some(Wanted {
                value: rate.value,
                required: rate.required,
            });
        }
        if let Some(date) = plan.needed_by
            && relax.needed_by.is_none_or(|d| date.value < d.value)
        {
            relax.needed_by = Some(date);
            relax.needed_by_day = plan.needed_by_day;
        }
        if let Some(budget) = plan.weekly_budget
            && relax
                .weekly_budget
                .is_none_or(|b| budget.value.pence < b.value.pence)
        {
            relax.weekly_budget = Some(budget);
        }
    }
    Some(relax)
}

/// How a candidate stands against the whole pool.
enum PoolVerdict {
    Skip,
    /// Serves every plan: the mean score and the furthest distance.
    Pass {
        score: f64,
        furthest: f64,
    },
    /// Fails exactly one criterion (in each plan it fails).
    NearMiss(Failures),
    Fail,
}

/// Judges one candidate against every plan of the pool.
fn judge_pool(pool: &Pool, judges: &[Judge<'_>], slot: u32, c: &Candidate) -> PoolVerdict {
    let mut total = 0.0;
    let mut furthest: f64 = 0.0;
    let mut failed: Option<Failures> = None;
    let mut many = false;
    for (i, judge) in judges.iter().enumerate() {
        let d = c.location.distance_km(judge.plan.location);
        if !d.is_finite() || d > c.reach.bound_km() || d > pool.outer_km {
            return PoolVerdict::Skip;
        }
        if let Reach::Polygon { .. } = c.reach
            && !judge.inside_polygon(slot)
        {
            return PoolVerdict::Skip;
        }
        furthest = furthest.max(d);
        let seen = pool.candidate_for(i, c);
        match judge.failures(&seen, d > judge.plan.max_km) {
            Verdict::Pass => total += judge.score(&seen, d),
            Verdict::Fail(f) if f.count == 1 => match failed.as_mut() {
                None => failed = Some(f),
                Some(first) if first.id == f.id => first.dialect &= f.dialect,
                Some(_) => many = true,
            },
            Verdict::Fail(_) | Verdict::Skip => many = true,
        }
    }
    match failed {
        _ if many => PoolVerdict::Fail,
        Some(f) => PoolVerdict::NearMiss(f),
        None => PoolVerdict::Pass {
            score: round_score(total / judges.len().max(1) as f64),
            furthest,
        },
    }
}

/// Matches several plans at once (people pooling their budgets): a candidate is returned only if
/// it meets every plan's required criteria, with hours and times added up across the pool (see
/// the module documentation), and reaches every person within that plan's maximum distance.
/// The score is the mean of the per-plan scores; ties break by the furthest distance, then kind
/// and id.
///
/// `slots` are the candidates to examine: for the distance relaxation to be counted, every
/// candidate within [`pool_search_km`] of the first person (the geographic index's job); repeats
/// are ignored. Distances to each person are computed here from the candidate's base as the
/// viewer may see it ([`crate::Viewer::view`]): the public cell unless it holds the record.
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
    let pool = Pool::new(plans);
    let judges: Vec<Judge<'_>> = pool
        .plans
        .iter()
        .map(|plan| Judge {
            plan,
            roster: Rosters::one(roster),
            today,
            options,
        })
        .collect();
    let mut top = TopK::new(options.limit);
    let mut misses = NearMisses::new();
    let mut considered = 0;
    let mut passed = 0;
    if !plans.is_empty() {
        for slot in slots {
            let Some(c) = roster.get(slot) else {
                continue;
            };
            let carer = c.kind == CandidateKind::Carer;
            if !options.kinds.allows(c.kind)
                || !options.viewer.sees(c)
                || (carer && pool.plans.iter().any(|p| p.blocks_carer(c.id)))
            {
                continue;
            }
            let c = &*options.viewer.view(c);
            if judges
                .iter()
                .all(|j| c.location.distance_km(j.plan.location) <= j.plan.max_km)
            {
                considered += 1;
            }
            match judge_pool(&pool, &judges, slot, c) {
                PoolVerdict::Pass { score, furthest } => {
                    passed += 1;
                    top.offer(Ranked {
                        preferred: carer && pool.plans.iter().any(|p| p.prefers_carer(c.id)),
                        score,
                        distance: furthest,
                        kind: c.kind,
                        id: c.id,
                        slot,
                    });
                }
                PoolVerdict::NearMiss(f) => misses.record(f),
                PoolVerdict::Skip | PoolVerdict::Fail => {}
            }
        }
    }
    let relaxations = match &pool.relax {
        Some(relax) if passed < options.limit => misses.relaxations(relax),
        _ => Vec::new(),
    };
    let matches = top
        .into_sorted()
        .into_iter()
        .filter_map(|r| {
            let candidate = roster.get(r.slot)?;
            let candidate_agency = candidate.agency();
            let c = &*options.viewer.view(candidate);
            let side = roster.side(r.slot)?;
            let fits = judges
                .iter()
                .enumerate()
                .map(|(i, judge)| {
                    let d = c.location.distance_km(judge.plan.location);
                    let seen = pool.candidate_for(i, c);
                    let shown = shown_distance(d, r.kind, options.viewer);
                    PlanFit {
                        plan: i,
                        score: judge.score(&seen, d),
                        distance_km: shown,
                        criteria: explain::criteria(judge.plan, &seen, (d, shown), today),
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
                agency: None,
                holder: candidate_agency,
            })
        })
        .collect();
    PooledOutcome {
        matches,
        relaxations,
        considered,
    }
}
