# Shared helpers for the benchmark scripts: start the app jar on loopback (on H2 or PostgreSQL),
# start a throwaway PostgreSQL cluster, read the app's CPU and memory from /proc, run wrk and pull out
# its figures. Source it; do not run it.

BENCH_PORT=${BENCH_PORT:-18080}
BENCH_BASE="http://127.0.0.1:$BENCH_PORT"
# What start_app waits for (STARTUP_MS is launch until it answers 200).
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

# session_cookie COOKIE_JAR : the signed-in session of a curl cookie jar as a Cookie header value.
session_cookie() { awk '$6=="JSESSIONID"||$6=="SESSION"{printf "%s=%s", $6, $7}' "$1"; }

# import_journal COOKIE_HEADER DAYS : that many days of daily check-ins (a second one on every 7th day)
# up to two days ago, imported through POST /checkins/import as the signed-in person.
import_journal() {
  python3 - "$BENCH_DATA/journal.csv" "$2" <<'PY'
import csv, datetime, random, sys
random.seed(7)
names = ["A place I feel safer", "A friend outside home", "A support group", "Exercise", "Journaling", "Music", "Creative work"]
labels = ["Very low", "Low", "Okay", "Good", "Very good"]
end = datetime.date.today() - datetime.timedelta(days=2)
start = end - datetime.timedelta(days=int(sys.argv[2]))
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["date", "mood", "mood_label", "home_pull", "counter_environments", "small_win", "note", "to_discuss"])
    day = start
    while day <= end:
        for _ in range(2 if day.toordinal() % 7 == 0 else 1):
            mood = random.randint(1, 5)
            used = ";".join(sorted(random.sample(names, random.randint(0, 3)), key=str.lower))
            w.writerow([day.isoformat(), mood, labels[mood - 1], random.randint(0, 10), used,
                        "a small thing" if random.random() < 0.3 else "", "a note " * random.randint(0, 20),
                        "true" if random.random() < 0.1 else "false"])
        day += datetime.timedelta(days=1)
PY
  local token
  token=$(curl -fs -H "Cookie: $1" "$BENCH_BASE/checkins/export" | csrf)
  # an upload carries its CSRF token in the query string (web.UploadGate)
  curl -fs -o /dev/null -H "Cookie: $1" -F "file=@$BENCH_DATA/journal.csv;type=text/csv" \
    "$BENCH_BASE/checkins/import?_csrf=$token"
}

build_jar() {
  if [ -z "${SKIP_BUILD:-}" ] || ! ls target/counterspace-*.jar >/dev/null 2>&1; then
    ./mvnw -q -B -DskipTests package
  fi
  APP_JAR=$(ls target/counterspace-*.jar | grep -v plain | head -1)
}

# use_served_jar DIR HEAP : from now on the app runs as the README and the Dockerfile run it: the jar
# extracted into DIR, a class data sharing archive from a training run (tools/train-archive.sh: the app
# started once on a throwaway database and asked for a few pages), jvm.options with HEAP as the heap's
# ceiling, and glibc's settings. Sets APP_JAR, BENCH_JAVA_OPTS and SETTINGS. PLAIN=1 keeps the fat jar
# with the JVM's default settings instead, for the figures before.
use_served_jar() {
  if [ -n "${PLAIN:-}" ]; then
    BENCH_JAVA_OPTS=""
    SETTINGS="fat jar, the JVM's default settings"
    return
  fi
  java -Djarmode=tools -jar "$APP_JAR" extract --destination "$1/app" >/dev/null
  APP_JAR=$(ls "$1"/app/counterspace-*.jar)
  # the measured runs name the same jar path, as the archive requires; on Java 25 or later the archive
  # is the JVM's AOT cache, which also keeps classes linked and the training run's method profiles
  local write=-XX:ArchiveClassesAtExit="$1/app/app.jsa" read=-XX:SharedArchiveFile="$1/app/app.jsa"
  if [ "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" -ge 25 ]; then
    write=-XX:AOTCacheOutput="$1/app/app.aot" read=-XX:AOTCache="$1/app/app.aot"
  fi
  PORT="$BENCH_PORT" tools/train-archive.sh "$APP_JAR" "$write" @jvm.options -Xmx"$2"
  BENCH_JAVA_OPTS="@jvm.options -Xmx$2 $read"
  export MALLOC_MMAP_THRESHOLD_=1048576 MALLOC_ARENA_MAX=2
  SETTINGS="$(java -version 2>&1 | head -1), extracted jar, ${read%%=*} archive, jvm.options, -Xmx$2, MALLOC_MMAP_THRESHOLD_=1048576, MALLOC_ARENA_MAX=2"
}

# start_app EXTRA_ARGS... : starts the jar and waits until it is ready (readiness UP: the start-up work,
# seeding and indexing included, is done). Its data folder (BENCH_DATA, made here unless set) holds
# the H2 file database, the search index (the default one under ./data outlives the run, and a run
# then starts on the last run's leftovers) and app.log; starting again with BENCH_DATA still set
# reopens the same data. BENCH_DB_URL points the app at another database
# (the postgres profile's, say) instead of the H2 file.
start_app() {
  BENCH_DATA=${BENCH_DATA:-$(mktemp -d /tmp/counterspace-bench.XXXXXX)}
  local url=${BENCH_DB_URL:-"jdbc:h2:file:$BENCH_DATA/db;WRITE_DELAY=0;LOCK_TIMEOUT=30000"}
  trap bench_cleanup EXIT
  launch_app "$BENCH_PORT" "$BENCH_DATA/app.log" --spring.datasource.url="$url" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$BENCH_DATA/search-index" "$@"
  APP_PID=$LAUNCHED_PID
}

# launch_app PORT LOG EXTRA_ARGS... : starts the jar on loopback PORT, logging to LOG, and waits until it
# is ready for traffic (/actuator/health/readiness: start-up done, the search index answering);
# LAUNCHED_PID and STARTUP_MS are set. The caller stops it.
launch_app() {
  local port=$1 log=$2; shift 2
  local started=$(date +%s%N)
  java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$APP_JAR" --server.port="$port" --logging.level.root=WARN "$@" \
    >> "$log" 2>&1 &
  LAUNCHED_PID=$!
  # up to 5 minutes: on a busy machine start-up alone has taken 100 s
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
      STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    kill -0 "$LAUNCHED_PID" 2>/dev/null || { cat "$log"; return 1; }
    sleep 0.25
  done
  echo "app did not start" >&2
  kill "$LAUNCHED_PID" 2>/dev/null || true
  return 1
}

# Stops the app (its data stays until bench_cleanup).
stop_app() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# On exit: the app, nginx, its data folder, the scratch folder (BENCH_WORK), the databases made with
# create_database and the throwaway PostgreSQL cluster, if any.
bench_cleanup() {
  if [ -n "${PEOPLE_PID:-}" ]; then # simulated people still running in the background
    pkill -P "$PEOPLE_PID" 2>/dev/null || true
    kill "$PEOPLE_PID" 2>/dev/null || true
  fi
  stop_app
  if [ -n "${NGINX_DIR:-}" ]; then stop_nginx; rm -rf "$NGINX_DIR"; fi
  [ -n "${BENCH_DATA:-}" ] && rm -rf "$BENCH_DATA"
  [ -n "${BENCH_WORK:-}" ] && rm -rf "$BENCH_WORK"
  [ -n "${PEOPLE_CLASSES:-}" ] && rm -rf "$PEOPLE_CLASSES"
  local database
  for database in ${BENCH_DATABASES:-}; do
    dropdb --force --if-exists -h 127.0.0.1 -p 5432 -U postgres "$database" || true
  done
  stop_pg
  return 0
}

# create_database NAME : a database of the run's own on the shared PostgreSQL (5432), dropped on exit.
create_database() {
  createdb -h 127.0.0.1 -p 5432 -U postgres "$1"
  BENCH_DATABASES="${BENCH_DATABASES:-} $1"
  trap bench_cleanup EXIT
}

# start_pg PORT : a throwaway PostgreSQL cluster (trust auth, database test, fsync on so a restart
# keeps every committed write) in its own folder, run as user postgres like .ci/run. Never the shared
# server on 5432. PG_DATA and PG_CTL are set; restart it with pg_ctl_as_postgres.
start_pg() {
  PG_PORT=$1
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_CTL="$bin/pg_ctl"
  PG_DATA=$(mktemp -d /tmp/counterspace-bench-pg.XXXXXX)
  chown postgres:postgres "$PG_DATA" && chmod 700 "$PG_DATA"
  runuser -u postgres -- "$bin/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 >/dev/null
  trap bench_cleanup EXIT
  pg_ctl_as_postgres start
  createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres test
}

# pg_ctl_as_postgres ACTION [pg_ctl args...] : start, stop or restart the throwaway cluster.
pg_ctl_as_postgres() {
  local action=$1; shift
  runuser -u postgres -- "$PG_CTL" -D "$PG_DATA" -l "$PG_DATA/server.log" -w "$@" \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DATA" "$action" >/dev/null
}

stop_pg() {
  if [ -n "${PG_DATA:-}" ]; then
    runuser -u postgres -- "$PG_CTL" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
    PG_DATA=""
  fi
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
  WRK_P95=$(awk '$1 == "p95" {print $2}' "$out") # printed by a script's done(), when given one
  WRK_REQUESTS=$(awk '/requests in/ {print $1}' "$out")
  WRK_ERRORS=$(awk '/Non-2xx/ {print $4}' "$out"); WRK_ERRORS=${WRK_ERRORS:-0}
}

# run_wrk_cpu PID OUTFILE wrk-args... : run_wrk, and CPU_PER_REQUEST (ms) the process PID spent on each.
run_wrk_cpu() {
  local pid=$1; shift
  local before; before=$(cpu_ms "$pid")
  run_wrk "$@"
  CPU_PER_REQUEST=$(awk -v c=$(($(cpu_ms "$pid") - before)) -v n="$WRK_REQUESTS" 'BEGIN {printf "%.3f", c / n}')
}

# start_nginx DIR PORT : nginx on loopback serving DIR's files as text/html (the ceiling a page is
# compared with); NGINX_DIR is set, stop_nginx stops it. Needs nginx (apt-get install -y nginx).
start_nginx() {
  NGINX_DIR=$1
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$2;
    location / { root $NGINX_DIR; default_type text/html; }
  }
}
CONF
  nginx -c "$NGINX_DIR/nginx.conf"
}

stop_nginx() {
  [ -f "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")"
  return 0
}

# ---- simulated people (bench/LoadPeople.java), for bench/load.sh and bench/faults.sh ----

# All simulated people come from 127.0.0.1, and each checks in far more often than anyone would:
# the per-address registration limit and the daily check-in limit are lifted for them.
SIMULATED_PEOPLE_ARGS=(--server.address=127.0.0.1
  --counterspace.throttle.register-address.attempts=1000000 --counterspace.throttle.register-address.period=1h
  --counterspace.checkins.check-ins-per-day=1000000)

# run_people OUTDIR LoadPeople-options... : runs the simulated people against BENCH_BASE; OUTDIR then
# holds requests.tsv, acked.txt and summary.txt (see bench/LoadPeople.java).
run_people() {
  local out=$1; shift
  people_classes
  java -Xmx256m -cp "$PEOPLE_CLASSES" LoadPeople --base "$BENCH_BASE" --out "$out" "$@"
}

# people_classes : LoadPeople compiled once per run into PEOPLE_CLASSES (removed on exit), so the people
# start at once rather than after the source launcher has compiled it (seconds on a busy machine). Call
# it before running people in the background, or each background run compiles its own.
people_classes() {
  if [ -z "${PEOPLE_CLASSES:-}" ]; then
    PEOPLE_CLASSES=$(mktemp -d /tmp/counterspace-people.XXXXXX)
    javac -d "$PEOPLE_CLASSES" "$(dirname "${BASH_SOURCE[0]}")/LoadPeople.java"
  fi
}

# summary_value OUTDIR KEY : a key=value figure from the people's summary.txt.
summary_value() { grep -o "$2=[^ ]*" "$1/summary.txt" | head -1 | cut -d= -f2 | tr -d ms; }

# h2_notes RUN : check-in notes of that run stored in the H2 file database under BENCH_DATA (the app
# stopped), read with the H2 shell from the app jar.
h2_notes() {
  local h2; h2=$(unzip -Z1 "$APP_JAR" | grep '^BOOT-INF/lib/h2-.*\.jar$' | head -1)
  unzip -o -q -j "$APP_JAR" "$h2" -d "$BENCH_DATA/h2-shell"
  java -cp "$BENCH_DATA/h2-shell/$(basename "$h2")" org.h2.tools.Shell -url "jdbc:h2:file:$BENCH_DATA/db" \
    -user sa -password "" -sql "SELECT note FROM check_in WHERE note LIKE 'lp-$1-%'" \
    | grep -o "lp-$1-[0-9]*-[0-9]*" | sort
}

# pg_notes PORT DATABASE RUN : the same on PostgreSQL.
pg_notes() {
  psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -tAc "SELECT note FROM check_in WHERE note LIKE 'lp-$3-%'" | sort
}

# compare_writes ACKED_FILE STORED_FILE : sets ACKED, STORED, LOST (acknowledged, not stored) and
# UNACKED (stored, never acknowledged: the answer was lost or came after the client gave up).
compare_writes() {
  local acked stored
  acked=$(sort -u "$1"); stored=$(sort -u "$2")
  ACKED=$(grep -c . <<<"$acked" || true); STORED=$(grep -c . <<<"$stored" || true)
  LOST=$(comm -23 <(echo "$acked") <(echo "$stored") | grep -c . || true)
  UNACKED=$(comm -13 <(echo "$acked") <(echo "$stored") | grep -c . || true)
}

# check NAME CONDITION : counts a check (CONDITION is evaluated by bash) and prints it.
CHECKS_PASSED=0 CHECKS_FAILED=0
check() {
  if eval "$2"; then
    CHECKS_PASSED=$((CHECKS_PASSED + 1)); echo "ok    $1"
  else
    CHECKS_FAILED=$((CHECKS_FAILED + 1)); echo "FAIL  $1  ($2)"
  fi
}

now_ms() { date +%s%3N; }

# app_errors : how many ERROR lines the app has logged in BENCH_DATA/app.log, and the most frequent
# kinds (the message and the exception class on the line after it).
app_errors() {
  echo "app log: $(grep -c ' ERROR ' "$BENCH_DATA/app.log" || true) ERROR lines"
  awk '/ ERROR / { message = $0; sub(/.*[0-9a-z\]] +: /, "", message); gsub(/[0-9a-f-]{36}/, "{id}", message); want = 1; next }
       want && NF { print "  " message " <- " $1; want = 0 }' "$BENCH_DATA/app.log" | sort | uniq -c | sort -rn | head -8
}
