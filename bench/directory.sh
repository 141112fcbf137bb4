#!/usr/bin/env bash
# Directory benchmark: 100,000 generated services imported at start-up, then keyword + filter search
# latency (p95, one client), /support throughput at 32 connections with one query (after its first
# answer, replayed from the shared-page cache) and with a different search each time (two words, a
# filter and a page drawn at random: bench/varied-search.lua), and the app's RSS under load.
# Usage: bench/directory.sh [services] [port]    Figures go to bench/results/directory.txt.
# SKIP_BUILD=1 uses the jar and test classes already built (build outside the benchmark lock); JAR=FILE
# runs that jar instead of the one built (an earlier version, for a before/after on the same data).
# REUSE=1 keeps the database and index of the previous run with the same size (no generation, no
# import; the index is rebuilt from it at start): quicker while iterating on search; the import time
# is then not measured.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PORT=${2:-18085}
WORK=/tmp/counterspace-bench-directory
OUT=bench/results/directory.txt
REUSED=
if [ -n "${REUSE:-}" ] && [ -f "$WORK/db.mv.db" ] && [ "$(cat "$WORK/size" 2>/dev/null)" = "$N" ]; then
  REUSED=1
  rm -rf "$WORK/index"   # rebuilt from the database at start, so index changes in the code take effect
else
  rm -rf "$WORK" && mkdir -p "$WORK"
fi
mkdir -p bench/results

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -DskipTests package
  ./mvnw -q -B -DskipTests test-compile
fi
IMPORT_ARG=()
if [ -z "$REUSED" ]; then
  java -cp target/test-classes:target/classes org.counterspace.directory.DirectoryGenerator "$N" "$WORK/services.json"
  IMPORT_ARG=(--counterspace.directory.import="$WORK/services.json")
fi

cat > "$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
JAR=${JAR:-$(ls target/counterspace-*.jar | grep -v original | head -1)}
START=$(date +%s)
java -Xms256m -Xmx512m -XX:+UseSerialGC -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$WORK/db;WRITE_DELAY=0;LOCK_TIMEOUT=30000" \
  --spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/index" \
  "${IMPORT_ARG[@]}" \
  --counterspace.directory.limits.api-requests=100000000 > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 $APP 2>/dev/null || { echo "app stopped; see $WORK/app.log"; exit 1; }
  sleep 1
done
READY=$(date +%s)
if [ -n "$REUSED" ]; then
  IMPORT_LINE="import: not measured (REUSE=1: database and index of an earlier run)"
else
  IMPORT_LINE=$(grep -o "Imported [0-9]* services from .* in [0-9]* ms" "$WORK/app.log" || echo "import: see $WORK/app.log")
  echo "$N" > "$WORK/size"
fi

SEARCH="http://127.0.0.1:$PORT/support?q=counselling&category=youth&free=yes&country=GB"
wrk -t2 -c32 -d30s "$SEARCH" >/dev/null   # warm-up
P95=$(wrk -t1 -c1 -d20s -s "$WORK/p95.lua" "$SEARCH" | tail -1)
(while kill -0 $APP 2>/dev/null; do ps -o rss= -p $APP; sleep 1; done) > "$WORK/rss.txt" &
SAMPLER=$!
# wrk_cpu NAME WRK_ARGS... : a wrk run at 32 connections; sets NAME_LOAD (wrk's output) and NAME_CPU (the
# app's CPU per request over the run, from /proc)
wrk_cpu() {
  local name=$1 before after requests
  shift
  before=$(awk '{print $14 + $15}' "/proc/$APP/stat")
  printf -v "${name}_LOAD" '%s' "$(wrk -t2 -c32 -d20s --latency "$@")"
  after=$(awk '{print $14 + $15}' "/proc/$APP/stat")
  local load_var="${name}_LOAD"
  requests=$(echo "${!load_var}" | awk '/requests in/ {print $1}')
  printf -v "${name}_CPU" '%s' "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "%.2f", t * 1000 / hz / n}')"
}
wrk_cpu SAME -s "$WORK/p95.lua" "$SEARCH"
# different searches: warmed up with their own mix first, so the JIT compilers have settled
wrk -t2 -c32 -d60s -s bench/varied-search.lua "http://127.0.0.1:$PORT" >/dev/null
cat bench/varied-search.lua > "$WORK/varied.lua"
sed -n '/^done = /,$p' "$WORK/p95.lua" >> "$WORK/varied.lua"
wrk_cpu VARIED -s "$WORK/varied.lua" "http://127.0.0.1:$PORT"
kill $SAMPLER 2>/dev/null || true
RSS_MAX=$(sort -n "$WORK/rss.txt" | tail -1)

{
  echo "Directory benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo "load average before the run: $LOAD_BEFORE"
  echo "services generated: $N"
  echo "start-up until healthy (incl. import and indexing): $((READY - START)) s"
  echo "$IMPORT_LINE"
  echo "the same keyword + filter search, one client (after its first answer, replayed): $P95"
  echo "/support at 32 connections, the same query (replayed from the shared-page cache):"
  echo "$SAME_LOAD" | grep -E "Requests/sec|Latency  |p50"
  echo "app CPU per request: $SAME_CPU ms"
  echo "/support at 32 connections, a different search each time (bench/varied-search.lua):"
  echo "$VARIED_LOAD" | grep -E "Requests/sec|Latency  |p50"
  echo "app CPU per request: $VARIED_CPU ms (issue #18: <= 1 ms, >= 1,000 requests/s, p95 < 50 ms)"
  echo "RSS under load (max): $((RSS_MAX / 1024)) MB"
} | tee "$OUT"
