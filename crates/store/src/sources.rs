//! Providers' public ids and provenance, and the one write an import makes: a source's
//! snapshot applied in one transaction (created, updated, confirmed unchanged, retired, likely
//! duplicates flagged). Records without provenance (made by hand) are never touched here.

mod review;

use std::collections::HashMap;

use carematch_domain::{
    Actor, GeoPoint, Provenance, Provider, ProviderDetails, ProviderId, ProviderOrigin, SourceKind,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::backend::DbConnection;
use crate::codec::{from_naive, to_json, to_naive};
use crate::error::StoreError;
use crate::providers::{self as rows, NewProvider, ProviderRow};
use crate::schema::{provider_duplicates, providers};

pub use review::{DuplicateStatus, HeldDuplicate};
pub(crate) use review::{list as list_duplicates, resolve as resolve_duplicate};

pub(crate) type OriginColumns = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<NaiveDateTime>,
);

fn origin_of(row: OriginColumns) -> Result<(ProviderId, ProviderOrigin), StoreError> {
    let (id, uuid, kind, feed, source_id, fetched_at) = row;
    let corrupt = |reason: &str| StoreError::corrupt("providers", id, reason);
    let uuid = uuid
        .as_deref()
        .map(Uuid::parse_str)
        .transpose()
        .map_err(|_| corrupt("uuid is not a UUID"))?
        .ok_or_else(|| corrupt("uuid is missing (run `carematch migrate`)"))?;
    let provenance = match (kind, feed, source_id, fetched_at) {
        (None, _, _, _) => None,
        (Some(kind), Some(feed), Some(source_id), Some(fetched_at)) => Some(Provenance {
            source: SourceKind::parse(&kind).ok_or_else(|| corrupt("unknown source_kind"))?,
            feed,
            source_id,
            fetched_at: from_naive(fetched_at),
        }),
        _ => return Err(corrupt("incomplete provenance")),
    };
    Ok((ProviderId(id), ProviderOrigin { uuid, provenance }))
}

pub(crate) fn origin_columns() -> (
    providers::id,
    providers::uuid,
    providers::source_kind,
    providers::source_feed,
    providers::source_id,
    providers::fetched_at,
) {
    (
        providers::id,
        providers::uuid,
        providers::source_kind,
        providers::source_feed,
        providers::source_id,
        providers::fetched_at,
    )
}

/// Every live provider's public id and provenance, by id.
pub(crate) fn origins(
    conn: &mut DbConnection,
) -> Result<HashMap<ProviderId, ProviderOrigin>, StoreError> {
    let rows: Vec<OriginColumns> = providers::table
        .filter(providers::deleted_at.is_null())
        .select(origin_columns())
        .load(conn)?;
    rows.into_iter().map(origin_of).collect()
}

/// One live provider's public id and provenance.
pub(crate) fn origin(
    conn: &mut DbConnection,
    id: ProviderId,
) -> Result<Option<ProviderOrigin>, StoreError> {
    let row: Option<OriginColumns> = providers::table
        .filter(providers::id.eq(id.0))
        .filter(providers::deleted_at.is_null())
        .select(origin_columns())
        .first(conn)
        .optional()?;
    row.map(|r| origin_of(r).map(|(_, o)| o)).transpose()
}

/// The live providers imported from one feed of a source, with their provenance.
pub(crate) fn from_feed(
    conn: &mut DbConnection,
    source: SourceKind,
    feed: &str,
) -> Result<Vec<(Provider, ProviderOrigin)>, StoreError> {
    let rows: Vec<(ProviderRow, OriginColumns)> = providers::table
        .filter(providers::deleted_at.is_null())
        .filter(providers::source_kind.eq(source.as_str()))
        .filter(providers::source_feed.eq(feed))
        .select((ProviderRow::as_select(), origin_columns()))
        .order(providers::id.asc())
        .load(conn)?;
    with_origins(rows)
}

/// Provider rows read with their origin columns, as domain values.
pub(crate) fn with_origins(
    rows: Vec<(ProviderRow, OriginColumns)>,
) -> Result<Vec<(Provider, ProviderOrigin)>, StoreError> {
    rows.into_iter()
        .map(|(row, origin)| Ok((Provider::try_from(row)?, origin_of(origin)?.1)))
        .collect()
}

/// A provider already held whose source record changed.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceUpdate {
    pub id: ProviderId,
    pub details: ProviderDetails,
    pub location: GeoPoint,
}

/// Which provider a duplicate flag is about: one this sync creates (its index in
/// [`SourceSync::create`]) or one already held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateSubject {
    Created(usize),
    Existing(ProviderId),
}

/// A likely duplicate to flag for review.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDuplicate {
    pub subject: DuplicateSubject,
    /// The record already held that it looks like.
    pub candidate: ProviderId,
    pub similarity: f64,
    /// What matched: `name`, `postcode`, `phone`.
    pub reasons: Vec<String>,
}

/// A source's snapshot, as one write: every provider it creates, updates, confirms unchanged
/// (fetched again) or retires (the source dropped it), and the likely duplicates found.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSync {
    pub source: SourceKind,
    pub feed: String,
    pub fetched_at: DateTime<Utc>,
    /// New providers; each carries its provenance.
    pub create: Vec<NewProvider>,
    pub update: Vec<SourceUpdate>,
    pub unchanged: Vec<ProviderId>,
    pub retire: Vec<ProviderId>,
    pub duplicates: Vec<NewDuplicate>,
}

/// Applies a source's snapshot in the caller's transaction; the created providers' ids in the
/// order of [`SourceSync::create`].
pub(crate) fn apply(
    conn: &mut DbConnection,
    sync: &SourceSync,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Vec<ProviderId>, StoreError> {
    let created = rows::insert_many(conn, &sync.create, now, &|_| {}, actor)?;
    let fetched_at = Some(to_naive(sync.fetched_at));
    for update in &sync.update {
        rows::update(
            conn,
            update.id,
            &update.details,
            update.location,
            None,
            now,
            actor,
        )?;
    }
    let touched: Vec<i64> = sync
        .update
        .iter()
        .map(|u| u.id.0)
        .chain(sync.unchanged.iter().map(|id| id.0))
        .collect();
    for chunk in touched.chunks(10_000) {
        diesel::update(
            providers::table
                .filter(providers::id.eq_any(chunk))
                .filter(providers::source_kind.eq(sync.source.as_str()))
                .filter(providers::source_feed.eq(&sync.feed)),
        )
        .set(providers::fetched_at.eq(fetched_at))
        .execute(conn)?;
    }
    for id in &sync.retire {
        rows::delete(conn, *id, now, actor)?;
    }
    for flag in &sync.duplicates {
        let subject = match flag.subject {
            DuplicateSubject::Created(i) => *created.get(i).ok_or_else(|| {
                StoreError::corrupt("provider_duplicates", i, "no such created provider")
            })?,
            DuplicateSubject::Existing(id) => id,
        };
        diesel::insert_into(provider_duplicates::table)
            .values((
                provider_duplicates::provider_id.eq(subject.0),
                provider_duplicates::candidate_id.eq(flag.candidate.0),
                provider_duplicates::similarity.eq(flag.similarity),
                provider_duplicates::reasons.eq(to_json("reasons", &flag.reasons)?),
                provider_duplicates::status.eq("open"),
                provider_duplicates::created_at.eq(to_naive(now)),
            ))
            .execute(conn)?;
    }
    Ok(created)
}

/// Gives every provider without a public id one ([`carematch_domain::provenance::stable_uuid`]
/// where it has a stable key, else random): rows stored before migration 000008.
pub(crate) fn backfill_uuids(conn: &mut DbConnection) -> Result<usize, StoreError> {
    let missing: Vec<(i64, Option<i64>, Option<String>)> = providers::table
        .filter(providers::uuid.is_null())
        .select((providers::id, providers::agency_id, providers::external_ref))
        .load(conn)?;
    for (id, agency, external_ref) in &missing {
        let uuid = carematch_domain::provenance::stable_uuid(
            None,
            agency.map(carematch_domain::AgencyId),
            external_ref.as_deref(),
        )
        .unwrap_or_else(Uuid::new_v4);
        diesel::update(providers::table.filter(providers::id.eq(id)))
            .set(providers::uuid.eq(uuid.to_string()))
            .execute(conn)?;
    }
    Ok(missing.len())
}
