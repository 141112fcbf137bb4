# Shared helpers for the benchmark scripts: start the app jar on loopback, read its CPU and
# memory from /proc, run wrk and pull out its figures. Source it; do not run it.

BENCH_PORT=${BENCH_PORT:-18080}
BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
RESULTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/results"
mkdir -p "$RESULTS_DIR"

# A free TCP port on loopback, for a benchmark that starts its own app.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# The CSRF token of the HTML form read on standard input.
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }

# register_account USERNAME PASSWORD COOKIE_JAR : registers through the form; the jar then holds the
# signed-in session.
register_account() {
  local token
  token=$(curl -fs -c "$3" "$BENCH_BASE/register" | csrf)
  curl -fs -o /dev/null -b "$3" -c "$3" --data-urlencode "_csrf=$token" \
    --data-urlencode "username=$1" --data-urlencode "password=$2" --data-urlencode "confirm=$2" \
    "$BENCH_BASE/register"
}

build_jar() {
  if [ -z "${SKIP_BUILD:-}" ] || ! ls target/counterspace-*.jar >/dev/null 2>&1; then
    ./mvnw -q -B -DskipTests package
  fi
  APP_JAR=$(ls target/counterspace-*.jar | grep -v plain | head -1)
}

# start_app EXTRA_ARGS... : starts the jar with a throwaway H2 file database and search index (the
# default index under ./data outlives the run, and a run then starts on the last run's leftovers),
# waits for health.
start_app() {
  BENCH_DATA=$(mktemp -d /tmp/counterspace-bench.XXXXXX)
  local started=$(date +%s%N)
  java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$APP_JAR" --server.port="$BENCH_PORT" \
    --spring.datasource.url="jdbc:h2:file:$BENCH_DATA/db;WRITE_DELAY=0" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$BENCH_DATA/search-index" \
    --logging.level.root=WARN "$@" > "$BENCH_DATA/app.log" 2>&1 &
  APP_PID=$!
  trap stop_app EXIT
  for _ in $(seq 1 240); do
    if curl -fs "$BENCH_BASE/actuator/health" >/dev/null 2>&1; then
      STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$BENCH_DATA/app.log"; return 1; }
    sleep 0.25
  done
  echo "app did not start" >&2
  return 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  [ -n "${BENCH_DATA:-}" ] && rm -rf "$BENCH_DATA"
  APP_PID=""
}

# CPU time (ms) the process has used so far.
cpu_ms() {
  local ticks=$(awk '{print $14 + $15}' "/proc/$1/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

rss_mb() {
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"
}

# run_wrk OUTFILE wrk-args... ; then WRK_RPS, WRK_P50, WRK_P99, WRK_REQUESTS, WRK_ERRORS are set.
run_wrk() {
  local out=$1; shift
  wrk "$@" > "$out"
  WRK_RPS=$(awk '/Requests\/sec/ {print $2}' "$out")
  WRK_P50=$(awk '$1 == "50%" {print $2}' "$out")
  WRK_P90=$(awk '$1 == "90%" {print $2}' "$out")
  WRK_P99=$(awk '$1 == "99%" {print $2}' "$out")
  WRK_REQUESTS=$(awk '/requests in/ {print $1}' "$out")
  WRK_ERRORS=$(awk '/Non-2xx/ {print $4}' "$out"); WRK_ERRORS=${WRK_ERRORS:-0}
}
