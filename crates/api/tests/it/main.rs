//! The HTTP suite: a real server on port 0 over a fresh database (SQLite by default, PostgreSQL
//! when `CAREMATCH_TEST_DATABASE_URL` names one), driven by a real HTTP client.

mod agencies;
mod auth;
mod carers;
mod conformance;
mod duplicates;
mod enquiries;
mod errors;
mod exports;
mod fuzz;
mod gaps;
mod headers;
mod health;
mod history;
mod imports;
mod input;
mod listings;
mod market;
mod matches;
mod openapi;
mod openreferral;
mod operations;
mod outbox;
mod outcome_json;
mod pa;
mod plan_checks;
mod plans;
mod privacy;
mod providers;
mod ratelimit;
mod reports;
mod search;
mod two_servers;
mod vacancies;
mod vocabulary;
