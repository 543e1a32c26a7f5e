//! Gap reports as GeoJSON (serde structures, serialised by the caller), CSV and SVG.

use std::fmt::Write as _;

use serde::Serialize;

use super::analysis::{GapReport, GapRow, Severity, Thresholds};
use super::area::Geometry;
use super::figure::DemandFigure;

/// The report's question and caveats, as a foreign member of the FeatureCollection.
#[derive(Debug, Serialize)]
pub struct GapMeta {
    pub need: String,
    pub label: String,
    pub max_km: f64,
    pub by: &'static str,
    pub demand: &'static str,
    pub caveats: Vec<String>,
    /// Which census figure the demand is (or that it is saved plans), in plain words too.
    pub demand_figure: DemandFigure,
    pub thresholds: ThresholdsMeta,
    pub severity_counts: Vec<(&'static str, usize)>,
}

#[derive(Debug, Serialize)]
pub struct ThresholdsMeta {
    pub adequate_max_people_per_supplier: f64,
    pub moderate_max_people_per_supplier: f64,
}

#[derive(Debug, Serialize)]
pub struct Feature<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: &'a str,
    pub geometry: Geometry,
    pub properties: &'a GapRow,
}

/// A GeoJSON FeatureCollection with `carematch` describing the question.
#[derive(Debug, Serialize)]
pub struct FeatureCollection<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub carematch: GapMeta,
    pub features: Vec<Feature<'a>>,
}

impl GapReport {
    /// How many areas fall in each band, in band order.
    pub fn severity_counts(&self) -> Vec<(Severity, usize)> {
        Severity::ALL
            .iter()
            .map(|s| (*s, self.rows.iter().filter(|r| r.severity == *s).count()))
            .collect()
    }

    pub fn meta(&self) -> GapMeta {
        let t = Thresholds::for_basis(self.basis);
        GapMeta {
            need: self.need.expression(),
            label: self.need.label(),
            max_km: self.max_km,
            by: self.by.code(),
            demand: self.basis.code(),
            caveats: self.caveats.clone(),
            demand_figure: self.need.demand_figure(self.basis),
            thresholds: ThresholdsMeta {
                adequate_max_people_per_supplier: t.adequate_max,
                moderate_max_people_per_supplier: t.moderate_max,
            },
            severity_counts: self
                .severity_counts()
                .into_iter()
                .map(|(s, n)| (s.code(), n))
                .collect(),
        }
    }

    /// The report as a GeoJSON FeatureCollection: each area's boundary (or its centroid as a
    /// point when it has none) with its row as properties.
    pub fn feature_collection(&self) -> FeatureCollection<'_> {
        let features = self
            .areas
            .iter()
            .zip(&self.rows)
            .map(|(area, row)| Feature {
                kind: "Feature",
                id: &row.code,
                geometry: area.geometry.clone().unwrap_or(Geometry::Point {
                    coordinates: [area.centroid.lon, area.centroid.lat],
                }),
                properties: row,
            })
            .collect();
        FeatureCollection {
            kind: "FeatureCollection",
            carematch: self.meta(),
            features,
        }
    }

    /// The report as CSV, one row per area, with a header; before it, `#` comment lines with
    /// the question and where the demand figure comes from.
    pub fn to_csv(&self) -> String {
        let figure = self.need.demand_figure(self.basis);
        let mut out = format!(
            "# need: {} ({}), within {} km, by {}, demand from {}\n# demand_figure: {}\n",
            self.need.expression(),
            self.need.label(),
            self.max_km,
            self.by.code(),
            self.basis.code(),
            figure.summary.replace('\n', " "),
        );
        out.push_str(
            "code,name,region,authority,demand,demand_share,demand_in_reach,share_in_reach,sectors,\
             carers,providers,nearest_km,people_per_supplier,severity,lat,lon\n",
        );
        let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let int = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
        let cell = carematch_domain::spreadsheet::csv_cell;
        for row in &self.rows {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                cell(&row.code),
                cell(&row.name),
                cell(row.region.as_deref().unwrap_or_default()),
                cell(row.authority.as_deref().unwrap_or_default()),
                cell(&row.demand_shown),
                opt(row.demand_share),
                int(row.demand_in_reach),
                opt(row.share_in_reach),
                int(row.sectors.map(u64::from)),
                row.carers,
                row.providers,
                opt(row.nearest_km),
                opt(row.people_per_supplier),
                row.severity.code(),
                row.lat,
                row.lon,
            );
        }
        out
    }

    /// The report as an SVG map: every area's boundary coloured by severity, with a title and a
    /// legend. Equirectangular projection with longitudes scaled by the cosine of the middle
    /// latitude, so shapes look right at England's latitude.
    pub fn to_svg(&self, title: &str) -> String {
        svg(self, title)
    }
}

/// Fill colour of each band (ColorBrewer RdBu, colour-blind safe, plus greys).
pub fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::NoneInReach => "#b2182b",
        Severity::Severe => "#ef8a62",
        Severity::Moderate => "#fddbc7",
        Severity::Adequate => "#67a9cf",
        Severity::DemandUnknown => "#bababa",
        Severity::NoDemand => "#f7f7f7",
    }
}

const MAP_WIDTH: f64 = 640.0;
const LEGEND_WIDTH: f64 = 280.0;
const LEGEND_ROW: f64 = 34.0;
const TOP: f64 = 64.0;
const MARGIN: f64 = 16.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn svg(report: &GapReport, title: &str) -> String {
    let bbox = report
        .areas
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
        .unwrap_or([-6.0, 49.8, 2.0, 56.0]);
    let mid_lat = ((bbox[1] + bbox[3]) / 2.0).to_radians();
    let kx = mid_lat.cos();
    let span_x = ((bbox[2] - bbox[0]) * kx).max(1e-9);
    let span_y = (bbox[3] - bbox[1]).max(1e-9);
    let scale = MAP_WIDTH / span_x;
    let map_height = span_y * scale;
    let width = MAP_WIDTH + LEGEND_WIDTH + 3.0 * MARGIN;
    let height = (TOP + map_height + MARGIN).max(TOP + 260.0);
    let project = |p: &[f64; 2]| {
        (
            MARGIN + (p[0] - bbox[0]) * kx * scale,
            TOP + (bbox[3] - p[1]) * scale,
        )
    };

    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"sans-serif\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n\
         <text x=\"{MARGIN}\" y=\"28\" font-size=\"20\" font-weight=\"bold\">{}</text>\n\
         <text x=\"{MARGIN}\" y=\"50\" font-size=\"13\" fill=\"#444444\">{}</text>\n\
         <g stroke=\"#666666\" stroke-width=\"0.4\" stroke-linejoin=\"round\">\n",
        escape(title),
        escape(&format!(
            "Need {} ({}); suppliers reaching where people live within {} km; demand: {}",
            report.need.expression(),
            report.need.label(),
            report.max_km,
            report.basis.code()
        )),
    );
    for (area, row) in report.areas.iter().zip(&report.rows) {
        let Some(geometry) = &area.geometry else {
            continue;
        };
        let mut d = String::new();
        for polygon in geometry.polygons() {
            for ring in polygon {
                for (i, p) in ring.iter().enumerate() {
                    let (x, y) = project(p);
                    let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
                }
                d.push('Z');
            }
        }
        let demand = if row.demand_shown.is_empty() {
            "unknown".to_owned()
        } else {
            row.demand_shown.clone()
        };
        let _ = writeln!(
            out,
            "<path fill=\"{}\" fill-rule=\"evenodd\" d=\"{d}\"><title>{}: {} (demand {}, {} carers, {} providers)</title></path>",
            severity_colour(row.severity),
            escape(&row.name),
            row.severity.label(),
            escape(&demand),
            row.carers,
            row.providers,
        );
    }
    out.push_str("</g>\n");

    let lx = MARGIN * 2.0 + MAP_WIDTH;
    let _ = writeln!(
        out,
        "<text x=\"{lx}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\">Severity</text>",
        TOP + 10.0
    );
    let t = Thresholds::for_basis(report.basis);
    let unit = match report.basis {
        super::analysis::DemandBasis::Census => "residents",
        super::analysis::DemandBasis::Plans => "plans",
    };
    for (i, (severity, count)) in report.severity_counts().into_iter().enumerate() {
        let y = TOP + 28.0 + i as f64 * LEGEND_ROW;
        let detail = match severity {
            Severity::NoneInReach => "demand, nobody in reach".to_owned(),
            Severity::Adequate => format!("≤ {} {unit} per supplier", t.adequate_max),
            Severity::Moderate => format!("≤ {} {unit} per supplier", t.moderate_max),
            Severity::Severe => format!("> {} {unit} per supplier", t.moderate_max),
            Severity::DemandUnknown => "no demand figure for this need".to_owned(),
            Severity::NoDemand => "nobody needs it here".to_owned(),
        };
        let _ = writeln!(
            out,
            "<rect x=\"{lx}\" y=\"{y}\" width=\"18\" height=\"18\" fill=\"{}\" stroke=\"#666666\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"12\">{} — {count}</text>\
             <text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#555555\">{}</text>",
            severity_colour(severity),
            lx + 26.0,
            y + 9.0,
            severity.label(),
            lx + 26.0,
            y + 22.0,
            escape(&detail),
        );
    }
    let note_y = TOP + 28.0 + 6.0 * LEGEND_ROW + 16.0;
    let notes = [
        format!("{} areas", report.rows.len()),
        "Supply: carers and providers meeting the need".to_owned(),
        "whose own reach includes its postcode sectors.".to_owned(),
        "Sources: ONS Census 2021, ONS boundaries".to_owned(),
        "(OGL v3); mySociety authorities (CC-BY-4.0).".to_owned(),
    ];
    for (i, note) in notes.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{lx}\" y=\"{}\" font-size=\"11\" fill=\"#444444\">{}</text>",
            note_y + i as f64 * 15.0,
            escape(note)
        );
    }
    out.push_str("</svg>\n");
    out
}
