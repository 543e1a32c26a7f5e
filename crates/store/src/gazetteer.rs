//! Reading postcode centroids from CSV.
//!
//! Two forms are recognised by their header (case-insensitive, extra columns ignored):
//! - the ONS National Statistics Postcode Lookup (NSPL): `pcds`, `lat`, `long`, `doterm`
//!   (a non-empty `doterm` means the postcode is terminated);
//! - the plain form `Postcode,lat,long`.
//!
//! Rows without coordinates (empty `lat`/`long`, or NSPL's placeholder latitude 99.999999) are
//! skipped and counted, not errors; read [`GazetteerReader::skipped`] after the rows. So are
//! postcodes outside today's Royal Mail formats, which the national files still carry as terminated
//! history (e.g. Newport's pre-1984 `NPT 0AD`): read [`GazetteerReader::nonstandard`]. A malformed
//! coordinate is a [`GazetteerError`] naming the line.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use carematch_domain::GeoPoint;
use carematch_domain::postcode::Postcode;

/// NSPL marks postcodes without a grid reference with this latitude (and longitude 0).
const NSPL_PLACEHOLDER_LAT: f64 = 99.999999;

/// One postcode and its centroid.
#[derive(Debug, Clone, PartialEq)]
pub struct PostcodeRow {
    pub postcode: Postcode,
    pub point: GeoPoint,
    /// No longer in use (NSPL `doterm` set). Still located, since old addresses persist.
    pub terminated: bool,
}

/// Why a gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read the postcode file: {0}")]
    Io(#[from] std::io::Error),
    #[error("line {line}: malformed CSV: {message}")]
    Csv { line: u64, message: String },
    #[error(
        "unrecognised postcode file header `{header}`: expected NSPL (pcds, lat, long, doterm) or Postcode,lat,long"
    )]
    UnknownFormat { header: String },
    #[error("line {line}: bad coordinates: {message}")]
    Coordinates { line: u64, message: String },
}

/// Which header form the file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerFormat {
    Nspl,
    Plain,
}

/// An iterator of postcode rows. Pass it by `&mut` to [`crate::Store::import_postcodes`] to read
/// [`GazetteerReader::skipped`] afterwards.
pub struct GazetteerReader<R: Read> {
    records: csv::StringRecordsIntoIter<R>,
    format: GazetteerFormat,
    postcode: usize,
    lat: usize,
    lon: usize,
    doterm: Option<usize>,
    skipped: u64,
    nonstandard: u64,
    failed: bool,
}

impl GazetteerReader<File> {
    /// Opens a CSV file.
    pub fn open(path: &Path) -> Result<Self, GazetteerError> {
        Self::new(File::open(path)?)
    }
}

impl<R: Read> GazetteerReader<R> {
    /// Reads the header and recognises the form.
    pub fn new(input: R) -> Result<Self, GazetteerError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(input);
        let headers = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
        let names: Vec<String> = headers
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect();
        let find = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
        let unknown = || GazetteerError::UnknownFormat {
            header: headers.iter().collect::<Vec<_>>().join(","),
        };
        let (format, postcode) = match (find(&["pcds"]), find(&["postcode"])) {
            (Some(i), _) => (GazetteerFormat::Nspl, i),
            (None, Some(i)) => (GazetteerFormat::Plain, i),
            (None, None) => return Err(unknown()),
        };
        let lat = find(&["lat", "latitude"]).ok_or_else(unknown)?;
        let lon = find(&["long", "lon", "longitude"]).ok_or_else(unknown)?;
        let doterm = find(&["doterm"]);
        Ok(Self {
            records: reader.into_records(),
            format,
            postcode,
            lat,
            lon,
            doterm,
            skipped: 0,
            nonstandard: 0,
            failed: false,
        })
    }

    pub fn format(&self) -> GazetteerFormat {
        self.format
    }

    /// Rows read so far that had no coordinates.
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Rows read so far whose postcode is not in a current format (skipped).
    pub fn nonstandard(&self) -> u64 {
        self.nonstandard
    }

    fn row(&mut self, record: &csv::StringRecord) -> Result<Option<PostcodeRow>, GazetteerError> {
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| record.get(i).unwrap_or_default();
        let (lat, lon) = (field(self.lat), field(self.lon));
        if lat.is_empty() || lon.is_empty() {
            self.skipped += 1;
            return Ok(None);
        }
        let number = |text: &str| {
            text.parse::<f64>()
                .map_err(|_| GazetteerError::Coordinates {
                    line,
                    message: format!("`{text}` is not a number"),
                })
        };
        let (lat, lon) = (number(lat)?, number(lon)?);
        if (lat - NSPL_PLACEHOLDER_LAT).abs() < 1e-9 {
            self.skipped += 1;
            return Ok(None);
        }
        let point = GeoPoint::new(lat, lon).map_err(|e| GazetteerError::Coordinates {
            line,
            message: e.to_string(),
        })?;
        let Ok(postcode) = Postcode::parse(field(self.postcode)) else {
            self.nonstandard += 1;
            return Ok(None);
        };
        let terminated = self.doterm.is_some_and(|i| !field(i).is_empty());
        Ok(Some(PostcodeRow {
            postcode,
            point,
            terminated,
        }))
    }
}

fn csv_error(error: &csv::Error, fallback_line: u64) -> GazetteerError {
    GazetteerError::Csv {
        line: error.position().map_or(fallback_line, csv::Position::line),
        message: error.to_string(),
    }
}

impl<R: Read> Iterator for GazetteerReader<R> {
    type Item = Result<PostcodeRow, GazetteerError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        loop {
            let record = match self.records.next()? {
                Ok(record) => record,
                Err(error) => {
                    // An I/O error would repeat forever; stop after reporting it.
                    self.failed = error.is_io_error();
                    return Some(Err(csv_error(&error, 0)));
                }
            };
            match self.row(&record) {
                Ok(Some(row)) => return Some(Ok(row)),
                Ok(None) => continue,
                Err(error) => return Some(Err(error)),
            }
        }
    }
}
