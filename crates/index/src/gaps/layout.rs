//! The areas of a report and where supply is measured: authorities at their postcode sectors
//! (demand spread over the sectors by postcode count), sectors themselves, or hexagons.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use carematch_domain::GeoPoint;
use carematch_matching::gaps::{
    Area, AreaKind, Coverage, Demand, DemandBasis, GapReport, NeedSet, Sector, assign_sectors,
    census_caveats, locate_area, plan_demand, spread,
};
use h3o::LatLng;

use super::points::supply_points;
use super::{
    GapInputs, GapQuery, HEX_RESOLUTION, SupplySource, authority_areas, hex_areas, supply,
};

/// The caveat every sector-measured report carries.
pub const SECTOR_PROXY_CAVEAT: &str = "where people live: each authority's census figure is \
     spread over its postcode sectors in proportion to their number of postcodes (a proxy for \
     where residents live: the counts include business and terminated postcodes), and supply is \
     tested at each sector's centroid";

/// The last sector assignment computed, by a fingerprint of its inputs: reports on the same
/// authorities, boundaries and sectors reuse it instead of testing every sector against every
/// boundary again.
type Assignment = Arc<Vec<Option<usize>>>;
static ASSIGNED: Mutex<Option<(u64, Assignment)>> = Mutex::new(None);

fn fingerprint(authorities: &[Area], sectors: &[Sector]) -> u64 {
    let mut h = DefaultHasher::new();
    super::hash_areas(authorities, &mut h);
    for s in sectors {
        s.code.hash(&mut h);
        s.centroid.lat.to_bits().hash(&mut h);
        s.centroid.lon.to_bits().hash(&mut h);
    }
    h.finish()
}

/// The authority (index in `authorities`) of each sector ([`assign_sectors`]), cached for the
/// last inputs seen.
pub fn sector_assignment(authorities: &[Area], sectors: &[Sector]) -> Assignment {
    let key = fingerprint(authorities, sectors);
    if let Ok(guard) = ASSIGNED.lock()
        && let Some((k, found)) = guard.as_ref()
        && *k == key
    {
        return Arc::clone(found);
    }
    let computed = Arc::new(assign_sectors(authorities, sectors));
    if let Ok(mut guard) = ASSIGNED.lock() {
        *guard = Some((key, Arc::clone(&computed)));
    }
    computed
}

/// Where supply is measured for authorities: their sectors, or the centroid of an authority
/// with none.
struct Points {
    centroids: Vec<GeoPoint>,
    /// A sector code, or the authority's GSS code for its centroid.
    codes: Vec<String>,
    weights: Vec<u64>,
    group: Vec<u32>,
    /// Per authority: its points, and how many of them are sectors.
    members: Vec<Vec<usize>>,
    sectors: Vec<u32>,
}

impl Points {
    fn new(authorities: &[Area], sectors: &[Sector]) -> Self {
        let assigned = sector_assignment(authorities, sectors);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); authorities.len()];
        let mut points = Self {
            centroids: Vec::new(),
            codes: Vec::new(),
            weights: Vec::new(),
            group: Vec::new(),
            members: Vec::new(),
            sectors: vec![0; authorities.len()],
        };
        let mut push = |points: &mut Self, code: &str, at: GeoPoint, weight: u64, a: usize| {
            members[a].push(points.centroids.len());
            points.centroids.push(at);
            points.codes.push(code.to_owned());
            points.weights.push(weight);
            points.group.push(u32::try_from(a).unwrap_or(u32::MAX));
        };
        for (sector, a) in sectors.iter().zip(assigned.iter()) {
            if let Some(a) = *a {
                push(
                    &mut points,
                    &sector.code,
                    sector.centroid,
                    sector.n_postcodes,
                    a,
                );
                points.sectors[a] += 1;
            }
        }
        for (a, area) in authorities.iter().enumerate() {
            if points.sectors[a] == 0 {
                push(&mut points, &area.code, area.centroid, 1, a);
            }
        }
        points.members = members;
        points
    }

    /// Authorities measured at their centroid for want of sectors.
    fn without_sectors(&self) -> usize {
        self.sectors.iter().filter(|n| **n == 0).count()
    }
}

/// Demand per authority and per point (the true count before suppression; `None` unknown).
struct PointDemand {
    authorities: Vec<Demand>,
    points: Vec<Option<u64>>,
}

/// The areas of a report, and where supply is measured.
struct Layout {
    authorities: Vec<Area>,
    kind: Kind,
}

enum Kind {
    /// Authorities or sectors, measured at the sectors.
    Points(Points),
    /// Hexagons, and the authority (index in `authorities`) of each.
    Hex(Vec<Area>, Vec<usize>),
}

impl Layout {
    fn new(inputs: &GapInputs, by: AreaKind) -> Self {
        let authorities = authority_areas(&inputs.authorities, &inputs.boundaries);
        let kind = match by {
            AreaKind::Hex => {
                let (areas, parents) = hex_areas(&authorities);
                Kind::Hex(areas, parents)
            }
            AreaKind::LocalAuthority | AreaKind::Sector => {
                Kind::Points(Points::new(&authorities, &inputs.sectors))
            }
        };
        Self { authorities, kind }
    }

    /// Census demand per authority, spread over its points by postcode count (largest
    /// remainder, so the points add up to the authority's figure exactly).
    fn census_points(&self, points: &Points, inputs: &GapInputs, need: &NeedSet) -> PointDemand {
        let authorities: Vec<Demand> = self
            .authorities
            .iter()
            .map(|a| inputs.census.demand(need, &a.code))
            .collect();
        let mut per_point = vec![None; points.centroids.len()];
        for (a, members) in points.members.iter().enumerate() {
            if let Demand::Count(n) = authorities[a] {
                let weights: Vec<u64> = members.iter().map(|i| points.weights[*i]).collect();
                for (i, part) in members.iter().zip(spread(n, &weights)) {
                    per_point[*i] = Some(part);
                }
            }
        }
        PointDemand {
            authorities,
            points: per_point,
        }
    }

    /// Saved plans: each in the authority whose boundary contains it (else the nearest
    /// centroid), and there at the nearest of the authority's points.
    fn plan_points(&self, points: &Points, locations: &[GeoPoint]) -> PointDemand {
        let mut per_point = vec![0u64; points.centroids.len()];
        for p in locations {
            let Some(a) = locate_area(&self.authorities, *p) else {
                continue;
            };
            let nearest = points.members[a].iter().min_by(|x, y| {
                p.distance_km(points.centroids[**x])
                    .total_cmp(&p.distance_km(points.centroids[**y]))
            });
            if let Some(i) = nearest {
                per_point[*i] += 1;
            }
        }
        let authorities = points
            .members
            .iter()
            .map(|m| Demand::from_plans(m.iter().map(|i| per_point[*i]).sum()))
            .collect();
        PointDemand {
            authorities,
            points: per_point.into_iter().map(Some).collect(),
        }
    }

    /// Hexagons: census demand spread evenly over an authority's cells (rounded).
    fn hex_census(&self, parents: &[usize], inputs: &GapInputs, need: &NeedSet) -> Vec<Demand> {
        let by_authority: Vec<Demand> = self
            .authorities
            .iter()
            .map(|a| inputs.census.demand(need, &a.code))
            .collect();
        let mut cells_per = vec![0u64; self.authorities.len()];
        for p in parents {
            cells_per[*p] += 1;
        }
        parents
            .iter()
            .map(|p| match by_authority[*p] {
                Demand::Count(n) => {
                    Demand::Count((n as f64 / cells_per[*p].max(1) as f64).round() as u64)
                }
                other => other,
            })
            .collect()
    }
}

/// Hexagons: plans land in their own cell.
fn hex_plans(areas: &[Area], locations: &[GeoPoint]) -> Vec<Demand> {
    let index: HashMap<&str, usize> = areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.code.as_str(), i))
        .collect();
    let cell_of = |p: GeoPoint| {
        let cell = LatLng::new(p.lat, p.lon).ok()?.to_cell(HEX_RESOLUTION);
        index.get(cell.to_string().as_str()).copied()
    };
    plan_demand(areas.len(), locations.iter().copied(), cell_of)
}

fn caveats(need: &NeedSet, basis: DemandBasis, points: Option<&Points>) -> Vec<String> {
    let mut out = match basis {
        DemandBasis::Census => census_caveats(need),
        DemandBasis::Plans => Vec::new(),
    };
    if let Some(points) = points {
        out.push(SECTOR_PROXY_CAVEAT.to_owned());
        let missing = points.without_sectors();
        if missing > 0 {
            out.push(format!(
                "{missing} authorities have no postcode sectors loaded: their supply is tested \
                 at their centroid only (run `carematch import sectors` or `import postcodes`)"
            ));
        }
    }
    out
}

/// Reports over points (authorities or sectors) for each need, from one pass of supply.
fn point_reports<S: SupplySource + ?Sized>(
    source: &S,
    inputs: &GapInputs,
    layout: &Layout,
    points: &Points,
    needs: &[NeedSet],
    question: (f64, AreaKind, DemandBasis, i32),
) -> Vec<GapReport> {
    let (max_km, by, basis, today) = question;
    let supplies = supply_points(
        source,
        needs,
        &points.centroids,
        &points.group,
        layout.authorities.len(),
        max_km,
        today,
        by == AreaKind::Sector,
    );
    let sector_areas: Vec<Area> = match by {
        AreaKind::Sector => (0..points.centroids.len())
            .map(|i| {
                let a = &layout.authorities[points.group[i] as usize];
                Area::new(
                    points.codes[i].clone(),
                    a.name.clone(),
                    a.region.clone(),
                    points.centroids[i],
                    None,
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    needs
        .iter()
        .zip(supplies)
        .map(|(need, supply)| {
            let demand = match basis {
                DemandBasis::Census => layout.census_points(points, inputs, need),
                DemandBasis::Plans => layout.plan_points(points, &inputs.plan_locations),
            };
            let caveats = caveats(need, basis, Some(points));
            if by == AreaKind::Sector {
                let coverage: Vec<Coverage> = (0..points.centroids.len())
                    .map(|i| {
                        let g = points.group[i] as usize;
                        let total: u64 = points.members[g].iter().map(|m| points.weights[*m]).sum();
                        Coverage {
                            authority: Some(layout.authorities[g].code.clone()),
                            demand_share: Some(if total == 0 {
                                0.0
                            } else {
                                (points.weights[i] as f64 / total as f64 * 1e4).round() / 1e4
                            }),
                            ..Coverage::default()
                        }
                    })
                    .collect();
                let point_demand: Vec<Demand> = demand
                    .points
                    .iter()
                    .map(|d| match (basis, d) {
                        (_, None) => Demand::Unknown,
                        (DemandBasis::Plans, Some(n)) => Demand::from_plans(*n),
                        (DemandBasis::Census, Some(n)) => Demand::Count(*n),
                    })
                    .collect();
                return GapReport::build(
                    need.clone(),
                    max_km,
                    by,
                    basis,
                    caveats,
                    sector_areas.clone(),
                    &point_demand,
                    &supply.points,
                    &coverage,
                );
            }
            let coverage: Vec<Coverage> = points
                .members
                .iter()
                .enumerate()
                .map(|(a, members)| Coverage {
                    in_reach: Some(
                        members
                            .iter()
                            .filter(|i| supply.points[**i].total() > 0)
                            .map(|i| demand.points[*i].unwrap_or(0))
                            .sum(),
                    ),
                    sectors: Some(points.sectors[a]),
                    ..Coverage::default()
                })
                .collect();
            GapReport::build(
                need.clone(),
                max_km,
                by,
                basis,
                caveats,
                layout.authorities.clone(),
                &demand.authorities,
                &supply.groups,
                &coverage,
            )
        })
        .collect()
}

/// A whole gap report: areas, demand, supply and severity.
pub fn analyse<S: SupplySource + ?Sized>(
    source: &S,
    inputs: &GapInputs,
    query: &GapQuery,
) -> GapReport {
    let layout = Layout::new(inputs, query.by);
    match &layout.kind {
        Kind::Points(points) => point_reports(
            source,
            inputs,
            &layout,
            points,
            std::slice::from_ref(&query.need),
            (query.max_km, query.by, query.basis, query.today),
        )
        .pop()
        .unwrap_or_else(|| unreachable_empty(query)),
        Kind::Hex(areas, parents) => {
            let demand = match query.basis {
                DemandBasis::Census => layout.hex_census(parents, inputs, &query.need),
                DemandBasis::Plans => hex_plans(areas, &inputs.plan_locations),
            };
            let centroids: Vec<GeoPoint> = areas.iter().map(|a| a.centroid).collect();
            let supply = supply(source, &query.need, &centroids, query.max_km, query.today);
            GapReport::build(
                query.need.clone(),
                query.max_km,
                query.by,
                query.basis,
                caveats(&query.need, query.basis, None),
                areas.clone(),
                &demand,
                &supply,
                &[],
            )
        }
    }
}

/// An empty report (`point_reports` returns one per need, so this is never reached).
fn unreachable_empty(query: &GapQuery) -> GapReport {
    GapReport::build(
        query.need.clone(),
        query.max_km,
        query.by,
        query.basis,
        Vec::new(),
        Vec::new(),
        &[],
        &[],
        &[],
    )
}

/// Census-demand reports by local authority (measured at their sectors) for many needs at once
/// (every language, say): the sectors are laid out once and supply is counted in one pass over
/// the candidates.
pub fn analyse_many<S: SupplySource + ?Sized>(
    source: &S,
    inputs: &GapInputs,
    needs: &[NeedSet],
    max_km: f64,
    today: i32,
) -> Vec<GapReport> {
    let layout = Layout::new(inputs, AreaKind::LocalAuthority);
    let Kind::Points(points) = &layout.kind else {
        return Vec::new();
    };
    point_reports(
        source,
        inputs,
        &layout,
        points,
        needs,
        (max_km, AreaKind::LocalAuthority, DemandBasis::Census, today),
    )
}
