//! Explanations: every criterion of the plan with `met` / `partial` / `unmet` and a sentence a
//! person can read, and the wording of relaxation suggestions.

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::candidate::{Candidate, CandidateKind, NO_CHECK, date_of_day};
use super::engine::{
    C_ACCEPTING, C_CHECK, C_CUISINE, C_DIET, C_DISTANCE, C_EXPERIENCE, C_FAITH, C_GENDER, C_HOURS,
    C_LANGUAGE, C_NEEDED_BY, C_PRACTICE, C_RATE, C_SCHEDULE, C_SERVICE, coverage,
};
use super::plan::{CompiledLanguage, CompiledPlan, NeedMasks};
use carematch_domain::money::RatePence;
use carematch_domain::provider::CAPACITY_FLAG_LAPSES_AFTER_DAYS;
use carematch_domain::schedule::{Slot, TimeOfDay, WeekMask};
use carematch_domain::vocabulary::{
    CheckKind, Code, CodeSet, Cuisine, DietaryLaw, Experience, FaithPractice, Language,
    Proficiency, Service, Weekday,
};

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

/// One line of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CriterionResult {
    /// `language:yue`, `cuisine:cantonese`, `distance`, `schedule`, `check:dbs_enhanced`, ...
    #[schema(example = "language:yue")]
    pub criterion: String,
    pub required: bool,
    pub result: CriterionOutcome,
    #[schema(example = "speaks Cantonese (native)")]
    pub detail: String,
}

/// What relaxing one required criterion would add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Relaxation {
    #[schema(example = "distance")]
    pub criterion: String,
    #[schema(example = "3 more within 20 km")]
    pub suggestion: String,
    pub additional: u32,
}

fn line(
    criterion: String,
    required: bool,
    result: CriterionOutcome,
    detail: String,
) -> CriterionResult {
    CriterionResult {
        criterion,
        required,
        result,
        detail,
    }
}

fn met_if(ok: bool) -> CriterionOutcome {
    if ok {
        CriterionOutcome::Met
    } else {
        CriterionOutcome::Unmet
    }
}

fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) if !label.starts_with("BSL") => {
            first.to_lowercase().chain(chars).collect::<String>()
        }
        _ => label.to_owned(),
    }
}

/// `Chinese (dialect not stated)` -> `Chinese, dialect not stated`.
fn spoken_label(language: Language) -> String {
    let label = language.label_en();
    match label.strip_suffix(" (dialect not stated)") {
        Some(stem) => format!("{stem}, dialect not stated"),
        None => label.to_owned(),
    }
}

pub(crate) fn language_detail(
    c: &Candidate,
    need: &CompiledLanguage,
) -> (CriterionOutcome, String) {
    let provider = c.kind == CandidateKind::Provider;
    let name = need.code.label_en();
    let speaks = if provider { "staff speak" } else { "speaks" };
    if c.languages[need.min as usize].contains(need.code) {
        let detail = match (provider, c.level_of(need.code)) {
            (false, Some(level)) => format!("speaks {name} ({})", level.code()),
            _ => format!("{speaks} {name}"),
        };
        return (CriterionOutcome::Met, detail);
    }
    if let Some(related) = c.languages[need.min as usize]
        .intersection(need.dialect_of)
        .iter()
        .next()
    {
        return (
            CriterionOutcome::Partial,
            format!("{speaks} {} — confirm {name}", spoken_label(related)),
        );
    }
    if let Some(level) = c.level_of(need.code) {
        return (
            CriterionOutcome::Partial,
            format!(
                "{speaks} {name} ({}) — {} needed",
                level.code(),
                need.min.code()
            ),
        );
    }
    let detail = if provider {
        format!("staff do not speak {name}")
    } else {
        format!("does not speak {name}")
    };
    (CriterionOutcome::Unmet, detail)
}

fn cuisine_phrase(cuisine: Cuisine) -> String {
    let label = cuisine.label_en();
    if label.ends_with("cooking") {
        label.to_owned()
    } else {
        format!("{label} home food")
    }
}

fn practice_phrase(practice: FaithPractice) -> &'static str {
    match practice {
        FaithPractice::PrayerTimes => "respects prayer times",
        FaithPractice::Fasting => "supports fasting",
        FaithPractice::SameGenderPersonalCare => "offers same-gender personal care",
        FaithPractice::ModestDress => "respects modest dress",
        FaithPractice::RitualWashing => "supports ritual washing",
        FaithPractice::ReligiousFestivals => "supports religious festivals",
        FaithPractice::AccompanyToWorship => "accompanies people to worship",
    }
}

fn check_name(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::DbsEnhanced => "DBS check",
        CheckKind::RightToWork => "right to work check",
        CheckKind::PublicLiabilityInsurance => "public liability insurance",
        CheckKind::FirstAid => "first aid certificate",
        CheckKind::FoodHygiene => "food hygiene certificate",
        CheckKind::ManualHandling => "manual handling training",
        CheckKind::CqcRegistered => "CQC registration",
    }
}

fn list_lines<T: Code>(
    out: &mut Vec<CriterionResult>,
    masks: &NeedMasks<T>,
    has: CodeSet<T>,
    phrase: impl Fn(T, bool) -> String,
) {
    for (set, required) in [(masks.required, true), (masks.preferred, false)] {
        for code in set.iter() {
            let ok = has.contains(code);
            out.push(line(
                format!("{}:{}", T::KIND, code.code()),
                required,
                met_if(ok),
                phrase(code, ok),
            ));
        }
    }
}

/// Days as `Tue`, `Tue and Thu`, `Mon, Tue and Wed`.
fn day_list(days: &[Weekday]) -> String {
    let names: Vec<&str> = days.iter().map(|d| &d.label_en()[..3]).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

const PERIODS: [(&str, &str, &str, bool); 4] = [
    ("mornings", "06:00", "12:00", false),
    ("afternoons", "12:00", "17:00", false),
    ("evenings", "17:00", "22:00", false),
    ("nights", "22:00", "06:00", true),
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

/// "free Tue and Thu mornings, Sat afternoons and evenings".
pub(crate) fn describe_free_time(free: &WeekMask) -> String {
    let windows = period_windows();
    let mut per_day: Vec<(Weekday, u8)> = Vec::new();
    for (day, windows) in Weekday::ALL.iter().copied().zip(windows) {
        let mut periods = 0u8;
        for (i, window) in windows.iter().enumerate() {
            if let Some(window) = window
                && !free.intersection(window).is_empty()
            {
                periods |= 1 << i;
            }
        }
        if periods != 0 {
            per_day.push((day, periods));
        }
    }
    let mut groups: Vec<(u8, Vec<Weekday>)> = Vec::new();
    for (day, periods) in per_day {
        match groups.iter_mut().find(|(p, _)| *p == periods) {
            Some((_, days)) => days.push(day),
            None => groups.push((periods, vec![day])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|(periods, days)| {
            let names: Vec<&str> = PERIODS
                .iter()
                .enumerate()
                .filter(|(i, _)| periods & (1 << i) != 0)
                .map(|(_, (name, ..))| *name)
                .collect();
            let names = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} and {last}", rest.join(", "))
                }
                _ => names.concat(),
            };
            format!("{} {names}", day_list(days))
        })
        .collect();
    format!("free {}", parts.join(", "))
}

fn schedule_line(c: &Candidate, mask: &WeekMask) -> (CriterionOutcome, String) {
    if c.hours_by_arrangement {
        return (CriterionOutcome::Met, "hours by arrangement".to_owned());
    }
    let share = coverage(c, mask);
    let free = c.week.intersection(mask);
    if free.is_empty() {
        let detail = if c.week.is_empty() {
            "no availability recorded"
        } else {
            "not free at the times needed"
        };
        return (CriterionOutcome::Unmet, detail.to_owned());
    }
    let mut detail = describe_free_time(&free);
    if share >= 1.0 {
        detail.push_str(" — covers all of the schedule");
        (CriterionOutcome::Met, detail)
    } else {
        let percent = ((share * 100.0).floor() as u32).clamp(1, 99);
        let _ = write!(detail, " — covers {percent}% of the schedule");
        (CriterionOutcome::Partial, detail)
    }
}

fn date_text(day: i32) -> String {
    date_of_day(day).map_or_else(|| "an unknown date".to_owned(), |d| d.to_string())
}

/// Every criterion of the plan for one candidate, in plan order, distance after the lists.
/// `distance` is `(exact, shown)`: the exact distance decides the outcome, the distance the
/// viewer may see (rounded to 0.5 km for a public view of a carer) is the one written.
pub(crate) fn criteria(
    plan: &CompiledPlan,
    c: &Candidate,
    (distance_km, shown_km): (f64, f64),
    today: i32,
) -> Vec<CriterionResult> {
    let mut out = Vec::new();
    let provider = c.kind == CandidateKind::Provider;
    for need in &plan.languages {
        let (result, detail) = language_detail(c, need);
        out.push(line(
            format!("language:{}", need.code.code()),
            need.required,
            result,
            detail,
        ));
    }
    list_lines(&mut out, &plan.cuisines, c.cuisines, |code, ok| {
        if ok {
            format!("cooks {}", cuisine_phrase(code))
        } else {
            format!("does not list {} cooking", code.label_en())
        }
    });
    list_lines(&mut out, &plan.diets, c.diets, |code: DietaryLaw, ok| {
        let rule = lower_first(code.label_en());
        if ok {
            format!("keeps {rule} food rules")
        } else {
            format!("does not list {rule} food rules")
        }
    });
    list_lines(&mut out, &plan.practices, c.practices, |code, ok| {
        if ok {
            practice_phrase(code).to_owned()
        } else {
            format!("does not list: {}", lower_first(code.label_en()))
        }
    });
    if let Some(w) = plan.shared_faith {
        let faith = w.value.label_en();
        let (result, detail) = if provider {
            (
                CriterionOutcome::Partial,
                format!("not applicable to a provider — ask about {faith} staff"),
            )
        } else if c.faith == Some(w.value) {
            (
                CriterionOutcome::Met,
                format!("shares the person's faith ({faith})"),
            )
        } else {
            (
                CriterionOutcome::Unmet,
                format!("not stated as sharing the person's faith ({faith})"),
            )
        };
        out.push(line(
            format!("faith:{}", w.value.code()),
            w.required,
            result,
            detail,
        ));
    }
    if let Some(w) = plan.carer_gender {
        let gender = lower_first(w.value.label_en());
        let (result, detail) = if provider {
            (
                CriterionOutcome::Partial,
                format!("not applicable to a provider — ask for a {gender} carer"),
            )
        } else if c.gender == Some(w.value) {
            (CriterionOutcome::Met, format!("{gender} carer"))
        } else {
            (CriterionOutcome::Unmet, format!("not a {gender} carer"))
        };
        out.push(line(
            format!("carer_gender:{}", w.value.code()),
            w.required,
            result,
            detail,
        ));
    }
    list_lines(&mut out, &plan.services, c.services, |code: Service, ok| {
        let service = lower_first(code.label_en());
        if ok {
            format!("offers {service}")
        } else {
            format!("does not offer {service}")
        }
    });
    list_lines(
        &mut out,
        &plan.experience,
        c.experience,
        |code: Experience, ok| {
            let area = lower_first(code.label_en());
            if ok {
                format!("experienced with {area}")
            } else {
                format!("no stated experience with {area}")
            }
        },
    );
    out.push(line(
        "distance".to_owned(),
        true,
        met_if(distance_km <= plan.max_km),
        format!("{shown_km:.1} km away"),
    ));
    if let Some(s) = &plan.schedule {
        let (result, detail) = schedule_line(c, &s.mask);
        out.push(line("schedule".to_owned(), s.required, result, detail));
    }
    if let Some(w) = plan.hours {
        let (result, detail) = if provider {
            (CriterionOutcome::Met, "hours by arrangement".to_owned())
        } else if c.hours_free >= w.value {
            (
                CriterionOutcome::Met,
                format!("{} hours a week free ({} needed)", c.hours_free, w.value),
            )
        } else {
            (
                if c.hours_free > 0 {
                    CriterionOutcome::Partial
                } else {
                    CriterionOutcome::Unmet
                },
                format!("{} hours a week free — {} needed", c.hours_free, w.value),
            )
        };
        out.push(line(
            "hours_per_week".to_owned(),
            w.required,
            result,
            detail,
        ));
    }
    if let Some(w) = plan.max_rate_pence {
        let limit = RatePence::new(i64::from(w.value)).map(|r| r.to_string());
        let limit = limit.unwrap_or_default();
        let (result, detail) = match c.rate_pence.and_then(|r| RatePence::new(i64::from(r)).ok()) {
            Some(rate) if rate.pence() <= w.value => {
                (CriterionOutcome::Met, format!("{rate} an hour"))
            }
            Some(rate) => (
                CriterionOutcome::Unmet,
                format!("{rate} an hour — over the {limit} limit"),
            ),
            None => (
                CriterionOutcome::Partial,
                "hourly rate not published — ask".to_owned(),
            ),
        };
        out.push(line(
            "max_hourly_rate".to_owned(),
            w.required,
            result,
            detail,
        ));
    }
    if let Some(w) = plan.needed_by {
        let (result, detail) = if provider {
            (CriterionOutcome::Met, "starts by arrangement".to_owned())
        } else if c.available_from <= today {
            (CriterionOutcome::Met, "available now".to_owned())
        } else if c.available_from <= plan.needed_by_day {
            (
                CriterionOutcome::Met,
                format!("available from {}", date_text(c.available_from)),
            )
        } else {
            (
                CriterionOutcome::Unmet,
                format!(
                    "available from {} — needed by {}",
                    date_text(c.available_from),
                    w.value
                ),
            )
        };
        out.push(line("needed_by".to_owned(), w.required, result, detail));
    }
    for (set, required) in [(plan.checks.required, true), (plan.checks.preferred, false)] {
        for kind in set.iter() {
            let expiry = c.check_expiry[usize::from(kind.index())];
            let name = check_name(kind);
            let (result, detail) = if expiry == NO_CHECK {
                (CriterionOutcome::Unmet, format!("no {name} recorded"))
            } else if expiry >= today {
                (
                    CriterionOutcome::Met,
                    format!("{name} valid until {}", date_text(expiry)),
                )
            } else {
                (
                    CriterionOutcome::Unmet,
                    format!("{name} expired on {}", date_text(expiry)),
                )
            };
            out.push(line(
                format!("check:{}", kind.code()),
                required,
                result,
                detail,
            ));
        }
    }
    if provider {
        let accepting = c.accepting_on(today);
        let confirmed = date_text(c.accepting_confirmed);
        let detail = if accepting {
            format!("accepting new clients (confirmed {confirmed})")
        } else if c.accepting {
            format!(
                "accepting flag not renewed since {confirmed} (lapses after {CAPACITY_FLAG_LAPSES_AFTER_DAYS} days) — ask"
            )
        } else {
            "not accepting new clients".to_owned()
        };
        out.push(line(
            "accepting_new_clients".to_owned(),
            true,
            met_if(accepting),
            detail,
        ));
    }
    out
}

fn code_at<T: Code>(offset: usize) -> Option<T> {
    T::all().get(offset).copied()
}

/// The relaxation line for criterion `id` with `n` candidates failing only it; `dialect` of
/// them (languages only) speak a related language ("confirm dialect").
pub(crate) fn relaxation(
    plan: &CompiledPlan,
    id: usize,
    n: u32,
    dialect: u32,
) -> Option<Relaxation> {
    let more = if n == 1 {
        "1 more".to_owned()
    } else {
        format!("{n} more")
    };
    let (criterion, suggestion) = match id {
        C_DISTANCE => (
            "distance".to_owned(),
            format!("{more} within {} km", fmt_km(2.0 * plan.max_km)),
        ),
        C_ACCEPTING => (
            "accepting_new_clients".to_owned(),
            format!(
                "{more} if providers not currently accepting new clients (or whose flag lapsed) were asked"
            ),
        ),
        C_SCHEDULE => (
            "schedule".to_owned(),
            format!("{more} who cover part of the schedule"),
        ),
        C_HOURS => {
            let h = plan.hours?.value;
            (
                "hours_per_week".to_owned(),
                format!("{more} with fewer than {h} hours a week free"),
            )
        }
        C_RATE => {
            let rate = RatePence::new(i64::from(plan.max_rate_pence?.value)).ok()?;
            (
                "max_hourly_rate".to_owned(),
                format!("{more} above {rate} an hour or not publishing a rate"),
            )
        }
        C_NEEDED_BY => (
            "needed_by".to_owned(),
            format!("{more} available after {}", plan.needed_by?.value),
        ),
        C_FAITH => {
            let faith = plan.shared_faith?.value;
            (
                format!("faith:{}", faith.code()),
                format!(
                    "{more} without requiring a shared faith ({})",
                    faith.label_en()
                ),
            )
        }
        C_GENDER => {
            let gender = plan.carer_gender?.value;
            (
                format!("carer_gender:{}", gender.code()),
                format!(
                    "{more} if the carer need not be {}",
                    lower_first(gender.label_en())
                ),
            )
        }
        id if (C_LANGUAGE..C_CUISINE).contains(&id) => {
            let need = plan.languages.get(id - C_LANGUAGE)?;
            let name = need.code.label_en();
            let related = need
                .dialect_of
                .iter()
                .map(spoken_label)
                .collect::<Vec<_>>()
                .join(" or ");
            let speak = if n == 1 { "speaks" } else { "speak" };
            let suggestion = if dialect == n {
                format!("{n} {speak} {related} — confirm {name}")
            } else if dialect > 0 {
                format!(
                    "{more} without requiring {name}, {dialect} of whom speak {related} — confirm {name}"
                )
            } else if need.min > Proficiency::Basic {
                format!(
                    "{more} without requiring {name} at {} level",
                    need.min.code()
                )
            } else {
                format!("{more} without requiring {name}")
            };
            (format!("language:{}", need.code.code()), suggestion)
        }
        id if (C_CUISINE..C_DIET).contains(&id) => {
            let code: Cuisine = code_at(id - C_CUISINE)?;
            (
                format!("cuisine:{}", code.code()),
                format!("{more} without requiring {} cooking", code.label_en()),
            )
        }
        id if (C_DIET..C_PRACTICE).contains(&id) => {
            let code: DietaryLaw = code_at(id - C_DIET)?;
            (
                format!("diet:{}", code.code()),
                format!(
                    "{more} without requiring {} food rules",
                    lower_first(code.label_en())
                ),
            )
        }
        id if (C_PRACTICE..C_SERVICE).contains(&id) => {
            let code: FaithPractice = code_at(id - C_PRACTICE)?;
            (
                format!("faith_practice:{}", code.code()),
                format!("{more} without requiring: {}", lower_first(code.label_en())),
            )
        }
        id if (C_SERVICE..C_EXPERIENCE).contains(&id) => {
            let code: Service = code_at(id - C_SERVICE)?;
            (
                format!("service:{}", code.code()),
                format!("{more} without requiring {}", lower_first(code.label_en())),
            )
        }
        id if (C_EXPERIENCE..C_CHECK).contains(&id) => {
            let code: Experience = code_at(id - C_EXPERIENCE)?;
            (
                format!("experience:{}", code.code()),
                format!(
                    "{more} without requiring experience with {}",
                    lower_first(code.label_en())
                ),
            )
        }
        id => {
            let code: CheckKind = code_at(id.checked_sub(C_CHECK)?)?;
            (
                format!("check:{}", code.code()),
                format!("{more} without a valid {}", check_name(code)),
            )
        }
    };
    Some(Relaxation {
        criterion,
        suggestion,
        additional: n,
    })
}

/// `25`, `2.5`.
fn fmt_km(km: f64) -> String {
    let rounded = (km * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}
