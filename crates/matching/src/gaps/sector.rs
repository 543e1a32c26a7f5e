//! Postcode sectors as the places people live: each sector is given to one local authority, and
//! an authority's census figure is spread over its sectors in proportion to their postcode
//! counts (a proxy for where residents live; see `docs/gaps.md`, "Where people live").

use carematch_domain::geo::GeoPoint;

use super::area::Area;

/// A postcode sector (`BS5 0`): its centroid and how many postcodes it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Sector {
    pub code: String,
    pub centroid: GeoPoint,
    /// Postcodes in the sector, terminated and non-residential ones included.
    pub n_postcodes: u64,
}

/// A sector whose centroid lies outside every boundary (a coastal sector cut off by the
/// generalised coastline) still belongs to the nearest boundary when that boundary is at most
/// this far away; further out it is in another nation (Wales, Scotland) and left out.
pub const SEA_MARGIN_KM: f64 = 3.0;

/// For an authority imported without a boundary, sectors whose centroid is at most this far from
/// its centroid (and in no boundary) are given to it.
pub const CENTROID_ONLY_KM: f64 = 15.0;

/// Km per degree of latitude on carematch's sphere.
const KM_PER_DEGREE: f64 = std::f64::consts::PI * carematch_domain::geo::EARTH_RADIUS_M / 180_000.0;

/// Km from `p` to the segment `a`-`b` (`[lon, lat]`), on a local flat projection (exact enough
/// at a few km, which is all [`SEA_MARGIN_KM`] asks).
fn segment_km(p: GeoPoint, a: [f64; 2], b: [f64; 2]) -> f64 {
    let kx = KM_PER_DEGREE * p.lat.to_radians().cos();
    let (ax, ay) = ((a[0] - p.lon) * kx, (a[1] - p.lat) * KM_PER_DEGREE);
    let (bx, by) = ((b[0] - p.lon) * kx, (b[1] - p.lat) * KM_PER_DEGREE);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (ax + t * dx, ay + t * dy);
    (x * x + y * y).sqrt()
}

/// Km from `p` to the nearest edge of `area`'s boundary, when the boundary's box comes within
/// `limit_km` of it.
fn boundary_km(area: &Area, p: GeoPoint, limit_km: f64) -> Option<f64> {
    let geometry = area.geometry.as_ref()?;
    let bbox = geometry.bbox()?;
    let dlat = limit_km / KM_PER_DEGREE;
    let dlon = dlat / p.lat.to_radians().cos().max(0.1);
    if p.lon < bbox[0] - dlon || p.lon > bbox[2] + dlon || p.lat < bbox[1] - dlat {
        return None;
    }
    if p.lat > bbox[3] + dlat {
        return None;
    }
    let mut best = f64::INFINITY;
    for polygon in geometry.polygons() {
        for ring in polygon {
            for pair in ring.windows(2) {
                best = best.min(segment_km(p, pair[0], pair[1]));
            }
        }
    }
    Some(best)
}

/// The authority (index in `authorities`) of each sector: the one whose boundary contains the
/// sector's centroid; else the one whose boundary is nearest, within [`SEA_MARGIN_KM`]; else,
/// among authorities without a boundary, the one with the nearest centroid within
/// [`CENTROID_ONLY_KM`]. `None` for sectors outside the analysed authorities (other nations).
pub fn assign_sectors(authorities: &[Area], sectors: &[Sector]) -> Vec<Option<usize>> {
    let without_boundary: Vec<usize> = (0..authorities.len())
        .filter(|i| authorities[*i].geometry.is_none())
        .collect();
    sectors
        .iter()
        .map(|sector| {
            let p = sector.centroid;
            if let Some(i) = authorities.iter().position(|a| a.contains(p)) {
                return Some(i);
            }
            let by_edge = authorities
                .iter()
                .enumerate()
                .filter_map(|(i, a)| boundary_km(a, p, SEA_MARGIN_KM).map(|km| (i, km)))
                .filter(|(_, km)| *km <= SEA_MARGIN_KM)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = by_edge {
                return Some(i);
            }
            without_boundary
                .iter()
                .map(|i| (*i, authorities[*i].centroid.distance_km(p)))
                .filter(|(_, km)| *km <= CENTROID_ONLY_KM)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        })
        .collect()
}

/// `total` split in proportion to `weights` by largest remainder: the parts always add up to
/// `total` exactly, each is the floor of its exact share or one more, and ties in the remainder
/// go to the earlier weight. All-zero weights split evenly.
pub fn spread(total: u64, weights: &[u64]) -> Vec<u64> {
    if weights.is_empty() {
        return Vec::new();
    }
    let sum: u128 = weights.iter().map(|w| u128::from(*w)).sum();
    let (weights, sum): (Vec<u128>, u128) = if sum == 0 {
        (vec![1; weights.len()], weights.len() as u128)
    } else {
        (weights.iter().map(|w| u128::from(*w)).collect(), sum)
    };
    let total_wide = u128::from(total);
    let mut parts: Vec<u64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = total_wide * w;
        parts.push(u64::try_from(exact / sum).unwrap_or(u64::MAX));
        remainders.push((exact % sum, i));
    }
    let given: u64 = parts.iter().sum();
    let mut left = total.saturating_sub(given);
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}
