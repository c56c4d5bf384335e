#!/usr/bin/env bash
# TLS side by side: the appliance's HTTPS data plane vs bare YARP (Kestrel's TLS defaults, the
# floor .NET sets) and nginx, all terminating TLS with the same ECDSA P-256 certificate for
# "localhost" and proxying to the same nginx origin (1 KiB body).
#   - handshakes: a new connection (and a full TLS handshake) per request (wrk with Connection: close)
#   - keep-alive: HTTPS requests/s over kept-alive connections
#   - new / resumed: one client (openssl s_time) connecting again and again, with a full handshake
#     each time (-new) or resuming its first session (-reuse: a TLS 1.3 ticket), both with
#     session resumption on (nginx: ssl_session_cache and tickets; the appliance:
#     Appliance:Tls:SessionResumption, RESUMPTION=false to measure it off), as connections/s and
#     the server's CPU time per connection
# Measured in interleaved rounds; prints medians, the servers' CPU time per request or connection,
# and the appliance's ratios to nginx and to bare YARP. Figures, never a
# pass/fail: run it by hand, not in CI.
#
#   bench/tls.sh [rounds=3] [seconds=10] [connections=50]
#   RESUMPTION=false bench/tls.sh     the appliance without session resumption (on by default)
#   MODES="handshakes keep-alive new resumed"   the measurements to make (all by default)
#   WARMUP=10                          seconds of load per server before each wrk mode (the JIT's tiers)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
warmup=${WARMUP:-10}
modes=${MODES:-handshakes keep-alive new resumed}
wanted() { [[ " $modes " == *" $1 "* ]]; }

need=()
command -v nginx >/dev/null || need+=(nginx-light)
command -v wrk >/dev/null || need+=(wrk)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
# nginx's workers run as an unprivileged user: they must be able to read the origin's files.
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for name in origin peer; do [ -f "$work/$name.pid" ] && kill "$(cat "$work/$name.pid")" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

origin_port=19101 http_port=19180 https_port=19143 admin_port=19181 nginx_port=19144 yarp_port=19145
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"

# One P-256 certificate for both.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

nginx_conf() { # name, server block
  cat >"$work/$1.conf" <<CONF
worker_processes 1;
pid $work/$1.pid;
error_log $work/$1.error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$1-body; proxy_temp_path $work/$1-proxy;
  fastcgi_temp_path $work/$1-fcgi; uwsgi_temp_path $work/$1-uwsgi; scgi_temp_path $work/$1-scgi;
  $2
}
CONF
  nginx -c "$work/$1.conf"
}

nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"
nginx_conf peer "upstream origin { server 127.0.0.1:$origin_port; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port ssl http2; keepalive_requests 1000000;
    ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3; ssl_session_cache shared:SSL:10m; ssl_session_tickets on;
    location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
dotnet build -c Release -v q -nologo bench/BareYarp >/dev/null

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
Appliance__DataDirectory="$work/data" \
Appliance__Admin__Urls="http://127.0.0.1:$admin_port" \
Appliance__Admin__BootstrapToken="$token" \
Appliance__Proxy__HttpPort=$http_port \
Appliance__Proxy__HttpsPort=$https_port \
Appliance__Proxy__BindAddress=127.0.0.1 \
Appliance__AccessLog__Target=Off \
Appliance__Tls__SessionResumption=${RESUMPTION:-true} \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/appliance.log" 2>&1 &
pids+=($!)
# Bare YARP with the socket setting the appliance has on by default, so the ratio is the appliance's own.
DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 \
  dotnet bench/BareYarp/bin/Release/net10.0/BareYarp.dll $yarp_port "http://127.0.0.1:$origin_port" "$work/cert.pem" "$work/key.pem" >"$work/yarp.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$admin_port/"
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"
api -d '{"name":"all","targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
jq_string() { python3 -c 'import json,sys; print(json.dumps(open(sys.argv[1]).read()))' "$1"; }
api -d "{\"name\":\"bench\",\"pem\":$(jq_string "$work/cert.pem"),\"key\":$(jq_string "$work/key.pem")}" "http://127.0.0.1:$admin_port/api/v1/certificates"
for port in $https_port $yarp_port $nginx_port; do
  for _ in $(seq 1 100); do
    [ "$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$port/1k.bin")" = 200 ] && continue 2; sleep 0.1
  done
  echo "https://localhost:$port/1k.bin never answered 200; nothing measured." >&2; exit 1
done
# All must serve the same certificate, or the comparison is not fair.
for port in $https_port $yarp_port $nginx_port; do
  echo | openssl s_client -connect "127.0.0.1:$port" -servername localhost 2>/dev/null | openssl x509 -noout -fingerprint -sha256
done | uniq | wc -l | grep -qx 1 || { echo "The appliance, bare YARP and nginx serve different certificates." >&2; exit 1; }

names=(appliance bare-yarp nginx)
ports=($https_port $yarp_port $nginx_port)
tick=$(getconf CLK_TCK)
server_pids() { case "$1" in appliance) echo "${pids[0]}" ;; bare-yarp) echo "${pids[1]}" ;; nginx) echo "$(cat "$work/peer.pid") $(pgrep -P "$(cat "$work/peer.pid")" | tr '\n' ' ')" ;; esac; }
cpu_ticks() { local total=0; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
per_unit() { awk -v t="$1" -v n="$2" -v hz="$tick" 'BEGIN {printf "%.1f", t * 1000000 / hz / n}'; }
declare -A rps cpu
for mode in handshakes keep-alive; do
  wanted "$mode" || continue
  header=()
  [ "$mode" = handshakes ] && header=(-H "Connection: close")
  for port in "${ports[@]}"; do wrk -t2 -c"$connections" -d"${warmup}s" "${header[@]}" "https://localhost:$port/1k.bin" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    for i in "${!names[@]}"; do
      watched=$(server_pids "${names[$i]}")
      before=$(cpu_ticks $watched)
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" "${header[@]}" "https://localhost:${ports[$i]}/1k.bin")
      after=$(cpu_ticks $watched)
      r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
      n=$(awk '/requests in/ {print $1}' <<<"$out")
      errors=$(awk '/Socket errors/ {print}' <<<"$out")
      if grep -q 'Non-2xx' <<<"$out"; then echo "${names[$i]} answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
      c=$(per_unit $((after - before)) "$n")
      rps[$mode,${names[$i]}]="${rps[$mode,${names[$i]}]:-} $r"
      cpu[$mode,${names[$i]}]="${cpu[$mode,${names[$i]}]:-} $c"
      printf '%-10s round %d %-9s %10s req/s %8s us server CPU/req %s\n' "$mode" "$round" "${names[$i]}" "$r" "$c" "$errors"
    done
  done
done

# One client, one connection at a time: a full handshake each time, or the first session resumed.
for mode in new resumed; do
  wanted "$mode" || continue
  flag=-new
  [ "$mode" = resumed ] && flag=-reuse
  for round in $(seq 1 "$rounds"); do
    for i in "${!names[@]}"; do
      watched=$(server_pids "${names[$i]}")
      before=$(cpu_ticks $watched)
      out=$(openssl s_time -connect "127.0.0.1:${ports[$i]}" -www /1k.bin "$flag" -time "$seconds" 2>&1)
      after=$(cpu_ticks $watched)
      n=$(awk '/connections in .* real seconds/ {print $1}' <<<"$out")
      real=$(awk '/connections in .* real seconds/ {print $4}' <<<"$out")
      [ -n "$n" ] && [ "$n" -gt 0 ] || { echo "openssl s_time against ${names[$i]} made no connection:" >&2; echo "$out" >&2; exit 1; }
      r=$(awk -v n="$n" -v t="$real" 'BEGIN {printf "%.0f", n / t}')
      c=$(per_unit $((after - before)) "$n")
      rps[$mode,${names[$i]}]="${rps[$mode,${names[$i]}]:-} $r"
      cpu[$mode,${names[$i]}]="${cpu[$mode,${names[$i]}]:-} $c"
      printf '%-10s round %d %-9s %10s conn/s %8s us server CPU/conn\n' "$mode" "$round" "${names[$i]}" "$r" "$c"
    done
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "Medians of $rounds rounds, $seconds s each, $connections connections, wrk -t2 ($(nproc) cores shared by client, proxies and origin);"
echo "handshakes and keep-alive in requests/s (wrk), new and resumed in connections/s (one openssl s_time client);"
echo "session resumption ${RESUMPTION:-true} on the appliance, Kestrel's default in bare YARP, on in nginx:"
for mode in $modes; do
  line=$(printf '%-10s' "$mode")
  for name in "${names[@]}"; do
    line+=$(printf '   %s %8.0f/s %7.1f us CPU' "$name" "$(median <<<"${rps[$mode,$name]}")" "$(median <<<"${cpu[$mode,$name]}")")
  done
  a=$(median <<<"${rps[$mode,appliance]}") y=$(median <<<"${rps[$mode,bare-yarp]}") n=$(median <<<"${rps[$mode,nginx]}")
  echo "$line$(awk -v a="$a" -v y="$y" -v n="$n" 'BEGIN { printf "   appliance/nginx %.2f   appliance/bare-yarp %.2f   bare-yarp/nginx %.2f", a/n, a/y, y/n }')"
done
