//! The web pages over real HTTP (port 0) on a temporary database seeded with the demo fixtures:
//! SQLite by default, PostgreSQL when `CAREMATCH_TEST_DATABASE_URL` names a server.

mod agency;
mod commissioner;
mod csrf;
mod find;
mod helpers;
mod shortlist;
