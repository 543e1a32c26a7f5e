//! The text index (tantivy): free-text search over carers and providers in any script, with
//! vocabulary filters and facet counts. Over 600 lines because the writer, the reader and the
//! query builder share the schema's fields and the commit protocol; the schema and the tokenizer
//! are modules of their own.
//!
//! # Design
//!
//! - **Schema**: built in one function ([`schema()`]), versioned by [`SCHEMA_VERSION`]. One
//!   document per record, keyed `carer:123` / `provider:45`; see the `schema` module for what goes
//!   in (and what, being personal, never does).
//! - **Tokenizer**: a custom multilingual analyzer (see [`tokenizer`]), registered as
//!   [`tokenizer::TOKENIZER_NAME`] and used for `name` and `text`.
//! - **Vocabulary expansion** happens at index time: each code a record has is indexed with its
//!   code, English label, autonym and (languages) aliases, so `Cantonese`, `yue`, `廣東話` and
//!   `粵語` all find a Cantonese speaker.
//! - **Queries** are never parsed with tantivy's query language: the user's string is run through
//!   the query analyzer and each term becomes "exact, or within Levenshtein distance 1 (terms of 5+
//!   characters) or 2 (8+)" over `name` and `text`. All terms must match; when that finds nothing
//!   and there were several terms, the search is run again needing any one term, and
//!   [`SearchResults::matched_all_terms`] says so. Any string is safe: at most [`MAX_QUERY_TERMS`]
//!   terms of at most [`MAX_QUERY_CHARS`] characters are used.
//! - **Lifecycle**: the index lives in its own directory (nothing else may live there). Each
//!   [`TextIndex::commit`] records the schema version and the last applied change-log sequence
//!   number as the tantivy commit payload and reloads the reader at once (`ReloadPolicy::Manual`),
//!   so a search after a commit sees it. On open, a missing or different version wipes the
//!   tantivy files and reports [`OpenState::Fresh`]: the caller rebuilds from the database.
//! - **Writes** go through one `IndexWriter` behind a mutex; upsert is `delete_term(key)` then
//!   `add_document`, invisible to searches until the next commit.

mod among;
mod schema;
pub mod tokenizer;

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard};

use carematch_domain::vocabulary::{Code, Cuisine, DietaryLaw, FaithPractice, Language, Service};
use carematch_domain::{Carer, Provider};
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Schema};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, TantivyError, Term,
};

pub use among::{AmongResults, MemberHit, Members};
pub use schema::SCHEMA_VERSION;
use schema::{Fields, build_schema};

/// Memory budget of the writer on disk.
const WRITER_MEMORY_BYTES: usize = 64 * 1024 * 1024;
/// Memory budget of the writer in RAM (tests): tantivy's minimum and a little.
const IN_RAM_WRITER_MEMORY_BYTES: usize = 20 * 1024 * 1024;
/// The most hits one page can ask for.
pub const MAX_LIMIT: usize = 1_000;
/// The deepest page one can ask for.
pub const MAX_OFFSET: usize = 10_000;
/// Longer query strings are cut to this many characters.
pub const MAX_QUERY_CHARS: usize = 256;
/// Query terms beyond this many are ignored.
pub const MAX_QUERY_TERMS: usize = 16;

/// Boost of a match in the public name over one in the text.
const NAME_BOOST: Score = 2.0;
/// Score of a fuzzy (misspelt) match, per field: below a typical exact BM25 match.
const FUZZY_SCORE: Score = 0.5;

/// Everything that can go wrong with the text index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("text index: {0}")]
    Tantivy(#[from] TantivyError),
    #[error("text index directory {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("text index writer unusable: a thread panicked while holding it")]
    Poisoned,
}

/// What a document describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    Carer,
    Provider,
}

impl DocKind {
    pub const ALL: [DocKind; 2] = [DocKind::Carer, DocKind::Provider];

    /// `carer` or `provider`, as in the API's `kind` parameter.
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Carer => "carer",
            DocKind::Provider => "provider",
        }
    }

    fn facet(self) -> Facet {
        Facet::from_path(["kind", self.code()])
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A `kind` that is neither `carer` nor `provider`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a kind: use `carer` or `provider`")]
pub struct UnknownKind(pub String);

impl FromStr for DocKind {
    type Err = UnknownKind;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        DocKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
            .ok_or_else(|| UnknownKind(code.to_owned()))
    }
}

/// What [`TextIndex::open_or_create`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// A new, empty index (none was there, or it had another schema version and was wiped): the
    /// caller rebuilds it from the database.
    Fresh,
    /// An index of this schema version, up to date with the change log up to `last_seq`: the
    /// caller applies the changes after it.
    Existing { last_seq: i64 },
}

/// Filters, all ANDed together; within one list every code is required too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kind: Option<DocKind>,
    pub languages: Vec<Language>,
    pub cuisines: Vec<Cuisine>,
    pub diets: Vec<DietaryLaw>,
    pub faith_practices: Vec<FaithPractice>,
    pub services: Vec<Service>,
    /// Only carers who consented to a public listing (and providers).
    pub public_only: bool,
    /// Only records vouched for or managed by this agency.
    pub agency: Option<i64>,
}

/// A search: free text (optional) and filters, one page of hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Free text in any script; `None` or blank lists everything the filters let through.
    pub q: Option<String>,
    pub filters: Filters,
    /// Hits per page, at most [`MAX_LIMIT`]; 0 gives counts and facets only.
    pub limit: usize,
    /// Hits to skip, at most [`MAX_OFFSET`].
    pub offset: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        Self {
            q: None,
            filters: Filters::default(),
            limit: 20,
            offset: 0,
        }
    }
}

/// One matching record. Best first; equal scores (e.g. no free text) come in index order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    pub id: i64,
    pub score: Score,
}

/// Counts of matching records per code, most frequent first (ties by code).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub kind: Vec<(String, u64)>,
    pub language: Vec<(String, u64)>,
    pub service: Vec<(String, u64)>,
    pub cuisine: Vec<(String, u64)>,
    pub diet: Vec<(String, u64)>,
    pub faith_practice: Vec<(String, u64)>,
}

/// A page of hits, the total number of matches and facet counts over all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
    pub facets: Facets,
    /// False when no record had every term and the hits are those with any term.
    pub matched_all_terms: bool,
}

/// The text index. `Send + Sync`: share it behind an `Arc`.
pub struct TextIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// Each segment's documents by tag, for searches limited to a set of records.
    tags: among::TagCache,
}

impl fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextIndex")
            .field("num_docs", &self.num_docs())
            .finish_non_exhaustive()
    }
}

/// The schema of the text index.
pub fn schema() -> Schema {
    build_schema().0
}

impl TextIndex {
    /// Opens the index in `dir` (created if missing), or creates one. A directory holding an
    /// index of another schema version, or one never committed, is wiped and comes back
    /// [`OpenState::Fresh`]. `dir` must belong to the text index alone; only tantivy's own files
    /// are removed from it.
    pub fn open_or_create(dir: &Path) -> Result<(TextIndex, OpenState), IndexError> {
        let io = |source| IndexError::Io {
            path: dir.to_owned(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = build_schema();
        if dir.join("meta.json").exists() {
            match Index::open_in_dir(dir) {
                Ok(index) => {
                    let payload = index.load_metas()?.payload;
                    let last_seq = payload.as_deref().and_then(parse_payload);
                    if let Some(last_seq) = last_seq
                        && index.schema() == schema
                    {
                        let text_index = Self::with_index(index, fields, WRITER_MEMORY_BYTES)?;
                        return Ok((text_index, OpenState::Existing { last_seq }));
                    }
                    // Take the writer lock before wiping: another process may hold this index.
                    drop(index.writer_with_num_threads::<tantivy::TantivyDocument>(
                        1,
                        IN_RAM_WRITER_MEMORY_BYTES,
                    )?);
                }
                Err(TantivyError::IncompatibleIndex(_) | TantivyError::DataCorruption(_)) => {}
                Err(error) => return Err(error.into()),
            }
            wipe(dir).map_err(io)?;
        }
        let index = Index::create_in_dir(dir, schema)?;
        Ok((
            Self::with_index(index, fields, WRITER_MEMORY_BYTES)?,
            OpenState::Fresh,
        ))
    }

    /// A fresh index in memory, for tests.
    pub fn in_ram() -> Result<TextIndex, IndexError> {
        let (schema, fields) = build_schema();
        Self::with_index(
            Index::create_in_ram(schema),
            fields,
            IN_RAM_WRITER_MEMORY_BYTES,
        )
    }

    fn with_index(index: Index, fields: Fields, budget: usize) -> Result<TextIndex, IndexError> {
        index
            .tokenizers()
            .register(tokenizer::TOKENIZER_NAME, tokenizer::index_analyzer());
        index
            .tokenizers()
            .register(tokenizer::QUERY_TOKENIZER_NAME, tokenizer::query_analyzer());
        // One indexing thread: tantivy joins and respawns every indexing thread at each commit,
        // and a write commits (read your own write); with two, each commit woke and replaced
        // an idle thread too, and writes under 16 readers took 15-20% longer at p99. A bulk
        // fill (first start) indexes on that one thread while this thread builds documents.
        let writer = index.writer_with_num_threads(1, budget)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(TextIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            tags: among::TagCache::default(),
        })
    }

    fn writer(&self) -> Result<MutexGuard<'_, IndexWriter>, IndexError> {
        self.writer.lock().map_err(|_| IndexError::Poisoned)
    }

    /// Adds or replaces a carer (seen by searches after the next [`commit`](Self::commit)).
    pub fn upsert_carer(&self, carer: &Carer) -> Result<(), IndexError> {
        let doc = schema::carer_document(&self.fields, carer);
        self.replace(DocKind::Carer, carer.id.0, doc)
    }

    /// Adds or replaces a provider (seen by searches after the next [`commit`](Self::commit)).
    pub fn upsert_provider(&self, provider: &Provider) -> Result<(), IndexError> {
        let doc = schema::provider_document(&self.fields, provider);
        self.replace(DocKind::Provider, provider.id.0, doc)
    }

    /// Adds a carer the index does not hold yet: for filling a fresh or just-emptied index,
    /// where [`upsert_carer`](Self::upsert_carer)'s delete would only be queued in vain (a
    /// million of them, held until the commit, once raised the first start's peak memory past
    /// 2 GiB).
    pub fn insert_new_carer(&self, carer: &Carer) -> Result<(), IndexError> {
        let doc = schema::carer_document(&self.fields, carer);
        self.writer()?.add_document(doc)?;
        Ok(())
    }

    /// [`insert_new_carer`](Self::insert_new_carer) for a provider.
    pub fn insert_new_provider(&self, provider: &Provider) -> Result<(), IndexError> {
        let doc = schema::provider_document(&self.fields, provider);
        self.writer()?.add_document(doc)?;
        Ok(())
    }

    fn replace(
        &self,
        kind: DocKind,
        id: i64,
        doc: tantivy::TantivyDocument,
    ) -> Result<(), IndexError> {
        let writer = self.writer()?;
        writer.delete_term(self.key_term(kind, id));
        writer.add_document(doc)?;
        Ok(())
    }

    /// Removes a record, if indexed (seen after the next [`commit`](Self::commit)).
    pub fn delete(&self, kind: DocKind, id: i64) -> Result<(), IndexError> {
        self.writer()?.delete_term(self.key_term(kind, id));
        Ok(())
    }

    /// Removes every record (seen after the next [`commit`](Self::commit)): the start of a rebuild
    /// in place.
    pub fn delete_all(&self) -> Result<(), IndexError> {
        self.writer()?.delete_all_documents()?;
        Ok(())
    }

    fn key_term(&self, kind: DocKind, id: i64) -> Term {
        Term::from_field_text(self.fields.key, &schema::key(kind, id))
    }

    /// Makes every write so far durable and visible, recording that the change log has been
    /// applied up to `last_seq`.
    pub fn commit(&self, last_seq: i64) -> Result<(), IndexError> {
        let mut writer = self.writer()?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload(last_seq));
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// The change-log sequence number recorded by the last commit; 0 before any.
    pub fn last_seq(&self) -> Result<i64, IndexError> {
        let metas = self.index.load_metas()?;
        Ok(metas
            .payload
            .as_deref()
            .and_then(parse_payload)
            .unwrap_or(0))
    }

    /// Records visible to searches.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The committed state searches see now; a searcher never changes, so a caller that holds
    /// one (the engine, beside its candidate snapshot) decides when later commits become visible.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Runs a search; any string in `q` is safe.
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults, IndexError> {
        self.search_in(&self.reader.searcher(), query)
    }

    /// [`TextIndex::search`] over a given [`TextIndex::searcher`].
    pub fn search_in(
        &self,
        searcher: &Searcher,
        query: &SearchQuery,
    ) -> Result<SearchResults, IndexError> {
        let limit = query.limit.min(MAX_LIMIT);
        let offset = query.offset.min(MAX_OFFSET);
        let terms = query_terms(query.q.as_deref().unwrap_or_default());
        if terms.is_empty() {
            let mut clauses = self.filter_clauses(&query.filters);
            clauses.push((Occur::Must, Box::new(AllQuery)));
            let all = BooleanQuery::new(clauses);
            return self.run(searcher, &all, limit, offset, true);
        }
        let every = self.text_query(&terms, Occur::Must, self.filter_clauses(&query.filters));
        let results = self.run(searcher, &every, limit, offset, true)?;
        if results.total > 0 || terms.len() == 1 {
            return Ok(results);
        }
        let any = self.text_query(&terms, Occur::Should, self.filter_clauses(&query.filters));
        self.run(searcher, &any, limit, offset, false)
    }

    /// Filter clauses: required, scoring nothing.
    fn filter_clauses(&self, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
        let fields = &self.fields;
        let mut terms = Vec::new();
        if let Some(kind) = filters.kind {
            terms.push(Term::from_facet(fields.kind, &kind.facet()));
        }
        terms.extend(facet_terms(fields, &filters.languages));
        terms.extend(facet_terms(fields, &filters.cuisines));
        terms.extend(facet_terms(fields, &filters.diets));
        terms.extend(facet_terms(fields, &filters.faith_practices));
        terms.extend(facet_terms(fields, &filters.services));
        if filters.public_only {
            terms.push(Term::from_field_bool(fields.public, true));
        }
        if let Some(agency) = filters.agency {
            terms.push(Term::from_field_i64(fields.agency, agency));
        }
        terms
            .into_iter()
            .map(|term| {
                let query: Box<dyn Query> = Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                    0.0,
                ));
                (Occur::Must, query)
            })
            .collect()
    }

    /// The free-text part: each term matched exactly or fuzzily in `name` or `text`; the terms
    /// joined by `occur` (`Must`: all terms, `Should`: any).
    fn text_query(
        &self,
        terms: &[String],
        occur: Occur,
        mut clauses: Vec<(Occur, Box<dyn Query>)>,
    ) -> BooleanQuery {
        let any_term = terms
            .iter()
            .map(|term| {
                let alternatives = self
                    .term_alternatives(term)
                    .into_iter()
                    .map(|query| (Occur::Should, query))
                    .collect();
                let group: Box<dyn Query> = Box::new(BooleanQuery::new(alternatives));
                (occur, group)
            })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_term))));
        BooleanQuery::new(clauses)
    }

    /// The ways one term matches, in clause order: exactly in `name` (BM25, boosted), fuzzily in
    /// `name` (a constant), then the same in `text`. A record's score for the term is the sum of
    /// the alternatives it matches, added in this order (see [`among`]'s evaluation).
    fn term_alternatives(&self, term: &str) -> Vec<Box<dyn Query>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::with_capacity(4);
        let distance = fuzzy_distance(term);
        for (field, boost) in [(self.fields.name, NAME_BOOST), (self.fields.text, 1.0)] {
            let exact = Term::from_field_text(field, term);
            alternatives.push(Box::new(BoostQuery::new(
                Box::new(TermQuery::new(exact.clone(), IndexRecordOption::WithFreqs)),
                boost,
            )));
            if distance > 0 {
                alternatives.push(Box::new(BoostQuery::new(
                    Box::new(FuzzyTermQuery::new(exact, distance, true)),
                    FUZZY_SCORE,
                )));
            }
        }
        alternatives
    }

    fn run(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        limit: usize,
        offset: usize,
        matched_all_terms: bool,
    ) -> Result<SearchResults, IndexError> {
        let top = TopDocs::with_limit(limit.max(1))
            .and_offset(offset)
            .order_by_score();
        let mut kinds = FacetCollector::for_field("kind");
        kinds.add_facet("/kind");
        let mut codes = FacetCollector::for_field("facet");
        for kind in FACET_KINDS {
            codes.add_facet(Facet::from_path([kind]));
        }
        let (top, total, kinds, codes) = searcher.search(query, &(top, Count, kinds, codes))?;
        let hits = if limit == 0 {
            Vec::new()
        } else {
            self.hits(searcher, top)?
        };
        Ok(SearchResults {
            hits,
            total,
            facets: Facets {
                kind: counts(&kinds, "kind"),
                language: counts(&codes, Language::KIND),
                service: counts(&codes, Service::KIND),
                cuisine: counts(&codes, Cuisine::KIND),
                diet: counts(&codes, DietaryLaw::KIND),
                faith_practice: counts(&codes, FaithPractice::KIND),
            },
            matched_all_terms,
        })
    }

    /// Reads kind and id of each hit from the fast columns of its segment.
    fn hits(
        &self,
        searcher: &Searcher,
        top: Vec<(Score, DocAddress)>,
    ) -> Result<Vec<Hit>, IndexError> {
        let mut segments = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let (ids, kinds, kind_of_ord) = match segments.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
                std::collections::hash_map::Entry::Vacant(entry) => {
                    let segment = searcher.segment_reader(address.segment_ord);
                    let ids = segment.fast_fields().i64("id")?;
                    let kinds = segment.facet_reader("kind")?;
                    let mut kind_of_ord = Vec::with_capacity(kinds.num_facets());
                    let mut facet = Facet::root();
                    for ord in 0..kinds.num_facets() as u64 {
                        kinds.facet_from_ord(ord, &mut facet)?;
                        kind_of_ord.push(facet.to_path().last().and_then(|code| code.parse().ok()));
                    }
                    entry.insert((ids, kinds, kind_of_ord))
                }
            };
            let id = ids.first(address.doc_id);
            let kind = kinds
                .facet_ords(address.doc_id)
                .next()
                .and_then(|ord| usize::try_from(ord).ok())
                .and_then(|ord| kind_of_ord.get(ord).copied().flatten());
            if let (Some(id), Some(kind)) = (id, kind) {
                hits.push(Hit { kind, id, score });
            }
        }
        Ok(hits)
    }
}

/// The facet roots counted in [`Facets`] (besides `kind`, a field of its own).
const FACET_KINDS: [&str; 5] = [
    Language::KIND,
    Service::KIND,
    Cuisine::KIND,
    DietaryLaw::KIND,
    FaithPractice::KIND,
];

fn facet_terms<'a, T: Code>(fields: &'a Fields, codes: &'a [T]) -> impl Iterator<Item = Term> + 'a {
    codes
        .iter()
        .map(|code| Term::from_facet(fields.facet, &Facet::from_path([T::KIND, code.code()])))
}

/// The children of `/root` with their counts, most frequent first, ties by code.
fn counts(facets: &FacetCounts, root: &str) -> Vec<(String, u64)> {
    let mut counts: Vec<(String, u64)> = facets
        .get(Facet::from_path([root]))
        .filter_map(|(facet, count)| {
            let code = facet.to_path().last().map(|code| (*code).to_owned())?;
            (count > 0).then_some((code, count))
        })
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// The distinct terms of a user's query, through the query analyzer, capped.
fn query_terms(q: &str) -> Vec<String> {
    let q: String = q.chars().take(MAX_QUERY_CHARS).collect();
    let mut analyzer = tokenizer::query_analyzer();
    let mut terms: Vec<String> = Vec::new();
    for term in tokenizer::terms(&mut analyzer, &q) {
        if !terms.contains(&term) {
            terms.push(term);
        }
        if terms.len() == MAX_QUERY_TERMS {
            break;
        }
    }
    terms
}

/// How many edits a term may be off by: none below 5 characters (and in CJK bigrams), 1 from 5,
/// 2 from 8.
fn fuzzy_distance(term: &str) -> u8 {
    if term.chars().any(tokenizer::is_cjk) {
        return 0;
    }
    match term.chars().count() {
        0..5 => 0,
        5..8 => 1,
        _ => 2,
    }
}

const PAYLOAD_PREFIX: &str = "carematch-text";

fn payload(last_seq: i64) -> String {
    format!("{PAYLOAD_PREFIX};schema={SCHEMA_VERSION};seq={last_seq}")
}

/// The last sequence number from a commit payload of this schema version; `None` otherwise.
fn parse_payload(payload: &str) -> Option<i64> {
    let mut parts = payload.split(';');
    if parts.next() != Some(PAYLOAD_PREFIX) {
        return None;
    }
    let mut schema = None;
    let mut seq = None;
    for part in parts {
        match part.split_once('=') {
            Some(("schema", value)) => schema = value.parse::<u32>().ok(),
            Some(("seq", value)) => seq = value.parse::<i64>().ok(),
            _ => {}
        }
    }
    (schema == Some(SCHEMA_VERSION)).then_some(seq).flatten()
}

/// Removes tantivy's files from `dir`: `meta.json`, `.managed.json`, its lock files and segment
/// files (`<32 hex digits>.<ext>`). Anything else is left alone.
fn wipe(dir: &Path) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let segment_file = name.split_once('.').is_some_and(|(stem, _)| {
            stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
        });
        let tantivy_file = matches!(
            name,
            "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock"
        );
        if (segment_file || tantivy_file) && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips_and_rejects_other_versions() {
        assert_eq!(parse_payload(&payload(42)), Some(42));
        assert_eq!(parse_payload("carematch-text;schema=0;seq=42"), None);
        assert_eq!(parse_payload("something else"), None);
    }

    #[test]
    fn fuzzy_distance_grows_with_length() {
        assert_eq!(fuzzy_distance("yue"), 0);
        assert_eq!(fuzzy_distance("halal"), 1);
        assert_eq!(fuzzy_distance("liverpol"), 2);
        assert_eq!(fuzzy_distance("廣東"), 0);
    }

    #[test]
    fn query_terms_are_capped_and_distinct() {
        let q = "a ".repeat(100) + &"word ".repeat(3);
        assert_eq!(query_terms(&q), ["a", "word"]);
        let many: String = (0..40).map(|i| format!("w{i} ")).collect();
        assert_eq!(query_terms(&many).len(), MAX_QUERY_TERMS);
    }

    #[test]
    fn text_index_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<TextIndex>();
    }
}
