//! Distances on the unit sphere, one copy for the matcher and the geographic index: bases are
//! unit vectors, a radius of `r` km is the chord `chord_for_km(r)`, and the exact great-circle
//! km of a chord is the haversine formula's last step. Squared chords are compared with a
//! relative margin ([`CHORD_2_MARGIN`]) far above rounding and far below any real distance, and
//! the exact km decides inside it.

use carematch_domain::geo::EARTH_RADIUS_M;

/// Relative margin on squared chords: far above rounding, far below any real distance.
pub const CHORD_2_MARGIN: f64 = 1e-9;

/// Great-circle km from a chord on the unit sphere.
#[inline(always)]
pub fn km_for_chord(chord: f64) -> f64 {
    2.0 * EARTH_RADIUS_M * (chord / 2.0).clamp(0.0, 1.0).asin() / 1000.0
}

/// Great-circle km from a squared chord: [`km_for_chord`] of its root.
#[inline(always)]
pub fn km_for_chord_2(d2: f64) -> f64 {
    km_for_chord(d2.sqrt())
}

/// Squared chord between two unit vectors.
#[inline(always)]
pub fn chord_2(a: [f64; 3], b: [f64; 3]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
}
