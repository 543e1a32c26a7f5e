//! Provider rows and their queries.

use carematch_domain::provenance::stable_uuid;
use carematch_domain::{Actor, HistoryOp, Listing, OrganisationId, Vetting};
use carematch_domain::{
    AgencyId, GeoPoint, Postcode, Provenance, Provider, ProviderDetails, ProviderId, RatePence,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::backend::{DbConnection, MultiBackend, each_backend};
use crate::changes::{self, ChangeOp, Entity};
use crate::codec::{
    code_from_text, codes_from_text, codes_to_text, from_json, from_naive, to_json, to_naive,
};
use crate::error::StoreError;
use crate::history::{self, changed_fields};
use crate::schema::providers;
use crate::{Page, Paged};

/// Rows per multi-row INSERT (34 columns), within both backends' bound-parameter limits.
const BATCH_ROWS: usize = 500;

/// A provider as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = providers)]
#[diesel(check_for_backend(MultiBackend))]
pub struct ProviderRow {
    pub id: i64,
    pub agency_id: Option<i64>,
    pub name: String,
    pub kind: String,
    pub description: String,
    pub communities: String,
    pub staff_languages: String,
    pub cuisines: String,
    pub dietary_laws: String,
    pub faith_practices: String,
    pub services: String,
    pub experience: String,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
    pub service_area: String,
    pub accepting_new_clients: bool,
    pub accepting_confirmed_on: NaiveDate,
    pub checks: String,
    pub contact: String,
    pub self_referral: bool,
    pub hourly_rate_pence: Option<i64>,
    pub opening_hours: String,
    pub last_confirmed_on: NaiveDate,
    pub external_ref: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
    pub medical_diets: String,
    pub lgbt_inclusive: bool,
    pub delivery_modes: String,
    pub organisation_id: Option<i64>,
    pub confirmed_by: String,
    pub stale_since: Option<NaiveDate>,
    pub reminded_on: Option<NaiveDate>,
}

/// The columns a create or an update writes from [`ProviderDetails`] and the location.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = providers)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct ProviderFields {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub communities: String,
    pub staff_languages: String,
    pub cuisines: String,
    pub dietary_laws: String,
    pub faith_practices: String,
    pub services: String,
    pub experience: String,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
    pub service_area: String,
    pub accepting_new_clients: bool,
    pub accepting_confirmed_on: NaiveDate,
    pub checks: String,
    pub contact: String,
    pub self_referral: bool,
    pub hourly_rate_pence: Option<i64>,
    pub opening_hours: String,
    pub last_confirmed_on: NaiveDate,
    pub external_ref: Option<String>,
    pub medical_diets: String,
    pub lgbt_inclusive: bool,
    pub delivery_modes: String,
}

/// A new provider row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = providers)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewProviderRow {
    #[diesel(embed)]
    pub fields: ProviderFields,
    pub agency_id: Option<i64>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub uuid: Option<String>,
    pub source_kind: Option<String>,
    pub source_feed: Option<String>,
    pub source_id: Option<String>,
    pub fetched_at: Option<NaiveDateTime>,
}

/// One provider for [`crate::Store::insert_providers`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewProvider {
    pub agency_id: Option<AgencyId>,
    pub details: ProviderDetails,
    pub location: GeoPoint,
    /// Where an imported provider came from; `None` for records made by hand.
    pub provenance: Option<Provenance>,
    /// The public id to keep (a record coming back from carematch's own export); `None` for
    /// the usual rule ([`stable_uuid`], else random).
    pub uuid: Option<Uuid>,
}

impl NewProvider {
    /// A provider made by hand or from carematch's own files: no provenance, the usual id.
    pub fn new(agency_id: Option<AgencyId>, details: ProviderDetails, location: GeoPoint) -> Self {
        Self {
            agency_id,
            details,
            location,
            provenance: None,
            uuid: None,
        }
    }
}

/// Which providers [`crate::Store::list_providers`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProviderFilter {
    /// Only providers managed by this agency.
    pub agency: Option<AgencyId>,
    /// Only providers managed by this organisation.
    pub organisation: Option<OrganisationId>,
    /// Only providers the public may see ([`Provider::is_public`]: not hidden as stale).
    pub public_only: bool,
}

impl NewProviderRow {
    pub(crate) fn new(new: &NewProvider, now: DateTime<Utc>) -> Result<Self, StoreError> {
        let uuid = new
            .uuid
            .or_else(|| {
                stable_uuid(
                    new.provenance.as_ref(),
                    new.agency_id,
                    new.details.external_ref.as_deref(),
                )
            })
            .unwrap_or_else(Uuid::new_v4);
        let source = new.provenance.as_ref();
        Ok(Self {
            fields: ProviderFields::new(&new.details, new.location)?,
            agency_id: new.agency_id.map(|a| a.0),
            version: 1,
            created_at: to_naive(now),
            updated_at: to_naive(now),
            uuid: Some(uuid.to_string()),
            source_kind: source.map(|p| p.source.as_str().to_owned()),
            source_feed: source.map(|p| p.feed.clone()),
            source_id: source.map(|p| p.source_id.clone()),
            fetched_at: source.map(|p| to_naive(p.fetched_at)),
        })
    }
}

impl ProviderFields {
    pub fn new(details: &ProviderDetails, location: GeoPoint) -> Result<Self, StoreError> {
        Ok(Self {
            name: details.name.clone(),
            kind: details.kind.to_string(),
            description: details.description.clone(),
            communities: codes_to_text(&details.communities),
            staff_languages: codes_to_text(&details.staff_languages),
            cuisines: codes_to_text(&details.cuisines),
            dietary_laws: codes_to_text(&details.dietary_laws),
            faith_practices: codes_to_text(&details.faith_practices),
            services: codes_to_text(&details.services),
            experience: codes_to_text(&details.experience),
            postcode: details.postcode.to_string(),
            lat: location.lat,
            lon: location.lon,
            service_area: to_json("service_area", &details.service_area)?,
            accepting_new_clients: details.accepting_new_clients,
            accepting_confirmed_on: details.accepting_confirmed_on,
            checks: to_json("checks", &details.checks)?,
            contact: to_json("contact", &details.contact)?,
            self_referral: details.self_referral,
            hourly_rate_pence: details.hourly_rate.map(i64::from),
            opening_hours: to_json("opening_hours", &details.opening_hours)?,
            last_confirmed_on: details.last_confirmed_on,
            external_ref: details.external_ref.clone(),
            medical_diets: codes_to_text(&details.medical_diets),
            lgbt_inclusive: details.lgbt_inclusive,
            delivery_modes: codes_to_text(&details.delivery_modes),
        })
    }
}

impl TryFrom<ProviderRow> for Provider {
    type Error = StoreError;

    fn try_from(row: ProviderRow) -> Result<Self, StoreError> {
        let id = row.id;
        let corrupt = |reason: String| StoreError::corrupt("providers", id, reason);
        let decode = || -> Result<Provider, String> {
            let details = ProviderDetails {
                name: row.name,
                kind: code_from_text(&row.kind)?,
                description: row.description,
                communities: codes_from_text(&row.communities)?,
                staff_languages: codes_from_text(&row.staff_languages)?,
                cuisines: codes_from_text(&row.cuisines)?,
                dietary_laws: codes_from_text(&row.dietary_laws)?,
                medical_diets: codes_from_text(&row.medical_diets)?,
                faith_practices: codes_from_text(&row.faith_practices)?,
                services: codes_from_text(&row.services)?,
                experience: codes_from_text(&row.experience)?,
                lgbt_inclusive: row.lgbt_inclusive,
                delivery_modes: codes_from_text(&row.delivery_modes)?,
                postcode: Postcode::parse(&row.postcode).map_err(|e| e.to_string())?,
                service_area: from_json("service_area", &row.service_area)?,
                accepting_new_clients: row.accepting_new_clients,
                accepting_confirmed_on: row.accepting_confirmed_on,
                checks: from_json("checks", &row.checks)?,
                contact: from_json("contact", &row.contact)?,
                self_referral: row.self_referral,
                hourly_rate: row
                    .hourly_rate_pence
                    .map(RatePence::new)
                    .transpose()
                    .map_err(|e| e.to_string())?,
                opening_hours: from_json("opening_hours", &row.opening_hours)?,
                last_confirmed_on: row.last_confirmed_on,
                external_ref: row.external_ref,
            };
            Ok(Provider {
                id: ProviderId(row.id),
                agency_id: row.agency_id.map(AgencyId),
                details,
                location: GeoPoint::new(row.lat, row.lon).map_err(|e| e.to_string())?,
                version: row.version,
                created_at: from_naive(row.created_at),
                updated_at: from_naive(row.updated_at),
                organisation_id: row.organisation_id.map(OrganisationId),
                listing: Listing {
                    vetting: Vetting::Approved,
                    confirmed_by: row.confirmed_by,
                    stale_since: row.stale_since,
                    reminded_on: row.reminded_on,
                },
            })
        };
        decode().map_err(corrupt)
    }
}

fn live() -> diesel::dsl::IsNull<providers::deleted_at> {
    providers::deleted_at.is_null()
}

pub(crate) fn insert(
    conn: &mut DbConnection,
    agency: Option<AgencyId>,
    details: &ProviderDetails,
    location: GeoPoint,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Provider, StoreError> {
    let row = NewProviderRow::new(&NewProvider::new(agency, details.clone(), location), now)?;
    let id: i64 = diesel::insert_into(providers::table)
        .values(&row)
        .returning(providers::id)
        .get_result(conn)?;
    changes::append(conn, Entity::Provider, &[id], ChangeOp::Upsert, now)?;
    let fields = changed_fields(None, details);
    history::record_one(
        conn,
        Entity::Provider,
        id,
        HistoryOp::Create,
        &fields,
        actor,
        now,
    )?;
    Ok(Provider {
        id: ProviderId(id),
        agency_id: agency,
        details: details.clone(),
        location,
        version: 1,
        created_at: now,
        updated_at: now,
        organisation_id: None,
        listing: Listing::default(),
    })
}

/// Inserts in multi-row batches; the caller holds the transaction. Ids come back in input order.
pub(crate) fn insert_many(
    conn: &mut DbConnection,
    rows: &[NewProvider],
    now: DateTime<Utc>,
    progress: &dyn Fn(u64),
    actor: &Actor,
) -> Result<Vec<ProviderId>, StoreError> {
    let mut ids = Vec::with_capacity(rows.len());
    let mut done = 0u64;
    for chunk in rows.chunks(BATCH_ROWS) {
        let batch = chunk
            .iter()
            .map(|new| NewProviderRow::new(new, now))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut batch_ids: Vec<i64> =
            each_backend!(conn, |c| diesel::insert_into(providers::table)
                .values(&batch)
                .returning(providers::id)
                .get_results(c))?;
        batch_ids.sort_unstable();
        changes::append(conn, Entity::Provider, &batch_ids, ChangeOp::Upsert, now)?;
        // The sorted ids pair with the chunk's rows in order (ids follow VALUES order).
        let created: Vec<(i64, String)> = batch_ids
            .iter()
            .zip(chunk)
            .map(|(id, new)| (*id, changed_fields(None, &new.details).join(",")))
            .collect();
        history::record(
            conn,
            Entity::Provider,
            &created,
            HistoryOp::Create,
            actor,
            now,
        )?;
        ids.extend(batch_ids.into_iter().map(ProviderId));
        done += chunk.len() as u64;
        progress(done);
    }
    Ok(ids)
}

pub(crate) fn get(conn: &mut DbConnection, id: ProviderId) -> Result<Option<Provider>, StoreError> {
    providers::table
        .filter(providers::id.eq(id.0))
        .filter(live())
        .select(ProviderRow::as_select())
        .first(conn)
        .optional()?
        .map(Provider::try_from)
        .transpose()
}

/// The live providers among `ids`, in id order: one query (see `carers::get_many`).
pub(crate) fn get_many(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<Provider>, StoreError> {
    let rows: Vec<ProviderRow> = providers::table
        .filter(providers::id.eq_any(ids))
        .filter(live())
        .select(ProviderRow::as_select())
        .order(providers::id.asc())
        .load(conn)?;
    rows.into_iter().map(Provider::try_from).collect()
}

pub(crate) fn update(
    conn: &mut DbConnection,
    id: ProviderId,
    details: &ProviderDetails,
    location: GeoPoint,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Provider, StoreError> {
    let current = get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "provider",
        id: id.0,
    })?;
    let version = current.version;
    if expected_version.is_some_and(|expected| expected != version) {
        return Err(StoreError::VersionConflict { current: version });
    }
    let fields = ProviderFields::new(details, location)?;
    diesel::update(providers::table.filter(providers::id.eq(id.0)))
        .set((
            &fields,
            providers::version.eq(version + 1),
            providers::updated_at.eq(to_naive(now)),
        ))
        .execute(conn)?;
    changes::append(conn, Entity::Provider, &[id.0], ChangeOp::Upsert, now)?;
    let fields = changed_fields(Some(&current.details), details);
    history::record_one(
        conn,
        Entity::Provider,
        id.0,
        HistoryOp::Update,
        &fields,
        actor,
        now,
    )?;
    // Read back, so the listing facts kept beside the details come with it.
    get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "provider",
        id: id.0,
    })
}

pub(crate) fn delete(
    conn: &mut DbConnection,
    id: ProviderId,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<(), StoreError> {
    let updated = diesel::update(
        providers::table
            .filter(providers::id.eq(id.0))
            .filter(live()),
    )
    .set((
        providers::deleted_at.eq(Some(to_naive(now))),
        providers::updated_at.eq(to_naive(now)),
        providers::version.eq(providers::version + 1),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            entity: "provider",
            id: id.0,
        });
    }
    changes::append(conn, Entity::Provider, &[id.0], ChangeOp::Delete, now)?;
    history::record_one(
        conn,
        Entity::Provider,
        id.0,
        HistoryOp::Delete,
        &[],
        actor,
        now,
    )
}

/// Brings a soft-deleted provider back (into search and matching, through the change log);
/// `NotFound` unless it exists and is deleted.
pub(crate) fn restore(
    conn: &mut DbConnection,
    id: ProviderId,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Provider, StoreError> {
    let updated = diesel::update(
        providers::table
            .filter(providers::id.eq(id.0))
            .filter(providers::deleted_at.is_not_null()),
    )
    .set((
        providers::deleted_at.eq(None::<NaiveDateTime>),
        providers::updated_at.eq(to_naive(now)),
        providers::version.eq(providers::version + 1),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            entity: "provider",
            id: id.0,
        });
    }
    changes::append(conn, Entity::Provider, &[id.0], ChangeOp::Upsert, now)?;
    history::record_one(
        conn,
        Entity::Provider,
        id.0,
        HistoryOp::Restore,
        &[],
        actor,
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "provider",
        id: id.0,
    })
}

/// "All still true": confirmed `today` by `actor`, which also ends any reminder cycle and
/// brings a stale record back into public view.
pub(crate) fn confirm(
    conn: &mut DbConnection,
    id: ProviderId,
    today: NaiveDate,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Provider, StoreError> {
    let updated = diesel::update(
        providers::table
            .filter(providers::id.eq(id.0))
            .filter(live()),
    )
    .set((
        providers::last_confirmed_on.eq(today),
        providers::confirmed_by.eq(&actor.label),
        providers::stale_since.eq(None::<NaiveDate>),
        providers::reminded_on.eq(None::<NaiveDate>),
        providers::updated_at.eq(to_naive(now)),
        providers::version.eq(providers::version + 1),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            entity: "provider",
            id: id.0,
        });
    }
    changes::append(conn, Entity::Provider, &[id.0], ChangeOp::Upsert, now)?;
    let fields = ["last_confirmed_on".to_owned(), "confirmed_by".to_owned()];
    history::record_one(
        conn,
        Entity::Provider,
        id.0,
        HistoryOp::Confirm,
        &fields,
        actor,
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "provider",
        id: id.0,
    })
}

/// A provider, live or soft-deleted, with whether it is deleted (history and restore check who
/// manages a deleted record too).
pub(crate) fn get_any(
    conn: &mut DbConnection,
    id: ProviderId,
) -> Result<Option<(Provider, bool)>, StoreError> {
    let row: Option<ProviderRow> = providers::table
        .filter(providers::id.eq(id.0))
        .select(ProviderRow::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| {
        let deleted = row.deleted_at.is_some();
        Ok((Provider::try_from(row)?, deleted))
    })
    .transpose()
}

fn filtered<'a>(filter: &ProviderFilter) -> providers::BoxedQuery<'a, MultiBackend> {
    let mut query = providers::table.filter(live()).into_boxed();
    if let Some(agency) = filter.agency {
        query = query.filter(providers::agency_id.eq(agency.0));
    }
    if let Some(organisation) = filter.organisation {
        query = query.filter(providers::organisation_id.eq(organisation.0));
    }
    if filter.public_only {
        query = query.filter(providers::stale_since.is_null());
    }
    query
}

pub(crate) fn list(
    conn: &mut DbConnection,
    filter: &ProviderFilter,
    page: Page,
) -> Result<Paged<Provider>, StoreError> {
    let total: i64 = filtered(filter).count().get_result(conn)?;
    let rows: Vec<ProviderRow> = filtered(filter)
        .select(ProviderRow::as_select())
        .order(providers::id.asc())
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok(Paged {
        items: rows
            .into_iter()
            .map(Provider::try_from)
            .collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or_default(),
    })
}

pub(crate) fn after(
    conn: &mut DbConnection,
    after: Option<ProviderId>,
    limit: u32,
) -> Result<Vec<Provider>, StoreError> {
    let rows: Vec<ProviderRow> = providers::table
        .filter(live())
        .filter(providers::id.gt(after.map_or(i64::MIN, |id| id.0)))
        .select(ProviderRow::as_select())
        .order(providers::id.asc())
        .limit(i64::from(limit))
        .load(conn)?;
    rows.into_iter().map(Provider::try_from).collect()
}
