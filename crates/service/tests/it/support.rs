//! A service over a fresh database with the fixture gazetteer, two agencies and an engine that
//! does not follow the change log by itself.

use std::sync::Arc;

use carematch_domain::{AgencyId, Carer, CarerDetails, ProviderDetails};
use carematch_index::{Engine, EngineOptions, Snapshot};
use carematch_matching::{CandidateKind, Viewer};
use carematch_service::{CareService, MatchRequest, SearchRequest};
use carematch_store::GazetteerReader;
use carematch_testkit::{TestDb, fixtures_dir};
use serde_json::{Value, json};

/// A postcode in the fixture gazetteer (Manchester).
pub const POSTCODE: &str = "M13 0EG";

pub struct World {
    pub service: CareService,
    pub agencies: [AgencyId; 2],
    // Dropped after the service: the engine's index folder, then the database.
    _index: tempfile::TempDir,
    pub db: TestDb,
}

impl World {
    pub fn new() -> Self {
        let db = TestDb::new();
        let gazetteer =
            GazetteerReader::open(&fixtures_dir().join("gazetteer.csv")).expect("gazetteer");
        db.store
            .import_postcodes(gazetteer, &|_| {})
            .expect("postcodes");
        let agencies =
            ["North", "South"].map(|name| db.store.create_agency(name).expect("agency").id);
        let index = tempfile::tempdir().expect("index dir");
        let options = EngineOptions {
            poll_interval: None,
            snapshot_interval: None,
            ..EngineOptions::default()
        };
        let engine = Engine::start(db.store.clone(), index.path(), options).expect("engine");
        let service = CareService::with_engine(db.store.clone(), Arc::new(engine));
        Self {
            service,
            agencies,
            _index: index,
            db,
        }
    }

    /// A Cantonese-speaking carer near [`POSTCODE`] of the first agency, created through the
    /// service.
    pub fn north_carer(&self, given_name: &str) -> Carer {
        self.service
            .create_carer(
                self.agencies[0],
                &carer(given_name),
                &carematch_domain::Actor::system("test"),
            )
            .expect("created")
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.service.snapshot().expect("engine loaded")
    }

    /// Whether the engine's current snapshot holds this record.
    pub fn indexed(&self, kind: CandidateKind, id: i64) -> bool {
        self.snapshot().get(kind, id).is_some()
    }

    /// Ids of the carers an admin's match for a Cantonese speaker near [`POSTCODE`] finds.
    pub fn cantonese_carers(&self) -> Vec<i64> {
        let request: MatchRequest = serde_json::from_value(json!({
            "plan": {"postcode": POSTCODE, "max_distance_km": 10,
                     "languages": [{"code": "yue", "min_proficiency": "fluent", "priority": "required"}]},
            "kinds": ["carer"]}))
        .expect("request");
        let outcome = self
            .service
            .match_plan(
                &self.snapshot(),
                &request,
                Viewer::Admin,
                carematch_service::today(),
            )
            .expect("match");
        outcome.matches.iter().map(|m| m.id).collect()
    }

    /// Ids of what an admin's text search for `q` finds.
    pub fn found(&self, q: &str) -> Vec<i64> {
        let request =
            SearchRequest::from_pairs(vec![("q".into(), q.into())]).expect("search request");
        let page = self.service.search(request, Viewer::Admin).expect("search");
        page.items.iter().map(|item| item.id).collect()
    }
}

fn first_fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture");
    let line = text.lines().next().expect("a line");
    let value: Value = serde_json::from_str(line).expect("json line");
    value["details"].clone()
}

/// A carer near [`POSTCODE`] with this given name, speaking Cantonese natively.
pub fn carer(given_name: &str) -> CarerDetails {
    let mut details = first_fixture("carers.jsonl");
    details["given_name"] = json!(given_name);
    details["postcode"] = json!(POSTCODE);
    details["external_ref"] = Value::Null;
    details["travel_radius_km"] = json!(10.0);
    details["languages"] = json!([{"code": "yue", "proficiency": "native"}]);
    serde_json::from_value(details).expect("carer details")
}

/// A provider at [`POSTCODE`] with this name.
pub fn provider(name: &str) -> ProviderDetails {
    let mut details = first_fixture("providers.jsonl");
    details["name"] = json!(name);
    details["postcode"] = json!(POSTCODE);
    details["external_ref"] = Value::Null;
    serde_json::from_value(details).expect("provider details")
}
