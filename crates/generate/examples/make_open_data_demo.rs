//! Writes the demo's open data under `fixtures/open-data/demo/` from the real files, so that
//! `carematch serve --demo` has a commissioner map out of the box.
//!
//! Regenerate (from the repository root, with the shared data beside it at `../shared/data`):
//!
//! ```text
//! cargo run -p carematch-generate --example make_open_data_demo [-- DATA_DIR]
//! ```
//!
//! The authorities are those of the demo areas (`carematch_generate::demo_areas()`) plus every
//! London borough (so that London reads as London when zoomed), with the rows of the districts
//! merged into them (North Yorkshire's) so that their census figures roll up:
//!
//! 1. `local_authorities.csv`: those rows of mySociety's list, unchanged;
//! 2. `lad_2023_buc.geojson`: their ONS May 2023 ultra-generalised boundaries, simplified with
//!    Douglas-Peucker (tolerance [`TOLERANCE`] degrees, coordinates to 4 decimals);
//! 3. `census2021-ts024-ltla.csv`, `census2021-ts030-ltla.csv`: their published rows of the Nomis
//!    bulk files (main language, religion), every column.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// GSS codes of the authorities the demo areas are in (Skegness is in East Lindsey, Whitby in
/// North Yorkshire, Bude in Cornwall).
const DEMO_AUTHORITIES: [&str; 14] = [
    "E06000016", // Leicester
    "E08000012", // Liverpool
    "E06000023", // Bristol
    "E08000025", // Birmingham
    "E08000003", // Manchester
    "E08000004", // Oldham
    "E08000024", // Sunderland
    "E08000017", // Doncaster
    "E09000030", // Tower Hamlets
    "E09000005", // Brent
    "E09000025", // Newham
    "E07000137", // East Lindsey
    "E06000065", // North Yorkshire
    "E06000052", // Cornwall
];

/// Douglas-Peucker tolerance in degrees (about 300 m north-south): a few KB per authority.
const TOLERANCE: f64 = 0.003;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/data"), PathBuf::from);
    let out = Path::new("fixtures/open-data/demo");
    fs::create_dir_all(out)?;

    // 1. Authorities: the demo's, every London borough, and the districts merged into them.
    let mut reader = csv::Reader::from_path(data.join("boundaries/local_authorities.csv"))?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no {name} column"))
    };
    let (gss, code, replaced) = (
        column("gss-code")?,
        column("local-authority-code")?,
        column("replaced-by")?,
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    let chosen = |r: &csv::StringRecord| {
        let g = &r[gss];
        DEMO_AUTHORITIES.contains(&g) || g.starts_with("E09")
    };
    let successors: BTreeSet<String> = rows
        .iter()
        .filter(|r| chosen(r))
        .map(|r| r[code].to_owned())
        .collect();
    let mut writer = csv::Writer::from_path(out.join("local_authorities.csv"))?;
    writer.write_record(&headers)?;
    let mut codes = BTreeSet::new();
    for row in rows
        .iter()
        .filter(|r| chosen(r) || successors.contains(&r[replaced]))
    {
        writer.write_record(row)?;
        if !row[gss].is_empty() {
            codes.insert(row[gss].to_owned());
        }
    }
    writer.flush()?;

    // 2. Boundaries, simplified.
    let text = fs::read_to_string(data.join("boundaries/lad_2023_buc.geojson"))?;
    let mut collection: Value = serde_json::from_str(&text)?;
    let features: Vec<Value> = collection["features"]
        .as_array()
        .ok_or("no features")?
        .iter()
        .filter(|f| {
            f["properties"]["LAD23CD"]
                .as_str()
                .is_some_and(|c| codes.contains(c))
        })
        .map(|f| {
            let mut f = f.clone();
            simplify_geometry(&mut f["geometry"]);
            f
        })
        .collect();
    let written = features.len();
    collection["features"] = Value::Array(features);
    fs::write(
        out.join("lad_2023_buc.geojson"),
        serde_json::to_string(&collection)?,
    )?;

    // 3. Census rows under any of those codes (2022 codes included, for the roll-up).
    for table in ["ts024", "ts030"] {
        let name = format!("census2021-{table}-ltla.csv");
        let mut reader = csv::Reader::from_path(data.join("census2021").join(&name))?;
        let headers = reader.headers()?.clone();
        let at = headers
            .iter()
            .position(|h| h == "geography code")
            .ok_or("no geography code column")?;
        let mut writer = csv::Writer::from_path(out.join(&name))?;
        writer.write_record(&headers)?;
        for row in reader.records() {
            let row = row?;
            if codes.contains(&row[at]) {
                writer.write_record(&row)?;
            }
        }
        writer.flush()?;
    }
    println!(
        "{} authority codes, {written} boundaries written to {}",
        codes.len(),
        out.display()
    );
    Ok(())
}

fn simplify_geometry(geometry: &mut Value) {
    let polygons: Vec<Value> = match geometry["type"].as_str() {
        Some("Polygon") => vec![geometry["coordinates"].clone()],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
        _ => return,
    };
    let mut kept: Vec<Value> = polygons
        .iter()
        .filter_map(|polygon| {
            let rings: Vec<Vec<[f64; 2]>> = polygon
                .as_array()?
                .iter()
                .map(ring_points)
                .collect::<Option<_>>()?;
            let mut out = Vec::new();
            for (i, ring) in rings.iter().enumerate() {
                let simple = douglas_peucker(ring, TOLERANCE);
                // A ring that collapses is a small island or hole: dropped (an outer ring
                // drops its whole polygon).
                if simple.len() < 4 {
                    if i == 0 {
                        return None;
                    }
                    continue;
                }
                out.push(json!(
                    simple
                        .iter()
                        .map(|p| [round4(p[0]), round4(p[1])])
                        .collect::<Vec<_>>()
                ));
            }
            Some(Value::Array(out))
        })
        .collect();
    if kept.is_empty() {
        // Everything collapsed: keep the first polygon as it was.
        kept = polygons.into_iter().take(1).collect();
    }
    *geometry = if kept.len() == 1 {
        json!({"type": "Polygon", "coordinates": kept.remove(0)})
    } else {
        json!({"type": "MultiPolygon", "coordinates": kept})
    };
}

fn ring_points(ring: &Value) -> Option<Vec<[f64; 2]>> {
    ring.as_array()?
        .iter()
        .map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
        .collect()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Douglas-Peucker over a closed ring (first point repeated last): the ring's ends stay.
fn douglas_peucker(points: &[[f64; 2]], tolerance: f64) -> Vec<[f64; 2]> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    // A closed ring's ends coincide: split it at the point farthest from the start first.
    let far = (1..points.len() - 1)
        .max_by(|&a, &b| distance(points[0], points[a]).total_cmp(&distance(points[0], points[b])))
        .unwrap_or(1);
    keep[far] = true;
    let mut stack = vec![(0, far), (far, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let mut worst = (0.0, 0);
        for i in first + 1..last {
            let d = segment_distance(points[i], points[first], points[last]);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn segment_distance(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length = dx * dx + dy * dy;
    if length == 0.0 {
        return distance(p, a);
    }
    let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length).clamp(0.0, 1.0);
    distance(p, [a[0] + t * dx, a[1] + t * dy])
}
