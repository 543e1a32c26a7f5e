//! The service layer's own tests, on SQLite, or on PostgreSQL when
//! `CAREMATCH_TEST_DATABASE_URL=postgres://...` is set. The engines here have no follower: what a
//! write shows at once it shows because the service caught the indexes up.

mod cqc;
mod local_search;
mod reads;
mod support;
mod vacancies;
mod writes;
