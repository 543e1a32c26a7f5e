//! Supply for gap maps: for each area's centroid, how many carers and providers meet a need and
//! can reach it within `max_km`, and how far the nearest one is. Also the H3 hexagons over
//! England and the whole analysis from already-loaded inputs ([`analyse`]).
//!
//! Counting runs in two passes. One linear pass over every candidate keeps those who meet the
//! need (a few bitset ANDs each: about 2 ms per million). When they are a small share of all
//! candidates, they get their own small R-tree on the unit sphere and every centroid is
//! queried there, with the nearest supplier from the same tree; when the need is common
//! (English, say), the main index is queried instead, filtering hits on the need.
//!
//! Who counts, and why: every live carer and provider (deleted records are not in the candidate
//! set), **including carers who have not consented to public listing**. Commissioners plan the
//! market and see only counts per area, never identities, bases or names; leaving out carers who
//! chose not to be listed would understate supply. A provider counts only while its "accepting
//! new clients" flag is set and renewed within 90 days, as in matching.

use std::collections::HashMap;

use carematch_domain::GeoPoint;
use carematch_domain::gaps::{
    Area, AreaKind, Authorities, CensusCounts, Demand, DemandBasis, GapReport, Geometry, NeedSet,
    Supply, census_caveats, locate_area, plan_demand,
};
use carematch_domain::geo::chord_for_km;
use carematch_domain::matching::{AreaPolygon, Candidate, CandidateKind, Reach, SideEntry};
use h3o::{CellIndex, LatLng, Resolution};
use rstar::RTree;

use crate::engine::Snapshot;
use crate::geo::{CandidateSet, SpherePoint, km_for_chord};

/// The nearest supplier is searched for up to this far from a centroid; beyond it
/// `nearest_km` is `null`.
pub const NEAREST_CAP_KM: f64 = 150.0;

/// H3 resolution of `by=hex`: resolution 6 cells are about 36 km² (edge about 3.7 km), some
/// 3,700 of them over England: fine enough to show a town's gap, coarse enough that a cell is
/// never one street.
pub const HEX_RESOLUTION: Resolution = Resolution::Six;

/// Above this share of all candidates meeting the need, the main index is queried instead of
/// building a tree of those who meet it.
const COMMON_SHARE: f64 = 0.2;

/// What supply is counted from: the API's engine snapshot or a plain [`CandidateSet`].
pub trait SupplySource {
    /// How many live candidates there are.
    fn count(&self) -> usize;
    /// Calls `f` with every live candidate.
    fn each(&self, f: &mut dyn FnMut(&Candidate, &SideEntry));
    /// Calls `f` with every live candidate whose base is within `km` of `point`, and its
    /// distance.
    fn each_within(&self, point: GeoPoint, km: f64, f: &mut dyn FnMut(&Candidate, &SideEntry, f64));
}

impl SupplySource for CandidateSet {
    fn count(&self) -> usize {
        self.len()
    }

    fn each(&self, f: &mut dyn FnMut(&Candidate, &SideEntry)) {
        let roster = self.roster();
        for (slot, candidate) in (0u32..).zip(roster.candidates()) {
            if let Some(side) = roster.side(slot) {
                f(candidate, side);
            }
        }
    }

    fn each_within(
        &self,
        point: GeoPoint,
        km: f64,
        f: &mut dyn FnMut(&Candidate, &SideEntry, f64),
    ) {
        let roster = self.roster();
        for (slot, d) in self.geo().within(point, km) {
            if let (Some(c), Some(side)) = (roster.get(slot), roster.side(slot)) {
                f(c, side, d);
            }
        }
    }
}

impl SupplySource for Snapshot {
    fn count(&self) -> usize {
        self.len()
    }

    fn each(&self, f: &mut dyn FnMut(&Candidate, &SideEntry)) {
        for c in self.iter() {
            f(c.candidate, c.side);
        }
    }

    fn each_within(
        &self,
        point: GeoPoint,
        km: f64,
        f: &mut dyn FnMut(&Candidate, &SideEntry, f64),
    ) {
        for (c, d) in self.within(point, km) {
            f(c.candidate, c.side, d);
        }
    }
}

/// Whether a candidate at `km` from `point` reaches it: within its own travel or service
/// radius, or (a provider's polygon) inside the polygon; and within `max_km` of its base.
fn reaches(
    reach: Reach,
    area: Option<&AreaPolygon>,
    point: GeoPoint,
    km: f64,
    max_km: f64,
) -> bool {
    km <= max_km
        && match reach {
            Reach::Radius(r) => km <= r,
            Reach::Polygon { bound_km } => {
                km <= bound_km && area.is_some_and(|a| a.contains(point))
            }
        }
}

/// A candidate who meets the need, with what counting and reach read.
struct Qualified {
    location: GeoPoint,
    kind: CandidateKind,
    reach: Reach,
    area: Option<AreaPolygon>,
}

fn add(supply: &mut Supply, kind: CandidateKind) {
    match kind {
        CandidateKind::Carer => supply.carers += 1,
        CandidateKind::Provider => supply.providers += 1,
    }
}

/// Supply at each centroid: suppliers meeting `need` (on day number `today`) who reach it within
/// `max_km`, and the distance to the nearest supplier meeting the need whether or not it
/// reaches (up to [`NEAREST_CAP_KM`]).
pub fn supply<S: SupplySource + ?Sized>(
    source: &S,
    need: &NeedSet,
    centroids: &[GeoPoint],
    max_km: f64,
    today: i32,
) -> Vec<Supply> {
    let total = source.count();
    let mut points: Vec<SpherePoint> = Vec::new();
    let mut qualified: Vec<Qualified> = Vec::new();
    source.each(&mut |c, side| {
        if need.met_by(c, today) {
            let slot = u32::try_from(qualified.len()).unwrap_or(u32::MAX);
            points.push(SpherePoint::new(c.location().unit_vector(), slot));
            qualified.push(Qualified {
                location: c.location(),
                kind: c.kind(),
                reach: c.reach(),
                area: match c.reach() {
                    Reach::Polygon { .. } => side.area.clone(),
                    Reach::Radius(_) => None,
                },
            });
        }
    });
    if qualified.is_empty() {
        return vec![Supply::default(); centroids.len()];
    }
    if total > 0 && qualified.len() as f64 > COMMON_SHARE * total as f64 {
        return common_supply(source, need, centroids, max_km, today);
    }
    let tree = RTree::bulk_load(points);
    let chord = chord_for_km(max_km.max(0.0)) * (1.0 + 1e-9);
    centroids
        .iter()
        .map(|centroid| {
            let centre = centroid.unit_vector();
            let mut supply = Supply::default();
            let mut nearest = f64::INFINITY;
            for hit in tree.locate_within_distance(centre, chord * chord) {
                let Some(q) = qualified.get(hit.data as usize) else {
                    continue;
                };
                let km = q.location.distance_km(*centroid);
                nearest = nearest.min(km);
                if reaches(q.reach, q.area.as_ref(), *centroid, km, max_km) {
                    add(&mut supply, q.kind);
                }
            }
            if nearest.is_infinite()
                && let Some((_, d2)) = tree.nearest_neighbor_iter_with_distance_2(centre).next()
            {
                let km = km_for_chord(d2.sqrt());
                if km <= NEAREST_CAP_KM {
                    nearest = km;
                }
            }
            supply.nearest_km = nearest.is_finite().then_some(nearest);
            supply
        })
        .collect()
}

/// Supply for a need most candidates meet: query the source's own index.
fn common_supply<S: SupplySource + ?Sized>(
    source: &S,
    need: &NeedSet,
    centroids: &[GeoPoint],
    max_km: f64,
    today: i32,
) -> Vec<Supply> {
    centroids
        .iter()
        .map(|centroid| {
            let mut supply = Supply::default();
            let mut nearest = f64::INFINITY;
            source.each_within(*centroid, max_km, &mut |c, side, km| {
                if need.met_by(c, today) {
                    nearest = nearest.min(km);
                    if reaches(c.reach(), side.area.as_ref(), *centroid, km, max_km) {
                        add(&mut supply, c.kind());
                    }
                }
            });
            if nearest.is_infinite() {
                source.each_within(*centroid, NEAREST_CAP_KM, &mut |c, _, km| {
                    if need.met_by(c, today) {
                        nearest = nearest.min(km);
                    }
                });
            }
            supply.nearest_km = nearest.is_finite().then_some(nearest);
            supply
        })
        .collect()
}

/// The analysed authorities as areas, with their boundaries when known.
pub fn authority_areas(
    authorities: &Authorities,
    boundaries: &HashMap<String, Geometry>,
) -> Vec<Area> {
    authorities
        .analysed()
        .into_iter()
        .filter_map(|a| {
            Some(Area::new(
                a.gss.clone(),
                a.name.clone(),
                a.region.clone(),
                a.centroid?,
                boundaries.get(&a.gss).cloned(),
            ))
        })
        .collect()
}

/// The H3 cells (at [`HEX_RESOLUTION`]) whose centres lie inside one of `authorities`'
/// boundaries, each named after its authority; `parent[i]` is the index in `authorities` of
/// cell `i`'s authority. Cells are found by sampling the boundaries' bounding box on a grid
/// finer than a cell, so none is missed.
pub fn hex_areas(authorities: &[Area]) -> (Vec<Area>, Vec<usize>) {
    let Some(bbox) = authorities
        .iter()
        .filter_map(|a| a.geometry.as_ref().and_then(Geometry::bbox))
        .reduce(|a, b| {
            [
                a[0].min(b[0]),
                a[1].min(b[1]),
                a[2].max(b[2]),
                a[3].max(b[3]),
            ]
        })
    else {
        return (Vec::new(), Vec::new());
    };
    // Resolution 6 cells have an inradius of about 3 km: sample every ~1.5 km.
    let step_lat = 0.0135;
    let mid = ((bbox[1] + bbox[3]) / 2.0).to_radians().cos().max(0.1);
    let step_lon = step_lat / mid;
    let mut cells: Vec<CellIndex> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut lat = bbox[1];
    while lat <= bbox[3] + step_lat {
        let mut lon = bbox[0];
        while lon <= bbox[2] + step_lon {
            if let Ok(ll) = LatLng::new(lat, lon) {
                let cell = ll.to_cell(HEX_RESOLUTION);
                if seen.insert(cell) {
                    cells.push(cell);
                }
            }
            lon += step_lon;
        }
        lat += step_lat;
    }
    cells.sort_unstable();
    let mut areas = Vec::new();
    let mut parents = Vec::new();
    for cell in cells {
        let centre = LatLng::from(cell);
        let Ok(point) = GeoPoint::new(centre.lat(), centre.lng()) else {
            continue;
        };
        let Some(parent) = authorities.iter().position(|a| a.contains(point)) else {
            continue;
        };
        let mut ring: Vec<[f64; 2]> = cell.boundary().iter().map(|v| [v.lng(), v.lat()]).collect();
        if let Some(first) = ring.first().copied() {
            ring.push(first);
        }
        let authority = &authorities[parent];
        areas.push(Area::new(
            cell.to_string(),
            authority.name.clone(),
            authority.region.clone(),
            point,
            Some(Geometry::Polygon {
                coordinates: vec![ring],
            }),
        ));
        parents.push(parent);
    }
    (areas, parents)
}

/// Everything a gap report reads besides the candidates, loaded by the caller.
#[derive(Debug, Clone, Default)]
pub struct GapInputs {
    pub authorities: Authorities,
    pub boundaries: HashMap<String, Geometry>,
    /// Census counts rolled up to current authorities.
    pub census: CensusCounts,
    /// Locations of saved plans that list the need.
    pub plan_locations: Vec<GeoPoint>,
}

/// No local authorities have been imported: there is nothing to draw a map over.
#[derive(Debug, thiserror::Error)]
pub enum GapInputError {
    #[error(
        "no local authorities have been imported: run `carematch import authorities FILE` (and \
         `import boundaries`, `import census`) first"
    )]
    NoAuthorities,
    #[error(transparent)]
    Store(#[from] carematch_store::StoreError),
}

/// Loads what a report on `need` with `basis` demand reads: authorities, boundaries, and either
/// the census counts the need's terms read or the locations of saved plans listing it.
pub fn load_inputs(
    store: &carematch_store::Store,
    need: &NeedSet,
    basis: DemandBasis,
) -> Result<GapInputs, GapInputError> {
    let authorities = store.authorities()?;
    if authorities.analysed().is_empty() {
        return Err(GapInputError::NoAuthorities);
    }
    let boundaries = store.boundaries()?;
    let (census, plan_locations) = match basis {
        DemandBasis::Census => (
            store.census_counts(&authorities, &need.census_categories())?,
            Vec::new(),
        ),
        DemandBasis::Plans => (CensusCounts::new(), store.plan_locations(need)?),
    };
    Ok(GapInputs {
        authorities,
        boundaries,
        census,
        plan_locations,
    })
}

/// The question a gap report answers.
#[derive(Debug, Clone)]
pub struct GapQuery {
    pub need: NeedSet,
    pub max_km: f64,
    pub by: AreaKind,
    pub basis: DemandBasis,
    /// Today's day number (`carematch_domain::matching::day_number`).
    pub today: i32,
}

/// A whole gap report: areas, demand, supply and severity.
pub fn analyse<S: SupplySource + ?Sized>(
    source: &S,
    inputs: &GapInputs,
    query: &GapQuery,
) -> GapReport {
    let authority_list = authority_areas(&inputs.authorities, &inputs.boundaries);
    let census_demand: Vec<Demand> = authority_list
        .iter()
        .map(|a| inputs.census.demand(&query.need, &a.code))
        .collect();
    let (areas, demand) = match query.by {
        AreaKind::LocalAuthority => {
            let demand = match query.basis {
                DemandBasis::Census => census_demand,
                DemandBasis::Plans => plan_demand(
                    authority_list.len(),
                    inputs.plan_locations.iter().copied(),
                    |p| locate_area(&authority_list, p),
                ),
            };
            (authority_list, demand)
        }
        AreaKind::Hex => {
            let (hexes, parents) = hex_areas(&authority_list);
            let demand = match query.basis {
                DemandBasis::Census => {
                    // Spread each authority's figure evenly over its cells.
                    let mut cells_per = vec![0u64; authority_list.len()];
                    for p in &parents {
                        cells_per[*p] += 1;
                    }
                    parents
                        .iter()
                        .map(|p| match census_demand[*p] {
                            Demand::Count(n) => Demand::Count(
                                (n as f64 / cells_per[*p].max(1) as f64).round() as u64,
                            ),
                            other => other,
                        })
                        .collect()
                }
                DemandBasis::Plans => {
                    let index: HashMap<&str, usize> = hexes
                        .iter()
                        .enumerate()
                        .map(|(i, a)| (a.code.as_str(), i))
                        .collect();
                    let cell_of = |p: GeoPoint| {
                        let cell = LatLng::new(p.lat, p.lon).ok()?.to_cell(HEX_RESOLUTION);
                        index.get(cell.to_string().as_str()).copied()
                    };
                    plan_demand(hexes.len(), inputs.plan_locations.iter().copied(), cell_of)
                }
            };
            (hexes, demand)
        }
    };
    let centroids: Vec<GeoPoint> = areas.iter().map(|a| a.centroid).collect();
    let supply = supply(source, &query.need, &centroids, query.max_km, query.today);
    let caveats = match query.basis {
        DemandBasis::Census => census_caveats(&query.need),
        DemandBasis::Plans => Vec::new(),
    };
    GapReport::build(
        query.need.clone(),
        query.max_km,
        query.by,
        query.basis,
        caveats,
        areas,
        &demand,
        &supply,
    )
}

#[cfg(test)]
mod tests;
