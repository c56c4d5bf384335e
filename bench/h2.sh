#!/usr/bin/env bash
# HTTP/2 side by side: clients speaking h2 (over TLS, ALPN) to the appliance and to nginx, both
# with the same ECDSA P-256 certificate, proxying to the same nginx origin over HTTP/1.1 (1 KiB
# body). h2load from Debian's nghttp2-client, many streams per connection, interleaved rounds;
# prints requests/s, the server's CPU time per request and the appliance/nginx ratio. Figures,
# never a pass/fail: run it by hand, not in CI.
#
#   bench/h2.sh [rounds=3] [seconds=10] [connections=50] [streams=10]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}

source bench/nginx-setup.sh
source bench/appliance-setup.sh
command -v h2load >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null; }

origin_port=19301 http_port=19380 https_port=19343 admin_port=19381 nginx_port=19344
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

Appliance__AccessLog__Target=Off start_appliance $http_port $admin_port $https_port
appliance_origin $origin_port
appliance_certificate "$work/cert.pem" "$work/key.pem"
for port in $https_port $nginx_port; do wait_for_200 "https://localhost:$port/1k.bin"; done
# Both must serve the same certificate, or the comparison is not fair.
for port in $https_port $nginx_port; do
  echo | openssl s_client -connect "127.0.0.1:$port" -servername localhost 2>/dev/null | openssl x509 -noout -fingerprint -sha256
done | uniq | wc -l | grep -qx 1 || { echo "The appliance and nginx serve different certificates." >&2; exit 1; }


streams=${4:-10}
tick=$(getconf CLK_TCK)
server_pids() { case "$1" in appliance) echo "${pids[0]}" ;; nginx) echo "$(cat "$work/peer.pid") $(pgrep -P "$(cat "$work/peer.pid")" | tr '\n' ' ')" ;; esac; }
cpu_ticks() { local total=0; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
declare -A rps cpu
names=(appliance nginx)
ports=($https_port $nginx_port)
for port in "${ports[@]}"; do h2load -t1 -c"$connections" -m"$streams" -D3 "https://localhost:$port/1k.bin" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  for i in 0 1; do
    watched=$(server_pids "${names[$i]}")
    before=$(cpu_ticks $watched)
    out=$(h2load -t1 -c"$connections" -m"$streams" -D"$seconds" "https://localhost:${ports[$i]}/1k.bin")
    after=$(cpu_ticks $watched)
    grep -q 'h2' <<<"$(grep 'Application protocol' <<<"$out")" || { echo "${names[$i]} did not speak h2:" >&2; echo "$out" >&2; exit 1; }
    ok=$(awk '/^requests:/ {print $8}' <<<"$out")
    # Requests that failed or errored, and answers in 4xx or 5xx.
    failed=$(awk '/^requests:/ {f += $10 + $12} /^status codes:/ {f += $7 + $9} END {print f + 0}' <<<"$out")
    [ "${failed:-0}" = 0 ] || { echo "${names[$i]} answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; }
    r=$(awk -v n="$ok" -v d="$seconds" 'BEGIN {printf "%.0f", n / d}')
    c=$(awk -v t=$((after - before)) -v n="$ok" -v hz="$tick" 'BEGIN {printf "%.1f", t * 1000000 / hz / n}')
    rps[${names[$i]}]="${rps[${names[$i]}]:-} $r"
    cpu[${names[$i]}]="${cpu[${names[$i]}]:-} $c"
    printf 'round %d %-9s %10s req/s %8s us CPU/req\n' "$round" "${names[$i]}" "$r" "$c"
  done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "Medians of $rounds rounds, $seconds s each, $connections connections x $streams streams, h2load -t1 ($(nproc) cores shared by client, proxies and origin):"
a=$(median <<<"${rps[appliance]}") n=$(median <<<"${rps[nginx]}")
ac=$(median <<<"${cpu[appliance]}") nc=$(median <<<"${cpu[nginx]}")
awk -v a="$a" -v n="$n" -v ac="$ac" -v nc="$nc" \
  'BEGIN { printf "h2 1k  appliance %9.0f/s %6.1f us CPU/req   nginx %9.0f/s %6.1f us CPU/req   appliance/nginx %.2f\n", a, ac, n, nc, a/n }'
