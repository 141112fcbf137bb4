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
trap 'rm -rf "$WORK"' EXIT

# http_get PATH : the status line of a GET on the training run, or nothing while it does not answer.
http_get() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT" \
    && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 \
    && head -1 <&3) 2>/dev/null || true
}

java "$@" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:h2:file:$WORK/db" \
  --spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/search-index" \
  --logging.level.root=WARN > "$WORK/training.log" 2>&1 &
APP=$!
# up to 5 minutes: a busy builder has taken 100 s to start
for attempt in $(seq 1 600); do
  case "$(http_get /actuator/health/readiness)" in *" 200"*) break ;; esac
  if ! kill -0 "$APP" 2>/dev/null || [ "$attempt" -eq 600 ]; then
    echo "training run: the app did not get ready" >&2
    cat "$WORK/training.log" >&2
    kill "$APP" 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done
for page in / /guidance /guidance/healing-at-home /support "/support?q=counselling" "/support?q=youth+group&free=yes" \
  /register /login /help /privacy; do
  status=$(http_get "$page")
  case "$status" in *" 200"*) ;; *) echo "training run: $page answered ${status:-nothing}" >&2 ;; esac
done
kill "$APP"
wait "$APP" || true
if [ ! -s "$ARCHIVE" ]; then
  echo "training run: the JVM wrote no archive at $ARCHIVE" >&2
  cat "$WORK/training.log" >&2
  exit 1
fi
