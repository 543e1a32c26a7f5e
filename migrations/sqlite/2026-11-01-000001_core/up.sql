-- Agencies, API keys, carers, providers and the change log (SQLite).
-- Timestamps are UTC, stored by diesel as TEXT `YYYY-MM-DD HH:MM:SS.ffffff`; dates as TEXT `YYYY-MM-DD`.
-- Code lists are comma-separated codes; structured values are JSON text.

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    agency_id BIGINT REFERENCES agencies (id),
    label TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX api_keys_agency_id ON api_keys (agency_id);

CREATE TABLE carers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    gender TEXT NOT NULL,
    languages TEXT NOT NULL,
    cuisines TEXT NOT NULL,
    dietary_laws TEXT NOT NULL,
    faith TEXT,
    faith_practices TEXT NOT NULL,
    services TEXT NOT NULL,
    experience TEXT NOT NULL,
    checks TEXT NOT NULL,
    availability TEXT NOT NULL,
    hours_per_week BIGINT NOT NULL,
    available_from DATE NOT NULL,
    postcode TEXT NOT NULL,
    -- derived from the normalised postcode (`LE1 5WW` -> `LE1`), so it can never disagree with it
    outward_code TEXT GENERATED ALWAYS AS (substr(postcode, 1, length(postcode) - 4)) STORED,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    travel_radius_km DOUBLE NOT NULL,
    travel_mode TEXT NOT NULL,
    hourly_rate_pence BIGINT NOT NULL,
    employment_status TEXT NOT NULL,
    public_listing_consent BOOLEAN NOT NULL,
    last_confirmed_on DATE NOT NULL,
    bio TEXT NOT NULL,
    contact TEXT NOT NULL,
    external_ref TEXT,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX carers_agency_id ON carers (agency_id) WHERE deleted_at IS NULL;
CREATE INDEX carers_outward_code ON carers (outward_code) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX carers_agency_external_ref ON carers (agency_id, external_ref)
    WHERE external_ref IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE providers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id BIGINT REFERENCES agencies (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    communities TEXT NOT NULL,
    staff_languages TEXT NOT NULL,
    cuisines TEXT NOT NULL,
    dietary_laws TEXT NOT NULL,
    faith_practices TEXT NOT NULL,
    services TEXT NOT NULL,
    experience TEXT NOT NULL,
    postcode TEXT NOT NULL,
    outward_code TEXT GENERATED ALWAYS AS (substr(postcode, 1, length(postcode) - 4)) STORED,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    service_area TEXT NOT NULL,
    accepting_new_clients BOOLEAN NOT NULL,
    accepting_confirmed_on DATE NOT NULL,
    checks TEXT NOT NULL,
    contact TEXT NOT NULL,
    self_referral BOOLEAN NOT NULL,
    hourly_rate_pence BIGINT,
    opening_hours TEXT NOT NULL,
    last_confirmed_on DATE NOT NULL,
    external_ref TEXT,
    version BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX providers_agency_id ON providers (agency_id) WHERE deleted_at IS NULL;
CREATE INDEX providers_outward_code ON providers (outward_code) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX providers_agency_external_ref ON providers (agency_id, external_ref)
    WHERE external_ref IS NOT NULL AND deleted_at IS NULL;

-- One row per write to a carer or provider, in commit order; followers read `seq > last`.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    op TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
