//! The scheduled import of `carematch serve` (`[openreferral] feeds` and `interval_hours`):
//! one thread that imports every configured feed in turn, at start and then every interval,
//! until the server stops. Runs never overlap: the one thread does them one after the other,
//! and a run that lasts longer than the interval is followed by the next at once.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use carematch_service::CareService;

use super::{FeedSource, ImportOptions, import};

/// The running schedule; [`ImportSchedule::stop`] wakes the thread and joins it (an import
/// under way finishes first: it writes in one transaction, so it is never left half done).
#[derive(Debug)]
pub struct ImportSchedule {
    stop: mpsc::Sender<()>,
    thread: JoinHandle<()>,
}

impl ImportSchedule {
    pub fn start(
        service: CareService,
        feeds: Vec<String>,
        every: Duration,
        options: ImportOptions,
    ) -> std::io::Result<Self> {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("openreferral-import".into())
            .spawn(move || {
                loop {
                    let started = Instant::now();
                    for feed in &feeds {
                        run_one(&service, feed, &options);
                        if matches!(
                            stopped.try_recv(),
                            Ok(()) | Err(mpsc::TryRecvError::Disconnected)
                        ) {
                            return;
                        }
                    }
                    let wait = every.saturating_sub(started.elapsed());
                    match stopped.recv_timeout(wait) {
                        Err(RecvTimeoutError::Timeout) => {}
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            })?;
        Ok(Self { stop, thread })
    }

    /// Stops the schedule and waits for its thread.
    pub fn stop(self) {
        // A send error means the thread has already ended.
        let _ = self.stop.send(());
        if self.thread.join().is_err() {
            tracing::warn!("the Open Referral import thread panicked");
        }
    }
}

/// One feed: counts logged (providers are organisations, but the log keeps to counts).
fn run_one(service: &CareService, feed: &str, options: &ImportOptions) {
    match import(service, &FeedSource::parse(feed), options) {
        Ok(report) if report.imported => tracing::info!(
            feed,
            created = report.created,
            updated = report.updated,
            unchanged = report.unchanged,
            retired = report.retired,
            duplicates = report.duplicates.len(),
            "Open Referral feed imported"
        ),
        Ok(report) => tracing::warn!(
            feed,
            rejected = report.rejected.len(),
            "Open Referral feed rejected; nothing imported (run `carematch import openreferral` for the records and reasons)"
        ),
        Err(error) => tracing::warn!(
            feed,
            error = format!("{error:#}"),
            "Open Referral feed import failed"
        ),
    }
}

#[cfg(test)]
mod tests {
    use carematch_domain::SourceKind;
    use carematch_testkit::TestDb;

    use super::*;

    #[test]
    fn a_run_happens_at_start_and_stop_waits_for_it() {
        let db = TestDb::new();
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("services.json");
        let service = serde_json::json!({
            "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Wah Sum Luncheon Club",
            "status": "active",
            "service_at_locations": [{"id": "e94c9f38-1e8f-4564-91d4-d53501ab1765", "location": {
                "id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5", "location_type": "physical",
                "latitude": 52.6369, "longitude": -1.1398,
                "addresses": [{"id": "74706e55-df26-4b84-80fe-ecc30b5befb4",
                    "address_1": "1 Belgrave Gate", "city": "Leicester",
                    "state_province": "Leicestershire", "postal_code": "LE1 3GQ",
                    "country": "GB", "address_type": "physical"}]}}],
            "attributes": [{"id": "ae58cc39-8b70-4ab1-8aea-786882e5ac8e", "taxonomy_term": {
                "id": carematch_domain::provenance::vocabulary_uuid("service:luncheon_club"),
                "name": "Luncheon club", "description": "Luncheon club"}}]
        });
        std::fs::write(&file, serde_json::Value::Array(vec![service]).to_string()).expect("write");
        let feed = file.display().to_string();
        // A day's interval: only the run at start can happen before `stop`.
        let schedule = ImportSchedule::start(
            CareService::new(db.store.clone()),
            vec![feed.clone()],
            Duration::from_secs(24 * 3600),
            ImportOptions::default(),
        )
        .expect("start");
        schedule.stop();
        let canonical = FeedSource::parse(&feed).feed_name().expect("feed name");
        let held = db
            .store
            .providers_from_feed(SourceKind::OpenReferral, &canonical)
            .expect("providers");
        assert_eq!(held.len(), 1);
        assert_eq!(held[0].0.details.name, "Wah Sum Luncheon Club");
    }
}
