//! The reference matcher: every retrieved candidate judged record by record with the shared
//! rules (`crate::rules`). It is the oracle the columnar engine (`crate::columnar`) is tested
//! against, and the path for small inputs (held carers, tests).

use crate::candidate::{Roster, Rosters, day_number};
use crate::options::MatchOptions;
use crate::outcome::MatchOutcome;
use crate::plan::CompiledPlan;
use crate::rank::Ranking;
use crate::rules::Judge;

/// Matches a plan against retrieved candidates, given as `(slot in roster, distance in km from
/// the person)`. Slots must not repeat. To have distance relaxations counted, pass candidates up
/// to twice the plan's maximum distance; candidates further away are ignored.
pub fn match_plan(
    plan: &CompiledPlan,
    roster: &Roster,
    hits: impl IntoIterator<Item = (u32, f64)>,
    options: &MatchOptions,
) -> MatchOutcome {
    let judge = Judge {
        plan,
        roster: Rosters::one(roster),
        today: day_number(options.today),
        options,
    };
    let mut ranking = Ranking::new(options.limit);
    for (slot, d) in hits {
        ranking.judge_record(&judge, slot, d);
    }
    ranking.finish(&judge)
}
