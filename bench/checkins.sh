#!/usr/bin/env bash
# Check-in journal benchmark.
# Starts the app jar on a free port with its own H2 file, registers one person through the account
# pages (GET /register for the CSRF token, POST /register username/password/confirm), signs in through
# POST /login, imports 10 years of daily check-ins (3,650+ rows) through POST /checkins/import, warms up,
# then measures with wrk:
#   1. GET /checkins/trends?days=365   p95 (target < 50 ms)
#   2. GET /checkins                   p95 (target < 20 ms)
#   3. POST /checkins/new at 32 connections, p99 (target < 30 ms), and that every acknowledged
#      POST (a 302 redirect) is a stored row: rows added = acknowledged POSTs.
# The pages are measured twice: with 4 connections (the target's reading, a busy server) and with one
# client (what one person waits for). The strict POST run is a closed loop: 32 connections each post
# again the moment the answer arrives, so it measures a server saturated by 32 scripts. A second,
# labelled run adds think time (each of the 32 waits 0.5-1.5 s between posts, still far more than a
# person checking in a few times a day) and is checked for lost writes the same way.
# Writes bench/results/checkins.txt and stops the app it started. Only talks to 127.0.0.1.
# CHECKINS_DB=postgres runs the app in the postgres profile on a throwaway PostgreSQL cluster of its own
# (fsync on, port BENCH_PG_PORT, default 55433), writes bench/results/checkins-postgres.txt and adds the
# database's committed transactions per second during the closed-loop POST run (what one primary takes).
# BENCH_APP_PORT sets the app's port (default: any free one).
# Usage: [CHECKINS_DB=postgres] bench/checkins.sh [seconds per measurement, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-20}
RESULTS=bench/results/checkins.txt
source bench/lib.sh
BENCH_PORT=${BENCH_APP_PORT:-$(free_port)} BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
USERNAME=bench.journal
PASSWORD='ten years of small steps by the river'

build_jar
# The daily limit on check-ins (counterspace.checkins.check-ins-per-day, 50) would refuse nearly every
# measured POST: the benchmark measures the write path, so the limit is lifted for it.
NO_DAILY_LIMIT=--counterspace.checkins.check-ins-per-day=100000000
if [ "${CHECKINS_DB:-h2}" = postgres ]; then
  RESULTS=bench/results/checkins-postgres.txt
  start_pg "${BENCH_PG_PORT:-55433}"
  commits() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc "select xact_commit from pg_stat_database where datname = 'test'" test; }
  COUNTERSPACE_SECURE_COOKIES=false BENCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/test" \
    start_app --server.address=127.0.0.1 --spring.profiles.active=postgres "$NO_DAILY_LIMIT"
else
  commits() { echo 0; }
  start_app --server.address=127.0.0.1 "$NO_DAILY_LIMIT"
fi
WORK=$BENCH_DATA APP=$APP_PID BASE=$BENCH_BASE

if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/register")" != 200 ] || \
   [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" != 200 ]; then
  echo "No /register or /login page: this benchmark needs the account feature (run it after the merge)." >&2
  exit 2
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
TICK=$(getconf CLK_TCK)

# Register through the form, then sign in through the login form as the account pages' contract says.
COOKIES="$WORK/cookies"
register_account "$USERNAME" "$PASSWORD" "$COOKIES"
rm -f "$COOKIES"
TOKEN=$(curl -fs -c "$COOKIES" "$BASE/login" | csrf)
curl -fs -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$TOKEN" \
  --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" "$BASE/login"
COOKIE_HEADER=$(awk '$6=="JSESSIONID"||$6=="SESSION"{printf "%s=%s", $6, $7}' "$COOKIES")
[ -n "$COOKIE_HEADER" ] || { echo "Sign-in failed" >&2; exit 1; }
curl -fs -o /dev/null -H "Cookie: $COOKIE_HEADER" "$BASE/checkins" || { echo "Not signed in" >&2; exit 1; }

# Ten years of daily check-ins (plus a second one on every 7th day), imported in one file.
import_journal "$COOKIE_HEADER" 3652
rows() { curl -fs -H "Cookie: $COOKIE_HEADER" "$BASE/checkins" | sed -n 's/.*>\([0-9,]*\) check-ins<.*/\1/p' | head -1 | tr -d ,; }
IMPORTED=$(rows)
[ "${IMPORTED:-0}" -ge 3650 ] || { echo "Import failed (rows: ${IMPORTED:-none})" >&2; exit 1; }

# wrk prints p50/75/90/99; this script adds p95 and the count of acknowledged requests.
cat >"$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms requests=%d acknowledged=%d non3xx_or_failed=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests - failed, failed))
end
LUA
POST_DAY=$(date -u -d 'yesterday' +%F)
post_script() { # cookie header, file: the check-in POST as that session sends it
  cat >"$2" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$1"
wrk.body = "_csrf=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$(curl -fs -H "Cookie: $1" "$BASE/checkins/new" | csrf)")&day=$POST_DAY&mood=3&homePull=4&smallWin=bench"
LUA
  cat >>"$2" <<'LUA'
-- A POST is acknowledged only by the redirect to the history page (a 200 would be the form again).
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) acked = 0 end
response = function(status, headers, body) if status == 302 then acked = acked + 1 end end
done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("acked") end
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms requests=%d acknowledged=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, total))
end
LUA
}
post_script "$COOKIE_HEADER" "$WORK/post.lua"
# The POST is warmed up by a second person, so the pages measured next read the imported journal
# only, not however many check-ins the warm-up managed to post (a faster POST made them slower).
register_account bench.warmup "$PASSWORD" "$WORK/warmup-cookies"
WARMUP_COOKIE=$(awk '$6=="JSESSIONID"||$6=="SESSION"{printf "%s=%s", $6, $7}' "$WORK/warmup-cookies")
[ -n "$WARMUP_COOKIE" ] || { echo "Warm-up registration failed" >&2; exit 1; }
post_script "$WARMUP_COOKIE" "$WORK/post-warmup.lua"
# The same POST with think time: each connection waits 0.5-1.5 s (at random, so they do not move in step).
{ cat "$WORK/post.lua"; cat <<'LUA'
local started = 0
setup = function(thread) started = started + 1; thread:set("id", started); table.insert(threads, thread) end
init = function(args) acked = 0; math.randomseed(os.time() * 100 + id) end
delay = function() return math.random(500, 1500) end
LUA
} > "$WORK/post-paced.lua"

measure() { # name, connections, wrk args...
  local name=$1 conns=$2; shift 2
  local before after line
  before=$(cpu_ticks)
  line=$(wrk -t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -d"${SECONDS_PER_RUN}s" "$@" | grep '^p50=')
  after=$(cpu_ticks)
  local requests; requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")
  local cpu_ms; cpu_ms=$(python3 -c "print(f'{($after-$before)*1000/$TICK/max(1,$requests):.2f}')")
  echo "$name (${conns} connections, ${SECONDS_PER_RUN}s): $line server_cpu_per_request=${cpu_ms}ms"
}

H=(-H "Cookie: $COOKIE_HEADER" -s "$WORK/report.lua")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# Every measured path is warmed up, the POST too (by the second person, see above; the measured runs'
# rows are counted before and after each run): a cold path is measured mid-compilation.
echo "warming up (60 s)..." >&2
wrk -t2 -c4 -d30s "${H[@]}" "$BASE/checkins/trends?days=365" >/dev/null
wrk -t2 -c4 -d30s "${H[@]}" "$BASE/checkins" >/dev/null

TRENDS=$(measure "GET /checkins/trends?days=365" 4 "${H[@]}" "$BASE/checkins/trends?days=365")
HISTORY=$(measure "GET /checkins" 4 "${H[@]}" "$BASE/checkins")
TRENDS1=$(measure "GET /checkins/trends?days=365" 1 "${H[@]}" "$BASE/checkins/trends?days=365")
HISTORY1=$(measure "GET /checkins" 1 "${H[@]}" "$BASE/checkins")

post_run() { # name, lua script: sets POSTS_LINE and ROWS_LINE
  local before after acked stored
  before=$(rows)
  POSTS_LINE=$(measure "$1" 32 -s "$2" "$BASE/checkins/new")
  sleep 2
  after=$(rows)
  acked=$(sed -n 's/.*acknowledged=\([0-9]*\).*/\1/p' <<<"$POSTS_LINE")
  stored=$((after - before))
  ROWS_LINE="check-in rows before=$before after=$after stored=$stored acknowledged=$acked lost=$(( acked > stored ? acked - stored : 0 ))"
}
# The POST is warmed up right before it is measured. Warmed up before the page measurements, its
# writes aged past H2's 45 s chunk retention meanwhile, and the first commits of the measured run
# then dropped all those chunks at once, holding the store lock for hundreds of milliseconds.
echo "warming up the POST (15 s)..." >&2
wrk -t2 -c4 -d15s -s "$WORK/post-warmup.lua" "$BASE/checkins/new" >/dev/null
COMMITS_BEFORE=$(commits)
post_run "POST /checkins/new closed loop" "$WORK/post.lua"
COMMITS_AFTER=$(commits)
POSTS=$POSTS_LINE ROWS=$ROWS_LINE
WRITES="journal writes per second (closed loop, acknowledged / ${SECONDS_PER_RUN} s): $(( $(sed -n 's/.*acknowledged=\([0-9]*\).*/\1/p' <<<"$POSTS") / SECONDS_PER_RUN ))"
if [ "${CHECKINS_DB:-h2}" = postgres ]; then
  WRITES="$WRITES; PostgreSQL committed transactions per second meanwhile: $(( (COMMITS_AFTER - COMMITS_BEFORE) / SECONDS_PER_RUN )) (including the 2 s pause and the row counts around the run)"
fi
post_run "POST /checkins/new with 0.5-1.5 s think time" "$WORK/post-paced.lua"
PACED=$POSTS_LINE PACED_ROWS=$ROWS_LINE

mkdir -p bench/results
{
  echo "# bench/checkins.sh, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), database: ${CHECKINS_DB:-h2}"
  echo "journal: $IMPORTED check-ins over ten years (imported through POST /checkins/import)"
  echo "load average before the run: $LOAD_BEFORE"
  echo "$TRENDS"
  echo "$HISTORY"
  echo "$TRENDS1"
  echo "$HISTORY1"
  echo "$POSTS"
  echo "$ROWS"
  echo "$WRITES"
  echo "$PACED"
  echo "$PACED_ROWS"
  echo "(stored may exceed acknowledged by requests still in flight when wrk stopped; lost must be 0)"
} | tee "$RESULTS"
