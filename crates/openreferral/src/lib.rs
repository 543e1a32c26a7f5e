//! Open Referral UK v3 (the HSDS 3.0 UK profile English council directories speak).
//!
//! - [`model`]: the profile's objects (service, organization, location, service at location,
//!   taxonomy, taxonomy term, attribute, schedule...) and its page envelope.
//! - [`publish`]: carematch's providers and vocabulary as those objects. Providers only, never
//!   PAs; ids are the providers' stable UUIDs and UUIDs derived from them
//!   (`carematch_domain::provenance`).
//! - [`read`]: a council's feed read back as carematch providers, record by record, with
//!   every problem reported.
//!
//! Pure: no IO. docs/openreferral.md explains the mapping field by field.

pub mod model;
pub mod publish;
pub mod read;
