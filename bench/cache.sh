#!/usr/bin/env bash
# Cache hits side by side: the appliance's cache, nginx's proxy_cache, and a bare Kestrel app
# writing the same bytes from memory (the ceiling of our stack), all in front of one nginx origin
# that marks its files cacheable. 1 KiB and 64 KiB objects, then compressed hits (brotli for the
# appliance; nginx gzip-compresses each hit, it has no brotli here), then range hits: a 64 KiB
# Range of a 448 KiB object (under the disk threshold, so in memory), which both caches answer 206
# from the stored whole (nginx's proxy_cache without the slice module drops Range upstream and cuts
# the range from its cached copy; the bare app does not do ranges and sits this one out), then 1 MiB
# hits from disk: the appliance's disk tier (objects over 512 KiB go there and stream from their
# file; ranges of those are read from the file) against nginx's proxy_cache, which keeps every object in
# files. Interleaved wrk rounds; prints medians and ratios, then the public conformance suite's
# summary line (bench/cache-tests.sh, a few minutes; CACHE_TESTS=skip leaves it out). Figures, never
# a pass/fail: run it by hand, not in CI.
#
#   bench/cache.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}

source bench/nginx-setup.sh

origin_port=19201 http_port=19280 https_port=19243 admin_port=19281 nginx_port=19282 bare_port=19283
mkdir -p "$work/www" "$work/nginx-cache"
chmod 777 "$work/nginx-cache"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
head -c 65536 /dev/urandom >"$work/www/64k.bin"
head -c 1048576 /dev/urandom >"$work/www/1m.bin"
head -c 458752 /dev/urandom >"$work/www/448k.bin"
range_header="Range: bytes=196608-262143"
# Text for the compressed hits: 64 KiB of CSS-like lines.
for i in $(seq 1 2048); do echo ".c$i { color: #$(printf '%06x' $((i * 2654435761 % 16777216))); }"; done | head -c 65536 >"$work/www/site.css"

# Both nginx know the types the origin serves, so Content-Type (and gzip's choice) is as in production.
types='types { text/css css; application/octet-stream bin; }'
nginx_conf origin "$types server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; add_header Cache-Control \"max-age=3600\"; }"
nginx_conf peer "$types proxy_cache_path $work/nginx-cache keys_zone=hits:10m max_size=256m;
  upstream origin { server 127.0.0.1:$origin_port; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port; keepalive_requests 1000000;
    gzip on; gzip_types text/css; gzip_min_length 1024; gzip_comp_level 1;
    location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\";
      proxy_cache hits; proxy_cache_valid 200 1h; } }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
dotnet build -c Release -v q -nologo bench/BareKestrel >/dev/null

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
Appliance__DataDirectory="$work/data" \
Appliance__Admin__Urls="http://127.0.0.1:$admin_port" \
Appliance__Admin__BootstrapToken="$token" \
Appliance__Proxy__HttpPort=$http_port \
Appliance__Proxy__HttpsPort=$https_port \
Appliance__Proxy__BindAddress=127.0.0.1 \
Appliance__AccessLog__Target=Off \
Appliance__Cache__DiskPath="$work/data/cache" \
Appliance__Cache__DiskThresholdKB=512 \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/appliance.log" 2>&1 &
pids+=($!)
dotnet bench/BareKestrel/bin/Release/net10.0/BareKestrel.dll $bare_port "$work/www" >"$work/bare.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$admin_port/"
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"
api -d '{"name":"all","targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
api -d '{"name":"everything","match":"/","mode":"FollowOrigin","maxObjectBytes":4194304}' "http://127.0.0.1:$admin_port/api/v1/cache-rules"
for port in $http_port $nginx_port $bare_port; do
  for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/1k.bin")" = 200 ] && continue 2; sleep 0.1; done
  echo "http://localhost:$port/1k.bin never answered 200; nothing measured." >&2; exit 1
done
curl -s -D - -o /dev/null "http://localhost:$http_port/1k.bin" | grep -qi '^cache-status: Appliance; hit' \
  || { echo "The appliance does not answer from its cache; nothing measured." >&2; exit 1; }
for port in $http_port $nginx_port; do
  curl -s -o /dev/null -H "$range_header" "http://localhost:$port/448k.bin"
  [ "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "$range_header" "http://localhost:$port/448k.bin")" = "206 65536" ] \
    || { echo "http://localhost:$port/448k.bin does not answer the range with 206 and 64 KiB; nothing measured." >&2; exit 1; }
done
curl -s -D - -o /dev/null -H "$range_header" "http://localhost:$http_port/448k.bin" | grep -qi '^cache-status: Appliance; hit' \
  || { echo "The appliance does not answer ranges from its cache; nothing measured." >&2; exit 1; }
curl -s -o /dev/null "http://localhost:$http_port/1m.bin"
curl -s -D - -o /dev/null "http://localhost:$http_port/1m.bin" | grep -qi '^cache-status: Appliance; hit.*detail=disk' \
  || { echo "The appliance does not answer 1 MiB objects from its disk tier; nothing measured." >&2; exit 1; }

declare -A rps
names=(appliance nginx bare-kestrel)
ports=($http_port $nginx_port $bare_port)
run() { # label, path, extra wrk args...
  local label=$1 path=$2; shift 2
  for port in "${ports[@]}"; do wrk -t2 -c"$connections" -d3s "$@" "http://localhost:$port$path" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    for i in 0 1 2; do
      [ "$label" != 1k ] && [ "$label" != 64k ] && [ "${names[$i]}" = bare-kestrel ] && continue
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" "$@" "http://localhost:${ports[$i]}$path")
      if grep -q 'Non-2xx' <<<"$out"; then echo "${names[$i]} answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
      r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
      rps[$label,${names[$i]}]="${rps[$label,${names[$i]}]:-} $r"
      printf '%-10s round %d %-12s %10s req/s\n' "$label" "$round" "${names[$i]}" "$r"
    done
  done
}
run 1k /1k.bin
run 64k /64k.bin
run compressed /site.css -H "Accept-Encoding: br, gzip"
run range /448k.bin -H "$range_header"
run 1m-disk /1m.bin

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "Medians of $rounds rounds, $seconds s each, $connections connections, wrk -t2 ($(nproc) cores shared):"
for label in 1k 64k; do
  a=$(median <<<"${rps[$label,appliance]}") n=$(median <<<"${rps[$label,nginx]}") b=$(median <<<"${rps[$label,bare-kestrel]}")
  awk -v l="$label" -v a="$a" -v n="$n" -v b="$b" 'BEGIN { printf "%-10s appliance %8.0f  nginx %8.0f  bare-kestrel %8.0f   appliance/bare-kestrel %.2f  appliance/nginx %.2f\n", l, a, n, b, a/b, a/n }'
done
a=$(median <<<"${rps[compressed,appliance]}") n=$(median <<<"${rps[compressed,nginx]}")
awk -v a="$a" -v n="$n" 'BEGIN { printf "%-10s appliance %8.0f (brotli, stored)  nginx %8.0f (gzip per hit)   appliance/nginx %.2f\n", "compressed", a, n, a/n }'
a=$(median <<<"${rps[range,appliance]}") n=$(median <<<"${rps[range,nginx]}")
awk -v a="$a" -v n="$n" 'BEGIN { printf "%-10s appliance %8.0f (64 KiB of 448 KiB, 206)  nginx %8.0f   appliance/nginx %.2f\n", "range", a, n, a/n }'
a=$(median <<<"${rps[1m-disk,appliance]}") n=$(median <<<"${rps[1m-disk,nginx]}")
awk -v a="$a" -v n="$n" 'BEGIN { printf "%-10s appliance %8.0f (disk tier, streamed)  nginx %8.0f (proxy_cache files)   appliance/nginx %.2f\n", "1m-disk", a, n, a/n }'

# The conformance suite starts its own appliance and origin: stop this run's servers first, so
# that it has the cores to itself.
if [ "${CACHE_TESTS:-run}" != skip ]; then
  cleanup
  trap - EXIT
  echo
  bench/cache-tests.sh | grep -E '^(cache-tests:|  required not passed)'
fi
