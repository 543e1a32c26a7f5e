DROP TABLE market_snapshots;
ALTER TABLE carers DROP COLUMN ethnicity_consent;
ALTER TABLE carers DROP COLUMN ethnicity;
