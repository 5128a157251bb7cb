#!/usr/bin/env bash
# Capacity benchmark (#20): starts the web app (Release) on a fresh temp SQLite database with the demo data on a free
# port of 127.0.0.1, waits for /health, drives it with bench/Monitor.Load at 50 and then 200 virtual users, writes the
# Markdown tables and stops the app. The login rate limit is raised for the run (every virtual user logs in from
# 127.0.0.1): --Security:LoginAttemptsPerMinute=100000.
#
#   bash bench/load.sh                       # 50 and 200 users, 60 s each after 10 s warm-up
#   LOAD_USERS="50" LOAD_DURATION=30s bash bench/load.sh
#
# Environment: LOAD_USERS (space-separated, default "50 200"), LOAD_DURATION (60s), LOAD_WARMUP (10s),
# LOAD_OUT (bench/load-results.md), LOAD_KEEP=1 keeps the temp folder (database and app log).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

users_list=${LOAD_USERS:-"50 200"}
duration=${LOAD_DURATION:-60s}
warmup=${LOAD_WARMUP:-10s}
out=${LOAD_OUT:-bench/load-results.md}
work=$(mktemp -d /tmp/monitor-load.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
app_pid=""

stop_app() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"
        wait "$app_pid" 2>/dev/null || true
    fi
    if [[ "${LOAD_KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap stop_app EXIT

echo "== build (Release)"
dotnet build -c Release --nologo -v q src/Monitor.Web >"$work/build-web.log" || { cat "$work/build-web.log"; exit 1; }
dotnet build -c Release --nologo -v q bench/Monitor.Load >"$work/build-load.log" || { cat "$work/build-load.log"; exit 1; }

echo "== start the app on $url (database $work/monitor.db, demo data)"
# the built app itself rather than `dotnet run`, so $! is the server's pid (for its peak RSS); the working directory
# is the project's, as with `dotnet run`
(cd src/Monitor.Web && exec dotnet bin/Release/net10.0/Monitor.Web.dll --urls "$url" \
    --Monitor:DatabasePath="$work/monitor.db" --Monitor:Backup:Folder="$work/backups" \
    --Security:LoginAttemptsPerMinute=100000) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "the app stopped:"; cat "$work/app.log"; exit 1; fi
    sleep 1
done
curl -fsS "$url/health" >/dev/null || { echo "no healthy /health after 120 s"; cat "$work/app.log"; exit 1; }

{
    echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;" \
        "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg). $(dotnet --version | sed 's/^/.NET SDK /')."
    echo
} >"$out"

for users in $users_list; do
    echo "== $users users: warm-up $warmup, measured $duration"
    dotnet bench/Monitor.Load/bin/Release/net10.0/Monitor.Load.dll --url "$url" --users "$users" \
        --duration "$duration" --warmup "$warmup" --pid "$app_pid" --out "$work/run-$users.md"
    cat "$work/run-$users.md" >>"$out"
    echo >>"$out"
done

echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
echo "== tables written to $(realpath "$out")"
