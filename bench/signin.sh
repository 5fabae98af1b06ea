#!/usr/bin/env bash
# Staff sign-ins per second (bench/RESULTS.md, "Staff sign-in"): the real auth-backend (Release
# build) over HTTPS, wrk posting POST /api/v1/staff/session with the right password as fast as
# the server answers. Every answer is a full sign-in: rate-limit upsert, user read, Argon2id
# verification (19 MiB, t=2, p=1), then a session and two tokens written in one transaction.
#
#   bench/signin.sh                        SQLite and PostgreSQL
#   BENCH_ENGINES=sqlite bench/signin.sh   one engine
#
# Knobs: BENCH_SECONDS (measured seconds per run, 15), BENCH_BUILD (build/release).
# The server runs `--demo --simulate off` on a configuration of its own, so that the demo's
# staff users exist (himawari.teller001 / demo-password-2026); nothing else differs from
# production. Run 1 pins the server to one core (taskset) and wrk to the other: sign-ins per
# second per core. Run 2 gives the server both cores (wrk shares them).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BENCH_BUILD:-build/release}
seconds=${BENCH_SECONDS:-15}
engines=${BENCH_ENGINES:-"sqlite postgresql"}
bin=$build/backend/auth-backend
[ -x "$bin" ] || { echo "bench/signin.sh: build $bin first (cmake --preset release)" >&2; exit 1; }

work=$(mktemp -d "$PWD/$build/bench-signin.XXXXXX")
pg_state=$work/pg.state
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  scripts/test-postgres stop "$pg_state" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work/server.key" -out "$work/server.pem" 2>/dev/null
for key in pin hook; do head -c 48 /dev/urandom | base64 >"$work/$key.key"; chmod 600 "$work/$key.key"; done
"$bin" audit keygen --out "$work/audit.key" >/dev/null 2>&1
cat >"$work/signin.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"username":"himawari.teller001","password":"demo-password-2026"}'
wrk.headers["Content-Type"] = "application/json"
LUA
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

serial=0
# start_server ENGINE CPUS: a fresh database and a fresh auth-backend process.
start_server() {
  local engine=$1 cpus=$2
  serial=$((serial + 1))
  local dbconf
  if [ "$engine" = postgresql ]; then
    [ -f "$pg_state" ] || scripts/test-postgres start "$pg_state" >/dev/null
    local host pgport
    host=$(sed -n 's/^TC_TEST_PG_HOST=//p' "$pg_state")
    pgport=$(sed -n 's/^TC_TEST_PG_PORT=//p' "$pg_state")
    psql -q -h "$host" -p "$pgport" -U postgres -d postgres -c "CREATE DATABASE tc_signin_$serial" >/dev/null
    dbconf="driver = postgresql
host = $host
port = $pgport
name = tc_signin_$serial
user = postgres"
  else
    mkdir -p "$work/db-$serial"
    dbconf="driver = sqlite
sqlite_path = $work/db-$serial/backend.sqlite"
  fi
  cat >"$work/auth-backend.ini" <<INI
[server]
listen = 127.0.0.1:$port
max_requests_in_flight = 64
[tls]
certificate = server.pem
private_key = server.key
[security]
pin_key_file = pin.key
[telephony]
webhook_secret_file = hook.key
[audit]
signing_key_file = audit.key
checkpoint_file = audit-checkpoints-$serial.log
[database]
$dbconf
[staff]
sign_ins_per_address_per_minute = 100000
INI
  taskset -c "$cpus" "$bin" --demo --simulate off --config "$work/auth-backend.ini" \
    >"$work/server-$serial.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    if grep -q "listening on" "$work/server-$serial.log"; then return 0; fi
    sleep 0.1
  done
  cat "$work/server-$serial.log" >&2
  exit 1
}
stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
}

# run LABEL WRK_CPU CONNECTIONS
run() {
  local label=$1 cpu=$2 connections=$3
  # Warm-up (TLS sessions, statement caches, the dummy hash), then the measured run.
  taskset -c "$cpu" wrk -t1 -c"$connections" -d3s -s "$work/signin.lua" "https://127.0.0.1:$port/api/v1/staff/session" >/dev/null
  local out cpu_before cpu_after
  cpu_before=$(cpu_ticks "$server_pid")
  out=$(taskset -c "$cpu" wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/signin.lua" \
    "https://127.0.0.1:$port/api/v1/staff/session")
  cpu_after=$(cpu_ticks "$server_pid")
  local rps p50 p99 errors requests cpu_seconds
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu_seconds=$(awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$rps" "$p50" "$p99" \
    "${errors:-0}" "$cpu_seconds" \
    "$(awk -v r="$requests" -v c="$cpu_seconds" 'BEGIN {printf "%.1f", r / c}')"
}
# cpu_ticks PID: user + system time of the process so far, in clock ticks (all its threads).
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# The last column divides the sign-ins by the CPU time auth-backend itself used (from
# /proc/PID/stat): sign-ins per second per core, whatever else the machine was doing.
# PostgreSQL's own CPU time is not in it.
echo "| run | connections | sign-ins/s | p50 | p99 | non-200 | server CPU s | sign-ins per CPU-second |"
echo "|---|---|---|---|---|---|---|---|"
for engine in $engines; do
  start_server "$engine" 1
  run "$engine, server on 1 core" 0 4
  stop_server
  start_server "$engine" 0,1
  run "$engine, server on 2 cores (wrk shares them)" 0,1 8
  stop_server
done
