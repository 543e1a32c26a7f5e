//! The HTTP suite: a real server on port 0 over a fresh database (SQLite by default, PostgreSQL
//! when `CAREMATCH_TEST_DATABASE_URL` names one), driven by a real HTTP client.

mod health;
mod helpers;
mod openapi;
mod operations;
mod ratelimit;
