//! A person's post from the find page: the outward code and the needs, nothing else. No name,
//! no full postcode, no contact details: the body has no field for them (unknown fields are
//! refused), and the vacancy's location is the outward code's centroid.

use carematch_domain::vocabulary::{DietaryLaw, FaithPractice, Language, Service};
use carematch_domain::{GeoPoint, OutwardCode, Slot, SupportPlan, ValidationErrors};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::ServiceError;

/// How far from the outward code's centroid a PA may be, in km.
pub const PUBLIC_MAX_KM: f64 = 10.0;
/// The most codes in each list of needs.
pub const MAX_NEEDS: usize = 10;
/// The most schedule slots.
pub const MAX_SLOTS: usize = 28;

/// What a person posts: where (the outward code only) and what they need.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct PublicVacancyPost {
    /// The first half of the postcode only (`LE1`, `M13`); a full postcode is refused.
    #[schema(value_type = String, example = "LE1")]
    pub outward_code: String,
    /// Languages the PA must speak (at least conversationally).
    #[serde(default)]
    pub languages: Vec<Language>,
    /// Dietary laws the PA must keep when cooking.
    #[serde(default)]
    pub dietary_laws: Vec<DietaryLaw>,
    /// Faith practices the PA should understand and support (preferred).
    #[serde(default)]
    pub faith_practices: Vec<FaithPractice>,
    /// Services needed.
    #[serde(default)]
    pub services: Vec<Service>,
    /// When help is wanted (preferred), e.g. `{"day": "tue", "start": "09:00", "end": "11:00"}`.
    #[serde(default)]
    pub schedule: Vec<Slot>,
    /// Urgent: leaving hospital.
    #[serde(default)]
    pub urgent: bool,
}

carematch_domain::objects_only!(PublicVacancyPost);

impl PublicVacancyPost {
    /// Checks the fields, naming every bad one; the outward code parsed.
    pub fn validate(&self) -> Result<OutwardCode, ServiceError> {
        let mut errors = ValidationErrors::default();
        let outward = match OutwardCode::parse(&self.outward_code) {
            Ok(code) => Some(code),
            Err(e) => {
                errors.push("outward_code", "invalid", e.to_string());
                None
            }
        };
        let lists = [
            ("languages", self.languages.len()),
            ("dietary_laws", self.dietary_laws.len()),
            ("faith_practices", self.faith_practices.len()),
            ("services", self.services.len()),
        ];
        for (field, len) in lists {
            if len > MAX_NEEDS {
                errors.push(field, "too_many", format!("at most {MAX_NEEDS}"));
            }
        }
        if self.schedule.len() > MAX_SLOTS {
            errors.push("schedule", "too_many", format!("at most {MAX_SLOTS} slots"));
        }
        if lists.iter().all(|(_, len)| *len == 0) {
            errors.push(
                "languages",
                "required",
                "say at least one need: a language, a diet, a faith practice or a service",
            );
        }
        errors.no_duplicates("languages", &codes(&self.languages));
        errors.no_duplicates("dietary_laws", &codes(&self.dietary_laws));
        errors.no_duplicates("faith_practices", &codes(&self.faith_practices));
        errors.no_duplicates("services", &codes(&self.services));
        errors.into_result()?;
        outward.ok_or_else(|| ServiceError::Internal("a valid post has an outward code".into()))
    }

    /// The support plan matched against: at `centroid`; languages, diets and services
    /// required, faith practices and the schedule preferred.
    pub fn plan(&self, centroid: GeoPoint) -> Result<SupportPlan, ServiceError> {
        let need = |code: &dyn erased::AsCode, priority: &str| json!({"code": code.code(), "priority": priority});
        let mut plan = json!({
            "location": {"lat": centroid.lat, "lon": centroid.lon},
            "max_distance_km": PUBLIC_MAX_KM,
            "languages": self.languages.iter().map(|l| json!({
                "code": erased::AsCode::code(l), "min_proficiency": "conversational",
                "priority": "required"})).collect::<Vec<_>>(),
            "dietary_laws": self.dietary_laws.iter().map(|c| need(c, "required")).collect::<Vec<_>>(),
            "faith_practices": self.faith_practices.iter().map(|c| need(c, "preferred")).collect::<Vec<_>>(),
            "services": self.services.iter().map(|c| need(c, "required")).collect::<Vec<_>>(),
        });
        if !self.schedule.is_empty() {
            plan["schedule"] = json!({"slots": self.schedule, "priority": "preferred"});
        }
        let plan: SupportPlan = serde_json::from_value(plan)
            .map_err(|e| ServiceError::Internal(format!("building a post's plan: {e}")))?;
        plan.validate()?;
        Ok(plan)
    }
}

fn codes<T: carematch_domain::vocabulary::Code>(list: &[T]) -> Vec<&'static str> {
    list.iter().map(|c| c.code()).collect()
}

/// Any vocabulary code behind one object type, so one closure writes every list's needs.
mod erased {
    pub trait AsCode {
        fn code(&self) -> &'static str;
    }
    impl<T: carematch_domain::vocabulary::Code> AsCode for T {
        fn code(&self) -> &'static str {
            carematch_domain::vocabulary::Code::code(*self)
        }
    }
}
