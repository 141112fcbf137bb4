#!/usr/bin/env bash
# Scale-out: two instances of the cluster profile behind nginx (round-robin, no sticky sessions) on
# loopback, with OpenSearch from tools/opensearch-dev and a database of its own on the shared PostgreSQL
# (127.0.0.1:5432, dropped afterwards). Ports: nginx 18100, instances 18101 and 18102, OpenSearch 18110-18111.
#  0. warm-up: the people through nginx for WARMUP_SECONDS (20), so both JVMs are equally warm;
#  1. one instance: simulated people (bench/LoadPeople.java: guides, directory search, registering or
#     signing in, a check-in, the journal, signing out) straight at instance A, for ONE_SECONDS (20);
#  2. two instances: new people through nginx for SECONDS (60) while a curator creates and retires services
#     on one instance and times how long until the other's search shows the change; instance B, where the
#     curator signed in, is killed with kill -9 half-way, and the curator goes on with the same session on A.
# Prints throughput for one instance and for two (before the kill), edit visibility p50/p99, 5xx and
# check-ins acknowledged vs stored (read with SQL at the end). Writes bench/results/scale-out.txt, whose
# last line is "scale-out: N passed, M failed". Needs nginx (apt-get install -y nginx).
# Usage: bench/scale-out.sh [seconds, default 60] [people, default 24]. SKIP_BUILD=1 reuses the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TWO=${1:-60}
PEOPLE=${2:-24}
ONE_SECONDS=${ONE_SECONDS:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
THINK=${THINK:-0-50}
RESULTS=bench/results/scale-out.txt
source bench/lib.sh
LB_PORT=18100 A_PORT=18101 B_PORT=18102 OPENSEARCH_PORT=18110
RUN=$(( $(date +%s) % 100000 ))
BENCH_WORK=$(mktemp -d /tmp/counterspace-scale-out.XXXXXX)
REPORT=$BENCH_WORK/report.txt
ADMIN=scaleout-curator ADMIN_PASSWORD="a calm curator tends the quiet garden"
A_PID="" B_PID="" OPENSEARCH_PID="" NGINX_PID=""

stop_all() {
  local pid
  for pid in "$NGINX_PID" "$A_PID" "$B_PID" "$OPENSEARCH_PID"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  bench_cleanup
}

build_jar
command -v nginx >/dev/null || { echo "nginx is needed: apt-get install -y nginx" >&2; exit 1; }
{
  echo "# bench/scale-out.sh, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "$PEOPLE people, think $THINK ms: ${WARMUP_SECONDS}s warm-up, ${ONE_SECONDS}s on one instance, then ${SECONDS_TWO}s on two behind nginx (kill -9 of one half-way)"
  echo "uptime before the run: $(uptime)"
} > "$REPORT"

DATABASE=counterspace_scale_$RUN
create_database "$DATABASE"
trap stop_all EXIT

echo "OpenSearch on $OPENSEARCH_PORT..." >&2
OPENSEARCH_PORT=$OPENSEARCH_PORT OPENSEARCH_DATA="$BENCH_WORK/opensearch" tools/opensearch-dev/run.sh \
  > "$BENCH_WORK/opensearch.log" 2>&1 &
OPENSEARCH_PID=$!
for _ in $(seq 1 600); do
  grep -q "OPENSEARCH READY" "$BENCH_WORK/opensearch.log" && break
  kill -0 "$OPENSEARCH_PID" 2>/dev/null || { tail -30 "$BENCH_WORK/opensearch.log"; exit 1; }
  sleep 0.5
done

CLUSTER_ARGS=(--spring.profiles.active=postgres,cluster "${SIMULATED_PEOPLE_ARGS[@]}"
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DATABASE"
  --spring.jpa.properties.hibernate.search.backend.hosts="127.0.0.1:$OPENSEARCH_PORT"
  --server.servlet.session.cookie.secure=false
  --counterspace.admin.username="$ADMIN" --counterspace.admin.password="$ADMIN_PASSWORD")
echo "instances on $A_PORT and $B_PORT..." >&2
launch_app "$A_PORT" "$BENCH_WORK/a.log" "${CLUSTER_ARGS[@]}"; A_PID=$LAUNCHED_PID; A_STARTUP=$STARTUP_MS
launch_app "$B_PORT" "$BENCH_WORK/b.log" "${CLUSTER_ARGS[@]}"; B_PID=$LAUNCHED_PID; B_STARTUP=$STARTUP_MS

# round-robin without sticky sessions, as tools/nginx/compose.conf: a connection refused (the killed
# instance) is passed to the other one
mkdir -p "$BENCH_WORK/nginx/logs"
cat > "$BENCH_WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
error_log $BENCH_WORK/nginx/logs/error.log warn;
pid $BENCH_WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream counterspace {
    server 127.0.0.1:$A_PORT max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$B_PORT max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://counterspace;
      proxy_set_header Host \$host;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
EOF
nginx -p "$BENCH_WORK/nginx" -c "$BENCH_WORK/nginx/nginx.conf" -g "daemon off;" &
NGINX_PID=$!
for _ in $(seq 1 40); do curl -fs "http://127.0.0.1:$LB_PORT/actuator/health/readiness" >/dev/null && break; sleep 0.25; done

# both JVMs warmed up alike first (through nginx), so neither phase measures a cold instance
echo "warm-up: $PEOPLE people for ${WARMUP_SECONDS}s through nginx..." >&2
BENCH_BASE="http://127.0.0.1:$LB_PORT" run_people "$BENCH_WORK/warm-up" --people "$PEOPLE" --seconds "$WARMUP_SECONDS" \
  --run "${RUN}0" --think "$THINK" --ramp 2 --timeout 30 > /dev/null

echo "one instance: $PEOPLE people for ${ONE_SECONDS}s..." >&2
BENCH_BASE="http://127.0.0.1:$A_PORT" run_people "$BENCH_WORK/one" --people "$PEOPLE" --seconds "$ONE_SECONDS" \
  --run "${RUN}1" --think "$THINK" --ramp 2 --timeout 30 > /dev/null

# the curator signs in on B first (the session the kill must not end), then the people and the clock start
mkdir -p "$BENCH_WORK/curator"; : > "$BENCH_WORK/curator/visibility.tsv"
java -Xmx128m -cp "$PEOPLE_CLASSES" LoadPeople --mode curator --people 1 --ramp 0 --think 0-0 --timeout 30 \
  --seconds $((SECONDS_TWO + 600)) --stop-file "$BENCH_WORK/stop" \
  --bases "http://127.0.0.1:$A_PORT,http://127.0.0.1:$B_PORT" --admin "$ADMIN" --admin-password "$ADMIN_PASSWORD" \
  --out "$BENCH_WORK/curator" --run "${RUN}3" > /dev/null &
CURATOR_PID=$!
for _ in $(seq 1 600); do [ -f "$BENCH_WORK/curator/signed-in" ] && break; sleep 0.5; done

echo "two instances: $PEOPLE people for ${SECONDS_TWO}s, kill -9 of B after $((SECONDS_TWO / 2))s..." >&2
STARTED_MS=$(now_ms)
BENCH_BASE="http://127.0.0.1:$LB_PORT" run_people "$BENCH_WORK/two" --people "$PEOPLE" --seconds "$SECONDS_TWO" \
  --run "${RUN}2" --think "$THINK" --ramp 2 --timeout 30 > /dev/null &
PEOPLE_PID=$!
sleep $((SECONDS_TWO / 2))
KILLED_MS=$(now_ms)
kill -9 "$B_PID"; wait "$B_PID" 2>/dev/null || true; B_PID=""
DEAD_MS=$(now_ms)
wait "$PEOPLE_PID"; PEOPLE_PID=""
touch "$BENCH_WORK/stop"
wait "$CURATOR_PID"

# rps FILE FROM_MS TO_MS : requests started per second in that window
rps() { awk -F'\t' -v from="$2" -v to="$3" '$1 >= from && $1 < to { n++ } END { printf "%.1f", n / ((to - from) / 1000) }' "$1"; }
# throughput once every person has arrived (after the 2 s ramp): one instance, and two before the kill
ONE_FROM=$(( $(head -1 "$BENCH_WORK/one/requests.tsv" | cut -f1) + 2000 ))
ONE_RPS=$(rps "$BENCH_WORK/one/requests.tsv" "$ONE_FROM" $(( ONE_FROM + (ONE_SECONDS - 3) * 1000 )))
TWO_FROM=$(( $(head -1 "$BENCH_WORK/two/requests.tsv" | cut -f1) + 2000 ))
TWO_RPS=$(rps "$BENCH_WORK/two/requests.tsv" "$TWO_FROM" "$KILLED_MS")
RATIO=$(awk -v a="$ONE_RPS" -v b="$TWO_RPS" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
# 5xx through nginx, apart from requests in flight to the killed instance (begun before it was dead,
# answered after the kill began)
FIVEXX=$(awk -F'\t' '$3 >= 500' "$BENCH_WORK/two/requests.tsv" | wc -l)
FIVEXX_OTHER=$(awk -F'\t' -v k="$KILLED_MS" -v d="$DEAD_MS" '$3 >= 500 && !($1 <= d && $1 + $4 >= k)' \
  "$BENCH_WORK/two/requests.tsv" | wc -l)
NO_ANSWER=$(awk -F'\t' '$3 == 0' "$BENCH_WORK/two/requests.tsv" | wc -l)
# visibility on the other instance of a curator's change (cross-instance rounds only)
VISIBILITY=$(awk -F'\t' '$3 == "cross" && $4 >= 0 { print $4 }' "$BENCH_WORK/curator/visibility.tsv" | sort -n)
NOT_VISIBLE=$(awk -F'\t' '$4 < 0' "$BENCH_WORK/curator/visibility.tsv" | wc -l)
percentile() { awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print -1; exit } i = int(p / 100 * NR + 0.999); if (i < 1) i = 1; print v[i] }'; }
VIS_P50=$(percentile 50 <<<"$VISIBILITY"); VIS_P99=$(percentile 99 <<<"$VISIBILITY")
VIS_COUNT=$(grep -c . <<<"$VISIBILITY" || true)
AFTER_KILL=$(awk -F'\t' -v k="$KILLED_MS" '$1 > k && $4 >= 0' "$BENCH_WORK/curator/visibility.tsv" | wc -l)

kill "$A_PID"; wait "$A_PID" 2>/dev/null || true; A_PID=""
cat "$BENCH_WORK"/{warm-up,one,two}/acked.txt > "$BENCH_WORK/acked.txt"
for phase in 0 1 2; do pg_notes 5432 "$DATABASE" "$RUN$phase"; done > "$BENCH_WORK/stored.txt"
compare_writes "$BENCH_WORK/acked.txt" "$BENCH_WORK/stored.txt"

{
  echo
  echo "start-up: instance A ${A_STARTUP} ms (builds the index), instance B ${B_STARTUP} ms (finds it built)"
  echo
  echo "## one instance (A directly)"
  cat "$BENCH_WORK/one/summary.txt"
  echo
  echo "## two instances through nginx (B killed at +$(( (KILLED_MS - STARTED_MS) / 1000 ))s)"
  cat "$BENCH_WORK/two/summary.txt"
  echo
  echo
  echo "## the curator (signed in on B; creates on one instance, searches on the other)"
  cat "$BENCH_WORK/curator/summary.txt" 2>/dev/null || echo "(no summary)"
  echo
  echo "throughput: one instance ${ONE_RPS}/s, two instances ${TWO_RPS}/s (before the kill): ratio ${RATIO}"
  echo "curator edits visible on the other instance: n=$VIS_COUNT p50=${VIS_P50} ms p99=${VIS_P99} ms, not within 10 s: $NOT_VISIBLE; curator rounds on A after the kill (session made on B): $AFTER_KILL"
  echo "5xx through nginx: $FIVEXX ($((FIVEXX - FIVEXX_OTHER)) in flight to the killed instance), no answer: $NO_ANSWER"
  echo "check-ins acknowledged=$ACKED stored=$STORED lost=$LOST stored_unacknowledged=$UNACKED"
  check "sessions survive the switch: the curator's session from the killed instance works on the other" "[ $AFTER_KILL -gt 0 ]"
  check "no acknowledged check-in lost" "[ $ACKED -gt 0 ] && [ $LOST -eq 0 ]"
  check "curator edits visible on the other instance within 5 s (p99)" "[ $VIS_COUNT -gt 0 ] && [ $NOT_VISIBLE -eq 0 ] && [ $VIS_P99 -le 5000 ]"
  check "no 5xx other than requests in flight to the killed instance" "[ $FIVEXX_OTHER -eq 0 ]"
  check "every request through nginx answered" "[ $NO_ANSWER -eq 0 ]"
  echo "uptime after the run: $(uptime)"
} >> "$REPORT"
echo "scale-out: $CHECKS_PASSED passed, $CHECKS_FAILED failed" >> "$REPORT"
mkdir -p bench/results
cp "$REPORT" "$RESULTS"
cat "$RESULTS"
[ "$CHECKS_FAILED" -eq 0 ]
