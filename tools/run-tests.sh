#!/usr/bin/env bash
# The README's test command, and what .ci/run calls: installs what the tests need when it can (as root on Debian),
# otherwise stops at once with one line saying what to install; then builds, runs every test project and ends with
#   tests: N passed, M failed
# counted from the test results. Exit code 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")/.."

# What the tests need beside the .NET SDK, as "command-or-file|Debian package" pairs:
#   Debian's Chromium for the Playwright browser tests (never 'playwright install'), its fonts,
#   the sqlite3 shell (the process tests read the database beside the running app),
#   unshare (the full-disk test mounts a small tmpfs in a namespace of the app's own),
#   a PostgreSQL server (the store tests also run on a throwaway cluster, #20).
needs=(
  "/usr/bin/chromium|chromium"
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf|fonts-dejavu-core"
  "sqlite3|sqlite3"
  "unshare|util-linux"
  "postgresql-server|postgresql"
)

missing=()
for need in "${needs[@]}"; do
  what="${need%%|*}"
  package="${need##*|}"
  if [ "$what" = "postgresql-server" ]; then
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=("$package")
  elif [[ "$what" == /* ]]; then
    [ -e "$what" ] || missing+=("$package")
  else
    command -v "$what" >/dev/null 2>&1 || missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests: installing ${missing[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
      echo "tests: could not install ${missing[*]}; install them (apt-get install -y ${missing[*]}) and run this again"
      exit 1
    fi
  else
    echo "tests: first install ${missing[*]} (sudo apt-get install -y ${missing[*]}), then run this again"
    exit 1
  fi
fi

dotnet --version
results="$(pwd)/TestResults/run"
rm -rf "$results"

dotnet restore || { echo "tests: 0 passed, 0 failed"; echo "tests: restore failed"; exit 1; }
dotnet build --no-restore || { echo "tests: 0 passed, 0 failed"; echo "tests: build failed"; exit 1; }

# A throwaway PostgreSQL cluster for every test project (initdb and pg_ctl in a temp folder, a free port, as the
# postgres user); each test database is a copy of one migrated template. Stopped and removed when this script ends.
pg_folder="$(mktemp -d /tmp/monitor-ci-pg.XXXXXX)"
trap 'bash tools/pg-throwaway.sh stop "$pg_folder"' EXIT
if ! MONITOR_TEST_POSTGRES="$(bash tools/pg-throwaway.sh start "$pg_folder")"; then
  echo "tests: 0 passed, 0 failed"; echo "tests: the throwaway PostgreSQL cluster did not start"; exit 1
fi
export MONITOR_TEST_POSTGRES
# The web tests start many hosts in one process; file watchers by polling keep them within the machine's inotify
# instance limit (128 per user on Debian), which the hosts' configuration and Razor watchers would otherwise exhaust.
export DOTNET_USE_POLLING_FILE_WATCHER=1
echo "tests: PostgreSQL for the tests at ${MONITOR_TEST_POSTGRES%%;Username*}"

# One results file per test project to count from; "dotnet test" alone is the inner loop when all of the above is there
# (the tests then start a throwaway cluster of their own).
dotnet test --no-build --logger trx --results-directory "$results"
status=$?

# The web tests once more with every host on PostgreSQL (#20): an empty database per host on the throwaway cluster,
# migrated and filled with the demo data by the host itself. Left out: what is about the SQLite file itself (Startup:
# the process, lock, health and full-disk tests), the browser tests (they test pages, not the engine), and the classes
# that already run on both engines.
MONITOR_TEST_WEB_ENGINE=postgresql dotnet test tests/Monitor.Web.Tests --no-build \
  --filter "FullyQualifiedName!~Monitor.Web.Tests.Startup&FullyQualifiedName!~Monitor.Web.Tests.Browser&FullyQualifiedName!~SharedKeyRingTests" \
  --logger "trx;LogFileName=web-on-postgresql.trx" --results-directory "$results" || status=1

# Count from the <Counters .../> element of each .trx file (grep and sed only).
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"

if [ "$files" != "4" ]; then
  echo "tests: expected 4 test result files (Core, Web, Worker, Web on PostgreSQL), found $files"
  status=1
fi
if [ "$status" -eq 0 ] && echo "$line" | grep -q "tests: 0 passed"; then
  echo "tests: no test ran"
  status=1
fi
echo "$line"
exit $status
