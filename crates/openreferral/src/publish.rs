//! carematch's providers as Open Referral objects.
//!
//! A provider is an organisation and publishes one [`Organization`], one [`Service`] (its id is
//! the provider's UUID), one [`Location`] (its public base: the address postcode and the
//! postcode's centroid) and one [`ServiceAtLocation`]; every other id is derived from the
//! provider's UUID ([`derived_uuid`]), so all of them are as stable as it. Its vocabulary codes
//! are attached to the service as attributes pointing at the taxonomy terms of [`vocabulary`].
//!
//! Never published: PAs (carers) at all; a provider's internal fields (which agency account
//! manages the record beyond its public name, `external_ref`, version, certificate numbers of
//! checks other than the CQC id). docs/openreferral.md gives the mapping field by field.

pub mod vocabulary;

use carematch_domain::provenance::derived_uuid;
use carematch_domain::vocabulary::{CheckKind, Code, Weekday};
use carematch_domain::{AgencyContact, Provider, ServiceArea as Area, Slot};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::model::{
    Address, Attribute, Contact, CostOption, Frequency, Language, Location, LocationType,
    Organization, OrganizationIdentifier, Phone, Schedule, Service, ServiceArea, ServiceAtLocation,
    ServiceStatus,
};
use vocabulary::{Vocabulary, term_id};

/// carematch serves adults: every published service is for people of 18 and over.
pub const MINIMUM_AGE: f64 = 18.0;

/// A provider about to be published: the record, its public UUID, the public contact of the
/// agency that manages it (if any) and the date on which checks and flags are judged.
#[derive(Debug, Clone, Copy)]
pub struct Listing<'a> {
    pub provider: &'a Provider,
    pub uuid: Uuid,
    pub agency: Option<&'a AgencyContact>,
    pub today: NaiveDate,
}

/// The ids of the objects published for a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ids {
    pub service: Uuid,
    pub organization: Uuid,
    pub location: Uuid,
    pub service_at_location: Uuid,
}

impl Ids {
    pub fn of(provider_uuid: Uuid) -> Self {
        Self {
            service: provider_uuid,
            organization: derived_uuid(provider_uuid, "organization"),
            location: derived_uuid(provider_uuid, "location"),
            service_at_location: derived_uuid(provider_uuid, "service_at_location"),
        }
    }
}

/// Every (taxonomy, code) a provider is described by, in publishing order.
pub fn codes(provider: &Provider) -> Vec<(&'static str, &'static str)> {
    fn add<T: Code>(out: &mut Vec<(&'static str, &'static str)>, codes: &[T]) {
        out.extend(codes.iter().map(|c| (T::KIND, c.code())));
    }
    let d = &provider.details;
    let mut out = Vec::new();
    add(&mut out, &d.staff_languages);
    add(&mut out, &d.cuisines);
    add(&mut out, &d.dietary_laws);
    add(&mut out, &d.medical_diets);
    add(&mut out, &d.faith_practices);
    add(&mut out, &d.services);
    add(&mut out, &d.experience);
    add(&mut out, &d.communities);
    add(&mut out, &[d.kind]);
    add(&mut out, &d.delivery_modes);
    out
}

/// The taxonomy term ids a provider's service carries, sorted (for filtering).
pub fn term_ids(provider: &Provider) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = codes(provider)
        .into_iter()
        .map(|(kind, code)| term_id(kind, code))
        .collect();
    ids.sort_unstable();
    ids
}

impl Listing<'_> {
    pub fn ids(&self) -> Ids {
        Ids::of(self.uuid)
    }

    fn cqc_id(&self) -> Option<&str> {
        self.provider
            .details
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::CqcRegistered && c.valid_on(self.today))
            .and_then(|c| c.reference.as_deref())
    }

    /// The organisation in its list form (no services).
    pub fn organization(&self) -> Organization {
        let d = &self.provider.details;
        let ids = self.ids();
        let organization_identifiers = self
            .cqc_id()
            .map(|cqc| OrganizationIdentifier {
                id: derived_uuid(self.uuid, "organization_identifier:cqc"),
                organization_id: Some(ids.organization),
                identifier_scheme: Some("GB-CQC".to_owned()),
                identifier_type: "CQC location ID".to_owned(),
                identifier: cqc.to_owned(),
            })
            .into_iter()
            .collect();
        Organization {
            id: ids.organization,
            name: d.name.clone(),
            description: d.description.clone(),
            email: d.contact.email.clone(),
            website: d.contact.website.clone(),
            logo: None,
            uri: None,
            parent_organization_id: None,
            organization_identifiers,
            attributes: Vec::new(),
            services: Vec::new(),
        }
    }

    /// The provider's public base: its address postcode and that postcode's centroid.
    pub fn location(&self) -> Location {
        let d = &self.provider.details;
        let ids = self.ids();
        Location {
            id: ids.location,
            location_type: LocationType::Physical,
            name: Some(d.name.clone()),
            description: None,
            latitude: Some(self.provider.location.lat),
            longitude: Some(self.provider.location.lon),
            external_identifier: None,
            external_identifier_type: None,
            // carematch holds no street or town: the first line is the organisation's name and
            // the postcode places it.
            addresses: vec![Address {
                id: derived_uuid(self.uuid, "address"),
                location_id: Some(ids.location),
                attention: None,
                address_1: d.name.clone(),
                city: String::new(),
                region: None,
                state_province: "England".to_owned(),
                postal_code: d.postcode.to_string(),
                country: "GB".to_owned(),
                address_type: LocationType::Physical,
            }],
            accessibility: Vec::new(),
            attributes: Vec::new(),
        }
    }

    /// The service in full: schedules, area, languages, attributes, its organisation and its
    /// one service-at-location.
    pub fn service(&self) -> Service {
        let d = &self.provider.details;
        let ids = self.ids();
        let mut service = self.service_summary();
        service.schedules = d
            .opening_hours
            .iter()
            .map(|slot| schedule(self.uuid, *slot))
            .collect();
        service.service_areas = vec![self.service_area()];
        service.service_at_locations = vec![ServiceAtLocation {
            id: ids.service_at_location,
            service_id: Some(ids.service),
            location_id: Some(ids.location),
            location: Some(self.location()),
            service: None,
        }];
        service.languages = d
            .staff_languages
            .iter()
            .map(|l| Language {
                id: derived_uuid(self.uuid, &format!("language:{}", l.code())),
                service_id: Some(ids.service),
                phone_id: None,
                name: Some(l.label_en().to_owned()),
                code: Some(l.code().to_owned()),
                note: None,
            })
            .collect();
        service.phones = d
            .contact
            .phone
            .iter()
            .map(|number| Phone {
                id: derived_uuid(self.uuid, "phone"),
                service_id: Some(ids.service),
                number: number.clone(),
                r#type: Some("voice".to_owned()),
                description: None,
            })
            .collect();
        service.organization = Some(Box::new(self.organization()));
        service.cost_options = d
            .hourly_rate
            .map(|rate| CostOption {
                id: derived_uuid(self.uuid, "cost_option:hourly"),
                service_id: Some(ids.service),
                valid_from: None,
                valid_to: None,
                option: Some("Hourly rate".to_owned()),
                amount: Some(f64::from(rate.pence()) / 100.0),
                amount_description: Some("per hour".to_owned()),
            })
            .into_iter()
            .collect();
        service.contacts = self
            .agency
            .map(|agency| Contact {
                id: derived_uuid(self.uuid, "contact:agency"),
                service_id: Some(ids.service),
                name: Some(agency.name.clone()),
                title: Some("Agency that keeps this listing".to_owned()),
            })
            .into_iter()
            .collect();
        service.attributes = self.attributes();
        service
    }

    /// The service's one-to-one fields and its organisation (the list form).
    pub fn service_summary(&self) -> Service {
        let d = &self.provider.details;
        let ids = self.ids();
        let mut organization = self.organization();
        organization.organization_identifiers.clear();
        Service {
            id: ids.service,
            organization_id: Some(ids.organization),
            name: d.name.clone(),
            description: Some(d.description.clone()).filter(|s| !s.is_empty()),
            url: d.contact.website.clone(),
            email: d.contact.email.clone(),
            status: ServiceStatus::Active,
            fees: None,
            accreditations: self
                .cqc_id()
                .map(|id| format!("CQC registered (location {id})")),
            minimum_age: Some(MINIMUM_AGE),
            maximum_age: None,
            assured_date: Some(d.last_confirmed_on.to_string()),
            assurer_email: None,
            alert: (!d.accepting_on(self.today))
                .then(|| "Not taking new clients at present".to_owned()),
            last_modified: Some(self.provider.updated_at),
            schedules: Vec::new(),
            service_areas: Vec::new(),
            service_at_locations: Vec::new(),
            languages: Vec::new(),
            phones: Vec::new(),
            organization: Some(Box::new(organization)),
            funding: Vec::new(),
            cost_options: Vec::new(),
            contacts: Vec::new(),
            attributes: Vec::new(),
        }
    }

    /// The service-at-location in full: the location and the service without its
    /// service-at-locations (which would name this object again).
    pub fn service_at_location(&self) -> ServiceAtLocation {
        let ids = self.ids();
        let mut service = self.service();
        service.service_at_locations.clear();
        ServiceAtLocation {
            id: ids.service_at_location,
            service_id: Some(ids.service),
            location_id: Some(ids.location),
            location: Some(self.location()),
            service: Some(Box::new(service)),
        }
    }

    /// The service-at-location's list form: one-to-one fields of the location and the service.
    pub fn service_at_location_summary(&self) -> ServiceAtLocation {
        let ids = self.ids();
        let mut location = self.location();
        location.addresses.clear();
        ServiceAtLocation {
            id: ids.service_at_location,
            service_id: Some(ids.service),
            location_id: Some(ids.location),
            location: Some(location),
            service: Some(Box::new(self.service_summary())),
        }
    }

    fn service_area(&self) -> ServiceArea {
        let d = &self.provider.details;
        let remote = if d.works_remotely() {
            "; also by phone or online from anywhere"
        } else {
            ""
        };
        let (extent, extent_type, description) = match &d.service_area {
            Area::Radius { km } => (
                None,
                None,
                format!("Within {} km of {}{remote}", km.get(), d.postcode),
            ),
            Area::Polygon { coordinates } => (
                Some(
                    serde_json::json!({"type": "Polygon", "coordinates": coordinates}).to_string(),
                ),
                Some("geojson".to_owned()),
                format!("The area drawn by the provider{remote}"),
            ),
        };
        ServiceArea {
            id: derived_uuid(self.uuid, "service_area"),
            service_id: Some(self.uuid),
            name: Some(description.clone()),
            extent,
            extent_type,
            uri: None,
            service_area: Some(description),
        }
    }

    fn attributes(&self) -> Vec<Attribute> {
        let vocabulary = Vocabulary::get();
        codes(self.provider)
            .into_iter()
            .filter_map(|(kind, code)| {
                let term = vocabulary.term(term_id(kind, code))?;
                Some(Attribute {
                    id: derived_uuid(self.uuid, &format!("attribute:{kind}:{code}")),
                    link_id: Some(self.uuid),
                    taxonomy_term_id: Some(term.id),
                    link_type: Some("service".to_owned()),
                    taxonomy_term: Some(term.clone()),
                })
            })
            .collect()
    }
}

/// The iCal day of a weekday (`MO`).
pub fn ical_day(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// One weekly opening slot as a schedule. Its id comes from its content, so the same hours
/// keep the same id whatever their order in the record.
fn schedule(provider: Uuid, slot: Slot) -> Schedule {
    let key = format!(
        "schedule:{}:{}-{}{}",
        slot.day.code(),
        slot.start,
        slot.end,
        if slot.overnight { "+1" } else { "" }
    );
    Schedule {
        id: derived_uuid(provider, &key),
        service_id: Some(provider),
        service_at_location_id: None,
        valid_from: None,
        valid_to: None,
        dtstart: None,
        freq: Some(Frequency::Weekly),
        interval: Some(1.0),
        byday: Some(ical_day(slot.day).to_owned()),
        bymonthday: None,
        description: None,
        opens_at: Some(format!("{}:00", slot.start)),
        closes_at: Some(format!("{}:00", slot.end)),
        schedule_link: None,
        attending_type: None,
        notes: slot
            .overnight
            .then(|| "Overnight: closes the next day".to_owned()),
    }
}

#[cfg(test)]
mod tests;
