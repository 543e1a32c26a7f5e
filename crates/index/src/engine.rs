//! The engine: everything a search or match request reads, built from the store and kept in step
//! with it **only** through the change log.
//!
//! Over 600 lines on purpose: the base/overlay layers, the snapshot readers load and the
//! catch-up that swaps them share one set of invariants (generations, tombstones, the applied
//! position) that reads best in one place; the candidate snapshot file is in [`snapshot`].
//!
//! # Design
//!
//! - **Two indexes, one position.** The in-memory [`CandidateSet`] (roster and R-trees) and the
//!   persisted [`TextIndex`] follow the same change log; [`Engine::last_seq`] is the sequence
//!   number both have applied.
//! - **Start.** The change-log position is read *before* the keyset scans
//!   ([`Store::carers_after`], [`Store::providers_after`]), so a write that lands during the scan
//!   is applied again by the first catch-up (applying a change twice is harmless: each change
//!   re-reads the record). The text index opens `Existing { last_seq }` (caught up from
//!   `changes_since(last_seq)`, no rebuild) or `Fresh` (filled from the same scan).
//! - **Snapshots.** Readers load one [`Snapshot`] from an `ArcSwap`: a large immutable *base*
//!   (the `CandidateSet` built at start or by the last compaction) and a small *overlay*:
//!   tombstoned base slots plus a small `CandidateSet` of records created or changed since. A
//!   write never rebuilds the base's R-trees; it builds a new overlay (O(overlay size)) and swaps
//!   it in. Queries consult both: base hits in tombstoned slots are skipped; a match judges the
//!   base's and the overlay's candidates in one ranking without copying them
//!   ([`Matcher::with_second`]), so ranking, ties and relaxation counts stay exact (teams and
//!   pooled matches copy both into one temporary roster).
//! - **Candidate snapshot.** After a build from the scans, and after a compaction (at most once
//!   per [`EngineOptions::snapshot_interval`]), the base is written to `candidates.bin` in the
//!   index folder with the change-log position it reflects ([`snapshot`]). A start whose text
//!   index is kept loads that file instead of scanning, then catches up both indexes from the
//!   change log, each from its own position. A missing, old, corrupt or foreign file means a
//!   full scan, never wrong data.
//! - **Compaction.** When the overlay holds [`EngineOptions::compact_after`] records, a
//!   background thread builds a new base from the current base (minus tombstones) and the
//!   overlay, without touching the database, then swaps it in under the apply lock, carrying over
//!   any overlay entries applied while it was building (each entry has a generation number).
//! - **Catch-up** (the [`catch_up`] module): read `changes_since(last_seq)` in batches, re-read
//!   the changed records one query per batch, upsert or delete them in both indexes, commit the
//!   text index, then publish one [`View`] (candidate snapshot and text searcher together), once
//!   per catch-up: a reader never sees part of a transaction, nor search and matching disagree.
//!   A follower thread runs it every [`EngineOptions::poll_interval`] or when woken; the API runs
//!   it right after its own writes ([`Engine::apply_own_writes`]) so that a writer reads its own
//!   write. More than [`EngineOptions::inline_limit`] changes (an import) are handed to the
//!   follower, which reads them outside the apply lock, so other writes go on being applied
//!   meanwhile.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use carematch_domain::vocabulary::{
    Code, CodeSet, Cuisine, DietaryLaw, FaithPractice, Language, Service,
};
use carematch_domain::{Carer, CarerId, GeoPoint, Provider, ProviderId, SupportPlan};
use carematch_matching::{
    Candidate, CandidateKind, CompiledPlan, MatchOptions, MatchOutcome, Matcher, PooledOutcome,
    Roster, SideEntry, Team, Viewer, match_pooled, match_teams, pool_search_km, wants_teams,
};
use carematch_store::{FairGate, Pass, Store, StoreError};

use crate::geo::CandidateSet;
use crate::text::{
    AmongResults, DocKind, IndexError, Members, OpenState, SearchQuery, SearchResults, TextIndex,
};

mod catch_up;
mod snapshot;

pub use snapshot::FORMAT_VERSION as SNAPSHOT_FORMAT_VERSION;

/// Everything that can go wrong in the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("reading the store: {0}")]
    Store(#[from] StoreError),
    #[error(transparent)]
    Text(#[from] IndexError),
    #[error("engine state unusable: a thread panicked while holding it")]
    Poisoned,
    #[error("starting the follower thread: {0}")]
    Thread(#[source] std::io::Error),
}

/// Tuning of the engine; [`EngineOptions::default`] is what `carematch serve` uses.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Records per keyset-scan page at start and change-log rows per catch-up batch.
    pub batch_size: u32,
    /// How often the follower polls the change log; `None` starts no follower (tests, tools).
    pub poll_interval: Option<Duration>,
    /// Overlay size (records created, changed or deleted since the base was built) that triggers
    /// a background compaction.
    pub compact_after: usize,
    /// Candidate snapshots (`candidates.bin` beside the text index): `None` neither reads nor
    /// writes them; `Some(interval)` loads one at start when it can be trusted, writes one after
    /// a build from the scans and after a compaction when `interval` has passed since the last.
    pub snapshot_interval: Option<Duration>,
    /// The most change-log rows a writer applies on its own thread after its write (read your
    /// own write); more (an import) are applied by the follower thread while writers go on.
    /// Without a follower every catch-up is applied inline.
    pub inline_limit: u32,
}

impl Default for EngineOptions {
    fn default() -> Self {
        Self {
            batch_size: 10_000,
            poll_interval: Some(Duration::from_millis(250)),
            compact_after: 1_024,
            snapshot_interval: Some(Duration::from_secs(300)),
            inline_limit: 1_000,
        }
    }
}

/// How the engine came up, and what it has done since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineStats {
    /// `true` when the text index was rebuilt from the keyset scans at start (fresh or wiped);
    /// `false` when it was opened and caught up from the change log.
    pub text_rebuilt: bool,
    /// Change-log rows applied by catch-ups since start.
    pub changes_applied: u64,
    /// Live candidates (carers and providers) visible to queries.
    pub candidates: usize,
    /// Records in the base `CandidateSet`.
    pub base_len: usize,
    /// Records in the overlay (created, changed or deleted since the base was built).
    pub overlay_len: usize,
    /// Compactions finished since start.
    pub compactions: u64,
    /// Documents in the text index.
    pub text_docs: u64,
    /// The change-log position both indexes have applied.
    pub last_seq: i64,
    /// Time to load at start, in milliseconds.
    pub start_millis: u64,
    /// `true` when the candidate set was loaded from the snapshot file at start; `false` when it
    /// was built from the keyset scans.
    pub candidates_from_snapshot: bool,
    /// Candidate snapshots written since start.
    pub snapshots_written: u64,
}

/// A record's identity in the engine.
pub type Key = (CandidateKind, i64);

/// The vocabulary codes of a record used for search filters and facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub languages: CodeSet<Language>,
    pub cuisines: CodeSet<Cuisine>,
    pub diets: CodeSet<DietaryLaw>,
    pub practices: CodeSet<FaithPractice>,
    pub services: CodeSet<Service>,
}

fn set_of<T: Code>(codes: impl IntoIterator<Item = T>) -> CodeSet<T> {
    let mut set = CodeSet::EMPTY;
    for code in codes {
        set.insert(code);
    }
    set
}

impl Facts {
    pub fn of_carer(carer: &Carer) -> Self {
        let d = &carer.details;
        Self {
            languages: set_of(d.languages.iter().map(|l| l.code)),
            cuisines: set_of(d.cuisines.iter().copied()),
            diets: set_of(d.dietary_laws.iter().copied()),
            practices: set_of(d.faith_practices.iter().copied()),
            services: set_of(d.services.iter().copied()),
        }
    }

    pub fn of_provider(provider: &Provider) -> Self {
        let d = &provider.details;
        Self {
            languages: set_of(d.staff_languages.iter().copied()),
            cuisines: set_of(d.cuisines.iter().copied()),
            diets: set_of(d.dietary_laws.iter().copied()),
            practices: set_of(d.faith_practices.iter().copied()),
            services: set_of(d.services.iter().copied()),
        }
    }
}

/// One record as the engine holds it.
#[derive(Debug, Clone)]
struct Record {
    candidate: Candidate,
    side: SideEntry,
    facts: Facts,
}

impl Record {
    fn of_carer(carer: &Carer) -> Self {
        Self {
            candidate: Candidate::from_carer(carer),
            side: SideEntry::from_carer(carer),
            facts: Facts::of_carer(carer),
        }
    }

    fn of_provider(provider: &Provider) -> Self {
        Self {
            candidate: Candidate::from_provider(provider),
            side: SideEntry::from_provider(provider),
            facts: Facts::of_provider(provider),
        }
    }
}

/// A `CandidateSet` with, per slot, the record's facts, and a sorted key -> slot table.
#[derive(Debug)]
struct Layer {
    set: CandidateSet,
    facts: Vec<Facts>,
    /// Sorted by key.
    slots: Vec<(Key, u32)>,
}

impl Layer {
    fn empty() -> Self {
        Self::build(Roster::new(), Vec::new())
    }

    /// Builds from a roster and the facts of its records, given by key.
    fn build(roster: Roster, mut facts_by_key: Vec<(Key, Facts)>) -> Self {
        let set = CandidateSet::from_roster(roster);
        facts_by_key.sort_unstable_by_key(|(key, _)| *key);
        let mut slots: Vec<(Key, u32)> = set
            .roster()
            .candidates()
            .iter()
            .zip(0u32..)
            .map(|(c, slot)| ((c.kind(), c.id()), slot))
            .collect();
        slots.sort_unstable_by_key(|(key, _)| *key);
        // Both lists are sorted by key: one merge pass (a binary search per slot costs a cache
        // miss per step at a million records).
        let mut facts = vec![Facts::default(); slots.len()];
        let mut given = facts_by_key.iter().peekable();
        for (key, slot) in &slots {
            while given.next_if(|(k, _)| k < key).is_some() {}
            if let Some((_, f)) = given.next_if(|(k, _)| k == key)
                && let Some(out) = facts.get_mut(*slot as usize)
            {
                *out = *f;
            }
        }
        Self { set, facts, slots }
    }

    fn slot(&self, key: Key) -> Option<u32> {
        self.slots
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()
            .and_then(|i| self.slots.get(i))
            .map(|(_, slot)| *slot)
    }

    fn record(&self, slot: u32) -> Option<Record> {
        let roster = self.set.roster();
        Some(Record {
            candidate: roster.get(slot)?.clone(),
            side: roster.side(slot)?.clone(),
            facts: self.facts.get(slot as usize).copied().unwrap_or_default(),
        })
    }
}

/// One overlay entry: the record as of generation `generation`, `None` when deleted.
#[derive(Debug, Clone)]
struct Entry {
    generation: u64,
    record: Option<Record>,
}

/// Records created, changed or deleted since the base was built.
#[derive(Debug)]
struct Overlay {
    /// Base slots superseded by an entry (changed or deleted records).
    dead: HashSet<u32>,
    entries: HashMap<Key, Entry>,
    /// The live entries, indexed.
    layer: Layer,
}

impl Overlay {
    fn empty() -> Self {
        Self {
            dead: HashSet::new(),
            entries: HashMap::new(),
            layer: Layer::empty(),
        }
    }

    fn build(base: &Layer, entries: HashMap<Key, Entry>) -> Self {
        let dead = entries.keys().filter_map(|key| base.slot(*key)).collect();
        let mut roster = Roster::with_capacity(entries.len());
        let mut facts = Vec::with_capacity(entries.len());
        let mut live: Vec<(&Key, &Record)> = entries
            .iter()
            .filter_map(|(key, entry)| entry.record.as_ref().map(|r| (key, r)))
            .collect();
        live.sort_unstable_by_key(|(key, _)| **key);
        for (key, record) in live {
            roster.push(record.candidate.clone(), record.side.clone());
            facts.push((*key, record.facts));
        }
        let layer = Layer::build(roster, facts);
        Self {
            dead,
            entries,
            layer,
        }
    }
}

/// What queries read: a consistent pair of base and overlay. Cheap to hold (two `Arc`s); a
/// snapshot never changes, later writes go to later snapshots.
#[derive(Debug, Clone)]
pub struct Snapshot {
    base: Arc<Layer>,
    overlay: Arc<Overlay>,
    version: u64,
}

/// What one reader sees: the candidate snapshot and the text searcher published together, so a
/// search and a match made over one view agree on every record.
#[derive(Clone)]
pub struct View {
    snapshot: Arc<Snapshot>,
    searcher: tantivy::Searcher,
}

impl std::fmt::Debug for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("View")
            .field("candidates", &self.snapshot.len())
            .field("text_docs", &self.text_docs())
            .finish()
    }
}

impl View {
    /// The candidate snapshot of this view.
    pub fn snapshot(&self) -> &Arc<Snapshot> {
        &self.snapshot
    }

    /// Documents in the text index as this view sees them.
    pub fn text_docs(&self) -> u64 {
        self.searcher.num_docs()
    }
}

/// Versions of snapshots in this process, so that a cache of results (the API's match cache)
/// can tell that what it holds was computed over the snapshot now current.
static SNAPSHOT_VERSIONS: AtomicU64 = AtomicU64::new(1);

/// A live candidate as a snapshot shows it.
#[derive(Debug, Clone, Copy)]
pub struct CandidateRef<'a> {
    pub candidate: &'a Candidate,
    pub side: &'a SideEntry,
    pub facts: &'a Facts,
}

impl Snapshot {
    fn new(base: Arc<Layer>, overlay: Arc<Overlay>) -> Self {
        Self::with_version(
            base,
            overlay,
            SNAPSHOT_VERSIONS.fetch_add(1, Ordering::Relaxed),
        )
    }

    fn with_version(base: Arc<Layer>, overlay: Arc<Overlay>, version: u64) -> Self {
        Self {
            base,
            overlay,
            version,
        }
    }

    /// Names what this snapshot holds, within the process: every applied write publishes a
    /// snapshot with a new version; a compaction publishes the same candidates in a new layout
    /// and keeps the version. Results computed over one snapshot carry its version.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Live candidates (base minus superseded, plus overlay).
    pub fn len(&self) -> usize {
        self.base.set.len() - self.overlay.dead.len() + self.overlay.layer.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn base_live(&self, slot: u32) -> bool {
        self.overlay.dead.is_empty() || !self.overlay.dead.contains(&slot)
    }

    fn view<'a>(layer: &'a Layer, slot: u32) -> Option<CandidateRef<'a>> {
        Some(CandidateRef {
            candidate: layer.set.roster().get(slot)?,
            side: layer.set.roster().side(slot)?,
            facts: layer.facts.get(slot as usize)?,
        })
    }

    /// A live record by kind and id.
    pub fn get(&self, kind: CandidateKind, id: i64) -> Option<CandidateRef<'_>> {
        let key = (kind, id);
        if self.overlay.entries.contains_key(&key) {
            let slot = self.overlay.layer.slot(key)?;
            return Self::view(&self.overlay.layer, slot);
        }
        let slot = self.base.slot(key)?;
        Self::view(&self.base, slot)
    }

    /// Every live candidate, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = CandidateRef<'_>> + '_ {
        let base = (0..self.base.set.len() as u32)
            .filter(|slot| self.base_live(*slot))
            .filter_map(|slot| Self::view(&self.base, slot));
        let overlay = (0..self.overlay.layer.set.len() as u32)
            .filter_map(|slot| Self::view(&self.overlay.layer, slot));
        base.chain(overlay)
    }

    /// Live candidates within `radius_km` of `point` as `viewer` may measure them (public
    /// cells, or real bases for the carers it holds: [`crate::geo::GeoIndex::within_for`]), with
    /// that distance in km, in no particular order.
    pub fn within(
        &self,
        point: GeoPoint,
        radius_km: f64,
        viewer: Viewer,
    ) -> impl Iterator<Item = (CandidateRef<'_>, f64)> + '_ {
        let base_set = &self.base.set;
        let base = base_set
            .geo()
            .within_for(base_set.roster(), point, radius_km, viewer)
            .filter(|(slot, _)| self.base_live(*slot))
            .filter_map(|(slot, km)| Some((Self::view(&self.base, slot)?, km)));
        let overlay_set = &self.overlay.layer.set;
        let overlay = overlay_set
            .geo()
            .within_for(overlay_set.roster(), point, radius_km, viewer)
            .filter_map(|(slot, km)| Some((Self::view(&self.overlay.layer, slot)?, km)));
        base.chain(overlay)
    }

    /// Providers whose service area covers `point`, with the distance from their base.
    pub fn covering(&self, point: GeoPoint) -> impl Iterator<Item = (CandidateRef<'_>, f64)> + '_ {
        let base = self
            .base
            .set
            .geo()
            .covering(self.base.set.roster(), point)
            .filter(|(slot, _)| self.base_live(*slot))
            .filter_map(|(slot, km)| Some((Self::view(&self.base, slot)?, km)));
        let overlay = self
            .overlay
            .layer
            .set
            .geo()
            .covering(self.overlay.layer.set.roster(), point)
            .filter_map(|(slot, km)| Some((Self::view(&self.overlay.layer, slot)?, km)));
        base.chain(overlay)
    }

    /// Copies the given base and overlay hits into one roster: `(roster, hits in it)`.
    fn merged(
        &self,
        base_hits: impl Iterator<Item = (u32, f64)>,
        overlay_hits: &[(u32, f64)],
    ) -> (Roster, Vec<(u32, f64)>) {
        // Sized up front: a dense city copies thousands of candidates, and growing the roster
        // moved each of them again.
        let base_hits: Vec<(u32, f64)> = base_hits.collect();
        let len = base_hits.len() + overlay_hits.len();
        let mut roster = Roster::with_capacity(len);
        let mut hits = Vec::with_capacity(len);
        let layers = base_hits
            .into_iter()
            .map(|hit| (&*self.base, hit))
            .chain(overlay_hits.iter().map(|hit| (&self.overlay.layer, *hit)));
        for (layer, (slot, km)) in layers {
            let roster_of = layer.set.roster();
            if let (Some(c), Some(side)) = (roster_of.get(slot), roster_of.side(slot)) {
                hits.push((roster.push(c.clone(), side.clone()), km));
            }
        }
        (roster, hits)
    }

    /// Matches a compiled plan (its location already resolved) against every live candidate.
    ///
    /// When the plan's schedule is required and nobody matches, `teams` proposes 2 or 3
    /// candidates who together cover it ([`Snapshot::match_teams`]).
    pub fn match_plan(&self, plan: &CompiledPlan, options: &MatchOptions) -> MatchOutcome {
        // The steady state (no writes since the last compaction): the base set's columnar path.
        if self.steady() {
            return self.base.set.match_plan(plan, options);
        }
        let mut outcome = self.rank_with_overlay(plan, options);
        if outcome.matches.is_empty() && wants_teams(plan) {
            outcome.teams = self.match_teams(plan, options);
        }
        outcome
    }

    /// No writes since the last compaction: the base set alone answers.
    fn steady(&self) -> bool {
        self.overlay.dead.is_empty() && self.overlay.entries.is_empty()
    }

    /// Teams for a plan whose required schedule nobody covers alone (see
    /// `carematch_matching::match_teams`): the live candidates within its maximum distance.
    pub fn match_teams(&self, plan: &CompiledPlan, options: &MatchOptions) -> Vec<Team> {
        if self.steady() {
            return self.base.set.match_teams(plan, options);
        }
        let (roster, hits) = self.live_within(plan.location, plan.max_km, options.viewer);
        match_teams(plan, &roster, hits, options)
    }

    /// The live candidates (base and overlay) within `km` of `point` as `viewer` measures them,
    /// in a roster of their own.
    fn live_within(&self, point: GeoPoint, km: f64, viewer: Viewer) -> (Roster, Vec<(u32, f64)>) {
        let overlay_set = &self.overlay.layer.set;
        let overlay_hits: Vec<(u32, f64)> = overlay_set
            .geo()
            .within_for(overlay_set.roster(), point, km, viewer)
            .collect();
        let base_hits = self
            .base
            .set
            .geo()
            .within_for(self.base.set.roster(), point, km, viewer)
            .filter(|(slot, _)| self.base_live(*slot));
        self.merged(base_hits, &overlay_hits)
    }

    /// [`Snapshot::match_plan`] while writes sit in the overlay, without teams.
    fn rank_with_overlay(&self, plan: &CompiledPlan, options: &MatchOptions) -> MatchOutcome {
        let outer = 2.0 * plan.max_km;
        let viewer = options.viewer;
        let overlay_set = &self.overlay.layer.set;
        // Every overlay candidate within twice the maximum distance, and the providers reaching
        // the person remotely from beyond it.
        let overlay_hits: Vec<(u32, f64)> = overlay_set
            .geo()
            .within_for(overlay_set.roster(), plan.location, outer, viewer)
            .chain(overlay_set.remote_beyond(plan, outer))
            .collect();
        let base_geo = self.base.set.geo();
        let base_roster = self.base.set.roster();
        // Base and overlay judged in place, side by side: copying the base's hits into one
        // roster with the overlay's (thousands in a city) was most of a match's time while
        // writes sat in the overlay.
        let mut matcher = Matcher::with_second(plan, base_roster, overlay_set.roster(), options);
        // Named carers and remote providers first, apart (the later feeds pass over them).
        let apart = self.base.set.apart(plan, viewer);
        matcher.feed_apart(apart.into_iter().filter(|(slot, _)| self.base_live(*slot)));
        matcher.feed_second(overlay_hits);
        matcher.feed(
            base_geo
                .within_for(base_roster, plan.location, plan.max_km, viewer)
                .filter(|(slot, _)| self.base_live(*slot)),
        );
        if matcher.needs_relaxations() {
            matcher.feed(
                base_geo
                    .ring_for(base_roster, plan.location, plan.max_km, outer, viewer)
                    .filter(|(slot, _)| self.base_live(*slot)),
            );
        }
        matcher.finish()
    }

    /// Matches several plans at once (see `carematch_matching::match_pooled`): candidates near
    /// the first person (within `pool_search_km`) are checked against every plan.
    pub fn match_pooled(&self, plans: &[CompiledPlan], options: &MatchOptions) -> PooledOutcome {
        let Some(first) = plans.first() else {
            return match_pooled(plans, &Roster::new(), std::iter::empty(), options);
        };
        if self.steady() {
            return self.base.set.match_pooled(plans, options);
        }
        let (roster, hits) =
            self.live_within(first.location, pool_search_km(plans), options.viewer);
        match_pooled(
            plans,
            &roster,
            hits.into_iter().map(|(slot, _)| slot),
            options,
        )
    }
}

/// The catch-up state, behind the apply mutex.
#[derive(Debug)]
struct Applied {
    /// Every change up to here is applied, except those of `pending`.
    last_seq: i64,
    generation: u64,
    /// A large range handed to the follower, applied by it as one publication.
    pending: Option<catch_up::Pending>,
    /// The position the text index's last commit recorded.
    text_payload: i64,
}

impl Applied {
    /// The position both indexes have applied without a gap.
    fn prefix(&self) -> i64 {
        self.pending.as_ref().map_or(self.last_seq, |p| p.from)
    }
}

struct Inner {
    store: Store,
    text: TextIndex,
    view: ArcSwap<View>,
    applied: Mutex<Applied>,
    /// Writers catching up after their writes take `applied` in order of arrival through here:
    /// the first in line applies every change committed so far, so the writers queued behind it
    /// usually find theirs published and leave at once. (std's mutex let a newcomer overtake a
    /// writer waiting for several commits in a row.)
    appliers: FairGate,
    /// Signalled (with `applied`) whenever a pending range has been published.
    published: Condvar,
    /// Wakes the follower before its next poll (a pending range to apply, or stop).
    wake: Mutex<bool>,
    woken: Condvar,
    /// Whether a follower thread runs (then large catch-ups are handed to it).
    has_follower: AtomicBool,
    last_seq: AtomicI64,
    changes_applied: AtomicU64,
    compactions: AtomicU64,
    compacting: AtomicBool,
    stop: AtomicBool,
    text_rebuilt: bool,
    /// The change-log position the candidate set reflected at start (read before the scans, or
    /// the snapshot's): replaying changes up to it (a persisted text index catching up) touches
    /// only the text index.
    candidates_seq: i64,
    /// The text index's position at start: replaying changes up to it (the candidate snapshot
    /// catching up) touches only the candidate set.
    text_seq: i64,
    candidates_from_snapshot: bool,
    index_dir: std::path::PathBuf,
    snapshots_written: AtomicU64,
    /// When the last snapshot was written (by this process); held while one is written, so
    /// that writes (start, compaction) never overlap.
    snapshot_written_at: Mutex<Option<Instant>>,
    start_millis: u64,
    options: EngineOptions,
}

/// The matching and search engine. `Send + Sync`: share it behind an `Arc`. Dropping it (or
/// [`Engine::stop`]) stops the follower thread.
pub struct Engine {
    inner: Arc<Inner>,
    follower: Mutex<Option<JoinHandle<()>>>,
    /// Matches and searches run through here, one per core at a time ([`Engine::admit`]).
    reads: FairGate,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Opens (or rebuilds) the text index in `index_dir`, loads the candidate set from the
    /// snapshot there or else from every live record of `store`, catches both up with the change
    /// log and, when
    /// [`EngineOptions::poll_interval`] is set, starts the follower thread.
    pub fn start(
        store: Store,
        index_dir: &Path,
        options: EngineOptions,
    ) -> Result<Engine, EngineError> {
        let started = Instant::now();
        let (text, state) = TextIndex::open_or_create(index_dir)?;
        // Read the position first: anything committed during the scans is applied again below.
        let scan_seq = store.latest_change_seq()?;
        // An index that has applied more of the log than the database holds belongs to another
        // database (e.g. one recreated since): rebuild it.
        let rebuild_text = match state {
            OpenState::Fresh => true,
            OpenState::Existing { last_seq } => last_seq > scan_seq,
        };
        if rebuild_text && state != OpenState::Fresh {
            tracing::warn!("the text index is ahead of the change log; rebuilding it");
            text.delete_all()?;
        }
        // A text index that must be rebuilt needs the scans anyway; otherwise try the snapshot.
        let loaded = if rebuild_text || options.snapshot_interval.is_none() {
            None
        } else {
            match snapshot::load(index_dir, &store, scan_seq) {
                Ok(loaded) => loaded,
                Err(error) => {
                    tracing::warn!(%error, "not using the candidate snapshot; scanning the database");
                    None
                }
            }
        };
        let candidates_from_snapshot = loaded.is_some();
        let (base, candidates_seq) = match loaded {
            Some(loaded) => (Layer::build(loaded.roster, loaded.facts), loaded.seq),
            None => (
                Self::scan_build(
                    &store,
                    &text,
                    rebuild_text.then_some(scan_seq),
                    options.batch_size,
                )?,
                scan_seq,
            ),
        };
        // A rebuilt text index was committed at `scan_seq` by `scan_build`.
        let text_seq = match state {
            OpenState::Existing { last_seq } if !rebuild_text => last_seq,
            _ => scan_seq,
        };
        // Both indexes catch up, each from its own position.
        let last_seq = text_seq.min(candidates_seq);
        let inner = Arc::new(Inner {
            store,
            view: ArcSwap::from_pointee(View {
                snapshot: Arc::new(Snapshot::new(Arc::new(base), Arc::new(Overlay::empty()))),
                searcher: text.searcher(),
            }),
            text,
            applied: Mutex::new(Applied {
                last_seq,
                generation: 0,
                pending: None,
                text_payload: text_seq,
            }),
            published: Condvar::new(),
            wake: Mutex::new(false),
            woken: Condvar::new(),
            has_follower: AtomicBool::new(false),
            last_seq: AtomicI64::new(last_seq),
            changes_applied: AtomicU64::new(0),
            compactions: AtomicU64::new(0),
            compacting: AtomicBool::new(false),
            stop: AtomicBool::new(false),
            text_rebuilt: rebuild_text,
            candidates_seq,
            text_seq,
            candidates_from_snapshot,
            index_dir: index_dir.to_path_buf(),
            snapshots_written: AtomicU64::new(0),
            snapshot_written_at: Mutex::new(None),
            appliers: FairGate::new(1),
            start_millis: 0,
            options,
        });
        inner.catch_up()?;
        if !candidates_from_snapshot && inner.options.snapshot_interval.is_some() {
            let base = Arc::clone(&inner.view.load().snapshot.base);
            inner.write_snapshot(candidates_seq, &base, false);
        }
        let start_millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        // `start_millis` is set once, before the engine is shared.
        let inner = match Arc::try_unwrap(inner) {
            Ok(mut inner) => {
                inner.start_millis = start_millis;
                Arc::new(inner)
            }
            Err(inner) => inner,
        };
        let follower = match inner.options.poll_interval {
            Some(interval) => {
                inner.has_follower.store(true, Ordering::Release);
                Some(spawn_follower(Arc::clone(&inner), interval)?)
            }
            None => None,
        };
        tracing::info!(
            candidates = inner.view.load().snapshot.len(),
            text_rebuilt = rebuild_text,
            candidates_from_snapshot,
            last_seq = inner.last_seq.load(Ordering::Acquire),
            millis = start_millis,
            "engine loaded"
        );
        Ok(Engine {
            inner,
            follower: Mutex::new(follower),
            reads: FairGate::per_core(),
        })
    }

    /// Builds the base from the keyset scans; with `rebuild_text_at`, also fills the text index
    /// (fresh or emptied: each record is added, never replaced) and commits it at that position (before the base is built, so that the text writer's
    /// buffers are released first: lower peak memory).
    fn scan_build(
        store: &Store,
        text: &TextIndex,
        rebuild_text_at: Option<i64>,
        batch_size: u32,
    ) -> Result<Layer, EngineError> {
        let rebuild_text = rebuild_text_at.is_some();
        let batch = batch_size.max(1);
        // A scanner thread reads and decodes pages from the store while this thread fills the
        // roster and the text index: the two overlap.
        let (pages, received) = std::sync::mpsc::sync_channel::<Result<Page, StoreError>>(2);
        let scan_store = store.clone();
        let scanner = std::thread::Builder::new()
            .name("engine-scan".into())
            .spawn(move || scan(&scan_store, batch, &pages))
            .map_err(EngineError::Thread)?;
        let mut roster = Roster::new();
        let mut facts: Vec<(Key, Facts)> = Vec::new();
        for page in received {
            match page? {
                Page::Carers(carers) => {
                    for carer in &carers {
                        roster.push_carer(carer);
                        facts.push(((CandidateKind::Carer, carer.id.0), Facts::of_carer(carer)));
                        if rebuild_text {
                            text.insert_new_carer(carer)?;
                        }
                    }
                }
                Page::Providers(providers) => {
                    for provider in &providers {
                        roster.push_provider(provider);
                        facts.push((
                            (CandidateKind::Provider, provider.id.0),
                            Facts::of_provider(provider),
                        ));
                        if rebuild_text {
                            text.insert_new_provider(provider)?;
                        }
                    }
                }
            }
        }
        scanner.join().map_err(|_| EngineError::Poisoned)?;
        if let Some(seq) = rebuild_text_at {
            text.commit(seq)?;
        }
        Ok(Layer::build(roster, facts))
    }

    /// Applies every change committed so far to both indexes, waiting for a large range the
    /// follower is applying; returns how many change-log rows this call applied.
    pub fn catch_up(&self) -> Result<usize, EngineError> {
        self.inner.catch_up()
    }

    /// What a writer calls after its write: applies up to [`EngineOptions::inline_limit`]
    /// changes on this thread (so the writer reads its own write) and hands more to the
    /// follower without waiting for them (an import answers at once, other writes are not held
    /// up behind it). Returns how many change-log rows this call applied.
    pub fn apply_own_writes(&self) -> Result<usize, EngineError> {
        self.inner.catch_up_inline(true)
    }

    /// The current view (candidates and text together): hold it for one request.
    pub fn view(&self) -> Arc<View> {
        self.inner.view.load_full()
    }

    /// The current snapshot: hold it for the duration of one request.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.inner.view.load().snapshot)
    }

    /// Read access to the candidates (for gap maps): the current snapshot.
    pub fn candidates(&self) -> Arc<Snapshot> {
        self.snapshot()
    }

    /// Admission for a CPU-bound read (a match, a search): at most one per core runs at a
    /// time, the others wait their turn in order of arrival. Why: with more runnable readers
    /// than cores, every short task of a write (its text commit, the index threads it wakes,
    /// the publication) waits behind all of them in the scheduler, and writes took seconds
    /// under 16 readers; queued reads finish in the same total time, in arrival order. The
    /// engine's own read methods enter here; a caller that reads a snapshot it holds (the
    /// service) enters first and keeps the pass for the read, never across another call that
    /// enters.
    pub fn admit(&self) -> Pass<'_> {
        self.reads.enter()
    }

    /// Matches a compiled plan whose location is resolved (see [`Snapshot::match_plan`]).
    pub fn match_plan(&self, plan: &CompiledPlan, options: &MatchOptions) -> MatchOutcome {
        let _admitted = self.admit();
        self.snapshot().match_plan(plan, options)
    }

    /// Matches a support plan at a resolved location (the plan's postcode through
    /// `Store::locate`, or its `location`).
    pub fn match_support_plan(
        &self,
        plan: &SupportPlan,
        location: GeoPoint,
        options: &MatchOptions,
    ) -> MatchOutcome {
        self.match_plan(&CompiledPlan::compile(plan, location), options)
    }

    /// Matches several plans at once (see [`Snapshot::match_pooled`]).
    pub fn match_pooled(&self, plans: &[CompiledPlan], options: &MatchOptions) -> PooledOutcome {
        let _admitted = self.admit();
        self.snapshot().match_pooled(plans, options)
    }

    /// A text search over the current view (see [`TextIndex::search`]).
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResults, EngineError> {
        self.search_in(&self.inner.view.load(), query)
    }

    /// A text search over `view`, which says the same as its snapshot.
    pub fn search_in(
        &self,
        view: &View,
        query: &SearchQuery,
    ) -> Result<SearchResults, EngineError> {
        let _admitted = self.admit();
        Ok(self.inner.text.search_in(&view.searcher, query)?)
    }

    /// A text search over `view` limited to `members` (see [`TextIndex::search_among`]); the
    /// members come from the same view's snapshot, so both say the same.
    pub fn search_among(
        &self,
        view: &View,
        q: &str,
        members: &Members,
    ) -> Result<AmongResults, EngineError> {
        let _admitted = self.admit();
        Ok(self.inner.text.search_among(&view.searcher, q, members)?)
    }

    /// The change-log position both indexes have applied.
    pub fn last_seq(&self) -> i64 {
        self.inner.last_seq.load(Ordering::Acquire)
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    pub fn stats(&self) -> EngineStats {
        let view = self.view();
        let snapshot = &view.snapshot;
        EngineStats {
            text_rebuilt: self.inner.text_rebuilt,
            changes_applied: self.inner.changes_applied.load(Ordering::Relaxed),
            candidates: snapshot.len(),
            base_len: snapshot.base.set.len(),
            overlay_len: snapshot.overlay.entries.len(),
            compactions: self.inner.compactions.load(Ordering::Relaxed),
            text_docs: view.text_docs(),
            last_seq: self.last_seq(),
            start_millis: self.inner.start_millis,
            candidates_from_snapshot: self.inner.candidates_from_snapshot,
            snapshots_written: self.inner.snapshots_written.load(Ordering::Relaxed),
        }
    }

    /// Compacts now, on this thread (tests and tools; the engine compacts by itself when the
    /// overlay grows past [`EngineOptions::compact_after`]).
    pub fn compact(&self) -> Result<(), EngineError> {
        if self.inner.compacting.swap(true, Ordering::AcqRel) {
            return Ok(());
        }
        let result = self.inner.compact();
        self.inner.compacting.store(false, Ordering::Release);
        result
    }

    /// Stops the follower thread and waits for it.
    pub fn stop(&self) {
        self.inner.stop.store(true, Ordering::Release);
        self.inner.wake_follower();
        let handle = self.follower.lock().ok().and_then(|mut guard| guard.take());
        if let Some(handle) = handle
            && handle.join().is_err()
        {
            tracing::error!("the engine follower thread panicked");
        }
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One page of the start-up scan.
enum Page {
    Carers(Vec<Carer>),
    Providers(Vec<Provider>),
}

/// Sends every live carer, then every provider, page by page; stops at the first error (sent
/// on) or when the receiver has gone.
fn scan(store: &Store, batch: u32, pages: &std::sync::mpsc::SyncSender<Result<Page, StoreError>>) {
    let mut after: Option<CarerId> = None;
    loop {
        let page = match store.carers_after(after, batch) {
            Ok(page) => page,
            Err(error) => {
                let _ = pages.send(Err(error));
                return;
            }
        };
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        if pages.send(Ok(Page::Carers(page))).is_err() {
            return;
        }
    }
    let mut after: Option<ProviderId> = None;
    loop {
        let page = match store.providers_after(after, batch) {
            Ok(page) => page,
            Err(error) => {
                let _ = pages.send(Err(error));
                return;
            }
        };
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        if pages.send(Ok(Page::Providers(page))).is_err() {
            return;
        }
    }
}

fn spawn_follower(inner: Arc<Inner>, interval: Duration) -> Result<JoinHandle<()>, EngineError> {
    std::thread::Builder::new()
        .name("engine-follower".into())
        .spawn(move || {
            while !inner.stop.load(Ordering::Acquire) {
                let Ok(()) = inner.wait_for_wake(interval) else {
                    break;
                };
                if inner.stop.load(Ordering::Acquire) {
                    break;
                }
                match inner.follow() {
                    Ok(()) => {}
                    // A closed store opens no more connections: there is nothing left to follow.
                    Err(EngineError::Store(StoreError::Closed)) => {
                        tracing::debug!("the store is closed; the engine follower stops");
                        break;
                    }
                    Err(error) => tracing::warn!(%error, "engine catch-up failed; retrying"),
                }
            }
        })
        .map_err(EngineError::Thread)
}

impl Inner {
    fn lock(&self) -> Result<MutexGuard<'_, Applied>, EngineError> {
        self.applied.lock().map_err(|_| EngineError::Poisoned)
    }

    fn compact_in_background(self: &Arc<Self>) {
        if self.compacting.swap(true, Ordering::AcqRel) {
            return;
        }
        let inner = Arc::clone(self);
        let spawned = std::thread::Builder::new()
            .name("engine-compact".into())
            .spawn(move || {
                if let Err(error) = inner.compact() {
                    tracing::error!(%error, "engine compaction failed");
                }
                inner.compacting.store(false, Ordering::Release);
            });
        if let Err(error) = spawned {
            tracing::error!(%error, "could not start the compaction thread");
            self.compacting.store(false, Ordering::Release);
        }
    }

    /// Builds a new base from the current snapshot (no database reads), then swaps it in,
    /// keeping the overlay entries applied meanwhile.
    fn compact(&self) -> Result<(), EngineError> {
        let (from, generation, seq) = {
            let applied = self.lock()?;
            // The snapshot reflects every change up to the applied position (and the candidate
            // set's start position, which may be ahead of a text index still catching up).
            (
                Arc::clone(&self.view.load().snapshot),
                applied.generation,
                applied.prefix().max(self.candidates_seq),
            )
        };
        let started = Instant::now();
        let base = &from.base;
        let mut roster = Roster::with_capacity(from.len());
        let mut facts = Vec::with_capacity(from.len());
        for slot in 0..base.set.len() as u32 {
            if !from.base_live(slot) {
                continue;
            }
            if let Some(record) = base.record(slot) {
                facts.push((
                    (record.candidate.kind(), record.candidate.id()),
                    record.facts,
                ));
                roster.push(record.candidate, record.side);
            }
        }
        for entry in from.overlay.entries.values() {
            if let Some(record) = &entry.record {
                facts.push((
                    (record.candidate.kind(), record.candidate.id()),
                    record.facts,
                ));
                roster.push(record.candidate.clone(), record.side.clone());
            }
        }
        let new_base = Arc::new(Layer::build(roster, facts));
        {
            let _applied = self.lock()?;
            let view = self.view.load_full();
            let current = &view.snapshot;
            let newer: HashMap<Key, Entry> = current
                .overlay
                .entries
                .iter()
                .filter(|(_, entry)| entry.generation > generation)
                .map(|(key, entry)| (*key, entry.clone()))
                .collect();
            let overlay = Overlay::build(&new_base, newer);
            // The new base holds `from`'s candidates and the overlay everything applied since:
            // the same candidates as `current`, so answers cached under its version stay right.
            self.view.store(Arc::new(View {
                snapshot: Arc::new(Snapshot::with_version(
                    Arc::clone(&new_base),
                    Arc::new(overlay),
                    current.version(),
                )),
                searcher: view.searcher.clone(),
            }));
        }
        self.compactions.fetch_add(1, Ordering::Relaxed);
        tracing::info!(
            millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            "engine compacted"
        );
        // Outside the apply lock: catch-ups go on while the file is written.
        self.write_snapshot(seq, &new_base, true);
        Ok(())
    }

    /// Writes `base` (reflecting the change log up to `seq`) as the candidate snapshot when
    /// snapshots are on and, if `only_when_due`, [`EngineOptions::snapshot_interval`] has passed
    /// since the last. A failure is logged, not returned: the next start then scans, or uses an
    /// older snapshot and replays more of the change log.
    fn write_snapshot(&self, seq: i64, base: &Layer, only_when_due: bool) {
        let Some(interval) = self.options.snapshot_interval else {
            return;
        };
        let Ok(mut written_at) = self.snapshot_written_at.lock() else {
            return;
        };
        if only_when_due && written_at.is_some_and(|at| at.elapsed() < interval) {
            return;
        }
        let started = Instant::now();
        match snapshot::write(&self.index_dir, &self.store, seq, base) {
            Ok(bytes) => {
                self.snapshots_written.fetch_add(1, Ordering::Relaxed);
                *written_at = Some(Instant::now());
                tracing::info!(
                    seq,
                    bytes,
                    millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                    "candidate snapshot written"
                );
            }
            Err(error) => tracing::warn!(%error, "could not write the candidate snapshot"),
        }
    }
}

/// The text index's kind for a candidate kind.
pub fn doc_kind(kind: CandidateKind) -> DocKind {
    match kind {
        CandidateKind::Carer => DocKind::Carer,
        CandidateKind::Provider => DocKind::Provider,
    }
}

/// The candidate kind for a text index kind.
pub fn candidate_kind(kind: DocKind) -> CandidateKind {
    match kind {
        DocKind::Carer => CandidateKind::Carer,
        DocKind::Provider => CandidateKind::Provider,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
        assert_send_sync::<Snapshot>();
    }
}
