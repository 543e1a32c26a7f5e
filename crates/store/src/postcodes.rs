//! The gazetteer tables: importing postcode centroids and locating a postcode.

use carematch_domain::{GeoPoint, Postcode};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::error::StoreError;
use crate::gazetteer::PostcodeRow;
use crate::schema::{postcode_districts, postcode_sectors, postcodes};

/// Rows per upsert statement (4 columns).
pub(crate) const BATCH_ROWS: usize = 2000;

/// How precisely a postcode was located.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// The postcode's own centroid.
    Postcode,
    /// Unknown postcode: the centroid of its sector (`LE1 5`).
    Sector,
    /// Unknown sector too: the centroid of its district (outward code, `LE1`).
    District,
}

/// Where a postcode is, and how precisely we know.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Located {
    pub point: GeoPoint,
    pub precision: Precision,
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Postcode rows inserted or updated.
    pub postcodes: u64,
    /// Sector centroids after the import.
    pub sectors: u64,
    /// District (outward code) centroids after the import.
    pub districts: u64,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = postcodes)]
pub struct NewPostcodeRow {
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
    pub terminated: bool,
}

impl From<&PostcodeRow> for NewPostcodeRow {
    fn from(row: &PostcodeRow) -> Self {
        Self {
            postcode: row.postcode.to_string(),
            lat: row.point.lat,
            lon: row.point.lon,
            terminated: row.terminated,
        }
    }
}

/// Upserts one batch; the statement differs per backend (`backend::upsert_postcodes`).
pub(crate) fn upsert(conn: &mut DbConnection, rows: &[NewPostcodeRow]) -> Result<(), StoreError> {
    Ok(crate::backend::upsert_postcodes(conn, rows)?)
}

/// Recomputes sector and district centroids as the mean of their postcodes' centroids
/// (terminated postcodes included: their points are still real places in the sector).
/// `substr` and `length` mean the same in SQLite and PostgreSQL; postcodes are stored normalised
/// (`LE1 5WW`), so the sector drops the last two characters and the district the last four.
pub(crate) fn recompute_centroids(conn: &mut DbConnection) -> Result<(u64, u64), StoreError> {
    diesel::delete(postcode_sectors::table).execute(conn)?;
    let sectors = diesel::sql_query(
        "INSERT INTO postcode_sectors (code, lat, lon, n_postcodes) \
         SELECT substr(postcode, 1, length(postcode) - 2), avg(lat), avg(lon), count(*) \
         FROM postcodes GROUP BY substr(postcode, 1, length(postcode) - 2)",
    )
    .execute(conn)?;
    diesel::delete(postcode_districts::table).execute(conn)?;
    let districts = diesel::sql_query(
        "INSERT INTO postcode_districts (code, lat, lon, n_postcodes) \
         SELECT substr(postcode, 1, length(postcode) - 4), avg(lat), avg(lon), count(*) \
         FROM postcodes GROUP BY substr(postcode, 1, length(postcode) - 4)",
    )
    .execute(conn)?;
    Ok((sectors as u64, districts as u64))
}

pub(crate) fn locate(
    conn: &mut DbConnection,
    postcode: &Postcode,
) -> Result<Option<Located>, StoreError> {
    let point = |table: &'static str, key: &str, (lat, lon): (f64, f64)| {
        GeoPoint::new(lat, lon).map_err(|e| StoreError::corrupt(table, key, e))
    };
    let full: Option<(f64, f64)> = postcodes::table
        .find(postcode.as_str())
        .select((postcodes::lat, postcodes::lon))
        .first(conn)
        .optional()?;
    if let Some(found) = full {
        return Ok(Some(Located {
            point: point("postcodes", postcode.as_str(), found)?,
            precision: Precision::Postcode,
        }));
    }
    let sector = postcode.sector();
    let found: Option<(f64, f64)> = postcode_sectors::table
        .find(sector)
        .select((postcode_sectors::lat, postcode_sectors::lon))
        .first(conn)
        .optional()?;
    if let Some(found) = found {
        return Ok(Some(Located {
            point: point("postcode_sectors", sector, found)?,
            precision: Precision::Sector,
        }));
    }
    let district = postcode.outward();
    let found: Option<(f64, f64)> = postcode_districts::table
        .find(district.as_str())
        .select((postcode_districts::lat, postcode_districts::lon))
        .first(conn)
        .optional()?;
    found
        .map(|found| {
            Ok(Located {
                point: point("postcode_districts", district.as_str(), found)?,
                precision: Precision::District,
            })
        })
        .transpose()
}

/// The centroid of an outward code, from the districts table.
pub(crate) fn district_centroid(
    conn: &mut DbConnection,
    outward: &carematch_domain::postcode::OutwardCode,
) -> Result<Option<GeoPoint>, StoreError> {
    let found: Option<(f64, f64)> = postcode_districts::table
        .find(outward.as_str())
        .select((postcode_districts::lat, postcode_districts::lon))
        .first(conn)
        .optional()?;
    found
        .map(|(lat, lon)| {
            GeoPoint::new(lat, lon)
                .map_err(|e| StoreError::corrupt("postcode_districts", outward.as_str(), e))
        })
        .transpose()
}
