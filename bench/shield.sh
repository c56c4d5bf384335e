#!/usr/bin/env bash
# What the shield costs: one appliance, two routes to the same nginx origin (1 KiB), one bare and
# one behind an access list of 1000 CIDR rules (none matching, so every request walks all of them
# to the default) and a rate limit too generous to refuse anything. Interleaved wrk rounds;
# prints medians and the ratio. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/shield.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
origin_port=19301 http_port=19380 https_port=19343 admin_port=19381

# shellcheck source=bench/two-routes.sh
source bench/two-routes.sh

# 1000 deny rules over 10.x.y.0/24 ranges: 127.0.0.1 matches none of them.
rules=$(for i in $(seq 0 999); do printf '{"action":"Deny","cidr":"10.%d.%d.0/24"},' $((i / 250)) $((i % 250)); done)
api -d "{\"name\":\"big\",\"defaultAction\":\"Allow\",\"rules\":[${rules%,}]}" "http://127.0.0.1:$admin_port/api/v1/access-lists"
api -d '{"name":"generous","permits":1000000,"periodSeconds":1,"burst":1000000}' "http://127.0.0.1:$admin_port/api/v1/rate-limits"
api -d '{"name":"bare","hosts":["bare.test"],"targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
api -d '{"name":"shielded","hosts":["shielded.test"],"targets":[{"pool":"origin","weight":1}],"accessList":"big","rateLimit":"generous"}' "http://127.0.0.1:$admin_port/api/v1/routes"
ready bare.test /1k.bin
ready shielded.test /1k.bin
compare bare.test /1k.bin shielded.test /1k.bin "1000-rule access list + rate limit"
