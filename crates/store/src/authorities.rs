//! Local authorities (mySociety's `local_authorities.csv`) and their boundaries (ONS LAD GeoJSON):
//! reading the public files and storing them.
//!
//! mySociety's `replaced-by` names successors by their three-letter local-authority code; it is
//! turned into the successor's GSS code here, so that roll-up only ever follows GSS codes. An
//! authority split between several successors (a county such as Cumbria) keeps all of them,
//! comma-separated, and so rolls up to none. A current authority's `former-gss-codes` become rows
//! of their own that point to it (Gateshead's old `E08000020` -> `E08000037`), so census figures
//! published under an old code still land in the right place.

use std::collections::HashMap;
use std::io::Read;

use carematch_domain::GeoPoint;
use carematch_matching::gaps::{Authorities, Authority, Geometry};
use diesel::prelude::*;

use crate::backend::{DbConnection, each_backend};
use crate::error::StoreError;

diesel::table! {
    local_authorities (gss) {
        gss -> Text,
        name -> Text,
        region -> Nullable<Text>,
        nation -> Nullable<Text>,
        lat -> Nullable<Double>,
        lon -> Nullable<Double>,
        replaced_by -> Nullable<Text>,
        population -> Nullable<BigInt>,
    }
}

diesel::table! {
    authority_boundaries (gss) {
        gss -> Text,
        name -> Text,
        geojson -> Text,
    }
}

/// Why an open-data file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OpenDataError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("line {line}: malformed CSV: {message}")]
    Csv { line: u64, message: String },
    #[error("the header has no `{column}` column: is this {expected}?")]
    MissingColumn {
        column: String,
        expected: &'static str,
    },
    #[error("line {line}: {message}")]
    Value { line: u64, message: String },
    #[error("not a GeoJSON FeatureCollection of local-authority districts: {0}")]
    GeoJson(String),
}

pub(crate) fn csv_error(error: &csv::Error) -> OpenDataError {
    OpenDataError::Csv {
        line: error.position().map_or(0, csv::Position::line),
        message: error.to_string(),
    }
}

/// The position of the column named `name` (spaces around header names ignored), or an error
/// saying which file the header should have come from.
pub(crate) fn column_of(
    headers: &csv::StringRecord,
    name: &str,
    expected: &'static str,
) -> Result<usize, OpenDataError> {
    headers
        .iter()
        .position(|h| h.trim() == name)
        .ok_or_else(|| OpenDataError::MissingColumn {
            column: name.to_owned(),
            expected,
        })
}

/// Reads mySociety's `local_authorities.csv` (columns by name: `local-authority-code`,
/// `gss-code`, `nice-name`, `region`, `nation`, `replaced-by`, `former-gss-codes`, `pop-2020`,
/// `lat`, `long`; others ignored). Rows without a GSS code are skipped.
pub fn read_authorities_csv(reader: impl Read) -> Result<Vec<Authority>, OpenDataError> {
    const EXPECTED: &str = "mySociety's local_authorities.csv";
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = csv.headers().map_err(|e| csv_error(&e))?.clone();
    let column = |name: &str| column_of(&headers, name, EXPECTED);
    let code = column("local-authority-code")?;
    let gss = column("gss-code")?;
    let name = column("nice-name")?;
    let region = column("region")?;
    let nation = column("nation")?;
    let replaced = column("replaced-by")?;
    let former = column("former-gss-codes")?;
    let population = column("pop-2020")?;
    let lat = column("lat")?;
    let lon = column("long")?;

    struct Raw {
        code: String,
        authority: Authority,
        replaced_by: String,
        former: String,
    }
    let mut raws = Vec::new();
    for (i, record) in csv.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| csv_error(&e))?;
        let field = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
        let optional = |i: usize| Some(field(i)).filter(|v| !v.is_empty());
        let Some(gss) = optional(gss) else {
            continue;
        };
        let number = |i: usize| -> Result<Option<f64>, OpenDataError> {
            optional(i)
                .map(|v| {
                    v.parse::<f64>().map_err(|_| OpenDataError::Value {
                        line,
                        message: format!("`{v}` is not a number"),
                    })
                })
                .transpose()
        };
        let centroid = match (number(lat)?, number(lon)?) {
            (Some(lat), Some(lon)) => {
                Some(GeoPoint::new(lat, lon).map_err(|e| OpenDataError::Value {
                    line,
                    message: e.to_string(),
                })?)
            }
            _ => None,
        };
        raws.push(Raw {
            code: field(code),
            authority: Authority {
                gss,
                name: field(name),
                region: optional(region),
                nation: optional(nation),
                centroid,
                replaced_by: None,
                population: number(population)?.map(|p| p.max(0.0).round() as u64),
            },
            replaced_by: field(replaced),
            former: field(former),
        });
    }
    let gss_of: HashMap<String, String> = raws
        .iter()
        .filter(|r| !r.code.is_empty())
        .map(|r| (r.code.clone(), r.authority.gss.clone()))
        .collect();
    let mut authorities: Vec<Authority> = Vec::with_capacity(raws.len());
    let mut aliases = Vec::new();
    for raw in raws {
        let mut authority = raw.authority;
        if !raw.replaced_by.is_empty() {
            let successors: Vec<String> = raw
                .replaced_by
                .split(',')
                .map(|c| {
                    let c = c.trim();
                    gss_of.get(c).cloned().unwrap_or_else(|| c.to_owned())
                })
                .collect();
            authority.replaced_by = Some(successors.join(","));
        } else {
            for old in raw
                .former
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                aliases.push(Authority {
                    gss: old.to_owned(),
                    name: authority.name.clone(),
                    region: authority.region.clone(),
                    nation: authority.nation.clone(),
                    centroid: None,
                    replaced_by: Some(authority.gss.clone()),
                    population: None,
                });
            }
        }
        authorities.push(authority);
    }
    for alias in aliases {
        if !authorities.iter().any(|a| a.gss == alias.gss) {
            authorities.push(alias);
        }
    }
    Ok(authorities)
}

/// One district boundary from an ONS LAD GeoJSON file.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryRecord {
    pub gss: String,
    pub name: String,
    pub geometry: Geometry,
}

/// Reads an ONS local-authority-district GeoJSON FeatureCollection (EPSG:4326): the code and
/// name from `LADyyCD`/`LADyyNM` (any year), Polygon or MultiPolygon geometries.
pub fn read_boundaries_geojson(reader: impl Read) -> Result<Vec<BoundaryRecord>, OpenDataError> {
    let value: serde_json::Value =
        serde_json::from_reader(reader).map_err(|e| OpenDataError::GeoJson(e.to_string()))?;
    let features = value
        .get("features")
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| OpenDataError::GeoJson("no `features` array".into()))?;
    let mut out = Vec::with_capacity(features.len());
    for (i, feature) in features.iter().enumerate() {
        let at = |message: String| OpenDataError::GeoJson(format!("feature {i}: {message}"));
        let properties = feature
            .get("properties")
            .and_then(serde_json::Value::as_object)
            .ok_or_else(|| at("no properties".into()))?;
        let property = |suffix: &str| {
            properties
                .iter()
                .find(|(k, _)| k.starts_with("LAD") && k.ends_with(suffix) && k.len() == 7)
                .and_then(|(_, v)| v.as_str())
                .map(str::to_owned)
        };
        let gss = property("CD").ok_or_else(|| at("no LADyyCD code".into()))?;
        let name = property("NM").unwrap_or_else(|| gss.clone());
        let geometry: Geometry = feature
            .get("geometry")
            .cloned()
            .map(serde_json::from_value)
            .ok_or_else(|| at("no geometry".into()))?
            .map_err(|e| at(format!("{gss}: {e}")))?;
        if matches!(geometry, Geometry::Point { .. }) {
            return Err(at(format!("{gss}: a point is not a boundary")));
        }
        out.push(BoundaryRecord {
            gss,
            name,
            geometry,
        });
    }
    Ok(out)
}

#[derive(Debug, Clone, Insertable, Queryable)]
#[diesel(table_name = local_authorities)]
struct AuthorityRow {
    gss: String,
    name: String,
    region: Option<String>,
    nation: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    replaced_by: Option<String>,
    population: Option<i64>,
}

impl From<&Authority> for AuthorityRow {
    fn from(a: &Authority) -> Self {
        Self {
            gss: a.gss.clone(),
            name: a.name.clone(),
            region: a.region.clone(),
            nation: a.nation.clone(),
            lat: a.centroid.map(|p| p.lat),
            lon: a.centroid.map(|p| p.lon),
            replaced_by: a.replaced_by.clone(),
            population: a.population.and_then(|p| i64::try_from(p).ok()),
        }
    }
}

impl TryFrom<AuthorityRow> for Authority {
    type Error = StoreError;
    fn try_from(row: AuthorityRow) -> Result<Self, StoreError> {
        let centroid = match (row.lat, row.lon) {
            (Some(lat), Some(lon)) => Some(
                GeoPoint::new(lat, lon)
                    .map_err(|e| StoreError::corrupt("local_authorities", &row.gss, e))?,
            ),
            _ => None,
        };
        Ok(Self {
            gss: row.gss,
            name: row.name,
            region: row.region,
            nation: row.nation,
            centroid,
            replaced_by: row.replaced_by,
            population: row.population.and_then(|p| u64::try_from(p).ok()),
        })
    }
}

const BATCH: usize = 500;

/// Replaces every authority.
pub(crate) fn replace_authorities(
    conn: &mut DbConnection,
    list: &[Authority],
) -> Result<usize, StoreError> {
    diesel::delete(local_authorities::table).execute(conn)?;
    let rows: Vec<AuthorityRow> = list.iter().map(AuthorityRow::from).collect();
    for chunk in rows.chunks(BATCH) {
        each_backend!(conn, |c| diesel::insert_into(local_authorities::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(rows.len())
}

pub(crate) fn load_authorities(conn: &mut DbConnection) -> Result<Authorities, StoreError> {
    let rows: Vec<AuthorityRow> = local_authorities::table
        .order(local_authorities::gss.asc())
        .load(conn)?;
    let list = rows
        .into_iter()
        .map(Authority::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Authorities::new(list))
}

/// Replaces every boundary.
pub(crate) fn replace_boundaries(
    conn: &mut DbConnection,
    list: &[BoundaryRecord],
) -> Result<usize, StoreError> {
    diesel::delete(authority_boundaries::table).execute(conn)?;
    for record in list {
        let geojson = crate::codec::to_json("geojson", &record.geometry)?;
        diesel::insert_into(authority_boundaries::table)
            .values((
                authority_boundaries::gss.eq(&record.gss),
                authority_boundaries::name.eq(&record.name),
                authority_boundaries::geojson.eq(geojson),
            ))
            .execute(conn)?;
    }
    Ok(list.len())
}

pub(crate) fn load_boundaries(
    conn: &mut DbConnection,
) -> Result<HashMap<String, Geometry>, StoreError> {
    let rows: Vec<(String, String)> = authority_boundaries::table
        .select((authority_boundaries::gss, authority_boundaries::geojson))
        .load(conn)?;
    rows.into_iter()
        .map(|(gss, text)| {
            let geometry: Geometry = serde_json::from_str(&text)
                .map_err(|e| StoreError::corrupt("authority_boundaries", &gss, e))?;
            Ok((gss, geometry))
        })
        .collect()
}

impl crate::Store {
    /// Replaces the local-authority list (all nations, current and former) in one transaction.
    pub fn import_authorities(&self, list: &[Authority]) -> Result<usize, StoreError> {
        self.write(|conn| replace_authorities(conn, list))
    }

    /// Every stored authority, with roll-up.
    pub fn authorities(&self) -> Result<Authorities, StoreError> {
        self.read(load_authorities)
    }

    /// Replaces every boundary in one transaction.
    pub fn import_boundaries(&self, list: &[BoundaryRecord]) -> Result<usize, StoreError> {
        self.write(|conn| replace_boundaries(conn, list))
    }

    /// Boundaries by GSS code.
    pub fn boundaries(&self) -> Result<HashMap<String, Geometry>, StoreError> {
        self.read(load_boundaries)
    }
}
