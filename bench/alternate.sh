#!/usr/bin/env bash
# Two jars side by side on signed-in pages, for a before/after figure on a machine whose speed drifts:
# both apps run at once (as the README runs the jar: extracted, CDS archive, jvm.options), each with
# one person and a year of check-ins, and short wrk bursts alternate between them, so a slow minute
# falls on both. Per page and jar: the app's CPU per request of each burst (from /proc/PID/stat),
# as minimum, median and maximum.
# Usage: bench/alternate.sh BEFORE.jar AFTER.jar [PATH...]   (default: history, trends, check-in form;
#   each jar named counterspace-*.jar, as the build names it)
#   ROUNDS=8 BURST=5 WARMUP=20    bursts per jar and page, seconds per burst, seconds of warm-up per page
#   ANONYMOUS=1 asks without the person's session; SCRIPT=FILE gives wrk a script (bench/varied-search.lua:
#   a different search each time, with ANONYMOUS=1 and the path /support); AFTER_JVM_OPTIONS are added to
#   the second jar's JVM options (the same jar twice then compares two settings)
# Writes bench/results/alternate.txt. Needs wrk. Only talks to 127.0.0.1 (two free ports).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
if [ $# -lt 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  sed -n 7,12p "$0" >&2
  exit 2
fi
BEFORE=$(realpath "$1")
AFTER=$(realpath "$2")
shift 2
PAGES=("$@")
[ ${#PAGES[@]} -eq 0 ] && PAGES=(/checkins /checkins/trends /checkins/new)
ROUNDS=${ROUNDS:-8} BURST=${BURST:-5} WARMUP=${WARMUP:-20}
OUT="$RESULTS_DIR/alternate.txt"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u +%Y-%m-%dT%H:%MZ)
WORK=$(mktemp -d /tmp/counterspace-alternate.XXXXXX)
declare -A PIDS SESSIONS BASES
stop_both() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap stop_both EXIT

for side in before after; do
  APP_JAR=$([ "$side" = before ] && echo "$BEFORE" || echo "$AFTER")
  BENCH_PORT=$(free_port)
  BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
  mkdir -p "$WORK/$side"
  BENCH_DATA="$WORK/$side/data"
  mkdir -p "$BENCH_DATA"
  use_served_jar "$WORK/$side" 320m
  [ "$side" = after ] && BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS ${AFTER_JVM_OPTIONS:-}"
  launch_app "$BENCH_PORT" "$BENCH_DATA/app.log" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:h2:file:$BENCH_DATA/db;WRITE_DELAY=0;LOCK_TIMEOUT=30000" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$BENCH_DATA/search-index"
  PIDS[$side]=$LAUNCHED_PID
  register_account alternate.person 'a long walk along the quiet canal' "$WORK/$side/cookies" >/dev/null
  SESSIONS[$side]=$(session_cookie "$WORK/$side/cookies")
  import_journal "${SESSIONS[$side]}" 365
  BASES[$side]=$BENCH_BASE
done

# spread MIN MEDIAN MAX of the numbers on standard input
spread() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f %.3f %.3f\n", v[1], (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[NR] }'; }

{
  echo "Counterspace, two jars alternating, $STARTED_AT, $(nproc) cores, load average at start $LOAD_AT_START"
  echo "before: $(basename "$BEFORE"), after: $(basename "$AFTER")${AFTER_JVM_OPTIONS:+ with $AFTER_JVM_OPTIONS}; $SETTINGS"
  echo "$([ "${ANONYMOUS:-0}" = 0 ] || echo "anonymous, ")${SCRIPT:+wrk script $SCRIPT, }per page: ${WARMUP}s of warm-up each (in alternating bursts), then $ROUNDS bursts of ${BURST}s (wrk -t2 -c32) per jar, alternating (which goes first swaps each round)"
  echo
  echo "| page | CPU ms/request before: min / median / max | after: min / median / max | median change |"
  echo "|---|---|---|---|"
} > "$OUT"
# wrk_args SIDE : wrk's arguments beside the page (WRK_ARGS): the person's session unless ANONYMOUS, and SCRIPT
wrk_args() {
  WRK_ARGS=()
  [ "${ANONYMOUS:-0}" = 0 ] && WRK_ARGS+=(-H "Cookie: ${SESSIONS[$1]}")
  [ -n "${SCRIPT:-}" ] && WRK_ARGS+=(-s "$SCRIPT")
  return 0
}

for page in "${PAGES[@]}"; do
  # the warm-up alternates in bursts too: warmed one after the other, the first jar's compilers caught
  # up while the second was warmed, and the second's were still at work when the measured bursts began
  for _ in $(seq 1 $(( (WARMUP + BURST - 1) / BURST ))); do
    for side in before after; do
      wrk_args "$side"
      wrk -t2 -c32 -d"${BURST}s" "${WRK_ARGS[@]}" "${BASES[$side]}$page" > /dev/null
    done
  done
  : > "$WORK/before.cpu"; : > "$WORK/after.cpu"
  # each round swaps which jar goes first, so neither always follows the other
  for round in $(seq 1 "$ROUNDS"); do
    order="before after"
    [ $((round % 2)) = 0 ] && order="after before"
    for side in $order; do
      wrk_args "$side"
      run_wrk_cpu "${PIDS[$side]}" "$WORK/burst.txt" -t2 -c32 -d"${BURST}s" "${WRK_ARGS[@]}" "${BASES[$side]}$page"
      [ "$WRK_ERRORS" = 0 ] || { echo "$side $page: $WRK_ERRORS non-2xx answers" >&2; exit 1; }
      echo "$CPU_PER_REQUEST" >> "$WORK/$side.cpu"
    done
  done
  read -r b_min b_med b_max < <(spread < "$WORK/before.cpu")
  read -r a_min a_med a_max < <(spread < "$WORK/after.cpu")
  change=$(awk -v b="$b_med" -v a="$a_med" 'BEGIN { printf "%+.0f %%", (a - b) / b * 100 }')
  echo "| $page | $b_min / $b_med / $b_max | $a_min / $a_med / $a_max | $change |" >> "$OUT"
done
cat "$OUT"
