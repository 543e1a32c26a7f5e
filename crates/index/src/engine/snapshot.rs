//! The persisted candidate snapshot: the base [`Layer`]'s records (candidates, side entries,
//! facts) written beside the text index, so that a restart reads one file instead of scanning
//! and decoding every record from the database, then catches up from the change log.
//!
//! # Format (`candidates.bin`)
//!
//! ```text
//! MAGIC (8 bytes) | FORMAT_VERSION (u32 LE) | layout (u64 LE) | body (postcard)
//!     | body length (u64 LE) | checksum (u64 LE)
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
pub const FORMAT_VERSION: u32 = 2;
const HEADER: usize = MAGIC.len() + 4 + 8;

/// See the module documentation.
fn layout() -> u64 {
    let size = |n: usize| u64::try_from(n).unwrap_or(u64::MAX) & 0xffff;
    size(size_of::<Candidate>())
        | size(size_of::<SideEntry>()) << 16
        | size(size_of::<Facts>()) << 32
}
const TRAILER: usize = 16;

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
        hash: Hash64::new(),
        len: 0,
    };
    postcard::to_io(&body, &mut hashed)?;
    let Hashing {
        inner: mut out,
        hash,
        len,
    } = hashed;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&hash.finish().to_le_bytes())?;
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
    let le = |b: &[u8]| <[u8; 8]>::try_from(b).map(u64::from_le_bytes);
    let (len, hash) = (
        le(len).map_err(|_| SnapshotError::Invalid("truncated"))?,
        le(hash).map_err(|_| SnapshotError::Invalid("truncated"))?,
    );
    if len != body.len() as u64 {
        return Err(SnapshotError::Invalid("truncated"));
    }
    let mut check = Hash64::new();
    check.update(body);
    if check.finish() != hash {
        return Err(SnapshotError::Invalid("checksum mismatch"));
    }
    Ok(body)
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W> {
    inner: W,
    hash: Hash64,
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

/// A fast 64-bit checksum over 8-byte words (against truncation and bit rot, not an adversary);
/// the same bytes give the same value however they are split across `update` calls.
struct Hash64 {
    state: u64,
    pending: [u8; 8],
    pending_len: usize,
    total: u64,
}

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

impl Hash64 {
    fn new() -> Self {
        Self {
            state: 0xCBF2_9CE4_8422_2325,
            pending: [0; 8],
            pending_len: 0,
            total: 0,
        }
    }

    fn mix(&mut self, word: u64) {
        let x = (self.state ^ word).wrapping_mul(MULTIPLIER);
        self.state = x ^ (x >> 29);
    }

    fn update(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (8 - self.pending_len).min(bytes.len());
            let (head, tail) = bytes.split_at(take);
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(head);
            self.pending_len += take;
            bytes = tail;
            if self.pending_len < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.pending));
            self.pending_len = 0;
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut array = [0u8; 8];
            array.copy_from_slice(word);
            self.mix(u64::from_le_bytes(array));
        }
        let tail = words.remainder();
        self.pending[..tail.len()].copy_from_slice(tail);
        self.pending_len = tail.len();
    }

    fn finish(mut self) -> u64 {
        if self.pending_len > 0 {
            let mut last = [0u8; 8];
            last[..self.pending_len].copy_from_slice(&self.pending[..self.pending_len]);
            self.mix(u64::from_le_bytes(last));
        }
        let total = self.total;
        self.mix(total);
        self.state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checksum_does_not_depend_on_how_bytes_are_split() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut whole = Hash64::new();
        whole.update(&bytes);
        let whole = whole.finish();
        for split in [1, 3, 8, 13, 500] {
            let mut parts = Hash64::new();
            for chunk in bytes.chunks(split) {
                parts.update(chunk);
            }
            assert_eq!(parts.finish(), whole, "split {split}");
        }
        let mut flipped = bytes.clone();
        flipped[400] ^= 1;
        let mut other = Hash64::new();
        other.update(&flipped);
        assert_ne!(other.finish(), whole);
        let mut shorter = Hash64::new();
        shorter.update(&bytes[..999]);
        assert_ne!(shorter.finish(), whole);
    }
}
