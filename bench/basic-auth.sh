#!/usr/bin/env bash
# What a basic-auth guessing flood does to everyone else: two appliances side by side, one with
# the guessing defences off (as before: no per-address throttle, hashes unbounded) and one with
# its defaults. Each has a route behind basic auth and an unrelated open route to the same nginx
# origin. For each appliance, wrk measures the open route's latency alone, then again while a
# second wrk floods the guarded route with wrong passwords, first from one address, then from a
# different address per request (X-Forwarded-For through a trusted loopback proxy). Prints p50
# and p99 of the open route and the flood's own answers. Figures only: never run in CI.
#
#   bench/basic-auth.sh [seconds=10] [flood-connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
flood=${2:-8}

source bench/nginx-setup.sh

origin_port=19401
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# start <name> <http port> <admin port> [extra env...]
start() {
  local name=$1 http=$2 admin=$3; shift 3
  env "$@" \
    Appliance__DataDirectory="$work/$name" \
    Appliance__Admin__Urls="http://127.0.0.1:$admin" \
    Appliance__Admin__BootstrapToken="$token" \
    Appliance__Proxy__HttpPort="$http" \
    Appliance__Proxy__HttpsPort=$((http + 1)) \
    Appliance__Proxy__BindAddress=127.0.0.1 \
    Appliance__Proxy__TrustedProxies__0=127.0.0.1/32 \
    Appliance__Proxy__Limits__MaxConnectionsPerAddress=0 \
    Appliance__AccessLog__Target=Off \
    ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$admin/" && break; sleep 0.2; done
  api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
  api -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin/api/v1/pools"
  api -d '{"name":"staff","defaultAction":"Allow","basicAuthUsers":[{"user":"ops","password":"correct horse battery"}]}' "http://127.0.0.1:$admin/api/v1/access-lists"
  api -d '{"name":"open","hosts":["open.test"],"targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin/api/v1/routes"
  api -d '{"name":"guarded","hosts":["guarded.test"],"targets":[{"pool":"origin","weight":1}],"accessList":"staff"}' "http://127.0.0.1:$admin/api/v1/routes"
  for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: open.test' "http://127.0.0.1:$http/1k.bin")" = 200 ] && return 0; sleep 0.1; done
  echo "$name never answered 200; nothing measured." >&2; exit 1
}

start before 19480 19482 Appliance__Proxy__BasicAuth__MaxFailures=0 Appliance__Proxy__BasicAuth__MaxConcurrentVerifications=0
start after 19490 19492

# Wrong passwords: one address, or a new address (from 10.0.0.0/8) for every request.
cat >"$work/one.lua" <<'LUA'
wrk.headers["Host"] = "guarded.test"
wrk.headers["Authorization"] = "Basic b3BzOndyb25nIGd1ZXNz"
wrk.headers["X-Forwarded-For"] = "198.51.100.7"
LUA
cat >"$work/many.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local headers = {
    ["Host"] = "guarded.test",
    ["Authorization"] = "Basic b3BzOndyb25nIGd1ZXNz",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254)),
  }
  return wrk.format("GET", "/1k.bin", headers)
end
LUA

# measure <appliance> <port> <flood: none|one|many>
measure() {
  local name=$1 port=$2 kind=$3 flood_out=""
  if [ "$kind" != none ]; then
    wrk -t1 -c"$flood" -d"$((seconds + 2))s" -s "$work/$kind.lua" "http://127.0.0.1:$port/1k.bin" >"$work/flood.out" 2>&1 &
    local flood_pid=$!
    sleep 1
  fi
  local out
  out=$(wrk -t1 -c4 -d"${seconds}s" --latency -H 'Host: open.test' "http://127.0.0.1:$port/1k.bin")
  if [ "$kind" != none ]; then
    wait "$flood_pid" || true
    flood_out=$(awk '/^Requests\/sec/ {rps = $2} /Non-2xx/ {refused = $NF} END {printf "flood %s req/s, %s of its answers not 2xx", rps, refused + 0}' "$work/flood.out")
  fi
  local p50 p99 rps
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  printf '%-7s %-22s open route p50 %8s  p99 %8s  %9s req/s   %s\n' "$name" "$kind" "$p50" "$p99" "$rps" "$flood_out"
}

for kind in none one many; do
  measure before 19480 "$kind"
  measure after 19490 "$kind"
done
