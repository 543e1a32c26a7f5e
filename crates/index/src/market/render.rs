//! The market report as CSV (one row per cell, with the last snapshot and the change) and as
//! GeoJSON (one feature per authority).

use std::fmt::Write as _;

use carematch_matching::gaps::{Area, Geometry};
use serde::Serialize;

use super::{Dimension, MarketCell, MarketReport};

/// One authority with its figures and its cells of the report's `by`.
#[derive(Debug, Serialize)]
pub struct MarketFeature<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: &'a str,
    pub geometry: Geometry,
    pub properties: FeatureProperties<'a>,
}

#[derive(Debug, Serialize)]
pub struct FeatureProperties<'a> {
    #[serde(flatten)]
    pub total: MarketCell,
    pub cells: Vec<&'a MarketCell>,
}

/// A GeoJSON FeatureCollection; `carematch` holds the question and the suppression rule.
#[derive(Debug, Serialize)]
pub struct MarketFeatureCollection<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub carematch: Meta<'a>,
    pub features: Vec<MarketFeature<'a>>,
}

#[derive(Debug, Serialize)]
pub struct Meta<'a> {
    pub by: &'a [Dimension],
    pub authority: &'a Option<String>,
    pub language: &'a Option<String>,
    pub suppression: &'a super::SuppressionNote,
    pub generated_at: chrono::DateTime<chrono::Utc>,
}

/// Quotes a CSV field when it needs it.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl MarketReport {
    /// One feature per authority (its boundary, or its centroid as a point); an authority
    /// without PAs or providers has zero counts (only the one asked for with `authority`).
    pub fn feature_collection<'a>(&'a self, areas: &'a [Area]) -> MarketFeatureCollection<'a> {
        let features = areas
            .iter()
            .filter(|area| self.authority.as_ref().is_none_or(|a| *a == area.code))
            .map(|area| {
                let code = area.code.as_str();
                let total = self
                    .authorities
                    .iter()
                    .find(|t| t.authority.as_deref() == Some(code))
                    .cloned()
                    .unwrap_or_else(|| MarketCell {
                        authority: Some(area.code.clone()),
                        authority_name: Some(area.name.clone()),
                        ..MarketCell::zero()
                    });
                MarketFeature {
                    kind: "Feature",
                    id: code,
                    geometry: area.geometry.clone().unwrap_or(Geometry::Point {
                        coordinates: [area.centroid.lon, area.centroid.lat],
                    }),
                    properties: FeatureProperties {
                        total,
                        cells: self
                            .cells
                            .iter()
                            .filter(|c| c.authority.as_deref() == Some(code))
                            .collect(),
                    },
                }
            })
            .collect();
        MarketFeatureCollection {
            kind: "FeatureCollection",
            carematch: Meta {
                by: &self.by,
                authority: &self.authority,
                language: &self.language,
                suppression: &self.suppression,
                generated_at: self.generated_at,
            },
            features,
        }
    }

    /// The cells as CSV with a header: the dimensions (and names), the counts, the last
    /// snapshot's counts and the change since (blank where hidden or without a snapshot).
    pub fn to_csv(&self) -> String {
        let ethnic = self.by.contains(&Dimension::Ethnicity);
        let mut header: Vec<&str> = Vec::new();
        for dim in &self.by {
            header.push(dim.code());
            match dim {
                Dimension::Authority => header.push("authority_name"),
                Dimension::Agency => header.push("agency_name"),
                _ => {}
            }
        }
        header.extend(["pas", "providers"]);
        if ethnic {
            header.extend(["pa_share", "census_share"]);
        }
        header.extend([
            "last_snapshot_at",
            "last_pas",
            "last_providers",
            "change_pas",
            "change_providers",
        ]);
        let mut out = header.join(",");
        out.push('\n');
        for cell in &self.cells {
            let mut row: Vec<String> = Vec::new();
            for dim in &self.by {
                match dim {
                    Dimension::Authority => {
                        row.push(opt(cell.authority.as_deref()));
                        row.push(field(&opt(cell.authority_name.as_deref())));
                    }
                    Dimension::Language => row.push(opt(cell.language.as_deref())),
                    Dimension::Service => row.push(opt(cell.service.as_deref())),
                    Dimension::Agency => {
                        row.push(opt(cell.agency.as_deref()));
                        row.push(field(&opt(cell.agency_name.as_deref())));
                    }
                    Dimension::Ethnicity => row.push(opt(cell.ethnicity.as_deref())),
                }
            }
            row.push(cell.pas.text());
            row.push(opt(cell.providers));
            if ethnic {
                row.push(opt(cell.pa_share.map(|s| format!("{s:.4}"))));
                row.push(opt(cell.census_share.map(|s| format!("{s:.4}"))));
            }
            let last = cell.series.last();
            row.push(opt(last.map(|l| l.taken_at.to_rfc3339())));
            row.push(opt(last.map(|l| l.pas.text())));
            row.push(opt(last.and_then(|l| l.providers)));
            let change = cell.change.as_ref();
            row.push(opt(change.and_then(|c| c.pas)));
            row.push(opt(change.and_then(|c| c.providers)));
            let _ = writeln!(out, "{}", row.join(","));
        }
        out
    }
}
