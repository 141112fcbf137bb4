#!/usr/bin/env bash
# The comparison of issue #18 in one run: start-up, the anonymous guide page, signed-in pages (guide,
# check-in history, trends, check-in form), the search page (one query repeated, and many different
# queries), RSS after the load, and nginx serving each page's bytes from loopback as the ceiling.
# Each page: wrk -t2 -c32 after a warm-up, the app's CPU per request from /proc/PID/stat.
# Ports: BENCH_PORT (default 18320) for the app, the next one for nginx, both on loopback.
# Usage: bench/compare.sh        Writes bench/results/compare.txt (a markdown table).
#   WARMUP=30 DURATION=15 CONNECTIONS=32   per page (a shorter warm-up counts the JIT compilers' work in the page)
#   WARM_PASSES=1                          passes over every page (WARMUP each) before any is measured: on
#                                          2 cores the compilers take minutes to reach the steady state of a
#                                          server that has run a while; 0 measures each page after its own warm-up only
#   SERVICES=100000                        also the search pages over that many generated services
#                                          (a second start that imports them: minutes on 2 cores)
#   SKIP_BUILD=1, APP_JAR=some.jar         the jar already built, or another one (a before/after run)
#   HEAP=320m, PLAIN=1                     the heap's ceiling; or the fat jar with the JVM's defaults
# Needs wrk and nginx (apt-get install -y wrk nginx). Only talks to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_PORT=${BENCH_PORT:-18320}
source bench/lib.sh
NGINX_PORT=$((BENCH_PORT + 1))
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
WARM_PASSES=${WARM_PASSES:-1}
OUT="$RESULTS_DIR/compare.txt"
GUIDE=/guidance/healing-at-home
SEARCH='/support?q=counselling&free=yes&open=now'
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u +%Y-%m-%dT%H:%MZ)

if [ -n "${APP_JAR:-}" ]; then SKIP_BUILD=1; CHOSEN_JAR=$APP_JAR; fi
build_jar
APP_JAR=${CHOSEN_JAR:-$APP_JAR}

# The app runs as the README documents (bench/lib.sh, use_served_jar; PLAIN=1 for the fat jar with
# the JVM's defaults). Launch until ready, on a fresh folder (STARTUP_MS).
BENCH_WORK=$(mktemp -d /tmp/counterspace-compare.XXXXXX)
trap bench_cleanup EXIT
use_served_jar "$BENCH_WORK" "${HEAP:-320m}"
start_ready() {
  start_app --server.address=127.0.0.1 "$@"
}

# wrk reports p50/p90/p99; the p95 comes from this script's done(). With VARIED set, each request is a
# search of two words drawn from a list, with one of several filters and pages: thousands of different
# queries, so nearly every page is worked out and rendered afresh (nothing kept from before).
wrk_script() { # FILE [VARIED]
  {
    if [ -n "${2:-}" ]; then
      cat bench/varied-search.lua
    fi
    echo 'done = function(summary, latency, requests) io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000)) end'
  } > "$1"
}

ROWS=()
# measure NAME PATH [COOKIE] [SCRIPT] : warm-up, then the measured run; keeps the page's bytes for nginx.
measure() {
  local name=$1 path=$2 cookie=${3:-} script=${4:-$BENCH_DATA/p95.lua}
  local headers=() n=${#ROWS[@]}
  [ -n "$cookie" ] && headers=(-H "Cookie: $cookie")
  curl -fs "${headers[@]}" "$BENCH_BASE$path" > "$NGINX_DIR/$n.html"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "${headers[@]}" -s "$script" "$BENCH_BASE$path" >/dev/null
  run_wrk_cpu "$APP_PID" "$BENCH_DATA/$n.wrk" -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${headers[@]}" \
    -s "$script" "$BENCH_BASE$path"
  ROWS+=("$name|$path|$(wc -c < "$NGINX_DIR/$n.html")|$WRK_RPS|$WRK_P50|$WRK_P95|$WRK_P99|$WRK_ERRORS|$CPU_PER_REQUEST")
  echo "$name: $WRK_RPS/s, p95 $WRK_P95, CPU $CPU_PER_REQUEST ms/request" >&2
}

# warm NAME PATH [COOKIE] [SCRIPT] : the page's load for WARMUP seconds, nothing measured.
warm() {
  local headers=()
  [ -n "${3:-}" ] && headers=(-H "Cookie: $3")
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "${headers[@]}" -s "${4:-$BENCH_DATA/p95.lua}" "$BENCH_BASE$2" >/dev/null
}

# search_pages ACTION LABEL [COOKIE] : the search page with one query (anonymous: replayed from memory
# while the index and the minute stay the same), signed in (rendered each time), and many different queries.
search_pages() {
  $1 "search, one query, anonymous ($2)" "$SEARCH"
  [ -n "${3:-}" ] && $1 "search, one query, signed in ($2)" "$SEARCH" "$3"
  $1 "search, different queries each time, anonymous ($2)" "$SEARCH" "" "$BENCH_DATA/varied.lua"
}

# demo_pages ACTION : every page of the demo-data run, each warmed or measured by ACTION.
demo_pages() {
  $1 "guide page, anonymous (shared-page cache)" "$GUIDE"
  $1 "guide page, signed in" "$GUIDE" "$COOKIE"
  $1 "check-in history, signed in" /checkins "$COOKIE"
  $1 "trends (30 days), signed in" /checkins/trends "$COOKIE"
  $1 "check-in form, signed in" /checkins/new "$COOKIE"
  search_pages "$1" "demo data" "$COOKIE"
}

start_nginx "$(mktemp -d /tmp/counterspace-nginx.XXXXXX)" "$NGINX_PORT"
start_ready
echo "ready in $STARTUP_MS ms" >&2
DEMO_STARTUP_MS=$STARTUP_MS
wrk_script "$BENCH_DATA/p95.lua"
wrk_script "$BENCH_DATA/varied.lua" varied

register_account bench.compare 'a long walk along the quiet canal' "$BENCH_DATA/cookies"
COOKIE=$(session_cookie "$BENCH_DATA/cookies")
import_journal "$COOKIE" 365

for _ in $(seq 1 "$WARM_PASSES"); do demo_pages warm; done
demo_pages measure
RSS_AFTER=$(rss_mb "$APP_PID")

if [ -n "${SERVICES:-}" ]; then
  stop_app
  [ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests test-compile
  java -cp target/test-classes:target/classes org.counterspace.directory.DirectoryGenerator "$SERVICES" \
    "$BENCH_DATA/services.json"
  rm -rf "$BENCH_DATA/db"* "$BENCH_DATA/search-index"
  start_ready --counterspace.directory.import="$BENCH_DATA/services.json"
  for _ in $(seq 1 "$WARM_PASSES"); do search_pages warm "$SERVICES services"; done
  search_pages measure "$SERVICES services"
fi

# The ceiling: nginx serving each page's bytes (for different queries: those of the one query).
TABLE=()
for i in "${!ROWS[@]}"; do
  IFS='|' read -r name path bytes rps p50 p95 p99 errors cpu <<<"${ROWS[$i]}"
  wrk -t2 -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT/$i.html" >/dev/null
  run_wrk "$NGINX_DIR/$i.nginx" -t2 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$NGINX_PORT/$i.html"
  ratio=$(awk -v a="$rps" -v n="$WRK_RPS" 'BEGIN {printf "%.1f %%", 100 * a / n}')
  TABLE+=("| $name | $bytes | $rps | $p50 | $p95 | $p99 | $cpu | $WRK_RPS | $ratio |")
  [ "$errors" = 0 ] || TABLE+=("|   (non-2xx answers: $errors) | | | | | | | | |")
done

{
  echo "# bench/compare.sh, $STARTED_AT, $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "load average at the start: $LOAD_AT_START (the machine may be shared: CPU per request is the steadier figure)"
  echo "each page: wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s of warm-up, once $WARM_PASSES pass(es) of ${WARMUP}s over every page had run; CPU from /proc/PID/stat over the run"
  echo "app: $SETTINGS"
  echo "start-up to readiness, fresh folder, demo data: $DEMO_STARTUP_MS ms"
  echo "RSS after the demo-data load: $RSS_AFTER MB"
  echo "signed in: a person with a year of check-ins; search query: $SEARCH"
  echo
  echo "| page | bytes | app req/s | p50 | p95 | p99 | app CPU ms/request | nginx req/s (same bytes) | app / nginx |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${TABLE[@]}"
} | tee "$OUT"
