//! Retention: personal data is kept no longer than the configured period (setting
//! `retention_days`, default 180) after the record holding it is closed, then deleted with its
//! history and its mails.
//!
//! [`CareService::purge_expired`] is the one purge, called by the scheduled job of
//! `carematch serve` ([`RetentionJob`]: at start, then every hour) and by `carematch purge` (for
//! cron). Each kind of record with personal data adds its own purge call there.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;

use chrono::{DateTime, Duration, Utc};

use crate::{CareService, ServiceError};

/// The default period, in days, for which closed records are kept.
pub const DEFAULT_RETENTION_DAYS: u32 = 180;

/// How often the job of `carematch serve` purges.
pub const PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// What one purge deleted (counts only: nothing personal is logged).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PurgeReport {
    /// Enquiries closed before the cutoff, deleted with their events and mails.
    pub enquiries: usize,
    /// Vacancies filled or withdrawn before the cutoff, deleted with their events, proposals
    /// and mails.
    pub vacancies: usize,
}

impl CareService {
    /// Deletes every record closed more than `retention` before `now`, with its history and
    /// mails. The clock is an argument so that tests need no waiting.
    pub fn purge_expired(
        &self,
        now: DateTime<Utc>,
        retention: Duration,
    ) -> Result<PurgeReport, ServiceError> {
        let cutoff = now - retention;
        Ok(PurgeReport {
            enquiries: self.store.purge_enquiries(cutoff)?,
            vacancies: self.store.purge_closed_vacancies(cutoff)?,
        })
    }
}

/// The scheduled purge of `carematch serve`: a thread that purges at once and then every
/// `every` (and runs [`CareService::freshness_sweep`] once a day), until [`RetentionJob::stop`] (or drop), which wakes it and joins it.
#[derive(Debug)]
pub struct RetentionJob {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl RetentionJob {
    pub fn start(
        service: CareService,
        retention: Duration,
        every: std::time::Duration,
        freshness: bool,
    ) -> std::io::Result<Self> {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("retention".into())
            .spawn(move || {
                // The freshness sweep rides on this hourly job: once per calendar day, the
                // first one interval after start (a starting server serves and sends what
                // people asked for before a day's reminders), since its thresholds are in
                // days (docs/listings.md).
                let mut swept_on = None;
                let mut first = true;
                loop {
                    let today = Utc::now().date_naive();
                    if freshness && !first && swept_on != Some(today) {
                        match service.freshness_sweep(today) {
                            Ok(_) => swept_on = Some(today),
                            Err(error) => tracing::warn!(%error, "freshness sweep failed"),
                        }
                    }
                    match service.purge_expired(Utc::now(), retention) {
                        Ok(report) if report != PurgeReport::default() => {
                            tracing::info!(
                                enquiries = report.enquiries,
                                vacancies = report.vacancies,
                                "retention purge"
                            );
                        }
                        Ok(_) => {}
                        Err(error) => tracing::warn!(%error, "retention purge failed"),
                    }
                    first = false;
                    // A message or a closed channel both mean stop.
                    match stopped.recv_timeout(every) {
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

    /// Stops the job and waits for the thread (a purge under way finishes first).
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the retention thread panicked");
        }
    }
}

impl Drop for RetentionJob {
    fn drop(&mut self) {
        self.shut_down();
    }
}
