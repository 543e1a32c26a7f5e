//! The store's integration tests: one binary, run against the backend named by
//! `CAREMATCH_TEST_DATABASE_URL` (unset: a fresh SQLite file per test; `postgres://...`: a fresh
//! database per test on that server, dropped afterwards).

mod agencies;
mod authorities;
mod bulk;
mod bulk_reads;
mod carers;
mod census;
mod changes;
mod enquiries;
mod gazetteer;
mod history;
mod lifecycle;
mod migrations;
mod moderation;
mod outbox;
mod providers;
mod sessions;
