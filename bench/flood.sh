#!/usr/bin/env bash
# What a flood does to a legitimate client (issue 15): bench/probe.py asks for the 1 KiB file every
# 20 ms on a fixed schedule from 127.0.0.2 (latency counted from each probe's due time), for
# `seconds`, first with no flood, then while wrk (always from 127.0.0.1) floods the same route:
#   one-address     one address, `connections` connections, over a per-address rate limit;
#   many-addresses  2 000 addresses through a trusted proxy's X-Forwarded-For (the appliance is
#                   restarted trusting 127.0.0.1), each under the limit;
#   banned          127.0.0.1 banned through the API: every connection turned away at accept (held
#                   silent up to the bounds, closed past them);
#   challenged      the 2 000 addresses again with the under-attack switch on: the flood gets the
#                   proof-of-work page (each address's pages past the allowance after a wait), the
#                   probe passed it once (as a browser would) and carries its clearance.
# nginx with an equivalent limit_req zone in front of the same origin gets the quiet probe and
# one-address. Prints the probe's served share, p50 and p99 beside the quiet p99, the proxy's
# CPU and the flood's own rate and refusals. Figures, never a pass/fail: run it by hand.
#
#   bench/flood.sh [seconds=10] [connections=200]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-200}
origin_port=19601 http_port=19680 https_port=19643 admin_port=19681 nginx_port=19682
# wrk cannot choose its source address: on loopback it is always 127.0.0.1, so the flood is
# 127.0.0.1 and the probe binds 127.0.0.2 (all of 127.0.0.0/8 is local).
flood_address=127.0.0.1 probe_source=127.0.0.2
# The limit a legitimate client stays under: the probe's 50 requests a second fit in it.
permits=100 burst=100
# Loopback is exempt from bans by default; here it is the flood.
export Appliance__Proxy__Bans__ExemptLoopback=false

command -v python3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-minimal >/dev/null; }
# shellcheck source=bench/two-routes.sh
source bench/two-routes.sh

base="http://127.0.0.1:$admin_port/api/v1"
api -d "{\"name\":\"per-address\",\"permits\":$permits,\"periodSeconds\":1,\"burst\":$burst}" "$base/rate-limits"
api -d '{"name":"site","hosts":["site.test"],"targets":[{"pool":"origin","weight":1}],"rateLimit":"per-address"}' "$base/routes"
# An unlimited route to the same origin, only to warm the forwarding path up after a start.
api -d '{"name":"warm","hosts":["warm.test"],"targets":[{"pool":"origin","weight":1}]}' "$base/routes"
ready site.test /1k.bin
ready warm.test /1k.bin

# nginx as the peer: the same origin behind a limit_req zone of the same rate and burst, refusals
# answered at once (nodelay) with 429 and not logged, as the appliance's.
mkdir -p "$work/limit"
cat >"$work/limit.conf" <<CONF
worker_processes 1; pid $work/limit.pid; error_log $work/limit.error.log error;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/limit; proxy_temp_path $work/limit;
  fastcgi_temp_path $work/limit; uwsgi_temp_path $work/limit; scgi_temp_path $work/limit;
  limit_req_zone \$binary_remote_addr zone=per_address:10m rate=${permits}r/s;
  upstream origin { server 127.0.0.1:$origin_port; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port; keepalive_requests 1000000;
    location / { limit_req zone=per_address burst=$burst nodelay; limit_req_status 429; limit_req_log_level warn;
      proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
CONF
nginx -c "$work/limit.conf" -g 'daemon off;' &
nginx_pid=$!
pids+=("$nginx_pid")
wait_for "http://127.0.0.1:$nginx_port/"

# 2 000 addresses (198.18.0.1 to 198.18.7.250) in turn, one request each: a flood of R req/s gives
# each R / 2000, far under the limit. The requests are formatted once per thread.
cat >"$work/many.lua" <<'LUA'
local requests = {}
local n = 0
init = function(args)
  for i = 0, 1999 do
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["X-Forwarded-For"] = string.format("198.18.%d.%d", math.floor(i / 250), i % 250 + 1)
    requests[i + 1] = wrk.format(nil, nil, headers)
  end
end
request = function()
  n = n % #requests + 1
  return requests[n]
end
LUA

# --- scenarios: each takes the proxy's port and starts its flood in the background, or none ----
# A scenario that needs the appliance configured otherwise changes it here (through the API, or
# by restarting it as trust_flood_address does); bench/probe.py --cookie is there for one whose
# legitimate client must carry a cookie.

# flood PORT [wrk args...]: wrk for the probe's duration plus a second either side.
flood() {
  local port=$1; shift
  wrk -t1 -c"$connections" -d"$((seconds + 2))s" -H "Host: site.test" "$@" "http://127.0.0.1:$port/1k.bin" >"$work/flood.out" 2>&1 &
  flood_pid=$!
  pids+=("$flood_pid")
  sleep 1
}
scenario_quiet() { :; }
scenario_one_address() { flood "$1"; }
scenario_many_addresses() { flood "$1" -s "$work/many.lua"; }
scenario_challenged() {
  api -X PUT -d '{"underAttack":true}' "$base/security/challenge"
  # Applied when a client without a clearance gets the page (403) instead of the file.
  local _
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: site.test' "http://127.0.0.1:$1/1k.bin")" = 403 ] && break
    sleep 0.1
  done
  flood "$1" -s "$work/many.lua"
}
scenario_banned() {
  api -d "{\"address\":\"$flood_address\",\"seconds\":600,\"reason\":\"bench/flood.sh\"}" "$base/bans"
  flood "$1"
}

# Trusted proxies are read at start, and a trusted proxy is never banned: restart the appliance
# on the same data directory trusting wrk's address, so its X-Forwarded-For names the client.
trust_flood_address() {
  api -X DELETE "$base/bans/$flood_address"
  kill "$appliance_pid"
  wait "$appliance_pid" || true
  export Appliance__Proxy__TrustedProxies__0=$flood_address/32
  start_appliance
  ready site.test /1k.bin
  warm_up
}

# JIT and connection pools: the forwarding path, the limit's refusals and the probe's own path. Then
# wait (up to 30 s) until the appliance is nearly idle: for about half a minute after a start .NET's
# tiered compiler keeps recompiling in the background (a third of a core at first), which would
# weigh on the quiet figure every ratio is taken against.
warm_up() {
  wrk -t1 -c8 -d2s -H "Host: warm.test" "http://127.0.0.1:$http_port/1k.bin" >/dev/null
  wrk -t1 -c8 -d2s -H "Host: site.test" "http://127.0.0.1:$http_port/1k.bin" >/dev/null
  python3 bench/probe.py --port "$http_port" --source "$probe_source" --seconds 2 >/dev/null
  local before _
  for _ in $(seq 1 30); do
    before=$(cpu_ticks "$appliance_pid")
    sleep 1
    [ $(($(cpu_ticks "$appliance_pid") - before)) -le $((tick / 20)) ] && break
  done
}

tick=$(getconf CLK_TCK)
# CPU ticks (user + system) of a process and its children (nginx's worker).
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$total"
}
dropped_at_accept() { curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$admin_port/metrics" | awk '/^appliance_connections_dropped_total\{reason="ban"\}/ {v = $2} END {printf "%d\n", v}'; }

declare -A quiet_p99
rows=()
# measure SCENARIO PROXY PORT PID [probe args...]: the probe beside the scenario's flood; one row.
measure() {
  local scenario=$1 proxy=$2 port=$3 pid=$4; shift 4
  local dropped_before flood_rps="-" refused="-" note=""
  flood_pid=""
  dropped_before=$(dropped_at_accept)
  "scenario_${scenario//-/_}" "$port"
  local cpu_before started probe ended cpu_after
  cpu_before=$(cpu_ticks "$pid")
  started=$(date +%s.%N)
  # In the background and in pids, so that an interrupted run stops the probe too.
  python3 bench/probe.py --port "$port" --source "$probe_source" --seconds "$seconds" "$@" >"$work/probe.out" &
  pids+=("$!")
  wait "$!"
  probe=$(cat "$work/probe.out")
  ended=$(date +%s.%N)
  cpu_after=$(cpu_ticks "$pid")
  if [ -n "$flood_pid" ]; then
    wait "$flood_pid" || true
    read -r flood_rps refused < <(awk '/^Requests\/sec/ {rps = $2} / requests in / {total = $1} /Non-2xx/ {bad = $NF}
      END {printf "%.0f %s\n", rps, total ? sprintf("%.1f%%", 100 * bad / total) : "-"}' "$work/flood.out")
    if [ "$scenario" = banned ]; then
      note="$(( ($(dropped_at_accept) - dropped_before) / (seconds + 2) )) connections/s turned away at accept (each held silent); wrk: $(grep -o 'Socket errors:.*' "$work/flood.out" || echo 'no socket errors')"
    fi
  fi
  local served p50 p99
  served=$(grep -o 'served=[0-9.]*' <<<"$probe" | cut -d= -f2)
  p50=$(grep -o 'p50=[0-9.]*' <<<"$probe" | cut -d= -f2)
  p99=$(grep -o 'p99=[0-9.]*' <<<"$probe" | cut -d= -f2)
  [ "$scenario" = quiet ] && quiet_p99[$proxy]=$p99
  local row
  row=$(awk -v s="$scenario" -v p="$proxy" -v served="$served" -v p50="$p50" -v p99="$p99" -v q="${quiet_p99[$proxy]}" \
    -v t="$((cpu_after - cpu_before))" -v hz="$tick" -v a="$started" -v b="$ended" -v r="$flood_rps" -v n="$refused" \
    'BEGIN {printf "| %s | %s | %.2f %% | %.2f | %.2f | %.2f | %.0f %% | %s | %s |", s, p, served, p50, p99, p99 / q, 100 * t / hz / (b - a), r, n}')
  rows+=("$row")
  echo "$row${note:+ ($note)}"
  [ -z "$note" ] || notes+=("$scenario: $note")
}
notes=()

warm_up
measure quiet appliance "$http_port" "$appliance_pid"
measure quiet nginx "$nginx_port" "$nginx_pid"
measure one-address appliance "$http_port" "$appliance_pid"
measure one-address nginx "$nginx_port" "$nginx_pid"
measure banned appliance "$http_port" "$appliance_pid"
trust_flood_address
measure many-addresses appliance "$http_port" "$appliance_pid"
measure challenged appliance "$http_port" "$appliance_pid" --solve-challenge

echo
echo "Probe every 20 ms for $seconds s from $probe_source; flood: wrk -t1 -c$connections from $flood_address; limit $permits/s burst $burst per address; $(nproc) cores shared by probe, flood, proxy and origin."
echo "| scenario | proxy | probes served | p50 ms | p99 ms | p99 / quiet p99 | proxy CPU, % of a core | flood req/s | flood non-2xx |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
for note in "${notes[@]}"; do echo "$note"; done
