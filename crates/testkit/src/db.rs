//! A store on a database of its own, dropped afterwards, and the demo and open-data fixtures.
//! The backend comes from
//! `CAREMATCH_TEST_DATABASE_URL`: unset, a fresh SQLite file in a temporary folder; `postgres://...`,
//! a fresh database on that server created for the test and dropped (`WITH (FORCE)`) afterwards.
//!
//! Dropping a [`TestDb`] first closes its store ([`Store::close`]) and every store opened with
//! [`TestDb::another_store`], for every clone, so that a server, an engine follower or any other
//! thread a test leaves behind can open no connection afterwards: no connection is being opened
//! when the test binary exits (which crashes libpq, see docs/architecture.md).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use carematch_store::{Backend, Store};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

/// A store on a database of its own, removed when dropped.
pub struct TestDb {
    pub store: Store,
    /// The URL the store was opened with.
    pub url: String,
    /// Stores opened by [`TestDb::another_store`], closed with this one.
    others: Mutex<Vec<Store>>,
    _dir: Option<tempfile::TempDir>,
    pg: Option<PgDatabase>,
}

struct PgDatabase {
    admin_url: String,
    name: String,
}

impl TestDb {
    /// A fresh, migrated database.
    #[expect(
        clippy::new_without_default,
        reason = "creating a database is not a default value"
    )]
    pub fn new() -> Self {
        let db = Self::unmigrated();
        db.store.migrate().expect("migrate");
        db
    }

    /// A fresh database with no tables.
    pub fn unmigrated() -> Self {
        match std::env::var("CAREMATCH_TEST_DATABASE_URL") {
            Ok(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Self::postgres(&url)
            }
            Ok(url) if !url.is_empty() => panic!("unsupported CAREMATCH_TEST_DATABASE_URL {url}"),
            _ => Self::sqlite(),
        }
    }

    fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let store = Store::connect(&url, 4).expect("connect to SQLite");
        assert_eq!(store.backend(), Backend::Sqlite);
        Self {
            store,
            url,
            others: Mutex::new(Vec::new()),
            _dir: Some(dir),
            pg: None,
        }
    }

    fn postgres(admin_url: &str) -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock")
            .subsec_nanos();
        let name = format!(
            "carematch_test_{}_{}_{}",
            std::process::id(),
            nanos,
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::establish(admin_url).expect("connect to PostgreSQL");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create test database");
        let (server, rest) = admin_url.rsplit_once('/').expect("URL with a database");
        let query = rest
            .split_once('?')
            .map(|(_, q)| format!("?{q}"))
            .unwrap_or_default();
        let url = format!("{server}/{name}{query}");
        let store = Store::connect(&url, 4).expect("connect to the test database");
        assert_eq!(store.backend(), Backend::Postgres);
        Self {
            store,
            url,
            others: Mutex::new(Vec::new()),
            _dir: None,
            pg: Some(PgDatabase {
                admin_url: admin_url.to_owned(),
                name,
            }),
        }
    }
}

impl TestDb {
    /// A second store on this database (as another process would open), closed when this
    /// `TestDb` is dropped, whoever still holds a clone of it.
    pub fn another_store(&self, max_connections: u32) -> Store {
        let store = Store::connect(&self.url, max_connections).expect("connect a second store");
        self.others
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(store.clone());
        store
    }

    /// Runs raw SQL on a connection of its own, behind the store's back.
    pub fn execute_raw(&self, sql: &str) {
        match self.url.strip_prefix("sqlite://") {
            Some(path) => diesel::SqliteConnection::establish(path)
                .expect("connect")
                .batch_execute(sql),
            None => PgConnection::establish(&self.url)
                .expect("connect")
                .batch_execute(sql),
        }
        .expect("raw SQL");
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let others = std::mem::take(
            self.others
                .get_mut()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        for store in others.iter().chain([&self.store]) {
            if let Err(error) = store.close() {
                eprintln!("could not close the test store on {}: {error}", self.url);
            }
        }
        if let Some(pg) = &self.pg
            && let Ok(mut admin) = PgConnection::establish(&pg.admin_url)
        {
            let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", pg.name);
            if let Err(error) = admin.batch_execute(&drop) {
                eprintln!("could not drop test database {}: {error}", pg.name);
            }
        }
    }
}

/// The repository's `fixtures/` folder.
pub fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn fixture_lines(name: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(fixtures_dir().join(name))
        .expect("fixture file")
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("fixture line"))
        .collect()
}

/// Loads the demo fixtures (gazetteer, agencies, carers, providers) as `carematch seed` does;
/// returns the agencies in `agencies.json` order.
pub fn seed_demo_fixtures(store: &Store) -> Vec<carematch_domain::AgencyId> {
    let reader = carematch_store::GazetteerReader::open(&fixtures_dir().join("gazetteer.csv"))
        .expect("gazetteer");
    store.import_postcodes(reader, &|_| {}).expect("postcodes");
    let profiles: Vec<carematch_domain::AgencyProfile> = serde_json::from_str(
        &std::fs::read_to_string(fixtures_dir().join("agencies.json")).expect("agencies"),
    )
    .expect("agencies json");
    let agencies: Vec<carematch_domain::AgencyId> = profiles
        .into_iter()
        .map(|profile| {
            let profile = profile.parse().expect("a valid agency profile");
            store.create_agency_with(&profile).expect("agency").id
        })
        .collect();
    let carers: Vec<carematch_store::NewCarer> = fixture_lines("carers.jsonl")
        .into_iter()
        .map(|v| carematch_store::NewCarer {
            agency_id: agencies[v["agency"].as_u64().expect("agency index") as usize],
            details: serde_json::from_value(v["details"].clone()).expect("carer details"),
            location: serde_json::from_value(v["location"].clone()).expect("location"),
        })
        .collect();
    let actor = carematch_domain::Actor::system("test");
    store
        .insert_carers(&carers, &|_| {}, &actor)
        .expect("carers");
    let providers: Vec<carematch_store::NewProvider> = fixture_lines("providers.jsonl")
        .into_iter()
        .map(|v| {
            carematch_store::NewProvider::new(
                None,
                serde_json::from_value(v["details"].clone()).expect("provider details"),
                serde_json::from_value(v["location"].clone()).expect("location"),
            )
        })
        .collect();
    store
        .insert_providers(&providers, &|_| {}, &actor)
        .expect("providers");
    agencies
}

/// Loads the small open-data fixtures (`fixtures/open-data`: authorities, boundaries, census).
pub fn import_open_data_fixtures(store: &Store) {
    import_open_data_from(store, &fixtures_dir().join("open-data"));
}

/// Imports the demo's open data (`fixtures/open-data/demo/`: the demo areas' authorities with
/// every London borough, simplified real boundaries and published census rows), as
/// `carematch serve --demo` does.
pub fn import_demo_open_data(store: &Store) {
    import_open_data_from(store, &fixtures_dir().join("open-data").join("demo"));
}

fn import_open_data_from(store: &Store, dir: &std::path::Path) {
    let open = |name: &str| std::fs::File::open(dir.join(name)).expect("open-data fixture");
    let authorities =
        carematch_store::authorities::read_authorities_csv(open("local_authorities.csv"))
            .expect("csv");
    store.import_authorities(&authorities).expect("authorities");
    let boundaries =
        carematch_store::authorities::read_boundaries_geojson(open("lad_2023_buc.geojson"))
            .expect("geojson");
    store.import_boundaries(&boundaries).expect("boundaries");
    for name in [
        "census2021-ts021-ltla.csv",
        "census2021-ts024-ltla.csv",
        "census2021-ts030-ltla.csv",
    ] {
        // The demo set has no ethnic-group table (TS021): the market report's tests use the
        // hand-written fixtures, which have one.
        if name.contains("ts021") && !dir.join(name).exists() {
            continue;
        }
        let file = carematch_store::census::read_census_csv(open(name)).expect("census");
        store.import_census(&file).expect("import census");
    }
}
