//! The market report's schedule in `carematch serve` ([`MarketSnapshotJob`]): at start and then
//! every hour, a thread asks the database whether the latest snapshot is older than the
//! configured period (default six months) and takes one when it is. The decision is the
//! database's, so a restart does not reset the schedule and several servers on one PostgreSQL
//! database store one snapshot per period ([`CareService::market_snapshot_if_due`]).

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;

use chrono::{Duration, Utc};

use crate::{CareService, ServiceError};

/// How often the job asks whether a snapshot is due.
pub const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// The thread; [`MarketSnapshotJob::stop`] (or drop) wakes it and joins it.
#[derive(Debug)]
pub struct MarketSnapshotJob {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl MarketSnapshotJob {
    /// Starts the job: a snapshot whenever the latest is `period` old, checked every `check`.
    pub fn start(
        service: CareService,
        period: Duration,
        check: std::time::Duration,
    ) -> std::io::Result<Self> {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("market-snapshots".into())
            .spawn(move || {
                loop {
                    match service.market_snapshot_if_due(period, Utc::now()) {
                        Ok(Some(taken)) => {
                            tracing::info!(id = taken.id, pas = taken.pas, "market snapshot taken");
                        }
                        Ok(None) => {}
                        // Before the engine has loaded, or before authorities are imported:
                        // the next check tries again.
                        Err(ServiceError::Loading | ServiceError::NoAuthorities(_)) => {}
                        Err(error) => tracing::warn!(%error, "market snapshot failed"),
                    }
                    match stopped.recv_timeout(check) {
                        Err(RecvTimeoutError::Timeout) => {}
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
            })?;
        Ok(Self {
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Stops the job and waits for the thread (a snapshot under way finishes first).
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the market snapshot thread panicked");
        }
    }
}

impl Drop for MarketSnapshotJob {
    fn drop(&mut self) {
        self.shut_down();
    }
}
