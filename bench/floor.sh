#!/usr/bin/env bash
# How fast can a .NET proxy be here? nginx as a proxy beside three .NET forwarders of a 1 KiB file,
# each with inline socket completions: bare YARP, Kestrel + HttpClient without YARP, and Kestrel
# + one plain socket per client connection (bench/KestrelFloor). The last is the floor the
# appliance's request path stands on: what Kestrel itself costs. Interleaved rounds, wrk -t2,
# requests/s and CPU time per request. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/floor.sh [rounds=3] [seconds=8] [connections=50]      WARMUP=15 (seconds per forwarder)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-8}
connections=${3:-50}
warmup=${WARMUP:-15}

source bench/nginx-setup.sh

origin_port=19401 nginx_port=19410 yarp_port=19411 client_port=19412 raw_port=19413
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"
nginx_proxy_peer $nginx_port $origin_port

echo "Building (Release)..."
dotnet build -c Release -v q -nologo bench/BareYarp >/dev/null
dotnet build -c Release -v q -nologo bench/KestrelFloor >/dev/null
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
dotnet bench/BareYarp/bin/Release/net10.0/BareYarp.dll $yarp_port "http://127.0.0.1:$origin_port" >"$work/yarp.log" 2>&1 &
pids+=($!)
dotnet bench/KestrelFloor/bin/Release/net10.0/KestrelFloor.dll $client_port $origin_port httpclient >"$work/client.log" 2>&1 &
pids+=($!)
dotnet bench/KestrelFloor/bin/Release/net10.0/KestrelFloor.dll $raw_port $origin_port raw >"$work/raw.log" 2>&1 &
pids+=($!)

names=(nginx bare-yarp kestrel+httpclient kestrel+socket)
ports=($nginx_port $yarp_port $client_port $raw_port)
for port in "${ports[@]}"; do
  for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/1k.bin")" = 200 ] && continue 2; sleep 0.2; done
  echo "http://127.0.0.1:$port/1k.bin never answered 200; nothing measured." >&2; exit 1
done

tick=$(getconf CLK_TCK)
watched() { if [ "$1" = 0 ]; then echo "$(cat "$work/peer.pid") $(pgrep -P "$(cat "$work/peer.pid")" | tr '\n' ' ')"; else echo "${pids[$(($1 - 1))]}"; fi; }
cpu_ticks() { local total=0; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
for port in "${ports[@]}"; do wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/1k.bin" >/dev/null; done

declare -A rps cpu
for round in $(seq 1 "$rounds"); do
  for i in 0 1 2 3; do
    before=$(cpu_ticks $(watched $i))
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" "http://127.0.0.1:${ports[$i]}/1k.bin")
    after=$(cpu_ticks $(watched $i))
    if grep -q 'Non-2xx' <<<"$out"; then echo "${names[$i]} answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    c=$(awk -v t=$((after - before)) -v n="$n" -v hz="$tick" 'BEGIN {printf "%.1f", t * 1000000 / hz / n}')
    rps[${names[$i]}]="${rps[${names[$i]}]:-} $r"
    cpu[${names[$i]}]="${cpu[${names[$i]}]:-} $c"
    printf 'round %d %-20s %10s req/s %6s us CPU/req\n' "$round" "${names[$i]}" "$r" "$c"
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "Medians of $rounds rounds, $seconds s each, $connections connections, 1 KiB ($(nproc) cores shared by client, forwarder and origin):"
nginx_rps=$(median <<<"${rps[nginx]}")
for name in "${names[@]}"; do
  r=$(median <<<"${rps[$name]}")
  printf '%-20s %10.0f req/s %8.1f us CPU/req   %.2fx nginx\n' "$name" "$r" "$(median <<<"${cpu[$name]}")" "$(awk -v a="$r" -v b="$nginx_rps" 'BEGIN {print a / b}')"
done
