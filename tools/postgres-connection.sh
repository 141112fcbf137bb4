# Sourced by the PostgreSQL backup scripts: turns the app's COUNTERSPACE_DB_URL
# (jdbc:postgresql://host[:port]/database[?currentSchema=schema]), COUNTERSPACE_DB_USER and
# COUNTERSPACE_DB_PASSWORD into libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD, PG_DATABASE and PG_SCHEMA.
url=${COUNTERSPACE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
address=${url#jdbc:postgresql://}
hostport=${address%%/*}
rest=${address#*/}
export PGHOST=${hostport%%:*}
export PGPORT=5432
if [[ $hostport == *:* ]]; then PGPORT=${hostport##*:}; fi
export PGUSER=${COUNTERSPACE_DB_USER:-postgres}
if [ -n "${COUNTERSPACE_DB_PASSWORD:-}" ]; then export PGPASSWORD=$COUNTERSPACE_DB_PASSWORD; fi
PG_DATABASE=${rest%%\?*}
PG_SCHEMA=
if [[ $rest == *currentSchema=* ]]; then PG_SCHEMA=$(sed -E 's/.*[?&]currentSchema=([^&]*).*/\1/' <<<"$rest"); fi
