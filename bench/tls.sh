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

source bench/nginx-setup.sh
source bench/appliance-setup.sh

origin_port=19101 http_port=19180 https_port=19143 admin_port=19181 nginx_port=19144 yarp_port=19145
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
cert_pair

nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"
nginx_conf peer "upstream origin { server 127.0.0.1:$origin_port; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port ssl http2; keepalive_requests 1000000;
    ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3; ssl_session_cache shared:SSL:10m; ssl_session_tickets on;
    location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
dotnet build -c Release -v q -nologo bench/BareYarp >/dev/null

Appliance__AccessLog__Target=Off Appliance__Tls__SessionResumption=${RESUMPTION:-true} start_appliance $http_port $admin_port $https_port
# Bare YARP with the socket setting the appliance has on by default, so the ratio is the appliance's own.
DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 \
  dotnet bench/BareYarp/bin/Release/net10.0/BareYarp.dll $yarp_port "http://127.0.0.1:$origin_port" "$work/cert.pem" "$work/key.pem" >"$work/yarp.log" 2>&1 &
pids+=($!)
appliance_origin $origin_port
appliance_certificate "$work/cert.pem" "$work/key.pem"
for port in $https_port $yarp_port $nginx_port; do wait_for_200 "https://localhost:$port/1k.bin"; done
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
