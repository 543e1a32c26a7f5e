//! API keys: only a hash of each key is stored; the key itself is shown once, when created.

use carematch_domain::{AgencyId, Role};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::codec::{from_naive, now, to_naive};
use crate::schema::api_keys;
use crate::{Store, StoreError};

/// A stored key, without the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeyRecord {
    pub id: i64,
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub label: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_keys)]
struct ApiKeyRow {
    id: i64,
    role: String,
    agency_id: Option<i64>,
    label: String,
    created_at: NaiveDateTime,
}

impl TryFrom<ApiKeyRow> for ApiKeyRecord {
    type Error = StoreError;
    fn try_from(row: ApiKeyRow) -> Result<Self, Self::Error> {
        let role = Role::parse(&row.role).ok_or_else(|| StoreError::Corrupt {
            table: "api_keys",
            id: row.id.to_string(),
            reason: format!("unknown role `{}`", row.role),
        })?;
        Ok(Self {
            id: row.id,
            role,
            agency_id: row.agency_id.map(AgencyId),
            label: row.label,
            created_at: from_naive(row.created_at),
        })
    }
}

impl Store {
    /// Stores the hash of a new key. An agency key must name an existing agency; other roles none.
    pub fn create_api_key(
        &self,
        key_hash: &str,
        role: Role,
        agency: Option<AgencyId>,
        label: &str,
    ) -> Result<ApiKeyRecord, StoreError> {
        let created_at = now();
        let id: i64 = self.write(|conn| {
            if let Some(agency) = agency {
                Self::require_agency(conn, agency)?;
            }
            Ok(diesel::insert_into(api_keys::table)
                .values((
                    api_keys::key_hash.eq(key_hash),
                    api_keys::role.eq(role.code()),
                    api_keys::agency_id.eq(agency.map(|a| a.0)),
                    api_keys::label.eq(label),
                    api_keys::created_at.eq(to_naive(created_at)),
                ))
                .returning(api_keys::id)
                .get_result(conn)?)
        })?;
        Ok(ApiKeyRecord {
            id,
            role,
            agency_id: agency,
            label: label.to_owned(),
            created_at,
        })
    }

    /// The live (not revoked) key with this hash.
    pub fn find_api_key(&self, key_hash: &str) -> Result<Option<ApiKeyRecord>, StoreError> {
        self.read(|conn| {
            api_keys::table
                .filter(api_keys::key_hash.eq(key_hash))
                .filter(api_keys::revoked_at.is_null())
                .select(ApiKeyRow::as_select())
                .first(conn)
                .optional()?
                .map(ApiKeyRecord::try_from)
                .transpose()
        })
    }

    /// The live (not revoked) key with this id.
    pub fn get_api_key(&self, id: i64) -> Result<Option<ApiKeyRecord>, StoreError> {
        self.read(|conn| {
            api_keys::table
                .find(id)
                .filter(api_keys::revoked_at.is_null())
                .select(ApiKeyRow::as_select())
                .first(conn)
                .optional()?
                .map(ApiKeyRecord::try_from)
                .transpose()
        })
    }

    /// Revokes a key; later requests with it get 401.
    pub fn revoke_api_key(&self, id: i64) -> Result<(), StoreError> {
        let revoked = self.write(|conn| {
            Ok(diesel::update(
                api_keys::table
                    .find(id)
                    .filter(api_keys::revoked_at.is_null()),
            )
            .set(api_keys::revoked_at.eq(Some(to_naive(now()))))
            .execute(conn)?)
        })?;
        if revoked == 0 {
            return Err(StoreError::NotFound {
                entity: "api key",
                id,
            });
        }
        Ok(())
    }
}
