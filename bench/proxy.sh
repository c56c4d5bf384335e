#!/usr/bin/env bash
# Side-by-side throughput of the appliance, a bare YARP proxy and nginx as a proxy, all in front
# of the same nginx origin, measured with wrk in interleaved rounds (A B C A B C ...).
# Prints requests/s and p99 per proxy and size, and the ratios appliance/bare-YARP and
# appliance/nginx. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/proxy.sh [rounds=3] [seconds=10] [connections=50]
#   SIZES=1k bench/proxy.sh      one body size only (default "1k 64k")
#   WARMUP=30 bench/proxy.sh     seconds of load per proxy before measuring (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
sizes=${SIZES:-1k 64k}
warmup=${WARMUP:-15}

source bench/nginx-setup.sh
source bench/appliance-setup.sh

origin_port=19001 appliance_port=19080 admin_port=19081 yarp_port=19082 nginx_port=19083
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
head -c 65536 /dev/urandom >"$work/www/64k.bin"

nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"
nginx_proxy_peer $nginx_port $origin_port

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
dotnet build -c Release -v q -nologo bench/BareYarp >/dev/null

start_appliance $appliance_port $admin_port
dotnet bench/BareYarp/bin/Release/net10.0/BareYarp.dll $yarp_port "http://127.0.0.1:$origin_port" >"$work/yarp.log" 2>&1 &
pids+=($!)
appliance_origin $origin_port
for port in $appliance_port $yarp_port $nginx_port; do wait_for_200 "http://127.0.0.1:$port/1k.bin"; done

# CPU time per request (user + system, all of a proxy's processes) is steadier than req/s on a
# machine where client, proxy and origin share the cores.
tick=$(getconf CLK_TCK)
peer_pids() { echo "$(cat "$work/peer.pid") $(pgrep -P "$(cat "$work/peer.pid")" | tr '\n' ' ')"; }
cpu_ticks() { local total=0; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
proxy_pids() { case "$1" in appliance) echo "${pids[0]}" ;; bare-yarp) echo "${pids[1]}" ;; nginx) peer_pids ;; esac; }

declare -A rps p99 cpu
names=(appliance bare-yarp nginx)
ports=($appliance_port $yarp_port $nginx_port)
for size in $sizes; do
  # Warm up each proxy (connection pools, and the JIT: .NET keeps recompiling hot methods at
  # higher tiers for 20-30 s of load on two cores, the appliance more of them than bare YARP).
  for port in "${ports[@]}"; do wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/$size.bin" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    for i in 0 1 2; do
      watched=$(proxy_pids "${names[$i]}")
      before=$(cpu_ticks $watched)
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:${ports[$i]}/$size.bin")
      after=$(cpu_ticks $watched)
      if grep -q 'Non-2xx' <<<"$out"; then echo "${names[$i]} answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
      r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
      p=$(awk '$1=="99%" {print $2}' <<<"$out")
      n=$(awk '/requests in/ {print $1}' <<<"$out")
      c=$(awk -v t=$((after - before)) -v n="$n" -v hz="$tick" 'BEGIN {printf "%.1f", t * 1000000 / hz / n}')
      rps[$size,${names[$i]}]="${rps[$size,${names[$i]}]:-} $r"
      p99[$size,${names[$i]}]="${p99[$size,${names[$i]}]:-} $p"
      cpu[$size,${names[$i]}]="${cpu[$size,${names[$i]}]:-} $c"
      printf '%-4s round %d %-10s %10s req/s  p99 %-8s %6s us CPU/req\n' "$size" "$round" "${names[$i]}" "$r" "$p" "$c"
    done
  done
done

to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f\n", v }'; }
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo
echo "Medians of $rounds rounds, $seconds s each, $connections connections, wrk -t2 ($(nproc) cores shared by client, proxy and origin):"
printf '%-5s %-10s %12s %10s %14s\n' size proxy req/s p99-ms us-CPU/req
for size in $sizes; do
  for name in "${names[@]}"; do
    r=$(median <<<"${rps[$size,$name]}")
    p=$(for v in ${p99[$size,$name]}; do to_ms <<<"$v"; done | tr '\n' ' ' | median)
    u=$(median <<<"${cpu[$size,$name]}")
    printf '%-5s %-10s %12.0f %10.2f %14.1f\n' "$size" "$name" "$r" "$p" "$u"
    eval "m_${size}_${name//-/_}=$r"
  done
  awk -v a="$(eval echo \$m_${size}_appliance)" -v y="$(eval echo \$m_${size}_bare_yarp)" -v n="$(eval echo \$m_${size}_nginx)" -v s="$size" \
    'BEGIN { printf "%-5s appliance/bare-yarp %.2f   appliance/nginx %.2f\n", s, a/y, a/n }'
done
