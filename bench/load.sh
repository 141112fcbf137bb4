#!/usr/bin/env bash
# Load: 64 simulated people for 60 s (bench/LoadPeople.java, Java 17 single-file source), first on the
# embedded H2 file database, then on PostgreSQL (the postgres profile, a database of its own on the
# shared server at 127.0.0.1:5432, dropped afterwards). The people arrive over the first 10 s; each,
# over and over, with 100-400 ms before each request: the guide list and one guide, a directory search, registering (the first
# time) or signing in through the forms with their CSRF tokens, a check-in, their journal, signing out.
# Per database: requests by kind, throughput, p50/p95/p99, 5xx (must be 0), requests left without an
# answer within 30 s (must be 0), and check-ins acknowledged (a redirect to the journal) against check-ins stored
# (read with SQL once the app has stopped; each check-in's note is unique to the run).
# Writes bench/results/load.txt, whose last line is "load: N passed, M failed".
# Usage: bench/load.sh [seconds, default 60] [people, default 64]. SKIP_BUILD=1 reuses the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-60}
PEOPLE=${2:-64}
RESULTS=bench/results/load.txt
source bench/lib.sh
BENCH_PORT=${BENCH_PORT:-$(free_port)} BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
RUN=$(( $(date +%s) % 100000 ))
BENCH_WORK=$(mktemp -d /tmp/counterspace-load.XXXXXX)
REPORT=$BENCH_WORK/report.txt

build_jar
{
  echo "# bench/load.sh, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "$PEOPLE people for ${SECONDS_PER_RUN}s each on H2 and on PostgreSQL, 100-400 ms before each request"
  echo "uptime before the run: $(uptime)"
} > "$REPORT"

# measure NAME STORED_NOTES_COMMAND... : the people against the running app, then the app stopped and
# the stored check-ins read; appends the figures and checks to the report.
measure() {
  local name=$1; shift
  local out=$BENCH_WORK/$name
  echo "$name: $PEOPLE people for ${SECONDS_PER_RUN}s..." >&2
  run_people "$out" --people "$PEOPLE" --seconds "$SECONDS_PER_RUN" --run "$RUN" --think 100-400 --timeout 30 >/dev/null
  stop_app
  app_errors > "$out/errors.txt"
  "$@" > "$out/stored.txt"
  compare_writes "$out/acked.txt" "$out/stored.txt"
  {
    echo
    echo "## $name (app start-up ${STARTUP_MS} ms, uptime after: $(cut -d' ' -f1-3 /proc/loadavg))"
    cat "$out/summary.txt"
    echo "check-ins acknowledged=$ACKED stored=$STORED lost=$LOST stored_unacknowledged=$UNACKED"
    cat "$out/errors.txt"
    check "$name: no 5xx" "[ $(summary_value "$out" status_5xx) -eq 0 ]"
    check "$name: every request answered within 30 s" "[ $(summary_value "$out" no_answer) -eq 0 ]"
    check "$name: check-ins acknowledged" "[ $ACKED -gt 0 ]"
    check "$name: stored check-ins = acknowledged check-ins" "[ $LOST -eq 0 ] && [ $STORED -eq $ACKED ]"
  } >> "$REPORT"
}

start_app "${SIMULATED_PEOPLE_ARGS[@]}"
measure h2 h2_notes "$RUN"
rm -rf "$BENCH_DATA"; BENCH_DATA=""

DATABASE=counterspace_load_$RUN
create_database "$DATABASE"
COUNTERSPACE_SECURE_COOKIES=false BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" \
  start_app --spring.profiles.active=postgres "${SIMULATED_PEOPLE_ARGS[@]}"
measure postgresql pg_notes 5432 "$DATABASE" "$RUN"

echo "load: $CHECKS_PASSED passed, $CHECKS_FAILED failed" >> "$REPORT"
mkdir -p bench/results
cp "$REPORT" "$RESULTS"
cat "$RESULTS"
[ "$CHECKS_FAILED" -eq 0 ]
