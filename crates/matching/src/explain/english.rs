//! The English sentences of explanations and relaxations, as the API has always sent them
//! (`detail`, `suggestion`): the JSON of an [`Explanation`] is a [`CriterionResult`], that of a
//! [`Relaxation`] a [`RelaxationText`].

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use carematch_domain::money::Pounds;
use carematch_domain::provider::CAPACITY_FLAG_LAPSES_AFTER_DAYS;
use carematch_domain::vocabulary::{
    CheckKind, Code, Cuisine, DeliveryMode, FaithPractice, Language,
};
use chrono::NaiveDate;
use serde::ser::SerializeStruct;
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

/// Serialises a `Display` value as a JSON string written in place (`collect_str`).
struct Written<T>(T);

impl<T: fmt::Display> Serialize for Written<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// The JSON of a [`CriterionResult`], written without building one: the criterion and the
/// sentence go straight into the encoder's output.
impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut line = serializer.serialize_struct("CriterionResult", 4)?;
        line.serialize_field("criterion", &Written(self.criterion))?;
        line.serialize_field("required", &self.required)?;
        line.serialize_field("result", &self.outcome)?;
        line.serialize_field("detail", &Written(Detail(self)))?;
        line.end()
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

/// A label with its first letter in lower case (`Personal care` -> `personal care`), written
/// as it goes; `BSL ...` keeps its capitals.
struct LowerFirst<'a>(&'a str);

impl fmt::Display for LowerFirst<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        match chars.next() {
            Some(first) if !self.0.starts_with("BSL") => {
                for lower in first.to_lowercase() {
                    f.write_char(lower)?;
                }
                f.write_str(chars.as_str())
            }
            _ => f.write_str(self.0),
        }
    }
}

/// `Chinese (dialect not stated)` -> `Chinese, dialect not stated`.
struct Spoken(Language);

impl fmt::Display for Spoken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.0.label_en();
        match label.strip_suffix(" (dialect not stated)") {
            Some(stem) => write!(f, "{stem}, dialect not stated"),
            None => f.write_str(label),
        }
    }
}

struct CuisinePhrase(Cuisine);

impl fmt::Display for CuisinePhrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.0.label_en();
        if label.ends_with("cooking") {
            f.write_str(label)
        } else {
            write!(f, "{label} home food")
        }
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
fn write_and_list(out: &mut impl fmt::Write, items: &[&str]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_str(if i + 1 == items.len() { " and " } else { ", " })?;
        }
        out.write_str(item)?;
    }
    Ok(())
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
fn write_free_time(out: &mut impl fmt::Write, times: &[FreeTime]) -> fmt::Result {
    out.write_str("free ")?;
    for (i, t) in times.iter().enumerate() {
        if i > 0 {
            out.write_str(", ")?;
        }
        let days: Vec<&str> = t.days.iter().map(|d| &d.label_en()[..3]).collect();
        write_and_list(out, &days)?;
        out.write_char(' ')?;
        let periods: Vec<&str> = t.periods.iter().map(|p| period_name(*p)).collect();
        write_and_list(out, &periods)?;
    }
    Ok(())
}

/// A date, or "an unknown date".
struct DateText(Option<NaiveDate>);

impl fmt::Display for DateText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(date) => write!(f, "{date}"),
            None => f.write_str("an unknown date"),
        }
    }
}

fn date_text(date: Option<NaiveDate>) -> DateText {
    DateText(date)
}

/// The English sentence of one explanation line.
pub fn detail(line: &Explanation) -> String {
    Detail(line).to_string()
}

/// [`detail`] as it is written: the JSON encoder writes the sentence straight into the response
/// (`collect_str`), with no string of its own per line (issue 21: a response of 20 matches has
/// some 200 of them).
pub struct Detail<'a>(pub &'a Explanation);

impl fmt::Display for Detail<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_detail(f, self.0)
    }
}

fn write_detail(out: &mut impl fmt::Write, line: &Explanation) -> fmt::Result {
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
                    write!(out, "speaks {name} ({})", level.code())
                }
                (CriterionOutcome::Met, ..) => write!(out, "{speaks} {name}"),
                (_, Some(related), _) => {
                    write!(out, "{speaks} {} — confirm {name}", Spoken(*related))
                }
                (_, None, Some(level)) => write!(
                    out,
                    "{speaks} {name} ({}) — {} needed",
                    level.code(),
                    needed.code()
                ),
                _ if *staff => write!(out, "staff do not speak {name}"),
                _ => write!(out, "does not speak {name}"),
            }
        }
        (Facts::Listed, criterion) => write_listed(out, criterion, met),
        (Facts::Personal, CriterionId::Faith(faith)) if met => {
            write!(out, "shares the person's faith ({})", faith.label_en())
        }
        (Facts::Personal, CriterionId::Faith(faith)) => {
            write!(
                out,
                "not stated as sharing the person's faith ({})",
                faith.label_en()
            )
        }
        (Facts::Personal, CriterionId::CarerGender(gender)) => {
            let gender = LowerFirst(gender.label_en());
            if met {
                write!(out, "{gender} carer")
            } else {
                write!(out, "not a {gender} carer")
            }
        }
        (Facts::NotApplicableToProvider, CriterionId::Faith(faith)) => write!(
            out,
            "not applicable to a provider — ask about {} staff",
            faith.label_en()
        ),
        (Facts::NotApplicableToProvider, CriterionId::CarerGender(gender)) => write!(
            out,
            "not applicable to a provider — ask for a {} carer",
            LowerFirst(gender.label_en())
        ),
        (Facts::Distance { km }, _) => write!(out, "{} km away", Tenths(*km)),
        (Facts::Remote { km, modes }, _) => {
            let modes: Vec<&str> = modes.iter().map(|m| mode_phrase(*m)).collect();
            write!(out, "{} km away — works {}", Tenths(*km), or_list(&modes))
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
                write!(out, "{cost} a week for {hours} hours (budget {budget})")
            } else {
                write!(
                    out,
                    "{cost} a week for {hours} hours — over the {budget} budget"
                )
            }
        }
        (Facts::Budget { .. }, _) => {
            out.write_str("hourly rate not published — ask about the weekly cost")
        }
        (Facts::ByArrangement, CriterionId::NeededBy) => out.write_str("starts by arrangement"),
        (Facts::ByArrangement, _) => out.write_str("hours by arrangement"),
        (Facts::Schedule(ScheduleFacts::NothingRecorded), _) => {
            out.write_str("no availability recorded")
        }
        (Facts::Schedule(ScheduleFacts::NotFree), _) => {
            out.write_str("not free at the times needed")
        }
        (Facts::Schedule(ScheduleFacts::Free { times, percent }), _) => {
            write_free_time(out, times)?;
            if *percent >= 100 {
                out.write_str(" — covers all of the schedule")
            } else {
                write!(out, " — covers {percent}% of the schedule")
            }
        }
        (Facts::Hours { free, needed }, _) if met => {
            write!(out, "{free} hours a week free ({needed} needed)")
        }
        (Facts::Hours { free, needed }, _) => {
            write!(out, "{free} hours a week free — {needed} needed")
        }
        (Facts::Rate { rate: None, .. }, _) => out.write_str("hourly rate not published — ask"),
        (
            Facts::Rate {
                rate: Some(rate), ..
            },
            _,
        ) if met => write!(out, "{rate} an hour"),
        (
            Facts::Rate {
                rate: Some(rate),
                limit,
            },
            _,
        ) => write!(out, "{rate} an hour — over the {limit} limit"),
        (Facts::NeededBy { now: true, .. }, _) if met => out.write_str("available now"),
        (Facts::NeededBy { available_from, .. }, _) if met => {
            write!(out, "available from {}", date_text(*available_from))
        }
        (
            Facts::NeededBy {
                available_from,
                needed_by,
                ..
            },
            _,
        ) => write!(
            out,
            "available from {} — needed by {needed_by}",
            date_text(*available_from)
        ),
        (Facts::Check { recorded, expiry }, CriterionId::Check(kind)) => {
            let name = check_name(kind);
            if !recorded {
                write!(out, "no {name} recorded")
            } else if met {
                write!(out, "{name} valid until {}", date_text(*expiry))
            } else {
                write!(out, "{name} expired on {}", date_text(*expiry))
            }
        }
        (Facts::Accepting { flag, confirmed }, _) => {
            let confirmed = date_text(*confirmed);
            if met {
                write!(out, "accepting new clients (confirmed {confirmed})")
            } else if *flag {
                write!(
                    out,
                    "accepting flag not renewed since {confirmed} (lapses after {CAPACITY_FLAG_LAPSES_AFTER_DAYS} days) — ask"
                )
            } else {
                out.write_str("not accepting new clients")
            }
        }
        // Facts never built for this criterion: say what the criterion is.
        (_, criterion) => write!(out, "{criterion}"),
    }
}

fn write_listed(out: &mut impl fmt::Write, criterion: CriterionId, met: bool) -> fmt::Result {
    match criterion {
        CriterionId::Cuisine(code) if met => write!(out, "cooks {}", CuisinePhrase(code)),
        CriterionId::Cuisine(code) => write!(out, "does not list {} cooking", code.label_en()),
        CriterionId::Diet(code) => {
            let rule = LowerFirst(code.label_en());
            if met {
                write!(out, "keeps {rule} food rules")
            } else {
                write!(out, "does not list {rule} food rules")
            }
        }
        CriterionId::FaithPractice(code) if met => out.write_str(practice_phrase(code)),
        CriterionId::FaithPractice(code) => {
            write!(out, "does not list: {}", LowerFirst(code.label_en()))
        }
        CriterionId::Service(code) => {
            let service = LowerFirst(code.label_en());
            if met {
                write!(out, "offers {service}")
            } else {
                write!(out, "does not offer {service}")
            }
        }
        CriterionId::Experience(code) => {
            let area = LowerFirst(code.label_en());
            if met {
                write!(out, "experienced with {area}")
            } else {
                write!(out, "no stated experience with {area}")
            }
        }
        CriterionId::Reads(code) if met => write!(out, "reads {}", code.label_en()),
        CriterionId::Reads(code) => write!(out, "does not read {}", code.label_en()),
        CriterionId::Writes(code) if met => write!(out, "writes {}", code.label_en()),
        CriterionId::Writes(code) => write!(out, "does not write {}", code.label_en()),
        CriterionId::MedicalDiet(code) => {
            let diet = LowerFirst(code.label_en());
            if met {
                write!(out, "cooks for a {diet} diet")
            } else {
                write!(out, "does not list a {diet} diet")
            }
        }
        CriterionId::DeliveryMode(mode) if met => write!(out, "works {}", mode_phrase(mode)),
        CriterionId::DeliveryMode(mode) => write!(out, "does not work {}", mode_phrase(mode)),
        CriterionId::LgbtInclusive if met => out.write_str("LGBT+ inclusive"),
        CriterionId::LgbtInclusive => out.write_str("not stated as LGBT+ inclusive"),
        CriterionId::PreferredCarer => out.write_str("a carer you named as preferred"),
        other => write!(out, "{other}"),
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

/// A distance to one decimal place, exactly as `{:.1}` writes it. Distances are already
/// rounded to tenths, for which the standard formatting often falls back to its slow exact
/// algorithm: a whole number of tenths is written from integers instead.
struct Tenths(f64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = self.0 * 10.0;
        let whole = tenths.round();
        // Within 1e-6 of a whole number of tenths, `{:.1}` rounds to it too (the halfway
        // points are 0.5 tenths away); anything else (negative, huge, not a whole number of
        // tenths) goes the slow way.
        if !self.0.is_sign_negative() && (tenths - whole).abs() < 1e-6 && whole < 1e15 {
            let n = whole as u64;
            write!(f, "{}.{}", n / 10, n % 10)
        } else {
            write!(f, "{:.1}", self.0)
        }
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
                .map(|l| Spoken(*l).to_string())
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
            LowerFirst(code.label_en())
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
            LowerFirst(gender.label_en())
        ),
        CriterionId::Cuisine(code) => {
            format!("{more} without requiring {} cooking", code.label_en())
        }
        CriterionId::Diet(code) => format!(
            "{more} without requiring {} food rules",
            LowerFirst(code.label_en())
        ),
        CriterionId::FaithPractice(code) => {
            format!("{more} without requiring: {}", LowerFirst(code.label_en()))
        }
        CriterionId::Service(code) => {
            format!("{more} without requiring {}", LowerFirst(code.label_en()))
        }
        CriterionId::Experience(code) => format!(
            "{more} without requiring experience with {}",
            LowerFirst(code.label_en())
        ),
        CriterionId::Check(kind) => format!("{more} without a valid {}", check_name(kind)),
        other => format!("{more} without requiring {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::Tenths;

    #[test]
    fn tenths_write_what_the_standard_one_decimal_formatting_writes() {
        let mut values: Vec<f64> = Vec::new();
        for i in 0..200_000u32 {
            let i = f64::from(i);
            // Whole tenths reached in the ways the matcher rounds, halves, ties, and others.
            values.extend([
                i / 10.0,
                i * 0.1,
                (i * 0.37 * 10.0).round() / 10.0,
                ((i * 0.37) * 2.0).round() / 2.0,
                i * 0.0137,
                i / 20.0,
                i * 0.05 + 1e-9,
            ]);
        }
        values.extend([
            -0.0,
            -1.5,
            -0.04,
            f64::NAN,
            f64::INFINITY,
            1e16,
            123_456_789.9,
        ]);
        for v in values {
            assert_eq!(Tenths(v).to_string(), format!("{v:.1}"), "{v:e}");
        }
    }
}
