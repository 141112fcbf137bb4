#!/usr/bin/env bash
# Refreshes the module diagrams in docs/modules from the code (ModularityTests checks they are current).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/modules
./mvnw -q test -Dtest=ModularityTests -Dsurefire.failIfNoSpecifiedTests=false || true
ls target/modules/*.puml >/dev/null
rm -f docs/modules/*.puml
cp target/modules/*.puml docs/modules/
git status --short docs/modules
