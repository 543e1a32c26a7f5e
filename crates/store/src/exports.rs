//! What exports read and what re-importing an export checks: every live provider with its
//! public id and provenance, and which public ids are already held.

use std::collections::HashSet;

use carematch_domain::{Provider, ProviderOrigin};
use diesel::prelude::*;
use uuid::Uuid;

use crate::backend::DbConnection;
use crate::error::StoreError;
use crate::providers::ProviderRow;
use crate::schema::providers;
use crate::sources::{OriginColumns, origin_columns, with_origins};

/// Ids per `IN (...)` list: well under SQLite's limit on bound parameters.
const IDS_PER_QUERY: usize = 500;

/// Every live provider with its public id and provenance, in id order, read in one query (so
/// the two always agree).
pub(crate) fn providers_with_origins(
    conn: &mut DbConnection,
) -> Result<Vec<(Provider, ProviderOrigin)>, StoreError> {
    let rows: Vec<(ProviderRow, OriginColumns)> = providers::table
        .filter(providers::deleted_at.is_null())
        .select((ProviderRow::as_select(), origin_columns()))
        .order(providers::id.asc())
        .load(conn)?;
    with_origins(rows)
}

/// Which of `uuids` a provider already has, deleted ones included (a public id is never given
/// to another record).
pub(crate) fn provider_uuids_held(
    conn: &mut DbConnection,
    uuids: &[Uuid],
) -> Result<HashSet<Uuid>, StoreError> {
    let mut held = HashSet::new();
    for chunk in uuids.chunks(IDS_PER_QUERY) {
        let texts: Vec<String> = chunk.iter().map(Uuid::to_string).collect();
        let found: Vec<Option<String>> = providers::table
            .filter(providers::uuid.eq_any(&texts))
            .select(providers::uuid)
            .load(conn)?;
        held.extend(
            found
                .iter()
                .flatten()
                .filter_map(|text| Uuid::parse_str(text).ok()),
        );
    }
    Ok(held)
}
