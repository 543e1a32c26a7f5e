//! The web pages over real HTTP (port 0) on a temporary database seeded with the demo fixtures:
//! SQLite by default, PostgreSQL when `CAREMATCH_TEST_DATABASE_URL` names a server.

mod accounts;
mod agency;
mod agency_edit;
mod agency_profile;
mod commissioner;
mod csrf;
mod english_left;
mod enquiries;
mod find;
mod freshness;
mod help;
mod helpers;
mod market;
mod moderation;
mod organisation;
mod outbox;
mod pa;
mod profile;
mod reasons_gender;
mod reports;
mod shortlist;
mod vacancies;
