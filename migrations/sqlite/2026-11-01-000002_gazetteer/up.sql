-- Postcode centroids (ONS NSPL), and sector and district centroids computed from them (SQLite).
CREATE TABLE postcodes (
    postcode TEXT PRIMARY KEY NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    terminated BOOLEAN NOT NULL
);

CREATE TABLE postcode_sectors (
    code TEXT PRIMARY KEY NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    n_postcodes BIGINT NOT NULL
);

CREATE TABLE postcode_districts (
    code TEXT PRIMARY KEY NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    n_postcodes BIGINT NOT NULL
);
