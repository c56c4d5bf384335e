#!/usr/bin/env bash
# TCP throughput through a stream of the appliance beside HAProxy in `mode tcp` and a direct
# connection, all to the same iperf3 server on loopback, in interleaved rounds (A B C A B C ...).
# Prints MB/s per path and direction (client to server, and server to client with -R), the medians
# and the ratio appliance/HAProxy. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/streams.sh [rounds=3] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}

need=()
command -v haproxy >/dev/null || need+=(haproxy)
command -v iperf3 >/dev/null || need+=(iperf3)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sink_port=19201 stream_port=19202 haproxy_port=19203 http_port=19280 https_port=19243 admin_port=19281

# The sink: one iperf3 server that every path reaches.
iperf3 -s -p $sink_port >"$work/iperf3.log" 2>&1 &
pids+=($!)

cat >"$work/haproxy.cfg" <<CFG
global
  maxconn 4096
defaults
  mode tcp
  timeout connect 5s
  timeout client 600s
  timeout server 600s
frontend streams
  bind 127.0.0.1:$haproxy_port
  default_backend sink
backend sink
  server sink 127.0.0.1:$sink_port
CFG
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
Appliance__DataDirectory="$work/data" \
Appliance__Admin__Urls="http://127.0.0.1:$admin_port" \
Appliance__Admin__BootstrapToken="$token" \
Appliance__Proxy__HttpPort=$http_port \
Appliance__Proxy__HttpsPort=$https_port \
Appliance__Proxy__BindAddress=127.0.0.1 \
Appliance__AccessLog__Target=Off \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/appliance.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$admin_port/"
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -d "{\"name\":\"sink\",\"backends\":[{\"address\":\"http://127.0.0.1:$sink_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"
api -d "{\"name\":\"bench\",\"listenPort\":$stream_port,\"pool\":\"sink\"}" "http://127.0.0.1:$admin_port/api/v1/streams"

names=(direct appliance haproxy)
ports=($sink_port $stream_port $haproxy_port)
for port in "${ports[@]}"; do
  for _ in $(seq 1 100); do iperf3 -c 127.0.0.1 -p "$port" -t 1 >/dev/null 2>&1 && continue 2; sleep 0.2; done
  echo "iperf3 through port $port never completed; nothing measured." >&2; exit 1
done

# MB/s (10^6 bytes) the receiving side counted.
mbps() { python3 -c 'import json,sys; print("%.1f" % (json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"] / 8e6))'; }

declare -A rate
for direction in up down; do
  flag=""; [ "$direction" = down ] && flag="-R"
  for round in $(seq 1 "$rounds"); do
    for i in 0 1 2; do
      r=$(iperf3 -c 127.0.0.1 -p "${ports[$i]}" -t "$seconds" $flag -J | mbps)
      rate[$direction,${names[$i]}]="${rate[$direction,${names[$i]}]:-} $r"
      printf '%-4s round %d %-10s %10s MB/s\n' "$direction" "$round" "${names[$i]}" "$r"
    done
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "Medians of $rounds rounds, $seconds s each, one TCP connection ($(nproc) cores shared by iperf3, the proxies and the sink):"
printf '%-5s %-10s %10s\n' dir path MB/s
for direction in up down; do
  for name in "${names[@]}"; do
    m=$(median <<<"${rate[$direction,$name]}")
    printf '%-5s %-10s %10.1f\n' "$direction" "$name" "$m"
    eval "m_${direction}_${name}=$m"
  done
  awk -v a="$(eval echo \$m_${direction}_appliance)" -v h="$(eval echo \$m_${direction}_haproxy)" -v d="$direction" \
    'BEGIN { printf "%-5s appliance/haproxy %.2f\n", d, a/h }'
done
