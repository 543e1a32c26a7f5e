//! What the service's bench examples share: flags, and a database with the fixtures' gazetteer.

use std::error::Error;
use std::path::Path;

use carematch_generate::Place;
use carematch_store::Store;
use carematch_store::gazetteer::GazetteerReader;

/// The number after `name` on the command line, else `default`.
pub fn arg(name: &str, default: usize) -> Result<usize, Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == name) {
        Some(i) => Ok(args.get(i + 1).ok_or("a value after the flag")?.parse()?),
        None => Ok(default),
    }
}

/// The fixtures folder of the repository.
pub fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures"))
}

/// Connects to `url`, migrates, loads the fixtures' gazetteer, and returns its live postcodes as
/// the generator's places.
pub fn open(url: &str, connections: u32) -> Result<(Store, Vec<Place>), Box<dyn Error>> {
    let store = Store::connect(url, connections)?;
    store.migrate()?;
    let gazetteer = fixtures().join("gazetteer.csv");
    store.import_postcodes(GazetteerReader::open(&gazetteer)?, &|_| {})?;
    let places = GazetteerReader::open(&gazetteer)?
        .filter_map(Result::ok)
        .filter(|row| !row.terminated)
        .map(|row| Place {
            postcode: row.postcode,
            point: row.point,
        })
        .collect();
    Ok((store, places))
}
