#!/usr/bin/env bash
# Writes under load (issue 21, items 3 and 4), on SQLite and on PostgreSQL:
#  - crates/service/examples/import_bench.rs: a 50,000-row import into a database of 100,000 PAs
#    (commit -> visible in search and matching, commit -> answer, the longest single create
#    meanwhile) and 1-row imports for agencies of 10 and 100,000 PAs;
#  - crates/service/examples/load_bench.rs: 4 writers + 16 readers for 60 s, p50/p99/max of
#    writes, searches and matches, and a count at the end (nothing lost).
# In process (store + engine + service, no HTTP). Each run starts from a fresh database.
#
#   bash scripts/loadtest/writes.sh
#
# Environment (all optional): PG_URL (default postgres://postgres@127.0.0.1:5432), SECONDS_LOAD
# (default 60), EXISTING (default 100000), IMPORT (default 50000), WORK (default target/writes).
set -euo pipefail
cd "$(dirname "$0")/../.."
pg=${PG_URL:-postgres://postgres@127.0.0.1:5432}
work=${WORK:-target/writes}
seconds=${SECONDS_LOAD:-60}
existing=${EXISTING:-100000}
import=${IMPORT:-50000}
mkdir -p "$work"
cargo build --release -p carematch-service --example import_bench --example load_bench
bin=target/release/examples

fresh_pg() {
  psql "$pg/postgres" -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

echo "== SQLite: import"
rm -f "$work"/import.db*
"$bin/import_bench" "sqlite://$PWD/$work/import.db" --existing "$existing" --import "$import"
echo "== PostgreSQL: import"
fresh_pg carematch_writes_import
"$bin/import_bench" "$pg/carematch_writes_import" --existing "$existing" --import "$import"
echo "== SQLite: 4 writers + 16 readers"
rm -f "$work"/load.db*
"$bin/load_bench" "sqlite://$PWD/$work/load.db" --existing "$existing" --seconds "$seconds"
echo "== PostgreSQL: 4 writers + 16 readers"
fresh_pg carematch_writes_load
"$bin/load_bench" "$pg/carematch_writes_load" --existing "$existing" --seconds "$seconds"
uptime
