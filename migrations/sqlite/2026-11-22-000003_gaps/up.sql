-- Gap maps (SQLite): local authorities (mySociety), their boundaries (ONS), Census 2021 counts by
-- authority (Nomis bulk TS024/TS030), and support plans saved by agencies as demand.
CREATE TABLE local_authorities (
    gss TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    region TEXT,
    nation TEXT,
    lat DOUBLE,
    lon DOUBLE,
    -- GSS code of the successor (merged in 2019-2023, or renumbered); NULL when current.
    replaced_by TEXT,
    population BIGINT
);

CREATE TABLE authority_boundaries (
    gss TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    -- A GeoJSON Polygon or MultiPolygon geometry, [lon, lat] in EPSG:4326.
    geojson TEXT NOT NULL
);

-- Counts as published, under the census's own (2022) codes; roll-up to current authorities
-- happens when they are read.
CREATE TABLE census_counts (
    gss TEXT NOT NULL,
    census_table TEXT NOT NULL,
    category TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (gss, census_table, category)
);

-- Only what matching needs: the plan JSON (no names), its resolved location and who saved it.
CREATE TABLE saved_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    plan TEXT NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX saved_plans_agency_id ON saved_plans (agency_id);
