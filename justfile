# carematch: every routine command. `just` alone lists them.

default:
    @just --list

# Run the server on SQLite (./carematch.db) with the demo fixtures loaded
demo:
    cargo run -- serve --demo

# Run every test on SQLite (the README's test command)
test:
    cargo test --workspace

# Run the store and HTTP suites against the local PostgreSQL
test-postgres:
    bash .ci/postgres-up
    CAREMATCH_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -p carematch-store -p carematch-api -p carematch-web

# Drive the web pages in headless Chromium with axe-core; screenshots land in target/screenshots
test-browser:
    bash .ci/browser

# Run the open-data suite on the real files in ../shared/data
test-open-data:
    CAREMATCH_OPEN_DATA=../shared/data cargo test -p carematch-cli --test open_data

# Everything CI runs
ci:
    bash .ci/run

# Format the code
fmt:
    cargo fmt --all

# Lint as CI does
lint:
    cargo clippy --workspace --all-targets -- -D warnings

# Rewrite openapi/openapi.json from the code
openapi:
    UPDATE_OPENAPI=1 cargo test -p carematch-api --test it -- openapi::committed_spec_matches_the_code --exact

# Apply database migrations
migrate:
    cargo run -- migrate

# Regenerate the demo fixtures from ../shared/data (seed 2026)
fixtures:
    cargo run --release -p carematch-generate --example make_fixtures

# Generate 1,000,000 carers and 50,000 providers into the configured database
generate-national:
    cargo run --release -- generate --seed 1 --carers 1000000 --providers 50000 --postcodes ../shared/data/postcodes/full --load

# Time the generator: 1,000,000 carers to JSON Lines
bench-generate:
    cargo run --release -p carematch-generate --example generate_bench

# Matching and geographic index benchmarks
bench-matching:
    cargo bench -p carematch-index --bench matching

# Text index benchmark
bench-text:
    cargo run --release -p carematch-index --example text_bench

# Engine benchmark over a loaded database (see crates/index/examples/engine_bench.rs)
bench-engine db="sqlite:///tmp/carematch-bench.db":
    cargo run --release -p carematch-index --example engine_bench -- {{db}}

# Time gap maps: one need over every English authority, and every language, with 1,000,000 carers
bench-gaps:
    cargo bench -p carematch-index --bench gaps

# Time `carematch import cqc` on a generated 30,000-location register, ODS and CSV (docs/cqc.md)
bench-cqc:
    bash scripts/bench/cqc-import.sh

# Fuzz the live API against openapi/openapi.json with schemathesis (docs/operations.md)
schemathesis:
    bash .ci/schemathesis

# Load test POST /v1/matches and GET /v1/health with wrk over 1,000,000 carers (docs/operations.md)
loadtest:
    bash scripts/loadtest/run.sh
