//! carematch's domain: the vocabulary, carers, providers and support plans, their validation,
//! postcodes and geography. Pure: no IO, no clock (callers pass today's date in).

pub mod access;
pub mod carer;
pub mod census;
pub mod checks;
pub mod contact;
pub mod geo;
pub mod ids;
pub mod money;
pub mod objects;
mod openapi;
pub mod plan;
pub mod postcode;
pub mod provider;
pub mod schedule;
pub mod spreadsheet;
pub mod validation;
pub mod vocabulary;

pub use access::{Caller, Role};
pub use carer::{Carer, CarerDetails, LanguageSkill};
pub use checks::Check;
pub use contact::Contact;
pub use geo::{GeoPoint, Km};
pub use ids::{AgencyId, CarerId, ProviderId};
pub use money::RatePence;
pub use plan::{Priority, SupportPlan};
pub use postcode::{OutwardCode, Postcode};
pub use provider::{Provider, ProviderDetails, ServiceArea};
pub use schedule::{Slot, TimeOfDay, WeekMask};
pub use validation::{FieldError, ValidationErrors};
