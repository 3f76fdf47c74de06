#!/usr/bin/env bash
# The one test command: installs what the tests need (Chromium, the SHACL validator's npm
# packages, the test OpenID provider (npm), the smtp4dev dotnet tool), starts a throw-away PostgreSQL 15 and a mail server
# (smtp4dev: SMTP, IMAP, REST) on 127.0.0.1, runs every test on SQLite and on PostgreSQL plus the
# browser tests, and ends with the line "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RUN="$ROOT/.test-run"
rm -rf "$RUN"; mkdir -p "$RUN/results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "== $*" >&2; }

# --- what the tests need --------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null || { echo "could not install chromium" >&2; exit 1; }
fi
log "installing the SHACL validator (npm ci)"
(cd tests/shacl && npm ci --no-audit --no-fund --silent) || { echo "npm ci failed" >&2; exit 1; }
log "installing the test OpenID provider (npm ci: oidc-provider, for the staff sign-in browser tests)"
(cd tests/oidc-provider && npm ci --no-audit --no-fund --silent) || { echo "npm ci failed (tests/oidc-provider)" >&2; exit 1; }

# --- PostgreSQL 15, private cluster on a free port ---------------------------------------
PGBIN=$(dirname "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PGDIR=$(mktemp -d /tmp/guichet-pg.XXXXXX)
chown postgres:postgres "$PGDIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" stop -m fast >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
stop_services() { scripts/start-smtp4dev.sh --stop "$RUN/smtp4dev"; stop_pg; }
trap stop_services EXIT
log "starting PostgreSQL on 127.0.0.1:$PGPORT"
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U guichet --auth=trust -E UTF8 >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log"; exit 1; }
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -w -l "$PGDIR/log" \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$PGDIR/log"; exit 1; }
export GUICHET_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=guichet;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- smtp4dev: the mail server the mail tests send to and read back from ------------------
log "starting smtp4dev (SMTP, IMAP, REST) on 127.0.0.1"
smtp_env=$(scripts/start-smtp4dev.sh "$RUN/smtp4dev") || { echo "could not start smtp4dev" >&2; echo "Tests: 0 passed, 1 failed"; exit 1; }
eval "$smtp_env"

# --- build once, then run ---------------------------------------------------------------
log "building"
dotnet build Guichet.slnx -c Release -nologo -v q >"$RUN/build.log" 2>&1 || { tail -50 "$RUN/build.log"; echo "Tests: 0 passed, 1 failed"; exit 1; }

status=0
run() { # name project [env...]
  local name=$1 project=$2; shift 2
  log "tests: $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$RUN/results/$name.trx" --logger "console;verbosity=minimal" || status=1
}
run sqlite tests/Guichet.Tests GUICHET_TEST_DB=sqlite
run postgres tests/Guichet.Tests GUICHET_TEST_DB=postgres
run browser tests/Guichet.BrowserTests GUICHET_TEST_DB=sqlite

python3 - "$RUN/results" "$status" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
folder, status = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
files = glob.glob(folder + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
if len(files) < 3 or (status != 0 and failed == 0):
    failed += 1  # a test run that crashed or produced no results counts as a failure
print(f"Tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
