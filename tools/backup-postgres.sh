#!/usr/bin/env bash
# Backs up the PostgreSQL database the app uses (COUNTERSPACE_DB_URL/_USER/_PASSWORD, as the postgres
# profile reads them) with pg_dump's custom format, while the app runs: pg_dump reads one consistent
# snapshot and blocks no writes. Only the schema named by ?currentSchema= when the URL has one.
#   tools/backup-postgres.sh [file, default counterspace-<UTC time>.dump]
set -euo pipefail
umask 077 # a backup holds every journal: readable by this user only
source "$(dirname "$0")/postgres-connection.sh"
file=${1:-counterspace-$(date -u +%Y%m%d-%H%M%S).dump}
pg_dump --format=custom --no-owner --no-privileges ${PG_SCHEMA:+--schema="$PG_SCHEMA"} --file="$file" "$PG_DATABASE"
echo "backed up $PG_DATABASE${PG_SCHEMA:+ (schema $PG_SCHEMA)} to $file"
