#!/usr/bin/env bash
# Two jars at once on bench/directory.sh's 100,000 services, for a before/after figure of different
# searches on a machine whose speed drifts: each jar runs on its own copy of the data, both are warmed
# up and then measured at the same time (bench/varied-search.lua, 16 connections each), so a slow
# minute falls on both. Per jar: requests and the app's CPU per request (from /proc/PID/stat).
# Usage: bench/directory-pair.sh BEFORE.jar AFTER.jar   (after bench/directory.sh has made the data)
#   WARMUP=60 DURATION=30 ROUNDS=2   seconds of warm-up and of measure; rounds, the jars' order swapped
# Writes bench/results/directory-pair.txt. Needs wrk. Only talks to 127.0.0.1 (ports 18086 and 18087).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  sed -n 6,7p "$0" >&2
  exit 2
fi
DATA=/tmp/counterspace-bench-directory
COPY=/tmp/counterspace-bench-directory-pair
[ -f "$DATA/db.mv.db" ] || { echo "no data: run bench/directory.sh first" >&2; exit 1; }
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-30}
ROUNDS=${ROUNDS:-2}
OUT=bench/results/directory-pair.txt
rm -rf "$COPY" && mkdir -p "$COPY" && cp -r "$DATA/db.mv.db" "$DATA/index" "$COPY/"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

# start JAR DATA PORT: the app as bench/directory.sh runs it; prints its PID
start() {
  java -Xms256m -Xmx512m -XX:+UseSerialGC -jar "$1" --server.port="$3" \
    --spring.datasource.url="jdbc:h2:file:$2/db;WRITE_DELAY=0;LOCK_TIMEOUT=30000" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$2/index" \
    --counterspace.directory.limits.api-requests=100000000 > "$2/pair-$3.log" 2>&1 &
  echo $!
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

{
  echo "Two jars at once, different searches over 100,000 services, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "before: $1"
  echo "after:  $2"
} > "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then first=$1; second=$2; else first=$2; second=$1; fi
  PIDS=("$(start "$first" "$DATA" 18086)" "$(start "$second" "$COPY" 18087)")
  for port in 18086 18087; do
    for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
  done
  for port in 18086 18087; do
    wrk -t1 -c16 -d"${WARMUP}s" -s bench/varied-search.lua "http://127.0.0.1:$port" >/dev/null &
  done
  wait
  before=("$(cpu "${PIDS[0]}")" "$(cpu "${PIDS[1]}")")
  for i in 0 1; do
    wrk -t1 -c16 -d"${DURATION}s" -s bench/varied-search.lua "http://127.0.0.1:$((18086 + i))" > "$COPY/wrk-$i.txt" &
  done
  wait
  for i in 0 1; do
    requests=$(awk '/requests in/ {print $1}' "$COPY/wrk-$i.txt")
    jar=$([ "$i" -eq 0 ] && echo "$first" || echo "$second")
    awk -v t=$(($(cpu "${PIDS[$i]}") - before[i])) -v hz="$(getconf CLK_TCK)" -v n="$requests" -v r="$round" -v j="$jar" \
      'BEGIN {printf "round %d  %s: %d requests in the same %s s, %.2f ms CPU per request\n", r, j, n, "'"$DURATION"'", t * 1000 / hz / n}'
  done | tee -a "$OUT"
  kill "${PIDS[@]}"
  wait "${PIDS[@]}" 2>/dev/null || true
done
cat "$OUT"
