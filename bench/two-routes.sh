# Sourced by the benchmarks that compare two routes of one appliance (shield.sh, rules.sh, mirror.sh),
# and by bans.sh and flood.sh for the setup alone: through nginx-setup.sh it installs nginx and wrk
# if missing, then starts an nginx origin serving a 1 KiB file and the Release appliance in front of
# it, and defines `start_appliance`, `api`, `ready` and `compare`. The caller sets rounds, seconds,
# connections and the four ports (origin_port http_port https_port admin_port) first.
# shellcheck shell=bash

source bench/nginx-setup.sh
mkdir -p "$work/www"
head -c 1024 /dev/urandom >"$work/www/1k.bin"
nginx_conf origin "server { listen 127.0.0.1:$origin_port; root $work/www; keepalive_requests 1000000; }"

echo "Building (Release)..."
dotnet build -c Release -v q -nologo src/Appliance.Web >/dev/null
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; exit 1; }

# start_appliance: starts the appliance (its pid in appliance_pid) and waits for its admin port.
# Settings the caller exported (Appliance__...) are added; flood.sh stops it and starts it again on
# the same data directory with other startup-only settings.
start_appliance() {
  Appliance__DataDirectory="$work/data" \
  Appliance__Admin__Urls="http://127.0.0.1:$admin_port" \
  Appliance__Admin__BootstrapToken="$token" \
  Appliance__Proxy__HttpPort=$http_port \
  Appliance__Proxy__HttpsPort=$https_port \
  Appliance__Proxy__BindAddress=127.0.0.1 \
  Appliance__Proxy__Limits__MaxConnectionsPerAddress=0 \
  Appliance__AccessLog__Target=Off \
  ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >>"$work/appliance.log" 2>&1 &
  appliance_pid=$!
  pids+=("$appliance_pid")
  wait_for "http://127.0.0.1:$admin_port/"
}
start_appliance
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$origin_port\"}]}" "http://127.0.0.1:$admin_port/api/v1/pools"

# Extra wrk and curl arguments (headers) for both routes; a caller may set it before `ready`.
extra=()

# ready HOST PATH: waits until the route answers 200.
ready() {
  for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "${extra[@]}" -H "Host: $1" "http://127.0.0.1:$http_port$2")" = 200 ] && return 0; sleep 0.1; done
  echo "$1 never answered 200; nothing measured." >&2; exit 1
}

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# compare BASE_HOST BASE_PATH OTHER_HOST OTHER_PATH LABEL: warm-up, interleaved wrk rounds, medians and the cost.
compare() {
  declare -A rps paths=([$1]=$2 [$3]=$4)
  local hosts=("$1" "$3") host out r round
  for host in "${hosts[@]}"; do wrk -t2 -c"$connections" -d3s "${extra[@]}" -H "Host: $host" "http://127.0.0.1:$http_port${paths[$host]}" >/dev/null; done
  for round in $(seq 1 "$rounds"); do
    for host in "${hosts[@]}"; do
      out=$(wrk -t2 -c"$connections" -d"${seconds}s" "${extra[@]}" -H "Host: $host" "http://127.0.0.1:$http_port${paths[$host]}")
      if grep -q 'Non-2xx' <<<"$out"; then echo "$host answered errors; figures discarded:" >&2; echo "$out" >&2; exit 1; fi
      r=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
      rps[$host]="${rps[$host]:-} $r"
      printf 'round %d %-14s %10s req/s\n' "$round" "$host" "$r"
    done
  done
  local b s
  b=$(median <<<"${rps[$1]}") s=$(median <<<"${rps[$3]}")
  echo
  awk -v b="$b" -v s="$s" -v r="$rounds" -v t="$seconds" -v bare="${1%%.*}" -v label="$5" 'BEGIN { printf "Medians of %d rounds, %d s each: %s %.0f/s, %s %.0f/s, cost %.1f %%\n", r, t, bare, b, label, s, (1 - s / b) * 100 }'
}
