//! Support plans saved by agencies, kept as demand for gap maps.
//!
//! Only what matching needs is stored: the plan as carematch's own `SupportPlan` (serialised
//! from the parsed value, so nothing the client sent beyond it survives; plans carry no names),
//! its resolved location and the agency that saved it.

use carematch_domain::{AgencyId, GeoPoint, SupportPlan};
use carematch_matching::gaps::NeedSet;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::codec::{from_naive, to_json, to_naive};
use crate::error::StoreError;
use crate::{Page, Paged};

diesel::table! {
    saved_plans (id) {
        id -> BigInt,
        agency_id -> BigInt,
        plan -> Text,
        lat -> Double,
        lon -> Double,
        created_at -> Timestamp,
    }
}

/// A saved plan.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedPlan {
    pub id: i64,
    pub agency_id: AgencyId,
    pub plan: SupportPlan,
    /// Where the plan's person is: its `location`, or its postcode located when saved.
    pub location: GeoPoint,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable)]
struct PlanRow {
    id: i64,
    agency_id: i64,
    plan: String,
    lat: f64,
    lon: f64,
    created_at: NaiveDateTime,
}

impl TryFrom<PlanRow> for SavedPlan {
    type Error = StoreError;
    fn try_from(row: PlanRow) -> Result<Self, StoreError> {
        let plan: SupportPlan = serde_json::from_str(&row.plan)
            .map_err(|e| StoreError::corrupt("saved_plans", row.id, e))?;
        let location = GeoPoint::new(row.lat, row.lon)
            .map_err(|e| StoreError::corrupt("saved_plans", row.id, e))?;
        Ok(Self {
            id: row.id,
            agency_id: AgencyId(row.agency_id),
            plan,
            location,
            created_at: from_naive(row.created_at),
        })
    }
}

pub(crate) fn insert(
    conn: &mut DbConnection,
    agency: AgencyId,
    plan: &SupportPlan,
    location: GeoPoint,
    at: DateTime<Utc>,
) -> Result<SavedPlan, StoreError> {
    let text = to_json("plan", plan)?;
    let id: i64 = diesel::insert_into(saved_plans::table)
        .values((
            saved_plans::agency_id.eq(agency.0),
            saved_plans::plan.eq(text),
            saved_plans::lat.eq(location.lat),
            saved_plans::lon.eq(location.lon),
            saved_plans::created_at.eq(to_naive(at)),
        ))
        .returning(saved_plans::id)
        .get_result(conn)?;
    Ok(SavedPlan {
        id,
        agency_id: agency,
        plan: plan.clone(),
        location,
        created_at: from_naive(to_naive(at)),
    })
}

pub(crate) fn list(
    conn: &mut DbConnection,
    agency: AgencyId,
    page: Page,
) -> Result<Paged<SavedPlan>, StoreError> {
    let total: i64 = saved_plans::table
        .filter(saved_plans::agency_id.eq(agency.0))
        .count()
        .get_result(conn)?;
    let rows: Vec<PlanRow> = saved_plans::table
        .filter(saved_plans::agency_id.eq(agency.0))
        .order(saved_plans::id.asc())
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok(Paged {
        items: rows
            .into_iter()
            .map(SavedPlan::try_from)
            .collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or(0),
    })
}

/// One of `agency`'s own plans; `None` for an unknown id or another agency's plan.
pub(crate) fn get(
    conn: &mut DbConnection,
    agency: AgencyId,
    id: i64,
) -> Result<Option<SavedPlan>, StoreError> {
    saved_plans::table
        .filter(saved_plans::id.eq(id))
        .filter(saved_plans::agency_id.eq(agency.0))
        .first::<PlanRow>(conn)
        .optional()?
        .map(SavedPlan::try_from)
        .transpose()
}

/// Deletes an agency's own plan; another agency's plan is `NotFound` (its existence is not
/// revealed).
pub(crate) fn delete(conn: &mut DbConnection, agency: AgencyId, id: i64) -> Result<(), StoreError> {
    let deleted = diesel::delete(
        saved_plans::table
            .filter(saved_plans::id.eq(id))
            .filter(saved_plans::agency_id.eq(agency.0)),
    )
    .execute(conn)?;
    if deleted == 0 {
        return Err(StoreError::NotFound { entity: "plan", id });
    }
    Ok(())
}

/// Locations of every saved plan (all agencies) that lists every term of `need`.
pub(crate) fn locations_for(
    conn: &mut DbConnection,
    need: &NeedSet,
) -> Result<Vec<GeoPoint>, StoreError> {
    let rows: Vec<PlanRow> = saved_plans::table.order(saved_plans::id.asc()).load(conn)?;
    let mut out = Vec::new();
    for row in rows {
        let saved = SavedPlan::try_from(row)?;
        if need.listed_in(&saved.plan) {
            out.push(saved.location);
        }
    }
    Ok(out)
}

impl crate::Store {
    /// Saves a plan for `agency` at `location`.
    pub fn save_plan(
        &self,
        agency: AgencyId,
        plan: &SupportPlan,
        location: GeoPoint,
    ) -> Result<SavedPlan, StoreError> {
        self.write(|conn| {
            Self::require_agency(conn, agency)?;
            insert(conn, agency, plan, location, crate::codec::now())
        })
    }

    /// Saves a pool (several people pooling their budgets) for `agency`: each plan at its
    /// location, all or none, in one transaction. Each plan counts once as demand, as a plan
    /// saved alone does.
    pub fn save_pool(
        &self,
        agency: AgencyId,
        plans: &[(SupportPlan, GeoPoint)],
    ) -> Result<Vec<SavedPlan>, StoreError> {
        self.write(|conn| {
            Self::require_agency(conn, agency)?;
            let at = crate::codec::now();
            plans
                .iter()
                .map(|(plan, location)| insert(conn, agency, plan, *location, at))
                .collect()
        })
    }

    /// An agency's own plans in id order, one page at a time.
    pub fn list_plans(&self, agency: AgencyId, page: Page) -> Result<Paged<SavedPlan>, StoreError> {
        self.read(|conn| list(conn, agency, page))
    }

    /// Deletes one of the agency's own plans.
    pub fn delete_plan(&self, agency: AgencyId, id: i64) -> Result<(), StoreError> {
        self.write(|conn| delete(conn, agency, id))
    }

    /// Where the people of every saved plan listing `need` are.
    pub fn plan_locations(&self, need: &NeedSet) -> Result<Vec<GeoPoint>, StoreError> {
        self.read(|conn| locations_for(conn, need))
    }
}
