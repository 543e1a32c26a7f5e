-- Issue 20, the PA market report (docs/market.md).
-- A PA's self-declared ethnic group (Census 2021 TS021 code), kept only with their consent:
-- writing `ethnicity_consent = false` clears `ethnicity` in the same row.
ALTER TABLE carers ADD COLUMN ethnicity TEXT;
ALTER TABLE carers ADD COLUMN ethnicity_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- One snapshot of the market report: the unsuppressed counts of every cell the trend needs
-- (JSON, see crates/index/src/market), suppressed only when shown. `period_key` is set on
-- scheduled snapshots to `after:<id of the snapshot it follows>` (`after:0` for the first):
-- two servers that find the same snapshot due race on this unique key and only one row lands.
-- On-demand snapshots leave it NULL (both backends allow many NULLs under UNIQUE).
CREATE TABLE market_snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL,
    taken_by TEXT NOT NULL,
    period_key TEXT UNIQUE,
    pas BIGINT NOT NULL,
    providers BIGINT NOT NULL,
    cells TEXT NOT NULL
);
CREATE INDEX market_snapshots_taken_at ON market_snapshots (taken_at);
