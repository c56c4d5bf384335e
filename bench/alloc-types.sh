#!/usr/bin/env bash
# What the appliance allocates per request beyond bare YARP, by type: both proxy the same 1 KiB
# file from one nginx origin under the same wrk load (access log off, inline socket completions on
# in both), while bench/AllocTypes reads the runtime's allocation samples (one per ~100 KB, naming
# the type that crossed the mark). Prints bytes per request for each type, appliance beside bare
# YARP, largest difference first: where an allocation budget regression comes from. Sampled, so a
# small type moves by tens of bytes between runs; the totals are steady. Run it by hand, not in CI.
#
#   bench/alloc-types.sh [seconds=8] [rows=25]          WARMUP=15 (seconds of load before sampling)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
rows=${2:-25}
warmup=${WARMUP:-15}

source bench/nginx-setup.sh
source bench/appliance-setup.sh

origin_port=19501 yarp_port=19502 appliance_port=19580 admin_port=19581
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
dotnet build -c Release -v q -nologo bench/BareYarp >/dev/null
dotnet build -c Release -v q -nologo bench/AllocTypes >/dev/null

DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 \
  dotnet bench/BareYarp/bin/Release/net10.0/BareYarp.dll $yarp_port "http://127.0.0.1:$origin_port" >"$work/yarp.log" 2>&1 &
pids+=($!)
Appliance__AccessLog__Target=Off start_appliance $appliance_port $admin_port
appliance_origin $origin_port
for port in $yarp_port $appliance_port; do wait_for_200 "http://127.0.0.1:$port/1k.bin"; done

names=(bare-yarp appliance)
ports=($yarp_port $appliance_port)
declare -A served
for i in 0 1; do
  wrk -t1 -c50 -d"${warmup}s" "http://127.0.0.1:${ports[$i]}/1k.bin" >/dev/null
  dotnet bench/AllocTypes/bin/Release/net10.0/AllocTypes.dll "${pids[$i]}" "$seconds" 200 >"$work/${names[$i]}.types" &
  sampler=$!
  served[${names[$i]}]=$(wrk -t1 -c50 -d"${seconds}s" "http://127.0.0.1:${ports[$i]}/1k.bin" | awk '/requests in/ {print $1}')
  wait $sampler
done

python3 - "$work" "${served[appliance]}" "${served[bare-yarp]}" "$rows" <<'PY'
import sys
work, appliance_requests, yarp_requests, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def per_request(name, requests):
    types = {}
    for line in open(f"{work}/{name}.types"):
        amount, kind = line.rstrip("\n").split("\t", 1)
        types[kind] = int(amount) / requests
    return types
a, y = per_request("appliance", appliance_requests), per_request("bare-yarp", yarp_requests)
print(f"bytes allocated per request: appliance {a.pop('(total)'):.0f}, bare YARP {y.pop('(total)'):.0f}")
print(f"{'difference':>10} {'appliance':>9} {'bare YARP':>9}  type")
for difference, kind in sorted(((a.get(k, 0) - y.get(k, 0), k) for k in a.keys() | y.keys()), reverse=True)[:rows]:
    print(f"{difference:+10.0f} {a.get(kind, 0):9.0f} {y.get(kind, 0):9.0f}  {kind[:110]}")
PY
