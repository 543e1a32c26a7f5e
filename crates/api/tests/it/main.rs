//! The HTTP suite: a real server on port 0 over a fresh database (SQLite by default, PostgreSQL
//! when `CAREMATCH_TEST_DATABASE_URL` names one), driven by a real HTTP client.

mod auth;
mod carers;
mod conformance;
mod errors;
mod fuzz;
mod gaps;
mod headers;
mod health;
mod imports;
mod input;
mod matches;
mod openapi;
mod operations;
mod plan_checks;
mod plans;
mod privacy;
mod providers;
mod ratelimit;
mod search;
mod two_servers;
mod vocabulary;
