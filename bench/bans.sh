#!/usr/bin/env bash
# What bans cost a client that is not banned: one appliance in front of an nginx origin (1 KiB),
# measured first with no ban rule and nobody banned, then with the two default rules and 1000
# addresses banned (so every accept and every request looks the client up in a full table, and
# every answer is matched against the rules). Each phase runs wrk with keep-alive connections and
# with a new connection per request (Connection: close), where the accept-time check runs every
# time. Phases are sequential, not interleaved (filling and emptying the table takes a while), so
# rerun on a quiet machine before reading much into a small difference. Then a banned flood: the
# loopback client is banned and wrk's connections are closed at accept; prints how many it
# opened per second. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/bans.sh [rounds=3] [seconds=10] [connections=50]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-10}
connections=${3:-50}
origin_port=19501 http_port=19580 https_port=19543 admin_port=19581
export Appliance__Proxy__Bans__ExemptLoopback=false

# shellcheck source=bench/two-routes.sh
source bench/two-routes.sh

base="http://127.0.0.1:$admin_port/api/v1"
api -d '{"name":"site","hosts":["site.test"],"targets":[{"pool":"origin","weight":1}]}' "$base/routes"
ready site.test /1k.bin

rate() { awk '/^Requests\/sec/ {print $2}'; }

# phase LABEL: rounds of keep-alive and of one request per connection; medians of each.
phase() {
  local keep="" close="" out r round
  for round in $(seq 1 "$rounds"); do
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Host: site.test" "http://127.0.0.1:$http_port/1k.bin")
    if grep -q 'Non-2xx' <<<"$out"; then echo "errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
    r=$(rate <<<"$out"); keep="$keep $r"
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Host: site.test" -H "Connection: close" "http://127.0.0.1:$http_port/1k.bin")
    r=$(rate <<<"$out"); close="$close $r"
    printf 'round %d %-26s keep-alive %10s req/s, a connection each %10s req/s\n' "$round" "$1" "${keep##* }" "$r" >&2
  done
  echo "$(median <<<"$keep") $(median <<<"$close")"
}

# Without: the default rules deleted, nobody banned.
api -X DELETE "$base/ban-rules/scanners"
api -X DELETE "$base/ban-rules/repeated-refusals"
wrk -t2 -c"$connections" -d3s -H "Host: site.test" "http://127.0.0.1:$http_port/1k.bin" >/dev/null
wrk -t2 -c"$connections" -d3s -H "Host: site.test" -H "Connection: close" "http://127.0.0.1:$http_port/1k.bin" >/dev/null
without=$(phase "no rules, nobody banned" | tail -1)

# With: the defaults back and 1000 addresses banned (none of them the client).
api -d '{"name":"scanners","paths":["/.env*","/.git/**","/wp-login.php/**","/xmlrpc.php/**","/phpmyadmin/**"],"threshold":10}' "$base/ban-rules"
api -d '{"name":"repeated-refusals","statuses":[401,403],"threshold":30,"banSeconds":900}' "$base/ban-rules"
for i in $(seq 0 999); do
  api -d "{\"address\":\"198.18.$((i / 250)).$((i % 250 + 1))\",\"seconds\":3600}" "$base/bans"
done
ready site.test /1k.bin
with=$(phase "2 rules, 1000 bans" | tail -1)

echo
read -r wk wc <<<"$without"
read -r bk bc <<<"$with"
awk -v wk="$wk" -v wc="$wc" -v bk="$bk" -v bc="$bc" -v r="$rounds" -v t="$seconds" 'BEGIN {
  printf "Medians of %d rounds, %d s each:\n", r, t
  printf "  keep-alive:          no bans %.0f/s, with bans %.0f/s, cost %.1f %%\n", wk, bk, (1 - bk / wk) * 100
  printf "  a connection each:   no bans %.0f/s, with bans %.0f/s, cost %.1f %%\n", wc, bc, (1 - bc / wc) * 100
}'

# The flood: wrk's own address banned; every connection is closed at accept, before TLS and HTTP.
api -d '{"address":"127.0.0.1","seconds":600,"reason":"bench flood"}' "$base/bans"
out=$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Host: site.test" "http://127.0.0.1:$http_port/1k.bin" 2>&1 || true)
dropped=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$admin_port/metrics" | awk '/^appliance_connections_dropped_total\{reason="ban"\}/ {print $2}')
echo "  banned flood:        $(( ${dropped%.*} / seconds )) connections/s closed at accept (wrk: $(grep -o 'Socket errors:.*' <<<"$out" || echo 'no socket errors reported'))"
