//! Edit history, restore and freshness for carers and providers (docs/listings.md, "Edit
//! history" and "Freshness"): who may read a record's history, restore it or confirm it, and
//! the daily sweep that reminds managers at [`REMIND_AFTER_DAYS`] and hides records at
//! [`HIDE_AFTER_DAYS`].

use carematch_domain::listing::{HIDE_AFTER_DAYS, REMIND_AFTER_DAYS, days_since};
use carematch_domain::{Actor, Caller, Carer, CarerId, HistoryEntry, Provider, ProviderId};
use carematch_store::freshness::{DueReminder, ReminderText, SweepSummary};
use carematch_store::{Entity, Page, Paged};
use chrono::NaiveDate;

use crate::records::manages;
use crate::{CareService, ServiceError};

/// The actor the sweep writes its history as.
pub const SWEEP_ACTOR: &str = "freshness sweep";

fn not_found(what: &'static str, id: i64) -> ServiceError {
    ServiceError::NotFound {
        what,
        id: id.to_string(),
    }
}

/// May this caller see a provider's full record and history? Its managers (see
/// [`manages`]) and moderators, who decide on its edits.
fn may_see_provider(caller: Caller, provider: &Provider) -> bool {
    manages(caller, provider) || matches!(caller, Caller::Moderator)
}

/// The reminder's text: English, since the sweep has no reader's language (the console shows
/// the same facts translated).
fn reminder_text(site_url: &str, due: &DueReminder, today: NaiveDate) -> ReminderText {
    let days = days_since(due.last_confirmed_on, today);
    let what = match due.entity {
        Entity::Carer => "PA",
        Entity::Provider => "listing",
    };
    ReminderText {
        subject: format!("Is {} still up to date?", due.name),
        body: format!(
            "The {what} \"{name}\" on carematch was last confirmed {days} days ago, on {on}.\n\n\
             If everything is still true, please sign in at {site} and confirm it (the \
             \"confirm\" button beside it, or POST /v1/{kind}s/{id}/confirm).\n\
             If nothing is confirmed within {hide} days of the last confirmation, the {what} \
             leaves public search and matching until it is confirmed again.\n",
            name = due.name,
            on = due.last_confirmed_on,
            site = site_url.trim_end_matches('/'),
            hide = HIDE_AFTER_DAYS,
            kind = due.entity.code(),
            id = due.id,
        ),
    }
}

impl CareService {
    /// A carer, live or deleted, that `caller` holds: not found when unknown, forbidden when
    /// another agency's.
    fn held_carer_any(&self, caller: Caller, id: CarerId) -> Result<(Carer, bool), ServiceError> {
        let (carer, deleted) = self
            .store
            .get_carer_any(id)?
            .ok_or_else(|| not_found("carer", id.0))?;
        if caller.holds(carer.agency_id) {
            Ok((carer, deleted))
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    /// A provider, live or deleted, that `caller` may see in full.
    fn seen_provider_any(
        &self,
        caller: Caller,
        id: ProviderId,
    ) -> Result<(Provider, bool), ServiceError> {
        let (provider, deleted) = self
            .store
            .get_provider_any(id)?
            .ok_or_else(|| not_found("provider", id.0))?;
        if may_see_provider(caller, &provider) {
            Ok((provider, deleted))
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    /// A carer's edit history, newest first: for its agency and admins.
    pub fn carer_history(
        &self,
        caller: Caller,
        id: CarerId,
        page: Page,
    ) -> Result<Paged<HistoryEntry>, ServiceError> {
        self.held_carer_any(caller, id)?;
        Ok(self.store.history(Entity::Carer, id.0, page)?)
    }

    /// A provider's edit history, newest first: for its managers, moderators and admins.
    pub fn provider_history(
        &self,
        caller: Caller,
        id: ProviderId,
        page: Page,
    ) -> Result<Paged<HistoryEntry>, ServiceError> {
        self.seen_provider_any(caller, id)?;
        Ok(self.store.history(Entity::Provider, id.0, page)?)
    }

    /// Brings a soft-deleted carer back (same permission as deleting it).
    pub fn restore_carer(&self, caller: Caller, id: CarerId) -> Result<Carer, ServiceError> {
        let (carer, deleted) = self.held_carer_any(caller, id)?;
        // Restoring a live record changes nothing (so a retried restore is harmless).
        if !deleted {
            return Ok(carer);
        }
        let carer = self.store.restore_carer(id, &caller.actor())?;
        Ok(self.committed(carer))
    }

    /// Brings a soft-deleted provider back (same permission as deleting it).
    pub fn restore_provider(
        &self,
        caller: Caller,
        id: ProviderId,
    ) -> Result<Provider, ServiceError> {
        let (provider, deleted) = self
            .store
            .get_provider_any(id)?
            .ok_or_else(|| not_found("provider", id.0))?;
        if !manages(caller, &provider) {
            return Err(ServiceError::Forbidden);
        }
        if !deleted {
            return Ok(provider);
        }
        let provider = self.store.restore_provider(id, &caller.actor())?;
        Ok(self.committed(provider))
    }

    /// "All still true" for a live carer the caller holds, on `today`.
    pub fn confirm_carer(
        &self,
        caller: Caller,
        id: CarerId,
        today: NaiveDate,
    ) -> Result<Carer, ServiceError> {
        self.own_carer(caller, id)?;
        let carer = self.store.confirm_carer(id, today, &caller.actor())?;
        Ok(self.committed(carer))
    }

    /// "All still true" for a live provider the caller manages, on `today`.
    pub fn confirm_provider(
        &self,
        caller: Caller,
        id: ProviderId,
        today: NaiveDate,
    ) -> Result<Provider, ServiceError> {
        let provider = self.provider(id)?;
        if !manages(caller, &provider) {
            return Err(ServiceError::Forbidden);
        }
        let provider = self.store.confirm_provider(id, today, &caller.actor())?;
        Ok(self.committed(provider))
    }

    /// An agency's deleted carers (the console's "deleted PAs").
    pub fn deleted_carers(
        &self,
        caller: Caller,
        agency: carematch_domain::AgencyId,
        page: Page,
    ) -> Result<Paged<Carer>, ServiceError> {
        if !caller.holds(agency) {
            return Err(ServiceError::Forbidden);
        }
        Ok(self.store.deleted_carers(agency, page)?)
    }

    /// The daily freshness sweep for `today` (passed in, so tests and `carematch freshness
    /// sweep --today` choose the day): one reminder per record unconfirmed for
    /// [`REMIND_AFTER_DAYS`], queued with the write that marks it reminded; records unconfirmed
    /// for [`HIDE_AFTER_DAYS`] become stale and leave public search and matching.
    pub fn freshness_sweep(&self, today: NaiveDate) -> Result<SweepSummary, ServiceError> {
        let site = self.site_url().to_owned();
        let summary = self.store.freshness_sweep(
            today,
            &|due| reminder_text(&site, due, today),
            &Actor::system(SWEEP_ACTOR),
        )?;
        tracing::info!(
            reminded = summary.reminded.len(),
            mailed = summary.mailed,
            hidden = summary.hidden.len(),
            remind_after = REMIND_AFTER_DAYS,
            "freshness sweep"
        );
        Ok(self.committed(summary))
    }
}
