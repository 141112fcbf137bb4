#!/usr/bin/env bash
# Puts an H2 backup (a counterspace-*.zip from counterspace.backup.directory, web.H2Backups) back as the
# database. Stop the app first. The current database file is kept beside it as
# counterspace.mv.db.before-restore-<time>; the search index is removed so the app rebuilds it from the
# restored rows on start.
#   tools/restore-h2.sh data/backups/counterspace-20261206-033000.zip [data directory, default ./data]
set -euo pipefail
backup=${1:?usage: tools/restore-h2.sh BACKUP.zip [DATA_DIR]}
data=${2:-./data}
unzip -l "$backup" counterspace.mv.db >/dev/null || { echo "$backup holds no counterspace.mv.db" >&2; exit 1; }
mkdir -p "$data"
if [ -f "$data/counterspace.mv.db" ]; then
  mv "$data/counterspace.mv.db" "$data/counterspace.mv.db.before-restore-$(date -u +%Y%m%d-%H%M%S)"
fi
unzip -q -o "$backup" counterspace.mv.db -d "$data"
rm -rf "$data/search-index"
echo "restored $backup into $data/counterspace.mv.db"
