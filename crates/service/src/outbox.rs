//! The outbox as its readers see it: an agency its own messages (so that with no SMTP
//! configured it still sees its notifications), an admin all of them; and a failed message
//! sent back to the queue. Delivery itself is carematch-mailer's.

use carematch_domain::AgencyId;
use carematch_store::{MailCounts, OutboxFilter, OutboxMessage, Page, Paged};

use crate::{CareService, ServiceError};

impl CareService {
    /// One page of messages, newest first: `filter.agency` is the caller's own agency, or
    /// `None` for an admin (all).
    pub fn outbox(
        &self,
        filter: OutboxFilter,
        page: Page,
    ) -> Result<Paged<OutboxMessage>, ServiceError> {
        Ok(self.store.list_mail(filter, page)?)
    }

    /// How many of the agency's (`None`: all) messages are pending, sent and failed.
    pub fn outbox_counts(&self, agency: Option<AgencyId>) -> Result<MailCounts, ServiceError> {
        Ok(self.store.count_mail(agency)?)
    }

    /// Queues a failed message again. With `agency`, only that agency's: another's is not
    /// found. `Ok(None)` when the message has not failed (nothing to retry).
    pub fn retry_mail(
        &self,
        id: i64,
        agency: Option<AgencyId>,
    ) -> Result<Option<OutboxMessage>, ServiceError> {
        Ok(self.store.retry_mail(id, agency)?)
    }
}
