//! Explanations as data: for each criterion of the plan, how a candidate stands
//! ([`CriterionOutcome`]) and the facts behind it ([`Facts`]: the level a language is spoken at,
//! km, the days free, a check's expiry...). Relaxations likewise ([`Relaxation`]).
//!
//! Front ends render them: [`english`] gives the API's sentences (the JSON carries `detail` and
//! `suggestion` in English, as it always has); the web renders the same facts through its
//! Fluent catalogues in every UI language.

pub mod english;
mod facts;

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::candidate::{Candidate, CandidateKind, NO_CHECK, date_of_day};
use super::criterion::{CodeCriterion, CriterionId};
use super::plan::{CompiledLanguage, CompiledPlan, NeedMasks};
use super::rules::coverage;
use carematch_domain::money::RatePence;
use carematch_domain::schedule::{Slot, TimeOfDay, WeekMask};
use carematch_domain::vocabulary::{Code, CodeSet, Language, Proficiency, Weekday};

pub use facts::{DayPeriod, Facts, FreeTime, RelaxationFacts, ScheduleFacts};

/// How a candidate stands on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CriterionOutcome {
    Met,
    /// Half-way: a related language ("confirm dialect"), a lower level, part of the schedule, or a
    /// criterion that does not apply to a provider. Never enough for a required criterion.
    Partial,
    Unmet,
}

impl CriterionOutcome {
    fn met_if(ok: bool) -> Self {
        if ok { Self::Met } else { Self::Unmet }
    }
}

/// One line of an explanation: a criterion of the plan, how the candidate stands on it, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub criterion: CriterionId,
    pub required: bool,
    pub outcome: CriterionOutcome,
    pub facts: Facts,
}

/// What relaxing one required criterion would add: `additional` candidates fail only it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relaxation {
    pub criterion: CriterionId,
    pub additional: u32,
    pub facts: RelaxationFacts,
}

fn explained(
    criterion: CriterionId,
    required: bool,
    outcome: CriterionOutcome,
    facts: Facts,
) -> Explanation {
    Explanation {
        criterion,
        required,
        outcome,
        facts,
    }
}

fn date(day: i32) -> Option<NaiveDate> {
    date_of_day(day)
}

pub(crate) fn language_facts(c: &Candidate, need: &CompiledLanguage) -> (CriterionOutcome, Facts) {
    let staff = c.kind == CandidateKind::Provider;
    let level = if staff { None } else { c.level_of(need.code) };
    let facts = |related: Option<Language>, level: Option<Proficiency>| Facts::Language {
        staff,
        level,
        related,
        needed: need.min,
    };
    if c.languages[need.min as usize].contains(need.code) {
        return (CriterionOutcome::Met, facts(None, level));
    }
    if let Some(related) = c.languages[need.min as usize]
        .intersection(need.dialect_of)
        .iter()
        .next()
    {
        return (CriterionOutcome::Partial, facts(Some(related), None));
    }
    match c.level_of(need.code) {
        Some(lower) => (CriterionOutcome::Partial, facts(None, Some(lower))),
        None => (CriterionOutcome::Unmet, facts(None, None)),
    }
}

fn listed<T: CodeCriterion>(out: &mut Vec<Explanation>, masks: &NeedMasks<T>, has: CodeSet<T>) {
    for (set, required) in [(masks.required, true), (masks.preferred, false)] {
        for code in set.iter() {
            let outcome = CriterionOutcome::met_if(has.contains(code));
            out.push(explained(
                code.criterion(),
                required,
                outcome,
                Facts::Listed,
            ));
        }
    }
}

const PERIODS: [(DayPeriod, &str, &str, bool); 4] = [
    (DayPeriod::Mornings, "06:00", "12:00", false),
    (DayPeriod::Afternoons, "12:00", "17:00", false),
    (DayPeriod::Evenings, "17:00", "22:00", false),
    (DayPeriod::Nights, "22:00", "06:00", true),
];

/// Per day (Monday first) and period of [`PERIODS`], the quarter hours it covers; computed once.
fn period_windows() -> &'static [[Option<WeekMask>; PERIODS.len()]] {
    static WINDOWS: OnceLock<Vec<[Option<WeekMask>; PERIODS.len()]>> = OnceLock::new();
    WINDOWS.get_or_init(|| {
        Weekday::ALL
            .iter()
            .map(|day| {
                PERIODS.map(|(_, start, end, overnight)| {
                    let (Ok(start), Ok(end)) = (TimeOfDay::parse(start), TimeOfDay::parse(end))
                    else {
                        return None;
                    };
                    Some(WeekMask::from_slots(&[Slot {
                        day: *day,
                        start,
                        end,
                        overnight,
                    }]))
                })
            })
            .collect()
    })
}

/// The periods of each day `free` touches, days with the same periods grouped, in week order.
pub fn free_times(free: &WeekMask) -> Vec<FreeTime> {
    let mut out: Vec<FreeTime> = Vec::new();
    for (day, windows) in Weekday::ALL.iter().copied().zip(period_windows()) {
        let periods: Vec<DayPeriod> = PERIODS
            .iter()
            .zip(windows)
            .filter(|(_, window)| window.is_some_and(|w| !free.intersection(&w).is_empty()))
            .map(|((period, ..), _)| *period)
            .collect();
        if periods.is_empty() {
            continue;
        }
        match out.iter_mut().find(|t| t.periods == periods) {
            Some(group) => group.days.push(day),
            None => out.push(FreeTime {
                days: vec![day],
                periods,
            }),
        }
    }
    out
}

fn schedule_facts(c: &Candidate, mask: &WeekMask) -> (CriterionOutcome, Facts) {
    if c.hours_by_arrangement {
        return (CriterionOutcome::Met, Facts::ByArrangement);
    }
    let free = c.week.intersection(mask);
    if free.is_empty() {
        let facts = if c.week.is_empty() {
            ScheduleFacts::NothingRecorded
        } else {
            ScheduleFacts::NotFree
        };
        return (CriterionOutcome::Unmet, Facts::Schedule(facts));
    }
    let share = coverage(c, mask);
    let (outcome, percent) = if share >= 1.0 {
        (CriterionOutcome::Met, 100)
    } else {
        let percent = ((share * 100.0).floor() as u8).clamp(1, 99);
        (CriterionOutcome::Partial, percent)
    };
    let times = free_times(&free);
    (
        outcome,
        Facts::Schedule(ScheduleFacts::Free { times, percent }),
    )
}

/// Every criterion of the plan for one candidate, in plan order, distance after the lists.
/// `distance` is `(exact, shown)`: the exact distance decides the outcome, the distance the
/// viewer may see (rounded to 0.5 km for a public view of a carer) is the one given.
pub(crate) fn criteria(
    plan: &CompiledPlan,
    c: &Candidate,
    (distance_km, shown_km): (f64, f64),
    today: i32,
) -> Vec<Explanation> {
    let mut out = Vec::new();
    let provider = c.kind == CandidateKind::Provider;
    for need in &plan.languages {
        let (outcome, facts) = language_facts(c, need);
        out.push(explained(
            CriterionId::Language(need.code),
            need.required,
            outcome,
            facts,
        ));
        for (asked, done, id) in [
            (need.reads, c.reads, CriterionId::Reads(need.code)),
            (need.writes, c.writes, CriterionId::Writes(need.code)),
        ] {
            if asked {
                let outcome = CriterionOutcome::met_if(done.contains(need.code));
                out.push(explained(id, need.required, outcome, Facts::Listed));
            }
        }
    }
    listed(&mut out, &plan.cuisines, c.cuisines);
    listed(&mut out, &plan.diets, c.diets);
    listed(&mut out, &plan.medical_diets, c.medical_diets);
    listed(&mut out, &plan.practices, c.practices);
    // A carer's faith and gender; for a provider they do not apply (shown as partial).
    let personal = |ok: bool| {
        if provider {
            (CriterionOutcome::Partial, Facts::NotApplicableToProvider)
        } else {
            (CriterionOutcome::met_if(ok), Facts::Personal)
        }
    };
    if let Some(w) = plan.shared_faith {
        let (outcome, facts) = personal(c.faith == Some(w.value));
        out.push(explained(w.value.criterion(), w.required, outcome, facts));
    }
    if let Some(w) = plan.carer_gender {
        let (outcome, facts) = personal(c.gender == Some(w.value));
        out.push(explained(w.value.criterion(), w.required, outcome, facts));
    }
    listed(&mut out, &plan.services, c.services);
    listed(&mut out, &plan.experience, c.experience);
    if let Some(w) = plan.lgbt_inclusive {
        let outcome = CriterionOutcome::met_if(c.lgbt_inclusive);
        out.push(explained(
            CriterionId::LgbtInclusive,
            w.required,
            outcome,
            Facts::Listed,
        ));
    }
    listed(&mut out, &plan.delivery, c.delivery);
    let remote = c.delivery.intersection(plan.remote);
    let (outcome, facts) = if distance_km > plan.max_km && !remote.is_empty() {
        let modes = remote.iter().collect();
        let facts = Facts::Remote {
            km: shown_km,
            modes,
        };
        (CriterionOutcome::Met, facts)
    } else {
        let outcome = CriterionOutcome::met_if(distance_km <= plan.max_km);
        (outcome, Facts::Distance { km: shown_km })
    };
    out.push(explained(CriterionId::Distance, true, outcome, facts));
    if let Some(s) = &plan.schedule {
        let (outcome, facts) = schedule_facts(c, &s.mask);
        out.push(explained(CriterionId::Schedule, s.required, outcome, facts));
    }
    if let Some(w) = plan.hours {
        let (outcome, facts) = if provider {
            (CriterionOutcome::Met, Facts::ByArrangement)
        } else {
            let outcome = if c.hours_free >= w.value {
                CriterionOutcome::Met
            } else if c.hours_free > 0 {
                CriterionOutcome::Partial
            } else {
                CriterionOutcome::Unmet
            };
            let facts = Facts::Hours {
                free: c.hours_free,
                needed: w.value,
            };
            (outcome, facts)
        };
        out.push(explained(
            CriterionId::HoursPerWeek,
            w.required,
            outcome,
            facts,
        ));
    }
    if let Some(w) = plan.max_rate_pence
        && let Ok(limit) = RatePence::new(i64::from(w.value))
    {
        let rate = c.rate_pence.and_then(|r| RatePence::new(i64::from(r)).ok());
        let outcome = match rate {
            Some(rate) => CriterionOutcome::met_if(rate.pence() <= w.value),
            None => CriterionOutcome::Partial,
        };
        let facts = Facts::Rate { rate, limit };
        out.push(explained(
            CriterionId::MaxHourlyRate,
            w.required,
            outcome,
            facts,
        ));
    }
    if let Some(line) = budget_line(plan, c) {
        out.push(line);
    }
    if let Some(w) = plan.needed_by {
        let (outcome, facts) = if provider {
            (CriterionOutcome::Met, Facts::ByArrangement)
        } else {
            let facts = Facts::NeededBy {
                now: c.available_from <= today,
                available_from: date(c.available_from),
                needed_by: w.value,
            };
            (
                CriterionOutcome::met_if(c.available_from <= plan.needed_by_day),
                facts,
            )
        };
        out.push(explained(CriterionId::NeededBy, w.required, outcome, facts));
    }
    for (set, required) in [(plan.checks.required, true), (plan.checks.preferred, false)] {
        for kind in set.iter() {
            let expiry = c.check_expiry[usize::from(kind.index())];
            let recorded = expiry != NO_CHECK;
            let facts = Facts::Check {
                recorded,
                expiry: date(expiry).filter(|_| recorded),
            };
            let outcome = CriterionOutcome::met_if(recorded && expiry >= today);
            out.push(explained(kind.criterion(), required, outcome, facts));
        }
    }
    if provider {
        let facts = Facts::Accepting {
            flag: c.accepting,
            confirmed: date(c.accepting_confirmed),
        };
        let outcome = CriterionOutcome::met_if(c.accepting_on(today));
        out.push(explained(
            CriterionId::AcceptingNewClients,
            true,
            outcome,
            facts,
        ));
    }
    if !provider && plan.prefers_carer(c.id) {
        out.push(explained(
            CriterionId::PreferredCarer,
            false,
            CriterionOutcome::Met,
            Facts::Listed,
        ));
    }
    out
}

/// The weekly budget's line: the plan's hours at the candidate's rate, in pence.
fn budget_line(plan: &CompiledPlan, c: &Candidate) -> Option<Explanation> {
    let budget = plan.weekly_budget?;
    let outcome = match budget.value.fits(c.rate_pence) {
        Some(fits) => CriterionOutcome::met_if(fits),
        None => CriterionOutcome::Partial,
    };
    let facts = Facts::Budget {
        hours: budget.value.hours,
        weekly_cost_pence: budget.value.cost(c.rate_pence),
        budget_pence: budget.value.pence,
    };
    Some(explained(
        CriterionId::WeeklyBudget,
        budget.required,
        outcome,
        facts,
    ))
}

impl Relaxation {
    /// The relaxation of criterion `id` with `n` candidates failing only it; `dialect` of them
    /// (languages only) speak a related language ("confirm dialect"). `None` for a criterion
    /// the plan does not state.
    pub(crate) fn of(plan: &CompiledPlan, id: CriterionId, n: u32, dialect: u32) -> Option<Self> {
        let facts = match id {
            CriterionId::Distance => RelaxationFacts::Distance {
                km: 2.0 * plan.max_km,
            },
            CriterionId::HoursPerWeek => RelaxationFacts::Hours {
                needed: plan.hours?.value,
            },
            CriterionId::MaxHourlyRate => RelaxationFacts::Rate {
                limit: RatePence::new(i64::from(plan.max_rate_pence?.value)).ok()?,
            },
            CriterionId::NeededBy => RelaxationFacts::NeededBy {
                needed_by: plan.needed_by?.value,
            },
            CriterionId::WeeklyBudget => RelaxationFacts::Budget {
                budget_pence: plan.weekly_budget?.value.pence,
            },
            CriterionId::Language(code) => {
                let need = plan.languages.iter().find(|l| l.code == code)?;
                RelaxationFacts::Language {
                    min: need.min,
                    related: need.dialect_of.iter().collect(),
                    dialect,
                }
            }
            _ => RelaxationFacts::Criterion,
        };
        Some(Self {
            criterion: id,
            additional: n,
            facts,
        })
    }
}
