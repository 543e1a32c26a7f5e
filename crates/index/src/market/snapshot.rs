//! What a stored snapshot holds (`market_snapshots.cells`, JSON) and how a past table is read
//! back from it, suppressed by the same rule as today's.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Dimension;
use super::suppress::{Shown, suppress};

/// One stored row: the codes of its dimensions, PAs, providers.
pub type SnapshotRow = (Vec<String>, u64, u64);

/// A past table read back: (PAs shown, providers) by the codes of its dimensions.
pub type PastTable = HashMap<Vec<String>, (Shown, u64)>;

/// The format of [`SnapshotCells`]; a snapshot of another version has no readable tables.
pub const CELLS_VERSION: u32 = 1;

/// Unsuppressed counts by table: `views["authority,language"]` holds
/// `(["E06000016", "pol"], pas, providers)` rows; the table of no dimension (`""`) holds the
/// total. Dimension names are in [`Dimension::ALL`] order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotCells {
    pub version: u32,
    pub views: BTreeMap<String, Vec<SnapshotRow>>,
}

/// A snapshot read back from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSnapshot {
    pub id: i64,
    pub taken_at: DateTime<Utc>,
    pub cells: SnapshotCells,
}

pub(crate) fn view_name(dims: &[Dimension]) -> String {
    let mut sorted = dims.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
        .iter()
        .map(|d| d.code())
        .collect::<Vec<_>>()
        .join(",")
}

impl SnapshotCells {
    pub fn new(views: BTreeMap<String, Vec<SnapshotRow>>) -> Self {
        Self {
            version: CELLS_VERSION,
            views,
        }
    }

    /// (PAs, providers) in total.
    pub fn totals(&self) -> (u64, u64) {
        self.views
            .get("")
            .and_then(|rows| rows.first())
            .map_or((0, 0), |(_, pas, providers)| (*pas, *providers))
    }

    fn stored(
        &self,
        dims: &[Dimension],
        filters: &[(Dimension, String)],
    ) -> Option<(Vec<Dimension>, &[SnapshotRow])> {
        if self.version != CELLS_VERSION {
            return None;
        }
        let mut all: Vec<Dimension> = dims
            .iter()
            .copied()
            .chain(filters.iter().map(|f| f.0))
            .collect();
        all.sort_unstable();
        all.dedup();
        let rows = self.views.get(&view_name(&all))?;
        Some((all, rows.as_slice()))
    }

    /// Whether this snapshot holds the table of `dims` under `filters` (at most two
    /// dimensions between them).
    pub fn has_view(&self, dims: &[Dimension], filters: &[(Dimension, String)]) -> bool {
        self.stored(dims, filters).is_some()
    }

    /// The table of `dims` (codes in `dims` order) under `filters`, suppressed as today's:
    /// empty when the snapshot does not hold it.
    pub fn view(&self, dims: &[Dimension], filters: &[(Dimension, String)]) -> PastTable {
        let Some((stored_dims, rows)) = self.stored(dims, filters) else {
            return HashMap::new();
        };
        let position = |d: Dimension| stored_dims.iter().position(|s| *s == d);
        let wanted: Vec<Option<usize>> = dims.iter().map(|d| position(*d)).collect();
        let checks: Vec<(Option<usize>, &str)> = filters
            .iter()
            .map(|(d, v)| (position(*d), v.as_str()))
            .collect();
        let mut codes: Vec<Vec<String>> = Vec::new();
        let mut pas = Vec::new();
        let mut providers = Vec::new();
        for (key, p, prov) in rows {
            if checks
                .iter()
                .any(|(i, v)| i.and_then(|i| key.get(i)).map(String::as_str) != Some(*v))
            {
                continue;
            }
            codes.push(
                wanted
                    .iter()
                    .map(|i| i.and_then(|i| key.get(i)).cloned().unwrap_or_default())
                    .collect(),
            );
            pas.push(*p);
            providers.push(*prov);
        }
        // Suppression works on small integers: number each dimension's codes.
        let mut numbers: Vec<HashMap<&str, u32>> = vec![HashMap::new(); dims.len()];
        let keys: Vec<Vec<u32>> = codes
            .iter()
            .map(|key| {
                key.iter()
                    .zip(numbers.iter_mut())
                    .map(|(code, n)| {
                        let next = u32::try_from(n.len()).unwrap_or(u32::MAX);
                        *n.entry(code.as_str()).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let shown = suppress(&keys, &pas);
        codes
            .into_iter()
            .zip(shown)
            .zip(providers)
            .map(|((key, s), prov)| (key, (s, prov)))
            .collect()
    }
}
