#!/usr/bin/env bash
# Capacity benchmark (#20): starts the web app (Release) with the demo data on free ports of 127.0.0.1, waits for
# /health, drives it with bench/Monitor.Load at 50 and then 200 virtual users, writes the Markdown tables and stops
# everything. Two setups:
#   LOAD_ENGINE=sqlite (default)  one node on a fresh temp SQLite file
#   LOAD_ENGINE=postgresql        two nodes on one database of a throwaway PostgreSQL cluster (tools/pg-throwaway.sh);
#                                 the virtual users are spread round-robin over both nodes
# The login rate limit is raised for the run (every virtual user logs in from 127.0.0.1):
# --Security:LoginAttemptsPerMinute=100000.
#
#   bash bench/load.sh                       # SQLite, 50 and 200 users, 60 s each after 10 s warm-up
#   LOAD_ENGINE=postgresql LOAD_DURATION=30s bash bench/load.sh
#
# Environment: LOAD_ENGINE, LOAD_USERS (space-separated, default "50 200"), LOAD_DURATION (60s), LOAD_WARMUP (10s),
# LOAD_OUT (bench/load-results.md), LOAD_KEEP=1 keeps the temp folder (database and app logs).
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${LOAD_ENGINE:-sqlite}
users_list=${LOAD_USERS:-"50 200"}
duration=${LOAD_DURATION:-60s}
warmup=${LOAD_WARMUP:-10s}
out=${LOAD_OUT:-bench/load-results.md}
work=$(mktemp -d /tmp/monitor-load.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
pids=()
urls=()
stop_all() {
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    done
    [[ "$engine" == postgresql ]] && bash tools/pg-throwaway.sh stop "$work/pg" || true
    if [[ "${LOAD_KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap stop_all EXIT
echo "== build (Release)"
dotnet build -c Release --nologo -v q src/Monitor.Web >"$work/build-web.log" || { cat "$work/build-web.log"; exit 1; }
dotnet build -c Release --nologo -v q bench/Monitor.Load >"$work/build-load.log" || { cat "$work/build-load.log"; exit 1; }

case "$engine" in
    sqlite)
        nodes=1
        database=(--Monitor:DatabasePath="$work/monitor.db")
        ;;
    postgresql)
        nodes=2
        admin=$(bash tools/pg-throwaway.sh start "$work/pg")
        psql "host=127.0.0.1 port=$(echo "$admin" | sed -n 's/.*Port=\([0-9]*\).*/\1/p') user=postgres dbname=postgres" -qc "CREATE DATABASE monitor;"
        database=(--Monitor:Database=postgresql "--ConnectionStrings:Monitor=${admin/Database=postgres/Database=monitor};Maximum Pool Size=200")
        ;;
    *) echo "LOAD_ENGINE is sqlite or postgresql"; exit 2 ;;
esac

start_node() {
    local n=$1 url="http://127.0.0.1:$(free_port)"
    echo "== start node $n on $url ($engine, demo data)"
    # the built app itself rather than `dotnet run`, so $! is the server's pid (for its peak RSS); the working
    # directory is the project's, as with `dotnet run`
    (cd src/Monitor.Web && exec dotnet bin/Release/net10.0/Monitor.Web.dll --urls "$url" "${database[@]}" \
        --Monitor:Backup:Folder="$work/backups-$n" --Security:LoginAttemptsPerMinute=100000) >"$work/app-$n.log" 2>&1 &
    pids+=($!)
    urls+=("$url")
    for _ in $(seq 1 180); do
        if curl -fsS "$url/health" >/dev/null 2>&1; then return 0; fi
        if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "node $n stopped:"; cat "$work/app-$n.log"; exit 1; fi
        sleep 1
    done
    echo "no healthy /health on node $n after 180 s"; cat "$work/app-$n.log"; exit 1
}
# one after the other: the first migrates and loads the demo data, the next finds it there
for n in $(seq 1 "$nodes"); do start_node "$n"; done

{
    echo "Setup: $engine, $nodes node(s). Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;" \
        "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg). $(dotnet --version | sed 's/^/.NET SDK /')."
    echo
} >"$out"
url_args=(); for u in "${urls[@]}"; do url_args+=(--url "$u"); done
pid_args=(); for p in "${pids[@]}"; do pid_args+=(--pid "$p"); done
for users in $users_list; do
    echo "== $users users: warm-up $warmup, measured $duration"
    dotnet bench/Monitor.Load/bin/Release/net10.0/Monitor.Load.dll "${url_args[@]}" --users "$users" \
        --duration "$duration" --warmup "$warmup" "${pid_args[@]}" --out "$work/run-$users.md"
    cat "$work/run-$users.md" >>"$out"
    echo >>"$out"
done

echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
echo "== tables written to $(realpath "$out")"
