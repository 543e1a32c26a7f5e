//! Support plans: a person's needs, sent with a match request and stored only when saved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::geo::{GeoPoint, Km};
use crate::ids::CarerId;
use crate::money::{RatePence, WeeklyPence};
use crate::postcode::Postcode;
use crate::schedule::Slot;
use crate::validation::ValidationErrors;
use crate::vocabulary::{
    CheckKind, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice, Gender,
    Language, MedicalDiet, Proficiency, Service,
};

/// The most carers a plan can name as preferred, and as blocked.
pub const MAX_NAMED_CARERS: usize = 50;

/// Whether a criterion filters (`required`) or only ranks (`preferred`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Required,
    Preferred,
}

/// A vocabulary code the person needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Need<T> {
    pub code: T,
    pub priority: Priority,
}

/// A language the person needs, at a minimum level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct LanguageNeed {
    pub code: Language,
    #[serde(default = "default_proficiency")]
    pub min_proficiency: Proficiency,
    /// The carer must also read the language (letters, labels, medicine leaflets).
    #[serde(default)]
    pub reads: bool,
    /// The carer must also write it (notes for the family, shopping lists).
    #[serde(default)]
    pub writes: bool,
    pub priority: Priority,
}

fn default_proficiency() -> Proficiency {
    Proficiency::Conversational
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ScheduleNeed {
    #[schema(min_items = 1)]
    pub slots: Vec<Slot>,
    pub priority: Priority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct HoursNeed {
    #[schema(minimum = 1, maximum = 168)]
    pub hours: u8,
    pub priority: Priority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct RateNeed {
    pub max: RatePence,
    pub priority: Priority,
}

/// A weekly budget: the plan's `hours_per_week` times the candidate's hourly rate must fit it
/// (`required`) or counts in the score (`preferred`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct BudgetNeed {
    /// Pence a week.
    pub max: WeeklyPence,
    pub priority: Priority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct DateNeed {
    pub date: NaiveDate,
    pub priority: Priority,
}

/// A person's needs. Give `postcode` or `location` (not both).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct SupportPlan {
    #[serde(default)]
    pub postcode: Option<Postcode>,
    #[serde(default)]
    pub location: Option<GeoPoint>,
    pub max_distance_km: Km,
    #[serde(default)]
    pub languages: Vec<LanguageNeed>,
    #[serde(default)]
    pub cuisines: Vec<Need<Cuisine>>,
    #[serde(default)]
    pub dietary_laws: Vec<Need<DietaryLaw>>,
    /// Medical and texture diets (diabetic, puréed, gluten-free ...), apart from dietary laws.
    #[serde(default)]
    pub medical_diets: Vec<Need<MedicalDiet>>,
    #[serde(default)]
    pub faith_practices: Vec<Need<FaithPractice>>,
    #[serde(default)]
    pub shared_faith: Option<Need<Faith>>,
    /// The carer gender wanted for personal care.
    #[serde(default)]
    pub carer_gender: Option<Need<Gender>>,
    #[serde(default)]
    pub services: Vec<Need<Service>>,
    #[serde(default)]
    pub experience: Vec<Need<Experience>>,
    #[serde(default)]
    pub schedule: Option<ScheduleNeed>,
    #[serde(default)]
    pub hours_per_week: Option<HoursNeed>,
    #[serde(default)]
    pub max_hourly_rate: Option<RateNeed>,
    #[serde(default)]
    pub needed_by: Option<DateNeed>,
    /// An LGBT+ inclusive carer or provider, `required` or `preferred`.
    #[serde(default)]
    pub lgbt_inclusive: Option<Priority>,
    /// How the person can be supported: `phone` or `online` lets providers who work that way
    /// reach them wherever they are; `in_person` (required) leaves out remote-only providers.
    /// Carers (PAs) work in person. Left out: in person, within `max_distance_km`.
    #[serde(default)]
    pub delivery_modes: Vec<Need<DeliveryMode>>,
    /// Carers the person knows and would like again: ranked first among equals and named in
    /// the explanation. At most 50.
    #[serde(default, deserialize_with = "carer_ids")]
    pub preferred_carers: Vec<CarerId>,
    /// Carers the person does not want again: never in any result or count. At most 50.
    #[serde(default, deserialize_with = "carer_ids")]
    pub blocked_carers: Vec<CarerId>,
    /// Weekly budget for the plan's `hours_per_week` (which it needs).
    #[serde(default)]
    pub weekly_budget: Option<BudgetNeed>,
    /// Checks a carer or provider must hold (`required`) or should (`preferred`), valid on the
    /// day of the match: `dbs_enhanced`, `right_to_work`, `first_aid`, ...
    #[serde(default)]
    pub checks: Vec<Need<CheckKind>>,
}

crate::objects_only!(
    Need<T>,
    LanguageNeed,
    ScheduleNeed,
    HoursNeed,
    RateNeed,
    BudgetNeed,
    DateNeed,
    SupportPlan
);

impl SupportPlan {
    /// Checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        match (&self.postcode, &self.location) {
            (None, None) => errors.push("postcode", "required", "give a postcode or a location"),
            (Some(_), Some(_)) => errors.push(
                "location",
                "conflict",
                "give a postcode or a location, not both",
            ),
            _ => {}
        }
        let languages: Vec<Language> = self.languages.iter().map(|l| l.code).collect();
        errors.no_duplicates("languages", &languages);
        no_duplicate_codes("cuisines", &self.cuisines, &mut errors);
        no_duplicate_codes("dietary_laws", &self.dietary_laws, &mut errors);
        no_duplicate_codes("faith_practices", &self.faith_practices, &mut errors);
        no_duplicate_codes("services", &self.services, &mut errors);
        no_duplicate_codes("experience", &self.experience, &mut errors);
        no_duplicate_codes("medical_diets", &self.medical_diets, &mut errors);
        no_duplicate_codes("delivery_modes", &self.delivery_modes, &mut errors);
        self.validate_named_carers(&mut errors);
        if self.weekly_budget.is_some() && self.hours_per_week.is_none() {
            errors.push(
                "weekly_budget",
                "required",
                "a weekly budget needs hours_per_week: the cost is hours times the hourly rate",
            );
        }
        no_duplicate_codes("checks", &self.checks, &mut errors);
        if let Some(schedule) = &self.schedule {
            if schedule.slots.is_empty() {
                errors.push(
                    "schedule.slots",
                    "required",
                    "list at least one slot, or leave the schedule out",
                );
            }
            for (i, slot) in schedule.slots.iter().enumerate() {
                slot.validate(&format!("schedule.slots[{i}]"), &mut errors);
            }
        }
        if let Some(hours) = self.hours_per_week
            && (hours.hours == 0 || hours.hours > 168)
        {
            errors.push(
                "hours_per_week.hours",
                "out_of_range",
                "must be from 1 to 168",
            );
        }
        errors.into_result()
    }
}

impl SupportPlan {
    fn validate_named_carers(&self, errors: &mut ValidationErrors) {
        for (field, ids) in [
            ("preferred_carers", &self.preferred_carers),
            ("blocked_carers", &self.blocked_carers),
        ] {
            if ids.len() > MAX_NAMED_CARERS {
                errors.push(
                    field,
                    "too_long",
                    format!("name at most {MAX_NAMED_CARERS} carers"),
                );
            }
            errors.no_duplicates(field, ids);
            for (i, id) in ids.iter().enumerate() {
                if id.0 <= 0 {
                    errors.push(
                        format!("{field}[{i}]"),
                        "out_of_range",
                        "a carer id is positive",
                    );
                }
            }
        }
        for (i, id) in self.blocked_carers.iter().enumerate() {
            if self.preferred_carers.contains(id) {
                errors.push(
                    format!("blocked_carers[{i}]"),
                    "conflict",
                    format!("carer {id} is also in preferred_carers"),
                );
            }
        }
    }

    /// Whether the person accepts support by phone or online.
    pub fn accepts_remote(&self) -> bool {
        self.delivery_modes
            .iter()
            .any(|n| matches!(n.code, DeliveryMode::Phone | DeliveryMode::Online))
    }
}

fn no_duplicate_codes<T: Copy + PartialEq + std::fmt::Display>(
    field: &str,
    needs: &[Need<T>],
    errors: &mut ValidationErrors,
) {
    let codes: Vec<T> = needs.iter().map(|n| n.code).collect();
    errors.no_duplicates(field, &codes);
}

/// Reads carer ids: JSON integers, or numbers with no fraction (`5.0`), which JSON Schema counts
/// as integers too (a schema-valid body must not be refused).
fn carer_ids<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<CarerId>, D::Error> {
    use serde::de::Error as _;
    // Whole numbers within ±2^53 convert exactly.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let numbers = Vec::<serde_json_number::Number>::deserialize(deserializer)?;
    numbers
        .into_iter()
        .map(|n| match n {
            serde_json_number::Number::Int(v) => Ok(CarerId(v)),
            serde_json_number::Number::Float(v) if v.fract() == 0.0 && v.abs() <= EXACT => {
                Ok(CarerId(v as i64))
            }
            serde_json_number::Number::Float(v) => Err(D::Error::custom(format!(
                "invalid type: floating point `{v}`, expected a whole number"
            ))),
        })
        .collect()
}

/// An integer or a float, as JSON writes numbers.
mod serde_json_number {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    pub enum Number {
        Int(i64),
        Float(f64),
    }
}
