//! carematch's store: diesel models and repositories over SQLite (the embedded default) and
//! PostgreSQL. The database is the source of truth; indexes are built from it and kept in step
//! through the change log.
//!
//! # Design
//!
//! - **One connection type.** [`DbConnection`] is a `#[derive(diesel::MultiConnection)]` enum
//!   over `SqliteConnection` and `PgConnection`. The variant comes from the URL scheme
//!   (`sqlite://PATH` or a plain path, `postgres://`/`postgresql://`), never from trying one
//!   driver after the other. Queries are written once against the portable [`schema`]; what
//!   differs (connection setup, how a writing transaction begins, migrations, multi-row inserts,
//!   upserts) lives in the `backend` module (`backend/{mod,sqlite,postgres}.rs`), the only place
//!   that names a variant.
//! - **Pool.** r2d2; every SQLite connection gets `foreign_keys=ON`, `journal_mode=WAL`,
//!   `busy_timeout=5000` and `synchronous=NORMAL` when it is handed out.
//! - **Lifecycle.** r2d2 opens connections on threads of its own and never waits for them, and
//!   a process that exits while one is inside libpq's TLS handshake crashes. So a store is
//!   closed before the process ends: [`Store::close`] (for every clone at once) or the drop of
//!   its last clone refuses new connections, waits for those being opened and closes the rest.
//!   Short commands use [`PoolOptions::command`], which opens nothing in the background.
//! - **Migrations.** `migrations/sqlite/<version>_<name>` and `migrations/postgres/<same>`, both
//!   embedded in the binary; a test checks that the two folders list the same versions.
//! - **Rows and domain values.** `CarerRow`/`ProviderRow` (read) and `NewCarerRow`/
//!   `NewProviderRow` (write) hold columns; conversion to the domain types is `TryFrom`, and a row
//!   that does not convert back is a [`StoreError::Corrupt`], never a panic. Scalars are columns;
//!   code lists are comma-separated codes (`yue,cmn`); structured values (languages with
//!   proficiency, checks, slots, contact, service area) are JSON text.
//! - **Writes and the change log.** Every write (insert, update, soft delete, bulk insert) appends
//!   to `changes` in the same transaction, so a follower that reads `seq > last` sees every write
//!   exactly when it is committed. Writers are serialised: SQLite transactions begin with
//!   `BEGIN IMMEDIATE`; PostgreSQL ones take a transaction-level advisory lock first (see
//!   [`WRITER_LOCK`] for why).
//! - **Soft delete.** Deleting sets `deleted_at`; deleted rows are invisible to `get`, `list` and
//!   the keyset scans, and their `external_ref` is free to reuse.
//! - **Sync API.** Every method blocks; async callers use `spawn_blocking`/`web::block`.

pub mod agencies;
mod api_keys;
pub mod authorities;
mod backend;
pub mod cache;
mod carers;
pub mod census;
mod changes;
mod codec;
mod connection;
pub mod enquiries;
mod error;
mod exports;
pub mod freshness;
mod gate;
pub mod gazetteer;
mod history;
pub mod market;
pub mod moderation;
pub mod organisations;
pub mod outbox;
mod pa;
pub mod plans;
mod postcodes;
mod providers;
pub mod reports;
pub mod schema;
pub mod sectors;
mod sessions;
pub mod sign_in_links;
pub mod sources;
pub mod submissions;
pub mod vacancies;

use std::sync::Arc;

use carematch_domain::{
    Actor, AgencyId, Carer, CarerDetails, CarerId, GeoPoint, HistoryEntry, Postcode, Provider,
    ProviderDetails, ProviderId,
};
use diesel::connection::TransactionManager;
use diesel::prelude::*;

pub use agencies::Agency;
pub use api_keys::{ApiKeyRecord, NewApiKey};
pub use authorities::{BoundaryRecord, OpenDataError};
pub use backend::{
    Backend, DbConnection, MultiBackend, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, WRITER_LOCK,
};
use cache::BoundedCache;
pub use carers::{CarerFields, CarerFilter, CarerRow, CarerUpdate, NewCarer, NewCarerRow};
pub use census::{CensusFile, CensusRecord};
pub use changes::{Change, ChangeOp, Entity};
pub use connection::PoolOptions;
pub use error::StoreError;
pub use gate::{FairGate, Pass};
pub use gazetteer::{GazetteerError, GazetteerReader, PostcodeRow};
pub use outbox::{
    Failure, MailCounts, MailKind, MailStatus, NewMail, OutboxFilter, OutboxMessage, RetryPolicy,
};
pub use pa::{NewPaRegistration, PaConfirmation};
pub use plans::SavedPlan;
pub use postcodes::{ImportSummary, Located, Precision};
pub use providers::{NewProvider, NewProviderRow, ProviderFields, ProviderFilter, ProviderRow};
pub use sessions::WebSession;
pub use sign_in_links::LinkPurpose;
pub use sources::{
    DuplicateStatus, DuplicateSubject, HeldDuplicate, NewDuplicate, SourceSync, SourceUpdate,
};
pub use submissions::{NewSubmission, Submission, SubmissionFilter};

use crate::backend::Target;
use crate::codec::now;
use crate::connection::{ClosablePool, Pooled};

/// The most values bound in one `IN (...)` list: SQLite allows 32,766 parameters per statement,
/// PostgreSQL 65,535; batch reads bigger than this take one query per chunk.
pub const MAX_IDS_PER_QUERY: usize = 10_000;

/// A page request: `page` is 1-based (0 is taken as 1), `per_page` at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub page: u32,
    pub per_page: u32,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: 20,
        }
    }
}

impl Page {
    pub fn new(page: u32, per_page: u32) -> Self {
        Self { page, per_page }
    }

    pub(crate) fn limit(self) -> i64 {
        i64::from(self.per_page.max(1))
    }

    pub(crate) fn offset(self) -> i64 {
        i64::from(self.page.max(1) - 1) * self.limit()
    }
}

/// One page of results and the total across all pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
}

/// How many postcode locations [`Store::locate`] keeps in memory (about 100 bytes each).
pub const LOCATIONS_CACHED: usize = 100_000;
/// How long [`Store::locate`] trusts a location it has cached.
pub const LOCATIONS_TTL: std::time::Duration = std::time::Duration::from_secs(600);
/// How long a SQLite writer waits in this process's queue: SQLite's own `busy_timeout`.
const SQLITE_QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The store: a connection pool and the operations on it. Cheap to clone; the pool is shared by
/// the clones, closed by [`Store::close`] or when the last clone is dropped.
#[derive(Clone)]
pub struct Store {
    pool: Arc<ClosablePool>,
    backend: Backend,
    /// Postcode locations recently found (see `Store::locate`).
    locations: Arc<BoundedCache<Postcode, Located>>,
    /// SQLite writers of this process queue here, in order, before `BEGIN IMMEDIATE` (see
    /// [`gate`]); PostgreSQL queues them itself on [`WRITER_LOCK`].
    writers: Arc<FairGate>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .field("connections", &self.pool.connections())
            .finish()
    }
}

type MultiTransactionManager = <DbConnection as Connection>::TransactionManager;

impl Store {
    /// Connects to `url` (`sqlite://PATH`, a plain path, or `postgres://...`) with a pool of at
    /// most `max_connections`, one kept warm ([`PoolOptions::server`]). A SQLite file (and its
    /// folder) is created if missing.
    pub fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        Self::connect_with(url, PoolOptions::server(max_connections))
    }

    /// [`Store::connect`] with the pool's options spelled out.
    pub fn connect_with(url: &str, options: PoolOptions) -> Result<Self, StoreError> {
        let target = Target::parse(url)?;
        let backend = target.backend();
        let pool = Arc::new(connection::build_pool(target, options)?);
        let locations = Arc::new(BoundedCache::new(LOCATIONS_CACHED, LOCATIONS_TTL));
        Ok(Self {
            pool,
            backend,
            locations,
            writers: Arc::new(FairGate::new(1)),
        })
    }

    /// Closes the pool for this store and every clone of it: new connections are refused (calls
    /// then fail with [`StoreError::Closed`]), connections being opened by the pool's threads are
    /// waited for, and open ones are closed once returned. Returns when none is left, or with
    /// [`StoreError::CloseTimeout`] after 15 s. Idempotent; the drop of the last clone does the
    /// same. Call it with no connection checked out on this thread.
    ///
    /// Why: the pool opens connections on threads of its own, and a process that exits while
    /// one of them is inside libpq crashes (docs/architecture.md, "Process lifecycle").
    pub fn close(&self) -> Result<(), StoreError> {
        self.pool.close()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Connections the pool has open, idle or in use (0 once closed).
    pub fn open_connections(&self) -> u32 {
        self.pool.connections()
    }

    /// Connections opened since the store was created, including the one [`Store::connect`]
    /// opens first to check the URL.
    pub fn connections_opened(&self) -> u64 {
        self.pool.opened()
    }

    fn conn(&self) -> Result<Pooled, StoreError> {
        self.pool.get()
    }

    /// Runs `f` with a connection, outside any explicit transaction.
    fn read<T>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.conn()?;
        f(&mut conn)
    }

    /// Runs `f` in a writing transaction: `BEGIN IMMEDIATE` on SQLite (take the write lock now,
    /// waiting up to `busy_timeout`, rather than fail when a read turns into a write), and
    /// `BEGIN` plus [`WRITER_LOCK`] on PostgreSQL. Commits on `Ok`, rolls back on `Err`.
    fn write<T>(
        &self,
        f: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        // In line behind this process's other SQLite writers first, for as long as SQLite itself
        // would wait: a writer that still finds the lock taken (another process, or a queue
        // slower than that) then waits in SQLite's busy handler as before, and fails the same way.
        let _queued = match self.backend {
            Backend::Sqlite => self.writers.enter_within(SQLITE_QUEUE_WAIT),
            Backend::Postgres => None,
        };
        let mut pooled = self.conn()?;
        let conn: &mut DbConnection = &mut pooled;
        backend::begin_write(conn)?;
        let result = (|| {
            backend::lock_writers(conn)?;
            f(conn)
        })();
        match result {
            Ok(value) => {
                MultiTransactionManager::commit_transaction(conn)?;
                Ok(value)
            }
            Err(error) => match MultiTransactionManager::rollback_transaction(conn) {
                Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(error),
                Err(rollback) => {
                    tracing::error!(%error, %rollback, "rollback failed after an error");
                    Err(error)
                }
            },
        }
    }

    /// Applies pending migrations; returns the versions applied (empty when up to date).
    pub fn migrate(&self) -> Result<Vec<String>, StoreError> {
        let applied = self.read(backend::run_migrations)?;
        self.write(sources::backfill_uuids)?;
        Ok(applied)
    }

    /// Reverts every applied migration (tests, `carematch migrate --down-all`).
    pub fn revert_all(&self) -> Result<(), StoreError> {
        self.read(backend::revert_migrations)
    }

    /// Checks the database answers (readiness probes).
    pub fn ping(&self) -> Result<(), StoreError> {
        self.read(|conn| {
            diesel::sql_query("SELECT 1").execute(conn)?;
            Ok(())
        })
    }

    // ---- carers ----

    /// Stores a new carer (version 1) vouched for by `agency`. `NotFound` for an unknown agency,
    /// `Duplicate { field: "external_ref" }` when the agency already uses that reference.
    pub fn insert_carer(
        &self,
        agency: AgencyId,
        details: &CarerDetails,
        location: GeoPoint,
        actor: &Actor,
    ) -> Result<Carer, StoreError> {
        self.write(|conn| {
            Self::require_agency(conn, agency)?;
            carers::insert(conn, agency, details, location, now(), actor)
        })
    }

    /// Stores many carers in one transaction, all or nothing, in multi-row batches; `progress`
    /// is called with the number stored so far after each batch. Ids are in input order.
    pub fn insert_carers(
        &self,
        rows: &[NewCarer],
        progress: &dyn Fn(u64),
        actor: &Actor,
    ) -> Result<Vec<CarerId>, StoreError> {
        self.write(|conn| carers::insert_many(conn, rows, now(), progress, actor))
    }

    /// An agency's register applied in one transaction, all or nothing: `new` carers stored
    /// (ids in input order, as [`Store::insert_carers`]) and each of `updates` replaced, failing
    /// with `VersionConflict` if a record changed since the caller read its version.
    pub fn apply_register(
        &self,
        new: &[NewCarer],
        updates: &[CarerUpdate],
        progress: &dyn Fn(u64),
        actor: &Actor,
    ) -> Result<Vec<CarerId>, StoreError> {
        self.write(|conn| {
            let ids = carers::insert_many(conn, new, now(), progress, actor)?;
            for update in updates {
                carers::update(
                    conn,
                    update.id,
                    &update.details,
                    update.location,
                    Some(update.version),
                    now(),
                    actor,
                )?;
            }
            Ok(ids)
        })
    }

    /// A live carer; `None` when unknown or deleted.
    pub fn get_carer(&self, id: CarerId) -> Result<Option<Carer>, StoreError> {
        self.read(|conn| carers::get(conn, id))
    }

    /// The live carers among `ids`, in id order (deleted and unknown ids are left out). One
    /// query per [`MAX_IDS_PER_QUERY`] ids.
    pub fn get_carers(&self, ids: &[CarerId]) -> Result<Vec<Carer>, StoreError> {
        let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
        self.read(|conn| {
            let mut found = Vec::with_capacity(ids.len());
            for chunk in ids.chunks(MAX_IDS_PER_QUERY) {
                found.extend(carers::get_many(conn, chunk)?);
            }
            Ok(found)
        })
    }

    /// Which of `refs` the agency's live carers already use (an import's duplicate check): one
    /// indexed query per [`MAX_IDS_PER_QUERY`] references, whatever the size of the register.
    pub fn carer_refs_in_use(
        &self,
        agency: AgencyId,
        refs: &[&str],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        self.read(|conn| {
            let mut found = std::collections::HashSet::new();
            for chunk in refs.chunks(MAX_IDS_PER_QUERY) {
                found.extend(carers::refs_in_use(conn, agency, chunk)?);
            }
            Ok(found)
        })
    }

    /// Replaces a carer's details and location and bumps its version. With `expected_version`,
    /// fails with `VersionConflict { current }` unless it is the stored version.
    pub fn update_carer(
        &self,
        id: CarerId,
        details: &CarerDetails,
        location: GeoPoint,
        expected_version: Option<i64>,
        actor: &Actor,
    ) -> Result<Carer, StoreError> {
        self.write(|conn| {
            carers::update(conn, id, details, location, expected_version, now(), actor)
        })
    }

    /// Soft-deletes a carer; `NotFound` when unknown or already deleted.
    pub fn delete_carer(&self, id: CarerId, actor: &Actor) -> Result<(), StoreError> {
        self.write(|conn| carers::delete(conn, id, now(), actor))
    }

    /// Live carers in id order, one page at a time, with the total.
    pub fn list_carers(
        &self,
        filter: &CarerFilter,
        page: Page,
    ) -> Result<Paged<Carer>, StoreError> {
        self.read(|conn| {
            <MultiTransactionManager as TransactionManager<DbConnection>>::transaction(
                conn,
                |conn| carers::list(conn, filter, page),
            )
        })
    }

    /// Up to `limit` live carers with ids above `after`, in id order (keyset scan for index
    /// builds: pass the last id back in).
    pub fn carers_after(
        &self,
        after: Option<CarerId>,
        limit: u32,
    ) -> Result<Vec<Carer>, StoreError> {
        self.read(|conn| carers::after(conn, after, limit))
    }

    // ---- providers ----

    /// Stores a new provider (version 1), optionally managed by `agency`.
    pub fn insert_provider(
        &self,
        agency: Option<AgencyId>,
        details: &ProviderDetails,
        location: GeoPoint,
        actor: &Actor,
    ) -> Result<Provider, StoreError> {
        self.write(|conn| {
            if let Some(agency) = agency {
                Self::require_agency(conn, agency)?;
            }
            providers::insert(conn, agency, details, location, now(), actor)
        })
    }

    /// Stores many providers in one transaction, all or nothing.
    pub fn insert_providers(
        &self,
        rows: &[NewProvider],
        progress: &dyn Fn(u64),
        actor: &Actor,
    ) -> Result<Vec<ProviderId>, StoreError> {
        self.write(|conn| providers::insert_many(conn, rows, now(), progress, actor))
    }

    pub fn get_provider(&self, id: ProviderId) -> Result<Option<Provider>, StoreError> {
        self.read(|conn| providers::get(conn, id))
    }

    /// The live providers among `ids`, in id order (see [`Store::get_carers`]).
    pub fn get_providers(&self, ids: &[ProviderId]) -> Result<Vec<Provider>, StoreError> {
        let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
        self.read(|conn| {
            let mut found = Vec::with_capacity(ids.len());
            for chunk in ids.chunks(MAX_IDS_PER_QUERY) {
                found.extend(providers::get_many(conn, chunk)?);
            }
            Ok(found)
        })
    }

    pub fn update_provider(
        &self,
        id: ProviderId,
        details: &ProviderDetails,
        location: GeoPoint,
        expected_version: Option<i64>,
        actor: &Actor,
    ) -> Result<Provider, StoreError> {
        self.write(|conn| {
            providers::update(conn, id, details, location, expected_version, now(), actor)
        })
    }

    pub fn delete_provider(&self, id: ProviderId, actor: &Actor) -> Result<(), StoreError> {
        self.write(|conn| providers::delete(conn, id, now(), actor))
    }

    /// Every live provider's public id and provenance.
    pub fn provider_origins(
        &self,
    ) -> Result<std::collections::HashMap<ProviderId, carematch_domain::ProviderOrigin>, StoreError>
    {
        self.read(sources::origins)
    }

    /// One live provider's public id and provenance.
    pub fn provider_origin(
        &self,
        id: ProviderId,
    ) -> Result<Option<carematch_domain::ProviderOrigin>, StoreError> {
        self.read(|conn| sources::origin(conn, id))
    }

    /// Every live provider with its public id and provenance, in id order (the exports).
    pub fn providers_with_origins(
        &self,
    ) -> Result<Vec<(Provider, carematch_domain::ProviderOrigin)>, StoreError> {
        self.read(exports::providers_with_origins)
    }

    /// Which of `uuids` a provider (live or deleted) already has.
    pub fn provider_uuids_held(
        &self,
        uuids: &[uuid::Uuid],
    ) -> Result<std::collections::HashSet<uuid::Uuid>, StoreError> {
        self.read(|conn| exports::provider_uuids_held(conn, uuids))
    }

    /// The live providers imported from one feed of a source.
    pub fn providers_from_feed(
        &self,
        source: carematch_domain::SourceKind,
        feed: &str,
    ) -> Result<Vec<(Provider, carematch_domain::ProviderOrigin)>, StoreError> {
        self.read(|conn| sources::from_feed(conn, source, feed))
    }

    /// Applies a source's snapshot in one transaction: all of it or nothing. The created
    /// providers' ids in the order of [`SourceSync::create`].
    pub fn apply_source_sync(
        &self,
        sync: &SourceSync,
        actor: &Actor,
    ) -> Result<Vec<ProviderId>, StoreError> {
        self.write(|conn| sources::apply(conn, sync, now(), actor))
    }

    /// Likely duplicates flagged by imports, oldest first (`status` when given).
    pub fn list_duplicates(
        &self,
        status: Option<DuplicateStatus>,
        page: Page,
    ) -> Result<Paged<HeldDuplicate>, StoreError> {
        self.read(|conn| sources::list_duplicates(conn, status, page))
    }

    /// Records a person's decision on a flagged pair; `None` when there is no such flag.
    pub fn resolve_duplicate(
        &self,
        id: i64,
        status: DuplicateStatus,
    ) -> Result<Option<HeldDuplicate>, StoreError> {
        self.write(|conn| sources::resolve_duplicate(conn, id, status, now()))
    }

    pub fn list_providers(
        &self,
        filter: &ProviderFilter,
        page: Page,
    ) -> Result<Paged<Provider>, StoreError> {
        self.read(|conn| {
            <MultiTransactionManager as TransactionManager<DbConnection>>::transaction(
                conn,
                |conn| providers::list(conn, filter, page),
            )
        })
    }

    pub fn providers_after(
        &self,
        after: Option<ProviderId>,
        limit: u32,
    ) -> Result<Vec<Provider>, StoreError> {
        self.read(|conn| providers::after(conn, after, limit))
    }

    // ---- edit history, restore, freshness ----

    /// A carer's or provider's history, newest first (also for deleted records).
    pub fn history(
        &self,
        entity: Entity,
        id: i64,
        page: Page,
    ) -> Result<Paged<HistoryEntry>, StoreError> {
        self.read(|conn| history::list(conn, entity, id, page))
    }

    /// A carer, live or soft-deleted, with whether it is deleted.
    pub fn get_carer_any(&self, id: CarerId) -> Result<Option<(Carer, bool)>, StoreError> {
        self.read(|conn| carers::get_any(conn, id))
    }

    /// A provider, live or soft-deleted, with whether it is deleted.
    pub fn get_provider_any(&self, id: ProviderId) -> Result<Option<(Provider, bool)>, StoreError> {
        self.read(|conn| providers::get_any(conn, id))
    }

    /// Undoes a soft delete; `NotFound` unless the carer exists and is deleted.
    pub fn restore_carer(&self, id: CarerId, actor: &Actor) -> Result<Carer, StoreError> {
        self.write(|conn| carers::restore(conn, id, now(), actor))
    }

    /// Undoes a soft delete; `NotFound` unless the provider exists and is deleted.
    pub fn restore_provider(&self, id: ProviderId, actor: &Actor) -> Result<Provider, StoreError> {
        self.write(|conn| providers::restore(conn, id, now(), actor))
    }

    /// An agency's deleted carers, most recently deleted first.
    pub fn deleted_carers(&self, agency: AgencyId, page: Page) -> Result<Paged<Carer>, StoreError> {
        self.read(|conn| carers::deleted_of_agency(conn, agency, page))
    }

    /// An agency's live carers for its console, narrowed by `filter` (its `agency` is ignored):
    /// stale first, then by name.
    pub fn console_carers(
        &self,
        agency: AgencyId,
        filter: &CarerFilter,
        page: Page,
    ) -> Result<Paged<Carer>, StoreError> {
        self.read(|conn| carers::for_console(conn, agency, filter, page))
    }

    /// Records that a live carer is all still true on `today`.
    pub fn confirm_carer(
        &self,
        id: CarerId,
        today: chrono::NaiveDate,
        actor: &Actor,
    ) -> Result<Carer, StoreError> {
        self.write(|conn| carers::confirm(conn, id, today, now(), actor))
    }

    /// Records that a live provider is all still true on `today`.
    pub fn confirm_provider(
        &self,
        id: ProviderId,
        today: chrono::NaiveDate,
        actor: &Actor,
    ) -> Result<Provider, StoreError> {
        self.write(|conn| providers::confirm(conn, id, today, now(), actor))
    }

    /// The freshness sweep for `today`, in one transaction: reminders (with their mail, written
    /// by `text`) and hiding.
    pub fn freshness_sweep(
        &self,
        today: chrono::NaiveDate,
        text: &dyn Fn(&freshness::DueReminder) -> freshness::ReminderText,
        actor: &Actor,
    ) -> Result<freshness::SweepSummary, StoreError> {
        self.write(|conn| freshness::sweep(conn, today, text, now(), actor))
    }

    // ---- gazetteer ----

    /// Upserts postcode centroids in batched transactions (each batch commits on its own, so an
    /// error part-way keeps the batches before it), then recomputes sector and district
    /// centroids. `progress` gets the number of postcodes stored so far. Pass a
    /// [`GazetteerReader`] by `&mut` to read its skipped count afterwards.
    pub fn import_postcodes(
        &self,
        rows: impl Iterator<Item = Result<PostcodeRow, GazetteerError>>,
        progress: &dyn Fn(u64),
    ) -> Result<ImportSummary, StoreError> {
        let mut summary = ImportSummary::default();
        let mut batch = Vec::with_capacity(postcodes::BATCH_ROWS);
        let flush = |batch: &mut Vec<postcodes::NewPostcodeRow>,
                     summary: &mut ImportSummary|
         -> Result<(), StoreError> {
            if batch.is_empty() {
                return Ok(());
            }
            self.write(|conn| postcodes::upsert(conn, batch))?;
            summary.postcodes += batch.len() as u64;
            batch.clear();
            progress(summary.postcodes);
            Ok(())
        };
        for row in rows {
            batch.push(postcodes::NewPostcodeRow::from(&row?));
            if batch.len() >= postcodes::BATCH_ROWS {
                flush(&mut batch, &mut summary)?;
            }
        }
        flush(&mut batch, &mut summary)?;
        let (sectors, districts) = self.write(postcodes::recompute_centroids)?;
        self.locations.clear();
        summary.sectors = sectors;
        summary.districts = districts;
        Ok(summary)
    }

    /// The postcode's centroid; for an unknown postcode, its sector's centroid; failing that,
    /// its district's (outward code's); `None` when even the district is unknown.
    ///
    /// Found locations are cached in memory (up to [`LOCATIONS_CACHED`], for
    /// [`LOCATIONS_TTL`]): a match then costs no database round trip for a postcode seen
    /// recently. A postcode import through this store clears the cache; one by another process
    /// is seen once the entries expire.
    /// The location [`Store::locate`] has cached for `postcode`, without asking the database.
    pub fn locate_cached(&self, postcode: &Postcode) -> Option<Located> {
        self.locations.get(postcode)
    }

    /// The centroid of an outward code (`M13`): the coarse place public maps show, never a
    /// person's own postcode. `None` when the gazetteer has no postcode in it.
    pub fn district_centroid(
        &self,
        outward: &carematch_domain::postcode::OutwardCode,
    ) -> Result<Option<GeoPoint>, StoreError> {
        self.read(|conn| postcodes::district_centroid(conn, outward))
    }

    pub fn locate(&self, postcode: &Postcode) -> Result<Option<Located>, StoreError> {
        if let Some(located) = self.locations.get(postcode) {
            return Ok(Some(located));
        }
        let located = self.read(|conn| postcodes::locate(conn, postcode))?;
        if let Some(located) = located {
            self.locations.put(postcode.clone(), located, 1);
        }
        Ok(located)
    }

    // ---- change log ----

    /// Up to `limit` changes with `seq > after_seq`, in seq order.
    pub fn changes_since(&self, after_seq: i64, limit: u32) -> Result<Vec<Change>, StoreError> {
        self.read(|conn| changes::since(conn, after_seq, limit))
    }

    /// The highest seq in the change log, 0 when empty.
    pub fn latest_change_seq(&self) -> Result<i64, StoreError> {
        self.read(changes::latest)
    }
}
