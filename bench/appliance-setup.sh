# Sourced after bench/nginx-setup.sh by the benchmarks that run one appliance with one catch-all
# route (proxy.sh, tls.sh, h2.sh, profile.sh, alloc-types.sh): starts the Release build (the caller
# builds it) and gives it what a benchmark needs through its own API, as an operator would.
#   start_appliance HTTP_PORT ADMIN_PORT [HTTPS_PORT]   data in "$work/data", log in "$work/appliance.log",
#                                                       its pid appended to "pids"; waits for the admin API.
#                                                       Any Appliance__… variable the caller exported reaches it,
#                                                       and so do the VAR=value words in the array appliance_env.
#   appliance_api ARGS…                                 curl against the admin API with the bootstrap token
#   appliance_origin ORIGIN_PORT                        a pool "origin" with that one backend and a catch-all route "all"
#   appliance_certificate CERT_PEM KEY_PEM              uploads a certificate (chosen by SNI)
#   cert_pair                                           makes "$work/cert.pem" and "$work/key.pem": ECDSA P-256 for localhost
#   wait_for_200 URL                                    waits until URL answers 200 (curl -k), or gives up
# shellcheck shell=bash

appliance_token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
appliance_env=()

start_appliance() {
  appliance_admin="http://127.0.0.1:$2"
  env "${appliance_env[@]}" \
  Appliance__DataDirectory="$work/data" \
  Appliance__Admin__Urls="$appliance_admin" \
  Appliance__Admin__BootstrapToken="$appliance_token" \
  Appliance__Proxy__HttpPort="$1" \
  Appliance__Proxy__HttpsPort="${3:-$(($1 + 1000))}" \
  Appliance__Proxy__BindAddress=127.0.0.1 \
  ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/Appliance.Web/bin/Release/net10.0/Appliance.Web.dll >"$work/appliance.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -s -o /dev/null "$appliance_admin/" && return 0; sleep 0.2; done
  echo "The appliance's admin API never answered at $appliance_admin; see $work/appliance.log." >&2
  exit 1
}

appliance_api() {
  local path=$1
  shift
  curl -sf -H "Authorization: Bearer $appliance_token" -H 'Content-Type: application/json' "$@" "$appliance_admin$path" >/dev/null
}

appliance_origin() {
  appliance_api /api/v1/pools -d "{\"name\":\"origin\",\"backends\":[{\"address\":\"http://127.0.0.1:$1\"}]}"
  appliance_api /api/v1/routes -d '{"name":"all","targets":[{"pool":"origin","weight":1}]}'
}

appliance_certificate() {
  local json='import json,sys; print(json.dumps({"name": "bench", "pem": open(sys.argv[1]).read(), "key": open(sys.argv[2]).read()}))'
  appliance_api /api/v1/certificates -d "$(python3 -c "$json" "$1" "$2")"
}

cert_pair() {
  command -v openssl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null; }
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
}

wait_for_200() {
  for _ in $(seq 1 100); do [ "$(curl -sk -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0; sleep 0.1; done
  echo "$1 never answered 200; nothing measured." >&2
  exit 1
}
