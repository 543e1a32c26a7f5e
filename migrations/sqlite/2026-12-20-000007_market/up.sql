-- Issue 16: agencies as organisations with public contact details, enquiries from the public
-- to the agency that holds a record, vacancies (plans opened for filling), and the outbox of
-- e-mail notifications written in the same transaction as the change they report.
-- Personal data (enquirers' names and contact details, messages, notes) live only in
-- `enquiries`, `enquiry_events` and `outbox`; the retention job deletes them (docs/api.md).

ALTER TABLE agencies ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN website TEXT NOT NULL DEFAULT '';
-- JSON: [{"day": "mon", "start": "09:00", "end": "17:00"}, ...]
ALTER TABLE agencies ADD COLUMN office_hours TEXT NOT NULL DEFAULT '[]';
-- ISO 639-3 codes, comma-separated
ALTER TABLE agencies ADD COLUMN staff_languages TEXT NOT NULL DEFAULT '';
-- local authority (GSS) codes, comma-separated
ALTER TABLE agencies ADD COLUMN areas TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD COLUMN updated_at TIMESTAMP;

-- One e-mail to send. `message_id` is the RFC 5322 Message-ID the sender puts on it, fixed when
-- the row is written, so that a message resent after a crash is recognisably the same message.
-- status: pending -> sent, or pending -> failed after the last attempt.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    agency_id BIGINT REFERENCES agencies (id),
    enquiry_id BIGINT,
    vacancy_id BIGINT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    claimed_by TEXT,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_agency_id ON outbox (agency_id, id);
CREATE INDEX outbox_enquiry_id ON outbox (enquiry_id);
CREATE INDEX outbox_vacancy_id ON outbox (vacancy_id);

-- An enquiry from a member of the public to one agency (a shortlist spanning three agencies
-- makes three, sharing `batch`). `access_hash` is the SHA-256 of the token in the person's
-- private status link. `items`: JSON [{"kind": "carer"|"provider", "id": 1}]. `needs`: JSON
-- codes of what was searched for (languages, diets, services), kept for time-to-fill figures.
-- status: new -> contacted -> introduced -> closed (close_reason), or withdrawn by the person.
CREATE TABLE enquiries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    access_hash TEXT NOT NULL,
    batch TEXT NOT NULL,
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    callback_language TEXT,
    contact_by TEXT NOT NULL,
    items TEXT NOT NULL,
    message TEXT NOT NULL,
    needs TEXT NOT NULL,
    outward_code TEXT,
    authority_code TEXT,
    locale TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    status TEXT NOT NULL,
    close_reason TEXT,
    consent_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    contacted_at TIMESTAMP,
    introduced_at TIMESTAMP,
    closed_at TIMESTAMP
);
CREATE INDEX enquiries_agency_id ON enquiries (agency_id, status, id);
CREATE INDEX enquiries_dedupe_key ON enquiries (dedupe_key, created_at);
CREATE INDEX enquiries_closed_at ON enquiries (closed_at);
CREATE INDEX enquiries_batch ON enquiries (batch);

-- Who did what when to an enquiry: a status change (with its reason) or a note.
CREATE TABLE enquiry_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    enquiry_id BIGINT NOT NULL REFERENCES enquiries (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    status TEXT,
    close_reason TEXT,
    note TEXT
);
CREATE INDEX enquiry_events_enquiry_id ON enquiry_events (enquiry_id, id);

-- A plan opened for filling: by an agency for its client (from a saved plan), or posted by a
-- person from the find page (only the outward code and the needs, no name; `access_hash` is
-- the SHA-256 of their private link's token). `plan` is the SupportPlan JSON matched against;
-- lat/lon are the outward code's centroid for a public post.
-- status: open -> introduced -> filled, or withdrawn.
CREATE TABLE vacancies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    access_hash TEXT,
    agency_id BIGINT REFERENCES agencies (id),
    saved_plan_id BIGINT,
    plan TEXT NOT NULL,
    outward_code TEXT NOT NULL,
    lat DOUBLE NOT NULL,
    lon DOUBLE NOT NULL,
    authority_code TEXT,
    needs TEXT NOT NULL,
    urgent BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    close_reason TEXT,
    opened_at TIMESTAMP NOT NULL,
    introduced_at TIMESTAMP,
    filled_at TIMESTAMP,
    withdrawn_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX vacancies_status ON vacancies (status, urgent, opened_at);
CREATE INDEX vacancies_agency_id ON vacancies (agency_id, status);

CREATE TABLE vacancy_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy_id BIGINT NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    status TEXT,
    note TEXT
);
CREATE INDEX vacancy_events_vacancy_id ON vacancy_events (vacancy_id, id);

-- A PA put forward for a vacancy by the agency that holds them.
CREATE TABLE vacancy_proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    vacancy_id BIGINT NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    agency_id BIGINT NOT NULL REFERENCES agencies (id),
    carer_id BIGINT NOT NULL REFERENCES carers (id),
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX vacancy_proposals_vacancy_carer ON vacancy_proposals (vacancy_id, carer_id);
CREATE INDEX vacancy_proposals_agency_id ON vacancy_proposals (agency_id);
