//! Postcode sectors as gap maps read them (`postcode_sectors`: centroid and postcode count), and
//! importing the national sector file directly (`code,n_postcodes,lat,lon`, as
//! `../shared/data/postcodes/sector_centroids.csv`) instead of computing sectors from a
//! postcode import.

use std::io::Read;

use carematch_domain::GeoPoint;
use carematch_matching::gaps::Sector;
use diesel::prelude::*;

use crate::authorities::{OpenDataError, column_of, csv_error};
use crate::backend::{DbConnection, each_backend};
use crate::error::StoreError;
use crate::schema::postcode_sectors;

/// `BS5 0`: an outward code (2 to 4 characters, letters first), a space, one digit.
fn normalise(code: &str) -> Option<String> {
    let compact: String = code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let (outward, digit) = compact.split_at(compact.len().checked_sub(1)?);
    let ok = (2..=4).contains(&outward.len())
        && outward.chars().all(|c| c.is_ascii_alphanumeric())
        && outward.starts_with(|c: char| c.is_ascii_alphabetic())
        && digit.chars().all(|c| c.is_ascii_digit());
    ok.then(|| format!("{outward} {digit}"))
}

/// Reads a sector file with columns `code`, `n_postcodes`, `lat`, `lon` (by name; others
/// ignored). Codes are normalised (`bs50` -> `BS5 0`); a bad code, count or position is an error
/// naming the line.
pub fn read_sectors_csv(reader: impl Read) -> Result<Vec<Sector>, OpenDataError> {
    const EXPECTED: &str = "a postcode sector file (code,n_postcodes,lat,lon)";
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = csv.headers().map_err(|e| csv_error(&e))?.clone();
    let column = |name: &str| column_of(&headers, name, EXPECTED);
    let (code, count, lat, lon) = (
        column("code")?,
        column("n_postcodes")?,
        column("lat")?,
        column("lon")?,
    );
    let mut out = Vec::new();
    for (i, record) in csv.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| csv_error(&e))?;
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        let value = |message: String| OpenDataError::Value { line, message };
        let sector = normalise(field(code))
            .ok_or_else(|| value(format!("`{}` is not a postcode sector", field(code))))?;
        let n_postcodes: u64 = field(count)
            .parse()
            .map_err(|_| value(format!("`{}` is not a count", field(count))))?;
        let number = |i: usize| {
            field(i)
                .parse::<f64>()
                .map_err(|_| value(format!("`{}` is not a number", field(i))))
        };
        let centroid =
            GeoPoint::new(number(lat)?, number(lon)?).map_err(|e| value(e.to_string()))?;
        out.push(Sector {
            code: sector,
            centroid,
            n_postcodes,
        });
    }
    Ok(out)
}

const BATCH: usize = 1000;

/// Replaces every sector.
pub(crate) fn replace_sectors(
    conn: &mut DbConnection,
    list: &[Sector],
) -> Result<usize, StoreError> {
    diesel::delete(postcode_sectors::table).execute(conn)?;
    let rows: Vec<_> = list
        .iter()
        .map(|s| {
            (
                postcode_sectors::code.eq(s.code.as_str()),
                postcode_sectors::lat.eq(s.centroid.lat),
                postcode_sectors::lon.eq(s.centroid.lon),
                postcode_sectors::n_postcodes.eq(i64::try_from(s.n_postcodes).unwrap_or(i64::MAX)),
            )
        })
        .collect();
    for chunk in rows.chunks(BATCH) {
        each_backend!(conn, |c| diesel::insert_into(postcode_sectors::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(rows.len())
}

pub(crate) fn load_sectors(conn: &mut DbConnection) -> Result<Vec<Sector>, StoreError> {
    let rows: Vec<(String, f64, f64, i64)> = postcode_sectors::table
        .select((
            postcode_sectors::code,
            postcode_sectors::lat,
            postcode_sectors::lon,
            postcode_sectors::n_postcodes,
        ))
        .order(postcode_sectors::code.asc())
        .load(conn)?;
    rows.into_iter()
        .map(|(code, lat, lon, n)| {
            let centroid = GeoPoint::new(lat, lon)
                .map_err(|e| StoreError::corrupt("postcode_sectors", &code, e))?;
            Ok(Sector {
                code,
                centroid,
                n_postcodes: u64::try_from(n).unwrap_or(0),
            })
        })
        .collect()
}

impl crate::Store {
    /// Replaces every postcode sector in one transaction (a later `import_postcodes` recomputes
    /// them from the postcodes instead).
    pub fn import_sectors(&self, list: &[Sector]) -> Result<usize, StoreError> {
        self.write(|conn| replace_sectors(conn, list))
    }

    /// Every postcode sector, by code.
    pub fn postcode_sectors(&self) -> Result<Vec<Sector>, StoreError> {
        self.read(load_sectors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_codes_are_normalised_and_bad_ones_named() {
        assert_eq!(normalise("bs50").as_deref(), Some("BS5 0"));
        assert_eq!(normalise(" EC1A 1 ").as_deref(), Some("EC1A 1"));
        assert_eq!(normalise("B1 1").as_deref(), Some("B1 1"));
        assert_eq!(normalise("1B 1"), None);
        assert_eq!(normalise("BS5 A"), None);
        let file = "code,n_postcodes,lat,lon\nBS5 0,312,51.4612,-2.5540\nB1 1,90,52.48,-1.90\n";
        let sectors = read_sectors_csv(file.as_bytes()).expect("sectors");
        assert_eq!(sectors.len(), 2);
        assert_eq!(sectors[0].code, "BS5 0");
        assert_eq!(sectors[0].n_postcodes, 312);
        let bad = "code,n_postcodes,lat,lon\nBS5 0,x,51.4,-2.5\n";
        let error = read_sectors_csv(bad.as_bytes()).expect_err("bad count");
        assert!(error.to_string().contains("line 2"), "{error}");
    }
}
