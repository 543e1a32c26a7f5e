//! The criteria a plan can state, one typed id each. Filters, scores, near-miss counts,
//! relaxations and explanations all name a criterion by its [`CriterionId`]; its text form
//! (`language:yue`, `check:dbs_enhanced`, `distance`) is what the API and the web forms use.
//!
//! The near-miss counters need a dense number per criterion: [`CriterionId::index`] and
//! [`CriterionId::from_index`] are the only place that numbering exists.

use std::fmt;
use std::str::FromStr;

use carematch_domain::vocabulary::{
    CheckKind, Code, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice, Gender,
    Language, MedicalDiet, Service,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

/// One criterion of a support plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CriterionId {
    /// The plan's maximum distance (always required).
    Distance,
    /// A provider's "accepting new clients" flag, current within its lapse period.
    AcceptingNewClients,
    /// A PA taking new clients (flag current) with hours free: full PAs are near misses only.
    CarerCapacity,
    Schedule,
    HoursPerWeek,
    MaxHourlyRate,
    NeededBy,
    /// The plan's hours a week at the candidate's hourly rate, against the weekly budget.
    WeeklyBudget,
    LgbtInclusive,
    /// One of the carers the person named as preferred (`preferred_carers`): such a carer who
    /// meets every required criterion is ranked first. Never a filter.
    PreferredCarer,
    Language(Language),
    /// Reads the language (a language need with `reads`).
    Reads(Language),
    /// Writes the language (a language need with `writes`).
    Writes(Language),
    MedicalDiet(MedicalDiet),
    DeliveryMode(DeliveryMode),
    Cuisine(Cuisine),
    Diet(DietaryLaw),
    FaithPractice(FaithPractice),
    Faith(Faith),
    CarerGender(Gender),
    Service(Service),
    Experience(Experience),
    Check(CheckKind),
}

/// A vocabulary list whose members are criteria of their own (one per code).
pub trait CodeCriterion: Code {
    fn criterion(self) -> CriterionId;
}

macro_rules! code_criteria {
    ($($list:ident => $variant:ident),+ $(,)?) => {
        $(impl CodeCriterion for $list {
            #[inline(always)]
            fn criterion(self) -> CriterionId {
                CriterionId::$variant(self)
            }
        })+
    };
}

code_criteria! {
    Language => Language,
    Cuisine => Cuisine,
    DietaryLaw => Diet,
    FaithPractice => FaithPractice,
    Faith => Faith,
    Gender => CarerGender,
    Service => Service,
    Experience => Experience,
    CheckKind => Check,
    MedicalDiet => MedicalDiet,
    DeliveryMode => DeliveryMode,
}

/// Criteria without a code, in [`CriterionId::index`] order.
const SINGLETONS: [CriterionId; 10] = [
    CriterionId::Distance,
    CriterionId::AcceptingNewClients,
    CriterionId::CarerCapacity,
    CriterionId::Schedule,
    CriterionId::HoursPerWeek,
    CriterionId::MaxHourlyRate,
    CriterionId::NeededBy,
    CriterionId::WeeklyBudget,
    CriterionId::LgbtInclusive,
    CriterionId::PreferredCarer,
];

/// Lists of codes in the dense numbering, after the singletons.
const LISTS: usize = 13;
/// The text before `:` of reading and writing a language.
const READS: &str = "reads";
const WRITES: &str = "writes";

/// Codes per list in the dense numbering (a `CodeSet` holds at most 64).
const LIST: usize = 64;

impl CriterionId {
    /// How many dense indexes there are.
    pub(crate) const COUNT: usize = SINGLETONS.len() + LISTS * LIST;

    /// The text before `:` (`language`), or the whole name of a criterion without a code.
    pub fn kind(self) -> &'static str {
        match self {
            Self::Distance => "distance",
            Self::AcceptingNewClients => "accepting_new_clients",
            Self::CarerCapacity => "carer_capacity",
            Self::Schedule => "schedule",
            Self::HoursPerWeek => "hours_per_week",
            Self::MaxHourlyRate => "max_hourly_rate",
            Self::NeededBy => "needed_by",
            Self::WeeklyBudget => "weekly_budget",
            Self::LgbtInclusive => "lgbt_inclusive",
            Self::PreferredCarer => "preferred_carer",
            Self::Language(_) => Language::KIND,
            Self::Reads(_) => READS,
            Self::Writes(_) => WRITES,
            Self::MedicalDiet(_) => MedicalDiet::KIND,
            Self::DeliveryMode(_) => DeliveryMode::KIND,
            Self::Cuisine(_) => Cuisine::KIND,
            Self::Diet(_) => DietaryLaw::KIND,
            Self::FaithPractice(_) => FaithPractice::KIND,
            Self::Faith(_) => Faith::KIND,
            Self::CarerGender(_) => "carer_gender",
            Self::Service(_) => Service::KIND,
            Self::Experience(_) => Experience::KIND,
            Self::Check(_) => CheckKind::KIND,
        }
    }

    /// The code after `:` (`yue`), if the criterion has one.
    pub fn code(self) -> Option<&'static str> {
        Some(match self {
            Self::Language(c) | Self::Reads(c) | Self::Writes(c) => c.code(),
            Self::MedicalDiet(c) => c.code(),
            Self::DeliveryMode(c) => c.code(),
            Self::Cuisine(c) => c.code(),
            Self::Diet(c) => c.code(),
            Self::FaithPractice(c) => c.code(),
            Self::Faith(c) => c.code(),
            Self::CarerGender(c) => c.code(),
            Self::Service(c) => c.code(),
            Self::Experience(c) => c.code(),
            Self::Check(c) => c.code(),
            _ => return None,
        })
    }

    /// The criterion's dense number, below [`CriterionId::COUNT`].
    pub(crate) fn index(self) -> usize {
        let list = |n: usize, code: u8| SINGLETONS.len() + n * LIST + usize::from(code);
        match self {
            Self::Language(c) => list(0, c.index()),
            Self::Cuisine(c) => list(1, c.index()),
            Self::Diet(c) => list(2, c.index()),
            Self::FaithPractice(c) => list(3, c.index()),
            Self::Faith(c) => list(4, c.index()),
            Self::CarerGender(c) => list(5, c.index()),
            Self::Service(c) => list(6, c.index()),
            Self::Experience(c) => list(7, c.index()),
            Self::Check(c) => list(8, c.index()),
            Self::Reads(c) => list(9, c.index()),
            Self::Writes(c) => list(10, c.index()),
            Self::MedicalDiet(c) => list(11, c.index()),
            Self::DeliveryMode(c) => list(12, c.index()),
            singleton => SINGLETONS.iter().position(|s| *s == singleton).unwrap_or(0),
        }
    }

    /// The criterion numbered `index` by [`CriterionId::index`].
    pub(crate) fn from_index(index: usize) -> Option<Self> {
        if let Some(singleton) = SINGLETONS.get(index) {
            return Some(*singleton);
        }
        let rest = index - SINGLETONS.len();
        let code = rest % LIST;
        fn at<T: CodeCriterion>(code: usize) -> Option<CriterionId> {
            T::all().get(code).map(|c| c.criterion())
        }
        match rest / LIST {
            0 => at::<Language>(code),
            1 => at::<Cuisine>(code),
            2 => at::<DietaryLaw>(code),
            3 => at::<FaithPractice>(code),
            4 => at::<Faith>(code),
            5 => at::<Gender>(code),
            6 => at::<Service>(code),
            7 => at::<Experience>(code),
            8 => at::<CheckKind>(code),
            9 => Language::all().get(code).map(|c| CriterionId::Reads(*c)),
            10 => Language::all().get(code).map(|c| CriterionId::Writes(*c)),
            11 => at::<MedicalDiet>(code),
            12 => at::<DeliveryMode>(code),
            _ => None,
        }
    }
}

impl fmt::Display for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Some(code) => write!(f, "{}:{code}", self.kind()),
            None => f.write_str(self.kind()),
        }
    }
}

/// A criterion name that is not `kind` or `kind:code` of a known criterion.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a known criterion")]
pub struct UnknownCriterion(pub String);

impl FromStr for CriterionId {
    type Err = UnknownCriterion;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownCriterion(text.to_owned());
        let Some((kind, code)) = text.split_once(':') else {
            return SINGLETONS
                .iter()
                .copied()
                .find(|s| s.kind() == text)
                .ok_or_else(unknown);
        };
        fn parse<T: CodeCriterion>(code: &str) -> Option<CriterionId> {
            T::parse(code).ok().map(CodeCriterion::criterion)
        }
        match kind {
            Language::KIND => parse::<Language>(code),
            Cuisine::KIND => parse::<Cuisine>(code),
            DietaryLaw::KIND => parse::<DietaryLaw>(code),
            FaithPractice::KIND => parse::<FaithPractice>(code),
            Faith::KIND => parse::<Faith>(code),
            "carer_gender" => parse::<Gender>(code),
            Service::KIND => parse::<Service>(code),
            Experience::KIND => parse::<Experience>(code),
            CheckKind::KIND => parse::<CheckKind>(code),
            READS => Language::parse(code).ok().map(CriterionId::Reads),
            WRITES => Language::parse(code).ok().map(CriterionId::Writes),
            MedicalDiet::KIND => parse::<MedicalDiet>(code),
            DeliveryMode::KIND => parse::<DeliveryMode>(code),
            _ => None,
        }
        .ok_or_else(unknown)
    }
}

impl Serialize for CriterionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialSchema for CriterionId {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "`language:yue`, `cuisine:cantonese`, `distance`, `schedule`, `check:dbs_enhanced`, ...",
            ))
            .examples(["language:yue"])
            .into()
    }
}

impl ToSchema for CriterionId {}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<CriterionId> {
        let mut all = SINGLETONS.to_vec();
        fn add<T: CodeCriterion>(all: &mut Vec<CriterionId>) {
            all.extend(T::all().iter().map(|c| c.criterion()));
        }
        add::<Language>(&mut all);
        add::<Cuisine>(&mut all);
        add::<DietaryLaw>(&mut all);
        add::<FaithPractice>(&mut all);
        add::<Faith>(&mut all);
        add::<Gender>(&mut all);
        add::<Service>(&mut all);
        add::<Experience>(&mut all);
        add::<CheckKind>(&mut all);
        add::<MedicalDiet>(&mut all);
        add::<DeliveryMode>(&mut all);
        all.extend(Language::all().iter().map(|c| CriterionId::Reads(*c)));
        all.extend(Language::all().iter().map(|c| CriterionId::Writes(*c)));
        all
    }

    #[test]
    fn every_criterion_round_trips_through_its_text_and_its_index() {
        let all = every();
        let mut seen = std::collections::HashSet::new();
        for id in all {
            let text = id.to_string();
            assert_eq!(text.parse::<CriterionId>(), Ok(id), "{text}");
            assert!(id.index() < CriterionId::COUNT, "{text}");
            assert!(seen.insert(id.index()), "{text} shares an index");
            assert_eq!(CriterionId::from_index(id.index()), Some(id), "{text}");
        }
    }

    #[test]
    fn names_are_the_api_names() {
        assert_eq!(
            CriterionId::Language(Language::Yue).to_string(),
            "language:yue"
        );
        assert_eq!(
            CriterionId::Check(CheckKind::DbsEnhanced).to_string(),
            "check:dbs_enhanced"
        );
        assert_eq!(
            CriterionId::CarerGender(Gender::Female).to_string(),
            "carer_gender:female"
        );
        assert_eq!(CriterionId::HoursPerWeek.to_string(), "hours_per_week");
        assert_eq!(CriterionId::Reads(Language::Urd).to_string(), "reads:urd");
        assert_eq!(
            CriterionId::MedicalDiet(MedicalDiet::Pureed).to_string(),
            "medical_diet:pureed"
        );
        assert_eq!(
            CriterionId::DeliveryMode(DeliveryMode::Phone).to_string(),
            "delivery_mode:phone"
        );
        assert!("language:xx".parse::<CriterionId>().is_err());
        assert!("distance:5".parse::<CriterionId>().is_err());
        assert!("nothing".parse::<CriterionId>().is_err());
    }
}
