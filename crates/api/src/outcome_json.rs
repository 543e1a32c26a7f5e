//! The JSON of a [`MatchOutcome`], written straight into a byte buffer: byte for byte what
//! `serde_json::to_vec` writes from its `Serialize` implementation (the documented schema), in
//! about half the time.
//!
//! Why: at one client, a 20-result answer spent a fifth of its CPU in the generic encoder (a
//! call chain per key, value and comma, a `fmt` adapter per sentence, a byte-by-byte escape
//! scan of every key). Here the structure is literal bytes, each sentence is written once into
//! a reused `String`, and a string that needs no escaping (all of ours, almost always) is copied
//! whole. Numbers, the agency contact, relaxations and teams still go through `serde_json`, so
//! their formatting cannot drift. `tests/it/outcome_json.rs` compares the two encoders.

use std::fmt::Write as _;

use carematch_matching::english::Detail;
use carematch_matching::{Explanation, Match, MatchOutcome};
use serde::Serialize;

/// Encodes `outcome` as `serde_json::to_vec(outcome)` would.
pub fn match_outcome(outcome: &MatchOutcome) -> Result<Vec<u8>, serde_json::Error> {
    // An explained match is about 1 KB of JSON: sized up front, the buffer is never copied.
    let mut out = Vec::with_capacity(512 + 1024 * outcome.matches.len());
    let mut text = String::new();
    out.extend_from_slice(b"{\"matches\":[");
    for (i, m) in outcome.matches.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_match(&mut out, &mut text, m)?;
    }
    out.extend_from_slice(b"],\"relaxations\":");
    serde_json::to_writer(&mut out, &outcome.relaxations)?;
    out.extend_from_slice(b",\"considered\":");
    serde_json::to_writer(&mut out, &outcome.considered)?;
    if !outcome.teams.is_empty() {
        out.extend_from_slice(b",\"teams\":");
        serde_json::to_writer(&mut out, &outcome.teams)?;
    }
    out.push(b'}');
    Ok(out)
}

fn write_match(out: &mut Vec<u8>, text: &mut String, m: &Match) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"kind\":");
    serde_json::to_writer(&mut *out, &m.kind)?;
    out.extend_from_slice(b",\"id\":");
    serde_json::to_writer(&mut *out, &m.id)?;
    out.extend_from_slice(b",\"name\":");
    write_str(out, &m.name)?;
    out.extend_from_slice(b",\"score\":");
    serde_json::to_writer(&mut *out, &m.score)?;
    out.extend_from_slice(b",\"distance_km\":");
    serde_json::to_writer(&mut *out, &m.distance_km)?;
    out.extend_from_slice(b",\"criteria\":[");
    for (i, line) in m.criteria.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_line(out, text, line)?;
    }
    out.push(b']');
    if let Some(agency) = &m.agency {
        out.extend_from_slice(b",\"agency\":");
        serde_json::to_writer(&mut *out, agency)?;
    }
    out.push(b'}');
    Ok(())
}

/// One `CriterionResult`: criterion, required, result, detail.
fn write_line(
    out: &mut Vec<u8>,
    text: &mut String,
    line: &Explanation,
) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"criterion\":");
    write_display(out, text, &line.criterion)?;
    out.extend_from_slice(if line.required {
        b",\"required\":true,\"result\":"
    } else {
        b",\"required\":false,\"result\":"
    });
    serde_json::to_writer(&mut *out, &line.outcome)?;
    out.extend_from_slice(b",\"detail\":");
    write_display(out, text, &Detail(line))?;
    out.push(b'}');
    Ok(())
}

/// `value`'s text as a JSON string, written through `text` (cleared first).
fn write_display(
    out: &mut Vec<u8>,
    text: &mut String,
    value: &impl std::fmt::Display,
) -> Result<(), serde_json::Error> {
    text.clear();
    write!(text, "{value}").map_err(serde::ser::Error::custom)?;
    write_str(out, text)
}

/// A JSON string: copied whole when nothing in it needs escaping (serde_json escapes only `"`,
/// `\` and control characters), else written by serde_json.
fn write_str(out: &mut Vec<u8>, s: &str) -> Result<(), serde_json::Error> {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        s.serialize(&mut serde_json::Serializer::new(out))
    }
}
