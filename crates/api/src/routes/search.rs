//! `GET /v1/search`: free text in any script, vocabulary filters, an optional radius around a
//! postcode or a point, facet counts, and privacy-reduced public views.
//!
//! Two paths, same answers:
//! - **Text index only** (no radius; anonymous or admin callers): tantivy pages, counts and
//!   facets over every match.
//! - **Engine** (a radius, or an agency caller who also sees its own unlisted carers): the text
//!   hits (at most [`MAX_TEXT_HITS`], best first; every live record when `q` is blank) are checked
//!   against the in-memory candidates for visibility, filters and distance; counts and facets are
//!   computed over what is left.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, get, web};
use carematch_domain::vocabulary::{
    Code, CodeSet, Community, Cuisine, DietaryLaw, FaithPractice, Language, ProviderKind, Service,
};
use carematch_domain::{
    Caller, CarerId, Contact, GeoPoint, Postcode, ProviderId, ValidationErrors,
};
use carematch_index::engine::{Facts, candidate_kind, doc_kind};
use carematch_index::text::{self, DocKind, Filters, SearchQuery};
use carematch_index::{Engine, Snapshot};
use carematch_matching::{CandidateKind, Viewer};
use carematch_store::Store;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(search);
}

/// The largest `per_page`.
pub const MAX_PER_PAGE: u32 = 100;
/// Radius when a location is given without `radius_km`.
pub const DEFAULT_RADIUS_KM: f64 = 10.0;
/// The largest `radius_km`.
pub const MAX_RADIUS_KM: f64 = 200.0;
/// With a radius (or for agencies), at most this many text hits are considered.
pub const MAX_TEXT_HITS: usize = text::MAX_OFFSET + text::MAX_LIMIT;

/// The documented query parameters.
mod doc {
    use carematch_matching::CandidateKind;
    use utoipa::IntoParams;

    /// Query parameters (documentation; parsing is by hand so that lists may repeat).
    #[derive(Debug, IntoParams)]
    #[into_params(parameter_in = Query)]
    #[expect(
        dead_code,
        reason = "documents the parameters; parsed by `parse_params`"
    )]
    pub struct SearchParams {
        /// Free text in any script: names, bios, labels and autonyms (`Cantonese`, `廣東話`, `halal`).
        q: Option<String>,
        /// Centre of the radius: a postcode (full, sector or outward code known to the gazetteer).
        postcode: Option<String>,
        /// Centre of the radius: latitude (with `lon`), instead of `postcode`.
        #[param(minimum = -90.0, maximum = 90.0)]
        lat: Option<f64>,
        /// Centre of the radius: longitude (with `lat`).
        #[param(minimum = -180.0, maximum = 180.0)]
        lon: Option<f64>,
        /// Radius in km around the centre, 0.1 to 200 (default 10); needs a centre.
        #[param(minimum = 0.1, maximum = 200.0)]
        radius_km: Option<f64>,
        /// Language codes (ISO 639-3), repeatable or comma-separated; every one is required.
        language: Option<Vec<String>>,
        /// Cuisine codes, repeatable or comma-separated.
        cuisine: Option<Vec<String>>,
        /// Dietary-law codes, repeatable or comma-separated.
        diet: Option<Vec<String>>,
        /// Faith-practice codes, repeatable or comma-separated.
        faith_practice: Option<Vec<String>>,
        /// Service codes, repeatable or comma-separated.
        service: Option<Vec<String>>,
        /// `carer` or `provider`; both when left out.
        #[param(value_type = Option<CandidateKind>)]
        kind: Option<String>,
        /// 1-based page (default 1); at most 10,000 results can be skipped.
        #[param(value_type = Option<i64>, minimum = 1, maximum = 4294967295_i64)]
        page: Option<u32>,
        /// Results per page, 1 to 100 (default 20).
        #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
        per_page: Option<u32>,
    }
}

/// Parsed and validated parameters.
#[derive(Debug, Default)]
struct Params {
    q: Option<String>,
    postcode: Option<Postcode>,
    point: Option<GeoPoint>,
    radius_km: Option<f64>,
    languages: Vec<Language>,
    cuisines: Vec<Cuisine>,
    diets: Vec<DietaryLaw>,
    practices: Vec<FaithPractice>,
    services: Vec<Service>,
    kind: Option<DocKind>,
    page: u32,
    per_page: u32,
}

fn codes<T: Code>(name: &str, values: &[String], errors: &mut ValidationErrors) -> Vec<T> {
    let mut out = Vec::new();
    for value in values {
        for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            match T::parse(code) {
                Ok(code) if !out.contains(&code) => out.push(code),
                Ok(_) => {}
                Err(error) => errors.push(name, "unknown_code", error.to_string()),
            }
        }
    }
    out
}

fn number<T: std::str::FromStr>(
    name: &str,
    value: Option<&String>,
    errors: &mut ValidationErrors,
) -> Option<T> {
    let value = value?;
    match value.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(name, "invalid_format", format!("`{value}` is not a number"));
            None
        }
    }
}

fn parse_params(pairs: Vec<(String, String)>) -> Result<Params, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut lists: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut single: BTreeMap<&'static str, String> = BTreeMap::new();
    const LISTS: [&str; 5] = ["language", "cuisine", "diet", "faith_practice", "service"];
    const SINGLE: [&str; 8] = [
        "q",
        "postcode",
        "lat",
        "lon",
        "radius_km",
        "kind",
        "page",
        "per_page",
    ];
    for (name, value) in pairs {
        if let Some(list) = LISTS.iter().find(|l| **l == name) {
            lists.entry(list).or_default().push(value);
        } else if let Some(key) = SINGLE.iter().find(|s| **s == name) {
            if single.insert(key, value).is_some() {
                errors.push(name, "duplicate", "give this parameter once");
            }
        } else {
            errors.push(name, "unknown_parameter", "not a search parameter");
        }
    }
    let list = |name: &str| lists.get(name).cloned().unwrap_or_default();
    let mut params = Params {
        q: single
            .get("q")
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty()),
        languages: codes("language", &list("language"), &mut errors),
        cuisines: codes("cuisine", &list("cuisine"), &mut errors),
        diets: codes("diet", &list("diet"), &mut errors),
        practices: codes("faith_practice", &list("faith_practice"), &mut errors),
        services: codes("service", &list("service"), &mut errors),
        page: 1,
        per_page: 20,
        ..Params::default()
    };
    if let Some(kind) = single.get("kind") {
        match kind.parse::<DocKind>() {
            Ok(kind) => params.kind = Some(kind),
            Err(error) => errors.push("kind", "unknown_code", error.to_string()),
        }
    }
    if let Some(page) = number::<u32>("page", single.get("page"), &mut errors) {
        if page == 0 {
            errors.push("page", "out_of_range", "pages start at 1");
        }
        params.page = page.max(1);
    }
    if let Some(per_page) = number::<u32>("per_page", single.get("per_page"), &mut errors) {
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            errors.push("per_page", "out_of_range", "must be from 1 to 100");
        }
        params.per_page = per_page.clamp(1, MAX_PER_PAGE);
    }
    if (params.page as usize - 1) * params.per_page as usize > text::MAX_OFFSET {
        errors.push(
            "page",
            "out_of_range",
            format!("at most {} results can be skipped", text::MAX_OFFSET),
        );
    }
    if let Some(postcode) = single.get("postcode") {
        match Postcode::parse(postcode) {
            Ok(postcode) => params.postcode = Some(postcode),
            Err(error) => errors.push("postcode", "invalid_format", error.to_string()),
        }
    }
    let lat = number::<f64>("lat", single.get("lat"), &mut errors);
    let lon = number::<f64>("lon", single.get("lon"), &mut errors);
    match (lat, lon) {
        (Some(lat), Some(lon)) => {
            if !(-90.0..=90.0).contains(&lat) {
                errors.push("lat", "out_of_range", "must be from -90 to 90");
            } else if !(-180.0..=180.0).contains(&lon) {
                errors.push("lon", "out_of_range", "must be from -180 to 180");
            } else {
                params.point = Some(GeoPoint { lat, lon });
            }
        }
        (Some(_), None) => errors.push("lon", "required", "give `lon` with `lat`"),
        (None, Some(_)) => errors.push("lat", "required", "give `lat` with `lon`"),
        (None, None) => {}
    }
    if single.contains_key("postcode") && (single.contains_key("lat") || single.contains_key("lon"))
    {
        errors.push(
            "postcode",
            "conflict",
            "give a postcode or `lat` and `lon`, not both",
        );
    }
    if let Some(radius) = number::<f64>("radius_km", single.get("radius_km"), &mut errors) {
        if !(radius.is_finite() && (0.1..=MAX_RADIUS_KM).contains(&radius)) {
            errors.push("radius_km", "out_of_range", "must be from 0.1 to 200");
        } else if !single.contains_key("postcode") && !single.contains_key("lat") {
            errors.push(
                "radius_km",
                "required",
                "give a centre (`postcode`, or `lat` and `lon`) with `radius_km`",
            );
        }
        params.radius_km = Some(radius);
    }
    errors.into_result().map(|()| params)
}

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

/// Search carers and providers by text, vocabulary and distance.
#[utoipa::path(
    tag = "search",
    params(doc::SearchParams),
    description = "Free text in any script (`Cantonese`, `yue`, `廣東話` all find Cantonese \
                   speakers; small misspellings are forgiven), vocabulary filters (each list \
                   repeatable or comma-separated; every code given is required), an optional \
                   radius around a postcode or `lat`/`lon`, one page of results and facet counts \
                   over all of them. Anonymous callers see publicly listed carers and providers as \
                   public views (display name, outward code, codes; never contact details, family \
                   name or location); agencies also see their own unlisted carers. Bad or unknown \
                   parameters are 422, naming the parameter (also a NUL or an empty value other \
                   than `q`); a parameter that cannot be read at all (not UTF-8 once \
                   percent-decoded) is 400, naming it too.",
    responses(
        (status = 200, description = "One page of results with facet counts", body = SearchPage,
            example = json!({"items": [{"kind": "carer", "id": 12, "name": "Mei L.", "outward_postcode": "M13",
                "languages": ["yue", "eng"], "cuisines": ["cantonese"], "diets": [], "faith_practices": [],
                "services": ["meal_preparation", "personal_care"], "distance_km": 1.5}],
                "page": 1, "per_page": 20, "total": 1,
                "facets": {"language": [{"code": "eng", "count": 1}, {"code": "yue", "count": 1}],
                    "service": [{"code": "meal_preparation", "count": 1}], "kind": [{"code": "carer", "count": 1}],
                    "cuisine": [{"code": "cantonese", "count": 1}], "diet": []}})),
        (status = 400, description = "A parameter that cannot be read, named in `details[].field`", body = ErrorBody,
            example = json!({"error": {"code": "bad_request", "message": "the query string cannot be read: `q` (the value is not UTF-8 once percent-decoded)",
                "details": [{"field": "q", "code": "invalid_encoding", "reason": "the value is not UTF-8 once percent-decoded"}]}})),
        (status = 401, description = "A key was sent but is not valid", body = ErrorBody),
        (status = 422, description = "A bad parameter, named in `details[].field`", body = ErrorBody,
            example = json!({"error": {"code": "validation_failed", "message": "some fields are invalid",
                "details": [{"field": "language", "code": "unknown_code", "reason": "`xx` is not a known language code"}]}})),
        (status = 429, description = "Too many requests", body = ErrorBody),
        (status = 503, description = "The indexes are still loading", body = ErrorBody)
    )
)]
#[get("/search")]
pub async fn search(
    state: web::Data<AppState>,
    auth: Authenticated,
    request: HttpRequest,
) -> Result<web::Json<SearchPage>, ApiError> {
    let pairs = web::Query::<Vec<(String, String)>>::from_query(request.query_string())
        .map_err(|error| ApiError::BadRequest(format!("malformed query string: {error}")))?
        .into_inner();
    let params = parse_params(pairs)?;
    let viewer = match auth.0 {
        Caller::Anonymous | Caller::Commissioner => Viewer::Public,
        Caller::Agency(agency) => Viewer::Agency(agency),
        Caller::Admin => Viewer::Admin,
    };
    let engine = state.engine()?.clone();
    let store = state.store.clone();
    let page = web::block(move || run(&engine, &store, params, viewer)).await??;
    Ok(web::Json(page))
}

/// A result before its public view is read: kind, id, distance.
type Found = (CandidateKind, i64, Option<f64>);

fn run(
    engine: &Engine,
    store: &Store,
    mut params: Params,
    viewer: Viewer,
) -> Result<SearchPage, ApiError> {
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
            let results = engine
                .search(&SearchQuery {
                    q: params.q.clone(),
                    filters,
                    limit: per_page,
                    offset,
                })
                .map_err(|error| ApiError::Internal(error.to_string()))?;
            let found: Vec<Found> = results
                .hits
                .iter()
                .map(|hit| (candidate_kind(hit.kind), hit.id, None))
                .collect();
            let facets = text_facets(&results.facets);
            (found, results.total as u64, facets)
        }
        (area, viewer) => {
            let snapshot = engine.snapshot();
            let all = engine_results(
                engine,
                &snapshot,
                params.q.as_deref(),
                filters,
                area,
                viewer,
            )?;
            let facets = facets_of(&snapshot, &all);
            let total = all.len() as u64;
            let page = all.into_iter().skip(offset).take(per_page).collect();
            (page, total, facets)
        }
    };
    let mut items = Vec::with_capacity(found.len());
    for (kind, id, distance) in found {
        let distance = distance.map(|d| match (kind, viewer) {
            (CandidateKind::Carer, Viewer::Public) => (d * 2.0).round() / 2.0,
            _ => (d * 10.0).round() / 10.0,
        });
        if let Some(item) = view(store, kind, id, distance)? {
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

/// Every result of the engine path, in order: best text score first, or nearest first (no
/// text), or kind and id.
fn engine_results(
    engine: &Engine,
    snapshot: &Snapshot,
    q: Option<&str>,
    filters: Filters,
    area: Option<(GeoPoint, f64)>,
    viewer: Viewer,
) -> Result<Vec<Found>, ApiError> {
    let wanted = Wanted::of(&filters);
    let keep = |kind: CandidateKind, id: i64| -> Option<Option<f64>> {
        let found = snapshot.get(kind, id)?;
        if !viewer.sees(found.candidate) || !wanted.admits(kind, found.facts) {
            return None;
        }
        match area {
            Some((centre, radius)) => {
                let d = viewer.point_of(found.candidate).distance_km(centre);
                (d <= radius).then_some(Some(d))
            }
            None => Some(None),
        }
    };
    if let Some(q) = q {
        let mut found = Vec::new();
        let mut offset = 0;
        let filters = Filters {
            public_only: false,
            ..filters
        };
        while offset < MAX_TEXT_HITS {
            let results = engine
                .search(&SearchQuery {
                    q: Some(q.to_owned()),
                    filters: filters.clone(),
                    limit: text::MAX_LIMIT,
                    offset,
                })
                .map_err(|error| ApiError::Internal(error.to_string()))?;
            for hit in &results.hits {
                let kind = candidate_kind(hit.kind);
                if let Some(distance) = keep(kind, hit.id) {
                    found.push((kind, hit.id, distance));
                }
            }
            offset += text::MAX_LIMIT;
            if results.hits.len() < text::MAX_LIMIT || offset >= results.total {
                break;
            }
        }
        return Ok(found);
    }
    let mut found: Vec<Found> = match area {
        Some((centre, radius)) => snapshot
            .within(centre, radius, viewer)
            .filter(|(c, _)| viewer.sees(c.candidate) && wanted.admits(c.candidate.kind(), c.facts))
            .map(|(c, d)| (c.candidate.kind(), c.candidate.id(), Some(d)))
            .collect(),
        None => snapshot
            .iter()
            .filter(|c| viewer.sees(c.candidate) && wanted.admits(c.candidate.kind(), c.facts))
            .map(|c| (c.candidate.kind(), c.candidate.id(), None))
            .collect(),
    };
    found.sort_by(|a, b| {
        a.2.unwrap_or(0.0)
            .total_cmp(&b.2.unwrap_or(0.0))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    Ok(found)
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

fn sorted_counts(counts: BTreeMap<&'static str, u64>) -> Vec<FacetCount> {
    let mut counts: Vec<FacetCount> = counts
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(code, count)| FacetCount {
            code: code.to_owned(),
            count,
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    counts
}

fn count_codes<T: Code>(counts: &mut BTreeMap<&'static str, u64>, set: CodeSet<T>) {
    for code in set.iter() {
        *counts.entry(code.code()).or_default() += 1;
    }
}

/// Facet counts over every result of the engine path.
fn facets_of(snapshot: &Snapshot, found: &[Found]) -> SearchFacets {
    let mut kind = BTreeMap::new();
    let mut language = BTreeMap::new();
    let mut service = BTreeMap::new();
    let mut cuisine = BTreeMap::new();
    let mut diet = BTreeMap::new();
    for (k, id, _) in found {
        let Some(c) = snapshot.get(*k, *id) else {
            continue;
        };
        *kind.entry(doc_kind(*k).code()).or_default() += 1;
        count_codes(&mut language, c.facts.languages);
        count_codes(&mut service, c.facts.services);
        count_codes(&mut cuisine, c.facts.cuisines);
        count_codes(&mut diet, c.facts.diets);
    }
    SearchFacets {
        language: sorted_counts(language),
        service: sorted_counts(service),
        kind: sorted_counts(kind),
        cuisine: sorted_counts(cuisine),
        diet: sorted_counts(diet),
    }
}

fn text_facets(facets: &text::Facets) -> SearchFacets {
    let convert = |counts: &[(String, u64)]| {
        counts
            .iter()
            .map(|(code, count)| FacetCount {
                code: code.clone(),
                count: *count,
            })
            .collect()
    };
    SearchFacets {
        language: convert(&facets.language),
        service: convert(&facets.service),
        kind: convert(&facets.kind),
        cuisine: convert(&facets.cuisine),
        diet: convert(&facets.diet),
    }
}

/// The public view of one record, read from the store; `None` when it has gone meanwhile.
fn view(
    store: &Store,
    kind: CandidateKind,
    id: i64,
    distance_km: Option<f64>,
) -> Result<Option<SearchItem>, ApiError> {
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
            }
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn lists_may_repeat_or_use_commas() {
        let params = parse_params(pairs("language=yue,cmn&language=eng&service=personal_care"))
            .expect("valid");
        assert_eq!(
            params.languages,
            [
                Language::parse("yue"),
                Language::parse("cmn"),
                Language::parse("eng")
            ]
            .map(|l| l.expect("code"))
        );
        assert_eq!(params.services.len(), 1);
    }

    #[test]
    fn bad_parameters_are_named() {
        let errors = parse_params(pairs(
            "language=xx&per_page=500&kind=robot&radius_km=5&lat=1&colour=red",
        ))
        .expect_err("invalid");
        let fields: Vec<&str> = errors.fields().collect();
        for field in ["language", "per_page", "kind", "lon", "colour"] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
    }
}
