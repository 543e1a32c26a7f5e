//! Text search limited to a given set of records: every record of the set that matches, scored
//! as [`TextIndex::search`] scores it, however many records outside the set match too.
//!
//! # Why not page through the national hits
//!
//! A search with a place used to rank the best hits nationally (at most 11,000) and then keep
//! those within the radius: for a word most records share, the records of one city were mostly
//! ranked out before distance was looked at (issue 21: 222 of at least 807 carers within 10 km).
//! Here the set comes first (the caller takes it from the R-tree, exact by construction), and the
//! text query is only evaluated on its documents:
//!
//! 1. the set is a bitset over tags (`id * 2 + kind`, the `tag` fast column of the schema);
//! 2. each segment's documents are kept in tag order, read once per segment ([`tags`]), and the
//!    set's tags are looked up there, giving the set's documents of that segment;
//! 3. each term's scorers are advanced with `seek` to those documents only ([`scoring`]), so the
//!    work grows with the size of the set, not with how common the words are nationally.
//!
//! Scores use the whole index's statistics (BM25 over every document), so a record scores what
//! it scores in an unlimited search. Nothing about places enters the text index.

use tantivy::query::{AllQuery, EnableScoring, Occur, Query};
use tantivy::{DocId, DocSet, Score, Searcher, TERMINATED};

use super::{DocKind, IndexError, TextIndex, query_terms};
use scoring::{Join, MAX_ALL_TERMS, scored_by_alternatives};
pub(crate) use tags::TagCache;

mod scoring;
mod tags;

/// The records a search is limited to, as given to [`Members::new`].
#[derive(Debug, Clone, Default)]
pub struct Members {
    /// Bit `tag` is set for each member.
    words: Vec<u64>,
    /// Members in the words before each word: a member's rank (its place in tag order) is
    /// `before[word]` plus the members below it in its word.
    before: Vec<u32>,
    /// The input position of each member, by rank.
    positions: Vec<u32>,
}

impl Members {
    /// The set of `records`; hits report a record by its position in this slice. A record given
    /// twice is reported at its last position.
    ///
    /// # Panics
    /// With more than `u32::MAX` records.
    pub fn new(records: &[(DocKind, i64)]) -> Self {
        let tags: Vec<u64> = records
            .iter()
            .map(|&(kind, id)| super::schema::tag(kind, id))
            .collect();
        let Some(&max) = tags.iter().max() else {
            return Self::default();
        };
        let word_count = usize::try_from(max / 64 + 1).expect("tags of records held in memory");
        let mut words = vec![0u64; word_count];
        for &tag in &tags {
            words[(tag / 64) as usize] |= 1 << (tag % 64);
        }
        let mut before = Vec::with_capacity(word_count);
        let mut count = 0u32;
        for word in &words {
            before.push(count);
            count += word.count_ones();
        }
        let mut members = Self {
            words,
            before,
            positions: vec![0; count as usize],
        };
        for (position, &tag) in tags.iter().enumerate() {
            let position = u32::try_from(position).expect("fewer than 2^32 records");
            if let Some(rank) = members.rank(tag) {
                members.positions[rank as usize] = position;
            }
        }
        members
    }

    /// Distinct records in the set.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// Member tags in ascending order, each with its rank.
    fn tags(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        let tags = self.words.iter().zip(0u64..).flat_map(|(&word, at)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros();
                    bits &= bits - 1;
                    at * 64 + u64::from(bit)
                })
            })
        });
        tags.zip(0u32..)
    }

    /// The rank of `tag` when it is a member.
    fn rank(&self, tag: u64) -> Option<u32> {
        let word = *self.words.get(usize::try_from(tag / 64).ok()?)?;
        let bit = 1u64 << (tag % 64);
        (word & bit != 0)
            .then(|| self.before[(tag / 64) as usize] + (word & (bit - 1)).count_ones())
    }
}

/// A member that matched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemberHit {
    /// Its position in the slice given to [`Members::new`].
    pub position: u32,
    pub score: Score,
}

/// Every member that matched, in no particular order.
#[derive(Debug, Clone, PartialEq)]
pub struct AmongResults {
    pub hits: Vec<MemberHit>,
    /// False when no member had every term and the hits are the members with any term.
    pub matched_all_terms: bool,
}

/// A segment's member documents in document order, each with its member rank.
type SegmentMembers = Vec<(DocId, u32)>;

impl TextIndex {
    /// Every member of `members` matching `q`, with the score [`TextIndex::search`] gives it.
    /// All terms must match; when no member has them all and there were several terms, members
    /// with any term are returned and [`AmongResults::matched_all_terms`] is false. A blank `q`
    /// matches every indexed member, all with the same score. Members not in the index are left out.
    pub fn search_among(
        &self,
        searcher: &Searcher,
        q: &str,
        members: &Members,
    ) -> Result<AmongResults, IndexError> {
        let docs = self.tags.member_docs(searcher, members)?;
        let terms = query_terms(q);
        if terms.is_empty() {
            let hits = scored(searcher, &AllQuery, &docs, members)?;
            return Ok(AmongResults {
                hits,
                matched_all_terms: true,
            });
        }
        let alternatives: Vec<Vec<Box<dyn Query>>> = terms
            .iter()
            .map(|term| self.term_alternatives(term))
            .collect();
        let hits = if terms.len() <= MAX_ALL_TERMS {
            scored_by_alternatives(searcher, &alternatives, Join::All, &docs, members)?
        } else {
            let every = self.text_query(&terms, Occur::Must, Vec::new());
            scored(searcher, &every, &docs, members)?
        };
        if !hits.is_empty() || terms.len() == 1 {
            return Ok(AmongResults {
                hits,
                matched_all_terms: true,
            });
        }
        Ok(AmongResults {
            hits: scored_by_alternatives(searcher, &alternatives, Join::Any, &docs, members)?,
            matched_all_terms: false,
        })
    }
}

/// Runs `query` on the given documents only: its scorer is moved forward to each of them.
fn scored(
    searcher: &Searcher,
    query: &dyn Query,
    docs: &[SegmentMembers],
    members: &Members,
) -> Result<Vec<MemberHit>, IndexError> {
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut hits = Vec::new();
    for (segment, docs) in searcher.segment_readers().iter().zip(docs) {
        if docs.is_empty() {
            continue;
        }
        let mut scorer = weight.scorer(segment, 1.0)?;
        for &(doc, rank) in docs {
            let mut current = scorer.doc();
            if current < doc {
                current = scorer.seek(doc);
            }
            if current == TERMINATED {
                break;
            }
            if current == doc {
                hits.push(MemberHit {
                    position: members.positions[rank as usize],
                    score: scorer.score(),
                });
            }
        }
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_tag_order_and_positions_follow_input() {
        let records = [
            (DocKind::Provider, 3),
            (DocKind::Carer, 70),
            (DocKind::Carer, 3),
            (DocKind::Carer, 1),
        ];
        let members = Members::new(&records);
        assert_eq!(members.len(), 4);
        let tag = |kind, id| super::super::schema::tag(kind, id);
        // Tags 2, 6, 7, 140 in order.
        assert_eq!(members.rank(tag(DocKind::Carer, 1)), Some(0));
        assert_eq!(members.rank(tag(DocKind::Carer, 3)), Some(1));
        assert_eq!(members.rank(tag(DocKind::Provider, 3)), Some(2));
        assert_eq!(members.rank(tag(DocKind::Carer, 70)), Some(3));
        assert_eq!(members.rank(tag(DocKind::Provider, 1)), None);
        assert_eq!(members.rank(tag(DocKind::Carer, 1_000_000)), None);
        assert_eq!(members.positions, [3, 2, 0, 1]);
        let in_order: Vec<(u64, u32)> = members.tags().collect();
        assert_eq!(in_order, [(2, 0), (6, 1), (7, 2), (140, 3)]);
    }

    #[test]
    fn an_empty_set_has_no_members() {
        let members = Members::new(&[]);
        assert!(members.is_empty());
        assert_eq!(members.rank(2), None);
    }
}
