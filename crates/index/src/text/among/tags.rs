//! Each segment's documents by tag, read once per segment and kept while the segment is in use.
//!
//! A search limited to a set of records needs the set's documents in each segment. Reading the
//! segment's `tag` column for that decodes a value per document of the whole index on every
//! search (a million at full size), however small the set. Segments never change once written
//! (deletes are a separate bitset, checked per search), so the column is read once per segment
//! into tag order, and each search looks its members up there: the work grows with the set.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::columnar::Cardinality;
use tantivy::index::SegmentId;
use tantivy::{DocId, Searcher, SegmentReader};

use super::{Members, SegmentMembers};
use crate::text::IndexError;
use crate::text::schema::TAG_FIELD;

/// One segment's documents in tag order (deleted ones included).
#[derive(Debug, Default)]
pub(crate) struct SegmentTags {
    /// Ascending; a tag appears more than once when a record was written again before the
    /// segment was committed (all but one of those documents are deleted).
    tags: Vec<u64>,
    /// The document of each tag.
    docs: Vec<DocId>,
}

impl SegmentTags {
    /// Reads the segment's `tag` column.
    fn read(segment: &SegmentReader) -> Result<Self, IndexError> {
        /// Values decoded per call: a few KiB on the stack, amortising the column's dispatch.
        const CHUNK: usize = 512;
        let column = segment.fast_fields().u64(TAG_FIELD)?;
        let max_doc = segment.max_doc();
        let mut pairs: Vec<(u64, DocId)> = Vec::with_capacity(max_doc as usize);
        if column.get_cardinality() == Cardinality::Full {
            // Every document has a tag (the schema adds one to each), so the column's values are
            // indexed by document: decode them in blocks.
            let mut buffer = [0u64; CHUNK];
            let mut start: DocId = 0;
            while start < max_doc {
                let len = (max_doc - start).min(CHUNK as DocId);
                let chunk = &mut buffer[..len as usize];
                column.values.get_range(u64::from(start), chunk);
                pairs.extend(chunk.iter().zip(start..).map(|(&tag, doc)| (tag, doc)));
                start += len;
            }
        } else {
            pairs.extend((0..max_doc).filter_map(|doc| Some((column.first(doc)?, doc))));
        }
        Ok(Self::from_pairs(pairs))
    }

    fn from_pairs(mut pairs: Vec<(u64, DocId)>) -> Self {
        // Documents are mostly written in key order, so this is often sorted already.
        if !pairs.is_sorted() {
            pairs.sort_unstable();
        }
        let (tags, docs) = pairs.into_iter().unzip();
        Self { tags, docs }
    }

    /// The members' documents in this segment, as `(doc, member rank)`, in tag order, deleted
    /// documents included.
    fn find(&self, members: &Members, found: impl FnMut(DocId, u32)) {
        // Scanning reads each entry once, in order; a lookup gallops over a few entries at
        // random. When the segment holds fewer than `SCAN_RATIO` entries per member (a small
        // segment of recent writes, or a dense city), scanning is the cheaper of the two.
        const SCAN_RATIO: usize = 32;
        if self.tags.len() <= members.len().saturating_mul(SCAN_RATIO) {
            self.scan(members, found);
        } else {
            self.gallop(members, found);
        }
    }

    /// [`SegmentTags::find`] by testing each entry of the segment.
    fn scan(&self, members: &Members, mut found: impl FnMut(DocId, u32)) {
        for (&tag, &doc) in self.tags.iter().zip(&self.docs) {
            if let Some(rank) = members.rank(tag) {
                found(doc, rank);
            }
        }
    }

    /// [`SegmentTags::find`] by looking each member up, from where the previous one was found.
    fn gallop(&self, members: &Members, mut found: impl FnMut(DocId, u32)) {
        let mut at = 0;
        for (tag, rank) in members.tags() {
            at = self.seek(at, tag);
            while at < self.tags.len() && self.tags[at] == tag {
                found(self.docs[at], rank);
                at += 1;
            }
            if at == self.tags.len() {
                break;
            }
        }
    }

    /// The first position at or after `from` whose tag is not below `tag`.
    fn seek(&self, from: usize, tag: u64) -> usize {
        let tags = &self.tags;
        let mut step = 1;
        let mut low = from;
        while low + step < tags.len() && tags[low + step] < tag {
            low += step;
            step *= 2;
        }
        let high = (low + step + 1).min(tags.len());
        low + tags[low..high].partition_point(|&t| t < tag)
    }
}

/// The [`SegmentTags`] of the segments searches use, shared by every search of the index.
#[derive(Debug, Default)]
pub(crate) struct TagCache {
    segments: Mutex<HashMap<SegmentId, Arc<SegmentTags>>>,
}

impl TagCache {
    /// The tags of `segment`, read now when not cached.
    fn of(
        &self,
        searcher: &Searcher,
        segment: &SegmentReader,
    ) -> Result<Arc<SegmentTags>, IndexError> {
        let id = segment.segment_id();
        // A panic elsewhere cannot leave the map half-written (inserts are single calls).
        if let Some(tags) = self
            .segments
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
        {
            return Ok(Arc::clone(tags));
        }
        // Read without the lock: two searches may read one new segment at once, which costs
        // time but gives the same table.
        let tags = Arc::new(SegmentTags::read(segment)?);
        let mut segments = self.segments.lock().unwrap_or_else(PoisonError::into_inner);
        // Segments merged away are dropped here; a search still holding an older searcher
        // re-reads what it needs.
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(SegmentReader::segment_id)
            .collect();
        segments.retain(|id, _| live.contains(id));
        segments.insert(id, Arc::clone(&tags));
        Ok(tags)
    }

    /// Each segment's live member documents in document order, with their member ranks.
    pub(super) fn member_docs(
        &self,
        searcher: &Searcher,
        members: &Members,
    ) -> Result<Vec<SegmentMembers>, IndexError> {
        let mut all = Vec::with_capacity(searcher.segment_readers().len());
        for segment in searcher.segment_readers() {
            let mut docs: SegmentMembers = Vec::new();
            if !members.is_empty() {
                let alive = segment.alive_bitset();
                self.of(searcher, segment)?.find(members, |doc, rank| {
                    if alive.is_none_or(|alive| alive.is_alive(doc)) {
                        docs.push((doc, rank));
                    }
                });
                if !docs.is_sorted() {
                    docs.sort_unstable();
                }
            }
            all.push(docs);
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::DocKind;

    /// What `find` reports, after checking that scanning and galloping agree.
    fn found(tags: &SegmentTags, members: &Members) -> Vec<(DocId, u32)> {
        let mut found = Vec::new();
        tags.find(members, |doc, rank| found.push((doc, rank)));
        let mut scanned = Vec::new();
        tags.scan(members, |doc, rank| scanned.push((doc, rank)));
        let mut galloped = Vec::new();
        tags.gallop(members, |doc, rank| galloped.push((doc, rank)));
        assert_eq!(scanned, found);
        assert_eq!(galloped, found);
        found
    }

    #[test]
    fn small_and_large_segments_find_the_same_members() {
        // Tags 2..=400 (carers 1..=200) in reverse document order, tag 20 twice.
        let mut pairs: Vec<(u64, DocId)> =
            (0..200u32).map(|i| (400 - 2 * u64::from(i), i)).collect();
        pairs.push((20, 200));
        let large = SegmentTags::from_pairs(pairs);
        assert!(large.tags.is_sorted());
        let few = Members::new(&[
            (DocKind::Carer, 10),
            (DocKind::Carer, 3),
            (DocKind::Provider, 3),
            (DocKind::Carer, 500),
        ]);
        // Ranks follow tag order: carer 3 (tag 6), provider 3 (7), carer 10 (20), carer 500.
        assert_eq!(found(&large, &few), [(197, 0), (190, 2), (200, 2)]);

        let small = SegmentTags::from_pairs(vec![(20, 0), (6, 1), (8, 2)]);
        let many: Vec<(DocKind, i64)> = (1..=50).map(|id| (DocKind::Carer, id)).collect();
        let many = Members::new(&many);
        assert_eq!(found(&small, &many), [(1, 2), (2, 3), (0, 9)]);
    }

    #[test]
    fn seek_finds_the_first_tag_not_below() {
        let tags = SegmentTags::from_pairs((0..100).map(|i| (i * 3, i as DocId)).collect());
        for from in [0, 5, 40] {
            for tag in 0..320 {
                let expected = tags.tags.partition_point(|&t| t < tag).max(from);
                assert_eq!(tags.seek(from, tag), expected, "from {from}, tag {tag}");
            }
        }
    }
}
