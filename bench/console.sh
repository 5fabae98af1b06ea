#!/usr/bin/env bash
# The console's numbers of issue 13 (bench/RESULTS.md, "Console (issue 13)"): bench_console
# against (a) the demo backend (`auth-backend --demo --simulate off`, its own demo folder and
# port) and (b) a large SQLite database (`bench_flows serve --customers 0` seeded by
# `bench_staff seed`, BENCH_CUSTOMERS customers, BENCH_ATTEMPTS attempts and BENCH_BRANCH_DAY
# more of today in branch 101), both logging their handler times (tc.backend.http debug).
#
#   bench/console.sh                  every part
#   BENCH_PARTS="search events" bench/console.sh
#
# Parts: start (start to first painted window), search (demo, then large), events (demo),
# activity (large). Knobs: BENCH_BUILD (build/rel), BENCH_CUSTOMERS (1000000), BENCH_ATTEMPTS
# (10000000), BENCH_BRANCH_DAY (1000000), BENCH_ROUNDS (5), BENCH_EVENTS (200),
# BENCH_MAX_ROWS (2000000), BENCH_VIEW_MAX_ROWS (BENCH_MAX_ROWS), BENCH_PORT (18443, the demo's).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BENCH_BUILD:-build/rel}
parts=${BENCH_PARTS:-"start search events activity"}
customers=${BENCH_CUSTOMERS:-1000000}
attempts=${BENCH_ATTEMPTS:-10000000}
branch_day=${BENCH_BRANCH_DAY:-1000000}
rounds=${BENCH_ROUNDS:-5}
events=${BENCH_EVENTS:-200}
max_rows=${BENCH_MAX_ROWS:-2000000}
# The model holds a window of pages, so the view pages through the whole day too.
view_max_rows=${BENCH_VIEW_MAX_ROWS:-$max_rows}
port=${BENCH_PORT:-18443}
console=$build/bench/bench_console
for exe in "$console" "$build/backend/auth-backend" "$build/bench/bench_flows" "$build/bench/bench_staff"; do
  [ -x "$exe" ] || { echo "bench/console.sh: build $exe first" >&2; exit 1; }
done
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d "$PWD/$build/bench-console.XXXXXX")
export XDG_RUNTIME_DIR=$work/run XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
mkdir -m 0700 -p "$XDG_RUNTIME_DIR"
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT
has() { [[ " $parts " == *" $1 "* ]]; }
echo "# bench/console.sh $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), nproc $(nproc)"
echo "uptime: $(uptime)"

if has start || has search || has events; then
  demo=$work/demo
  mkdir -p "$demo"
  # The demo's own configuration, on a port of its own (8443 may be another demo's).
  cat >"$demo/auth-backend.ini" <<EOF
; Written by \`auth-backend --demo\` for training: demo data, demo keys, demo CA.
[server]
listen = 127.0.0.1:$port
[tls]
certificate = tls/server.pem
private_key = tls/server.key
[security]
pin_key_file = pin.key
[telephony]
webhook_secret_file = webhook.key
[audit]
signing_key_file = audit.key
checkpoint_file = audit-checkpoints.log
[database]
driver = sqlite
sqlite_path = auth-backend.sqlite
[limits]
calls_per_address_per_minute = 100000
EOF
  start=$(date +%s)
  QT_LOGGING_RULES="tc.backend.http.debug=true" "$build/backend/auth-backend" --demo \
    --demo-dir "$demo" --simulate off 2>"$work/demo.log" >"$work/demo.out" &
  server_pid=$!
  for _ in $(seq 1 600); do grep -q listening "$work/demo.out" 2>/dev/null && break; sleep 0.1; done
  grep -q listening "$work/demo.out" || { cat "$work/demo.out" "$work/demo.log" >&2; exit 1; }
  echo "demo ready in $(( $(date +%s) - start )) s"
  supervisor_password=$(awk -F, '$2 == "himawari.supervisor" {print $3}' "$demo/demo-staff.csv" | tr -d '\r')
  [ -n "$supervisor_password" ] || supervisor_password=demo-password-2026
  conn=(--url "https://127.0.0.1:$port" --ca "$demo/tls/ca.pem" --user himawari.supervisor
        --password "$supervisor_password")
  # Queries from the demo's customers of 兵庫ひまわり: family name, branch-account, phone.
  python3 - "$demo/demo-customers.csv" >"$work/demo-queries.txt" <<'EOF'
import csv, random, sys
rows = [r for r in csv.reader(open(sys.argv[1], encoding='utf-8-sig'))][1:]
rows = [r for r in rows if r[0] == 'hyogo-himawari']
random.seed(13)
for r in random.sample(rows, 20):
    print(r[4].split()[0])
    print(f"{r[1]}-{r[3]}")
    print(r[6])
EOF
  if has start; then
    echo "## start to first painted window (offscreen), 10 runs each, alternated; the last:"
    echo "## the demo's teller signed in by the console (--demo-dir) to the desk painted"
    for i in $(seq 1 10); do
      BENCH_T0_NS=$(date +%s%N) "$console" start --bare 2>/dev/null
      BENCH_T0_NS=$(date +%s%N) "$console" start 2>/dev/null
      BENCH_T0_NS=$(date +%s%N) "$console" start --demo-dir "$demo" 2>/dev/null
    done
    # The server's side of those sign-ins: its handler times (ms) of each call.
    for call in "POST /api/v1/staff/session" "GET /api/v1/staff/attempts"; do
      echo "handler ms, $call: $(grep -F " $call " "$work/demo.log" | awk '{print $(NF-1)}' | sort -n | tr '\n' ' ')"
    done
  fi
  if has search; then
    for from in "" --from-empty; do
      "$console" search "${conn[@]}" --queries "$work/demo-queries.txt" --rounds "$rounds" \
        --server-log "$work/demo.log" --label "demo database (4,000 customers)" $from
    done
  fi
  if has events; then
    # A customer of the first CSV rows (clear of the demo's locks) with a cash card.
    IFS=, read -r inst branch type number _ < <(awk -F, 'NR > 1 && NR < 52 && $1 == "hyogo-himawari" && $NF ~ /1|true|yes/' "$demo/demo-customers.csv" | head -1)
    "$console" events "${conn[@]}" --institution "$inst" --client-id shinkumi-creco \
      --branch "$branch" --account-type "$type" --account "$number" --count "$events"
  fi
  stop_server
fi

if has search || has activity; then
  rm -f "$work/state"
  QT_LOGGING_RULES="tc.backend.http.debug=true" "$build/bench/bench_flows" serve --engine sqlite \
    --sqlite "$work/large.sqlite" --customers 0 --state "$work/state" 2>"$work/large.log" &
  server_pid=$!
  for _ in $(seq 1 600); do [ -s "$work/state" ] && break; sleep 0.1; done
  [ -s "$work/state" ] || { cat "$work/large.log" >&2; exit 1; }
  echo "## seeding $customers customers, $attempts attempts + $branch_day today in branch 101"
  echo "uptime: $(uptime)"
  start=$(date +%s)
  "$build/bench/bench_staff" seed --engine sqlite --sqlite "$work/large.sqlite" \
    --customers "$customers" --attempts "$attempts" --branch-day "$branch_day"
  echo "seeding took $(( $(date +%s) - start )) s"; ls -l "$work"/large.sqlite*
  large_port=$(sed -n 's/^port=//p' "$work/state")
  large_ca=$(sed -n 's/^ca=//p' "$work/state")
  if has search; then
    python3 - "$customers" >"$work/large-queries.txt" <<'EOF'
import random, sys
n = int(sys.argv[1])
families = "サトウ スズキ タカハシ タナカ ワタナベ イトウ ヤマモト ナカムラ コバヤシ カトウ ヨシダ ヤマダ ササキ ヤマグチ マツモト イノウエ キムラ ハヤシ シミズ ヤマザキ モリ アベ イケダ ハシモト ヤマシタ イシカワ ナカジマ マエダ フジタ オガワ ゴトウ オカダ ハセガワ ムラカミ コンドウ イシイ サイトウ サカモト エンドウ アオキ".split()
givens = "タロウ ハナコ ヒロシ ユミコ タケシ ケイコ マコト アキラ サトシ ヨウコ ミホ ユウキ ダイスケ ショウタ ハルト ユイ アオイ リク ソウタ メイ カズヤ ナオミ ツヨシ マサル キヨシ ヒロミ ユウコ トモコ ケンジ ジュンコ サクラ レン ミサキ ショウコ タクヤ エミ リョウ カナ ユウト マイ".split()
random.seed(13)
for _ in range(20):
    i = random.randint(1, n)
    fam = min(((i * 2654435761) % 1000003) % 40, ((i * 40503) % 999983) % 40)
    giv = ((i * 69069) % 1000033) % 40
    print(families[fam] + (givens[giv][0] if random.random() < 0.5 else ""))
    print(f"{101 + i % 7}-{1000000 + i}")
    print("090%08d" % ((i * 7919) % 100000000))
EOF
    for from in "" --from-empty; do
      "$console" search --url "https://127.0.0.1:$large_port" --ca "$large_ca" --user sb.supervisor \
        --password bench-password-2026 --queries "$work/large-queries.txt" --rounds "$rounds" \
        --server-log "$work/large.log" $from \
        --label "large SQLite ($customers customers, $attempts + $branch_day attempts)"
    done
  fi
  if has activity; then
    for view in --no-view ""; do
      rows=$max_rows; [ -z "$view" ] && rows=$view_max_rows
      "$console" activity --url "https://127.0.0.1:$large_port" --ca "$large_ca" --user sb.teller1 \
        --password bench-password-2026 --branch 101 --max-rows "$rows" $view \
        --server-log "$work/large.log" --label "large SQLite, $branch_day attempts today in branch 101"
    done
  fi
  stop_server
fi
echo "uptime: $(uptime)"
