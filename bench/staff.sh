#!/usr/bin/env bash
# Staff customer search and attempts pages at scale (bench/RESULTS.md, "Staff API: search and
# attempts at scale"): `bench_flows serve --customers 0` as the server (real BackendService,
# HTTPS, throwaway certificate), its database seeded by `bench_staff seed` straight in SQL, then
# per engine: the floor (the same statements from the bench process, one connection), a run at
# 1 connection (a supervisor, then a teller) and one at BENCH_SESSIONS connections, each its own staff session.
#
#   bench/staff.sh                        SQLite and PostgreSQL
#   BENCH_ENGINES=sqlite bench/staff.sh   one engine
#
# Knobs: BENCH_CUSTOMERS (1000000), BENCH_ATTEMPTS (10000000), BENCH_PG_ATTEMPTS (same),
# BENCH_SESSIONS (200), BENCH_THINK_MS ("1000 500": paced runs of BENCH_SESSIONS, each session
# pausing that long on average between calls, after the closed-loop one), BENCH_SECONDS (30), BENCH_BUILD (build/release),
# BENCH_PG_SHARED_BUFFERS (the cluster's shared_buffers; PostgreSQL's default, 128MB, when unset),
# BENCH_PG_OPTIONS (more server settings, e.g. "-c huge_pages=on" after sysctl vm.nr_hugepages).
# The server logs tc.backend.http at debug level: one line per request with its handler time,
# which the driver reads back for the measured window.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BENCH_BUILD:-build/release}
engines=${BENCH_ENGINES:-"sqlite postgresql"}
customers=${BENCH_CUSTOMERS:-1000000}
attempts=${BENCH_ATTEMPTS:-10000000}
pg_attempts=${BENCH_PG_ATTEMPTS:-$attempts}
sessions=${BENCH_SESSIONS:-200}
seconds=${BENCH_SECONDS:-30}
think_ms=${BENCH_THINK_MS:-"1000 500"}
flows=$build/bench/bench_flows
staff=$build/bench/bench_staff
[ -x "$staff" ] || { echo "bench/staff.sh: build $staff first" >&2; exit 1; }

work=$(mktemp -d "$PWD/$build/bench-staff.XXXXXX")
pg_state=$work/pg.state
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  scripts/test-postgres stop "$pg_state" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for engine in $engines; do
  if [ "$engine" = postgresql ]; then
    TC_TEST_PG_OPTIONS="${BENCH_PG_SHARED_BUFFERS:+-c shared_buffers=$BENCH_PG_SHARED_BUFFERS} ${BENCH_PG_OPTIONS:-}" \
      scripts/test-postgres start "$pg_state" >/dev/null
    host=$(sed -n 's/^TC_TEST_PG_HOST=//p' "$pg_state")
    port=$(sed -n 's/^TC_TEST_PG_PORT=//p' "$pg_state")
    psql -q -h "$host" -p "$port" -U postgres -d postgres -c "CREATE DATABASE tc_staff" >/dev/null
    psql -At -h "$host" -p "$port" -U postgres -d postgres -c "SELECT 'shared_buffers ' || current_setting('shared_buffers') || ', huge_pages ' || current_setting('huge_pages')"
    db=(--engine postgresql --pg-host "$host" --pg-port "$port" --pg-user postgres --pg-db tc_staff)
    n_attempts=$pg_attempts
  else
    db=(--engine sqlite --sqlite "$work/staff.sqlite")
    n_attempts=$attempts
  fi
  rm -f "$work/state"
  QT_LOGGING_RULES="tc.backend.http.debug=true" "$flows" serve "${db[@]}" --customers 0 \
    --state "$work/state" 2>"$work/server-$engine.log" &
  server_pid=$!
  for _ in $(seq 1 600); do [ -s "$work/state" ] && break; sleep 0.1; done
  [ -s "$work/state" ] || { cat "$work/server-$engine.log" >&2; exit 1; }

  echo "## $engine: seeding $customers customers, $n_attempts attempts"
  "$staff" seed "${db[@]}" --customers "$customers" --attempts "$n_attempts"
  if [ "$engine" = sqlite ]; then ls -l "$work"/staff.sqlite*; else
    psql -At -h "$host" -p "$port" -U postgres -d tc_staff -c "SELECT pg_size_pretty(pg_database_size('tc_staff'))"; fi
  if [ "$engine" = postgresql ] && [ -n "${BENCH_PG_SHARED_BUFFERS:-}" ]; then
    # The seed's bulk writes and its vacuum go through small rings, not the buffers; a server in
    # use would have read its tables in by now. pg_prewarm does that in one go.
    start=$(date +%s)
    psql -q -At -h "$host" -p "$port" -U postgres -d tc_staff -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
      -c "SELECT 'prewarmed ' || pg_size_pretty(8192 * sum(pg_prewarm(oid))) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')"
    echo "prewarm took $(( $(date +%s) - start )) s"
  fi
  echo "uptime: $(uptime)"
  "$staff" floor "${db[@]}" --customers "$customers" --seconds "$seconds"
  echo "uptime: $(uptime)"
  "$staff" drive "${db[@]}" --customers "$customers" --state "$work/state" --connections 1 \
    --seconds "$seconds" --server-log "$work/server-$engine.log" --label "$engine, 1 session (supervisor)"
  echo "uptime: $(uptime)"
  "$staff" drive "${db[@]}" --customers "$customers" --state "$work/state" --connections 1 \
    --offset 1 --seconds "$seconds" --server-log "$work/server-$engine.log" \
    --label "$engine, 1 session (teller)"
  echo "uptime: $(uptime)"
  "$staff" drive "${db[@]}" --customers "$customers" --state "$work/state" \
    --connections "$sessions" --seconds "$seconds" --server-log "$work/server-$engine.log" \
    --label "$engine, $sessions sessions"
  echo "uptime: $(uptime)"
  for think in $think_ms; do
    "$staff" drive "${db[@]}" --customers "$customers" --state "$work/state" \
      --connections "$sessions" --seconds "$seconds" --think-ms "$think" \
      --server-log "$work/server-$engine.log" \
      --label "$engine, $sessions sessions, mean pause $think ms between calls"
    echo "uptime: $(uptime)"
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  if [ "$engine" = postgresql ]; then scripts/test-postgres stop "$pg_state" >/dev/null; fi
done
