//! Writes of carer and provider records: who may write which record, the postcode located, the
//! store write, and the index catch-up ([`CareService::committed`]) so the writer reads its own
//! write. Reads of one record by id live here too, since every update and delete starts with
//! one.

use carematch_domain::{
    Actor, AgencyId, Caller, Carer, CarerDetails, CarerId, FieldError, Provider, ProviderDetails,
    ProviderId,
};
use carematch_store::StoreError;

use crate::{CareService, ServiceError};

/// The agency a carer write acts for: an agency key acts for its own agency (naming another is
/// forbidden); an admin must name one with `agency_id`.
pub fn acting_agency(caller: Caller, named: Option<i64>) -> Result<AgencyId, ServiceError> {
    match (caller, named) {
        (Caller::Agency(own), None) => Ok(own),
        (Caller::Agency(own), Some(id)) if id == own.0 => Ok(own),
        (Caller::Agency(_), Some(_)) => Err(ServiceError::Forbidden),
        (_, Some(id)) => Ok(AgencyId(id)),
        (_, None) => Err(ServiceError::Validation(vec![FieldError {
            field: "agency_id".into(),
            code: "required",
            reason: "an admin must name the agency with ?agency_id=".into(),
        }])),
    }
}

/// May this caller edit (and see in full) this provider? Admins, and the agency that manages it.
pub fn manages(caller: Caller, provider: &Provider) -> bool {
    match caller {
        Caller::Admin => true,
        Caller::Agency(own) => provider.agency_id == Some(own),
        // An organisation's changes go through moderation; this says only whose listing it is.
        Caller::Organisation(own) => provider.organisation_id == Some(own),
        Caller::Anonymous | Caller::Commissioner | Caller::Moderator | Caller::Pa { .. } => false,
    }
}

fn carer_not_found(id: CarerId) -> ServiceError {
    ServiceError::NotFound {
        what: "carer",
        id: id.0.to_string(),
    }
}

impl CareService {
    /// A live carer; not found when unknown or deleted.
    pub fn carer(&self, id: CarerId) -> Result<Carer, ServiceError> {
        self.store.get_carer(id)?.ok_or_else(|| carer_not_found(id))
    }

    /// A live carer `caller` holds: not found when unknown or deleted, forbidden when another
    /// agency's.
    pub fn own_carer(&self, caller: Caller, id: CarerId) -> Result<Carer, ServiceError> {
        let carer = self.carer(id)?;
        if caller.holds(carer.agency_id) {
            Ok(carer)
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    /// Stores a new carer vouched for by `agency`; an unknown postcode or agency is a
    /// validation error (`postcode`, `agency_id`).
    pub fn create_carer(
        &self,
        agency: AgencyId,
        details: &CarerDetails,
        actor: &Actor,
    ) -> Result<Carer, ServiceError> {
        let location = self.locate(&details.postcode, "postcode")?;
        let carer = self
            .store
            .insert_carer(agency, details, location, actor)
            .map_err(|e| match e {
                StoreError::NotFound {
                    entity: "agency", ..
                } => ServiceError::Validation(vec![FieldError {
                    field: "agency_id".into(),
                    code: "unknown_code",
                    reason: format!("there is no agency {agency}"),
                }]),
                other => other.into(),
            })?;
        Ok(self.committed(carer))
    }

    /// Replaces a carer's details (relocating its postcode), against version `expected` when
    /// given (a stale one is a store version conflict).
    pub fn update_carer(
        &self,
        caller: Caller,
        id: CarerId,
        details: &CarerDetails,
        expected: Option<i64>,
    ) -> Result<Carer, ServiceError> {
        self.own_carer(caller, id)?;
        let location = self.locate(&details.postcode, "postcode")?;
        let carer = self
            .store
            .update_carer(id, details, location, expected, &caller.actor())?;
        Ok(self.committed(carer))
    }

    /// Changes a carer's details in place (its location kept), against the version read, so a
    /// concurrent edit is never overwritten (a store version conflict instead).
    pub fn edit_carer(
        &self,
        caller: Caller,
        id: CarerId,
        edit: impl FnOnce(&mut CarerDetails),
    ) -> Result<Carer, ServiceError> {
        let carer = self.own_carer(caller, id)?;
        let mut details = carer.details;
        edit(&mut details);
        let carer = self.store.update_carer(
            id,
            &details,
            carer.location,
            Some(carer.version),
            &caller.actor(),
        )?;
        Ok(self.committed(carer))
    }

    /// Soft-deletes a carer; returns the record as it was.
    pub fn delete_carer(&self, caller: Caller, id: CarerId) -> Result<Carer, ServiceError> {
        let carer = self.own_carer(caller, id)?;
        self.store.delete_carer(id, &caller.actor())?;
        Ok(self.committed(carer))
    }

    /// A live provider; not found when unknown or deleted.
    pub fn provider(&self, id: ProviderId) -> Result<Provider, ServiceError> {
        self.store
            .get_provider(id)?
            .ok_or_else(|| ServiceError::NotFound {
                what: "provider",
                id: id.0.to_string(),
            })
    }

    fn managed_provider(&self, caller: Caller, id: ProviderId) -> Result<Provider, ServiceError> {
        let provider = self.provider(id)?;
        if manages(caller, &provider) {
            Ok(provider)
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    /// Stores a new provider; an agency caller manages it, an admin's is managed by admins.
    pub fn create_provider(
        &self,
        caller: Caller,
        details: &ProviderDetails,
    ) -> Result<Provider, ServiceError> {
        let agency = match caller {
            Caller::Agency(own) => Some(own),
            _ => None,
        };
        let location = self.locate(&details.postcode, "postcode")?;
        let provider = self
            .store
            .insert_provider(agency, details, location, &caller.actor())?;
        Ok(self.committed(provider))
    }

    /// Replaces a provider's details, against version `expected` when given.
    pub fn update_provider(
        &self,
        caller: Caller,
        id: ProviderId,
        details: &ProviderDetails,
        expected: Option<i64>,
    ) -> Result<Provider, ServiceError> {
        self.managed_provider(caller, id)?;
        let location = self.locate(&details.postcode, "postcode")?;
        let provider =
            self.store
                .update_provider(id, details, location, expected, &caller.actor())?;
        Ok(self.committed(provider))
    }

    /// Soft-deletes a provider; returns the record as it was.
    pub fn delete_provider(
        &self,
        caller: Caller,
        id: ProviderId,
    ) -> Result<Provider, ServiceError> {
        let provider = self.managed_provider(caller, id)?;
        self.store.delete_provider(id, &caller.actor())?;
        Ok(self.committed(provider))
    }
}
