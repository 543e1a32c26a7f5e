//! Likely duplicates flagged by imports, for a person to review: listed, then marked distinct
//! (two different organisations) or merged (the same one, merged by hand). Nothing here
//! merges or deletes a provider.

use std::collections::HashMap;

use carematch_domain::ProviderId;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::DbConnection;
use crate::codec::{from_json, from_naive, to_naive};
use crate::error::StoreError;
use crate::schema::{provider_duplicates, providers};
use crate::{Page, Paged};

/// Where a review of a flag stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DuplicateStatus {
    /// Not reviewed yet.
    Open,
    /// Two different organisations.
    Distinct,
    /// The same organisation, merged by a person.
    Merged,
}

impl DuplicateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Distinct => "distinct",
            Self::Merged => "merged",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "open" => Some(Self::Open),
            "distinct" => Some(Self::Distinct),
            "merged" => Some(Self::Merged),
            _ => None,
        }
    }
}

/// A flagged pair, with both providers' names.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldDuplicate {
    pub id: i64,
    pub provider_id: ProviderId,
    pub provider_name: String,
    pub candidate_id: ProviderId,
    pub candidate_name: String,
    pub similarity: f64,
    pub reasons: Vec<String>,
    pub status: DuplicateStatus,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

type Row = (
    i64,
    i64,
    i64,
    f64,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

fn columns() -> (
    provider_duplicates::id,
    provider_duplicates::provider_id,
    provider_duplicates::candidate_id,
    provider_duplicates::similarity,
    provider_duplicates::reasons,
    provider_duplicates::status,
    provider_duplicates::created_at,
    provider_duplicates::resolved_at,
) {
    (
        provider_duplicates::id,
        provider_duplicates::provider_id,
        provider_duplicates::candidate_id,
        provider_duplicates::similarity,
        provider_duplicates::reasons,
        provider_duplicates::status,
        provider_duplicates::created_at,
        provider_duplicates::resolved_at,
    )
}

fn held(conn: &mut DbConnection, rows: Vec<Row>) -> Result<Vec<HeldDuplicate>, StoreError> {
    let ids: Vec<i64> = rows.iter().flat_map(|r| [r.1, r.2]).collect();
    let names: HashMap<i64, String> = providers::table
        .filter(providers::id.eq_any(&ids))
        .select((providers::id, providers::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(
            |(id, provider, candidate, similarity, reasons, status, created, resolved)| {
                let corrupt =
                    |reason: String| StoreError::corrupt("provider_duplicates", id, reason);
                Ok(HeldDuplicate {
                    id,
                    provider_id: ProviderId(provider),
                    provider_name: names.get(&provider).cloned().unwrap_or_default(),
                    candidate_id: ProviderId(candidate),
                    candidate_name: names.get(&candidate).cloned().unwrap_or_default(),
                    similarity,
                    reasons: from_json("reasons", &reasons).map_err(corrupt)?,
                    status: DuplicateStatus::parse(&status)
                        .ok_or_else(|| corrupt(format!("unknown status {status}")))?,
                    created_at: from_naive(created),
                    resolved_at: resolved.map(from_naive),
                })
            },
        )
        .collect()
}

/// Flags, oldest first; only those with `status` when given.
pub(crate) fn list(
    conn: &mut DbConnection,
    status: Option<DuplicateStatus>,
    page: Page,
) -> Result<Paged<HeldDuplicate>, StoreError> {
    let mut query = provider_duplicates::table.into_boxed();
    let mut count = provider_duplicates::table.into_boxed();
    if let Some(status) = status {
        query = query.filter(provider_duplicates::status.eq(status.as_str()));
        count = count.filter(provider_duplicates::status.eq(status.as_str()));
    }
    let total: i64 = count.count().get_result(conn)?;
    let rows: Vec<Row> = query
        .select(columns())
        .order(provider_duplicates::id.asc())
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok(Paged {
        items: held(conn, rows)?,
        total: u64::try_from(total).unwrap_or_default(),
    })
}

/// Records a person's decision on a flag; `None` when there is no such flag.
pub(crate) fn resolve(
    conn: &mut DbConnection,
    id: i64,
    status: DuplicateStatus,
    now: DateTime<Utc>,
) -> Result<Option<HeldDuplicate>, StoreError> {
    let resolved_at = (status != DuplicateStatus::Open).then(|| to_naive(now));
    let changed = diesel::update(provider_duplicates::table.filter(provider_duplicates::id.eq(id)))
        .set((
            provider_duplicates::status.eq(status.as_str()),
            provider_duplicates::resolved_at.eq(resolved_at),
        ))
        .execute(conn)?;
    if changed == 0 {
        return Ok(None);
    }
    let rows: Vec<Row> = provider_duplicates::table
        .filter(provider_duplicates::id.eq(id))
        .select(columns())
        .load(conn)?;
    Ok(held(conn, rows)?.pop())
}
