#!/usr/bin/env bash
# What sharing rate limits through Redis costs: two appliances on one nginx origin (1 KiB), the
# same rate limit (too generous to refuse anything) on route limited.test. "per-node" has no Redis
# (its buckets are in memory, as on a single node); "redis" counts every request in a throwaway
# local redis-server (one Lua script round trip per request). The per-node appliance also serves
# an unlimited route, bare.test, as the baseline. Interleaved wrk rounds; prints medians and
# ratios. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/redis-ratelimit.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}

source bench/nginx-setup.sh
command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

origin_port=19401 redis_port=19479
mkdir -p "$work/www" "$work/redis"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"
redis-server --port $redis_port --bind 127.0.0.1 --dir "$work/redis" --save '' --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
pids+=($!)

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

# start NAME HTTP_PORT ADMIN_PORT [REDIS]
start() {
  Appliance__DataDirectory="$work/$1" \
  Appliance__Admin__Urls="http://127.0.0.1:$3" \
  Appliance__Admin__BootstrapToken="$token" \
  Appliance__Proxy__HttpPort=$2 \
  Appliance__Proxy__HttpsPort=$(($2 + 1)) \
  Appliance__Proxy__BindAddress=127.0.0.1 \
  Appliance__Proxy__Limits__MaxConnectionsPerAddress=0 \
  Appliance__AccessLog__Target=Off \
  Appliance__Redis__Configuration="${4:-}" \
  ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start per-node 19410 19412
start redis 19420 19422 "127.0.0.1:$redis_port"

wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }
for admin in 19412 19422; do
  wait_for "http://127.0.0.1:$admin/"
  api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
  api -d '{"name":"generous","permits":1000000,"periodSeconds":1,"burst":1000000}' "http://127.0.0.1:$admin/api/v1/rate-limits"
  api -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin/api/v1/pools"
  api -d '{"name":"bare","hosts":["bare.test"],"targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin/api/v1/routes"
  api -d '{"name":"limited","hosts":["limited.test"],"targets":[{"pool":"origin","weight":1}],"rateLimit":"generous"}' "http://127.0.0.1:$admin/api/v1/routes"
done
# The Redis appliance must really be counting in Redis, or the comparison is empty.
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:19422/metrics" | grep -q '^appliance_redis_up 1' && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:19422/metrics" | grep -q '^appliance_redis_up 1' || { echo "the redis appliance never reached Redis; nothing measured." >&2; exit 1; }

# label -> host:port
declare -A target=([bare]="bare.test 19410" [per-node]="limited.test 19410" [redis]="limited.test 19420")
labels=(bare per-node redis)
for label in "${labels[@]}"; do
  read -r host port <<<"${target[$label]}"
  for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $host" "http://127.0.0.1:$port/1k.bin")" = 200 ] && continue 2; sleep 0.1; done
  echo "$label never answered 200; nothing measured." >&2; exit 1
done

declare -A rps
for label in "${labels[@]}"; do read -r host port <<<"${target[$label]}"; wrk -t2 -c"$connections" -d3s -H "Host: $host" "http://127.0.0.1:$port/1k.bin" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for label in "${labels[@]}"; do
    read -r host port <<<"${target[$label]}"
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Host: $host" "http://127.0.0.1:$port/1k.bin")
    if grep -q 'Non-2xx' <<<"$out"; then echo "$label answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
    r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    l=$(awk '$1 == "99%" {print $2}' <<<"$out")
    rps[$label]="${rps[$label]:-} $r"
    printf 'round %d %-9s %10s req/s  p99 %s\n' "$round" "$label" "$r" "$l"
  done
done

fallbacks=$(curl -sf "http://127.0.0.1:19422/metrics" | awk '/^appliance_redis_fallbacks_total/ {print $2}')
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
b=$(median <<<"${rps[bare]}") n=$(median <<<"${rps[per-node]}") r=$(median <<<"${rps[redis]}")
echo
awk -v b="$b" -v n="$n" -v r="$r" -v rounds="$rounds" -v t="$seconds" 'BEGIN {
  printf "Medians of %d rounds, %d s each: bare %.0f/s, per-node limit %.0f/s, Redis-backed limit %.0f/s\n", rounds, t, b, n, r
  printf "redis/per-node %.2f, per-node/bare %.2f\n", r / n, n / b }'
echo "Fallbacks to per-node counting during the run (should be 0): ${fallbacks:-?}"
