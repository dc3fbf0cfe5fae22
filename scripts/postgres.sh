#!/usr/bin/env bash
# scripts/postgres.sh start  -> starts a throwaway PostgreSQL on 127.0.0.1 and prints
#                              'export UNSTUCK_TEST_POSTGRES_URL=...; export UNSTUCK_PG_DIR=...'
# scripts/postgres.sh stop DIR
set -euo pipefail
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n1)" 2>/dev/null || true)
[ -x "$bindir/initdb" ] || bindir=$(dirname "$(command -v initdb 2>/dev/null)" 2>/dev/null || true)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/unstuck-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bindir/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "export UNSTUCK_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/postgres; export UNSTUCK_PG_DIR=$dir"
    ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$2/data" -m fast stop >/dev/null || true
    rm -rf "$2"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
