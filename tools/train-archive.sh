#!/usr/bin/env bash
# The training run behind the class data sharing archive (README, "Start-up and memory"): starts the
# extracted jar on a throwaway H2 database, waits until it is ready (demo data seeded, search index
# built, repositories and their queries read), asks for a few pages as a visitor would, then stops it.
# The JVM writes the archive as it exits, with every class start-up and those pages loaded; stopping at
# the context's refresh instead (-Dspring.context.exit=onRefresh) left out the 1,600 classes that are
# loaded after it (Hibernate's query grammar, Spring Data's repositories, Lucene), which each start
# then read from the jars and verified again.
# Usage: tools/train-archive.sh JAR ARCHIVE_OPTION [JVM_OPTION...]
#   ARCHIVE_OPTION: -XX:ArchiveClassesAtExit=FILE on Java 17, -XX:AOTCacheOutput=FILE on Java 25 or later
#   PORT (default 8080): the loopback port the training run listens on
# Needs only bash and java (no curl in the runtime image), so the Dockerfile runs it too.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n 9,11p "$0" >&2
  exit 2
fi
JAR=$1
ARCHIVE=${2#*=}
shift
PORT=${PORT:-8080}
WORK=$(mktemp -d /tmp/counterspace-training.XXXXXX)
APP=""

# Stops the training JVM and waits until it has exited: it writes the archive as it exits, and its
# folder may only go once it is gone. (wait alone may return early when the script itself is stopped.)
stop_training() {
  [ -n "$APP" ] || return 0
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  while [ -e "/proc/$APP" ] && ! grep -q ') Z' "/proc/$APP/stat" 2>/dev/null; do
    sleep 0.2
  done
  APP=""
}
# the training JVM is stopped with the script, however it ends (a background job ignores Ctrl-C)
trap 'stop_training; rm -rf "$WORK"' EXIT

# fail FIRST_LINE : says why on standard error, with the training run's log, and stops.
fail() {
  echo "training run: $1" >&2
  cat "$WORK/training.log" >&2 2>/dev/null || true
  exit 1
}

# http_get PATH : the status line of a GET on the training run, or nothing while it does not answer;
# the rest of the answer is read too, so the page is rendered in full.
http_get() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT" \
    && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 \
    && { IFS= read -r line <&3; printf '%s\n' "${line%$'\r'}"; cat <&3 >/dev/null; }) 2>/dev/null || true
}

# Another process answering on the port (an instance being upgraded) would be asked instead.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  fail "something already listens on 127.0.0.1:$PORT; give a free port with PORT=..."
fi
# An archive left from an earlier run must not pass for this one.
rm -f "$ARCHIVE"
# The default profile only: the caller's profiles (cluster: a shared OpenSearch index) stay out of it.
java "$@" -jar "$JAR" --spring.profiles.active=default --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:h2:file:$WORK/db" \
  --spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/search-index" \
  --logging.level.root=WARN > "$WORK/training.log" 2>&1 &
APP=$!
# up to 5 minutes: a busy builder has taken 100 s to start
for attempt in $(seq 1 600); do
  case "$(http_get /actuator/health/readiness)" in *" 200"*) break ;; esac
  if ! kill -0 "$APP" 2>/dev/null || [ "$attempt" -eq 600 ]; then
    fail "the app did not get ready"
  fi
  sleep 0.5
done
for page in / /guidance /guidance/healing-at-home /support "/support?q=counselling" "/support?q=youth+group&free=yes" \
  /register /login /help /privacy; do
  status=$(http_get "$page")
  case "$status" in *" 200"*) ;; *) echo "training run: $page answered ${status:-nothing}" >&2 ;; esac
done
# a JVM that could not take the port stops on its own, and what answered was another process
grep -q "APPLICATION FAILED TO START" "$WORK/training.log" && fail "the app failed to start"
kill -0 "$APP" 2>/dev/null || fail "the app stopped before it was asked to"
stop_training
[ -s "$ARCHIVE" ] || fail "the JVM wrote no archive at $ARCHIVE"
