//! Catch-up: the change log applied to both indexes, and what readers see published.
//!
//! - **Reads.** Changes come in batches of [`EngineOptions::batch_size`]; the newest operation
//!   per record wins, and the changed records are read back with one query per batch and kind
//!   ([`Store::get_carers`], [`Store::get_providers`]), never one query per record.
//! - **One publication per catch-up.** The text index is committed and a new [`View`] (the
//!   candidate snapshot with the text searcher of that commit) is stored once, after every change
//!   read: a transaction is never half visible, and search and matching switch together.
//! - **Large ranges off the writers' path.** A writer applies what follows its write on its own
//!   thread ([`Engine::apply_own_writes`]) so that it reads its own write. When more than
//!   [`EngineOptions::inline_limit`] changes are waiting (an import), the range up to the newest
//!   change is marked [`Pending`] and handed to the follower, which reads it *outside* the apply
//!   lock and takes the lock only to index what it read and publish. Meanwhile writers apply the
//!   changes after the range; the records they apply are remembered in [`Pending::skip`] so that
//!   the follower never puts back an older version it read before them.
//! - **Crash safety.** The text index's commit payload is the position below which nothing is
//!   missing (the start of a pending range while there is one): a restart replays from there, and
//!   replaying a change is harmless (each change re-reads its record).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use carematch_domain::{Carer, CarerId, Provider, ProviderId};
use carematch_matching::CandidateKind;
use carematch_store::{ChangeOp, Entity};

use super::{Applied, EngineError, Entry, Inner, Key, Overlay, Record, Snapshot, View, doc_kind};

/// A range of the change log, `(from, to]`, handed to the follower to apply as one publication.
#[derive(Debug)]
pub(super) struct Pending {
    pub(super) from: i64,
    pub(super) to: i64,
    /// Records applied by writers after the range was handed over: what the follower read for
    /// them may be older, so it leaves them alone.
    skip: HashSet<Key>,
    /// A thread is reading the range now.
    taken: bool,
}

/// The newest operation per record in a run of changes, with its seq.
type Latest = HashMap<Key, (ChangeOp, i64)>;

/// A changed record read back from the store; `None` when deleted (or gone since).
struct Prepared {
    key: Key,
    seq: i64,
    record: Option<Loaded>,
}

enum Loaded {
    Carer(Carer),
    Provider(Provider),
}

/// How long a full catch-up waits between looks at a range another thread is applying (it is
/// woken as soon as the range is published; this only bounds a missed wake-up).
const PENDING_RECHECK: Duration = Duration::from_millis(50);

impl Inner {
    /// Applies every change committed so far, including a pending range (applied here when no
    /// thread has taken it, else waited for). Returns the change-log rows this call applied.
    pub(super) fn catch_up(self: &Arc<Self>) -> Result<usize, EngineError> {
        let mut total = self.catch_up_inline(false)?;
        loop {
            let applied = self.lock()?;
            let taken = match &applied.pending {
                None => break,
                Some(pending) => pending.taken,
            };
            if taken {
                drop(
                    self.published
                        .wait_timeout(applied, PENDING_RECHECK)
                        .map_err(|_| EngineError::Poisoned)?,
                );
                continue;
            }
            drop(applied);
            total += self.apply_pending()?;
        }
        Ok(total)
    }

    /// What the follower does on each wake-up: the changes after any pending range, then the
    /// pending range.
    pub(super) fn follow(self: &Arc<Self>) -> Result<(), EngineError> {
        self.catch_up_inline(true)?;
        self.apply_pending()?;
        Ok(())
    }

    /// Applies the changes after the applied position (and after a pending range) on this
    /// thread. With `handoff` and a running follower, more than `inline_limit` waiting changes
    /// become a pending range for the follower instead.
    pub(super) fn catch_up_inline(self: &Arc<Self>, handoff: bool) -> Result<usize, EngineError> {
        let handoff = handoff
            && self.has_follower.load(Ordering::Acquire)
            && !self.stop.load(Ordering::Acquire);
        let _turn = self.appliers.enter();
        let mut applied = self.lock()?;
        if handoff && applied.pending.is_none() {
            // Writers are serialised and each commits all its changes at once, so the newest
            // seq ends a whole transaction: the range never splits one.
            let newest = self.store.latest_change_seq()?;
            if newest - applied.last_seq > i64::from(self.options.inline_limit) {
                applied.pending = Some(Pending {
                    from: applied.last_seq,
                    to: newest,
                    skip: HashSet::new(),
                    taken: false,
                });
                applied.last_seq = newest;
                drop(applied);
                self.wake_follower();
                return Ok(0);
            }
        }
        let (latest, last, count) = self.read_changes(applied.last_seq, None)?;
        if count == 0 {
            return Ok(0);
        }
        let prepared = self.load(latest)?;
        self.apply(&mut applied, prepared, None, last)?;
        self.changes_applied
            .fetch_add(count as u64, Ordering::Relaxed);
        Ok(count)
    }

    /// Reads and applies the pending range when no thread has taken it; returns the change-log
    /// rows applied (0 when there was nothing to take).
    fn apply_pending(self: &Arc<Self>) -> Result<usize, EngineError> {
        let (from, to) = {
            let mut applied = self.lock()?;
            match applied.pending.as_mut() {
                Some(pending) if !pending.taken => {
                    pending.taken = true;
                    (pending.from, pending.to)
                }
                _ => return Ok(0),
            }
        };
        // Outside the apply lock: the store reads, the longest part for a large range.
        let read = self
            .read_changes(from, Some(to))
            .and_then(|(latest, _, count)| Ok((self.load(latest)?, count)));
        let mut applied = self.lock()?;
        let result = match read {
            Ok((prepared, count)) => match applied.pending.take() {
                Some(mut pending) => {
                    let done = self.apply(&mut applied, prepared, Some(&pending.skip), to);
                    if done.is_err() {
                        pending.taken = false;
                        applied.pending = Some(pending);
                    }
                    done.map(|()| count)
                }
                // Taken by this thread above and only given back by it.
                None => Ok(0),
            },
            Err(error) => {
                if let Some(pending) = applied.pending.as_mut() {
                    pending.taken = false;
                }
                Err(error)
            }
        };
        if let Ok(count) = result {
            self.changes_applied
                .fetch_add(count as u64, Ordering::Relaxed);
        }
        drop(applied);
        self.published.notify_all();
        result
    }

    /// The changes after `after` (up to `to` when given, else up to the newest), reduced to the
    /// newest operation per record: `(latest, last seq read, rows read)`.
    fn read_changes(
        &self,
        after: i64,
        to: Option<i64>,
    ) -> Result<(Latest, i64, usize), EngineError> {
        let batch = self.options.batch_size.max(1);
        let mut latest = Latest::new();
        let mut position = after;
        let mut count = 0;
        loop {
            let changes = self.store.changes_since(position, batch)?;
            for change in &changes {
                if to.is_some_and(|to| change.seq > to) {
                    break;
                }
                let kind = match change.entity {
                    Entity::Carer => CandidateKind::Carer,
                    Entity::Provider => CandidateKind::Provider,
                };
                latest.insert((kind, change.entity_id), (change.op, change.seq));
                position = change.seq;
                count += 1;
            }
            let reached = to.is_some_and(|to| position >= to);
            if changes.len() < batch as usize || reached {
                return Ok((latest, position, count));
            }
        }
    }

    /// Reads back every record upserted in `latest`: one query per kind and batch.
    fn load(&self, latest: Latest) -> Result<Vec<Prepared>, EngineError> {
        let mut carer_ids = Vec::new();
        let mut provider_ids = Vec::new();
        for ((kind, id), (op, _)) in &latest {
            if *op == ChangeOp::Upsert {
                match kind {
                    CandidateKind::Carer => carer_ids.push(CarerId(*id)),
                    CandidateKind::Provider => provider_ids.push(ProviderId(*id)),
                }
            }
        }
        let mut carers: HashMap<i64, Carer> = HashMap::with_capacity(carer_ids.len());
        for chunk in carer_ids.chunks(self.options.batch_size.max(1) as usize) {
            carers.extend(
                self.store
                    .get_carers(chunk)?
                    .into_iter()
                    .map(|c| (c.id.0, c)),
            );
        }
        let mut providers: HashMap<i64, Provider> = HashMap::with_capacity(provider_ids.len());
        for chunk in provider_ids.chunks(self.options.batch_size.max(1) as usize) {
            providers.extend(
                self.store
                    .get_providers(chunk)?
                    .into_iter()
                    .map(|p| (p.id.0, p)),
            );
        }
        Ok(latest
            .into_iter()
            .map(|(key, (op, seq))| {
                let record = match (op, key.0) {
                    (ChangeOp::Delete, _) => None,
                    (ChangeOp::Upsert, CandidateKind::Carer) => {
                        carers.remove(&key.1).map(Loaded::Carer)
                    }
                    (ChangeOp::Upsert, CandidateKind::Provider) => {
                        providers.remove(&key.1).map(Loaded::Provider)
                    }
                };
                Prepared { key, seq, record }
            })
            .collect())
    }

    /// Under the apply lock: writes `prepared` into both indexes (leaving out `skip`), commits
    /// the text index and publishes one view; the applied position becomes at least `last`.
    fn apply(
        self: &Arc<Self>,
        applied: &mut Applied,
        prepared: Vec<Prepared>,
        skip: Option<&HashSet<Key>>,
        last: i64,
    ) -> Result<(), EngineError> {
        applied.generation += 1;
        let generation = applied.generation;
        let mut text_changed = false;
        let mut updates: Vec<(Key, Option<Record>)> = Vec::with_capacity(prepared.len());
        for Prepared { key, seq, record } in prepared {
            if skip.is_some_and(|skip| skip.contains(&key)) {
                continue;
            }
            // A writer applying past a pending range: the follower must not undo this record.
            if let Some(pending) = applied.pending.as_mut() {
                pending.skip.insert(key);
            }
            // Changes the index already held at start touch only the other index.
            let to_text = seq > self.text_seq;
            let record = match &record {
                Some(Loaded::Carer(carer)) => {
                    if to_text {
                        self.text.upsert_carer(carer)?;
                    }
                    Some(Record::of_carer(carer))
                }
                Some(Loaded::Provider(provider)) => {
                    if to_text {
                        self.text.upsert_provider(provider)?;
                    }
                    Some(Record::of_provider(provider))
                }
                None => {
                    if to_text {
                        self.text.delete(doc_kind(key.0), key.1)?;
                    }
                    None
                }
            };
            text_changed |= to_text;
            if seq > self.candidates_seq {
                updates.push((key, record));
            }
        }
        let last_seq = applied.last_seq.max(last);
        let prefix = applied.pending.as_ref().map_or(last_seq, |p| p.from);
        // The commit payload never moves back behind what the text index already holds.
        let payload = prefix.max(self.text_seq);
        let searcher = if text_changed || payload > applied.text_payload {
            self.text.commit(payload)?;
            applied.text_payload = payload;
            Some(self.text.searcher())
        } else {
            None
        };
        applied.last_seq = last_seq;
        self.last_seq.store(prefix, Ordering::Release);
        if updates.is_empty() && searcher.is_none() {
            return Ok(());
        }
        let current = self.view.load_full();
        let mut overlay_len = 0;
        let snapshot = if updates.is_empty() {
            Arc::clone(&current.snapshot)
        } else {
            let mut entries = current.snapshot.overlay.entries.clone();
            for (key, record) in updates {
                entries.insert(key, Entry { generation, record });
            }
            let overlay = Overlay::build(&current.snapshot.base, entries);
            overlay_len = overlay.entries.len();
            Arc::new(Snapshot::new(
                Arc::clone(&current.snapshot.base),
                Arc::new(overlay),
            ))
        };
        self.view.store(Arc::new(View {
            snapshot,
            searcher: searcher.unwrap_or_else(|| current.searcher.clone()),
        }));
        if overlay_len >= self.options.compact_after {
            self.compact_in_background();
        }
        Ok(())
    }

    /// Wakes the follower before its next poll.
    pub(super) fn wake_follower(&self) {
        if let Ok(mut woken) = self.wake.lock() {
            *woken = true;
            self.woken.notify_one();
        }
    }

    /// The follower's pause: until woken or `interval` has passed.
    pub(super) fn wait_for_wake(&self, interval: Duration) -> Result<(), EngineError> {
        let mut woken = self.wake.lock().map_err(|_| EngineError::Poisoned)?;
        if !*woken {
            woken = self
                .woken
                .wait_timeout(woken, interval)
                .map_err(|_| EngineError::Poisoned)?
                .0;
        }
        *woken = false;
        Ok(())
    }
}
