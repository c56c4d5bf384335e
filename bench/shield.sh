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

need=()
command -v nginx >/dev/null || need+=(nginx-light)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
# nginx's workers run as an unprivileged user: they must be able to read the origin's files.
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/origin.pid" ] && kill "$(cat "$work/origin.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

origin_port=19301 http_port=19380 https_port=19343 admin_port=19381
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
cat >"$work/origin.conf" <<CONF
worker_processes 1; pid $work/origin.pid; error_log $work/origin.error.log;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; } }
CONF
nginx -c "$work/origin.conf"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
Appliance__DataDirectory="$work/data" \
Appliance__Admin__Urls="http://127.0.0.1:$admin_port" \
Appliance__Admin__BootstrapToken="$token" \
Appliance__Proxy__HttpPort=$http_port \
Appliance__Proxy__HttpsPort=$https_port \
Appliance__Proxy__BindAddress=127.0.0.1 \
Appliance__Proxy__Limits__MaxConnectionsPerAddress=0 \
Appliance__AccessLog__Target=Off \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/appliance.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$admin_port/"
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
# 1000 deny rules over 10.x.y.0/24 ranges: 127.0.0.1 matches none of them.
rules=$(for i in $(seq 0 999); do printf '{"action":"Deny","cidr":"10.%d.%d.0/24"},' $((i / 250)) $((i % 250)); done)
api -d "{\"name\":\"big\",\"defaultAction\":\"Allow\",\"rules\":[${rules%,}]}" "http://127.0.0.1:$admin_port/api/v1/access-lists"
api -d '{"name":"generous","permits":1000000,"periodSeconds":1,"burst":1000000}' "http://127.0.0.1:$admin_port/api/v1/rate-limits"
api -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"
api -d '{"name":"bare","hosts":["bare.test"],"targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
api -d '{"name":"shielded","hosts":["shielded.test"],"targets":[{"pool":"origin","weight":1}],"accessList":"big","rateLimit":"generous"}' "http://127.0.0.1:$admin_port/api/v1/routes"
for host in bare.test shielded.test; do
  for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $host" "http://127.0.0.1:$http_port/1k.bin")" = 200 ] && continue 2; sleep 0.1; done
  echo "$host never answered 200; nothing measured." >&2; exit 1
done

declare -A rps
hosts=(bare.test shielded.test)
for host in "${hosts[@]}"; do wrk -t2 -c"$connections" -d3s -H "Host: $host" "http://127.0.0.1:$http_port/1k.bin" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for host in "${hosts[@]}"; do
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Host: $host" "http://127.0.0.1:$http_port/1k.bin")
    if grep -q 'Non-2xx' <<<"$out"; then echo "$host answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
    r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    rps[$host]="${rps[$host]:-} $r"
    printf 'round %d %-14s %10s req/s\n' "$round" "$host" "$r"
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
b=$(median <<<"${rps[bare.test]}") s=$(median <<<"${rps[shielded.test]}")
echo
awk -v b="$b" -v s="$s" -v r="$rounds" -v t="$seconds" 'BEGIN { printf "Medians of %d rounds, %d s each: bare %.0f/s, 1000-rule access list + rate limit %.0f/s, cost %.1f %%\n", r, t, b, s, (1 - s / b) * 100 }'
