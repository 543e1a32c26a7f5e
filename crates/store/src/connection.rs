//! The connection pool (r2d2, over [`crate::backend::DbConnection`]) and its lifecycle: a pool can be closed, and closing waits until no connection is open
//! or being opened (see [`ClosablePool::close`] for why).

use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use diesel::ConnectionError;
use diesel::r2d2::{
    self, CustomizeConnection, ManageConnection, Pool, PooledConnection, R2D2Connection,
};

use crate::backend::{self, DbConnection, Target};
use crate::error::StoreError;

/// Counts the connections a pool has open and the ones it is opening, and refuses new ones once
/// the pool is closed.
///
/// Why: r2d2 opens every connection on its own worker threads (to reach `min_idle`, and for each
/// `get` that finds no idle connection), and dropping a pool neither stops nor waits for them. A
/// process whose `main` returns while such a thread is inside `PQconnectdb` crashes: libpq's TLS
/// handshake runs against OpenSSL state that `exit` is tearing down (`OPENSSL_cleanup` in an
/// atexit handler), which ended `carematch keys create` and `migrate` on PostgreSQL with SIGSEGV
/// in 5-9% of runs and a test binary with "double free or corruption". Nothing but the pool's own
/// drop knows when the last connection is gone, so each connection carries a guard that counts
/// it down when it is closed, on whichever thread that happens.
#[derive(Debug, Default)]
pub(crate) struct Lifecycle {
    state: Mutex<LifeState>,
    changed: Condvar,
}

#[derive(Debug, Default, Clone, Copy)]
struct LifeState {
    closed: bool,
    connecting: u32,
    open: u32,
    /// Connections opened since the pool was built (the probe included).
    opened: u64,
}

impl Lifecycle {
    fn lock(&self) -> MutexGuard<'_, LifeState> {
        // The counters stay consistent even if a holder panicked: every update is one statement.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts a connection attempt; `false` (and nothing counted) once the pool is closed.
    fn begin_connect(&self) -> bool {
        let mut state = self.lock();
        if state.closed {
            return false;
        }
        state.connecting += 1;
        true
    }

    /// Ends an attempt begun by [`Lifecycle::begin_connect`]; with `opened`, counts the connection
    /// as open in the same step, so that a waiter never sees it in neither count.
    fn end_connect(&self, opened: bool) {
        let mut state = self.lock();
        state.connecting -= 1;
        if opened {
            state.open += 1;
            state.opened += 1;
        }
        drop(state);
        self.changed.notify_all();
    }

    fn connection_closed(&self) {
        self.lock().open -= 1;
        self.changed.notify_all();
    }

    /// From now on every connection attempt fails at once, without touching the network.
    fn close(&self) {
        self.lock().closed = true;
    }

    /// Waits until no connection is open or being opened; the counts left on timeout.
    fn wait_until_quiet(&self, timeout: Duration) -> Result<(), (u32, u32)> {
        let deadline = Instant::now() + timeout;
        let mut state = self.lock();
        while state.connecting > 0 || state.open > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err((state.connecting, state.open));
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        Ok(())
    }
}

/// A pooled connection: the connection, then the guard that counts it closed (fields drop in
/// order, so the count goes down only once the connection really is closed).
pub(crate) struct Tracked {
    conn: DbConnection,
    _open: OpenGuard,
}

struct OpenGuard(Arc<Lifecycle>);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.connection_closed();
    }
}

impl Deref for Tracked {
    type Target = DbConnection;

    fn deref(&self) -> &DbConnection {
        &self.conn
    }
}

impl DerefMut for Tracked {
    fn deref_mut(&mut self) -> &mut DbConnection {
        &mut self.conn
    }
}

/// An r2d2 manager that opens the variant the URL asked for and keeps count of what it opened.
#[derive(Debug)]
pub(crate) struct Manager {
    target: Target,
    life: Arc<Lifecycle>,
}

impl ManageConnection for Manager {
    type Connection = Tracked;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<Tracked, r2d2::Error> {
        if !self.life.begin_connect() {
            return Err(r2d2::Error::ConnectionError(
                ConnectionError::BadConnection("the store is closed".to_owned()),
            ));
        }
        let conn = self.target.establish();
        self.life.end_connect(conn.is_ok());
        let conn = conn.map_err(r2d2::Error::ConnectionError)?;
        Ok(Tracked {
            conn,
            _open: OpenGuard(Arc::clone(&self.life)),
        })
    }

    fn is_valid(&self, conn: &mut Tracked) -> Result<(), r2d2::Error> {
        conn.conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut Tracked) -> bool {
        std::thread::panicking() || conn.conn.is_broken()
    }
}

/// Readies every connection the pool hands out ([`backend::on_acquire`]: SQLite's pragmas).
#[derive(Debug, Clone, Copy)]
struct OnAcquire;

impl CustomizeConnection<Tracked, r2d2::Error> for OnAcquire {
    fn on_acquire(&self, conn: &mut Tracked) -> Result<(), r2d2::Error> {
        backend::on_acquire(&mut conn.conn).map_err(r2d2::Error::QueryError)
    }
}

pub(crate) type DbPool = Pool<Manager>;
pub(crate) type Pooled = PooledConnection<Manager>;

/// How a store's pool opens connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolOptions {
    /// Connections open at most (at least 1).
    pub max_connections: u32,
    /// Connections kept open while idle. r2d2 opens them on its own threads, in the background,
    /// whenever fewer are idle (so a `get` that takes the last idle one starts opening another).
    pub min_idle: u32,
}

impl PoolOptions {
    /// A long-running process (`serve`, the test servers): one connection kept warm.
    pub fn server(max_connections: u32) -> Self {
        Self {
            max_connections,
            min_idle: 1,
        }
    }

    /// A short command (`migrate`, `keys`, imports): a connection is opened only when one is
    /// asked for and none is idle, never in the background, so that a command that has its
    /// answer has nothing left being opened.
    pub fn command(max_connections: u32) -> Self {
        Self {
            max_connections,
            min_idle: 0,
        }
    }
}

/// How long [`ClosablePool::close`] waits for connections being opened or still in use
/// elsewhere: longer than r2d2's `connection_timeout` (10 s), so that a `get` that raced the
/// close has given up by then.
pub(crate) const CLOSE_TIMEOUT: Duration = Duration::from_secs(15);

/// The pool behind every clone of one `Store`, which any of them can close for all.
pub(crate) struct ClosablePool {
    pool: RwLock<Option<DbPool>>,
    life: Arc<Lifecycle>,
}

impl ClosablePool {
    /// A connection; [`StoreError::Closed`] once the pool is closed.
    pub(crate) fn get(&self) -> Result<Pooled, StoreError> {
        // Clone the handle out so that a slow `get` never holds up `close`.
        let pool = self
            .pool
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or(StoreError::Closed)?;
        Ok(pool.get()?)
    }

    /// Connections opened since the pool was built, the probe that checked the URL included.
    pub(crate) fn opened(&self) -> u64 {
        self.life.lock().opened
    }

    /// Connections open (idle or in use); 0 once closed.
    pub(crate) fn connections(&self) -> u32 {
        self.pool
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map_or(0, |pool| pool.state().connections)
    }

    /// Closes the pool for every clone of the store and waits (up to [`CLOSE_TIMEOUT`]) until no
    /// connection is open or being opened: r2d2 threads that are connecting finish first, and
    /// the idle connections are closed. Idempotent.
    ///
    /// Why wait: a process must not exit while an r2d2 thread is inside libpq (see
    /// [`Lifecycle`]). Call it with no connection of this store checked out on the calling
    /// thread (it would wait for that connection until the timeout).
    pub(crate) fn close(&self) -> Result<(), StoreError> {
        // Refuse new connections first: a `get` racing with us can then only take an idle one.
        self.life.close();
        let pool = self
            .pool
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        // The last handle's drop closes the idle connections (here, or on the r2d2 thread that
        // is just finishing a connection or on the thread returning one: the counts tell).
        drop(pool);
        self.life
            .wait_until_quiet(CLOSE_TIMEOUT)
            .map_err(|(connecting, open)| StoreError::CloseTimeout { connecting, open })
    }
}

impl Drop for ClosablePool {
    /// The last clone of a store closes its pool, so that returning from `main` (or a test)
    /// never leaves an r2d2 thread connecting.
    fn drop(&mut self) {
        if let Err(error) = self.close() {
            tracing::warn!(%error, "closing the database pool");
        }
    }
}

/// Builds the pool, creating the SQLite file's folder if needed. Fails fast (10 s) when the
/// database cannot be reached.
pub(crate) fn build_pool(target: Target, options: PoolOptions) -> Result<ClosablePool, StoreError> {
    target.prepare_location()?;
    let life = Arc::new(Lifecycle::default());
    // Establish one connection up front (on this thread) so a bad URL is reported here, with
    // its real cause.
    let manager = Manager {
        target,
        life: Arc::clone(&life),
    };
    let mut probe = manager.connect().map_err(|error| match error {
        r2d2::Error::ConnectionError(ConnectionError::InvalidConnectionUrl(message)) => {
            StoreError::InvalidUrl(message)
        }
        other => StoreError::Connect(other.to_string()),
    })?;
    OnAcquire
        .on_acquire(&mut probe)
        .map_err(|e| StoreError::Connect(e.to_string()))?;
    drop(probe);
    let max_size = options.max_connections.max(1);
    let built = Pool::builder()
        .max_size(max_size)
        .min_idle(Some(options.min_idle.min(max_size)))
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(OnAcquire))
        .build(manager);
    match built {
        Ok(pool) => Ok(ClosablePool {
            pool: RwLock::new(Some(pool)),
            life,
        }),
        Err(error) => {
            // `build` gave up waiting for `min_idle` connections, but its threads may still be
            // opening them, and the caller may well exit on this error: wait for them first.
            life.close();
            if let Err((connecting, open)) = life.wait_until_quiet(CLOSE_TIMEOUT) {
                tracing::warn!(
                    connecting,
                    open,
                    "connections still opening after a failed start"
                );
            }
            Err(error.into())
        }
    }
}
