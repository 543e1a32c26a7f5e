#!/usr/bin/env bash
# Times `carematch import cqc` on a generated register of 30,000 locations, as ODS and as CSV,
# each on a fresh SQLite database (migrated, postcodes loaded with `carematch import postcodes`
# as the README says), then the same file again (a monthly re-import with nothing changed).
# Target: under 60 s for 30,000 locations (issue 17). Figures: docs/cqc.md, "Speed".
#
#   bash scripts/bench/cqc-import.sh            # or: just bench-cqc
#
# Environment (all optional):
#   LOCATIONS   how many locations (default 30000)
#   POSTCODES   the postcode file or folder for both the generator and the gazetteer (default
#               fixtures/gazetteer.csv; ../shared/data/postcodes/full for the whole country)
#   BENCH_DIR   where the files and databases go (default /tmp/carematch-bench-cqc)
set -euo pipefail
cd "$(dirname "$0")/../.."
LOCATIONS=${LOCATIONS:-30000}
POSTCODES=${POSTCODES:-fixtures/gazetteer.csv}
BENCH_DIR=${BENCH_DIR:-/tmp/carematch-bench-cqc}
BIN=${CARGO_TARGET_DIR:-target}/release/carematch
export CAREMATCH_LOG=${CAREMATCH_LOG:-warn}

cargo build --release -p carematch-cli
rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR"
for format in ods csv; do
  file="$BENCH_DIR/HSCA_Active_Locations.$format"
  "$BIN" generate cqc --locations "$LOCATIONS" --seed 1 --as-at 2026-12-01 \
    --postcodes "$POSTCODES" --out "$file"
  ls -l "$file"
  export CAREMATCH_DATABASE_URL="sqlite://$BENCH_DIR/$format.db"
  "$BIN" migrate >/dev/null
  "$BIN" import postcodes "$POSTCODES" >/dev/null
  for run in first again; do
    echo "== import cqc, $format, $run run"
    /usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" \
      "$BIN" import cqc "$file" --as-of 2026-12-01
  done
done
