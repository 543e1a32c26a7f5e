//! Places: populated postcodes with their centroids, read from `Postcode,lat,long` text.

use carematch_domain::{GeoPoint, Postcode};

use crate::GenerateError;

/// A populated postcode and its centroid. Each postcode has roughly the same number of
/// households, so drawing postcodes uniformly spreads records like the population.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub postcode: Postcode,
    pub point: GeoPoint,
}

/// One `Postcode,lat,long` row. `Ok(None)` for rows without coordinates (empty `lat`), which the
/// ONS files have for some postcodes.
pub fn parse_place_row(row: &str) -> Result<Option<Place>, String> {
    let mut fields = row.trim_end_matches(['\r', '\n']).split(',');
    let (Some(postcode), Some(lat), Some(lon), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(format!("expected `Postcode,lat,long`, found `{row}`"));
    };
    if lat.trim().is_empty() {
        return Ok(None);
    }
    let postcode = Postcode::parse(postcode).map_err(|e| e.to_string())?;
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("`{lat}` is not a latitude"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("`{lon}` is not a longitude"))?;
    let point = GeoPoint::new(lat, lon).map_err(|e| e.to_string())?;
    Ok(Some(Place { postcode, point }))
}

/// Every place in a `Postcode,lat,long` CSV (a header line is skipped; rows without coordinates
/// are left out). Fails on the first malformed row, naming its line.
pub fn parse_places_csv(text: &str) -> Result<Vec<Place>, GenerateError> {
    let mut places = Vec::new();
    for (i, row) in text.lines().enumerate() {
        if row.trim().is_empty() || (i == 0 && row.starts_with("Postcode")) {
            continue;
        }
        match parse_place_row(row) {
            Ok(Some(place)) => places.push(place),
            Ok(None) => {}
            Err(reason) => {
                return Err(GenerateError::BadPlace {
                    line: i + 1,
                    reason,
                });
            }
        }
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_skips_those_without_coordinates() {
        let text =
            "Postcode,lat,long\nLE1 1AA,52.63212,-1.12498\nLE19ZZ,,0.00000\n\nM1 1AE,53.48,-2.24\n";
        let places = parse_places_csv(text).expect("parses");
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].postcode.as_str(), "LE1 1AA");
        assert!((places[1].point.lon + 2.24).abs() < 1e-9);
        let err = parse_places_csv("Postcode,lat,long\nLE1 1AA,north,1\n").expect_err("bad");
        assert!(err.to_string().starts_with("line 2:"), "{err}");
    }
}
