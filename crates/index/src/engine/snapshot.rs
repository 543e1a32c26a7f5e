//! The persisted candidate snapshot: the base [`Layer`]'s records (candidates, side entries,
//! facts) written beside the text index, so that a restart reads one file instead of scanning
//! and decoding every record from the database, then catches up from the change log.
//!
//! # Format (`candidates.bin`)
//!
//! ```text
//! MAGIC (8 bytes) | FORMAT_VERSION (u32 LE) | layout (u64 LE) | body (postcard)
//!     | body length (u64 LE) | CRC-32 of the body (u32 LE, `crc32fast`)
//! ```
//!
//! `layout` packs the in-memory sizes of [`Candidate`], [`SideEntry`] and [`Facts`]: a cheap
//! guard against a field added without a version bump (the integration tests also pin the
//! serialised form of fixture candidates to [`FORMAT_VERSION`]).
//!
//! The body is [`Body`]: the change-log position the records reflect (every change up to it is
//! included; later ones may be, and are applied again by the catch-up, which is harmless), the
//! change at that position (kind, id and time, so that a file left from another database of the same
//! length is not trusted), then the candidates, side entries and facts, slot by slot. The file is
//! written to a temporary name and renamed, so a reader sees an old file or a whole new one. A
//! file that is missing, of another version, truncated, corrupt (checksum) or ahead of the
//! database is never used: the engine falls back to the full scan.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use carematch_matching::{Candidate, CandidateKind, Roster, SideEntry};
use carematch_store::{Entity, Store, StoreError};
use serde::{Deserialize, Serialize};

use super::{Facts, Key, Layer};

/// The snapshot's file name in the index folder.
pub const FILE: &str = "candidates.bin";
const TEMP: &str = "candidates.bin.tmp";
const MAGIC: [u8; 8] = *b"CMCANDS\0";
/// Bump whenever the body or anything serialised in it ([`Candidate`], [`SideEntry`], [`Facts`],
/// or how `Candidate::from_carer`/`from_provider` derive their fields) changes meaning.
/// 2: a carer's location is its public cell, with the real base and faith in `Candidate::held`.
/// 3: the trailer's checksum is a CRC-32 (4 bytes) instead of a hand-written 64-bit hash.
/// 4: a carer's `accepting`/`accepting_confirmed` are its capacity flag (full without free
///    hours; a flag never confirmed never lapses) instead of always accepting.
/// 5: a candidate's medical diets, delivery modes, LGBT+ inclusion and the languages it reads
///    and writes.
/// 6: a candidate's `confirmed_on` (its last confirmation, for the score's freshness).
pub const FORMAT_VERSION: u32 = 6;
const HEADER: usize = MAGIC.len() + 4 + 8;

/// See the module documentation.
fn layout() -> u64 {
    let size = |n: usize| u64::try_from(n).unwrap_or(u64::MAX) & 0xffff;
    size(size_of::<Candidate>())
        | size(size_of::<SideEntry>()) << 16
        | size(size_of::<Facts>()) << 32
}
/// Body length (8 bytes) and CRC-32 (4 bytes).
const TRAILER: usize = 12;

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("reading or writing the candidate snapshot: {0}")]
    Io(#[from] std::io::Error),
    #[error("decoding the candidate snapshot: {0}")]
    Decode(#[from] postcard::Error),
    #[error("checking the candidate snapshot against the change log: {0}")]
    Store(#[from] StoreError),
    #[error("candidate snapshot unusable: {0}")]
    Invalid(&'static str),
}

/// The change at the snapshot's position, when there is one: kind, id and commit time in
/// microseconds.
type Marker = Option<(CandidateKind, i64, i64)>;

#[derive(Serialize)]
struct BodyRef<'a> {
    seq: i64,
    marker: Marker,
    candidates: &'a [Candidate],
    sides: &'a [&'a SideEntry],
    facts: &'a [Facts],
}

#[derive(Deserialize)]
struct Body {
    seq: i64,
    marker: Marker,
    candidates: Vec<Candidate>,
    sides: Vec<SideEntry>,
    facts: Vec<Facts>,
}

/// A snapshot read back: a roster and the facts of its records, as [`Layer::build`] takes them.
pub struct Loaded {
    pub seq: i64,
    pub roster: Roster,
    pub facts: Vec<(Key, Facts)>,
}

pub fn path(index_dir: &Path) -> PathBuf {
    index_dir.join(FILE)
}

fn marker(store: &Store, seq: i64) -> Result<Marker, StoreError> {
    if seq <= 0 {
        return Ok(None);
    }
    let changes = store.changes_since(seq - 1, 1)?;
    Ok(changes.first().filter(|c| c.seq == seq).map(|c| {
        let kind = match c.entity {
            Entity::Carer => CandidateKind::Carer,
            Entity::Provider => CandidateKind::Provider,
        };
        (kind, c.entity_id, c.at.timestamp_micros())
    }))
}

/// Writes `layer` as the snapshot at change-log position `seq`, atomically; returns its size in
/// bytes.
pub fn write(
    index_dir: &Path,
    store: &Store,
    seq: i64,
    layer: &Layer,
) -> Result<u64, SnapshotError> {
    let roster = layer.set.roster();
    let sides: Vec<&SideEntry> = (0..roster.len() as u32)
        .filter_map(|slot| roster.side(slot))
        .collect();
    if sides.len() != roster.len() || layer.facts.len() != roster.len() {
        return Err(SnapshotError::Invalid(
            "roster, side table and facts differ in length",
        ));
    }
    let body = BodyRef {
        seq,
        marker: marker(store, seq)?,
        candidates: roster.candidates(),
        sides: &sides,
        facts: &layer.facts,
    };
    let temp = index_dir.join(TEMP);
    let file = File::create(&temp)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    out.write_all(&MAGIC)?;
    out.write_all(&FORMAT_VERSION.to_le_bytes())?;
    out.write_all(&layout().to_le_bytes())?;
    let mut hashed = Hashing {
        inner: out,
        hash: crc32fast::Hasher::new(),
        len: 0,
    };
    postcard::to_io(&body, &mut hashed)?;
    let Hashing {
        inner: mut out,
        hash,
        len,
    } = hashed;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&hash.finalize().to_le_bytes())?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temp, path(index_dir))?;
    // Make the rename durable; not every platform can open a folder, which is not an error.
    if let Ok(dir) = File::open(index_dir) {
        let _ = dir.sync_all();
    }
    Ok(len + (HEADER + TRAILER) as u64)
}

/// Reads the snapshot in `index_dir`: `Ok(None)` when there is none; an error when it cannot be
/// trusted (the caller then scans the database). `latest_seq` is the change log's position.
pub fn load(
    index_dir: &Path,
    store: &Store,
    latest_seq: i64,
) -> Result<Option<Loaded>, SnapshotError> {
    let mut file = match File::open(path(index_dir)) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    drop(file);
    let body = verified_body(&bytes)?;
    let (body, rest) = postcard::take_from_bytes::<Body>(body)?;
    if !rest.is_empty() {
        return Err(SnapshotError::Invalid("trailing bytes after the body"));
    }
    drop(bytes);
    let Body {
        seq,
        marker: stored_marker,
        candidates,
        sides,
        facts,
    } = body;
    if seq < 0 || seq > latest_seq {
        return Err(SnapshotError::Invalid("ahead of the database's change log"));
    }
    if marker(store, seq)? != stored_marker {
        return Err(SnapshotError::Invalid("written for another database"));
    }
    if candidates.len() != sides.len() || candidates.len() != facts.len() {
        return Err(SnapshotError::Invalid(
            "roster, side table and facts differ in length",
        ));
    }
    let mut keys: Vec<Key> = candidates.iter().map(|c| (c.kind(), c.id())).collect();
    keys.sort_unstable();
    if keys.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(SnapshotError::Invalid("a record appears twice"));
    }
    drop(keys);
    let mut roster = Roster::with_capacity(candidates.len());
    let mut by_key = Vec::with_capacity(candidates.len());
    for ((candidate, side), facts) in candidates.into_iter().zip(sides).zip(facts) {
        by_key.push(((candidate.kind(), candidate.id()), facts));
        roster.push(candidate, side);
    }
    Ok(Some(Loaded {
        seq,
        roster,
        facts: by_key,
    }))
}

/// Checks magic, version, length and checksum; returns the body.
fn verified_body(bytes: &[u8]) -> Result<&[u8], SnapshotError> {
    if bytes.len() < HEADER + TRAILER {
        return Err(SnapshotError::Invalid("truncated"));
    }
    let (header, rest) = bytes.split_at(HEADER);
    let (magic, rest_of_header) = header.split_at(MAGIC.len());
    let (version, layout_bytes) = rest_of_header.split_at(4);
    if magic != MAGIC {
        return Err(SnapshotError::Invalid("not a candidate snapshot"));
    }
    if version != FORMAT_VERSION.to_le_bytes() {
        return Err(SnapshotError::Invalid("another format version"));
    }
    if layout_bytes != layout().to_le_bytes() {
        return Err(SnapshotError::Invalid(
            "written by a build with other record layouts",
        ));
    }
    let (body, trailer) = rest.split_at(rest.len() - TRAILER);
    let (len, hash) = trailer.split_at(8);
    let (len, hash) = (
        <[u8; 8]>::try_from(len)
            .map(u64::from_le_bytes)
            .map_err(|_| SnapshotError::Invalid("truncated"))?,
        <[u8; 4]>::try_from(hash)
            .map(u32::from_le_bytes)
            .map_err(|_| SnapshotError::Invalid("truncated"))?,
    );
    if len != body.len() as u64 {
        return Err(SnapshotError::Invalid("truncated"));
    }
    if crc32fast::hash(body) != hash {
        return Err(SnapshotError::Invalid("checksum mismatch"));
    }
    Ok(body)
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hash: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        let written = buf.get(..n).unwrap_or(buf);
        self.hash.update(written);
        self.len += written.len() as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
