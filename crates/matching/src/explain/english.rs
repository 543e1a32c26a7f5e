//! The English sentences of explanations and relaxations, as the API has always sent them
//! (`detail`, `suggestion`): the JSON of an [`Explanation`] is a [`CriterionResult`], that of a
//! [`Relaxation`] a [`RelaxationText`].

use std::borrow::Cow;
use std::fmt::Write as _;

use carematch_domain::money::Pounds;
use carematch_domain::provider::CAPACITY_FLAG_LAPSES_AFTER_DAYS;
use carematch_domain::vocabulary::{
    CheckKind, Code, Cuisine, DeliveryMode, FaithPractice, Language, Weekday,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use super::{
    CriterionOutcome, DayPeriod, Explanation, Facts, FreeTime, Relaxation, RelaxationFacts,
    ScheduleFacts,
};
use crate::criterion::CriterionId;

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
#[schema(as = Relaxation)]
pub struct RelaxationText {
    #[schema(example = "distance")]
    pub criterion: String,
    #[schema(example = "3 more within 20 km")]
    pub suggestion: String,
    pub additional: u32,
}

impl From<&Explanation> for CriterionResult {
    fn from(line: &Explanation) -> Self {
        Self {
            criterion: line.criterion.to_string(),
            required: line.required,
            result: line.outcome,
            detail: detail(line),
        }
    }
}

impl From<&Relaxation> for RelaxationText {
    fn from(relaxation: &Relaxation) -> Self {
        Self {
            criterion: relaxation.criterion.to_string(),
            suggestion: suggestion(relaxation),
            additional: relaxation.additional,
        }
    }
}

impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CriterionResult::from(self).serialize(serializer)
    }
}

impl PartialSchema for Explanation {
    fn schema() -> RefOr<Schema> {
        CriterionResult::schema()
    }
}

impl ToSchema for Explanation {
    fn name() -> Cow<'static, str> {
        CriterionResult::name()
    }
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        CriterionResult::schemas(schemas);
    }
}

impl Serialize for Relaxation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RelaxationText::from(self).serialize(serializer)
    }
}

impl PartialSchema for Relaxation {
    fn schema() -> RefOr<Schema> {
        RelaxationText::schema()
    }
}

impl ToSchema for Relaxation {
    fn name() -> Cow<'static, str> {
        RelaxationText::name()
    }
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        RelaxationText::schemas(schemas);
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

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn period_name(period: DayPeriod) -> &'static str {
    match period {
        DayPeriod::Mornings => "mornings",
        DayPeriod::Afternoons => "afternoons",
        DayPeriod::Evenings => "evenings",
        DayPeriod::Nights => "nights",
    }
}

/// "free Tue and Thu mornings, Sat afternoons and evenings".
pub fn free_time_text(times: &[FreeTime]) -> String {
    let parts: Vec<String> = times
        .iter()
        .map(|t| {
            let days: Vec<&str> = t
                .days
                .iter()
                .map(|d: &Weekday| &d.label_en()[..3])
                .collect();
            let periods: Vec<&str> = t.periods.iter().map(|p| period_name(*p)).collect();
            format!("{} {}", and_list(&days), and_list(&periods))
        })
        .collect();
    format!("free {}", parts.join(", "))
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "an unknown date".to_owned(), |d| d.to_string())
}

/// The English sentence of one explanation line.
pub fn detail(line: &Explanation) -> String {
    let met = line.outcome == CriterionOutcome::Met;
    match (&line.facts, line.criterion) {
        (
            Facts::Language {
                staff,
                level,
                related,
                needed,
            },
            CriterionId::Language(code),
        ) => {
            let name = code.label_en();
            let speaks = if *staff { "staff speak" } else { "speaks" };
            match (line.outcome, related, level) {
                (CriterionOutcome::Met, _, Some(level)) if !staff => {
                    format!("speaks {name} ({})", level.code())
                }
                (CriterionOutcome::Met, ..) => format!("{speaks} {name}"),
                (_, Some(related), _) => {
                    format!("{speaks} {} — confirm {name}", spoken_label(*related))
                }
                (_, None, Some(level)) => format!(
                    "{speaks} {name} ({}) — {} needed",
                    level.code(),
                    needed.code()
                ),
                _ if *staff => format!("staff do not speak {name}"),
                _ => format!("does not speak {name}"),
            }
        }
        (Facts::Listed, criterion) => listed_detail(criterion, met),
        (Facts::Personal, CriterionId::Faith(faith)) if met => {
            format!("shares the person's faith ({})", faith.label_en())
        }
        (Facts::Personal, CriterionId::Faith(faith)) => {
            format!(
                "not stated as sharing the person's faith ({})",
                faith.label_en()
            )
        }
        (Facts::Personal, CriterionId::CarerGender(gender)) => {
            let gender = lower_first(gender.label_en());
            if met {
                format!("{gender} carer")
            } else {
                format!("not a {gender} carer")
            }
        }
        (Facts::NotApplicableToProvider, CriterionId::Faith(faith)) => format!(
            "not applicable to a provider — ask about {} staff",
            faith.label_en()
        ),
        (Facts::NotApplicableToProvider, CriterionId::CarerGender(gender)) => format!(
            "not applicable to a provider — ask for a {} carer",
            lower_first(gender.label_en())
        ),
        (Facts::Distance { km }, _) => format!("{km:.1} km away"),
        (Facts::Remote { km, modes }, _) => {
            let modes: Vec<&str> = modes.iter().map(|m| mode_phrase(*m)).collect();
            format!("{km:.1} km away — works {}", or_list(&modes))
        }
        (
            Facts::Budget {
                hours,
                weekly_cost_pence: Some(cost),
                budget_pence,
            },
            _,
        ) => {
            let (cost, budget) = (Pounds(*cost), Pounds(*budget_pence));
            if met {
                format!("{cost} a week for {hours} hours (budget {budget})")
            } else {
                format!("{cost} a week for {hours} hours — over the {budget} budget")
            }
        }
        (Facts::Budget { .. }, _) => {
            "hourly rate not published — ask about the weekly cost".to_owned()
        }
        (Facts::ByArrangement, CriterionId::NeededBy) => "starts by arrangement".to_owned(),
        (Facts::ByArrangement, _) => "hours by arrangement".to_owned(),
        (Facts::Schedule(ScheduleFacts::NothingRecorded), _) => {
            "no availability recorded".to_owned()
        }
        (Facts::Schedule(ScheduleFacts::NotFree), _) => "not free at the times needed".to_owned(),
        (Facts::Schedule(ScheduleFacts::Free { times, percent }), _) => {
            let mut text = free_time_text(times);
            if *percent >= 100 {
                text.push_str(" — covers all of the schedule");
            } else {
                let _ = write!(text, " — covers {percent}% of the schedule");
            }
            text
        }
        (Facts::Hours { free, needed }, _) if met => {
            format!("{free} hours a week free ({needed} needed)")
        }
        (Facts::Hours { free, needed }, _) => format!("{free} hours a week free — {needed} needed"),
        (Facts::Rate { rate: None, .. }, _) => "hourly rate not published — ask".to_owned(),
        (
            Facts::Rate {
                rate: Some(rate), ..
            },
            _,
        ) if met => format!("{rate} an hour"),
        (
            Facts::Rate {
                rate: Some(rate),
                limit,
            },
            _,
        ) => format!("{rate} an hour — over the {limit} limit"),
        (Facts::NeededBy { now: true, .. }, _) if met => "available now".to_owned(),
        (Facts::NeededBy { available_from, .. }, _) if met => {
            format!("available from {}", date_text(*available_from))
        }
        (
            Facts::NeededBy {
                available_from,
                needed_by,
                ..
            },
            _,
        ) => format!(
            "available from {} — needed by {needed_by}",
            date_text(*available_from)
        ),
        (Facts::Check { recorded, expiry }, CriterionId::Check(kind)) => {
            let name = check_name(kind);
            if !recorded {
                format!("no {name} recorded")
            } else if met {
                format!("{name} valid until {}", date_text(*expiry))
            } else {
                format!("{name} expired on {}", date_text(*expiry))
            }
        }
        (Facts::Accepting { flag, confirmed }, _) => {
            let confirmed = date_text(*confirmed);
            if met {
                format!("accepting new clients (confirmed {confirmed})")
            } else if *flag {
                format!(
                    "accepting flag not renewed since {confirmed} (lapses after {CAPACITY_FLAG_LAPSES_AFTER_DAYS} days) — ask"
                )
            } else {
                "not accepting new clients".to_owned()
            }
        }
        // Facts never built for this criterion: say what the criterion is.
        (_, criterion) => criterion.to_string(),
    }
}

fn listed_detail(criterion: CriterionId, met: bool) -> String {
    match criterion {
        CriterionId::Cuisine(code) if met => format!("cooks {}", cuisine_phrase(code)),
        CriterionId::Cuisine(code) => format!("does not list {} cooking", code.label_en()),
        CriterionId::Diet(code) => {
            let rule = lower_first(code.label_en());
            if met {
                format!("keeps {rule} food rules")
            } else {
                format!("does not list {rule} food rules")
            }
        }
        CriterionId::FaithPractice(code) if met => practice_phrase(code).to_owned(),
        CriterionId::FaithPractice(code) => {
            format!("does not list: {}", lower_first(code.label_en()))
        }
        CriterionId::Service(code) => {
            let service = lower_first(code.label_en());
            if met {
                format!("offers {service}")
            } else {
                format!("does not offer {service}")
            }
        }
        CriterionId::Experience(code) => {
            let area = lower_first(code.label_en());
            if met {
                format!("experienced with {area}")
            } else {
                format!("no stated experience with {area}")
            }
        }
        CriterionId::Reads(code) if met => format!("reads {}", code.label_en()),
        CriterionId::Reads(code) => format!("does not read {}", code.label_en()),
        CriterionId::Writes(code) if met => format!("writes {}", code.label_en()),
        CriterionId::Writes(code) => format!("does not write {}", code.label_en()),
        CriterionId::MedicalDiet(code) => {
            let diet = lower_first(code.label_en());
            if met {
                format!("cooks for a {diet} diet")
            } else {
                format!("does not list a {diet} diet")
            }
        }
        CriterionId::DeliveryMode(mode) if met => format!("works {}", mode_phrase(mode)),
        CriterionId::DeliveryMode(mode) => format!("does not work {}", mode_phrase(mode)),
        CriterionId::LgbtInclusive if met => "LGBT+ inclusive".to_owned(),
        CriterionId::LgbtInclusive => "not stated as LGBT+ inclusive".to_owned(),
        CriterionId::PreferredCarer => "a carer you named as preferred".to_owned(),
        other => other.to_string(),
    }
}

fn mode_phrase(mode: DeliveryMode) -> &'static str {
    match mode {
        DeliveryMode::InPerson => "in person",
        DeliveryMode::Phone => "by phone",
        DeliveryMode::Online => "online",
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
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

/// The English suggestion of one relaxation.
pub fn suggestion(relaxation: &Relaxation) -> String {
    let n = relaxation.additional;
    let more = format!("{n} more");
    match (&relaxation.facts, relaxation.criterion) {
        (RelaxationFacts::Distance { km }, _) => format!("{more} within {} km", fmt_km(*km)),
        (RelaxationFacts::Hours { needed }, _) => {
            format!("{more} with fewer than {needed} hours a week free")
        }
        (RelaxationFacts::Rate { limit }, _) => {
            format!("{more} above {limit} an hour or not publishing a rate")
        }
        (RelaxationFacts::NeededBy { needed_by }, _) => {
            format!("{more} available after {needed_by}")
        }
        (RelaxationFacts::Budget { budget_pence }, _) => format!(
            "{more} over the {} weekly budget or not publishing a rate",
            Pounds(*budget_pence)
        ),
        (
            RelaxationFacts::Language {
                min,
                related,
                dialect,
            },
            CriterionId::Language(code),
        ) => {
            let name = code.label_en();
            let related = related
                .iter()
                .map(|l| spoken_label(*l))
                .collect::<Vec<_>>()
                .join(" or ");
            let speak = if n == 1 { "speaks" } else { "speak" };
            if *dialect == n {
                format!("{n} {speak} {related} — confirm {name}")
            } else if *dialect > 0 {
                format!(
                    "{more} without requiring {name}, {dialect} of whom speak {related} — confirm {name}"
                )
            } else if *min > carematch_domain::vocabulary::Proficiency::Basic {
                format!("{more} without requiring {name} at {} level", min.code())
            } else {
                format!("{more} without requiring {name}")
            }
        }
        (_, criterion) => criterion_suggestion(criterion, &more),
    }
}

fn criterion_suggestion(criterion: CriterionId, more: &str) -> String {
    match criterion {
        CriterionId::AcceptingNewClients => format!(
            "{more} if providers not currently accepting new clients (or whose flag lapsed) were asked"
        ),
        CriterionId::CarerCapacity => format!("{more} if you include PAs who are currently full"),
        CriterionId::Schedule => format!("{more} who cover part of the schedule"),
        CriterionId::Reads(code) => format!("{more} without requiring reading {}", code.label_en()),
        CriterionId::Writes(code) => {
            format!("{more} without requiring writing {}", code.label_en())
        }
        CriterionId::MedicalDiet(code) => format!(
            "{more} without requiring a {} diet",
            lower_first(code.label_en())
        ),
        CriterionId::DeliveryMode(mode) => {
            format!("{more} without requiring work {}", mode_phrase(mode))
        }
        CriterionId::LgbtInclusive => format!("{more} without requiring LGBT+ inclusive"),
        CriterionId::Faith(faith) => format!(
            "{more} without requiring a shared faith ({})",
            faith.label_en()
        ),
        CriterionId::CarerGender(gender) => format!(
            "{more} if the carer need not be {}",
            lower_first(gender.label_en())
        ),
        CriterionId::Cuisine(code) => {
            format!("{more} without requiring {} cooking", code.label_en())
        }
        CriterionId::Diet(code) => format!(
            "{more} without requiring {} food rules",
            lower_first(code.label_en())
        ),
        CriterionId::FaithPractice(code) => {
            format!("{more} without requiring: {}", lower_first(code.label_en()))
        }
        CriterionId::Service(code) => {
            format!("{more} without requiring {}", lower_first(code.label_en()))
        }
        CriterionId::Experience(code) => format!(
            "{more} without requiring experience with {}",
            lower_first(code.label_en())
        ),
        CriterionId::Check(kind) => format!("{more} without a valid {}", check_name(kind)),
        other => format!("{more} without requiring {other}"),
    }
}
