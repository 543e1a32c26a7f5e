//! Agencies as organisations: their public profiles (created by admins, edited by the agency
//! itself or an admin), and the directory from which every public card of a PA names the
//! agency that holds them, with its public contact. Agency profiles are public by design.
//!
//! The directory keeps every agency's contact and the local authorities' names in memory,
//! since match and search answers name an agency on each carer and agencies are few. It is
//! reloaded after a write through this service and otherwise at most [`DIRECTORY_TTL`] old, so
//! a change made through another server shows within that time.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use carematch_domain::vocabulary::Language;
use carematch_domain::{AgencyContact, AgencyId, AgencyProfile, Caller, OfficeHours};
use carematch_matching::gaps::Authorities;
use carematch_matching::{CandidateKind, MatchOutcome, PooledOutcome};
use carematch_store::{Agency, Page, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{CareService, ServiceError};

/// How long the directory is trusted before it is read again.
pub const DIRECTORY_TTL: Duration = Duration::from_secs(30);

/// An agency as everyone sees it: its whole profile, which it publishes to be found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct PublicAgency {
    pub id: AgencyId,
    #[schema(example = "Fernhollow Direct Payments Support")]
    pub name: String,
    /// UK national format.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "0161 496 0123")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "hello@fernhollow.example.org")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "https://fernhollow.example.org")]
    pub website: Option<String>,
    /// Monday first.
    pub office_hours: Vec<OfficeHours>,
    pub staff_languages: Vec<Language>,
    /// GSS codes of the local authorities covered.
    #[schema(example = json!(["E08000003"]))]
    pub areas: Vec<String>,
    /// The names of those of `areas` whose authority is known, by code.
    #[schema(example = json!({"E08000003": "Manchester"}))]
    pub area_names: BTreeMap<String, String>,
    pub description: String,
    /// Send it back as `If-Match` when replacing the profile.
    #[schema(example = 3)]
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

impl PublicAgency {
    fn new(agency: Agency, authorities: &Authorities) -> Self {
        let p = agency.profile;
        let area_names = p
            .areas
            .iter()
            .filter_map(|code| Some((code.clone(), authorities.get(code)?.name.clone())))
            .collect();
        Self {
            id: agency.id,
            name: p.name,
            phone: p.phone,
            email: p.email,
            website: p.website,
            office_hours: p.office_hours,
            staff_languages: p.staff_languages,
            areas: p.areas,
            area_names,
            description: p.description,
            version: agency.version,
            updated_at: agency.updated_at,
        }
    }
}

/// One page of agencies, in id order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AgencyPage {
    pub items: Vec<PublicAgency>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    #[schema(example = 8)]
    pub total: u64,
}

/// Every agency's public contact and the authorities' names, as read at one moment.
#[derive(Debug)]
pub struct Directory {
    contacts: HashMap<AgencyId, AgencyContact>,
    authorities: Authorities,
    /// Goes up whenever a reload finds different contacts; answers built from the directory
    /// (the API's match cache) are keyed by it.
    generation: u64,
    read_at: Instant,
}

impl Directory {
    /// The public contact of an agency; `None` for an unknown one.
    pub fn contact(&self, agency: AgencyId) -> Option<&AgencyContact> {
        self.contacts.get(&agency)
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A local authority's name by GSS code, when the authorities are loaded and know it.
    pub fn area_name(&self, code: &str) -> Option<&str> {
        self.authorities.get(code).map(|a| a.name.as_str())
    }

    /// Names the holding agency on each carer of a match outcome (from the agency id the
    /// matcher kept on each result, so no candidate is looked up again).
    pub fn name_agencies(&self, outcome: &mut MatchOutcome) {
        let teams = outcome.teams.iter_mut().flat_map(|t| t.members.iter_mut());
        for m in outcome.matches.iter_mut().chain(teams) {
            m.agency = self.holder(m.kind, m.holder);
        }
    }

    /// [`Directory::name_agencies`] for a pooled outcome.
    pub fn name_pooled_agencies(&self, outcome: &mut PooledOutcome) {
        for m in &mut outcome.matches {
            m.agency = self.holder(m.kind, m.holder);
        }
    }

    fn holder(&self, kind: CandidateKind, agency: Option<AgencyId>) -> Option<AgencyContact> {
        // Providers publish their own contact; only carers are named with their agency.
        if kind != CandidateKind::Carer {
            return None;
        }
        self.contact(agency?).cloned()
    }
}

/// The directory, reloaded when older than [`DIRECTORY_TTL`] or after a write.
#[derive(Debug, Default)]
pub struct AgencyDirectory {
    current: RwLock<Option<Arc<Directory>>>,
    /// Set by a write through this service: the next reader reads the store.
    stale: AtomicBool,
}

impl AgencyDirectory {
    /// The directory when it is fresh; `None` when it must be read again (a blocking call).
    pub fn fresh(&self) -> Option<Arc<Directory>> {
        if self.stale.load(Ordering::Acquire) {
            return None;
        }
        let current = self.current.read().ok()?.clone()?;
        (current.read_at.elapsed() < DIRECTORY_TTL).then_some(current)
    }

    /// The generation of the directory held now, fresh or not (0 before the first read).
    pub fn generation(&self) -> u64 {
        self.current
            .read()
            .ok()
            .and_then(|c| c.as_ref().map(|d| d.generation))
            .unwrap_or(0)
    }

    /// The directory, read again from the store when stale. Blocking.
    pub fn get(&self, store: &Store) -> Result<Arc<Directory>, StoreError> {
        if let Some(fresh) = self.fresh() {
            return Ok(fresh);
        }
        // Cleared before reading: a write committed during the read sets it again, and the
        // next reader reads once more instead of keeping what this read missed.
        self.stale.store(false, Ordering::Release);
        let contacts: HashMap<AgencyId, AgencyContact> = store
            .list_agencies()?
            .into_iter()
            .map(|a| (a.id, a.profile.contact(a.id)))
            .collect();
        let authorities = store.authorities()?;
        let mut current = self
            .current
            .write()
            .map_err(|_| StoreError::Connect("the agency directory's lock is poisoned".into()))?;
        // Match answers hold contacts only: the generation counts changes of those.
        let generation = match current.as_ref() {
            Some(old) if old.contacts == contacts => old.generation,
            Some(old) => old.generation + 1,
            None => 1,
        };
        let directory = Arc::new(Directory {
            contacts,
            authorities,
            generation,
            read_at: Instant::now(),
        });
        *current = Some(directory.clone());
        Ok(directory)
    }

    /// Marks the directory stale, so that the next reader reads the store (after a write).
    pub fn invalidate(&self) {
        self.stale.store(true, Ordering::Release);
    }
}

fn agency_not_found(id: AgencyId) -> ServiceError {
    ServiceError::NotFound {
        what: "agency",
        id: id.0.to_string(),
    }
}

impl CareService {
    /// The agency directory (reading the store when it is stale). Blocking.
    pub fn agency_directory(&self) -> Result<Arc<Directory>, ServiceError> {
        Ok(self.agencies.get(&self.store)?)
    }

    /// The directory when it needs no database read (so that a caller on an async worker may
    /// use it); `None` otherwise.
    pub fn agency_directory_fresh(&self) -> Option<Arc<Directory>> {
        self.agencies.fresh()
    }

    /// The generation of the directory held now (see [`Directory::generation`]).
    pub fn agency_generation(&self) -> u64 {
        self.agencies.generation()
    }

    /// One agency's public profile.
    pub fn agency(&self, id: AgencyId) -> Result<PublicAgency, ServiceError> {
        let agency = self
            .store
            .get_agency(id)?
            .ok_or_else(|| agency_not_found(id))?;
        let directory = self.agency_directory()?;
        Ok(PublicAgency::new(agency, &directory.authorities))
    }

    /// A page of agencies' public profiles, in id order.
    pub fn agencies(&self, page: Page) -> Result<AgencyPage, ServiceError> {
        let all = self.store.list_agencies()?;
        let total = all.len() as u64;
        let directory = self.agency_directory()?;
        let skip = (page.page.saturating_sub(1) as usize).saturating_mul(page.per_page as usize);
        let items = all
            .into_iter()
            .skip(skip)
            .take(page.per_page as usize)
            .map(|a| PublicAgency::new(a, &directory.authorities))
            .collect();
        Ok(AgencyPage {
            items,
            page: page.page,
            per_page: page.per_page,
            total,
        })
    }

    /// Checks and normalises a profile; areas are also checked against the local authorities
    /// when they are loaded (`unknown_code` for a code they do not list).
    pub fn parse_agency_profile(
        &self,
        profile: AgencyProfile,
    ) -> Result<AgencyProfile, ServiceError> {
        let profile = profile.parse()?;
        let authorities = self.store.authorities()?;
        if !authorities.is_empty() {
            let mut errors = carematch_domain::ValidationErrors::default();
            for (i, code) in profile.areas.iter().enumerate() {
                if authorities.get(code).is_none() {
                    errors.push(
                        format!("areas[{i}]"),
                        "unknown_code",
                        format!("no local authority has the GSS code {code}"),
                    );
                }
            }
            errors.into_result()?;
        }
        Ok(profile)
    }

    /// Stores a new agency (admins only).
    pub fn create_agency(
        &self,
        caller: Caller,
        profile: AgencyProfile,
    ) -> Result<PublicAgency, ServiceError> {
        if caller != Caller::Admin {
            return Err(ServiceError::Forbidden);
        }
        let profile = self.parse_agency_profile(profile)?;
        let agency = self.store.create_agency_with(&profile)?;
        self.agencies.invalidate();
        let directory = self.agency_directory()?;
        Ok(PublicAgency::new(agency, &directory.authorities))
    }

    /// Replaces an agency's profile: the agency itself or an admin (another agency: forbidden).
    /// With `expected_version`, a profile changed meanwhile is a version conflict.
    pub fn update_agency(
        &self,
        caller: Caller,
        id: AgencyId,
        profile: AgencyProfile,
        expected_version: Option<i64>,
    ) -> Result<PublicAgency, ServiceError> {
        if !caller.holds(id) {
            return Err(ServiceError::Forbidden);
        }
        let profile = self.parse_agency_profile(profile)?;
        let agency = self
            .store
            .update_agency(id, &profile, expected_version)
            .map_err(|error| match error {
                StoreError::NotFound {
                    entity: "agency", ..
                } => agency_not_found(id),
                other => other.into(),
            })?;
        self.agencies.invalidate();
        let directory = self.agency_directory()?;
        Ok(PublicAgency::new(agency, &directory.authorities))
    }
}
