//! PA self-registration (docs/listings.md, "PA self-registration"): a PA's own carer record
//! waits as `pending` for the agency they chose; their `pa` key signs them in. The record and
//! its key are made together, the confirmation of the PA's e-mail and the mail that tells the
//! agency are one transaction, and so are a vetting decision and the mail that tells the PA.

use carematch_domain::{
    Actor, ActorKind, AgencyId, Carer, CarerDetails, CarerId, Check, GeoPoint, HistoryOp, Vetting,
};
use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::api_keys::{self, ApiKeyRecord, NewApiKey};
use crate::changes::{self, ChangeOp, Entity};
use crate::codec::{now, to_json, to_naive};
use crate::error::StoreError;
use crate::outbox::{self, NewMail};
use crate::schema::{api_keys as keys_table, carers};
use crate::sign_in_links::{self, LinkPurpose};
use crate::{Store, carers as carer_rows};

/// A PA's registration to store: their record (held by the agency they chose, `pending`) and
/// their `pa` key (its hash; the key itself is never shown, the PA signs in by e-mailed links).
#[derive(Debug, Clone, PartialEq)]
pub struct NewPaRegistration {
    pub agency: AgencyId,
    pub details: CarerDetails,
    pub location: GeoPoint,
    pub key_hash: String,
    /// Lower case; where the sign-in links and the vetting decision go.
    pub email: String,
}

/// The ways a PA's e-mail confirmation can end.
#[derive(Debug, Clone, PartialEq)]
pub enum PaConfirmation {
    /// The link was good: the key, its record, and whether this was the first confirmation
    /// (only then the agency was told).
    Confirmed {
        key: ApiKeyRecord,
        carer: Box<Carer>,
        first: bool,
    },
    /// Unknown, used, expired or revoked link, or one that is not a PA's.
    Invalid,
}

/// Live (not revoked) `pa` keys.
fn live_pa_keys() -> keys_table::BoxedQuery<'static, crate::MultiBackend> {
    keys_table::table
        .filter(keys_table::role.eq(carematch_domain::Role::Pa.code()))
        .filter(keys_table::revoked_at.is_null())
        .into_boxed()
}

fn missing_carer(id: CarerId) -> StoreError {
    StoreError::NotFound {
        entity: "carer",
        id: id.0,
    }
}

impl Store {
    /// Stores a PA's registration: the `pending` record and the PA's key, in one transaction.
    /// An unknown agency is `NotFound { entity: "agency" }`.
    pub fn register_pa(
        &self,
        new: &NewPaRegistration,
    ) -> Result<(Carer, ApiKeyRecord), StoreError> {
        self.write(|conn| {
            Store::require_agency(conn, new.agency)?;
            let at = now();
            // Recorded as the PA's own registration (the record's id is not known before it exists).
            let actor = Actor::new(ActorKind::Pa, None, "PA self-registration");
            let carer =
                carer_rows::insert(conn, new.agency, &new.details, new.location, at, &actor)?;
            diesel::update(carers::table.find(carer.id.0))
                .set(carers::vetting.eq(Vetting::Pending.code()))
                .execute(conn)?;
            let key = api_keys::insert_key(
                conn,
                &new.key_hash,
                &NewApiKey {
                    agency_id: Some(new.agency),
                    carer_id: Some(carer.id),
                    email: Some(new.email.clone()),
                    ..NewApiKey::new(carematch_domain::Role::Pa, format!("PA {}", carer.id))
                },
            )?;
            let carer = carer_rows::get(conn, carer.id)?.ok_or(missing_carer(carer.id))?;
            Ok((carer, key))
        })
    }

    /// The live PA key registered with this e-mail (lower case), if any.
    pub fn find_pa_key_by_email(&self, email: &str) -> Result<Option<ApiKeyRecord>, StoreError> {
        self.read(|conn| {
            let newest: Option<i64> = live_pa_keys()
                .filter(keys_table::email.eq(email))
                .select(keys_table::id)
                .order(keys_table::id.desc())
                .first(conn)
                .optional()?;
            newest.map_or(Ok(None), |id| api_keys::get(conn, id))
        })
    }

    /// The live PA key of a self-registered carer, if the record has one.
    pub fn pa_key_for_carer(&self, carer: CarerId) -> Result<Option<ApiKeyRecord>, StoreError> {
        self.read(|conn| {
            let newest: Option<i64> = live_pa_keys()
                .filter(keys_table::carer_id.eq(carer.0))
                .select(keys_table::id)
                .order(keys_table::id.desc())
                .first(conn)
                .optional()?;
            newest.map_or(Ok(None), |id| api_keys::get(conn, id))
        })
    }

    /// Whether the key's e-mail was confirmed (by following its confirm link).
    pub fn email_confirmed(&self, key_id: i64) -> Result<bool, StoreError> {
        self.read(|conn| {
            let at: Option<Option<chrono::NaiveDateTime>> = keys_table::table
                .find(key_id)
                .select(keys_table::email_confirmed_at)
                .first(conn)
                .optional()?;
            Ok(at.flatten().is_some())
        })
    }

    /// Redeems a PA's confirm link: marks the key's e-mail confirmed and, the first time,
    /// queues `tell_agency(key, carer)` (the agency's mail), all in one transaction.
    pub fn confirm_pa_email(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
        tell_agency: impl FnOnce(&ApiKeyRecord, &Carer) -> Option<NewMail>,
    ) -> Result<PaConfirmation, StoreError> {
        self.write(|conn| {
            let Some(key) = sign_in_links::redeem(conn, token_hash, LinkPurpose::Confirm, at)?
            else {
                return Ok(PaConfirmation::Invalid);
            };
            let Some(carer_id) = key
                .carer_id
                .filter(|_| key.role == carematch_domain::Role::Pa)
            else {
                return Ok(PaConfirmation::Invalid);
            };
            let carer = carer_rows::get(conn, carer_id)?.ok_or(missing_carer(carer_id))?;
            let first = diesel::update(
                keys_table::table
                    .find(key.id)
                    .filter(keys_table::email_confirmed_at.is_null()),
            )
            .set(keys_table::email_confirmed_at.eq(Some(to_naive(at))))
            .execute(conn)?
                == 1;
            if first && let Some(mail) = tell_agency(&key, &carer) {
                outbox::enqueue(conn, &mail, at)?;
            }
            Ok(PaConfirmation::Confirmed {
                key,
                carer: Box::new(carer),
                first,
            })
        })
    }

    /// The agency's self-registered PAs with `vetting`, whose e-mail is confirmed (an
    /// unconfirmed registration never reaches the agency), oldest first.
    pub fn registered_pas(
        &self,
        agency: AgencyId,
        vetting: Vetting,
    ) -> Result<Vec<Carer>, StoreError> {
        self.read(|conn| {
            let ids: Vec<i64> = live_pa_keys()
                .filter(keys_table::agency_id.eq(agency.0))
                .filter(keys_table::email_confirmed_at.is_not_null())
                .filter(keys_table::carer_id.is_not_null())
                .select(keys_table::carer_id.assume_not_null())
                .load(conn)?;
            let rows: Vec<carer_rows::CarerRow> = carers::table
                .filter(carers::id.eq_any(ids))
                .filter(carers::agency_id.eq(agency.0))
                .filter(carers::vetting.eq(vetting.code()))
                .filter(carers::deleted_at.is_null())
                .select(carer_rows::CarerRow::as_select())
                .order(carers::id.asc())
                .load(conn)?;
            rows.into_iter().map(Carer::try_from).collect()
        })
    }

    /// Records an agency's vetting decision: the checks it verified join the record's checks
    /// (one of each kind: a new one replaces the old), the version goes up, the index is told,
    /// and `mail` (the PA's) is queued, in one transaction. Only a `pending` record can be
    /// decided; anything else is a `Conflict`.
    pub fn decide_vetting(
        &self,
        id: CarerId,
        decision: Vetting,
        checks: &[Check],
        mail: Option<&NewMail>,
        actor: &Actor,
    ) -> Result<Carer, StoreError> {
        self.write(|conn| {
            let carer = carer_rows::get(conn, id)?.ok_or(missing_carer(id))?;
            if carer.listing.vetting != Vetting::Pending {
                return Err(StoreError::Conflict {
                    reason: format!("carer {id} was already {}", carer.listing.vetting.code()),
                });
            }
            let mut all = carer.details.checks.clone();
            all.retain(|old| checks.iter().all(|new| new.kind != old.kind));
            all.extend(checks.iter().cloned());
            let at = now();
            diesel::update(carers::table.find(id.0))
                .set((
                    carers::vetting.eq(decision.code()),
                    carers::checks.eq(to_json("checks", &all)?),
                    carers::version.eq(carer.version + 1),
                    carers::updated_at.eq(to_naive(at)),
                ))
                .execute(conn)?;
            changes::append(conn, Entity::Carer, &[id.0], ChangeOp::Upsert, at)?;
            let fields = ["vetting".to_owned(), "checks".to_owned()];
            crate::history::record_one(
                conn,
                Entity::Carer,
                id.0,
                HistoryOp::Vet,
                &fields,
                actor,
                at,
            )?;
            if let Some(mail) = mail {
                outbox::enqueue(conn, mail, at)?;
            }
            carer_rows::get(conn, id)?.ok_or(missing_carer(id))
        })
    }
}
