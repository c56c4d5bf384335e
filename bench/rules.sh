#!/usr/bin/env bash
# What traffic rules cost: one appliance, two routes to the same nginx origin (1 KiB), one plain
# and one with three header conditions (Exact, Prefix, Exists, all met), a path rewrite
# (/r/1k.bin reaches the origin as /1k.bin) and two header rules (a request header set from a
# placeholder, a response header removed). Both get the same headers, so only the matching and
# the rewrite differ. Interleaved wrk rounds; prints medians and the ratio. Figures, never a
# pass/fail: run it by hand, not in CI.
#
#   bench/rules.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
origin_port=19401 http_port=19480 https_port=19443 admin_port=19481

# shellcheck source=bench/two-routes.sh
source bench/two-routes.sh

api -d '{"name":"plain","hosts":["plain.test"],"path":"/","targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
api -d '{"name":"rules","hosts":["rules.test"],"path":"/r","rewritePath":"/","targets":[{"pool":"origin","weight":1}],"requestHeaders":{"set":{"X-Client-Address":"{client_ip}"},"remove":[]},"responseHeaders":{"set":{},"remove":["ETag"]},"headers":[{"name":"X-Tenant","values":["acme"],"mode":"Exact"},{"name":"X-Client","values":["bench/"],"mode":"Prefix"},{"name":"X-Beta","values":[],"mode":"Exists"}]}' "http://127.0.0.1:$admin_port/api/v1/routes"

# Both routes get the same headers: only the matching and the rewrite differ.
extra=(-H "X-Tenant: acme" -H "X-Client: bench/1.0" -H "X-Beta: 1")
ready plain.test /1k.bin
ready rules.test /r/1k.bin
compare plain.test /1k.bin rules.test /r/1k.bin "three header conditions + rewrite + two header rules"
