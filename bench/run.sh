#!/usr/bin/env bash
# Runs the whole benchmark set of bench/RESULTS.md in the Release build and prints the tables.
#
#   bench/run.sh                       everything, SQLite and PostgreSQL
#   BENCH_ENGINES=sqlite bench/run.sh  one engine
#
# Knobs (environment): BENCH_SECONDS (measured seconds per run, 10), BENCH_CUSTOMERS (2000),
# BENCH_CONNECTIONS (flow-driver connections, 16), BENCH_PIN_SECONDS (5), BENCH_PARK_SQLITE and
# BENCH_PARK_POSTGRESQL (flows parked at the PIN step first: 6000 each; the PIN run ends
# early when a connection runs out of them), BENCH_SHED_IN_FLIGHT (max_requests_in_flight for
# the shedding run, 8), BENCH_PG_SOCKET (1: reach PostgreSQL over its Unix socket instead of
# loopback TCP), BENCH_BUILD (build/release).
# Both processes (auth-backend and the driver) and PostgreSQL share this machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BENCH_BUILD:-build/release}
seconds=${BENCH_SECONDS:-10}
customers=${BENCH_CUSTOMERS:-2000}
connections=${BENCH_CONNECTIONS:-16}
pin_seconds=${BENCH_PIN_SECONDS:-5}
park_sqlite=${BENCH_PARK_SQLITE:-6000}
park_postgresql=${BENCH_PARK_POSTGRESQL:-6000}
shed_in_flight=${BENCH_SHED_IN_FLIGHT:-8}
engines=${BENCH_ENGINES:-"sqlite postgresql"}
pg_socket=${BENCH_PG_SOCKET:-0}

if [ ! -f "$build/build.ninja" ]; then
  cmake --preset release >/dev/null
fi
cmake --build "$build" --target bench_flows >/dev/null
bin=$build/bench/bench_flows

# Data on the build's disk, not on a tmpfs: commits must pay for the disk as in production.
work=$(mktemp -d "$PWD/$build/bench-run.XXXXXX")
pg_state=$work/pg.state
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  scripts/test-postgres stop "$pg_state" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

serial=0
# start_server ENGINE MAX_IN_FLIGHT: a fresh database and a fresh auth-backend process.
start_server() {
  local engine=$1 in_flight=$2
  serial=$((serial + 1))
  rm -f "$work/state"
  local db_args
  if [ "$engine" = postgresql ]; then
    local host port
    host=$(sed -n 's/^TC_TEST_PG_HOST=//p' "$pg_state")
    port=$(sed -n 's/^TC_TEST_PG_PORT=//p' "$pg_state")
    # libpq takes a host that starts with / as the directory of the server's Unix socket.
    if [ "$pg_socket" = 1 ]; then host=$(sed -n 's/^TC_TEST_PG_DIR=//p' "$pg_state"); fi
    psql -q -h "$host" -p "$port" -U postgres -d postgres -c "CREATE DATABASE tc_bench_$serial" >/dev/null
    db_args=(--engine postgresql --pg-host "$host" --pg-port "$port" --pg-user postgres --pg-db "tc_bench_$serial")
  else
    db_args=(--engine sqlite --sqlite "$work/bench-$serial.sqlite")
  fi
  "$bin" serve "${db_args[@]}" --customers "$customers" --max-in-flight "$in_flight" \
    --state "$work/state" >"$work/server-$serial.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    [ -s "$work/state" ] && grep -q '^pid=' "$work/state" && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$serial.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "bench server did not start" >&2; exit 1
}
stop_server() {
  kill "$server_pid"; wait "$server_pid" || true
  grep -h "shed requests" "$work/server-$serial.log" | sed 's/^/    /' || true
  server_pid=
}
drive() { "$bin" drive --state "$work/state" "$@" 2>"$work/drive.err" | tee -a "$work/summary.raw"; tail -n 3 "$work/drive.err" | sed 's/^/    driver: /' >&2 || true; }

echo "# bench/run.sh $(date -u +%FT%TZ)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, Debian $(cat /etc/debian_version)"
echo "load before: $(uptime | sed 's/.*load average: //')"

for engine in $engines; do
  if [ "$engine" = postgresql ]; then
    scripts/test-postgres start "$pg_state" >/dev/null
  fi
  echo
  echo "## $engine"
  echo "load: $(uptime | sed 's/.*load average: //')"

  start_server "$engine" 256
  port=$(sed -n 's/^port=//p' "$work/state")
  drive --mode health --connections 32 --seconds "$seconds" --label "$engine: GET /api/v1/health, bench client, 32 connections"
  echo
  echo "### $engine: GET /api/v1/health, wrk -t2 -c32 (keep-alive)"
  echo '```'
  wrk -t2 -c32 -d"${seconds}s" --latency "https://127.0.0.1:$port/api/v1/health" | sed -n '/Latency Distribution/,$p'
  echo '```'
  drive --mode flows --connections "$connections" --seconds "$seconds" --label "$engine: complete flows, $connections connections"
  stop_server

  # The PIN step on its own: flows parked at ⑤, then wrong and right PINs alternately.
  if [ "$engine" = postgresql ]; then park=$park_postgresql; else park=$park_sqlite; fi
  start_server "$engine" 256
  drive --mode pin --connections "$connections" --park "$park" --seconds "$pin_seconds" --warmup 0.5 \
    --label "$engine: PIN checks (1 wrong + 1 right per parked flow), $connections connections"
  stop_server

  # Shedding: max_requests_in_flight low, ten times the connections the flows ran with.
  start_server "$engine" "$shed_in_flight"
  drive --mode flows --connections $((connections * 10)) --seconds "$seconds" \
    --label "$engine: shedding, max_requests_in_flight $shed_in_flight, $((connections * 10)) connections"
  stop_server

  if [ "$engine" = postgresql ]; then
    scripts/test-postgres stop "$pg_state" >/dev/null
  fi
done

echo
echo "load after: $(uptime | sed 's/.*load average: //')"
echo
echo "## Summary"
echo
echo "| run | flows/s | PIN checks/s | requests/s | machine busy % | auth-backend cores | driver cores |"
echo "|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '$1 == "SUMMARY" { printf "| %s | %s | %s | %s | %s | %s | %s |\n", $2, $4, $5, $6, $7, $8, $9 }' "$work/summary.raw"
