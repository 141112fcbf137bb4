#!/usr/bin/env bash
# A single-node OpenSearch 2.19 on 127.0.0.1:${OPENSEARCH_PORT:-9200} (transport on the next port), built
# from Maven Central artifacts only: no Docker. Runs in the foreground; Ctrl-C or SIGTERM stops it.
# Data: ${OPENSEARCH_DATA:-target/opensearch-dev} (delete it to start empty). Heap: OPENSEARCH_HEAP (512m).
set -euo pipefail
cd "$(dirname "$0")"
PORT="${OPENSEARCH_PORT:-9200}"
DATA="${OPENSEARCH_DATA:-target/opensearch-dev}"
HEAP="${OPENSEARCH_HEAP:-512m}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# its own pom, not the app's: Spring Boot's managed versions (Netty 4.2 above all) would break OpenSearch 2.19
../../mvnw -q -B -f pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -cp "target/classes:$(cat target/classpath.txt)" \
  org.counterspace.opensearchdev.OpenSearchDevServer "$PORT" "$DATA"
