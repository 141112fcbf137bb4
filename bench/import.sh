#!/usr/bin/env bash
# HSDS import benchmark: 100,000 generated 211-style services (tools/hsds-bench-data.py), uploaded
# by a curator on /curate/files as HSDS JSON and, into a fresh app, as a zip of CSV tables. For each:
# wall time from the upload to the report, the app's CPU time meanwhile (steadier than wall time on a
# shared machine), its peak RSS during the import (VmRSS sampled every 0.5 s, and VmHWM), and a few
# timed /support?q= searches while it runs. The machine's load average is written with the figures.
# Writes bench/results/import.txt.
# Usage: bench/import.sh [services] [port]    SKIP_BUILD=1 uses the jar already built.
# JFR=1 records a flight recording of each import into the work folder (for profiling).
# WORK=folder keeps the data and the apps there (default /tmp/counterspace-bench-import); JAR=path runs that jar;
# XMX=512m gives the app that heap (default 320m, the README's for a server that imports); FORMATS=json (or csv) runs one.
# MORE_JVM_OPTIONS="-XX:NewRatio=2" adds options after jvm.options (to compare a setting).
# OUT=file writes the figures there instead. DB=postgres imports into PostgreSQL on 127.0.0.1:5432 (a fresh
# database per format, dropped at the end; the postgres profile) and adds PostgreSQL's CPU time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PORT=${2:-18501}
XMX=${XMX:-320m}
FORMATS=${FORMATS:-json csv}
DB=${DB:-h2}
BASE="http://127.0.0.1:$PORT"
WORK=${WORK:-/tmp/counterspace-bench-import}
OUT=${OUT:-bench/results/import.txt}
mkdir -p bench/results "$WORK"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -DskipTests package
fi
JAR=${JAR:-$(ls target/counterspace-*.jar | grep -v original | head -1)}
if [ "$(cat "$WORK/size" 2>/dev/null)" != "$N" ]; then
  python3 tools/hsds-bench-data.py "$N" "$WORK"
  echo "$N" > "$WORK/size"
fi

APP=""
SEARCHER=""
SAMPLER=""
cleanup() {
  for pid in $SEARCHER $SAMPLER $APP; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

pg() { psql -h 127.0.0.1 -U postgres -d test -qAt -c "$1"; }

start_app() {   # start_app NAME : a fresh database (H2 in $WORK/NAME, or PostgreSQL) and index in $WORK/NAME
  rm -rf "$WORK/$1" && mkdir -p "$WORK/$1"
  local db=(--spring.datasource.url="jdbc:h2:file:$WORK/$1/db;WRITE_DELAY=0")
  if [ "$DB" = postgres ]; then
    pg "DROP DATABASE IF EXISTS bench_import_$1" && pg "CREATE DATABASE bench_import_$1"
    db=(--spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/bench_import_$1")
  fi
  local jfr=()
  [ -n "${JFR:-}" ] && jfr=(-XX:StartFlightRecording=filename="$WORK/$1.jfr",settings=profile)
  # the settings the README gives a server that imports: jvm.options, XMX (-Xmx320m), glibc's settings
  MALLOC_MMAP_THRESHOLD_=1048576 MALLOC_ARENA_MAX=2 COUNTERSPACE_ADMIN_USERNAME=benchcurator \
    COUNTERSPACE_ADMIN_PASSWORD='bench curator password 1' COUNTERSPACE_SECURE_COOKIES=false \
    java @jvm.options -Xmx"$XMX" ${MORE_JVM_OPTIONS:-} "${jfr[@]}" -jar "$JAR" --server.port="$PORT" \
    "${db[@]}" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/$1/index" \
    --counterspace.directory.import-folder="$WORK/$1/imports" \
    --counterspace.directory.limits.api-requests=100000000 ${APP_ARGS:-} > "$WORK/$1/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do
    curl -sf "$BASE/actuator/health" >/dev/null && return 0
    kill -0 "$APP" 2>/dev/null || { echo "app stopped; see $WORK/$1/app.log"; exit 1; }
    sleep 1
  done
  echo "app did not start"; exit 1
}

sign_in() {     # a curator session in $WORK/cookies
  rm -f "$WORK/cookies"
  local token
  token=$(curl -sf -c "$WORK/cookies" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode "_csrf=$token" \
    --data-urlencode "username=benchcurator" --data-urlencode "password=bench curator password 1" "$BASE/login"
}

cpu_ticks() {    # the app's user + system CPU time so far, in clock ticks
  awk '{print $14 + $15}' "/proc/$APP/stat"
}

postgres_ticks() { # all PostgreSQL server processes' user + system CPU time so far, in clock ticks
  local total=0 pid
  for pid in $(pgrep -x postgres); do
    total=$(( total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

import_file() { # import_file FILE LABEL : upload, follow the job page to its report, print the figures
  local file=$1 label=$2 token job started ended page
  sign_in
  token=$(curl -sf -b "$WORK/cookies" "$BASE/curate/files" | sed -n 's/.*\/curate\/files\/import?_csrf=\([^"&]*\)".*/\1/p' | head -1)
  local before; before=$(awk '/VmRSS/ {print $2}' "/proc/$APP/status")
  echo 5 > "/proc/$APP/clear_refs" 2>/dev/null || true   # peak RSS (VmHWM) counted from here
  ( peak=0; while kill -0 "$APP" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$APP/status"); [ "$rss" -gt "$peak" ] && peak=$rss && echo "$peak" > "$WORK/peak"
      sleep 0.5; done ) & SAMPLER=$!
  ( while true; do
      curl -s -o /dev/null -w "%{http_code} %{time_total}\n" "$BASE/support?q=counseling" >> "$WORK/searches"
      sleep 5; done ) & SEARCHER=$!
  : > "$WORK/searches"
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  local cpu_before; cpu_before=$(cpu_ticks)
  local pg_before; pg_before=$(postgres_ticks)
  started=$(date +%s%N)
  job=$(curl -s -o /dev/null -w "%{redirect_url}" -b "$WORK/cookies" -F "file=@$file" -F "timeZone=America/Los_Angeles" \
    "$BASE/curate/files/import?_csrf=$token")
  local answered=$(( ($(date +%s%N) - started) / 1000000 ))
  [ -n "$job" ] || { echo "upload refused"; exit 1; }
  while true; do
    page=$(curl -s -b "$WORK/cookies" "$job")
    grep -q 'http-equiv="refresh" content="2"' <<< "$page" || break
    sleep 1
  done
  ended=$(date +%s%N)
  kill "$SEARCHER" "$SAMPLER" 2>/dev/null || true; SEARCHER=""; SAMPLER=""
  local cpu=$(( ($(cpu_ticks) - cpu_before) / $(getconf CLK_TCK) ))
  local hwm; hwm=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")
  local report; report=$(grep -o '<h2 id="report-heading">[^<]*' <<< "$page" | sed 's/.*>//' || true)
  [ -n "$report" ] || report=$(grep -o 'Imported [0-9,]* services[^<]*\|Nothing was imported[^<]*' <<< "$page" | head -1)
  echo "$label ($(du -hL "$file" | cut -f1) file): $report"
  echo "  wall time, upload to report: $(( (ended - started) / 1000000 / 1000 )) s (upload answered in ${answered} ms)"
  echo "  the app's CPU time meanwhile (user + system, all threads): $cpu s"
  if [ "$DB" = postgres ]; then echo "  PostgreSQL's CPU time meanwhile (its server processes): $(( ($(postgres_ticks) - pg_before) / $(getconf CLK_TCK) )) s"; fi
  echo "  RSS before the upload: $(( before / 1024 )) MB; peak during the import: $(( $(cat "$WORK/peak") / 1024 )) MB sampled, VmHWM $(( hwm / 1024 )) MB"
  echo "  load average at the start: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  /support?q=counseling every 5 s meanwhile: $(python3 -c '
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
t = sorted(float(r[1]) for r in rows)
print(f"{len(t)} searches, statuses {sorted(set(r[0] for r in rows))}, median {statistics.median(t):.2f} s, "
      f"p95 {t[int(len(t) * 0.95)]:.2f} s, max {t[-1]:.2f} s")' "$WORK/searches")"
}

{
  echo "HSDS import benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $N services (tools/hsds-bench-data.py)"
  if [ "$DB" = postgres ]; then database="PostgreSQL $(pg 'SHOW server_version') on 127.0.0.1"; else database="H2 file database"; fi
  echo "app: java @jvm.options -Xmx$XMX (serial collector), MALLOC_MMAP_THRESHOLD_=1048576, $database, fresh for each format"
  for format in $FORMATS; do
    start_app "$format"
    if [ "$format" = json ]; then import_file "$WORK/services.json" "JSON"; else import_file "$WORK/services-csv.zip" "CSV zip"; fi
    kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""
    if [ "$DB" = postgres ]; then pg "DROP DATABASE bench_import_$format"; fi
  done
} | tee "$OUT"
