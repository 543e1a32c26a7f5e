//! API keys: only a hash of each key is stored; the key itself is shown once, when created.

use carematch_domain::{AgencyId, Caller, CarerId, OrganisationId, Role};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
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
    /// An organisation key's organisation.
    pub organisation_id: Option<OrganisationId>,
    /// A PA key's own carer record.
    pub carer_id: Option<CarerId>,
    /// Where the account's e-mails go (sign-in links, moderation decisions), if it has one.
    pub email: Option<String>,
}

impl ApiKeyRecord {
    /// The caller this key speaks for; `None` for a key whose role lacks the record it needs
    /// (an agency key without an agency, an organisation key without an organisation, a PA key
    /// without its record and agency): such a row is corrupt, never a wider role.
    pub fn caller(&self) -> Option<Caller> {
        Some(match self.role {
            Role::Agency => Caller::Agency(self.agency_id?),
            Role::Commissioner => Caller::Commissioner,
            Role::Admin => Caller::Admin,
            Role::Organisation => Caller::Organisation(self.organisation_id?),
            Role::Moderator => Caller::Moderator,
            Role::Pa => Caller::Pa {
                carer: self.carer_id?,
                agency: self.agency_id?,
            },
        })
    }
}

/// A key to create: its role and the records the role needs ([`ApiKeyRecord::caller`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiKey {
    pub role: Role,
    pub agency_id: Option<AgencyId>,
    pub organisation_id: Option<OrganisationId>,
    pub carer_id: Option<CarerId>,
    pub email: Option<String>,
    pub label: String,
}

impl NewApiKey {
    /// A key of `role` with no records attached (commissioner, admin, moderator).
    pub fn new(role: Role, label: impl Into<String>) -> Self {
        Self {
            role,
            agency_id: None,
            organisation_id: None,
            carer_id: None,
            email: None,
            label: label.into(),
        }
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_keys)]
struct ApiKeyRow {
    id: i64,
    role: String,
    agency_id: Option<i64>,
    label: String,
    created_at: NaiveDateTime,
    organisation_id: Option<i64>,
    carer_id: Option<i64>,
    email: Option<String>,
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
            organisation_id: row.organisation_id.map(OrganisationId),
            carer_id: row.carer_id.map(CarerId),
            email: row.email,
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
        let key = NewApiKey {
            agency_id: agency,
            ..NewApiKey::new(role, label)
        };
        self.write(|conn| insert_key(conn, key_hash, &key))
    }

    /// Stores the hash of a new key of any role, with the records it names.
    pub fn create_key(&self, key_hash: &str, key: &NewApiKey) -> Result<ApiKeyRecord, StoreError> {
        self.write(|conn| insert_key(conn, key_hash, key))
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
        self.read(|conn| get(conn, id))
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

/// Inserts a key inside the caller's transaction (an account and its key are made together).
pub(crate) fn insert_key(
    conn: &mut DbConnection,
    key_hash: &str,
    key: &NewApiKey,
) -> Result<ApiKeyRecord, StoreError> {
    if let Some(agency) = key.agency_id {
        Store::require_agency(conn, agency)?;
    }
    let created_at = now();
    let id: i64 = diesel::insert_into(api_keys::table)
        .values((
            api_keys::key_hash.eq(key_hash),
            api_keys::role.eq(key.role.code()),
            api_keys::agency_id.eq(key.agency_id.map(|a| a.0)),
            api_keys::organisation_id.eq(key.organisation_id.map(|o| o.0)),
            api_keys::carer_id.eq(key.carer_id.map(|c| c.0)),
            api_keys::email.eq(key.email.as_deref()),
            api_keys::label.eq(&key.label),
            api_keys::created_at.eq(to_naive(created_at)),
        ))
        .returning(api_keys::id)
        .get_result(conn)?;
    Ok(ApiKeyRecord {
        id,
        role: key.role,
        agency_id: key.agency_id,
        label: key.label.clone(),
        created_at,
        organisation_id: key.organisation_id,
        carer_id: key.carer_id,
        email: key.email.clone(),
    })
}

/// The live (not revoked) key with this id, inside the caller's transaction.
pub(crate) fn get(conn: &mut DbConnection, id: i64) -> Result<Option<ApiKeyRecord>, StoreError> {
    api_keys::table
        .find(id)
        .filter(api_keys::revoked_at.is_null())
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()?
        .map(ApiKeyRecord::try_from)
        .transpose()
}
