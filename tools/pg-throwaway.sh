#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (#20): initdb and pg_ctl in a folder of its own, on a free port of
# 127.0.0.1, as the postgres user when run as root (initdb refuses root), trust authentication, no fsync.
#   tools/pg-throwaway.sh start DIR   prints the connection string (Npgsql form) of the cluster's postgres database
#   tools/pg-throwaway.sh stop DIR    stops the cluster and removes DIR
set -euo pipefail
command="${1:-}"; dir="${2:-}"
[ -n "$command" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$bindir/initdb" ] || { echo "pg-throwaway: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_postgres "$bindir/initdb" -D "$dir/data" -E UTF8 --locale=C -A trust -U postgres >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    for attempt in $(seq 1 20); do
      port=$(( 20000 + RANDOM % 40000 ))
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
      if as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
          -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
          >/dev/null 2>&1; then
        echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
        exit 0
      fi
    done
    echo "pg-throwaway: the cluster did not start; see $dir/server.log" >&2
    exit 1
    ;;
  stop)
    [ -d "$dir/data" ] && as_postgres "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2; exit 2
    ;;
esac
