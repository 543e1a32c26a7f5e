//! `GET /v1/vocabulary`: every code list with its labels.

use actix_web::{HttpResponse, get, http::header};
use carematch_domain::vocabulary::{
    CheckKind, Code, Community, Cuisine, DeliveryMode, DietaryLaw, EmploymentStatus, Ethnicity,
    Experience, Faith, FaithPractice, Gender, Language, MedicalDiet, ProviderKind, Service,
    TravelMode, VOCABULARY_VERSION, Weekday,
};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ErrorBody;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(vocabulary);
}

/// One code of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Term {
    /// The stable code the API and the database use.
    #[schema(example = "yue")]
    pub code: &'static str,
    /// English label.
    #[schema(example = "Cantonese")]
    pub label_en: &'static str,
    /// The name in the language itself (languages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "廣東話")]
    pub autonym: Option<&'static str>,
}

/// Every code list, by the name used in query parameters and errors.
#[derive(Debug, Serialize, ToSchema)]
pub struct Vocabulary {
    /// Bumped whenever a code is added, renamed or removed; cache by it.
    #[schema(example = "2027-01-1")]
    pub version: &'static str,
    pub language: Vec<Term>,
    /// Language proficiency levels, lowest first.
    pub proficiency: Vec<Term>,
    pub cuisine: Vec<Term>,
    pub diet: Vec<Term>,
    /// Medical and texture diets (`diabetic`, `pureed` ...), apart from dietary laws.
    pub medical_diet: Vec<Term>,
    pub faith: Vec<Term>,
    /// Census 2021 ethnic groups (TS021), self-declared by PAs with consent; counted in the
    /// market report, never shown per person.
    pub ethnicity: Vec<Term>,
    pub faith_practice: Vec<Term>,
    pub service: Vec<Term>,
    pub experience: Vec<Term>,
    pub check: Vec<Term>,
    pub community: Vec<Term>,
    pub provider_kind: Vec<Term>,
    pub gender: Vec<Term>,
    pub travel_mode: Vec<Term>,
    /// How a provider delivers its service (in person, by phone, online).
    pub delivery_mode: Vec<Term>,
    pub employment_status: Vec<Term>,
    pub weekday: Vec<Term>,
}

fn terms<T: Code>() -> Vec<Term> {
    T::all()
        .iter()
        .map(|code| Term {
            code: code.code(),
            label_en: code.label_en(),
            autonym: code.autonym(),
        })
        .collect()
}

/// The whole vocabulary.
pub fn document() -> Vocabulary {
    Vocabulary {
        version: VOCABULARY_VERSION,
        language: terms::<Language>(),
        proficiency: [
            ("basic", "Basic"),
            ("conversational", "Conversational"),
            ("fluent", "Fluent"),
            ("native", "Native"),
        ]
        .into_iter()
        .map(|(code, label_en)| Term {
            code,
            label_en,
            autonym: None,
        })
        .collect(),
        cuisine: terms::<Cuisine>(),
        diet: terms::<DietaryLaw>(),
        medical_diet: terms::<MedicalDiet>(),
        faith: terms::<Faith>(),
        ethnicity: terms::<Ethnicity>(),
        faith_practice: terms::<FaithPractice>(),
        service: terms::<Service>(),
        experience: terms::<Experience>(),
        check: terms::<CheckKind>(),
        community: terms::<Community>(),
        provider_kind: terms::<ProviderKind>(),
        gender: terms::<Gender>(),
        travel_mode: terms::<TravelMode>(),
        delivery_mode: terms::<DeliveryMode>(),
        employment_status: terms::<EmploymentStatus>(),
        weekday: terms::<Weekday>(),
    }
}

/// Every code list with English labels and, for languages, autonyms.
#[utoipa::path(
    tag = "vocabulary",
    description = "The closed, versioned vocabulary: every code the API accepts and returns, with \
                   its English label and, for languages, the name in the language itself \
                   (`yue` = Cantonese = 廣東話). Lists are keyed by the name used in query \
                   parameters (`language`, `cuisine`, `diet`, `faith_practice`, `service`, ...). \
                   Public; cache it by `version` (the response carries an `ETag`).",
    responses(
        (status = 200, description = "The vocabulary", body = Vocabulary,
            example = json!({"version": "2027-01-1",
                "language": [{"code": "yue", "label_en": "Cantonese", "autonym": "廣東話"}],
                "cuisine": [{"code": "cantonese", "label_en": "Cantonese"}],
                "diet": [{"code": "halal", "label_en": "Halal"}]})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[get("/vocabulary")]
pub async fn vocabulary() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"{VOCABULARY_VERSION}\"")))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .json(document())
}
