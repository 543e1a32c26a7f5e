//! The criteria added with matching v2, for the property tests: random values for records and
//! plans, and the brute force's own reading of each rule over the original records (medical
//! diets, delivery modes and remote reach, LGBT+ inclusion, reading and writing a language, the
//! weekly budget, preferred and blocked carers).

use carematch_domain::money::WeeklyPence;
use carematch_domain::plan::{BudgetNeed, Priority, SupportPlan};
use carematch_domain::vocabulary::{DeliveryMode, Language, MedicalDiet};
use carematch_domain::{Carer, CarerId, Provider};

use super::support::{Rng, need};

const MEDICAL: [MedicalDiet; 3] = [
    MedicalDiet::Diabetic,
    MedicalDiet::Pureed,
    MedicalDiet::GlutenFree,
];
const MODES: [&[DeliveryMode]; 5] = [
    &[DeliveryMode::InPerson],
    &[DeliveryMode::InPerson],
    &[DeliveryMode::Phone],
    &[DeliveryMode::Online, DeliveryMode::Phone],
    &[DeliveryMode::InPerson, DeliveryMode::Online],
];

fn priority(rng: &mut Rng) -> Priority {
    if rng.chance(0.5) {
        Priority::Required
    } else {
        Priority::Preferred
    }
}

pub fn carer_fields(rng: &mut Rng, c: &mut Carer) {
    let d = &mut c.details;
    for skill in &mut d.languages {
        skill.reads = rng.chance(0.6);
        skill.writes = skill.reads && rng.chance(0.7);
    }
    d.medical_diets = rng.subset(&MEDICAL, 0.4);
    d.lgbt_inclusive = rng.chance(0.4);
}

pub fn provider_fields(rng: &mut Rng, p: &mut Provider) {
    let d = &mut p.details;
    d.medical_diets = rng.subset(&MEDICAL, 0.4);
    d.lgbt_inclusive = rng.chance(0.4);
    d.delivery_modes = rng.pick(&MODES).to_vec();
}

/// Adds v2 criteria to a plan; `carers` is the number of carers (ids 1 ..= carers).
pub fn plan_fields(rng: &mut Rng, p: &mut SupportPlan, carers: usize) {
    for need in &mut p.languages {
        need.reads = rng.chance(0.25);
        need.writes = rng.chance(0.15);
    }
    p.medical_diets = rng
        .subset(&MEDICAL, 0.15)
        .into_iter()
        .map(|c| need(c, priority(rng)))
        .collect();
    if rng.chance(0.25) {
        p.lgbt_inclusive = Some(priority(rng));
    }
    if rng.chance(0.3) {
        let modes = [
            DeliveryMode::InPerson,
            DeliveryMode::Phone,
            DeliveryMode::Online,
        ];
        p.delivery_modes = rng
            .subset(&modes, 0.5)
            .into_iter()
            .map(|c| need(c, priority(rng)))
            .collect();
    }
    if p.hours_per_week.is_some() && rng.chance(0.5) {
        let max = WeeklyPence::new(5_000 + rng.below(40_000) as i64).expect("budget");
        p.weekly_budget = Some(BudgetNeed {
            max,
            priority: priority(rng),
        });
    }
    if carers > 0 && rng.chance(0.4) {
        let mut ids: Vec<i64> = (0..1 + rng.below(8))
            .map(|_| 1 + rng.below(carers) as i64)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            if rng.chance(0.5) {
                p.preferred_carers.push(CarerId(id));
            } else {
                p.blocked_carers.push(CarerId(id));
            }
        }
    }
}

fn required(p: Priority) -> bool {
    p == Priority::Required
}

/// The weekly budget's failure, if the plan requires one (cost at `rate`, no rate fails).
fn budget_fails(plan: &SupportPlan, rate_pence: Option<u32>) -> bool {
    match (plan.weekly_budget, plan.hours_per_week) {
        (Some(b), Some(h)) if required(b.priority) => {
            rate_pence.is_none_or(|r| u64::from(r) * u64::from(h.hours) > u64::from(b.max.pence()))
        }
        _ => false,
    }
}

/// What a record says, for the v2 rules.
struct Profile<'a> {
    reads: &'a dyn Fn(Language) -> bool,
    writes: &'a dyn Fn(Language) -> bool,
    medical_diets: &'a [MedicalDiet],
    lgbt_inclusive: bool,
    delivery_modes: &'a [DeliveryMode],
    rate_pence: Option<u32>,
}

fn failures(plan: &SupportPlan, r: &Profile<'_>) -> Vec<String> {
    let mut failed = Vec::new();
    for l in plan.languages.iter().filter(|l| required(l.priority)) {
        if l.reads && !(r.reads)(l.code) {
            failed.push(format!("reads:{}", l.code));
        }
        if l.writes && !(r.writes)(l.code) {
            failed.push(format!("writes:{}", l.code));
        }
    }
    for n in plan.medical_diets.iter().filter(|n| required(n.priority)) {
        if !r.medical_diets.contains(&n.code) {
            failed.push(format!("medical_diet:{}", n.code));
        }
    }
    if plan.lgbt_inclusive == Some(Priority::Required) && !r.lgbt_inclusive {
        failed.push("lgbt_inclusive".to_owned());
    }
    for n in plan.delivery_modes.iter().filter(|n| required(n.priority)) {
        if !r.delivery_modes.contains(&n.code) {
            failed.push(format!("delivery_mode:{}", n.code));
        }
    }
    if budget_fails(plan, r.rate_pence) {
        failed.push("weekly_budget".to_owned());
    }
    failed
}

/// A carer's failed v2 criteria (a carer works in person).
pub fn carer_failures(plan: &SupportPlan, c: &Carer) -> Vec<String> {
    let d = &c.details;
    let skill = |code: Language| d.languages.iter().find(|s| s.code == code);
    failures(
        plan,
        &Profile {
            reads: &|code| skill(code).is_some_and(|s| s.reads),
            writes: &|code| skill(code).is_some_and(|s| s.writes),
            medical_diets: &d.medical_diets,
            lgbt_inclusive: d.lgbt_inclusive,
            delivery_modes: &[DeliveryMode::InPerson],
            rate_pence: Some(d.hourly_rate.pence()),
        },
    )
}

/// A provider's failed v2 criteria (staff languages count as read and written).
pub fn provider_failures(plan: &SupportPlan, p: &Provider) -> Vec<String> {
    let d = &p.details;
    let staff = |code: Language| d.staff_languages.contains(&code);
    failures(
        plan,
        &Profile {
            reads: &staff,
            writes: &staff,
            medical_diets: &d.medical_diets,
            lgbt_inclusive: d.lgbt_inclusive,
            delivery_modes: &d.delivery_modes,
            rate_pence: d.hourly_rate.map(|r| r.pence()),
        },
    )
}

/// Whether a provider reaches the person whatever the distance: it works by phone or online
/// and the plan lists that mode.
pub fn reaches_remotely(plan: &SupportPlan, p: &Provider) -> bool {
    plan.delivery_modes
        .iter()
        .any(|n| n.code != DeliveryMode::InPerson && p.details.delivery_modes.contains(&n.code))
}

pub fn blocked(plan: &SupportPlan, c: &Carer) -> bool {
    plan.blocked_carers.contains(&c.id)
}

pub fn preferred(plan: &SupportPlan, kind_carer: bool, id: i64) -> bool {
    kind_carer && plan.preferred_carers.contains(&CarerId(id))
}
