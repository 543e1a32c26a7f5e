//! The change log: one row per write to a carer or provider, appended in the writing
//! transaction, read by followers (index builders, other `serve` processes) with `seq > last`.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::{DbConnection, each_backend};
use crate::codec::{from_naive, to_naive};
use crate::error::StoreError;
use crate::schema::changes;

/// Rows per multi-row INSERT into `changes` (4 columns).
const BATCH_ROWS: usize = 2000;

/// What kind of record changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Carer,
    Provider,
}

/// What happened to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeOp {
    /// Created or updated: read the record again.
    Upsert,
    /// Soft-deleted: drop it from indexes.
    Delete,
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Strictly increasing, in commit order.
    pub seq: i64,
    pub entity: Entity,
    pub entity_id: i64,
    pub op: ChangeOp,
    pub at: DateTime<Utc>,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Entity::Carer => "carer",
            Entity::Provider => "provider",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        match code {
            "carer" => Some(Entity::Carer),
            "provider" => Some(Entity::Provider),
            _ => None,
        }
    }
}

impl ChangeOp {
    pub fn code(self) -> &'static str {
        match self {
            ChangeOp::Upsert => "upsert",
            ChangeOp::Delete => "delete",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        match code {
            "upsert" => Some(ChangeOp::Upsert),
            "delete" => Some(ChangeOp::Delete),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = changes)]
#[diesel(check_for_backend(crate::backend::MultiBackend))]
pub struct ChangeRow {
    pub seq: i64,
    pub entity: String,
    pub entity_id: i64,
    pub op: String,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = changes)]
pub struct NewChangeRow<'a> {
    pub entity: &'a str,
    pub entity_id: i64,
    pub op: &'a str,
    pub at: NaiveDateTime,
}

impl TryFrom<ChangeRow> for Change {
    type Error = StoreError;

    fn try_from(row: ChangeRow) -> Result<Self, StoreError> {
        let corrupt = |reason: String| StoreError::corrupt("changes", row.seq, reason);
        Ok(Change {
            seq: row.seq,
            entity: Entity::parse(&row.entity)
                .ok_or_else(|| corrupt(format!("unknown entity `{}`", row.entity)))?,
            entity_id: row.entity_id,
            op: ChangeOp::parse(&row.op)
                .ok_or_else(|| corrupt(format!("unknown op `{}`", row.op)))?,
            at: from_naive(row.at),
        })
    }
}

/// Appends one change per id, in the caller's (writing) transaction.
pub(crate) fn append(
    conn: &mut DbConnection,
    entity: Entity,
    ids: &[i64],
    op: ChangeOp,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in ids.chunks(BATCH_ROWS) {
        let rows: Vec<NewChangeRow<'_>> = chunk
            .iter()
            .map(|id| NewChangeRow {
                entity: entity.code(),
                entity_id: *id,
                op: op.code(),
                at: to_naive(at),
            })
            .collect();
        each_backend!(conn, |c| diesel::insert_into(changes::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

pub(crate) fn since(
    conn: &mut DbConnection,
    after_seq: i64,
    limit: u32,
) -> Result<Vec<Change>, StoreError> {
    let rows: Vec<ChangeRow> = changes::table
        .filter(changes::seq.gt(after_seq))
        .order(changes::seq.asc())
        .limit(i64::from(limit))
        .select(ChangeRow::as_select())
        .load(conn)?;
    rows.into_iter().map(Change::try_from).collect()
}

pub(crate) fn latest(conn: &mut DbConnection) -> Result<i64, StoreError> {
    let max: Option<i64> = changes::table
        .select(diesel::dsl::max(changes::seq))
        .get_result(conn)?;
    Ok(max.unwrap_or(0))
}
