//! Times generating carers and serialising them to JSON Lines into `io::sink()`.
//!
//! ```text
//! cargo run --release -p carematch-generate --example generate_bench [-- CARERS]
//! ```
//!
//! Places are a synthetic grid of real-looking postcodes across the demo areas, so the figure
//! measures the generator and serde_json, not file reading.

use std::io;
use std::time::Instant;

use carematch_domain::{GeoPoint, Postcode};
use carematch_generate::{GeneratorConfig, Place, generate_carers, write_jsonl};
use chrono::NaiveDate;

fn places() -> Vec<Place> {
    let districts = [
        "LE1", "LE2", "L8", "BS5", "B11", "M4", "M13", "OL8", "SR4", "DN1", "E1", "E14", "NW10",
        "HA0", "E7", "E13", "PE25", "YO21", "EX23", "S1",
    ];
    let mut places = Vec::new();
    for (d, district) in districts.iter().enumerate() {
        for i in 0..200u32 {
            let inward = format!(
                "{}{}{}",
                i % 10,
                char::from(b'A' + (i / 10 % 20) as u8),
                char::from(b'B' + (i % 7) as u8)
            );
            let Ok(postcode) = Postcode::parse(&format!("{district} {inward}")) else {
                continue;
            };
            let Ok(point) = GeoPoint::new(51.0 + d as f64 * 0.2, -2.0 + f64::from(i) * 0.001)
            else {
                continue;
            };
            places.push(Place { postcode, point });
        }
    }
    places
}

fn main() -> io::Result<()> {
    let carers = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let places = places();
    let config = GeneratorConfig {
        seed: 2026,
        carers,
        providers: 0,
        today: NaiveDate::from_ymd_opt(2026, 11, 1).ok_or_else(|| io::Error::other("date"))?,
    };
    let started = Instant::now();
    let lines = write_jsonl(generate_carers(&config, &places), io::sink())?;
    let elapsed = started.elapsed();
    println!(
        "{lines} carers to JSON Lines in {:.2} s: {:.0} rows/s ({} places)",
        elapsed.as_secs_f64(),
        lines as f64 / elapsed.as_secs_f64(),
        places.len()
    );
    Ok(())
}
