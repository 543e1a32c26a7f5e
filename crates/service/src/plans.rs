//! Support plans an agency saves as demand for gap maps. Only what matching needs is stored:
//! the plan as parsed, its location and the agency. Plans are not indexed, so saving one needs
//! no catch-up: gap maps read them from the store.

use carematch_domain::{AgencyId, GeoPoint, SupportPlan, ValidationErrors};
use carematch_store::{Page, Paged, SavedPlan};

use crate::matching::validate_pool;
use crate::{CareService, ServiceError};

impl CareService {
    /// Saves `plan` for `agency`, its postcode located now (or its coordinates kept).
    pub fn save_plan(
        &self,
        agency: AgencyId,
        plan: &SupportPlan,
    ) -> Result<SavedPlan, ServiceError> {
        let location = self.plan_location(plan, "postcode")?;
        Ok(self.store.save_plan(agency, plan, location)?)
    }

    /// Saves the plans of a pool (people pooling their budgets) for `agency`, all or none: each
    /// person then counts once as demand, as a plan saved alone does.
    pub fn save_pool(
        &self,
        agency: AgencyId,
        plans: &[SupportPlan],
    ) -> Result<Vec<SavedPlan>, ServiceError> {
        let mut errors = ValidationErrors::default();
        validate_pool(plans, &mut errors);
        errors.into_result()?;
        let located = plans
            .iter()
            .enumerate()
            .map(|(i, plan)| {
                let location = self.plan_location(plan, &format!("plans[{i}].postcode"))?;
                Ok((plan.clone(), location))
            })
            .collect::<Result<Vec<_>, ServiceError>>()?;
        Ok(self.store.save_pool(agency, &located)?)
    }

    /// A validated plan's point: its postcode located now, or its coordinates.
    fn plan_location(&self, plan: &SupportPlan, field: &str) -> Result<GeoPoint, ServiceError> {
        match (&plan.postcode, plan.location) {
            (Some(postcode), _) => self.locate(postcode, field),
            (None, Some(point)) => Ok(point),
            (None, None) => Err(ServiceError::Internal(
                "a validated plan has a postcode or a location".into(),
            )),
        }
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
