-- Issue 17: open data in and out. Every provider gets a stable public UUID (the Open Referral
-- id of its service; kept across restarts, exports and re-imports) and, when it came from an
-- outside source (an Open Referral feed, the CQC register), its provenance: which source, the
-- record's id there and when it was last fetched. Hand-made records have no source and no
-- import ever touches them.

-- Filled for existing rows by `Store::migrate` (deterministic where the record has a stable
-- key, see carematch_domain::provenance), so nullable here; never null after migrate.
ALTER TABLE providers ADD COLUMN uuid TEXT;
-- 'openreferral' | 'cqc' | NULL (made by hand, over the API or from carematch's own files)
ALTER TABLE providers ADD COLUMN source_kind TEXT;
-- the feed's URL (or file name) for Open Referral; 'cqc' for the register
ALTER TABLE providers ADD COLUMN source_feed TEXT;
-- the record's id in its source (an Open Referral service id, a CQC location id)
ALTER TABLE providers ADD COLUMN source_id TEXT;
ALTER TABLE providers ADD COLUMN fetched_at TIMESTAMP;
CREATE UNIQUE INDEX providers_uuid ON providers (uuid);
CREATE UNIQUE INDEX providers_source ON providers (source_feed, source_id)
    WHERE source_id IS NOT NULL AND deleted_at IS NULL;

-- A likely duplicate found by an import: the imported provider and a record already held that
-- look the same (name, postcode, phone). Never merged automatically; a person decides.
-- status: open -> distinct | merged
CREATE TABLE provider_duplicates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    candidate_id BIGINT NOT NULL REFERENCES providers (id),
    -- 0..1, how alike the two look
    similarity DOUBLE NOT NULL,
    -- JSON list of what matched: ["name", "postcode", "phone"]
    reasons TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP
);
CREATE UNIQUE INDEX provider_duplicates_pair ON provider_duplicates (provider_id, candidate_id);
