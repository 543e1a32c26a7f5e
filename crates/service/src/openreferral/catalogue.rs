//! The in-memory catalogue the Open Referral API is served from: every live provider with its
//! public UUID and what filters read (taxonomy terms, lower-cased text), so that a page of 50 at
//! 50,000 providers is a scan in memory, not a database query.
//!
//! It follows the change log, as the indexes do. Each read compares the change seq the
//! catalogue has reached with the newest one known (the engine's, which a write through this
//! process advances before it returns, so a writer reads its own write; without an engine, the
//! store's); behind it, the catalogue reads the providers named by the changes in between and
//! replaces or drops them. Many changes at once (an import) rebuild it whole instead.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::RwLock;

use carematch_domain::vocabulary::Code;
use carematch_domain::{Provider, ProviderId};
use carematch_openreferral::publish::vocabulary::{Vocabulary, term_id};
use carematch_openreferral::publish::{Ids, codes, term_ids};
use carematch_store::{Entity, Store, StoreError};
use uuid::Uuid;

/// Providers read per query when the catalogue is built.
const BUILD_BATCH: u32 = 2000;
/// Changes read per query when catching up.
const CHANGES_BATCH: u32 = 1000;
/// More changed providers than this at once and the catalogue is rebuilt instead.
const REBUILD_AFTER: usize = 2000;

/// One live provider as the catalogue holds it.
#[derive(Debug)]
pub struct Entry {
    pub provider: Provider,
    pub uuid: Uuid,
    /// The taxonomy terms its service carries, sorted.
    pub terms: Vec<Uuid>,
    /// Name, description and the English labels of its terms, lower-cased, for `search`.
    pub text: String,
}

impl Entry {
    fn new(provider: Provider, uuid: Uuid) -> Self {
        let vocabulary = Vocabulary::get();
        let d = &provider.details;
        let mut text = format!("{} {}", d.name, d.description);
        for (kind, code) in codes(&provider) {
            if let Some(term) = vocabulary.term(term_id(kind, code)) {
                text.push(' ');
                text.push_str(&term.name);
            }
        }
        for language in &d.staff_languages {
            if let Some(autonym) = language.autonym() {
                text.push(' ');
                text.push_str(autonym);
            }
        }
        Self {
            terms: term_ids(&provider),
            text: text.to_lowercase(),
            provider,
            uuid,
        }
    }

    pub fn has_term(&self, term: Uuid) -> bool {
        self.terms.binary_search(&term).is_ok()
    }
}

/// Which published object an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    Service,
    Organization,
    Location,
    ServiceAtLocation,
}

/// Every live provider, in id order, and every published id.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// The change seq the catalogue reflects.
    seq: i64,
    entries: BTreeMap<ProviderId, Entry>,
    ids: HashMap<Uuid, (ObjectKind, ProviderId)>,
}

impl Catalogue {
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The provider an object id belongs to, if the object is of `kind`.
    pub fn find(&self, kind: ObjectKind, id: Uuid) -> Option<&Entry> {
        match self.ids.get(&id) {
            Some((k, provider)) if *k == kind => self.entries.get(provider),
            _ => None,
        }
    }

    fn insert(&mut self, provider: Provider, uuid: Uuid) {
        let id = provider.id;
        self.remove(id);
        let ids = Ids::of(uuid);
        for (object, kind) in [
            (ids.service, ObjectKind::Service),
            (ids.organization, ObjectKind::Organization),
            (ids.location, ObjectKind::Location),
            (ids.service_at_location, ObjectKind::ServiceAtLocation),
        ] {
            self.ids.insert(object, (kind, id));
        }
        self.entries.insert(id, Entry::new(provider, uuid));
    }

    fn remove(&mut self, id: ProviderId) {
        if let Some(old) = self.entries.remove(&id) {
            let ids = Ids::of(old.uuid);
            for object in [
                ids.service,
                ids.organization,
                ids.location,
                ids.service_at_location,
            ] {
                self.ids.remove(&object);
            }
        }
    }

    /// Every live provider, read at change seq `seq` or later (a change read twice is applied
    /// twice, which is harmless: each reads the record as it now is).
    fn build(store: &Store, seq: i64) -> Result<Self, StoreError> {
        let origins = store.provider_origins()?;
        let mut catalogue = Self {
            seq,
            ..Self::default()
        };
        let mut after = None;
        loop {
            let batch = store.providers_after(after, BUILD_BATCH)?;
            let Some(last) = batch.last() else { break };
            after = Some(last.id);
            for provider in batch {
                // A provider created after `origins` was read is named by a later change
                // and read then.
                // Only public listings are published (not stale ones; proposals are not records).
                if let Some(origin) = origins.get(&provider.id).filter(|_| provider.is_public()) {
                    let uuid = origin.uuid;
                    catalogue.insert(provider, uuid);
                }
            }
        }
        Ok(catalogue)
    }

    /// Applies every change after `self.seq` up to (at least) `target`; `false` when there are
    /// so many that a rebuild is cheaper.
    fn catch_up(&mut self, store: &Store, target: i64) -> Result<bool, StoreError> {
        while self.seq < target {
            let changes = store.changes_since(self.seq, CHANGES_BATCH)?;
            let Some(last) = changes.last() else { break };
            let last_seq = last.seq;
            let changed: BTreeSet<ProviderId> = changes
                .iter()
                .filter(|c| c.entity == Entity::Provider)
                .map(|c| ProviderId(c.entity_id))
                .collect();
            if changed.len() > REBUILD_AFTER {
                return Ok(false);
            }
            for id in changed {
                match (store.get_provider(id)?, store.provider_origin(id)?) {
                    (Some(provider), Some(origin)) if provider.is_public() => {
                        self.insert(provider, origin.uuid)
                    }
                    _ => self.remove(id),
                }
            }
            self.seq = last_seq;
        }
        Ok(true)
    }
}

/// The catalogue behind a lock: readers share it, a catch-up takes it for writing.
#[derive(Debug, Default)]
pub struct SharedCatalogue {
    current: RwLock<Option<Catalogue>>,
}

fn poisoned() -> StoreError {
    StoreError::Connect("the Open Referral catalogue's lock is poisoned".into())
}

impl SharedCatalogue {
    /// Runs `read` over the catalogue once it reflects change seq `target`. Blocking.
    pub fn read<T>(
        &self,
        store: &Store,
        target: i64,
        read: impl FnOnce(&Catalogue) -> T,
    ) -> Result<T, StoreError> {
        {
            let current = self.current.read().map_err(|_| poisoned())?;
            if let Some(catalogue) = current.as_ref()
                && catalogue.seq >= target
            {
                return Ok(read(catalogue));
            }
        }
        let mut current = self.current.write().map_err(|_| poisoned())?;
        // Another reader may have caught up while this one waited for the lock.
        let caught_up = match current.as_mut() {
            Some(catalogue) if catalogue.seq >= target => true,
            Some(catalogue) => catalogue.catch_up(store, target)?,
            None => false,
        };
        if !caught_up {
            // The seq is read before the providers: a write in between is read again later.
            let seq = store.latest_change_seq()?;
            *current = Some(Catalogue::build(store, seq)?);
        }
        let catalogue = current
            .as_ref()
            .ok_or_else(|| StoreError::Connect("the catalogue was not built".into()))?;
        Ok(read(catalogue))
    }
}
