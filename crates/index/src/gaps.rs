//! Supply for gap maps: for each area's centroid, how many carers and providers meet a need and
//! can reach it within `max_km`, and how far the nearest one is. Also the H3 hexagons over
//! England and the whole analysis from already-loaded inputs ([`analyse`]).
//!
//! Counting is one pass over every candidate ([`supply_many`]): each is tested against the
//! need(s) (a few bitset ANDs), and one that meets a need is looked up in a dense grid of the
//! area centroids whose cells are `max_km` across, so only the centroids in the nine cells around
//! it are measured. The nearest supplier of a centroid with none within `max_km` comes from a
//! small R-tree of that need's suppliers (or the source's own index for a need most candidates
//! meet). Many needs at once (every language) cost one pass.
//!
//! Who counts, and why: every live carer and provider (deleted records are not in the candidate
//! set), **including carers who have not consented to public listing**. Commissioners plan the
//! market and see only counts per area, never identities, bases or names; leaving out carers who
//! chose not to be listed would understate supply. A provider counts only while its "accepting
//! new clients" flag is set and renewed within 90 days, as in matching.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use carematch_domain::GeoPoint;
use carematch_matching::gaps::{
    Area, AreaKind, Authorities, CensusCounts, DemandBasis, Geometry, NeedSet, Sector, Supply,
};
use carematch_matching::{AreaPolygon, Candidate, CandidateKind, Reach, SideEntry, Viewer};
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
pub(crate) const COMMON_SHARE: f64 = 0.2;

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
        // Commissioners see no personal data: supply is measured from public cells.
        for (c, d) in self.within(point, km, Viewer::Public) {
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

fn add(supply: &mut Supply, kind: CandidateKind) {
    match kind {
        CandidateKind::Carer => supply.carers += 1,
        CandidateKind::Provider => supply.providers += 1,
    }
}

/// Mean km per degree of latitude on the sphere carematch uses.
const KM_PER_DEGREE: f64 = std::f64::consts::PI * carematch_domain::geo::EARTH_RADIUS_M / 180_000.0;

/// The centroids in a dense latitude/longitude grid whose cells are at least `max_km` across, so
/// the centroids within `max_km` of a point are in its cell or the eight around it.
struct CentroidGrid {
    lat0: f64,
    lon0: f64,
    dlat: f64,
    dlon: f64,
    rows: usize,
    cols: usize,
    /// Cell `r * cols + c` holds `items[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
    centroids: Vec<GeoPoint>,
    max_km: f64,
}

impl CentroidGrid {
    fn new(centroids: &[GeoPoint], max_km: f64) -> Self {
        let max_km = max_km.max(1e-6);
        let (mut lat_min, mut lat_max, mut lon_min, mut lon_max) = (
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
        );
        for p in centroids {
            lat_min = lat_min.min(p.lat);
            lat_max = lat_max.max(p.lat);
            lon_min = lon_min.min(p.lon);
            lon_max = lon_max.max(p.lon);
        }
        if centroids.is_empty() {
            (lat_min, lat_max, lon_min, lon_max) = (0.0, 0.0, 0.0, 0.0);
        }
        // A degree of longitude is shortest at the highest latitude a match can have.
        let dlat = max_km / KM_PER_DEGREE * 1.01;
        let top = (lat_max.abs().max(lat_min.abs()) + dlat).min(89.0);
        let dlon = (max_km / (KM_PER_DEGREE * top.to_radians().cos()) * 1.1).min(360.0);
        let rows = (((lat_max - lat_min) / dlat).floor() as usize + 1).min(1 << 12);
        let cols = (((lon_max - lon_min) / dlon).floor() as usize + 1).min(1 << 12);
        let cell_of = |p: &GeoPoint| {
            let r = (((p.lat - lat_min) / dlat).floor() as usize).min(rows - 1);
            let c = (((p.lon - lon_min) / dlon).floor() as usize).min(cols - 1);
            r * cols + c
        };
        let mut counts = vec![0u32; rows * cols + 1];
        for p in centroids {
            counts[cell_of(p) + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let starts = counts.clone();
        let mut fill = counts;
        let mut items = vec![0u32; centroids.len()];
        for (i, p) in centroids.iter().enumerate() {
            let cell = cell_of(p);
            items[fill[cell] as usize] = u32::try_from(i).unwrap_or(u32::MAX);
            fill[cell] += 1;
        }
        Self {
            lat0: lat_min,
            lon0: lon_min,
            dlat,
            dlon,
            rows,
            cols,
            starts,
            items,
            centroids: centroids.to_vec(),
            max_km,
        }
    }

    /// Calls `f(centroid index, km)` for every centroid within `max_km` of `p`.
    #[inline]
    fn near(&self, p: GeoPoint, mut f: impl FnMut(usize, f64)) {
        let r = ((p.lat - self.lat0) / self.dlat).floor();
        let c = ((p.lon - self.lon0) / self.dlon).floor();
        if r < -1.0 || c < -1.0 || r > self.rows as f64 || c > self.cols as f64 {
            return;
        }
        let (r, c) = (r as i64, c as i64);
        for row in (r - 1).max(0)..=(r + 1).min(self.rows as i64 - 1) {
            let base = row as usize * self.cols;
            let c0 = (c - 1).max(0) as usize;
            let c1 = (c + 1).min(self.cols as i64 - 1);
            if c1 < 0 {
                continue;
            }
            let lo = self.starts[base + c0] as usize;
            let hi = self.starts[base + c1 as usize + 1] as usize;
            for &i in &self.items[lo..hi] {
                let centroid = self.centroids[i as usize];
                // The latitude difference alone bounds the distance from below: a cheap reject
                // before the haversine.
                if (centroid.lat - p.lat).abs() * KM_PER_DEGREE > self.max_km * 1.000_001 {
                    continue;
                }
                let km = p.distance_km(centroid);
                if km <= self.max_km {
                    f(i as usize, km);
                }
            }
        }
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
    supply_many(source, std::slice::from_ref(need), centroids, max_km, today)
        .pop()
        .unwrap_or_default()
}

/// [`supply`] for several needs in one pass over the candidates (`result[n][area]`).
///
/// Each candidate is tested against every need (a few bitset ANDs each); one that meets any is
/// looked up in a grid of the centroids, and each centroid within `max_km` gets its nearest
/// distance and, when the candidate reaches it, a count for every need met. Centroids with no
/// supplier meeting a need within `max_km` then get their nearest one from a small R-tree of
/// that need's suppliers (or, for a need most candidates meet, from the source's index).
pub fn supply_many<S: SupplySource + ?Sized>(
    source: &S,
    needs: &[NeedSet],
    centroids: &[GeoPoint],
    max_km: f64,
    today: i32,
) -> Vec<Vec<Supply>> {
    let grid = CentroidGrid::new(centroids, max_km);
    let mut supplies = vec![vec![Supply::default(); centroids.len()]; needs.len()];
    let mut nearest = vec![vec![f64::INFINITY; centroids.len()]; needs.len()];
    let keep_limit = (COMMON_SHARE * source.count() as f64) as usize;
    // Per need, the suppliers' positions (for the nearest-supplier fallback), until too many.
    let mut points: Vec<Option<Vec<GeoPoint>>> = vec![Some(Vec::new()); needs.len()];
    let mut met: Vec<usize> = Vec::with_capacity(needs.len());
    source.each(&mut |c, side| {
        met.clear();
        met.extend((0..needs.len()).filter(|n| needs[*n].met_by(c, today)));
        if met.is_empty() {
            return;
        }
        let location = c.location();
        for n in &met {
            if let Some(list) = &mut points[*n] {
                if list.len() >= keep_limit {
                    points[*n] = None;
                } else {
                    list.push(location);
                }
            }
        }
        grid.near(location, |area, km| {
            let reaches = reaches(c.reach(), side.area.as_ref(), centroids[area], km, max_km);
            for n in &met {
                let best = &mut nearest[*n][area];
                *best = best.min(km);
                if reaches {
                    add(&mut supplies[*n][area], c.kind());
                }
            }
        });
    });
    for (n, need) in needs.iter().enumerate() {
        let unresolved: Vec<usize> = (0..centroids.len())
            .filter(|a| nearest[n][*a].is_infinite())
            .collect();
        if !unresolved.is_empty() {
            match points[n].take() {
                Some(list) if list.is_empty() => {}
                Some(list) => {
                    let tree = RTree::bulk_load(
                        list.iter()
                            .map(|p| SpherePoint::new(p.unit_vector(), 0))
                            .collect(),
                    );
                    for a in &unresolved {
                        let centre = centroids[*a].unit_vector();
                        if let Some((_, d2)) =
                            tree.nearest_neighbor_iter_with_distance_2(centre).next()
                        {
                            nearest[n][*a] = km_for_chord(d2.sqrt());
                        }
                    }
                }
                None => {
                    for a in &unresolved {
                        let best = &mut nearest[n][*a];
                        source.each_within(centroids[*a], NEAREST_CAP_KM, &mut |c, _, km| {
                            if need.met_by(c, today) {
                                *best = best.min(km);
                            }
                        });
                    }
                }
            }
        }
        for (supply, km) in supplies[n].iter_mut().zip(&nearest[n]) {
            supply.nearest_km = (*km <= NEAREST_CAP_KM).then_some(*km);
        }
    }
    supplies
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

/// Feeds what locating a point in `areas` depends on (codes, centroids, and boundaries: ring
/// lengths and every vertex) to `h`.
pub(crate) fn hash_areas(areas: &[Area], h: &mut impl Hasher) {
    for a in areas {
        a.code.hash(h);
        a.centroid.lat.to_bits().hash(h);
        a.centroid.lon.to_bits().hash(h);
        match &a.geometry {
            None => 0u8.hash(h),
            Some(g) => {
                for polygon in g.polygons() {
                    for ring in polygon {
                        ring.len().hash(h);
                        for p in ring {
                            p[0].to_bits().hash(h);
                            p[1].to_bits().hash(h);
                        }
                    }
                }
            }
        }
    }
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
    /// Postcode sectors (every nation; those outside the analysed authorities are left out).
    pub sectors: Vec<Sector>,
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
    let sectors = store.postcode_sectors()?;
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
        sectors,
    })
}

/// The question a gap report answers.
#[derive(Debug, Clone)]
pub struct GapQuery {
    pub need: NeedSet,
    pub max_km: f64,
    pub by: AreaKind,
    pub basis: DemandBasis,
    /// Today's day number (`carematch_matching::day_number`).
    pub today: i32,
}

mod layout;
mod points;

pub use layout::{analyse, analyse_many, sector_assignment};

#[cfg(test)]
mod sector_tests;
#[cfg(test)]
mod tests;
