//! HTTP routes, one module per resource; each registers its handlers with `configure`.

pub mod health;
