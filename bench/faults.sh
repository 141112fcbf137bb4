#!/usr/bin/env bash
# Faults under a check-in load (bench/LoadPeople.java --mode checkins: 64 people, each registered
# once, then checking in over and over with 50-200 ms before each request; every note unique).
#  a. H2 file database: the app is killed with kill -9 in the middle of the load (once 50 check-ins
#     are acknowledged) and started again on the same data folder; the people sign in again and go on. Every acknowledged check-in (a
#     redirect to the journal) must be stored.
#  b. PostgreSQL: a throwaway cluster of its own on port 55432 (initdb/pg_ctl as user postgres, like
#     .ci/run; the shared server on 5432 is never touched), stopped in the middle of the load with
#     pg_ctl -m fast, started again 5 s later. Measured: what the app answers meanwhile (a calm 503
#     page, and every request answered within 10 s: the pool gives up after 3 s, the rest is room for a
#     busy machine; a hang would be Hikari's default 30 s), /actuator/health while PostgreSQL is down (503),
#     the time from PostgreSQL accepting connections again to the first acknowledged check-in
#     (target <= 10 s), and acknowledged against stored check-ins (no acknowledged write lost).
# Writes bench/results/faults.txt, whose last line is "faults: N passed, M failed".
# Usage: bench/faults.sh [seconds of load before and after each fault, default 20]. SKIP_BUILD=1
# reuses the jar; PG_PORT (default 55432) moves the throwaway cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
STEADY=${1:-20}
PEOPLE=64
RESULTS=bench/results/faults.txt
source bench/lib.sh
BENCH_PORT=${BENCH_PORT:-$(free_port)} BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
RUN=$(( $(date +%s) % 100000 ))
BENCH_WORK=$(mktemp -d /tmp/counterspace-faults.XXXXXX)
REPORT=$BENCH_WORK/report.txt

build_jar
{
  echo "# bench/faults.sh, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "$PEOPLE people checking in, 50-200 ms before each request, ${STEADY}s of load before and after each fault"
  echo "uptime before the run: $(uptime)"
} > "$REPORT"

# start_people NAME : the check-in load in the background until $BENCH_WORK/NAME.stop exists.
start_people() {
  rm -f "$BENCH_WORK/$1.stop"
  people_classes
  run_people "$BENCH_WORK/$1" --mode checkins --people "$PEOPLE" --seconds 3600 --run "$RUN$1" \
    --think 50-200 --timeout 10 --stop-file "$BENCH_WORK/$1.stop" >/dev/null &
  PEOPLE_PID=$!
}

stop_people() {
  touch "$BENCH_WORK/$1.stop"
  wait "$PEOPLE_PID"
  PEOPLE_PID=""
}

# requests_in NAME FROM_MS TO_MS AWK_CONDITION : how many requests started in that window match.
requests_in() {
  awk -F'\t' -v from="$2" -v to="$3" "\$1 >= from && \$1 < to && ($4) { n++ } END { print n + 0 }" "$BENCH_WORK/$1/requests.tsv"
}

# ---- a. kill -9 on H2 ----
echo "a. H2, kill -9 during the load..." >&2
start_app "${SIMULATED_PEOPLE_ARGS[@]}"
start_people h2
# the kill comes once the load is going: STEADY seconds and at least 50 check-ins acknowledged
sleep "$STEADY"
for _ in $(seq 1 600); do
  [ "$(wc -l < "$BENCH_WORK/h2/acked.txt" 2>/dev/null || echo 0)" -ge 50 ] && break
  sleep 0.5
done
KILLED_AT=$(now_ms)
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""
start_app "${SIMULATED_PEOPLE_ARGS[@]}"
RESTARTED_AT=$(now_ms)
sleep "$STEADY"
stop_people h2
stop_app
app_errors > "$BENCH_WORK/h2/errors.txt"
h2_notes "${RUN}h2" > "$BENCH_WORK/h2/stored.txt"
compare_writes "$BENCH_WORK/h2/acked.txt" "$BENCH_WORK/h2/stored.txt"
ACKED_BEFORE=$(requests_in h2 0 "$KILLED_AT" '$2 == "checkin" && $3 == 302')
ACKED_AFTER=$(requests_in h2 "$RESTARTED_AT" 99999999999999 '$2 == "checkin" && $3 == 302')
{
  echo
  echo "## a. H2 file database, kill -9 during the load (restart took $(( (RESTARTED_AT - KILLED_AT) / 1000 )) s to health, load after: $(cut -d' ' -f1-3 /proc/loadavg))"
  cat "$BENCH_WORK/h2/summary.txt"
  echo "check-ins acknowledged=$ACKED (before the kill $ACKED_BEFORE, after the restart $ACKED_AFTER) stored=$STORED lost=$LOST stored_unacknowledged=$UNACKED"
  cat "$BENCH_WORK/h2/errors.txt"
  check "H2 kill -9: check-ins acknowledged before the kill and after the restart" "[ $ACKED_BEFORE -gt 0 ] && [ $ACKED_AFTER -gt 0 ]"
  check "H2 kill -9: no acknowledged check-in lost" "[ $LOST -eq 0 ]"
  check "H2 kill -9: no 5xx" "[ $(summary_value "$BENCH_WORK/h2" status_5xx) -eq 0 ]"
} >> "$REPORT"
rm -rf "$BENCH_DATA"; BENCH_DATA=""

# ---- b. PostgreSQL restarted ----
echo "b. PostgreSQL restarted during the load..." >&2
start_pg "${PG_PORT:-55432}"
COUNTERSPACE_SECURE_COOKIES=false BENCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/test" \
  start_app --spring.profiles.active=postgres "${SIMULATED_PEOPLE_ARGS[@]}"
start_people pg
sleep "$STEADY"
DOWN_AT=$(now_ms)
pg_ctl_as_postgres stop -m fast
STOPPED_AT=$(now_ms)
sleep 1
HEALTH_STARTED=$(now_ms)
HEALTH_DOWN=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$BENCH_BASE/actuator/health" || true)
HEALTH_MS=$(( $(now_ms) - HEALTH_STARTED ))
sleep "$(awk -v left=$(( STOPPED_AT + 5000 - $(now_ms) )) 'BEGIN { print (left > 0 ? left / 1000 : 0) }')"
pg_ctl_as_postgres start
UP_AT=$(now_ms)
sleep "$STEADY"
HEALTH_UP=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$BENCH_BASE/actuator/health" || true)
stop_people pg
stop_app
app_errors > "$BENCH_WORK/pg/errors.txt"
pg_notes "$PG_PORT" test "${RUN}pg" > "$BENCH_WORK/pg/stored.txt"
compare_writes "$BENCH_WORK/pg/acked.txt" "$BENCH_WORK/pg/stored.txt"
# The outage as the people saw it: requests started from the stop until PostgreSQL was up again.
OUTAGE=(pg "$DOWN_AT" "$UP_AT")
IN_OUTAGE=$(requests_in "${OUTAGE[@]}" 1)
OUTAGE_503=$(requests_in "${OUTAGE[@]}" '$3 == 503')
OUTAGE_CALM=$(requests_in "${OUTAGE[@]}" '$3 == 503 && $5 == 1')
OTHER_5XX=$(requests_in pg 0 99999999999999 '$3 >= 500 && $3 != 503')
OUTSIDE_503=$(( $(requests_in pg 0 99999999999999 '$3 == 503') - OUTAGE_503 ))
OUTAGE_NO_ANSWER=$(requests_in "${OUTAGE[@]}" '$3 == 0')
OUTAGE_SLOWEST=$(awk -F'\t' -v from="$DOWN_AT" -v to="$UP_AT" '$1 >= from && $1 < to && $4 > m { m = $4 } END { print m + 0 }' "$BENCH_WORK/pg/requests.tsv")
# Recovery: from PostgreSQL accepting connections to the first check-in acknowledged after that.
FIRST_OK=$(awk -F'\t' -v up="$UP_AT" '$2 == "checkin" && $3 == 302 && $1 + $4 >= up { t = $1 + $4; if (!m || t < m) m = t } END { print m + 0 }' "$BENCH_WORK/pg/requests.tsv")
RECOVERY_MS=$(( FIRST_OK > 0 ? FIRST_OK - UP_AT : -1 ))
{
  echo
  echo "## b. PostgreSQL (throwaway cluster on port $PG_PORT) stopped with pg_ctl -m fast, started again after 5 s (load after: $(cut -d' ' -f1-3 /proc/loadavg))"
  cat "$BENCH_WORK/pg/summary.txt"
  echo "PostgreSQL stopped in $(( STOPPED_AT - DOWN_AT )) ms; down for $(( UP_AT - DOWN_AT )) ms from the stop command until it accepted connections again"
  echo "requests started meanwhile: $IN_OUTAGE; answered 503: $OUTAGE_503 (calm page: $OUTAGE_CALM); no answer: $OUTAGE_NO_ANSWER; slowest answer: $OUTAGE_SLOWEST ms"
  echo "503 answers to requests started outside that window: $OUTSIDE_503; 5xx other than 503 at any time: $OTHER_5XX"
  echo "/actuator/health while PostgreSQL was down: $HEALTH_DOWN in $HEALTH_MS ms; ${STEADY}s after it came back: $HEALTH_UP"
  echo "recovery: first check-in acknowledged $RECOVERY_MS ms after PostgreSQL accepted connections again"
  echo "check-ins acknowledged=$ACKED stored=$STORED lost=$LOST stored_unacknowledged=$UNACKED"
  cat "$BENCH_WORK/pg/errors.txt"
  check "PostgreSQL restart: the outage was seen (503 answers)" "[ $OUTAGE_503 -gt 0 ]"
  check "PostgreSQL restart: every 503 is the calm page" "[ $OUTAGE_CALM -eq $OUTAGE_503 ]"
  check "PostgreSQL restart: no 5xx but the calm 503 at any time" "[ $OTHER_5XX -eq 0 ] && [ $(summary_value "$BENCH_WORK/pg" status_5xx) -eq $(summary_value "$BENCH_WORK/pg" calm_5xx) ]"
  check "PostgreSQL restart: every request answered, none slower than 10 s during the outage" "[ $(summary_value "$BENCH_WORK/pg" no_answer) -eq 0 ] && [ $OUTAGE_SLOWEST -le 10000 ]"
  check "PostgreSQL restart: health DOWN (503) while it is down, UP (200) after" "[ '$HEALTH_DOWN' = 503 ] && [ '$HEALTH_UP' = 200 ]"
  check "PostgreSQL restart: recovered by itself within 10 s" "[ $RECOVERY_MS -ge 0 ] && [ $RECOVERY_MS -le 10000 ]"
  check "PostgreSQL restart: no acknowledged check-in lost" "[ $LOST -eq 0 ] && [ $ACKED -gt 0 ]"
} >> "$REPORT"

echo "faults: $CHECKS_PASSED passed, $CHECKS_FAILED failed" >> "$REPORT"
mkdir -p bench/results
cp "$REPORT" "$RESULTS"
cat "$RESULTS"
[ "$CHECKS_FAILED" -eq 0 ]
