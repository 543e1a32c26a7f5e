//! A text query scored on given documents only, alternative by alternative.
//!
//! # Why not tantivy's scorer of the whole query
//!
//! Each term matches by up to four alternatives (exact or fuzzy, in the name or the text), which
//! tantivy joins in a buffered union: to answer one `seek` the union scores every posting of
//! every alternative within a window of 4,096 documents. The records within a radius are spread
//! over the whole index (documents follow record ids, not places), a few per window, so moving
//! that union from member to member scored every posting of the words nationally: a city's
//! search cost what a national one does (issue 21, item 5). Here each alternative's own scorer
//! (BM25 for an exact term, a constant for a fuzzy one) is moved to each member document and
//! asked for that document only.
//!
//! # Same scores, bit for bit
//!
//! The alternatives' scorers are tantivy's own, built from the same weights (whole-index BM25
//! statistics, the same boosts); only the sums are made here, in the order tantivy makes them:
//! - a term's alternatives that match are added in clause order starting from 0 (the union's
//!   `SumCombiner` adds the scorers on a document in their order);
//! - all terms ([`Join::All`]) is tantivy's intersection, which adds its two cheapest scorers
//!   and then the rest; with at most two terms the order cannot change an `f32` sum, so
//!   [`Join::All`] takes at most [`MAX_ALL_TERMS`] terms (longer queries keep tantivy's scorer);
//! - any term ([`Join::Any`]) is a union again: the terms' sums in term order from 0.

use tantivy::query::{EnableScoring, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, Searcher};

use super::{MemberHit, Members, SegmentMembers};
use crate::text::IndexError;

/// The most terms [`Join::All`] sums here: beyond two, tantivy's intersection adds its scorers
/// in an order that depends on their costs in each segment.
pub(super) const MAX_ALL_TERMS: usize = 2;

/// How the terms of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    /// Every term must match; the score is the sum of the terms' scores.
    All,
    /// Any term; the score is the sum of the matching terms' scores.
    Any,
}

/// Every member document matching the terms, each term given as its alternatives
/// ([`crate::text::TextIndex::term_alternatives`]), scored as tantivy scores the boolean query
/// made of them.
///
/// # Panics
/// With [`Join::All`] and more than [`MAX_ALL_TERMS`] terms.
pub(super) fn scored_by_alternatives(
    searcher: &Searcher,
    terms: &[Vec<Box<dyn Query>>],
    join: Join,
    docs: &[SegmentMembers],
    members: &Members,
) -> Result<Vec<MemberHit>, IndexError> {
    assert!(
        join == Join::Any || terms.len() <= MAX_ALL_TERMS,
        "the sum of more than {MAX_ALL_TERMS} required terms depends on tantivy's scorer costs"
    );
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let weights = terms
        .iter()
        .map(|alternatives| {
            alternatives
                .iter()
                .map(|query| query.weight(scoring))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut hits = Vec::new();
    for (segment, docs) in searcher.segment_readers().iter().zip(docs) {
        if docs.is_empty() {
            continue;
        }
        let mut scorers = Vec::with_capacity(weights.len());
        for alternatives in &weights {
            scorers.push(TermScorers::new(alternatives, segment)?);
        }
        if join == Join::All && scorers.iter().any(TermScorers::is_empty) {
            continue;
        }
        for &(doc, rank) in docs {
            let score = match join {
                Join::All => all_terms(&mut scorers, doc),
                Join::Any => any_term(&mut scorers, doc),
            };
            if let Some(score) = score {
                hits.push(MemberHit {
                    position: members.positions[rank as usize],
                    score,
                });
            }
        }
    }
    Ok(hits)
}

/// The sum of every term's score when all match.
fn all_terms(terms: &mut [TermScorers], doc: DocId) -> Option<Score> {
    let mut sum: Option<Score> = None;
    for term in terms {
        // A term that does not match ends the document: later terms' scorers are left behind,
        // which is fine as documents come in increasing order.
        let score = term.score(doc)?;
        sum = Some(sum.map_or(score, |sum| sum + score));
    }
    sum
}

/// The sum, in term order from 0, of the scores of the terms that match.
fn any_term(terms: &mut [TermScorers], doc: DocId) -> Option<Score> {
    let mut sum: Option<Score> = None;
    for term in terms {
        if let Some(score) = term.score(doc) {
            sum = Some(sum.unwrap_or(0.0) + score);
        }
    }
    sum
}

/// The scorers of one term's alternatives in one segment, in clause order.
struct TermScorers {
    alternatives: Vec<Box<dyn Scorer>>,
}

impl TermScorers {
    fn new(weights: &[Box<dyn Weight>], segment: &tantivy::SegmentReader) -> tantivy::Result<Self> {
        let mut alternatives = Vec::with_capacity(weights.len());
        for weight in weights {
            // Boost 1: as the boolean query passes it down; each alternative's own boost is in
            // its weight.
            let scorer = weight.scorer(segment, 1.0)?;
            // An alternative with no document in this segment never matches: dropping it keeps
            // the order of the others, as tantivy's union does.
            if scorer.doc() != tantivy::TERMINATED {
                alternatives.push(scorer);
            }
        }
        Ok(Self { alternatives })
    }

    fn is_empty(&self) -> bool {
        self.alternatives.is_empty()
    }

    /// The term's score on `doc` when an alternative matches it; `doc` must not be below the
    /// documents asked before.
    fn score(&mut self, doc: DocId) -> Option<Score> {
        let mut sum: Option<Score> = None;
        for scorer in &mut self.alternatives {
            let mut current = scorer.doc();
            if current < doc {
                current = scorer.seek(doc);
            }
            if current == doc {
                sum = Some(sum.unwrap_or(0.0) + scorer.score());
            }
        }
        sum
    }
}
