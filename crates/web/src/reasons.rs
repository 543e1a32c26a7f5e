//! Explanations and relaxations in the page's language: each [`Facts`] and [`RelaxationFacts`]
//! variant becomes one Fluent message (`why-*`, `relax-*` in `locales/<tag>/main.ftl`) with its
//! arguments: languages by their own names, levels, km and money in the locale's number format,
//! dates, weekdays and parts of the day, counts with plural rules, and who the sentence is about
//! (`$who`: `female`, `male`, `provider` or `other`) for languages whose verbs agree with it.
//!
//! English pages show the API's own sentences ([`english::detail`], [`english::suggestion`]), so
//! the page and the JSON never drift apart; the English catalogue holds the same messages as the
//! reference for translators.
//!
//! To render a new kind of fact: add its arm to [`detail`] (or [`suggestion`]); the matches are
//! exhaustive, so a new variant does not compile until it is rendered. Add its messages to every
//! catalogue and a case to `tests::cases`, which checks every message in every language.

use carematch_domain::RatePence;
use carematch_domain::vocabulary::{Code, Gender, Language, Proficiency};
use carematch_matching::{
    CandidateKind, CriterionId, CriterionOutcome, DayPeriod, Explanation, Facts, FreeTime,
    Relaxation, RelaxationFacts, ScheduleFacts, english,
};
use chrono::{Datelike, NaiveDate};
use fluent_bundle::FluentValue;

use crate::i18n::{Locale, Tr};

/// Who a reason is about, for languages whose verbs and adjectives agree with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// A carer, with their gender when known.
    Carer(Option<Gender>),
    /// A provider: its staff, an organisation.
    Provider,
}

impl Subject {
    /// The subject of a result of `kind` (a carer of `gender`, if known).
    pub fn of(kind: CandidateKind, gender: Option<Gender>) -> Self {
        match kind {
            CandidateKind::Carer => Self::Carer(gender),
            CandidateKind::Provider => Self::Provider,
        }
    }

    /// The `$who` selector of the catalogues.
    fn key(self) -> &'static str {
        match self {
            Self::Carer(Some(Gender::Female)) => "female",
            Self::Carer(Some(Gender::Male)) => "male",
            Self::Carer(_) => "other",
            Self::Provider => "provider",
        }
    }
}

type Args<'a> = Vec<(&'a str, FluentValue<'a>)>;

/// A language by its own name (`廣東話`), else its English label.
pub fn language_name(language: Language) -> &'static str {
    language.autonym().unwrap_or(language.label_en())
}

/// A number with `decimals` places, in the locale's format (`2.5`, Polish `2,5`); whole
/// numbers without decimals.
pub fn number(locale: Locale, value: f64, decimals: usize) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.decimals$}")
    };
    match locale {
        Locale::Pl => text.replace('.', ","),
        _ => text,
    }
}

/// An amount in pounds without the sign (`12.60`, Polish `12,60`): the catalogues place `£`.
pub fn pounds(locale: Locale, rate: RatePence) -> String {
    pence(locale, u64::from(rate.pence()))
}

/// Pence as pounds without the sign (`1250.00`; `1250,00` in Polish), for weekly amounts.
pub fn pence(locale: Locale, pence: u64) -> String {
    let sep = if locale == Locale::Pl { "," } else { "." };
    format!("{}{sep}{:02}", pence / 100, pence % 100)
}

/// A date in the locale's order (`date-format`), or "an unknown date".
pub fn date(tr: &Tr, date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => tr.args(
            "date-format",
            &[
                ("y", d.year().to_string().into()),
                ("m", d.month().to_string().into()),
                ("d", d.day().to_string().into()),
                ("mm", format!("{:02}", d.month()).into()),
                ("dd", format!("{:02}", d.day()).into()),
            ],
        ),
        None => tr.t("date-unknown"),
    }
}

/// `a`, `a and b`, `a, b and c` (`last` = `list-and`), or with `list-or`, in the locale's words.
fn joined(tr: &Tr, items: &[String], last: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((tail, [])) => tail.clone(),
        Some((tail, rest)) => {
            let mut head = rest[0].clone();
            for item in &rest[1..] {
                head = tr.args(
                    "list-join",
                    &[("a", head.into()), ("b", item.as_str().into())],
                );
            }
            tr.args(last, &[("a", head.into()), ("b", tail.as_str().into())])
        }
    }
}

fn period_id(period: DayPeriod) -> &'static str {
    match period {
        DayPeriod::Mornings => "period-mornings",
        DayPeriod::Afternoons => "period-afternoons",
        DayPeriod::Evenings => "period-evenings",
        DayPeriod::Nights => "period-nights",
    }
}

/// "Tuesday and Thursday mornings, Saturday afternoons" in the locale's words.
pub fn free_times(tr: &Tr, times: &[FreeTime]) -> String {
    let groups: Vec<String> = times
        .iter()
        .map(|t| {
            let days: Vec<String> = t.days.iter().map(|d| label(tr, *d)).collect();
            let periods: Vec<String> = t.periods.iter().map(|p| tr.t(period_id(*p))).collect();
            tr.args(
                "why-free-days",
                &[
                    ("days", joined(tr, &days, "list-and").into()),
                    ("periods", joined(tr, &periods, "list-and").into()),
                ],
            )
        })
        .collect();
    groups
        .into_iter()
        .reduce(|a, b| tr.args("list-groups", &[("a", a.into()), ("b", b.into())]))
        .unwrap_or_default()
}

/// A vocabulary label inside a sentence: Polish writes cuisines, rules, services, religions and
/// weekdays in lower case there (`kuchnia: kantońska`); acronyms (`DBS`) keep their capitals.
fn label<C: Code>(tr: &Tr, code: C) -> String {
    let text = tr.code(code);
    if tr.locale != Locale::Pl {
        return text;
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text,
    }
}

fn level(tr: &Tr, level: Proficiency) -> String {
    tr.t(&format!("level-{}", level.code()))
}

/// The label of a criterion in the page's language: `Language: 廣東話`, `Distance`.
pub fn criterion_label(tr: &Tr, criterion: CriterionId) -> String {
    let value = match criterion {
        CriterionId::Language(l) => Some(language_name(l).to_owned()),
        CriterionId::Cuisine(c) => Some(tr.code(c)),
        CriterionId::Diet(c) => Some(tr.code(c)),
        CriterionId::FaithPractice(c) => Some(tr.code(c)),
        CriterionId::Faith(c) => Some(tr.code(c)),
        CriterionId::CarerGender(c) => Some(tr.code(c)),
        CriterionId::Service(c) => Some(tr.code(c)),
        CriterionId::Experience(c) => Some(tr.code(c)),
        CriterionId::Check(c) => Some(tr.code(c)),
        CriterionId::Reads(l) | CriterionId::Writes(l) => Some(language_name(l).to_owned()),
        CriterionId::MedicalDiet(c) => Some(tr.code(c)),
        CriterionId::DeliveryMode(c) => Some(tr.code(c)),
        CriterionId::Distance
        | CriterionId::AcceptingNewClients
        | CriterionId::CarerCapacity
        | CriterionId::Schedule
        | CriterionId::HoursPerWeek
        | CriterionId::MaxHourlyRate
        | CriterionId::NeededBy
        | CriterionId::WeeklyBudget
        | CriterionId::LgbtInclusive
        | CriterionId::PreferredCarer => None,
    };
    let name = tr.t(&format!("crit-{}", criterion.kind()));
    match value {
        Some(value) => tr.args(
            "crit-with-value",
            &[("name", name.into()), ("value", value.into())],
        ),
        None => name,
    }
}

/// One explanation line as a sentence in the page's language.
pub fn detail(tr: &Tr, line: &Explanation, who: Subject) -> String {
    if tr.locale == Locale::En {
        return english::detail(line);
    }
    let (id, args) = detail_message(tr, line, who);
    tr.args(id, &args)
}

/// The message and arguments of one explanation line.
fn detail_message<'a>(tr: &Tr, line: &'a Explanation, who: Subject) -> (&'static str, Args<'a>) {
    let met = line.outcome == CriterionOutcome::Met;
    let mut args: Args = vec![("who", who.key().into())];
    let id = match &line.facts {
        Facts::Language {
            staff,
            level: spoken,
            related,
            needed,
        } => {
            if *staff {
                args[0].1 = Subject::Provider.key().into();
            }
            if let CriterionId::Language(code) = line.criterion {
                args.push(("language", language_name(code).into()));
            }
            match (line.outcome, related, spoken) {
                (CriterionOutcome::Met, _, Some(spoken)) if !staff => {
                    args.push(("level", level(tr, *spoken).into()));
                    "why-language-level"
                }
                (CriterionOutcome::Met, ..) => "why-language",
                (_, Some(related), _) => {
                    args.push(("related", language_name(*related).into()));
                    "why-language-related"
                }
                (_, None, Some(spoken)) => {
                    args.push(("level", level(tr, *spoken).into()));
                    args.push(("needed", level(tr, *needed).into()));
                    "why-language-lower"
                }
                (_, None, None) => "why-language-none",
            }
        }
        Facts::Listed => return listed_message(tr, line.criterion, met, args),
        Facts::Personal => match line.criterion {
            CriterionId::Faith(faith) => {
                args.push(("faith", label(tr, faith).into()));
                if met { "why-faith" } else { "why-faith-not" }
            }
            CriterionId::CarerGender(gender) => {
                args.push(("gender", gender.code().into()));
                args.push(("label", label(tr, gender).into()));
                if met { "why-gender" } else { "why-gender-not" }
            }
            other => return label_only(tr, other),
        },
        Facts::NotApplicableToProvider => match line.criterion {
            CriterionId::Faith(faith) => {
                args.push(("faith", label(tr, faith).into()));
                "why-faith-provider"
            }
            CriterionId::CarerGender(gender) => {
                args.push(("gender", gender.code().into()));
                args.push(("label", label(tr, gender).into()));
                "why-gender-provider"
            }
            other => return label_only(tr, other),
        },
        Facts::Distance { km } => {
            args.push(("km", number(tr.locale, *km, 1).into()));
            "why-distance"
        }
        Facts::Remote { km, modes } => {
            args.push(("km", number(tr.locale, *km, 1).into()));
            let modes: Vec<String> = modes.iter().map(|m| label(tr, *m)).collect();
            args.push(("modes", joined(tr, &modes, "list-or").into()));
            "why-remote"
        }
        Facts::Budget {
            hours,
            weekly_cost_pence,
            budget_pence,
        } => {
            args.push(("hours", f64::from(*hours).into()));
            args.push(("budget", pence(tr.locale, *budget_pence).into()));
            match weekly_cost_pence {
                None => "why-budget-unknown",
                Some(cost) => {
                    args.push(("cost", pence(tr.locale, *cost).into()));
                    if met { "why-budget" } else { "why-budget-over" }
                }
            }
        }
        Facts::Schedule(ScheduleFacts::NothingRecorded) => "why-schedule-none",
        Facts::Schedule(ScheduleFacts::NotFree) => "why-schedule-not-free",
        Facts::Schedule(ScheduleFacts::Free { times, percent }) => {
            args.push(("times", free_times(tr, times).into()));
            args.push(("percent", f64::from(*percent).into()));
            if *percent >= 100 {
                "why-schedule-all"
            } else {
                "why-schedule-part"
            }
        }
        Facts::ByArrangement if line.criterion == CriterionId::NeededBy => "why-start-arranged",
        Facts::ByArrangement => "why-hours-arranged",
        Facts::Hours { free, needed } => {
            args.push(("free", f64::from(*free).into()));
            args.push(("needed", f64::from(*needed).into()));
            if met { "why-hours" } else { "why-hours-short" }
        }
        Facts::Rate { rate: None, .. } => "why-rate-unknown",
        Facts::Rate {
            rate: Some(rate),
            limit,
        } => {
            args.push(("rate", pounds(tr.locale, *rate).into()));
            args.push(("limit", pounds(tr.locale, *limit).into()));
            if met { "why-rate" } else { "why-rate-over" }
        }
        Facts::NeededBy {
            now,
            available_from,
            needed_by,
        } => {
            args.push(("date", date(tr, *available_from).into()));
            args.push(("needed", date(tr, Some(*needed_by)).into()));
            match (met, now) {
                (true, true) => "why-available-now",
                (true, false) => "why-available-from",
                (false, _) => "why-available-late",
            }
        }
        Facts::Check { recorded, expiry } => {
            if let CriterionId::Check(kind) = line.criterion {
                args.push(("check", label(tr, kind).into()));
            }
            args.push(("date", date(tr, *expiry).into()));
            match (recorded, met) {
                (false, _) => "why-check-none",
                (true, true) => "why-check-valid",
                (true, false) => "why-check-expired",
            }
        }
        Facts::Accepting { flag, confirmed } => {
            args.push(("date", date(tr, *confirmed).into()));
            args.push(("days", lapse_days().into()));
            match (met, flag) {
                (true, _) => "why-accepting",
                (false, true) => "why-accepting-lapsed",
                (false, false) => "why-accepting-not",
            }
        }
    };
    (id, args)
}

/// Days after which a provider's "accepting" flag lapses, as a number for plural rules.
fn lapse_days() -> f64 {
    // A few months: exact in an f64.
    carematch_domain::provider::CAPACITY_FLAG_LAPSES_AFTER_DAYS as f64
}

/// Facts built for a criterion they do not describe: the criterion's label says what it is.
fn label_only<'a>(tr: &Tr, criterion: CriterionId) -> (&'static str, Args<'a>) {
    (
        "why-criterion",
        vec![("what", criterion_label(tr, criterion).into())],
    )
}

fn listed_message<'a>(
    tr: &Tr,
    criterion: CriterionId,
    met: bool,
    mut args: Args<'a>,
) -> (&'static str, Args<'a>) {
    let (name, value, yes, no) = match criterion {
        CriterionId::Cuisine(c) => ("cuisine", label(tr, c), "why-cuisine", "why-cuisine-not"),
        CriterionId::Diet(c) => ("diet", label(tr, c), "why-diet", "why-diet-not"),
        CriterionId::FaithPractice(c) => {
            ("practice", label(tr, c), "why-practice", "why-practice-not")
        }
        CriterionId::Service(c) => ("service", label(tr, c), "why-service", "why-service-not"),
        CriterionId::Experience(c) => (
            "experience",
            label(tr, c),
            "why-experience",
            "why-experience-not",
        ),
        CriterionId::Reads(l) => (
            "language",
            language_name(l).to_owned(),
            "why-reads",
            "why-reads-not",
        ),
        CriterionId::Writes(l) => (
            "language",
            language_name(l).to_owned(),
            "why-writes",
            "why-writes-not",
        ),
        CriterionId::MedicalDiet(c) => (
            "diet",
            label(tr, c),
            "why-medical-diet",
            "why-medical-diet-not",
        ),
        CriterionId::DeliveryMode(c) => ("mode", label(tr, c), "why-delivery", "why-delivery-not"),
        CriterionId::LgbtInclusive => return (if met { "why-lgbt" } else { "why-lgbt-not" }, args),
        CriterionId::PreferredCarer => return ("why-preferred-carer", args),
        other => return label_only(tr, other),
    };
    args.push((name, value.into()));
    (if met { yes } else { no }, args)
}

/// One relaxation as a sentence in the page's language (those the form cannot turn into a
/// link: see `pages::relaxations`).
pub fn suggestion(tr: &Tr, relaxation: &Relaxation) -> String {
    if tr.locale == Locale::En {
        return english::suggestion(relaxation);
    }
    let (id, args) = suggestion_message(tr, relaxation);
    tr.args(id, &args)
}

fn suggestion_message<'a>(tr: &Tr, relaxation: &'a Relaxation) -> (&'static str, Args<'a>) {
    let n = relaxation.additional;
    let mut args: Args = vec![("count", f64::from(n).into())];
    let id = match &relaxation.facts {
        RelaxationFacts::Distance { km } => {
            args.push(("km", number(tr.locale, *km, 1).into()));
            "relax-within"
        }
        RelaxationFacts::Hours { needed } => {
            args.push(("needed", f64::from(*needed).into()));
            "relax-hours"
        }
        RelaxationFacts::Rate { limit } => {
            args.push(("limit", pounds(tr.locale, *limit).into()));
            "relax-rate"
        }
        RelaxationFacts::NeededBy { needed_by } => {
            args.push(("date", date(tr, Some(*needed_by)).into()));
            "relax-needed-by"
        }
        RelaxationFacts::Budget { budget_pence } => {
            args.push(("budget", pence(tr.locale, *budget_pence).into()));
            "relax-budget"
        }
        RelaxationFacts::Language {
            min,
            related,
            dialect,
        } => {
            if let CriterionId::Language(code) = relaxation.criterion {
                args.push(("language", language_name(code).into()));
            }
            let related: Vec<String> = related
                .iter()
                .map(|l| language_name(*l).to_owned())
                .collect();
            args.push(("related", joined(tr, &related, "list-or").into()));
            args.push(("dialect", f64::from(*dialect).into()));
            args.push(("level", level(tr, *min).into()));
            if *dialect == n {
                "relax-language-dialect"
            } else if *dialect > 0 {
                "relax-language-some-dialect"
            } else if *min > Proficiency::Basic {
                "relax-language-level"
            } else {
                "relax-language"
            }
        }
        RelaxationFacts::Criterion => return criterion_suggestion(tr, relaxation.criterion, args),
    };
    (id, args)
}

fn criterion_suggestion<'a>(
    tr: &Tr,
    criterion: CriterionId,
    mut args: Args<'a>,
) -> (&'static str, Args<'a>) {
    let id = match criterion {
        CriterionId::AcceptingNewClients => "relax-accepting",
        CriterionId::CarerCapacity => "relax-capacity",
        CriterionId::Schedule => "relax-schedule",
        CriterionId::Check(kind) => {
            args.push(("check", label(tr, kind).into()));
            "relax-check"
        }
        CriterionId::Distance
        | CriterionId::HoursPerWeek
        | CriterionId::MaxHourlyRate
        | CriterionId::NeededBy
        | CriterionId::Language(_)
        | CriterionId::Cuisine(_)
        | CriterionId::Diet(_)
        | CriterionId::FaithPractice(_)
        | CriterionId::Faith(_)
        | CriterionId::CarerGender(_)
        | CriterionId::Service(_)
        | CriterionId::Experience(_)
        | CriterionId::WeeklyBudget
        | CriterionId::LgbtInclusive
        | CriterionId::PreferredCarer
        | CriterionId::Reads(_)
        | CriterionId::Writes(_)
        | CriterionId::MedicalDiet(_)
        | CriterionId::DeliveryMode(_) => {
            args.push(("what", criterion_label(tr, criterion).into()));
            "relax-without"
        }
    };
    (id, args)
}

#[cfg(test)]
#[path = "reasons_tests.rs"]
mod tests;
