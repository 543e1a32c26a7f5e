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
//! 2. each segment's `tag` column is read once in document order, which lists the set's
//!    documents of that segment already sorted;
//! 3. the text query's scorer is advanced with `seek` to each of those documents only, so the
//!    work grows with the size of the set, not with how common the words are nationally.
//!
//! Scores use the whole index's statistics (BM25 over every document), so a record scores what
//! it scores in an unlimited search. Nothing about places enters the text index.

use tantivy::query::{AllQuery, EnableScoring, Occur, Query};
use tantivy::{DocId, DocSet, Score, Searcher, TERMINATED};

use super::schema::TAG_FIELD;
use super::{DocKind, IndexError, TextIndex, query_terms};

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
        let docs = member_docs(searcher, members)?;
        let terms = query_terms(q);
        if terms.is_empty() {
            let hits = scored(searcher, &AllQuery, &docs, members)?;
            return Ok(AmongResults {
                hits,
                matched_all_terms: true,
            });
        }
        let every = self.text_query(&terms, Occur::Must, Vec::new());
        let hits = scored(searcher, &every, &docs, members)?;
        if !hits.is_empty() || terms.len() == 1 {
            return Ok(AmongResults {
                hits,
                matched_all_terms: true,
            });
        }
        let any = self.text_query(&terms, Occur::Should, Vec::new());
        Ok(AmongResults {
            hits: scored(searcher, &any, &docs, members)?,
            matched_all_terms: false,
        })
    }
}

/// Reads each segment's `tag` column once, in document order, keeping live member documents.
fn member_docs(searcher: &Searcher, members: &Members) -> Result<Vec<SegmentMembers>, IndexError> {
    /// Values decoded per call: a few KiB on the stack, amortising the column's dispatch.
    const CHUNK: usize = 512;
    let mut all = Vec::with_capacity(searcher.segment_readers().len());
    for segment in searcher.segment_readers() {
        let mut docs = Vec::new();
        if !members.is_empty() {
            let column = segment.fast_fields().u64(TAG_FIELD)?;
            let alive = segment.alive_bitset();
            let max_doc = segment.max_doc();
            let mut keep = |doc: DocId, tag: u64| {
                if let Some(rank) = members.rank(tag)
                    && alive.is_none_or(|alive| alive.is_alive(doc))
                {
                    docs.push((doc, rank));
                }
            };
            if column.get_cardinality() == tantivy::columnar::Cardinality::Full {
                // Every document has a tag (the schema adds one to each), so the column's
                // values are indexed by document: decode them in blocks.
                let mut buffer = [0u64; CHUNK];
                let mut start: DocId = 0;
                while start < max_doc {
                    let len = (max_doc - start).min(CHUNK as DocId);
                    let chunk = &mut buffer[..len as usize];
                    column.values.get_range(u64::from(start), chunk);
                    for (doc, &tag) in (start..).zip(chunk.iter()) {
                        keep(doc, tag);
                    }
                    start += len;
                }
            } else {
                for doc in 0..max_doc {
                    if let Some(tag) = column.first(doc) {
                        keep(doc, tag);
                    }
                }
            }
        }
        all.push(docs);
    }
    Ok(all)
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
    }

    #[test]
    fn an_empty_set_has_no_members() {
        let members = Members::new(&[]);
        assert!(members.is_empty());
        assert_eq!(members.rank(2), None);
    }
}
