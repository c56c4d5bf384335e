# Sourced by every benchmark with an nginx origin or peer (proxy.sh, floor.sh, tls.sh, h2.sh,
# profile.sh, alloc-types.sh, cache.sh, basic-auth.sh, redis-ratelimit.sh, and two-routes.sh for the
# scripts built on it): installs nginx and wrk if missing, makes the temporary folder "$work"
# (readable by nginx's unprivileged workers), removes it and stops what was started on exit (every
# pid in "pids" and every nginx whose pid file is in "$work"), and defines `nginx_conf NAME BLOCKS`,
# which starts an nginx with one worker, no access log and BLOCKS inside http {}, and
# `nginx_proxy_peer PORT ORIGIN_PORT`, nginx as the plain HTTP proxy peer. KEEP=1 keeps a copy of
# the folder in /tmp/bench-keep.
# shellcheck shell=bash

need=()
command -v nginx >/dev/null || need+=(nginx-light)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pidfile in "$work"/*.pid; do [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && cp -r "$work" /tmp/bench-keep
  rm -rf "$work"
}
trap cleanup EXIT

nginx_conf() { # name, blocks inside http {}
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

# nginx as a plain HTTP proxy, the peer the .NET proxies are measured against: one worker, upstream
# keep-alive to the origin, X-Forwarded-For set and the origin's Server hidden as the appliance does.
nginx_proxy_peer() { # listen port, origin port
  nginx_conf peer "upstream origin { server 127.0.0.1:$2; keepalive 64; }
  server { listen 127.0.0.1:$1; keepalive_requests 1000000;
    location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\";
      proxy_set_header X-Forwarded-For \$remote_addr; proxy_hide_header Server; } }"
}
