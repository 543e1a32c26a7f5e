//! The PA market report's stored parts: snapshots of its counts kept over time, and the
//! self-declared ethnic groups it counts (docs/market.md). Snapshots hold unsuppressed counts;
//! suppression happens when a figure is shown, so a change of rule applies to the past too.

use carematch_domain::vocabulary::{Code, Ethnicity};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::backend::{DbConnection, MultiBackend, each_backend};
use crate::codec::{from_naive, to_naive};
use crate::error::StoreError;
use crate::schema::carers;

diesel::table! {
    market_snapshots (id) {
        id -> BigInt,
        taken_at -> Timestamp,
        kind -> Text,
        taken_by -> Text,
        period_key -> Nullable<Text>,
        pas -> BigInt,
        providers -> BigInt,
        cells -> Text,
    }
}

/// How a snapshot came to be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotKind {
    /// By the schedule (every six months by default).
    Scheduled,
    /// Asked for by an admin or commissioner (API or CLI).
    OnDemand,
}

impl SnapshotKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::OnDemand => "on_demand",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [Self::Scheduled, Self::OnDemand]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// A stored snapshot. `cells` is the JSON the report crate wrote; the store does not read it.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketSnapshot {
    pub id: i64,
    pub taken_at: DateTime<Utc>,
    pub kind: SnapshotKind,
    /// Who asked ("schedule" for scheduled ones).
    pub taken_by: String,
    pub pas: u64,
    pub providers: u64,
    pub cells: String,
}

/// A snapshot to write.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMarketSnapshot {
    pub taken_at: DateTime<Utc>,
    pub kind: SnapshotKind,
    pub taken_by: String,
    pub pas: u64,
    pub providers: u64,
    pub cells: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = market_snapshots)]
#[diesel(check_for_backend(MultiBackend))]
struct SnapshotRow {
    id: i64,
    taken_at: NaiveDateTime,
    kind: String,
    taken_by: String,
    pas: i64,
    providers: i64,
    cells: String,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = market_snapshots)]
struct NewSnapshotRow<'a> {
    taken_at: NaiveDateTime,
    kind: &'a str,
    taken_by: &'a str,
    period_key: Option<String>,
    pas: i64,
    providers: i64,
    cells: &'a str,
}

impl TryFrom<SnapshotRow> for MarketSnapshot {
    type Error = StoreError;

    fn try_from(row: SnapshotRow) -> Result<Self, StoreError> {
        let kind = SnapshotKind::parse(&row.kind).ok_or_else(|| {
            StoreError::corrupt("market_snapshots", row.id, format!("kind `{}`", row.kind))
        })?;
        Ok(Self {
            id: row.id,
            taken_at: from_naive(row.taken_at),
            kind,
            taken_by: row.taken_by,
            pas: u64::try_from(row.pas).unwrap_or(0),
            providers: u64::try_from(row.providers).unwrap_or(0),
            cells: row.cells,
        })
    }
}

fn latest(conn: &mut DbConnection) -> Result<Option<(i64, NaiveDateTime)>, StoreError> {
    Ok(market_snapshots::table
        .order((
            market_snapshots::taken_at.desc(),
            market_snapshots::id.desc(),
        ))
        .select((market_snapshots::id, market_snapshots::taken_at))
        .first(conn)
        .optional()?)
}

fn insert(
    conn: &mut DbConnection,
    new: &NewMarketSnapshot,
    period_key: Option<String>,
) -> Result<Option<i64>, StoreError> {
    let row = NewSnapshotRow {
        taken_at: to_naive(new.taken_at),
        kind: new.kind.code(),
        taken_by: &new.taken_by,
        period_key,
        pas: i64::try_from(new.pas).unwrap_or(i64::MAX),
        providers: i64::try_from(new.providers).unwrap_or(i64::MAX),
        cells: &new.cells,
    };
    // A scheduled snapshot whose period another server already filled inserts nothing.
    let id = each_backend!(conn, |c| diesel::insert_into(market_snapshots::table)
        .values(&row)
        .on_conflict_do_nothing()
        .returning(market_snapshots::id)
        .get_result::<i64>(c)
        .optional())?;
    Ok(id)
}

/// Whether a scheduled snapshot is due at `now`: none yet, or the latest (of any kind) is at
/// least `every` old. Returns the period key a scheduled snapshot would take.
fn due(
    conn: &mut DbConnection,
    now: DateTime<Utc>,
    every: Duration,
) -> Result<Option<String>, StoreError> {
    Ok(match latest(conn)? {
        None => Some("after:0".to_owned()),
        Some((id, at)) if from_naive(at) + every <= now => Some(format!("after:{id}")),
        Some(_) => None,
    })
}

impl crate::Store {
    /// Stores an on-demand snapshot.
    pub fn insert_market_snapshot(
        &self,
        new: &NewMarketSnapshot,
    ) -> Result<MarketSnapshot, StoreError> {
        self.write(|conn| {
            let id = insert(conn, new, None)?.ok_or_else(|| {
                StoreError::corrupt("market_snapshots", 0, "insert returned no row")
            })?;
            load(conn, id)
        })
    }

    /// Whether a scheduled snapshot is due at `now` (see [`Self::insert_scheduled_snapshot`]).
    pub fn market_snapshot_due(
        &self,
        now: DateTime<Utc>,
        every: Duration,
    ) -> Result<bool, StoreError> {
        self.read(|conn| Ok(due(conn, now, every)?.is_some()))
    }

    /// Stores a scheduled snapshot if one is still due, deciding from the database alone: the
    /// check and the insert share one writing transaction (serialised across processes), and
    /// the period key is unique, so several servers never store two for one period. `None`
    /// when none was due (another process took it first).
    pub fn insert_scheduled_snapshot(
        &self,
        new: &NewMarketSnapshot,
        every: Duration,
    ) -> Result<Option<MarketSnapshot>, StoreError> {
        self.write(|conn| {
            let Some(key) = due(conn, new.taken_at, every)? else {
                return Ok(None);
            };
            match insert(conn, new, Some(key))? {
                Some(id) => load(conn, id).map(Some),
                None => Ok(None),
            }
        })
    }

    /// The latest `limit` snapshots, newest first, with their cells.
    pub fn market_snapshots(&self, limit: usize) -> Result<Vec<MarketSnapshot>, StoreError> {
        self.read(|conn| {
            let rows: Vec<SnapshotRow> = market_snapshots::table
                .order((
                    market_snapshots::taken_at.desc(),
                    market_snapshots::id.desc(),
                ))
                .limit(i64::try_from(limit).unwrap_or(i64::MAX))
                .select(SnapshotRow::as_select())
                .load(conn)?;
            rows.into_iter().map(MarketSnapshot::try_from).collect()
        })
    }

    /// Every live PA's self-declared ethnic group, by carer id: only those recorded (which
    /// implies consent). For counting; never shown per person.
    pub fn carer_ethnicities(&self) -> Result<Vec<(i64, Ethnicity)>, StoreError> {
        self.read(|conn| {
            let rows: Vec<(i64, Option<String>)> = carers::table
                .filter(carers::deleted_at.is_null())
                .filter(carers::ethnicity_consent.eq(true))
                .filter(carers::ethnicity.is_not_null())
                .select((carers::id, carers::ethnicity))
                .load(conn)?;
            Ok(rows
                .into_iter()
                .filter_map(|(id, code)| Some((id, Ethnicity::parse(code.as_deref()?).ok()?)))
                .collect())
        })
    }
}

fn load(conn: &mut DbConnection, id: i64) -> Result<MarketSnapshot, StoreError> {
    market_snapshots::table
        .find(id)
        .select(SnapshotRow::as_select())
        .first(conn)?
        .try_into()
}
