//! Community organisations' accounts (luncheon clubs, micro-providers, faith groups,
//! charities). An organisation and its account key are made in one transaction; the account
//! key (its first, carrying the contact e-mail) is what e-mailed links and web sessions sign
//! in, while the API keys it makes from its console are extra keys it may rotate.

use carematch_domain::{OrganisationId, Role};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::Store;
use crate::api_keys::{self, ApiKeyRecord, NewApiKey};
use crate::backend::DbConnection;
use crate::codec::{from_naive, now, to_naive};
use crate::error::StoreError;
use crate::schema::{api_keys as keys, organisations, sign_in_links};

/// The label of an organisation's account key (the one links and sessions sign in).
pub const ACCOUNT_KEY_LABEL: &str = "organisation account";
/// The label of the API key an organisation makes (and rotates) from its console.
pub const API_KEY_LABEL: &str = "organisation API key";

/// An organisation to register. `email` is stored lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    /// The UI language its mails are written in (an `InterfaceLocale` tag).
    pub locale: String,
}

/// A stored organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub locale: String,
    pub email_confirmed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = organisations)]
struct OrganisationRow {
    id: i64,
    name: String,
    email: String,
    phone: String,
    website: String,
    locale: String,
    email_confirmed_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

impl From<OrganisationRow> for Organisation {
    fn from(row: OrganisationRow) -> Self {
        Self {
            id: OrganisationId(row.id),
            name: row.name,
            email: row.email,
            phone: row.phone,
            website: row.website,
            locale: row.locale,
            email_confirmed_at: row.email_confirmed_at.map(from_naive),
            created_at: from_naive(row.created_at),
        }
    }
}

impl Organisation {
    /// Only a confirmed e-mail may submit anything (docs/listings.md).
    pub fn confirmed(&self) -> bool {
        self.email_confirmed_at.is_some()
    }
}

/// Whether registering made a new account or found one with the same e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registered {
    New(Organisation, ApiKeyRecord),
    Existing(Organisation, ApiKeyRecord),
}

fn find_by_email(conn: &mut DbConnection, email: &str) -> Result<Option<Organisation>, StoreError> {
    Ok(organisations::table
        .filter(organisations::email.eq(email))
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?
        .map(Organisation::from))
}

fn get(conn: &mut DbConnection, id: OrganisationId) -> Result<Option<Organisation>, StoreError> {
    Ok(organisations::table
        .find(id.0)
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?
        .map(Organisation::from))
}

/// The organisation's account key: its oldest live key with its e-mail.
fn account_key(
    conn: &mut DbConnection,
    organisation: OrganisationId,
) -> Result<Option<ApiKeyRecord>, StoreError> {
    let id: Option<i64> = keys::table
        .filter(keys::organisation_id.eq(organisation.0))
        .filter(keys::label.eq(ACCOUNT_KEY_LABEL))
        .filter(keys::revoked_at.is_null())
        .order(keys::id.asc())
        .select(keys::id)
        .first(conn)
        .optional()?;
    live_key(conn, id)
}

/// The live key with id `id`, if any.
fn live_key(conn: &mut DbConnection, id: Option<i64>) -> Result<Option<ApiKeyRecord>, StoreError> {
    match id {
        Some(id) => api_keys::get(conn, id),
        None => Ok(None),
    }
}

fn missing_key(organisation: OrganisationId) -> StoreError {
    StoreError::corrupt(
        "organisations",
        organisation.0,
        "no live account key".to_owned(),
    )
}

impl Store {
    /// Registers an organisation with its account key (hash `key_hash`), in one transaction;
    /// when the e-mail is already registered nothing is written and the existing account is
    /// returned, so the caller can answer alike and send that account a sign-in link instead.
    pub fn register_organisation(
        &self,
        new: &NewOrganisation,
        key_hash: &str,
    ) -> Result<Registered, StoreError> {
        self.write(|conn| {
            if let Some(found) = find_by_email(conn, &new.email)? {
                let key = account_key(conn, found.id)?.ok_or_else(|| missing_key(found.id))?;
                return Ok(Registered::Existing(found, key));
            }
            let id: i64 = diesel::insert_into(organisations::table)
                .values((
                    organisations::name.eq(&new.name),
                    organisations::email.eq(&new.email),
                    organisations::phone.eq(&new.phone),
                    organisations::website.eq(&new.website),
                    organisations::locale.eq(&new.locale),
                    organisations::created_at.eq(to_naive(now())),
                ))
                .returning(organisations::id)
                .get_result(conn)?;
            let organisation = OrganisationId(id);
            let key = api_keys::insert_key(
                conn,
                key_hash,
                &NewApiKey {
                    organisation_id: Some(organisation),
                    email: Some(new.email.clone()),
                    ..NewApiKey::new(Role::Organisation, ACCOUNT_KEY_LABEL)
                },
            )?;
            let stored = get(conn, organisation)?.ok_or(StoreError::NotFound {
                entity: "organisation",
                id,
            })?;
            Ok(Registered::New(stored, key))
        })
    }

    pub fn get_organisation(&self, id: OrganisationId) -> Result<Option<Organisation>, StoreError> {
        self.read(|conn| get(conn, id))
    }

    /// The organisation registered with `email` (lower case) and its account key.
    pub fn organisation_by_email(
        &self,
        email: &str,
    ) -> Result<Option<(Organisation, ApiKeyRecord)>, StoreError> {
        self.read(|conn| {
            let Some(found) = find_by_email(conn, email)? else {
                return Ok(None);
            };
            let key = account_key(conn, found.id)?.ok_or_else(|| missing_key(found.id))?;
            Ok(Some((found, key)))
        })
    }

    /// Marks the organisation's e-mail confirmed (the first time only; later calls keep the
    /// first moment).
    pub fn confirm_organisation_email(
        &self,
        id: OrganisationId,
    ) -> Result<Organisation, StoreError> {
        self.write(|conn| {
            diesel::update(
                organisations::table
                    .find(id.0)
                    .filter(organisations::email_confirmed_at.is_null()),
            )
            .set(organisations::email_confirmed_at.eq(Some(to_naive(now()))))
            .execute(conn)?;
            get(conn, id)?.ok_or(StoreError::NotFound {
                entity: "organisation",
                id: id.0,
            })
        })
    }

    /// Makes the organisation's API key (hash `key_hash`), revoking the one it made before:
    /// its account key (links, sessions) stays.
    pub fn rotate_organisation_key(
        &self,
        id: OrganisationId,
        key_hash: &str,
    ) -> Result<ApiKeyRecord, StoreError> {
        self.write(|conn| {
            let organisation = get(conn, id)?.ok_or(StoreError::NotFound {
                entity: "organisation",
                id: id.0,
            })?;
            diesel::update(
                keys::table
                    .filter(keys::organisation_id.eq(id.0))
                    .filter(keys::label.eq(API_KEY_LABEL))
                    .filter(keys::revoked_at.is_null()),
            )
            .set(keys::revoked_at.eq(Some(to_naive(now()))))
            .execute(conn)?;
            api_keys::insert_key(
                conn,
                key_hash,
                &NewApiKey {
                    organisation_id: Some(id),
                    email: Some(organisation.email),
                    ..NewApiKey::new(Role::Organisation, API_KEY_LABEL)
                },
            )
        })
    }

    /// The live moderator key carrying `email` (lower case), for "e-mail me a sign-in link".
    pub fn moderator_key_by_email(&self, email: &str) -> Result<Option<ApiKeyRecord>, StoreError> {
        self.read(|conn| {
            let id: Option<i64> = keys::table
                .filter(keys::role.eq(Role::Moderator.code()))
                .filter(keys::revoked_at.is_null())
                .filter(keys::email.eq(email))
                .order(keys::id.asc())
                .select(keys::id)
                .first(conn)
                .optional()?;
            live_key(conn, id)
        })
    }

    /// When the last link for key `api_key_id` was made: registering twice, or asking for
    /// sign-in links in a loop, sends at most one mail per quiet period.
    pub fn last_link_made(&self, api_key_id: i64) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.read(|conn| {
            let at: Option<NaiveDateTime> = sign_in_links::table
                .filter(sign_in_links::api_key_id.eq(api_key_id))
                .select(diesel::dsl::max(sign_in_links::created_at))
                .first(conn)?;
            Ok(at.map(from_naive))
        })
    }
}
