#!/usr/bin/env bash
# Configuration propagation across two nodes: two appliances (Release) on one throwaway PostgreSQL,
# N route changes made through node A's API, and for each the time from A's answer until node B's
# data plane routes the new host (it stops answering 404), after 5 uncounted warm-up changes.
# Prints p50, p90, p99 and the worst.
# Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/propagation.sh [changes=100] [notifications=true]
#
# notifications=false switches LISTEN/NOTIFY off on node B, which then relies on its 1 s poll.
set -euo pipefail
cd "$(dirname "$0")/.."
changes=${1:-100}
notifications=${2:-true}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ] || ! command -v curl >/dev/null || ! command -v python3 >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql curl python3 >/dev/null
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

work=$(mktemp -d)
# PostgreSQL refuses to run as root: as root its cluster belongs to the postgres user.
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

pg_port=19301
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work/pg"
as_pg "$pgbin/initdb" -D "$work/pg/data" -U appliance --auth=trust -E UTF8 --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$pgbin/createdb" -h 127.0.0.1 -p $pg_port -U appliance appliance

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
# On PostgreSQL the shared key ring must be protected: one key file for both nodes.
head -c 32 /dev/urandom | base64 >"$work/ring.key"
start_node() { # name, admin port, http port, https port, notifications
  Appliance__DataDirectory="$work/$1" \
  Appliance__Admin__Urls="http://127.0.0.1:$2" \
  Appliance__Admin__BootstrapToken="$token" \
  Appliance__Proxy__HttpPort=$3 \
  Appliance__Proxy__HttpsPort=$4 \
  Appliance__Proxy__BindAddress=127.0.0.1 \
  Appliance__AccessLog__Target=Off \
  Appliance__Database__Provider=Postgres \
  Appliance__Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=appliance;Database=appliance" \
  Appliance__Node__Name="$1" \
  Appliance__DataProtection__KeyFile="$work/ring.key" \
  Appliance__Cluster__Notifications="$5" \
  ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$2/" && return 0; sleep 0.2; done
  echo "node $1 did not start; see its log:" >&2; cat "$work/$1.log" >&2; exit 1
}
# A first: it migrates the empty database.
start_node node-a 19311 19312 19313 true
start_node node-b 19321 19322 19323 "$notifications"

curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"web","backends":[{"address":"http://127.0.0.1:9"}]}' "http://127.0.0.1:19311/api/v1/pools" >/dev/null

echo "$changes changes through node-a, node-b notifications=$notifications ($(nproc) cores shared)..."
APPLIANCE_TOKEN=$token python3 - "$changes" <<'PY'
import http.client, json, os, sys, time

changes = int(sys.argv[1])
token = os.environ["APPLIANCE_TOKEN"]
api = http.client.HTTPConnection("127.0.0.1", 19311)
proxy = http.client.HTTPConnection("127.0.0.1", 19322)

def routed(host):
    # Before the change is live on B its data plane has no route for the host: 404. After, the
    # route answers whatever its (closed) backend gives: 502 or 503.
    proxy.request("GET", "/", headers={"Host": host})
    response = proxy.getresponse()
    response.read()
    return response.status != 404

# The first changes pay for JIT compilation on both nodes: made, waited for, not counted.
warmup = 5
latencies, writes = [], []
for i in range(warmup + changes):
    host = f"r{i}.propagation.test"
    body = json.dumps({"name": f"r{i}", "hosts": [host], "targets": [{"pool": "web", "weight": 1}]})
    sent = time.perf_counter()
    api.request("POST", "/api/v1/routes", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    answer = api.getresponse()
    answer.read()
    if answer.status != 201:
        sys.exit(f"node-a answered {answer.status} to change {i}")
    committed = time.perf_counter()
    while not routed(host):
        if time.perf_counter() - committed > 30:
            sys.exit(f"node-b never served change {i}")
        time.sleep(0.001)
    if i >= warmup:
        writes.append(committed - sent)
        latencies.append(time.perf_counter() - committed)
    time.sleep(0.05)  # let both nodes settle: changes a few tens of ms apart, not a flood

def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000

print(f"node-a write (API answer): p50 {pct(writes, 50):6.1f} ms  p99 {pct(writes, 99):6.1f} ms")
print(f"node-b live after answer:  p50 {pct(latencies, 50):6.1f} ms  p90 {pct(latencies, 90):6.1f} ms  "
      f"p99 {pct(latencies, 99):6.1f} ms  max {max(latencies) * 1000:6.1f} ms  ({changes} changes)")
PY
