//! Support plans an agency saves as demand for gap maps. Only what matching needs is stored:
//! the plan as parsed, its location and the agency. Plans are not indexed, so saving one needs
//! no catch-up: gap maps read them from the store.

use carematch_domain::{AgencyId, SupportPlan};
use carematch_store::{Page, Paged, SavedPlan};

use crate::{CareService, ServiceError};

impl CareService {
    /// Saves `plan` for `agency`, its postcode located now (or its coordinates kept).
    pub fn save_plan(
        &self,
        agency: AgencyId,
        plan: &SupportPlan,
    ) -> Result<SavedPlan, ServiceError> {
        let location = match (&plan.postcode, plan.location) {
            (Some(postcode), _) => self.locate(postcode, "postcode")?,
            (None, Some(point)) => point,
            (None, None) => {
                return Err(ServiceError::Internal(
                    "a validated plan has a postcode or a location".into(),
                ));
            }
        };
        Ok(self.store.save_plan(agency, plan, location)?)
    }

    /// One page of the agency's own plans, oldest first.
    pub fn plans(&self, agency: AgencyId, page: Page) -> Result<Paged<SavedPlan>, ServiceError> {
        Ok(self.store.list_plans(agency, page)?)
    }

    /// Deletes one of the agency's own plans (another agency's is not found).
    pub fn delete_plan(&self, agency: AgencyId, id: i64) -> Result<(), ServiceError> {
        Ok(self.store.delete_plan(agency, id)?)
    }
}
