//! Reviewing likely duplicates: the flags imports raised, and a person's decision on each
//! (distinct, or merged by hand). Nothing is merged or deleted here.

use carematch_store::{DuplicateStatus, HeldDuplicate, Page, Paged};

use crate::{CareService, ServiceError};

impl CareService {
    /// Flagged pairs, oldest first; only those with `status` when given.
    pub fn duplicates(
        &self,
        status: Option<DuplicateStatus>,
        page: Page,
    ) -> Result<Paged<HeldDuplicate>, ServiceError> {
        Ok(self.store.list_duplicates(status, page)?)
    }

    /// Records a decision on a flagged pair; not found when there is no such flag.
    pub fn resolve_duplicate(
        &self,
        id: i64,
        status: DuplicateStatus,
    ) -> Result<HeldDuplicate, ServiceError> {
        self.store
            .resolve_duplicate(id, status)?
            .ok_or_else(|| ServiceError::NotFound {
                what: "duplicate flag",
                id: id.to_string(),
            })
    }
}
