DROP TABLE provider_duplicates;
DROP INDEX providers_source;
DROP INDEX providers_uuid;
ALTER TABLE providers DROP COLUMN fetched_at;
ALTER TABLE providers DROP COLUMN source_id;
ALTER TABLE providers DROP COLUMN source_feed;
ALTER TABLE providers DROP COLUMN source_kind;
ALTER TABLE providers DROP COLUMN uuid;
