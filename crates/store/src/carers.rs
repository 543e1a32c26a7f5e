//! Carer rows and their queries.

use carematch_domain::vocabulary::{Code, Language, Service};
use carematch_domain::{Actor, HistoryOp, Listing, Vetting};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, GeoPoint, Km, LanguageSkill, OutwardCode, Postcode,
    RatePence,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::{DbConnection, MultiBackend, each_backend};
use crate::changes::{self, ChangeOp, Entity};
use crate::codec::{
    code_from_text, codes_from_text, codes_to_text, from_json, from_naive, to_json, to_naive,
};
use crate::error::StoreError;
use crate::history::{self, changed_fields};
use crate::schema::carers;
use crate::{Page, Paged};

/// Rows per multi-row INSERT: 35 columns x 500 rows stays under SQLite's 32,766 bound parameters
/// and PostgreSQL's 65,535.
const BATCH_ROWS: usize = 500;

/// A carer as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = carers)]
#[diesel(check_for_backend(MultiBackend))]
pub struct CarerRow {
    pub id: i64,
    pub agency_id: i64,
    pub given_name: String,
    pub family_name: String,
    pub gender: String,
    pub languages: String,
    pub cuisines: String,
    pub dietary_laws: String,
    pub faith: Option<String>,
    pub faith_practices: String,
    pub services: String,
    pub experience: String,
    pub checks: String,
    pub availability: String,
    pub hours_per_week: i64,
    pub available_from: NaiveDate,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
    pub travel_radius_km: f64,
    pub travel_mode: String,
    pub hourly_rate_pence: i64,
    pub employment_status: String,
    pub public_listing_consent: bool,
    pub last_confirmed_on: NaiveDate,
    pub bio: String,
    pub contact: String,
    pub external_ref: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
    pub faith_public_consent: bool,
    pub accepting_new_clients: bool,
    pub accepting_confirmed_on: Option<NaiveDate>,
    pub medical_diets: String,
    pub lgbt_inclusive: bool,
    pub vetting: String,
    pub confirmed_by: String,
    pub stale_since: Option<NaiveDate>,
    pub reminded_on: Option<NaiveDate>,
    pub ethnicity: Option<String>,
    pub ethnicity_consent: bool,
}

/// The columns a create or an update writes from [`CarerDetails`] and the location.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = carers)]
#[diesel(treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct CarerFields {
    pub given_name: String,
    pub family_name: String,
    pub gender: String,
    pub languages: String,
    pub cuisines: String,
    pub dietary_laws: String,
    pub faith: Option<String>,
    pub faith_practices: String,
    pub services: String,
    pub experience: String,
    pub checks: String,
    pub availability: String,
    pub hours_per_week: i64,
    pub available_from: NaiveDate,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
    pub travel_radius_km: f64,
    pub travel_mode: String,
    pub hourly_rate_pence: i64,
    pub employment_status: String,
    pub public_listing_consent: bool,
    pub last_confirmed_on: NaiveDate,
    pub bio: String,
    pub contact: String,
    pub external_ref: Option<String>,
    pub faith_public_consent: bool,
    pub accepting_new_clients: bool,
    pub accepting_confirmed_on: Option<NaiveDate>,
    pub medical_diets: String,
    pub lgbt_inclusive: bool,
    pub ethnicity: Option<String>,
    pub ethnicity_consent: bool,
}

/// A new carer row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = carers)]
#[diesel(treat_none_as_default_value = false)]
pub struct NewCarerRow {
    #[diesel(embed)]
    pub fields: CarerFields,
    pub agency_id: i64,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One carer for [`crate::Store::insert_carers`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewCarer {
    pub agency_id: AgencyId,
    pub details: CarerDetails,
    pub location: GeoPoint,
}

/// One carer replaced by [`crate::Store::apply_register`], at the version the caller read.
#[derive(Debug, Clone, PartialEq)]
pub struct CarerUpdate {
    pub id: CarerId,
    pub details: CarerDetails,
    pub location: GeoPoint,
    pub version: i64,
}

/// Which carers [`crate::Store::list_carers`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarerFilter {
    /// Only this agency's carers.
    pub agency: Option<AgencyId>,
    /// Only carers who consented to a public listing.
    pub consenting_only: bool,
    /// Only carers who speak this language (at any level).
    pub language: Option<Language>,
    /// Only carers who offer this service.
    pub service: Option<Service>,
    /// Only carers based in this outward code (`LE1`).
    pub outward: Option<OutwardCode>,
    /// Only carers whose name (given and family, any case) or `external_ref` holds this text.
    pub text: Option<String>,
    /// Only carers hidden from the public as stale.
    pub stale_only: bool,
}

diesel::define_sql_function! {
    /// SQL `lower()`, the same in SQLite and PostgreSQL for the Latin letters agencies type.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// `%text%` for `LIKE ... ESCAPE '\'`, with the pattern characters in `text` escaped.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl CarerFields {
    pub fn new(details: &CarerDetails, location: GeoPoint) -> Result<Self, StoreError> {
        Ok(Self {
            given_name: details.given_name.clone(),
            family_name: details.family_name.clone(),
            gender: details.gender.to_string(),
            languages: to_json("languages", &details.languages)?,
            cuisines: codes_to_text(&details.cuisines),
            dietary_laws: codes_to_text(&details.dietary_laws),
            faith: details.faith.map(|f| f.to_string()),
            faith_practices: codes_to_text(&details.faith_practices),
            services: codes_to_text(&details.services),
            experience: codes_to_text(&details.experience),
            checks: to_json("checks", &details.checks)?,
            availability: to_json("availability", &details.availability)?,
            hours_per_week: i64::from(details.hours_per_week),
            available_from: details.available_from,
            postcode: details.postcode.to_string(),
            lat: location.lat,
            lon: location.lon,
            travel_radius_km: details.travel_radius_km.get(),
            travel_mode: details.travel_mode.to_string(),
            hourly_rate_pence: i64::from(details.hourly_rate),
            employment_status: details.employment_status.to_string(),
            public_listing_consent: details.public_listing_consent,
            last_confirmed_on: details.last_confirmed_on,
            bio: details.bio.clone(),
            contact: to_json("contact", &details.contact)?,
            external_ref: details.external_ref.clone(),
            faith_public_consent: details.faith_public_consent,
            accepting_new_clients: details.accepting_new_clients,
            accepting_confirmed_on: details.accepting_confirmed_on,
            medical_diets: codes_to_text(&details.medical_diets),
            lgbt_inclusive: details.lgbt_inclusive,
            // Without consent nothing is kept: withdrawing it erases the value (validation
            // already refuses a value sent without consent; this is the last line).
            ethnicity: details
                .ethnicity
                .filter(|_| details.ethnicity_consent)
                .map(|e| e.to_string()),
            ethnicity_consent: details.ethnicity_consent,
        })
    }
}

impl TryFrom<CarerRow> for Carer {
    type Error = StoreError;

    fn try_from(row: CarerRow) -> Result<Self, StoreError> {
        let id = row.id;
        let corrupt = |reason: String| StoreError::corrupt("carers", id, reason);
        let decode = || -> Result<Carer, String> {
            let languages: Vec<LanguageSkill> = from_json("languages", &row.languages)?;
            let details = CarerDetails {
                given_name: row.given_name,
                family_name: row.family_name,
                gender: code_from_text(&row.gender)?,
                languages,
                cuisines: codes_from_text(&row.cuisines)?,
                dietary_laws: codes_from_text(&row.dietary_laws)?,
                medical_diets: codes_from_text(&row.medical_diets)?,
                faith: row.faith.as_deref().map(code_from_text).transpose()?,
                faith_public_consent: row.faith_public_consent,
                ethnicity: row.ethnicity.as_deref().map(code_from_text).transpose()?,
                ethnicity_consent: row.ethnicity_consent,
                faith_practices: codes_from_text(&row.faith_practices)?,
                services: codes_from_text(&row.services)?,
                experience: codes_from_text(&row.experience)?,
                checks: from_json("checks", &row.checks)?,
                availability: from_json("availability", &row.availability)?,
                hours_per_week: u8::try_from(row.hours_per_week).map_err(|_| {
                    format!("hours_per_week {} is out of range", row.hours_per_week)
                })?,
                accepting_new_clients: row.accepting_new_clients,
                accepting_confirmed_on: row.accepting_confirmed_on,
                lgbt_inclusive: row.lgbt_inclusive,
                available_from: row.available_from,
                postcode: Postcode::parse(&row.postcode).map_err(|e| e.to_string())?,
                travel_radius_km: Km::new(row.travel_radius_km).map_err(|e| e.to_string())?,
                travel_mode: code_from_text(&row.travel_mode)?,
                hourly_rate: RatePence::new(row.hourly_rate_pence).map_err(|e| e.to_string())?,
                employment_status: code_from_text(&row.employment_status)?,
                public_listing_consent: row.public_listing_consent,
                last_confirmed_on: row.last_confirmed_on,
                bio: row.bio,
                contact: from_json("contact", &row.contact)?,
                external_ref: row.external_ref,
            };
            Ok(Carer {
                id: CarerId(row.id),
                agency_id: AgencyId(row.agency_id),
                details,
                location: GeoPoint::new(row.lat, row.lon).map_err(|e| e.to_string())?,
                version: row.version,
                created_at: from_naive(row.created_at),
                updated_at: from_naive(row.updated_at),
                listing: Listing {
                    vetting: Vetting::parse(&row.vetting)
                        .ok_or_else(|| format!("unknown vetting `{}`", row.vetting))?,
                    confirmed_by: row.confirmed_by,
                    stale_since: row.stale_since,
                    reminded_on: row.reminded_on,
                },
            })
        };
        decode().map_err(corrupt)
    }
}

fn live() -> diesel::dsl::IsNull<carers::deleted_at> {
    carers::deleted_at.is_null()
}

pub(crate) fn insert(
    conn: &mut DbConnection,
    agency: AgencyId,
    details: &CarerDetails,
    location: GeoPoint,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Carer, StoreError> {
    let row = NewCarerRow {
        fields: CarerFields::new(details, location)?,
        agency_id: agency.0,
        version: 1,
        created_at: to_naive(now),
        updated_at: to_naive(now),
    };
    let id: i64 = diesel::insert_into(carers::table)
        .values(&row)
        .returning(carers::id)
        .get_result(conn)?;
    changes::append(conn, Entity::Carer, &[id], ChangeOp::Upsert, now)?;
    let fields = changed_fields(None, details);
    history::record_one(
        conn,
        Entity::Carer,
        id,
        HistoryOp::Create,
        &fields,
        actor,
        now,
    )?;
    Ok(Carer {
        id: CarerId(id),
        agency_id: agency,
        details: details.clone(),
        location,
        version: 1,
        created_at: now,
        updated_at: now,

        listing: Listing::default(),
    })
}

/// Inserts in multi-row batches; the caller holds the transaction. Ids come back in input order.
pub(crate) fn insert_many(
    conn: &mut DbConnection,
    rows: &[NewCarer],
    now: DateTime<Utc>,
    progress: &dyn Fn(u64),
    actor: &Actor,
) -> Result<Vec<CarerId>, StoreError> {
    let mut ids = Vec::with_capacity(rows.len());
    let mut done = 0u64;
    for chunk in rows.chunks(BATCH_ROWS) {
        let batch = chunk
            .iter()
            .map(|new| {
                Ok(NewCarerRow {
                    fields: CarerFields::new(&new.details, new.location)?,
                    agency_id: new.agency_id.0,
                    version: 1,
                    created_at: to_naive(now),
                    updated_at: to_naive(now),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut batch_ids: Vec<i64> = each_backend!(conn, |c| diesel::insert_into(carers::table)
            .values(&batch)
            .returning(carers::id)
            .get_results(c))?;
        // Ids are handed out in VALUES order under the writer lock; RETURNING's own order is
        // not promised by either database, so sort rather than trust it.
        batch_ids.sort_unstable();
        changes::append(conn, Entity::Carer, &batch_ids, ChangeOp::Upsert, now)?;
        // The sorted ids pair with the chunk's rows in order (ids follow VALUES order).
        let created: Vec<(i64, String)> = batch_ids
            .iter()
            .zip(chunk)
            .map(|(id, new)| (*id, changed_fields(None, &new.details).join(",")))
            .collect();
        history::record(conn, Entity::Carer, &created, HistoryOp::Create, actor, now)?;
        ids.extend(batch_ids.into_iter().map(CarerId));
        done += chunk.len() as u64;
        progress(done);
    }
    Ok(ids)
}

pub(crate) fn get(conn: &mut DbConnection, id: CarerId) -> Result<Option<Carer>, StoreError> {
    carers::table
        .filter(carers::id.eq(id.0))
        .filter(live())
        .select(CarerRow::as_select())
        .first(conn)
        .optional()?
        .map(Carer::try_from)
        .transpose()
}

/// The live carers among `ids`, in id order: one query (the engine's catch-up reads a batch of
/// changed records at once rather than one query per record).
pub(crate) fn get_many(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<Carer>, StoreError> {
    let rows: Vec<CarerRow> = carers::table
        .filter(carers::id.eq_any(ids))
        .filter(live())
        .select(CarerRow::as_select())
        .order(carers::id.asc())
        .load(conn)?;
    rows.into_iter().map(Carer::try_from).collect()
}

/// Which of `refs` the agency's live carers already use: one query over the partial unique
/// index `carers_agency_external_ref (agency_id, external_ref)`, whose condition
/// (`external_ref IS NOT NULL AND deleted_at IS NULL`) the filter repeats so that both
/// planners may use it.
pub(crate) fn refs_in_use(
    conn: &mut DbConnection,
    agency: AgencyId,
    refs: &[&str],
) -> Result<Vec<String>, StoreError> {
    let found: Vec<Option<String>> = carers::table
        .filter(carers::agency_id.eq(agency.0))
        .filter(carers::external_ref.is_not_null())
        .filter(carers::external_ref.eq_any(refs))
        .filter(live())
        .select(carers::external_ref)
        .load(conn)?;
    Ok(found.into_iter().flatten().collect())
}

pub(crate) fn update(
    conn: &mut DbConnection,
    id: CarerId,
    details: &CarerDetails,
    location: GeoPoint,
    expected_version: Option<i64>,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Carer, StoreError> {
    let current = get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "carer",
        id: id.0,
    })?;
    let version = current.version;
    if expected_version.is_some_and(|expected| expected != version) {
        return Err(StoreError::VersionConflict { current: version });
    }
    let fields = CarerFields::new(details, location)?;
    diesel::update(carers::table.filter(carers::id.eq(id.0)))
        .set((
            &fields,
            carers::version.eq(version + 1),
            carers::updated_at.eq(to_naive(now)),
        ))
        .execute(conn)?;
    changes::append(conn, Entity::Carer, &[id.0], ChangeOp::Upsert, now)?;
    let fields = changed_fields(Some(&current.details), details);
    history::record_one(
        conn,
        Entity::Carer,
        id.0,
        HistoryOp::Update,
        &fields,
        actor,
        now,
    )?;
    // Read back, so the listing facts kept beside the details come with it.
    get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "carer",
        id: id.0,
    })
}

pub(crate) fn delete(
    conn: &mut DbConnection,
    id: CarerId,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<(), StoreError> {
    let updated = diesel::update(carers::table.filter(carers::id.eq(id.0)).filter(live()))
        .set((
            carers::deleted_at.eq(Some(to_naive(now))),
            carers::updated_at.eq(to_naive(now)),
            carers::version.eq(carers::version + 1),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            entity: "carer",
            id: id.0,
        });
    }
    changes::append(conn, Entity::Carer, &[id.0], ChangeOp::Delete, now)?;
    history::record_one(
        conn,
        Entity::Carer,
        id.0,
        HistoryOp::Delete,
        &[],
        actor,
        now,
    )
}

/// Brings a soft-deleted carer back (into search and matching, through the change log);
/// `NotFound` unless it exists and is deleted.
pub(crate) fn restore(
    conn: &mut DbConnection,
    id: CarerId,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Carer, StoreError> {
    let updated = diesel::update(
        carers::table
            .filter(carers::id.eq(id.0))
            .filter(carers::deleted_at.is_not_null()),
    )
    .set((
        carers::deleted_at.eq(None::<NaiveDateTime>),
        carers::updated_at.eq(to_naive(now)),
        carers::version.eq(carers::version + 1),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            entity: "carer",
            id: id.0,
        });
    }
    changes::append(conn, Entity::Carer, &[id.0], ChangeOp::Upsert, now)?;
    history::record_one(
        conn,
        Entity::Carer,
        id.0,
        HistoryOp::Restore,
        &[],
        actor,
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "carer",
        id: id.0,
    })
}

/// "All still true": confirmed `today` by `actor`, which also ends any reminder cycle and
/// brings a stale record back into public view.
pub(crate) fn confirm(
    conn: &mut DbConnection,
    id: CarerId,
    today: NaiveDate,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Carer, StoreError> {
    let updated = diesel::update(carers::table.filter(carers::id.eq(id.0)).filter(live()))
        .set((
            carers::last_confirmed_on.eq(today),
            carers::confirmed_by.eq(&actor.label),
            carers::stale_since.eq(None::<NaiveDate>),
            carers::reminded_on.eq(None::<NaiveDate>),
            carers::updated_at.eq(to_naive(now)),
            carers::version.eq(carers::version + 1),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::NotFound {
            entity: "carer",
            id: id.0,
        });
    }
    changes::append(conn, Entity::Carer, &[id.0], ChangeOp::Upsert, now)?;
    let fields = ["last_confirmed_on".to_owned(), "confirmed_by".to_owned()];
    history::record_one(
        conn,
        Entity::Carer,
        id.0,
        HistoryOp::Confirm,
        &fields,
        actor,
        now,
    )?;
    get(conn, id)?.ok_or(StoreError::NotFound {
        entity: "carer",
        id: id.0,
    })
}

/// A carer, live or soft-deleted, with whether it is deleted (history and restore check who
/// manages a deleted record too).
pub(crate) fn get_any(
    conn: &mut DbConnection,
    id: CarerId,
) -> Result<Option<(Carer, bool)>, StoreError> {
    let row: Option<CarerRow> = carers::table
        .filter(carers::id.eq(id.0))
        .select(CarerRow::as_select())
        .first(conn)
        .optional()?;
    row.map(|row| {
        let deleted = row.deleted_at.is_some();
        Ok((Carer::try_from(row)?, deleted))
    })
    .transpose()
}

fn filtered<'a>(filter: &CarerFilter) -> carers::BoxedQuery<'a, MultiBackend> {
    let mut query = carers::table.filter(live()).into_boxed();
    if let Some(agency) = filter.agency {
        query = query.filter(carers::agency_id.eq(agency.0));
    }
    if filter.consenting_only {
        // Carer::is_public: consent, vetted, not hidden as stale.
        query = query
            .filter(carers::public_listing_consent.eq(true))
            .filter(carers::vetting.eq(Vetting::Approved.code()))
            .filter(carers::stale_since.is_null());
    }
    if let Some(language) = filter.language {
        // Languages are JSON text written by serde_json, compact: `[{"code":"yue",...}]`.
        query = query.filter(carers::languages.like(format!("%\"code\":\"{}\"%", language.code())));
    }
    if let Some(service) = filter.service {
        // Services are comma-separated codes; codes hold no commas.
        let code = service.code();
        query = query.filter(
            carers::services
                .eq(code.to_owned())
                .or(carers::services.like(format!("{code},%")))
                .or(carers::services.like(format!("%,{code}")))
                .or(carers::services.like(format!("%,{code},%"))),
        );
    }
    if let Some(outward) = &filter.outward {
        query = query.filter(carers::postcode.like(format!("{} %", outward.as_str())));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let lowered = contains_pattern(&text.to_lowercase());
        query = query.filter(
            lower(carers::given_name.concat(" ").concat(carers::family_name))
                .like(lowered)
                .escape('\\')
                .or(carers::external_ref
                    .like(contains_pattern(text))
                    .escape('\\')
                    .assume_not_null()),
        );
    }
    if filter.stale_only {
        query = query.filter(carers::stale_since.is_not_null());
    }
    query
}

pub(crate) fn list(
    conn: &mut DbConnection,
    filter: &CarerFilter,
    page: Page,
) -> Result<Paged<Carer>, StoreError> {
    let total: i64 = filtered(filter).count().get_result(conn)?;
    let rows: Vec<CarerRow> = filtered(filter)
        .select(CarerRow::as_select())
        .order(carers::id.asc())
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok(Paged {
        items: rows
            .into_iter()
            .map(Carer::try_from)
            .collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or_default(),
    })
}

pub(crate) fn after(
    conn: &mut DbConnection,
    after: Option<CarerId>,
    limit: u32,
) -> Result<Vec<Carer>, StoreError> {
    let rows: Vec<CarerRow> = carers::table
        .filter(live())
        .filter(carers::id.gt(after.map_or(i64::MIN, |id| id.0)))
        .select(CarerRow::as_select())
        .order(carers::id.asc())
        .limit(i64::from(limit))
        .load(conn)?;
    rows.into_iter().map(Carer::try_from).collect()
}

/// An agency's soft-deleted carers, most recently deleted first (the console's "deleted PAs").
pub(crate) fn deleted_of_agency(
    conn: &mut DbConnection,
    agency: AgencyId,
    page: Page,
) -> Result<Paged<Carer>, StoreError> {
    let of_agency = || {
        carers::table
            .filter(carers::agency_id.eq(agency.0))
            .filter(carers::deleted_at.is_not_null())
    };
    let total: i64 = of_agency().count().get_result(conn)?;
    let rows: Vec<CarerRow> = of_agency()
        .select(CarerRow::as_select())
        .order((carers::deleted_at.desc(), carers::id.desc()))
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok(Paged {
        items: rows
            .into_iter()
            .map(Carer::try_from)
            .collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or_default(),
    })
}

/// An agency's live carers for its console: stale ones first (they need the agency's
/// attention), then by name.
pub(crate) fn for_console(
    conn: &mut DbConnection,
    agency: AgencyId,
    filter: &CarerFilter,
    page: Page,
) -> Result<Paged<Carer>, StoreError> {
    let filter = CarerFilter {
        agency: Some(agency),
        ..filter.clone()
    };
    let of_agency = || filtered(&filter);
    let total: i64 = of_agency().count().get_result(conn)?;
    let rows: Vec<CarerRow> = of_agency()
        .select(CarerRow::as_select())
        .order((
            carers::stale_since.is_null().asc(),
            carers::family_name.asc(),
            carers::given_name.asc(),
            carers::id.asc(),
        ))
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok(Paged {
        items: rows
            .into_iter()
            .map(Carer::try_from)
            .collect::<Result<_, _>>()?,
        total: u64::try_from(total).unwrap_or_default(),
    })
}
