//! Support plans: a person's needs, sent with a match request and stored only when saved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::geo::{GeoPoint, Km};
use crate::money::RatePence;
use crate::postcode::Postcode;
use crate::schedule::Slot;
use crate::validation::ValidationErrors;
use crate::vocabulary::{
    CheckKind, Cuisine, DietaryLaw, Experience, Faith, FaithPractice, Gender, Language,
    Proficiency, Service,
};

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

fn no_duplicate_codes<T: Copy + PartialEq + std::fmt::Display>(
    field: &str,
    needs: &[Need<T>],
    errors: &mut ValidationErrors,
) {
    let codes: Vec<T> = needs.iter().map(|n| n.code).collect();
    errors.no_duplicates(field, &codes);
}
