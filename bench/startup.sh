#!/usr/bin/env bash
# Start-up and memory on the embedded default (H2 file, Lucene index beside it).
#   1. Start-up: launch to /actuator/health/readiness UP (seeding and indexing done), RUNS times on a
#      fresh folder (migrations, demo data, index built) and RUNS times on an existing one; medians,
#      with the process's CPU time at readiness, which the machine's other work does not stretch.
#   2. Memory: RSS after a load (sign-ins, the guide page, a search page, a signed-in page) on the
#      last measured start, then the same load on a start with the JVM's Native Memory Tracking, whose
#      summary and heap say where the memory goes (tracking itself costs some 20 MB, so the RSS figure
#      is taken without it).
# The jar runs as the README and the Dockerfile run it: extracted, with a class data sharing archive
# from a training run, the options in jvm.options (HEAP, default 320m, is only the ceiling: the heap
# grows from 32 MB as the work needs) and glibc's settings from the README. PLAIN=1 runs the fat jar
# with the JVM's default settings instead, for the figures before.
# Usage: bench/startup.sh   (RUNS=5 LOAD_SECONDS=15 HEAP=320m PLAIN=1 SKIP_BUILD=1 BENCH_PORT=...)
# Writes bench/results/startup.txt (bench/results/startup-plain.txt with PLAIN=1).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_PORT=${BENCH_PORT:-18410}
source bench/lib.sh

RUNS=${RUNS:-5}
LOAD_SECONDS=${LOAD_SECONDS:-15}
HEAP=${HEAP:-320m}
OUT="$RESULTS_DIR/startup${PLAIN:+-plain}.txt"
PASSWORD='a long walk along the quiet canal'
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

build_jar
BENCH_WORK=$(mktemp -d /tmp/counterspace-startup.XXXXXX)
trap bench_cleanup EXIT
NMT=-XX:NativeMemoryTracking=summary
use_served_jar "$BENCH_WORK" "$HEAP"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# start_measured LIST : starts the app (BENCH_DATA as set) and appends "wall-ms cpu-ms" to LIST.
start_measured() {
  start_app --server.address=127.0.0.1
  echo "$STARTUP_MS $(cpu_ms "$APP_PID")" >> "$1"
}

FRESH="$BENCH_WORK/fresh" EXISTING="$BENCH_WORK/existing"
for i in $(seq 1 "$RUNS"); do
  [ -n "${BENCH_DATA:-}" ] && rm -rf "$BENCH_DATA"
  BENCH_DATA=""
  start_measured "$FRESH"
  stop_app
  echo "fresh folder, run $i: $(tail -1 "$FRESH") (wall ms, CPU ms)"
done
for i in $(seq 1 "$RUNS"); do
  start_measured "$EXISTING"
  [ "$i" -lt "$RUNS" ] && stop_app
  echo "existing database, run $i: $(tail -1 "$EXISTING") (wall ms, CPU ms)"
done

# The load: sign-ins all at once (each Argon2 hash holds 19 MiB while it runs), then wrk on the guide
# page, a search page and a signed-in page.
LOAD_PAGES=("/guidance/healing-at-home" "/support?q=counselling" "/checkins/trends")
apply_load() {
  local signins=() session
  for i in $(seq 1 8); do
    register_account "bench.memory$1$i" "$PASSWORD" "$BENCH_WORK/cookies$1$i" &
    signins+=($!)
  done
  wait "${signins[@]}"
  session=$(awk '$6 == "JSESSIONID" {print $7}' "$BENCH_WORK/cookies${1}1" | tail -1)
  for page in "${LOAD_PAGES[@]}"; do
    run_wrk "$BENCH_WORK/load.wrk" -t2 -c32 -d"${LOAD_SECONDS}s" -H "Cookie: JSESSIONID=$session" "$BENCH_BASE$page"
    echo "load $page: $WRK_RPS requests/s, non-2xx $WRK_ERRORS"
  done
}

apply_load a
RSS=$(rss_mb "$APP_PID")
stop_app
BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS $NMT"
start_app --server.address=127.0.0.1
apply_load b
RSS_TRACKED=$(rss_mb "$APP_PID")
jcmd "$APP_PID" VM.native_memory summary scale=MB > "$BENCH_WORK/nmt.txt"
jcmd "$APP_PID" GC.heap_info > "$BENCH_WORK/heap.txt"

# "-  Java Heap (reserved=256MB, committed=98MB)" -> "Java Heap 98"
nmt_committed() {
  sed -n 's/^-  *\(.*[^ ]\) *(reserved=[0-9]*MB, committed=\([0-9]*\)MB)/\1 \2/p' "$BENCH_WORK/nmt.txt"
}

{
  echo "Counterspace start-up and memory, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at start $LOAD_BEFORE"
  echo "settings: $SETTINGS"
  echo "start-up, launch to readiness UP, median of $RUNS (wall ms / process CPU ms):"
  echo "  fresh folder (migrations, demo data, index): $(cut -d' ' -f1 "$FRESH" | median) / $(cut -d' ' -f2 "$FRESH" | median)"
  echo "  existing database:                           $(cut -d' ' -f1 "$EXISTING" | median) / $(cut -d' ' -f2 "$EXISTING" | median)"
  echo "  runs (wall CPU): fresh $(tr '\n' ',' < "$FRESH" | sed 's/,$//'); existing $(tr '\n' ',' < "$EXISTING" | sed 's/,$//')"
  echo "RSS after the load (8 sign-ins at once, ${LOAD_SECONDS}s wrk -c32 each on ${LOAD_PAGES[*]}): $RSS MB"
  echo "the same load on a start with Native Memory Tracking: RSS $RSS_TRACKED MB, of which:"
  echo "heap (jcmd GC.heap_info):"
  grep -E 'total' "$BENCH_WORK/heap.txt" | sed 's/^ */  /; s/ \[.*//'
  echo "Native Memory Tracking, committed MB by area:"
  echo "  total $(sed -n 's/^Total: reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/\1/p' "$BENCH_WORK/nmt.txt")"
  nmt_committed | awk '{ n = $NF; $NF = ""; printf "  %-28s %5d\n", $0, n }'
  echo "  (NMT counts what the JVM has committed, touched or not, and not what native libraries allocate"
  echo "  themselves, such as the Argon2 library's hashes; RSS counts the pages in memory)"
} | tee "$OUT"
