//! Points, distances and radii. Distances are great-circle (haversine) on a sphere of the
//! mean Earth radius, the same model as `geo::Haversine`, so figures agree with it to the millimetre.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Mean Earth radius in metres (IUGG), as used by `geo::Haversine`.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A WGS84 point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "crate::openapi::MapOnly<RawPoint>")]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    #[schema(minimum = -90.0, maximum = 90.0, example = 52.6369)]
    pub lat: f64,
    #[schema(minimum = -180.0, maximum = 180.0, example = -1.1398)]
    pub lon: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    lat: f64,
    lon: f64,
}

/// A latitude or longitude outside its range, or not a number.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "({lat}, {lon}) is not a point: latitude must be within -90..90 and longitude within -180..180"
)]
pub struct PointError {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    pub fn new(lat: f64, lon: f64) -> Result<Self, PointError> {
        if lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
        {
            Ok(Self { lat, lon })
        } else {
            Err(PointError { lat, lon })
        }
    }

    /// Great-circle distance in metres.
    pub fn haversine_m(self, other: GeoPoint) -> f64 {
        let (phi1, phi2) = (self.lat.to_radians(), other.lat.to_radians());
        let d_phi = phi2 - phi1;
        let d_lambda = (other.lon - self.lon).to_radians();
        let a =
            (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }

    pub fn distance_km(self, other: GeoPoint) -> f64 {
        self.haversine_m(other) / 1000.0
    }

    /// The point on the unit sphere, `[cos φ cos λ, cos φ sin λ, sin φ]`, whose Euclidean
    /// (chord) distances order exactly like great-circle distances.
    pub fn unit_vector(self) -> [f64; 3] {
        let (phi, lambda) = (self.lat.to_radians(), self.lon.to_radians());
        [
            phi.cos() * lambda.cos(),
            phi.cos() * lambda.sin(),
            phi.sin(),
        ]
    }
}

impl TryFrom<crate::openapi::MapOnly<RawPoint>> for GeoPoint {
    type Error = PointError;
    fn try_from(raw: crate::openapi::MapOnly<RawPoint>) -> Result<Self, Self::Error> {
        Self::try_from(raw.0)
    }
}

impl TryFrom<RawPoint> for GeoPoint {
    type Error = PointError;
    fn try_from(raw: RawPoint) -> Result<Self, Self::Error> {
        Self::new(raw.lat, raw.lon)
    }
}

/// The side of a public location cell, in km (north-south; east-west within 0.1%).
pub const PUBLIC_CELL_KM: f64 = 1.0;

/// The furthest a point lies from the centre of its public cell, in km: half the cell's
/// diagonal (0.7072 km) rounded up. Anything that searches around real points for a viewer who
/// may see them widens its search by this much and then measures from the real points.
pub const PUBLIC_CELL_MARGIN_KM: f64 = 0.75;

/// Degrees of latitude in one cell.
const CELL_LAT_DEG: f64 = PUBLIC_CELL_KM * 180.0 / (std::f64::consts::PI * EARTH_RADIUS_M / 1000.0);

impl GeoPoint {
    /// The centre of the fixed cell of about 1 km × 1 km that holds this point: what anyone
    /// who may not see a carer's full record is answered from (radius filters, order,
    /// distances, counts), so that no number of questions locates a carer better than the
    /// cell. Rows are [`PUBLIC_CELL_KM`] of latitude; each row is cut into columns of the
    /// same width at the row's middle latitude. The cell depends on the point alone (no
    /// randomness to average away) and its centre on the cell alone, so moving a carer within
    /// a cell changes no public answer.
    pub fn public_cell(self) -> GeoPoint {
        let row = (self.lat / CELL_LAT_DEG).floor();
        let lat = ((row + 0.5) * CELL_LAT_DEG).clamp(-90.0, 90.0);
        // Columns narrow towards the poles; past 89.9° a row is one cell, as rows are there.
        let cos = lat.to_radians().cos().max(CELL_LAT_DEG.to_radians());
        let lon_deg = (CELL_LAT_DEG / cos).min(360.0);
        let column = ((self.lon + 180.0) / lon_deg).floor();
        let lon = ((column + 0.5) * lon_deg - 180.0).clamp(-180.0, 180.0);
        GeoPoint { lat, lon }
    }
}

/// The chord length on the unit sphere that corresponds to a great-circle distance in km.
pub fn chord_for_km(km: f64) -> f64 {
    2.0 * (km * 1000.0 / (2.0 * EARTH_RADIUS_M)).sin()
}

/// A distance in kilometres within `0 < km <= 1000`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "f64", into = "f64")]
#[schema(value_type = f64, exclusive_minimum = 0.0, maximum = 1000.0, example = 10.0)]
pub struct Km(f64);

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0} km is out of range: a distance must be more than 0 and at most 1000 km")]
pub struct KmError(pub f64);

impl Km {
    pub const MAX: f64 = 1000.0;

    pub fn new(km: f64) -> Result<Self, KmError> {
        if km.is_finite() && km > 0.0 && km <= Self::MAX {
            Ok(Self(km))
        } else {
            Err(KmError(km))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Km {
    type Error = KmError;
    fn try_from(km: f64) -> Result<Self, Self::Error> {
        Self::new(km)
    }
}

impl From<Km> for f64 {
    fn from(km: Km) -> Self {
        km.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Distance, Haversine, Point};

    #[test]
    fn haversine_agrees_with_geo() {
        let pairs = [
            ((52.6369, -1.1398), (53.4808, -2.2426)),
            ((51.5155, -0.0722), (51.5194, -0.0590)),
            ((50.3755, -4.1427), (55.7781, -2.0047)),
            ((53.0, -1.0), (53.0, -1.0)),
        ];
        for ((lat1, lon1), (lat2, lon2)) in pairs {
            let ours = GeoPoint::new(lat1, lon1)
                .expect("valid")
                .haversine_m(GeoPoint::new(lat2, lon2).expect("valid"));
            let theirs = Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2));
            assert!((ours - theirs).abs() < 0.001, "{ours} vs {theirs}");
        }
    }

    #[test]
    fn chord_order_is_great_circle_order() {
        let centre = GeoPoint::new(52.63, -1.13).expect("valid");
        let a = centre.unit_vector();
        let chord = |p: GeoPoint| {
            let b = p.unit_vector();
            ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
        };
        let near = GeoPoint::new(52.70, -1.10).expect("valid");
        let far = GeoPoint::new(53.48, -2.24).expect("valid");
        assert!(chord(near) < chord(far));
        let km = centre.distance_km(far);
        assert!((chord(far) - chord_for_km(km)).abs() < 1e-12);
    }

    #[test]
    fn a_public_cell_is_about_a_kilometre_and_holds_its_points() {
        // A lattice of points over England, 137 m apart: each lies within the margin of its
        // cell's centre, and the centre is its own cell's centre.
        let mut centres = std::collections::HashSet::new();
        for i in 0..200 {
            for j in 0..200 {
                let p = GeoPoint::new(50.0 + f64::from(i) * 0.0123, -5.5 + f64::from(j) * 0.0347)
                    .expect("valid");
                let cell = p.public_cell();
                assert!(
                    p.distance_km(cell) <= 0.7072,
                    "{p:?} is {} km from {cell:?}",
                    p.distance_km(cell)
                );
                assert_eq!(cell.public_cell(), cell);
                centres.insert((cell.lat.to_bits(), cell.lon.to_bits()));
            }
        }
        // Rows are a kilometre apart (each row's columns are laid out on their own, so the
        // cell to the north is offset east or west); columns within a row too.
        let a = GeoPoint::new(52.6369, -1.1398)
            .expect("valid")
            .public_cell();
        let north = GeoPoint::new(a.lat + 0.009, a.lon)
            .expect("valid")
            .public_cell();
        let east = GeoPoint::new(a.lat, a.lon + 0.0149)
            .expect("valid")
            .public_cell();
        let meridian = GeoPoint::new(north.lat, a.lon).expect("valid");
        assert!(
            (a.distance_km(meridian) - 1.0).abs() < 0.001,
            "{}",
            a.distance_km(meridian)
        );
        assert!(a.distance_km(north) < 1.5, "{}", a.distance_km(north));
        assert!(
            (a.distance_km(east) - 1.0).abs() < 0.002,
            "{}",
            a.distance_km(east)
        );
        assert!(centres.len() > 1000);
        for p in [
            (89.99, 10.0),
            (-89.99, -179.99),
            (0.0, 180.0),
            (60.0, -180.0),
        ] {
            let cell = GeoPoint::new(p.0, p.1).expect("valid").public_cell();
            assert!(GeoPoint::new(cell.lat, cell.lon).is_ok(), "{cell:?}");
        }
    }

    #[test]
    fn rejects_points_and_radii_out_of_range() {
        assert!(GeoPoint::new(91.0, 0.0).is_err());
        assert!(GeoPoint::new(0.0, -180.5).is_err());
        assert!(GeoPoint::new(f64::NAN, 0.0).is_err());
        assert!(serde_json::from_str::<GeoPoint>(r#"{"lat": 100, "lon": 0}"#).is_err());
        assert!(Km::new(0.0).is_err());
        assert!(Km::new(-3.0).is_err());
        assert!(Km::new(1000.5).is_err());
        assert!(Km::new(25.0).is_ok());
    }
}
