#!/usr/bin/env bash
# Where the data plane spends its CPU and how much it allocates per proxied request, for one load:
#   http       1 KiB over plain HTTP/1.1, kept alive (wrk)
#   https      1 KiB over HTTPS/1.1, kept alive (wrk)
#   handshake  1 KiB over HTTPS with a new connection, and a full TLS handshake, per request (wrk)
#   h2         1 KiB over HTTP/2 with TLS, 10 streams per connection (h2load)
#   all        each of them in turn
# The appliance runs as bench/proxy.sh and bench/tls.sh run it (Release, in front of an nginx
# origin, access log off) with DOTNET_PerfMapEnabled=1, so that `perf record -g` resolves JIT-compiled
# frames; the top self and inclusive frames come from `perf report --stdio`. Bytes allocated per
# request are dotnet-counters' System.Runtime dotnet.gc.heap.total_allocated over the load window
# divided by the requests the load generator counted (background work, a few KiB/s, is included).
# Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/profile.sh <http|https|handshake|h2|all> [seconds=15] [connections=50]
#   PROFILE=0 bench/profile.sh all     allocations only (what bench/alloc.sh runs)
#   TOP=40 bench/profile.sh http       more frames
#   Appliance__Proxy__Transport__...=  any appliance setting, passed through to it (see README)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?usage: bench/profile.sh <http|https|handshake|h2|all> [seconds] [connections]}
seconds=${2:-15}
connections=${3:-50}
profile=${PROFILE:-1}
top=${TOP:-25}
case "$scenario" in
  http | https | handshake | h2) scenarios=("$scenario") ;;
  all) scenarios=(http https handshake h2) ;;
  *) echo "unknown scenario '$scenario': http, https, handshake, h2 or all" >&2; exit 2 ;;
esac

source bench/nginx-setup.sh
source bench/appliance-setup.sh
need=()
command -v h2load >/dev/null || need+=(nghttp2-client)
[ "$profile" = 1 ] && ! command -v perf >/dev/null && need+=(linux-perf)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# dotnet-counters (and dotnet-trace, for a managed-only trace by hand) from bench's own tool manifest.
(cd bench && dotnet tool restore >/dev/null)
repo=$(pwd)
counters() { (cd "$repo/bench" && exec dotnet dotnet-counters "$@"); }

# perf's symbol maps go with the processes that wrote them.
trap 'for pid in "${pids[@]}"; do rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"; done; cleanup' EXIT
trap "exit 1" INT TERM

origin_port=19201 http_port=19280 https_port=19243 admin_port=19281
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
cert_pair
nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null

# Profiles need every managed frame in the perf map: JIT all code (no ReadyToRun images), as the
# hot paths are rejitted anyway, and without W^X double mapping, whose code perf cannot attribute;
# the allocation figures are the same either way.
[ "$profile" = 1 ] && appliance_env=(DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0)
Appliance__AccessLog__Target=Off start_appliance $http_port $admin_port $https_port
appliance=${pids[-1]}
appliance_origin $origin_port
appliance_certificate "$work/cert.pem" "$work/key.pem"
for url in "http://127.0.0.1:$http_port/1k.bin" "https://localhost:$https_port/1k.bin"; do wait_for_200 "$url"; done

# Prints the number of requests answered; the load generator's output goes to $work/load.txt.
load() { # scenario, seconds
  case "$1" in
    http) wrk -t1 -c"$connections" -d"$2s" "http://127.0.0.1:$http_port/1k.bin" >"$work/load.txt" ;;
    https) wrk -t1 -c"$connections" -d"$2s" "https://localhost:$https_port/1k.bin" >"$work/load.txt" ;;
    handshake) wrk -t1 -c"$connections" -d"$2s" -H 'Connection: close' "https://localhost:$https_port/1k.bin" >"$work/load.txt" ;;
    h2) h2load -t1 -c"$connections" -m10 -D"$2" "https://localhost:$https_port/1k.bin" >"$work/load.txt" ;;
  esac
  local failed
  failed=$(awk '/Non-2xx/ {f += $NF} /^requests:/ {f += $10 + $12} /^status codes:/ {f += $7 + $9} END {print f + 0}' "$work/load.txt")
  if [ "$failed" != 0 ]; then echo "errors answered; figures discarded:" >&2; cat "$work/load.txt" >&2; exit 1; fi
  case "$1" in
    h2) awk '/^requests:/ {print $8}' "$work/load.txt" ;;
    *) awk '/requests in/ {print $1}' "$work/load.txt" ;;
  esac
}

declare -A bytes rates cpus
for s in "${scenarios[@]}"; do
  echo
  echo "=== $s: warm-up 5 s, then $seconds s measured, $connections connections ==="
  load "$s" 5 >/dev/null

  rm -f "$work/counters.csv"
  counters collect -p "$appliance" --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' \
    --refresh-interval 1 --format csv -o "$work/counters.csv" --duration "00:00:00:$(printf '%02d' $((seconds + 4)))" >/dev/null 2>&1 &
  collector=$!
  sleep 2 # the session starts reporting after its first interval
  if [ "$profile" = 1 ]; then
    perf record -F 499 -g -p "$appliance" -o "$work/perf.data" -- sleep "$seconds" >/dev/null 2>&1 &
    recorder=$!
  fi
  ticks_before=$(awk '{print $14 + $15}' "/proc/$appliance/stat")
  requests=$(load "$s" "$seconds")
  ticks_after=$(awk '{print $14 + $15}' "/proc/$appliance/stat")
  if [ "$profile" = 1 ]; then wait "$recorder" || true; fi
  wait "$collector" || true
  [ -n "${KEEP:-}" ] && cp "$work/counters.csv" "/tmp/profile-$s-counters.csv"

  # Each row is the bytes allocated during one interval; the load's window is the rows with the
  # most traffic, as many as the load lasted (the idle rows before and after are left out).
  allocated=$(awk -F, 'NR > 1 && $0 ~ /total_allocated/ {print $NF}' "$work/counters.csv" | sort -g -r | head -n "$seconds" | awk '{s += $1} END {printf "%.0f", s}')
  rate=$(awk -v n="$requests" -v d="$seconds" 'BEGIN {printf "%.0f", n / d}')
  per=$(awk -v a="$allocated" -v n="$requests" 'BEGIN {printf "%.0f", (n > 0 ? a / n : 0)}')
  # CPU time (user + system) of the appliance per request: steadier than requests/s on a shared machine.
  cpu=$(awk -v t=$((ticks_after - ticks_before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", (n > 0 ? t * 1000000 / hz / n : 0)}')
  bytes[$s]=$per rates[$s]=$rate cpus[$s]=$cpu
  echo "$s: $requests requests ($rate/s), $cpu us CPU per request, $allocated bytes allocated: $per bytes per request"

  if [ "$profile" = 1 ]; then
    echo
    echo "--- $s: self time by library (JIT-compiled code is [JIT]) ---"
    perf report -i "$work/perf.data" --stdio --no-children --sort dso -g none --percent-limit 0.5 2>/dev/null \
      | grep -E '^ +[0-9]' | sed -E 's/\[JIT\] tid [0-9]+/[JIT]/' | head -n 12 || true
    echo
    echo "--- $s: top $top frames by self time (where the CPU is) ---"
    perf report -i "$work/perf.data" --stdio --no-children --sort dso,sym -g none --percent-limit 0.3 2>/dev/null \
      | grep -E '^ +[0-9]' | head -n "$top" || true
    echo
    # Named frames only (managed and kernel): the runtime's and libc's stripped ones say nothing here.
    echo "--- $s: top $top named frames by inclusive time (what the CPU is spent under) ---"
    perf report -i "$work/perf.data" --stdio --children --sort sym -g none --percent-limit 1 2>/dev/null \
      | grep -E '^ +[0-9]' | grep -v -E '\] 0x[0-9a-f]+ *$|start_thread|StartHelper|StartCallback|WorkerThreadStart' \
      | sed -E 's/\[(OptimizedTier1|Optimized|QuickJitted|Tier0|Tier1|PreJIT)\]$//' | head -n "$top" || true
  fi
done

echo
echo "Per request ($seconds s each, $connections connections, $(nproc) cores shared by client, appliance and origin${PROFILE_NOTE:+; $PROFILE_NOTE}):"
for s in "${scenarios[@]}"; do printf '%-10s %8s B allocated %8s us CPU %10s req/s\n' "$s" "${bytes[$s]}" "${cpus[$s]}" "${rates[$s]}"; done
