#!/usr/bin/env bash
# On-the-fly compression beside plain forwarding, with inline socket completions on (the default)
# and off: the same 32 KiB stylesheet from an nginx origin through two routes of one appliance, one
# compressing for a client that accepts brotli and gzip, one with compression off. The compressing
# route's work follows a backend read, which inline completions run on the socket engine's thread,
# so this is where a regression in p99 would show. Interleaved wrk rounds per setting (the setting
# is read at start, so the appliance is restarted between them); prints medians of requests/s and
# p99. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/compress.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
origin_port=19701 http_port=19780 https_port=19743 admin_port=19781

# shellcheck source=bench/two-routes.sh
source bench/two-routes.sh
# A stylesheet-like text that compresses about as real CSS does (repeated rules, varying values).
for i in $(seq 1 700); do printf '.c%d{margin:%dpx;color:#%06x}\n' "$i" "$((i % 37))" "$((i * 2654435761 % 16777216))"; done | head -c 32768 >"$work/www/site.css"

routes() {
  api -d '{"name":"compressed","hosts":["compressed.test"],"targets":[{"pool":"origin","weight":1}]}' "http://127.0.0.1:$admin_port/api/v1/routes"
  api -d '{"name":"plain","hosts":["plain.test"],"targets":[{"pool":"origin","weight":1}],"compression":false}' "http://127.0.0.1:$admin_port/api/v1/routes"
  extra=(-H "Accept-Encoding: br, gzip")
  ready compressed.test /site.css
  ready plain.test /site.css
  [ "$(curl -s -o /dev/null -w '%{size_download}' "${extra[@]}" -H 'Host: compressed.test' "http://127.0.0.1:$http_port/site.css")" -lt 16384 ] \
    || { echo "the compressed route did not compress; nothing measured." >&2; exit 1; }
}

declare -A rps p99
measure() { # setting
  local host out round
  for host in plain.test compressed.test; do wrk -t2 -c"$connections" -d3s "${extra[@]}" -H "Host: $host" "http://127.0.0.1:$http_port/site.css" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    for host in plain.test compressed.test; do
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "${extra[@]}" -H "Host: $host" "http://127.0.0.1:$http_port/site.css")
      if grep -q 'Non-2xx' <<<"$out"; then echo "$host answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
      rps[$1,$host]="${rps[$1,$host]:-} $(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
      p99[$1,$host]="${p99[$1,$host]:-} $(awk '$1 == "99%" {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v}' <<<"$out")"
      printf 'inline=%-5s round %d %-16s %s\n' "$1" "$round" "$host" "$(awk '/^Requests\/sec/ {print $2 " req/s"}' <<<"$out")"
    done
  done
}

routes
measure true
kill "$appliance_pid"; wait "$appliance_pid" 2>/dev/null || true
export Appliance__Proxy__Transport__InlineSocketCompletions=false
start_appliance
ready compressed.test /site.css
measure false

echo
echo "Medians of $rounds rounds, $seconds s each, $connections connections, 32 KiB stylesheet, Accept-Encoding: br, gzip:"
for setting in true false; do
  for host in plain.test compressed.test; do
    awk -v s="$setting" -v h="$host" -v r="$(median <<<"${rps[$setting,$host]}")" -v p="$(median <<<"${p99[$setting,$host]}")" \
      'BEGIN { printf "inline completions %-5s  %-16s %8.0f req/s   p99 %6.2f ms\n", s, h, r, p }'
  done
done
