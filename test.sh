#!/usr/bin/env bash
# Runs every test of the solution and ends with one line of totals read from the TRX results:
#   N passed, N failed[, N skipped]
# Exits non-zero when a test failed or when no test ran at all.
set -euo pipefail
cd "$(dirname "$0")"

results="TestResults/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$results"

# Tests start real servers on loopback; telemetry and first-run banners only slow them down.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests drive: Chromium for the end-to-end tests (Playwright downloads no
# browser), Pebble and pebble-challtestsrv as a real ACME server, openssl as a TLS client,
# redis-server for the counters several nodes share (the tests start throwaway instances).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pebble >/dev/null 2>&1 || missing+=(pebble)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# PostgreSQL for the several-nodes tests and the data-layer tests' second provider; the tests
# start a throwaway server themselves (as the postgres user when run as root).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

status=0
dotnet test Appliance.sln --configuration Release --logger "trx" --results-directory "$results" || status=$?

# The data layer once more, on PostgreSQL: everything must work the same on both providers.
dotnet test tests/Appliance.Data.Tests --configuration Release --no-build --environment APPLIANCE_TEST_DATABASE=Postgres \
  --logger "trx;LogFileName=data-on-postgres.trx" --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0 executed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  executed=$((executed + $(value executed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

line="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
  line="$line, $skipped skipped"
fi
echo "$line"

if [ "${#trx_files[@]}" -eq 0 ] || [ "$executed" -eq 0 ]; then
  echo "No test ran (no TRX results in $results)." >&2
  exit 1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
exit "$status"
