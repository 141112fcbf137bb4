#!/usr/bin/env bash
# Restores a dump from tools/backup-postgres.sh into the database COUNTERSPACE_DB_URL names (stop the app
# first). Into a fresh database it creates everything; into the same one it drops and recreates what the
# dump holds (--clean). One transaction: a failed restore leaves the database as it was.
#   tools/restore-postgres.sh counterspace-20261206-033000.dump
set -euo pipefail
source "$(dirname "$0")/postgres-connection.sh"
file=${1:?usage: tools/restore-postgres.sh FILE.dump}
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$PG_DATABASE" "$file"
echo "restored $file into $PG_DATABASE"
