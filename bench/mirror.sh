#!/usr/bin/env bash
# What mirroring costs: one appliance, two routes to the same nginx origin (1 KiB), one plain and
# one that copies every request (percent 100) to a shadow pool, a second nginx serving the same
# file. Interleaved wrk rounds; prints medians, the cost, and what became of the copies (sent,
# dropped at Appliance:Proxy:Mirror:MaxInFlight, 1000 here unless MIRROR_MAX_IN_FLIGHT says
# otherwise, errors) from /metrics. Figures, never a
# pass/fail: run it by hand, not in CI.
#
#   bench/mirror.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
origin_port=19501 http_port=19580 https_port=19543 admin_port=19581 shadow_port=19502

# Room for every copy, so that the figure is the cost of copying all requests rather than of
# dropping some at the default bound (100); the appliance started by the harness inherits it.
export Appliance__Proxy__Mirror__MaxInFlight=${MIRROR_MAX_IN_FLIGHT:-1000}

# shellcheck source=bench/two-routes.sh
source bench/two-routes.sh

# The shadow: its own nginx in the foreground (so the harness's cleanup stops it), same file.
cat >"$work/shadow.conf" <<CONF
daemon off; worker_processes 1; pid $work/shadow.pid; error_log $work/shadow.error.log;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:$shadow_port; root $work/www; keepalive_requests 1000000; } }
CONF
nginx -c "$work/shadow.conf" &
pids+=($!)
wait_for "http://127.0.0.1:$shadow_port/1k.bin"

api -d "{\"name\":\"shadow\",\"backends\":[{\"address\":\"http://127.0.0.1:$shadow_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"
api -d '{"name":"plain","hosts":["plain.test"],"path":"/","targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
api -d '{"name":"mirrored","hosts":["mirror.test"],"path":"/","targets":[{"pool":"origin","weight":1}],"mirror":{"pool":"shadow","percent":100}}' "http://127.0.0.1:$admin_port/api/v1/routes"

ready plain.test /1k.bin
ready mirror.test /1k.bin
compare plain.test /1k.bin mirror.test /1k.bin "mirrored 100 %"

echo
echo "Copies of the mirrored route since start (warm-up included):"
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$admin_port/metrics" \
  | grep -E '^appliance_mirror_(copies_sent_total|copies_dropped_total|errors_total|timeouts_total|responses_total\{[^}]*code="2xx")' \
  | sed 's/^/  /'
