#!/usr/bin/env bash
# Adds a migration for both providers: scripts/new-migration.sh Name
# (Before the first release, `scripts/new-migration.sh --reset` regenerates the initial one.)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
name=${1:?migration name}
if [ "$name" = "--reset" ]; then
  rm -rf src/Guichet/Platform/Data/Migrations
  name=Initial
fi
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Guichet --context "${p}GuichetDb" --output-dir "Platform/Data/Migrations/$p"
done
