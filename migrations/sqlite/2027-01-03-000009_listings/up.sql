-- Issue 18: listings that stay true. Community organisations and PAs list themselves, every
-- change they propose waits for a moderator (or, for a PA's registration, their agency), every
-- carer and provider keeps an edit history, records carry their freshness, and the public can
-- report a problem with a listing (docs/listings.md).

-- A community organisation's account: a luncheon club, micro-provider, faith group or charity.
-- Its contact e-mail (lower case) is confirmed by a link before it can submit anything.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    -- the UI language its e-mails are written in
    locale TEXT NOT NULL DEFAULT 'en',
    email_confirmed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);

-- (SQLite cannot drop a column used in a foreign key, so the added columns below name their
-- table in this comment only: organisations, carers.)
-- Keys of the new roles: an organisation key names its organisation, a PA key its own carer
-- record (and, through agency_id, the agency vetting it). `email` is where an account's
-- e-mails go (sign-in links, moderation decisions); moderators' keys carry one too.
ALTER TABLE api_keys ADD COLUMN organisation_id BIGINT;
ALTER TABLE api_keys ADD COLUMN carer_id BIGINT;
ALTER TABLE api_keys ADD COLUMN email TEXT;

-- One-time links e-mailed to an account: `confirm` (a new account's e-mail) or `sign_in`.
-- Only a hash of the token is kept; a link works once, until it expires.
CREATE TABLE sign_in_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    api_key_id BIGINT NOT NULL REFERENCES api_keys (id),
    purpose TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

-- Vetting (a PA's own registration waits for their agency: approved | pending | rejected),
-- who last confirmed the record, when the freshness sweep hid it and when it last reminded.
ALTER TABLE carers ADD COLUMN vetting TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE carers ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE carers ADD COLUMN stale_since DATE;
ALTER TABLE carers ADD COLUMN reminded_on DATE;
-- The organisation that manages a provider (after its proposal or claim was approved).
ALTER TABLE providers ADD COLUMN organisation_id BIGINT;
ALTER TABLE providers ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN stale_since DATE;
ALTER TABLE providers ADD COLUMN reminded_on DATE;
CREATE INDEX providers_organisation ON providers (organisation_id);

-- The moderation queue. kind: propose_provider | claim_provider | edit_provider | edit_carer;
-- status: pending -> approved | rejected (with a reason). `payload` is the JSON of what was
-- proposed (the provider's details; for a PA's edit, the carer's details); nothing in it is
-- public before approval.
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations (id),
    carer_id BIGINT REFERENCES carers (id),
    provider_id BIGINT REFERENCES providers (id),
    submitted_by BIGINT NOT NULL REFERENCES api_keys (id),
    payload TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reason TEXT,
    decided_by BIGINT REFERENCES api_keys (id),
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP
);
CREATE INDEX submissions_status ON submissions (status, created_at);

-- Who changed which fields of a carer or provider, and when. entity: carer | provider;
-- op: create | update | delete | restore | confirm | vet; fields: comma-separated field names
-- (never values, so a carer's faith or health facts never land here);
-- actor_kind: agency | organisation | moderator | pa | admin | import | system.
CREATE TABLE record_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id BIGINT,
    actor_label TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX record_history_entity ON record_history (entity, entity_id, id);

-- "Something wrong here?" from the public. kind: closed | moved | wrong_language |
-- not_taking_clients | safeguarding | other; status: open -> acknowledged -> resolved |
-- dismissed. The managing agency or organisation is copied at the time of the report.
-- `fingerprint` (a hash of the record, kind and message) suppresses duplicates.
CREATE TABLE problem_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    contact TEXT,
    status TEXT NOT NULL,
    agency_id BIGINT REFERENCES agencies (id),
    organisation_id BIGINT REFERENCES organisations (id),
    fingerprint TEXT NOT NULL,
    resolution TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX problem_reports_status ON problem_reports (status, created_at);
CREATE INDEX problem_reports_fingerprint ON problem_reports (fingerprint, created_at);
