#!/usr/bin/env bash
# The public HTTP cache conformance suite (http-tests/cache-tests, the suite behind cache-tests.fyi),
# vendored in bench/cache-tests/ (BSD-3-Clause, see its LICENSE; upstream commit in its README.md), run
# against the appliance: the suite's own origin server on loopback, the appliance in front of it with one
# catch-all route and one FollowOrigin cache rule, and the suite's client through the appliance. Prints
# the summary line the issue asks for (required tests passed and failed, then optimal and checks) and
# lists the required failures. Figures, never pass/fail for CI: run it by hand.
#
#   bench/cache-tests.sh [results.json]     (the raw results are kept there when given)
set -euo pipefail
cd "$(dirname "$0")/.."
keep=${1:-}

need=()
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

origin_port=19301 http_port=19380 https_port=19343 admin_port=19381
cp -r bench/cache-tests "$work/suite"
# The client collects interim responses through undici; nothing else the CLI and server use is outside Node.
(cd "$work/suite" && npm install --silent --no-save --no-package-lock --no-audit --no-fund undici@7 >/dev/null)

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null

(cd "$work/suite" && npm_config_protocol=http npm_config_port=$origin_port npm_config_pidfile="$work/origin.pid" \
  exec node test-engine/server/server.mjs >"$work/origin.log" 2>&1) &
pids+=($!)

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
Appliance__DataDirectory="$work/data" \
Appliance__Admin__Urls="http://127.0.0.1:$admin_port" \
Appliance__Admin__BootstrapToken="$token" \
Appliance__Proxy__HttpPort=$http_port \
Appliance__Proxy__HttpsPort=$https_port \
Appliance__Proxy__BindAddress=127.0.0.1 \
Appliance__AccessLog__Target=Off \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/appliance.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$admin_port/"
wait_for "http://127.0.0.1:$origin_port/"
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -d "{\"name\":\"suite\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"
api -d '{"name":"all","targets":[{"pool":"suite","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
api -d '{"name":"everything","match":"/","mode":"FollowOrigin","maxObjectBytes":1048576}' "http://127.0.0.1:$admin_port/api/v1/cache-rules"
for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$http_port/")" != 502 ] && break; sleep 0.1; done

echo "Running the suite through the appliance (a few minutes: many tests pause to let responses age)..."
(cd "$work/suite" && npm_config_base="http://localhost:$http_port" npm_config_id="" npm_package_config_id="" \
  node --no-warnings test-engine/cli.mjs >"$work/results.json")
[ -n "$keep" ] && cp "$work/results.json" "$keep"

cat >"$work/summary.mjs" <<'JS'
import fs from 'fs'
import tests from './tests/index.mjs'
import { determineTestResult, resultTypes } from './test-engine/lib/results.mjs'
const results = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
const count = {}
const requiredFailures = []
for (const suite of tests) {
  for (const test of suite.tests) {
    if (test.browser_only) continue
    const result = determineTestResult(tests, test.id, results)
    const kind = test.kind ?? 'required'
    const name = Object.keys(resultTypes).find(k => resultTypes[k] === result)
    count[`${kind} ${name}`] = (count[`${kind} ${name}`] ?? 0) + 1
    if (kind === 'required' && name !== 'pass' && name !== 'untested') requiredFailures.push(`${test.id} (${name})`)
  }
}
const n = key => count[key] ?? 0
console.log(`cache-tests: required ${n('required pass')} passed, ${n('required fail')} failed` +
  ` (${n('required dependency_fail')} dependency, ${n('required setup_fail')} setup, ${n('required harness_fail')} harness);` +
  ` optimal ${n('optimal pass')} passed, ${n('optimal optional_fail')} not; checks ${n('check yes')} yes, ${n('check no')} no`)
for (const failure of requiredFailures) console.log(`  required not passed: ${failure}`)
JS
(cd "$work/suite" && cp "$work/summary.mjs" . && node summary.mjs "$work/results.json")
