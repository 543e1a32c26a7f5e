//! Agencies: direct-payment support agencies, the organisations that hold PAs' records, with
//! the public profile they publish (`carematch_domain::agency`). Empty text columns are absent
//! values (the migration's defaults); office hours are JSON, languages and areas codes.

use carematch_domain::{AgencyContact, AgencyId, AgencyProfile};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::{DbConnection, MultiBackend};
use crate::codec::{codes_from_text, codes_to_text, from_json, from_naive, now, to_json, to_naive};
use crate::schema::agencies;
use crate::{Store, StoreError};

/// A direct-payment support agency and its public profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub id: AgencyId,
    pub profile: AgencyProfile,
    /// 1 when created; every update adds one (optimistic concurrency, as for carers).
    pub version: i64,
    pub created_at: DateTime<Utc>,
    /// When the profile was last changed; the creation time until then.
    pub updated_at: DateTime<Utc>,
}

impl Agency {
    pub fn name(&self) -> &str {
        &self.profile.name
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = agencies)]
#[diesel(check_for_backend(MultiBackend))]
struct AgencyRow {
    id: i64,
    name: String,
    created_at: NaiveDateTime,
    phone: String,
    email: String,
    website: String,
    office_hours: String,
    staff_languages: String,
    areas: String,
    description: String,
    version: i64,
    updated_at: Option<NaiveDateTime>,
}

fn present(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

impl TryFrom<AgencyRow> for Agency {
    type Error = StoreError;

    fn try_from(row: AgencyRow) -> Result<Self, StoreError> {
        let corrupt = |reason: String| StoreError::Corrupt {
            table: "agencies",
            id: row.id.to_string(),
            reason,
        };
        let profile = AgencyProfile {
            office_hours: from_json("office_hours", &row.office_hours).map_err(corrupt)?,
            staff_languages: codes_from_text(&row.staff_languages)
                .map_err(|e| corrupt(format!("staff_languages: {e}")))?,
            areas: if row.areas.is_empty() {
                Vec::new()
            } else {
                row.areas.split(',').map(str::to_owned).collect()
            },
            name: row.name,
            phone: present(row.phone),
            email: present(row.email),
            website: present(row.website),
            description: row.description,
        };
        let created_at = from_naive(row.created_at);
        Ok(Agency {
            id: AgencyId(row.id),
            profile,
            version: row.version,
            created_at,
            updated_at: row.updated_at.map_or(created_at, from_naive),
        })
    }
}

/// The profile's columns, as written by create and update.
#[derive(AsChangeset, Insertable)]
#[diesel(table_name = agencies)]
struct ProfileFields<'a> {
    name: &'a str,
    phone: &'a str,
    email: &'a str,
    website: &'a str,
    office_hours: String,
    staff_languages: String,
    areas: String,
    description: &'a str,
}

impl<'a> ProfileFields<'a> {
    fn new(profile: &'a AgencyProfile) -> Result<Self, StoreError> {
        Ok(Self {
            name: &profile.name,
            phone: profile.phone.as_deref().unwrap_or_default(),
            email: profile.email.as_deref().unwrap_or_default(),
            website: profile.website.as_deref().unwrap_or_default(),
            office_hours: to_json("office_hours", &profile.office_hours)?,
            staff_languages: codes_to_text(&profile.staff_languages),
            areas: profile.areas.join(","),
            description: &profile.description,
        })
    }
}

impl Store {
    /// Stores an agency with nothing but a name (tests, `carematch generate`).
    pub fn create_agency(&self, name: &str) -> Result<Agency, StoreError> {
        self.create_agency_with(&AgencyProfile::named(name))
    }

    /// Stores an agency with its profile (checked by the caller: `AgencyProfile::parse`).
    pub fn create_agency_with(&self, profile: &AgencyProfile) -> Result<Agency, StoreError> {
        let created_at = now();
        let fields = ProfileFields::new(profile)?;
        let id: i64 = self.write(|conn| {
            Ok(diesel::insert_into(agencies::table)
                .values((
                    &fields,
                    agencies::created_at.eq(to_naive(created_at)),
                    agencies::updated_at.eq(Some(to_naive(created_at))),
                    agencies::version.eq(1),
                ))
                .returning(agencies::id)
                .get_result(conn)?)
        })?;
        Ok(Agency {
            id: AgencyId(id),
            profile: profile.clone(),
            version: 1,
            created_at,
            updated_at: created_at,
        })
    }

    /// An agency's public contact, as cards, status pages and mails show it; `None` when
    /// there is no such agency.
    pub fn agency_contact(&self, id: AgencyId) -> Result<Option<AgencyContact>, StoreError> {
        Ok(self
            .get_agency(id)?
            .map(|agency| agency.profile.contact(agency.id)))
    }

    pub fn get_agency(&self, id: AgencyId) -> Result<Option<Agency>, StoreError> {
        self.read(|conn| {
            agencies::table
                .find(id.0)
                .select(AgencyRow::as_select())
                .first(conn)
                .optional()?
                .map(Agency::try_from)
                .transpose()
        })
    }

    /// Every agency, in id order (they are few: tens, not thousands).
    pub fn list_agencies(&self) -> Result<Vec<Agency>, StoreError> {
        self.read(|conn| {
            let rows: Vec<AgencyRow> = agencies::table
                .order(agencies::id.asc())
                .select(AgencyRow::as_select())
                .load(conn)?;
            rows.into_iter().map(Agency::try_from).collect()
        })
    }

    /// Replaces an agency's profile. With `expected_version`, a profile changed meanwhile is
    /// [`StoreError::VersionConflict`] and nothing is written; the version goes up by one.
    pub fn update_agency(
        &self,
        id: AgencyId,
        profile: &AgencyProfile,
        expected_version: Option<i64>,
    ) -> Result<Agency, StoreError> {
        let fields = ProfileFields::new(profile)?;
        let at = now();
        self.write(|conn| {
            let current: Option<(i64, NaiveDateTime)> = agencies::table
                .find(id.0)
                .select((agencies::version, agencies::created_at))
                .first(conn)
                .optional()?;
            let (version, created_at) = current.ok_or(StoreError::NotFound {
                entity: "agency",
                id: id.0,
            })?;
            if expected_version.is_some_and(|expected| expected != version) {
                return Err(StoreError::VersionConflict { current: version });
            }
            // The version in the filter too: two writers that both read `version` cannot
            // both succeed, whatever the isolation level.
            let updated = diesel::update(
                agencies::table
                    .filter(agencies::id.eq(id.0))
                    .filter(agencies::version.eq(version)),
            )
            .set((
                &fields,
                agencies::version.eq(version + 1),
                agencies::updated_at.eq(Some(to_naive(at))),
            ))
            .execute(conn)?;
            if updated == 0 {
                return Err(StoreError::VersionConflict {
                    current: version + 1,
                });
            }
            Ok(Agency {
                id,
                profile: profile.clone(),
                version: version + 1,
                created_at: from_naive(created_at),
                updated_at: at,
            })
        })
    }

    pub(crate) fn require_agency(conn: &mut DbConnection, id: AgencyId) -> Result<(), StoreError> {
        let found: i64 = agencies::table
            .filter(agencies::id.eq(id.0))
            .count()
            .get_result(conn)?;
        if found == 0 {
            return Err(StoreError::NotFound {
                entity: "agency",
                id: id.0,
            });
        }
        Ok(())
    }
}
