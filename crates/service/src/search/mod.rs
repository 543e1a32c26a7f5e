//! `GET /v1/search`: free text in any script, vocabulary filters, an optional radius around a
//! postcode or a point, facet counts, and privacy-reduced public views.
//!
//! Two paths, same answers:
//! - **Text index only** (no radius; anonymous or admin callers): tantivy pages, counts and
//!   facets over every match.
//! - **Engine** (a radius, or an agency caller who also sees its own unlisted carers): the
//!   in-memory candidates the viewer sees within the radius (from the R-tree) that pass the
//!   filters come first; with text, the text index scores those records only
//!   ([`Engine::search_among`]), so every local record that matches is found, however common the
//!   words are nationally. Totals, pages and facets are exact over what is left.

mod facets;
mod params;

use carematch_domain::vocabulary::{
    Code, CodeSet, Community, Cuisine, DietaryLaw, FaithPractice, Language, ProviderKind, Service,
};
use carematch_domain::{
    AgencyContact, Caller, CarerId, Contact, GeoPoint, ProviderId, ValidationErrors,
};
use carematch_index::engine::{CandidateRef, Facts, candidate_kind, doc_kind};
use carematch_index::text::{DocKind, Filters, Members, SearchQuery};
use carematch_index::{Engine, View};
use carematch_matching::{CandidateKind, Viewer};
use carematch_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

pub use params::{DEFAULT_RADIUS_KM, MAX_PER_PAGE, MAX_RADIUS_KM, SearchRequest};

use crate::ServiceError;
use crate::agencies::Directory;
use facets::{facets_of, text_facets};

/// How many records have a code.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FacetCount {
    #[schema(example = "yue")]
    pub code: String,
    #[schema(example = 12)]
    pub count: u64,
}

/// Counts over every result (not just this page), most frequent first.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct SearchFacets {
    pub language: Vec<FacetCount>,
    pub service: Vec<FacetCount>,
    pub kind: Vec<FacetCount>,
    pub cuisine: Vec<FacetCount>,
    pub diet: Vec<FacetCount>,
}

/// A public view of a carer or a provider. Carers: display name (`Mei L.`), outward code only,
/// never contact details, family name, exact location, gender or faith.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchItem {
    pub kind: CandidateKind,
    pub id: i64,
    /// A carer's display name (given name and initial) or a provider's name.
    #[schema(example = "Mei L.")]
    pub name: String,
    /// The outward code of the base postcode (`M13`), never more.
    #[schema(example = "M13")]
    pub outward_postcode: String,
    pub languages: Vec<Language>,
    pub cuisines: Vec<Cuisine>,
    pub diets: Vec<DietaryLaw>,
    pub faith_practices: Vec<FaithPractice>,
    pub services: Vec<Service>,
    /// From the search centre, when one was given: rounded to 0.5 km for carers seen by the
    /// public, 0.1 km otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Providers: what kind of organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_kind: Option<ProviderKind>,
    /// Providers: their description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Providers: communities they focus on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub communities: Vec<Community>,
    /// Providers: taking new clients (the flag lapses after 90 days unless renewed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepting_new_clients: Option<bool>,
    /// Providers: people may refer themselves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_referral: Option<bool>,
    /// Providers: published organisation contact details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Carers: the agency that holds the PA, with its public contact (never the PA's own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyContact>,
}

/// One page of search results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchPage {
    pub items: Vec<SearchItem>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 20)]
    pub per_page: u32,
    /// Results across all pages.
    #[schema(example = 42)]
    pub total: u64,
    pub facets: SearchFacets,
}

/// A result before its public view is read: kind, id, distance.
type Found = (CandidateKind, i64, Option<f64>);

/// The viewer a caller searches as: commissioners see what the public sees.
pub fn search_viewer(caller: Caller) -> Viewer {
    match caller {
        Caller::Anonymous
        | Caller::Commissioner
        | Caller::Organisation(_)
        | Caller::Moderator
        | Caller::Pa { .. } => Viewer::Public,
        Caller::Agency(agency) => Viewer::Agency(agency),
        Caller::Admin => Viewer::Admin,
    }
}

impl crate::CareService {
    /// One page of search results with facet counts, as `viewer` sees them. Blocking: the
    /// postcode and each result's view are read from the store.
    pub fn search(
        &self,
        request: SearchRequest,
        viewer: Viewer,
    ) -> Result<SearchPage, ServiceError> {
        let directory = self.agency_directory()?;
        run(self.engine()?, &self.store, &directory, request, viewer)
    }
}

fn run(
    engine: &Engine,
    store: &Store,
    directory: &Directory,
    mut params: SearchRequest,
    viewer: Viewer,
) -> Result<SearchPage, ServiceError> {
    let centre = match (&params.postcode, params.point) {
        (Some(postcode), _) => match store.locate(postcode)? {
            Some(located) => Some(located.point),
            None => {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "postcode",
                    "unknown_postcode",
                    format!("`{}` is not a known postcode", postcode.as_str()),
                );
                return Err(errors.into());
            }
        },
        (None, point) => point,
    };
    let radius = centre.map(|_| params.radius_km.unwrap_or(DEFAULT_RADIUS_KM));
    let filters = Filters {
        kind: params.kind,
        languages: std::mem::take(&mut params.languages),
        cuisines: std::mem::take(&mut params.cuisines),
        diets: std::mem::take(&mut params.diets),
        faith_practices: std::mem::take(&mut params.practices),
        services: std::mem::take(&mut params.services),
        public_only: viewer == Viewer::Public,
        agency: None,
    };
    let per_page = params.per_page as usize;
    let offset = (params.page as usize - 1) * per_page;
    let (found, total, facets) = match (centre.zip(radius), viewer) {
        (None, Viewer::Public | Viewer::Admin) => {
            let results = engine.search(&SearchQuery {
                q: params.q.clone(),
                filters,
                limit: per_page,
                offset,
            })?;
            let found: Vec<Found> = results
                .hits
                .iter()
                .map(|hit| (candidate_kind(hit.kind), hit.id, None))
                .collect();
            let facets = text_facets(&results.facets);
            (found, results.total as u64, facets)
        }
        (area, viewer) => {
            // One view: the records within the area and the text they are scored on come from
            // the same publication.
            let view = engine.view();
            let all = engine_results(engine, &view, params.q.as_deref(), &filters, area, viewer)?;
            let facets = facets_of(all.iter().map(|r| (r.found.0, r.facts)));
            let total = all.len() as u64;
            (page_of(all, offset, per_page), total, facets)
        }
    };
    let mut items = Vec::with_capacity(found.len());
    for (kind, id, distance) in found {
        let distance = distance.map(|d| match (kind, viewer) {
            (CandidateKind::Carer, Viewer::Public) => (d * 2.0).round() / 2.0,
            _ => (d * 10.0).round() / 10.0,
        });
        if let Some(item) = view(store, directory, kind, id, distance)? {
            items.push(item);
        }
    }
    Ok(SearchPage {
        items,
        page: params.page,
        per_page: params.per_page,
        total,
        facets,
    })
}

/// A result of the engine path with what its order and facets need.
struct Ranked<'s> {
    found: Found,
    facts: &'s Facts,
    /// The text score; equal for every result when there is no text.
    score: f32,
}

/// Best text score first, then nearest, then kind and id: the same request always gives the
/// same order.
fn order(a: &Ranked<'_>, b: &Ranked<'_>) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then(
            a.found
                .2
                .unwrap_or(0.0)
                .total_cmp(&b.found.2.unwrap_or(0.0)),
        )
        .then(a.found.0.cmp(&b.found.0))
        .then(a.found.1.cmp(&b.found.1))
}

/// The results `offset..offset + per_page` in [`order`], without sorting the rest (a dense
/// city can hold 100,000 results; a page needs the first few).
fn page_of(mut all: Vec<Ranked<'_>>, offset: usize, per_page: usize) -> Vec<Found> {
    if offset >= all.len() {
        return Vec::new();
    }
    let end = offset.saturating_add(per_page);
    if end < all.len() {
        all.select_nth_unstable_by(end, order);
        all.truncate(end);
    }
    all.sort_unstable_by(order);
    all.into_iter().skip(offset).map(|r| r.found).collect()
}

/// Every result of the engine path, in no particular order (see [`order`]): the live records
/// the viewer sees that pass the filters and lie within the area, and, when there is text, those
/// of them matching it. The area is applied first, from the R-tree: a text query is evaluated on
/// those records only ([`Engine::search_among`]), so every local match is found however many
/// records match nationally.
fn engine_results<'s>(
    engine: &Engine,
    view: &'s View,
    q: Option<&str>,
    filters: &Filters,
    area: Option<(GeoPoint, f64)>,
    viewer: Viewer,
) -> Result<Vec<Ranked<'s>>, ServiceError> {
    let wanted = Wanted::of(filters);
    let shown = |c: &CandidateRef<'_>| {
        viewer.sees(c.candidate) && wanted.admits(c.candidate.kind(), c.facts)
    };
    let ranked = |c: CandidateRef<'s>, distance: Option<f64>, score: f32| Ranked {
        found: (c.candidate.kind(), c.candidate.id(), distance),
        facts: c.facts,
        score,
    };
    let snapshot = view.snapshot();
    let candidates: Vec<(CandidateRef<'s>, Option<f64>)> = match area {
        Some((centre, radius)) => snapshot
            .within(centre, radius, viewer)
            .filter(|(c, _)| shown(c))
            .map(|(c, d)| (c, Some(d)))
            .collect(),
        None => snapshot.iter().filter(shown).map(|c| (c, None)).collect(),
    };
    let Some(q) = q else {
        return Ok(candidates
            .into_iter()
            .map(|(c, d)| ranked(c, d, 0.0))
            .collect());
    };
    let records: Vec<(DocKind, i64)> = candidates
        .iter()
        .map(|(c, _)| (doc_kind(c.candidate.kind()), c.candidate.id()))
        .collect();
    let matched = engine.search_among(view, q, &Members::new(&records))?;
    Ok(matched
        .hits
        .iter()
        .filter_map(|hit| {
            let (c, d) = candidates.get(hit.position as usize)?;
            Some(ranked(*c, *d, hit.score))
        })
        .collect())
}

/// The filters as bitsets.
struct Wanted {
    kind: Option<CandidateKind>,
    languages: CodeSet<Language>,
    cuisines: CodeSet<Cuisine>,
    diets: CodeSet<DietaryLaw>,
    practices: CodeSet<FaithPractice>,
    services: CodeSet<Service>,
}

fn set<T: Code>(codes: &[T]) -> CodeSet<T> {
    let mut set = CodeSet::EMPTY;
    for code in codes {
        set.insert(*code);
    }
    set
}

impl Wanted {
    fn of(filters: &Filters) -> Self {
        Self {
            kind: filters.kind.map(candidate_kind),
            languages: set(&filters.languages),
            cuisines: set(&filters.cuisines),
            diets: set(&filters.diets),
            practices: set(&filters.faith_practices),
            services: set(&filters.services),
        }
    }

    fn admits(&self, kind: CandidateKind, facts: &Facts) -> bool {
        self.kind.is_none_or(|k| k == kind)
            && facts.languages.contains_all(self.languages)
            && facts.cuisines.contains_all(self.cuisines)
            && facts.diets.contains_all(self.diets)
            && facts.practices.contains_all(self.practices)
            && facts.services.contains_all(self.services)
    }
}

/// The public view of one record, read from the store; `None` when it has gone meanwhile.
fn view(
    store: &Store,
    directory: &Directory,
    kind: CandidateKind,
    id: i64,
    distance_km: Option<f64>,
) -> Result<Option<SearchItem>, ServiceError> {
    Ok(match kind {
        CandidateKind::Carer => store.get_carer(CarerId(id))?.map(|carer| {
            let d = &carer.details;
            SearchItem {
                kind,
                id,
                name: d.display_name(),
                outward_postcode: d.postcode.outward().as_str().to_owned(),
                languages: d.languages.iter().map(|l| l.code).collect(),
                cuisines: d.cuisines.clone(),
                diets: d.dietary_laws.clone(),
                faith_practices: d.faith_practices.clone(),
                services: d.services.clone(),
                distance_km,
                provider_kind: None,
                description: None,
                communities: Vec::new(),
                accepting_new_clients: None,
                self_referral: None,
                contact: None,
                agency: directory.contact(carer.agency_id).cloned(),
            }
        }),
        CandidateKind::Provider => store.get_provider(ProviderId(id))?.map(|provider| {
            let today = chrono::Utc::now().date_naive();
            let accepting = provider.details.accepting_on(today);
            let d = provider.details;
            SearchItem {
                kind,
                id,
                name: d.name,
                outward_postcode: d.postcode.outward().as_str().to_owned(),
                languages: d.staff_languages,
                cuisines: d.cuisines,
                diets: d.dietary_laws,
                faith_practices: d.faith_practices,
                services: d.services,
                distance_km,
                provider_kind: Some(d.kind),
                description: Some(d.description),
                communities: d.communities,
                accepting_new_clients: Some(accepting),
                self_referral: Some(d.self_referral),
                contact: Some(d.contact),
                agency: None,
            }
        }),
    })
}
