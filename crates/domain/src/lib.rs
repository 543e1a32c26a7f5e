//! carematch's domain: the vocabulary, carers, providers and support plans, their validation,
//! postcodes and geography. Pure: no IO, no clock (callers pass today's date in).

pub mod access;
pub mod agency;
pub mod carer;
pub mod census;
pub mod checks;
pub mod contact;
pub mod enquiry;
pub mod ethnicity;
pub mod geo;
pub mod history;
pub mod ids;
pub mod listing;
pub mod moderation;
pub mod money;
pub mod objects;
mod openapi;
pub mod plan;
pub mod postcode;
pub mod provenance;
pub mod provider;
pub mod report;
pub mod schedule;
pub mod spreadsheet;
pub mod validation;
pub mod vocabulary;

pub use access::{Caller, Role};
pub use agency::{AgencyContact, AgencyProfile, OfficeHours};
pub use carer::{Carer, CarerDetails, LanguageSkill};
pub use checks::Check;
pub use contact::Contact;
pub use geo::{GeoPoint, Km};
pub use history::{HistoryEntry, HistoryOp};
pub use ids::{AgencyId, CarerId, OrganisationId, ProblemReportId, ProviderId, SubmissionId};
pub use listing::{Actor, ActorKind, Listing, Vetting};
pub use moderation::{SubmissionKind, SubmissionStatus};
pub use money::RatePence;
pub use plan::{Priority, SupportPlan};
pub use postcode::{OutwardCode, Postcode};
pub use provenance::{Provenance, ProviderOrigin, SourceKind};
pub use provider::{Provider, ProviderDetails, ServiceArea};
pub use schedule::{Slot, TimeOfDay, WeekMask};
pub use validation::{FieldError, ValidationErrors};
