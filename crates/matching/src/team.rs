//! Teams for a week: when nobody alone meets a plan whose schedule is required, the best 2 or 3
//! candidates who together cover it, each meeting every *other* required criterion exactly as a
//! single match would ([`Judge::verdict`] fails them on the schedule alone), explained slot by
//! slot (who covers which part of each slot of the plan).
//!
//! The search is exact over a bounded pool: the [`TEAM_CANDIDATES`] best-ranked candidates who
//! cover part of the schedule (score descending, then distance, kind and id, as results are
//! ranked). Every pair and triple of them is judged; a team counts only if each member covers a
//! quarter hour no other member does (no passengers). Teams are ordered by quarter hours covered
//! (more first), then size (2 before 3: fewer people to coordinate), then the mean of the
//! members' scores (higher first), then the members' ranks; the best [`TEAMS`] are returned, and
//! only those covering more than the best single candidate does.

use crate::candidate::{CandidateKind, Roster, Rosters, day_number};
use crate::criterion::CriterionId;
use crate::options::MatchOptions;
use crate::outcome::{Match, SlotPart, Team, TeamSlot};
use crate::plan::CompiledPlan;
use crate::rank::{Ranked, explained_match};
use crate::rules::{Judge, Verdict};
use carematch_domain::schedule::{Slot, TimeOfDay, WeekMask};
use carematch_domain::vocabulary::{Code, Weekday};

/// How many of the best-ranked partial candidates the exact search considers.
pub const TEAM_CANDIDATES: usize = 30;
/// The most teams proposed.
pub const TEAMS: usize = 3;
/// The largest team.
pub const MAX_TEAM: usize = 3;

const QUARTERS_PER_DAY: u16 = 96;

/// A candidate who meets every required criterion but the schedule and covers part of it.
struct Partial {
    ranked: Ranked,
    cover: WeekMask,
}

/// Whether a plan could have teams proposed: its schedule is required.
pub fn wants_teams(plan: &CompiledPlan) -> bool {
    plan.schedule.as_ref().is_some_and(|s| s.required)
}

/// The best teams for `plan` among the retrieved candidates `hits` (`(slot in roster, distance
/// km)`, as for [`crate::match_plan`]; those beyond the plan's maximum distance fail on it
/// unless they reach the person remotely).
/// Empty unless the plan's schedule is required and no candidate meets the whole plan.
pub fn match_teams(
    plan: &CompiledPlan,
    roster: &Roster,
    hits: impl IntoIterator<Item = (u32, f64)>,
    options: &MatchOptions,
) -> Vec<Team> {
    if !wants_teams(plan) {
        return Vec::new();
    }
    let judge = Judge {
        plan,
        roster: Rosters::one(roster),
        today: day_number(options.today),
        options,
    };
    let mut ranked: Vec<Ranked> = Vec::new();
    for (slot, d) in hits {
        // The judge rules on distance: a provider reaching the person remotely is not held to it.
        let Some(c) = roster.get(slot) else {
            continue;
        };
        let c = options.viewer.view(c);
        match judge.verdict(slot, &c, d) {
            Verdict::Pass => return Vec::new(),
            Verdict::Fail(f) if f.count == 1 && f.id == CriterionId::Schedule => {
                // Those covering none of it are left out by `teams_of`.
                ranked.push(Ranked {
                    preferred: c.kind == CandidateKind::Carer && plan.prefers_carer(c.id),
                    score: judge.score(&*c, d),
                    distance: d,
                    kind: c.kind,
                    id: c.id,
                    slot,
                });
            }
            Verdict::Skip | Verdict::Fail(_) => {}
        }
    }
    ranked.sort_unstable();
    teams_of(plan, Rosters::one(roster), ranked, options)
}

/// Teams from candidates already ranked best first who meet every required criterion of `plan`
/// but its schedule, within its maximum distance: [`match_teams`]'s, or the columnar engine's
/// ([`crate::Matcher::finish_teams`]). Those covering none of the schedule are left out, then
/// the best [`TEAM_CANDIDATES`] are searched.
pub(crate) fn teams_of(
    plan: &CompiledPlan,
    roster: Rosters<'_>,
    ranked: Vec<Ranked>,
    options: &MatchOptions,
) -> Vec<Team> {
    let Some(schedule) = plan.schedule.as_ref().filter(|s| s.required) else {
        return Vec::new();
    };
    let judge = Judge {
        plan,
        roster,
        today: day_number(options.today),
        options,
    };
    let partials: Vec<Partial> = ranked
        .into_iter()
        .filter_map(|ranked| {
            let c = options.viewer.view(roster.get(ranked.slot)?);
            let cover = c.week.intersection(&schedule.mask);
            (!cover.is_empty()).then_some(Partial { ranked, cover })
        })
        .take(TEAM_CANDIDATES)
        .collect();
    // Only teams covering more than the best single candidate are worth proposing.
    let best_single = partials.iter().map(|p| p.cover.quarters()).max();
    let covers: Vec<WeekMask> = partials.iter().map(|p| p.cover).collect();
    let scores: Vec<f64> = partials.iter().map(|p| p.ranked.score).collect();
    best_teams(&covers, &scores, TEAMS)
        .into_iter()
        .filter(|t| Some(t.covered) > best_single)
        .map(|t| explain_team(&judge, schedule, &partials, &t))
        .collect()
}

/// A team as indexes into the ranked candidates, with what orders it.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamPick {
    /// Indexes, ascending (best ranked first).
    pub members: Vec<usize>,
    /// Quarter hours of the schedule covered.
    pub covered: u32,
    pub score: f64,
}

impl TeamPick {
    /// The order of teams: more covered, then fewer members, then a higher mean score, then
    /// the members' ranks.
    pub fn order(&self, other: &Self) -> std::cmp::Ordering {
        other
            .covered
            .cmp(&self.covered)
            .then(self.members.len().cmp(&other.members.len()))
            .then(other.score.total_cmp(&self.score))
            .then_with(|| self.members.cmp(&other.members))
    }
}

/// The best `n` teams of 2 or 3 over candidates with the given covers (already restricted to
/// the schedule) and scores, in ranked order: exact, over every pair and triple in which each
/// member covers a quarter hour no other does.
pub fn best_teams(covers: &[WeekMask], scores: &[f64], n: usize) -> Vec<TeamPick> {
    let len = covers.len().min(scores.len());
    let mut best: Vec<TeamPick> = Vec::new();
    let mut offer = |pick: TeamPick| {
        let at = best
            .binary_search_by(|kept| kept.order(&pick))
            .unwrap_or_else(|at| at);
        if at < n {
            best.insert(at, pick);
            best.truncate(n);
        }
    };
    let mean =
        |members: &[usize]| members.iter().map(|&i| scores[i]).sum::<f64>() / members.len() as f64;
    for i in 0..len {
        for j in i + 1..len {
            let (a, b) = (&covers[i], &covers[j]);
            let pair = a.union(b);
            if !a.difference(b).is_empty() && !b.difference(a).is_empty() {
                offer(TeamPick {
                    members: vec![i, j],
                    covered: pair.quarters(),
                    score: mean(&[i, j]),
                });
            }
            for (k, c) in covers.iter().enumerate().skip(j + 1) {
                let all = pair.union(c);
                let own = |m: &WeekMask, x: &WeekMask, y: &WeekMask| {
                    !m.difference(&x.union(y)).is_empty()
                };
                if own(a, b, c) && own(b, a, c) && own(c, a, b) {
                    offer(TeamPick {
                        members: vec![i, j, k],
                        covered: all.quarters(),
                        score: mean(&[i, j, k]),
                    });
                }
            }
        }
    }
    best
}

fn explain_team(
    judge: &Judge<'_>,
    schedule: &crate::plan::CompiledSchedule,
    partials: &[Partial],
    pick: &TeamPick,
) -> Team {
    let chosen: Vec<&Partial> = pick
        .members
        .iter()
        .filter_map(|&i| partials.get(i))
        .collect();
    let members: Vec<Match> = chosen
        .iter()
        .filter_map(|p| explained_match(judge, &p.ranked))
        .collect();
    let covers: Vec<WeekMask> = chosen.iter().map(|p| p.cover).collect();
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let slots = schedule
        .slots
        .iter()
        .map(|slot| {
            let parts = slot_parts(*slot, &covers);
            let detail = parts_text(&parts, &names);
            TeamSlot {
                slot: *slot,
                parts,
                detail,
            }
        })
        .collect();
    Team {
        members,
        score: pick.score,
        coverage: f64::from(pick.covered) / f64::from(schedule.mask.quarters().max(1)),
        slots,
    }
}

/// Cuts a slot into parts, each covered by one member: at each quarter hour the member free for
/// the longest run from there takes over (ties to the best ranked), which makes the fewest
/// handovers; quarter hours nobody covers are parts of their own.
pub fn slot_parts(slot: Slot, covers: &[WeekMask]) -> Vec<SlotPart> {
    let (from, to) = slot.week_quarters();
    let run = |m: usize, q: u16| (q..to).take_while(|&x| covers[m].contains(x)).count();
    let mut parts = Vec::new();
    let mut q = from;
    while q < to {
        let best = (0..covers.len())
            .map(|m| (m, run(m, q)))
            .filter(|(_, n)| *n > 0)
            .max_by(|(a, n), (b, k)| n.cmp(k).then(b.cmp(a)));
        let (member, len) = match best {
            Some((m, n)) => (Some(m), n),
            None => (
                None,
                (q..to)
                    .take_while(|&x| covers.iter().all(|c| !c.contains(x)))
                    .count(),
            ),
        };
        let end = q + u16::try_from(len).unwrap_or(u16::MAX).max(1);
        parts.extend(part(q, end.min(to), member));
        q = end;
    }
    parts
}

/// The part `[from, to)` (week quarters, `to` at most a day after `from`'s day starts).
fn part(from: u16, to: u16, member: Option<usize>) -> Option<SlotPart> {
    let day_start = from - from % QUARTERS_PER_DAY;
    let day = Weekday::ALL.get(usize::from((from / QUARTERS_PER_DAY) % 7))?;
    let overnight = to - day_start > QUARTERS_PER_DAY;
    let end = if overnight {
        to - day_start - QUARTERS_PER_DAY
    } else {
        to - day_start
    };
    Some(SlotPart {
        day: *day,
        start: TimeOfDay::from_quarters(from % QUARTERS_PER_DAY)?,
        end: TimeOfDay::from_quarters(end)?,
        overnight,
        member,
    })
}

fn parts_text(parts: &[SlotPart], names: &[&str]) -> String {
    parts
        .iter()
        .map(|p| {
            let who = p.member.and_then(|m| names.get(m)).unwrap_or(&"nobody");
            format!("{who} {} {}–{}", &p.day.label_en()[..3], p.start, p.end)
        })
        .collect::<Vec<_>>()
        .join(", ")
}
