-- Browser sessions of the agency console and the commissioner map (carematch-web): a random
-- token in an HttpOnly cookie, stored here only as its SHA-256, tied to the API key used to sign
-- in, so that revoking the key ends its sessions too.
CREATE TABLE web_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    api_key_id BIGINT NOT NULL REFERENCES api_keys (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);
