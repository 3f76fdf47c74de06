#!/usr/bin/env bash
# Runs a benchmark against a private PostgreSQL 15 with DEFAULT durability settings.
# Usage: bench/run.sh search [--services 100000] [--seconds 20]
#        bench/run.sh cases [--cases 1000000] [--seconds 20] [--provider postgres|sqlite|both]
#        bench/run.sh appointments [--slots 10000] [--clients 500] [--provider postgres|sqlite|both]
#        bench/run.sh queue [--seconds 20] [--calls 200] [--provider postgres|sqlite|both]
#        bench/run.sh improve [--cases 1000000] [--provider postgres|sqlite|both]
# (max_wal_size only spaces out checkpoints during bulk loads; durability stays the default.)
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=$(dirname "$(command -v initdb || echo /usr/lib/postgresql/15/bin/initdb)")
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PGDIR=$(mktemp -d /tmp/guichet-bench-pg.XXXXXX)
chown postgres:postgres "$PGDIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" stop -m fast >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U guichet --auth=trust -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -w -l "$PGDIR/log" -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_connections=200 -c max_wal_size=4GB" start >/dev/null
export GUICHET_BENCH_PG="Host=127.0.0.1;Port=$PGPORT;Username=guichet;Database=postgres"
dotnet build -c Release bench/Guichet.Bench -v q -nologo >/dev/null
dotnet bench/Guichet.Bench/bin/Release/net10.0/Guichet.Bench.dll "$@"
