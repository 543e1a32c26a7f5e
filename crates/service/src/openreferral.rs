//! The Open Referral UK v3 read API and export: carematch's live providers as services,
//! organisations, locations and services at locations, and its vocabulary as taxonomies.
//! Served from an in-memory catalogue kept in step with the change log ([`catalogue`]);
//! objects are built per page by `carematch_openreferral::publish`. Providers only: PAs are
//! never read here.

pub mod catalogue;
pub mod params;

use std::sync::Arc;

use carematch_domain::{GeoPoint, Provider, ServiceArea};
use carematch_matching::AreaPolygon;
use carematch_openreferral::model::{
    ApiMeta, HSDS_VERSION, Location, Organization, PROFILE_URL, Page, Service, ServiceAtLocation,
    Taxonomy, TaxonomyTerm,
};
use carematch_openreferral::publish::vocabulary::Vocabulary;
use carematch_openreferral::publish::{Listing, MINIMUM_AGE};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::agencies::Directory;
use crate::{CareService, ServiceError};
use catalogue::{Catalogue, Entry, ObjectKind};
pub use params::{PageParams, Paging, ServiceParams, ServiceQuery};

/// A located `postcode` filter: the point and, with `proximity`, the radius in metres.
#[derive(Debug, Clone, Copy)]
struct Near {
    point: GeoPoint,
    proximity_m: Option<f64>,
}

fn not_found(what: &'static str, id: &str) -> ServiceError {
    ServiceError::NotFound {
        what,
        id: id.to_owned(),
    }
}

/// One page of `items` (already in order) by `paging`.
fn page_of<T: Clone>(items: &[T], paging: Paging) -> Page<T> {
    let skip =
        usize::try_from((paging.page - 1).saturating_mul(paging.per_page)).unwrap_or(usize::MAX);
    let take = usize::try_from(paging.per_page).unwrap_or(usize::MAX);
    let contents = items.iter().skip(skip).take(take).cloned().collect();
    Page::new(contents, items.len() as u64, paging.page, paging.per_page)
}

/// Whether a provider's area covers `point`: its radius around its base, its polygon, or
/// anywhere when it works by phone or online.
fn covers(provider: &Provider, point: GeoPoint) -> bool {
    let d = &provider.details;
    d.works_remotely()
        || match &d.service_area {
            ServiceArea::Radius { km } => provider.location.distance_km(point) <= km.get(),
            ServiceArea::Polygon { coordinates } => {
                AreaPolygon::new(coordinates.clone()).is_some_and(|p| p.contains(point))
            }
        }
}

impl ServiceQuery {
    /// Whether the entry passes every filter but the postcode one.
    fn admits(&self, entry: &Entry, vocabulary: &Vocabulary) -> bool {
        if !self.words.iter().all(|w| entry.text.contains(w.as_str())) {
            return false;
        }
        if self.taxonomy_term_id.is_some_and(|t| !entry.has_term(t)) {
            return false;
        }
        if let Some(taxonomy) = self.taxonomy_id {
            let in_taxonomy = entry.terms.iter().any(|t| {
                vocabulary
                    .term(*t)
                    .is_some_and(|term| term.taxonomy_id == Some(taxonomy))
            });
            if !in_taxonomy {
                return false;
            }
        }
        // Every service is for adults from 18, with no upper age (publish::MINIMUM_AGE).
        if self.minimum_age.is_some_and(|age| MINIMUM_AGE < age) || self.maximum_age.is_some() {
            return false;
        }
        if self.day.is_some() || self.start_time.is_some() || self.end_time.is_some() {
            return entry.provider.details.opening_hours.iter().any(|slot| {
                let opens = u32::from(slot.start.quarters()) * 15;
                let closes =
                    u32::from(slot.end.quarters()) * 15 + if slot.overnight { 1440 } else { 0 };
                self.day.is_none_or(|d| d == slot.day)
                    && self.start_time.is_none_or(|t| opens >= t)
                    && self.end_time.is_none_or(|t| closes <= t)
            });
        }
        true
    }
}

impl CareService {
    /// `GET /openreferral/v3/`: the version, the profile and where the OpenAPI document is.
    pub fn openreferral_meta(&self) -> ApiMeta {
        ApiMeta {
            version: HSDS_VERSION.to_owned(),
            profile: PROFILE_URL.to_owned(),
            openapi_url: format!("{}/openapi.json", self.site_url()),
        }
    }

    /// Runs `read` over the catalogue once it reflects every write this process knows of.
    /// Blocking.
    fn with_catalogue<T>(&self, read: impl FnOnce(&Catalogue) -> T) -> Result<T, ServiceError> {
        let target = match self.engine.get() {
            Some(engine) => engine.last_seq(),
            None => self.store.latest_change_seq()?,
        };
        Ok(self.catalogue.read(&self.store, target, read)?)
    }

    fn listing<'a>(
        &self,
        entry: &'a Entry,
        directory: &'a Directory,
        today: NaiveDate,
    ) -> Listing<'a> {
        Listing {
            provider: &entry.provider,
            uuid: entry.uuid,
            agency: entry.provider.agency_id.and_then(|a| directory.contact(a)),
            today,
        }
    }

    /// The entries passing `query`, in order: by distance when a postcode is given, else by
    /// provider id; the page of them built with `build`.
    fn service_page<T>(
        &self,
        query: &ServiceQuery,
        build: impl Fn(&Listing<'_>) -> T,
    ) -> Result<Page<T>, ServiceError> {
        let near = match &query.postcode {
            Some(postcode) => Some(Near {
                point: self.locate(postcode, "postcode")?,
                proximity_m: query.proximity_m,
            }),
            None => None,
        };
        let directory = self.agency_directory()?;
        let today = crate::today();
        let vocabulary = Vocabulary::get();
        self.with_catalogue(|catalogue| {
            let mut hits: Vec<(f64, &Entry)> = catalogue
                .entries()
                .filter(|e| query.admits(e, vocabulary))
                .filter_map(|e| match near {
                    None => Some((0.0, e)),
                    Some(near) => {
                        let metres = e.provider.location.haversine_m(near.point);
                        let within = match near.proximity_m {
                            Some(limit) => metres <= limit,
                            None => covers(&e.provider, near.point),
                        };
                        within.then_some((metres, e))
                    }
                })
                .collect();
            if near.is_some() {
                // Stable: equal distances keep provider id order.
                hits.sort_by(|a, b| a.0.total_cmp(&b.0));
            }
            let paging = query.paging;
            let skip = usize::try_from((paging.page - 1).saturating_mul(paging.per_page))
                .unwrap_or(usize::MAX);
            let take = usize::try_from(paging.per_page).unwrap_or(usize::MAX);
            let contents = hits
                .iter()
                .skip(skip)
                .take(take)
                .map(|(_, e)| build(&self.listing(e, &directory, today)))
                .collect();
            Page::new(contents, hits.len() as u64, paging.page, paging.per_page)
        })
    }

    /// `GET /services`: a page of services in their list form.
    pub fn openreferral_services(
        &self,
        query: &ServiceQuery,
    ) -> Result<Page<Service>, ServiceError> {
        self.service_page(query, |l| l.service_summary())
    }

    /// `GET /service_at_locations`: a page of services at locations in their list form.
    pub fn openreferral_service_at_locations(
        &self,
        query: &ServiceQuery,
    ) -> Result<Page<ServiceAtLocation>, ServiceError> {
        self.service_page(query, |l| l.service_at_location_summary())
    }

    /// The object of `kind` with id `id`, built with `build`; not found for an unknown or
    /// malformed id.
    fn object<T>(
        &self,
        kind: ObjectKind,
        what: &'static str,
        id: &str,
        build: impl FnOnce(&Listing<'_>) -> T,
    ) -> Result<T, ServiceError> {
        let uuid = Uuid::parse_str(id).map_err(|_| not_found(what, id))?;
        let directory = self.agency_directory()?;
        let today = crate::today();
        self.with_catalogue(|catalogue| {
            catalogue
                .find(kind, uuid)
                .map(|entry| build(&self.listing(entry, &directory, today)))
        })?
        .ok_or_else(|| not_found(what, id))
    }

    /// `GET /services/{id}`: the service in full.
    pub fn openreferral_service(&self, id: &str) -> Result<Service, ServiceError> {
        self.object(ObjectKind::Service, "service", id, |l| l.service())
    }

    /// `GET /service_at_locations/{id}`: the service at location in full.
    pub fn openreferral_service_at_location(
        &self,
        id: &str,
    ) -> Result<ServiceAtLocation, ServiceError> {
        self.object(
            ObjectKind::ServiceAtLocation,
            "service_at_location",
            id,
            |l| l.service_at_location(),
        )
    }

    /// `GET /organizations/{id}`: the organisation with its service in full.
    pub fn openreferral_organization(&self, id: &str) -> Result<Organization, ServiceError> {
        self.object(ObjectKind::Organization, "organization", id, |l| {
            let mut organization = l.organization();
            organization.services = vec![l.service()];
            organization
        })
    }

    /// `GET /organizations`: a page of organisations in their list form.
    pub fn openreferral_organizations(
        &self,
        paging: Paging,
    ) -> Result<Page<Organization>, ServiceError> {
        self.service_page(
            &ServiceQuery {
                paging,
                ..ServiceQuery::default()
            },
            |l| {
                let mut organization = l.organization();
                organization.organization_identifiers.clear();
                organization
            },
        )
    }

    /// `GET /taxonomies`: a page of taxonomies, without their terms.
    pub fn openreferral_taxonomies(&self, paging: Paging) -> Page<Taxonomy> {
        let list: Vec<Taxonomy> = Vocabulary::get()
            .taxonomies
            .iter()
            .map(|t| Taxonomy {
                taxonomy_terms: Vec::new(),
                ..t.clone()
            })
            .collect();
        page_of(&list, paging)
    }

    /// `GET /taxonomies/{id}`: a taxonomy with its terms.
    pub fn openreferral_taxonomy(&self, id: &str) -> Result<Taxonomy, ServiceError> {
        Uuid::parse_str(id)
            .ok()
            .and_then(|uuid| Vocabulary::get().taxonomy(uuid))
            .cloned()
            .ok_or_else(|| not_found("taxonomy", id))
    }

    /// `GET /taxonomy_terms`: a page of terms, taxonomy by taxonomy.
    pub fn openreferral_taxonomy_terms(&self, paging: Paging) -> Page<TaxonomyTerm> {
        let terms: Vec<TaxonomyTerm> = Vocabulary::get().terms().cloned().collect();
        page_of(&terms, paging)
    }

    /// `GET /taxonomy_terms/{id}`.
    pub fn openreferral_taxonomy_term(&self, id: &str) -> Result<TaxonomyTerm, ServiceError> {
        Uuid::parse_str(id)
            .ok()
            .and_then(|uuid| Vocabulary::get().term(uuid))
            .cloned()
            .ok_or_else(|| not_found("taxonomy_term", id))
    }

    /// Every published object, provider by provider in id order (for the export). Blocking;
    /// holds the catalogue for reading while `visit` runs.
    pub fn openreferral_each(
        &self,
        mut visit: impl FnMut(Published) -> Result<(), ServiceError>,
    ) -> Result<(), ServiceError> {
        let directory = self.agency_directory()?;
        let today = crate::today();
        self.with_catalogue(|catalogue| {
            catalogue.entries().try_for_each(|entry| {
                let listing = self.listing(entry, &directory, today);
                visit(Published {
                    service: listing.service(),
                    organization: listing.organization(),
                    location: listing.location(),
                    service_at_location: listing.service_at_location(),
                })
            })
        })?
    }

    /// Every taxonomy with its terms (for the export).
    pub fn openreferral_vocabulary(&self) -> Arc<[Taxonomy]> {
        Arc::from(Vocabulary::get().taxonomies.clone())
    }
}

/// What one provider publishes, in full.
#[derive(Debug, Clone)]
pub struct Published {
    pub service: Service,
    pub organization: Organization,
    pub location: Location,
    pub service_at_location: ServiceAtLocation,
}
