//! `record_history`: one row per change to a carer or provider, written in the transaction of
//! the change itself, so the history never claims a change that was rolled back (or misses one
//! that was committed). Rows name fields, never values.

use carematch_domain::{Actor, ActorKind, HistoryEntry, HistoryOp};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::backend::{DbConnection, each_backend};
use crate::changes::Entity;
use crate::codec::{from_naive, to_naive};
use crate::error::StoreError;
use crate::schema::record_history;
use crate::{Page, Paged};

/// Rows per multi-row INSERT (8 columns), within both backends' bound-parameter limits.
const BATCH_ROWS: usize = 2000;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = record_history)]
#[diesel(check_for_backend(crate::backend::MultiBackend))]
struct HistoryRow {
    id: i64,
    op: String,
    fields: String,
    actor_kind: String,
    actor_id: Option<i64>,
    actor_label: String,
    at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = record_history)]
struct NewHistoryRow<'a> {
    entity: &'a str,
    entity_id: i64,
    op: &'a str,
    fields: &'a str,
    actor_kind: &'a str,
    actor_id: Option<i64>,
    actor_label: &'a str,
    at: NaiveDateTime,
}

/// Names of the top-level fields that differ between the serialised forms of `old` and `new`
/// (every field of `new` when there is no `old`). One generic function for carers and
/// providers, so a field added to either is tracked without a list to keep up to date.
pub(crate) fn changed_fields<T: Serialize>(old: Option<&T>, new: &T) -> Vec<String> {
    let as_map = |value: &T| match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => map,
        // Details are structs and serialise to objects; anything else has no named fields.
        _ => serde_json::Map::new(),
    };
    let new = as_map(new);
    let Some(old) = old.map(as_map) else {
        return new.keys().cloned().collect();
    };
    let mut fields: Vec<String> = new
        .iter()
        .filter(|(key, value)| old.get(*key) != Some(*value))
        .map(|(key, _)| key.clone())
        .collect();
    fields.extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
    fields
}

/// Records one change per `(id, fields)` pair, in multi-row batches, in the caller's
/// transaction.
pub(crate) fn record(
    conn: &mut DbConnection,
    entity: Entity,
    changes: &[(i64, String)],
    op: HistoryOp,
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in changes.chunks(BATCH_ROWS) {
        let rows: Vec<NewHistoryRow<'_>> = chunk
            .iter()
            .map(|(id, fields)| NewHistoryRow {
                entity: entity.code(),
                entity_id: *id,
                op: op.code(),
                fields,
                actor_kind: actor.kind.code(),
                actor_id: actor.id,
                actor_label: &actor.label,
                at: to_naive(at),
            })
            .collect();
        each_backend!(conn, |c| diesel::insert_into(record_history::table)
            .values(&rows)
            .execute(c))?;
    }
    Ok(())
}

/// Records one change to one record.
pub(crate) fn record_one(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    op: HistoryOp,
    fields: &[String],
    actor: &Actor,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    record(conn, entity, &[(id, fields.join(","))], op, actor, at)
}

/// One record's history, newest first.
pub(crate) fn list(
    conn: &mut DbConnection,
    entity: Entity,
    id: i64,
    page: Page,
) -> Result<Paged<HistoryEntry>, StoreError> {
    let of_record = || {
        record_history::table
            .filter(record_history::entity.eq(entity.code()))
            .filter(record_history::entity_id.eq(id))
    };
    let total: i64 = of_record().count().get_result(conn)?;
    let rows: Vec<HistoryRow> = of_record()
        .order(record_history::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(HistoryRow::as_select())
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|row| {
            let corrupt = |what: &str, code: &str| {
                StoreError::corrupt("record_history", row.id, format!("unknown {what} `{code}`"))
            };
            Ok(HistoryEntry {
                id: row.id,
                op: HistoryOp::parse(&row.op).ok_or_else(|| corrupt("op", &row.op))?,
                fields: row
                    .fields
                    .split(',')
                    .filter(|f| !f.is_empty())
                    .map(str::to_owned)
                    .collect(),
                actor_kind: ActorKind::parse(&row.actor_kind)
                    .ok_or_else(|| corrupt("actor kind", &row.actor_kind))?,
                actor_id: row.actor_id,
                actor_label: row.actor_label,
                at: from_naive(row.at),
            })
        })
        .collect::<Result<_, StoreError>>()?;
    Ok(Paged {
        items,
        total: u64::try_from(total).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Thing {
        a: u8,
        b: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        c: Option<u8>,
    }

    #[test]
    fn names_only_the_fields_that_changed() {
        let old = Thing {
            a: 1,
            b: "x",
            c: Some(3),
        };
        let new = Thing {
            a: 1,
            b: "y",
            c: None,
        };
        assert_eq!(changed_fields(Some(&old), &new), vec!["b", "c"]);
        assert!(changed_fields(Some(&old), &old).is_empty());
        assert_eq!(changed_fields(None, &new), vec!["a", "b"]);
    }
}
