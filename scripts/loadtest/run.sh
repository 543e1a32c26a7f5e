#!/usr/bin/env bash
# Load test: `POST /v1/matches` (scripts/loadtest/match.lua, a Manchester / London / rural plan
# mix) and `GET /v1/health` against a release build serving 1,000,000 generated carers and 50,000
# providers on SQLite, with wrk. Prints requests/s and p99 latency for both, and the ratio.
#
# Matches are measured twice: as served (the three plans repeat, so after the first of each the
# match cache answers; docs/operations.md#match-cache), then on a server restarted with the
# cache off (CAREMATCH_MATCH_CACHE_BYTES=0) with PLANS distinct plans (scripts/loadtest/plans.py:
# the fixture plans' shapes at the postcodes of PAs drawn at random, city and rural), where every
# request is matched and encoded afresh, as people's own plans are (issue 21, item 1).
#
#   bash scripts/loadtest/run.sh
#
# Environment (all optional):
#   LOADTEST_DIR      where the database and index live (default target/loadtest); the database
#                     is generated once (about 1-2 GB, several minutes) and reused afterwards
#   DURATION          seconds per endpoint (default 20)
#   THREADS, CONNECTIONS   wrk threads and connections (default 2 and 32)
#   PLANS             distinct plans for the uncached run (default 2000)
#   CAREMATCH_WORKERS HTTP workers (default: one per core)
#   CAREMATCH_LOG     server log filter (default warn: access logs at info add formatting and a
#                     write per request; set CAREMATCH_LOG=info to measure with them)
# Target: matches >= 40% of health's requests/s, with p99 < 10 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${LOADTEST_DIR:-target/loadtest}
duration=${DURATION:-20}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
postcodes=${POSTCODES:-../shared/data/postcodes/full}
plans=${PLANS:-2000}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

cargo build --release -q -p carematch-cli
bin="$(bash .ci/target-dir)/release/carematch"
mkdir -p "$dir"
export CAREMATCH_DATABASE_URL="sqlite://$dir/carematch-1m.db"
export CAREMATCH_INDEX_DIR="$dir/index"
export CAREMATCH_RATE_LIMIT_PER_MINUTE=0
export CAREMATCH_LOG="${CAREMATCH_LOG:-warn}"
unset CAREMATCH_LOG_FORMAT

if [ ! -f "$dir/loaded" ]; then
  echo "generating 1,000,000 carers and 50,000 providers into $dir/carematch-1m.db (once)"
  if [ ! -f "$dir/postcodes-imported" ]; then
    rm -rf "$dir/carematch-1m.db"* "$dir/index" "$dir/postcodes"
    mkdir -p "$dir/postcodes"
    # File by file, so that one area the importer refuses does not stop the rest; the generator
    # then reads the files that imported (a link to each), so it never meets a refused row either.
    for file in "$postcodes"/*.csv; do
      if "$bin" import postcodes "$file" >/dev/null 2>"$dir/import-error.txt"; then
        ln -sf "$(realpath "$file")" "$dir/postcodes/"
      else
        echo "skipped $file: $(grep -m1 -A3 '^Caused by' "$dir/import-error.txt" | tail -n 1)"
      fi
    done
    touch "$dir/postcodes-imported"
  fi
  "$bin" generate --seed 1 --carers 1000000 --providers 50000 --postcodes "$dir/postcodes" --load
  touch "$dir/loaded"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export CAREMATCH_BIND="127.0.0.1:$port"
base="http://127.0.0.1:$port"
log="$dir/server.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

start_server() {
  local started
  started=$(date +%s)
  "$bin" serve >"$log" 2>&1 &
  pid=$!
  until curl -fsS "$base/v1/ready" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the server exited before it was ready:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    if [ $(( $(date +%s) - started )) -gt 900 ]; then
      echo "not ready after 900 s" >&2
      exit 1
    fi
    sleep 1
  done
  echo "ready after $(( $(date +%s) - started ))s (indexes built over the database, or restored);" \
    "peak memory $(awk '/^VmHWM/ {print $2, $3}' "/proc/$pid/status")"
}
start_server

matches_ok=yes
code=$(curl -s -o "$dir/match-response.json" -w '%{http_code}' -X POST "$base/v1/matches" \
  -H 'Content-Type: application/json' \
  --data "$(sed -n 's/^  \[==\[\(.*\)\]==\],$/\1/p' scripts/loadtest/match.lua | head -n 1)")
if [ "$code" != 200 ]; then
  echo "POST /v1/matches answered $code, not 200; measuring health only:" >&2
  head -c 400 "$dir/match-response.json" >&2; echo >&2
  matches_ok=no
fi

bench() {
  local name=$1
  shift
  echo
  echo "==> $name: wrk -t$threads -c$connections -d${duration}s --latency $*"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" | tee "$dir/wrk-$name.txt"
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$dir/wrk-$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$dir/wrk-$1.txt"; }

bench health "$base/v1/health"
if [ "$matches_ok" = yes ]; then
  bench matches -s scripts/loadtest/match.lua "$base"
fi

# The server's own view (docs/operations.md#metrics).
curl -fsS "$base/metrics" >"$dir/metrics.txt" || true
echo
grep -E '^carematch_(http_requests_total|index_candidates|index_last_seq|match_cache)' "$dir/metrics.txt" || true

if [ "$matches_ok" = yes ]; then
  cleanup
  echo
  echo "restarting with the match cache off"
  python3 scripts/loadtest/plans.py "$dir/carematch-1m.db" "$plans" "$dir/plans.jsonl"
  CAREMATCH_MATCH_CACHE_BYTES=0 start_server
  # One pass over the plans first, so that each postcode is in the gazetteer cache as it is
  # for a server that has run a while (a postcode's first lookup reads the database).
  PLANS="$dir/plans.jsonl" wrk -t1 -c1 -d"$(( plans / 500 + 2 ))s" -s scripts/loadtest/distinct.lua "$base" >/dev/null
  PLANS="$dir/plans.jsonl" bench matches-uncached -s scripts/loadtest/distinct.lua "$base"
fi

echo
echo "| endpoint | requests/s | p99 |"
echo "|---|---|---|"
echo "| GET /v1/health | $(rps health) | $(p99 health) |"
if [ "$matches_ok" = yes ]; then
  echo "| POST /v1/matches (repeated plans: match cache) | $(rps matches) | $(p99 matches) |"
  echo "| POST /v1/matches ($plans distinct plans, cache off: every request matched) | $(rps matches-uncached) | $(p99 matches-uncached) |"
  awk -v m="$(rps matches)" -v u="$(rps matches-uncached)" -v h="$(rps health)" \
    'BEGIN { printf "matches / health throughput: %.0f%% with the cache, %.0f%% without (target >= 40%%)\n", 100 * m / h, 100 * u / h }'
fi
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
