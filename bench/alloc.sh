#!/usr/bin/env bash
# Bytes allocated per proxied request for each scenario (HTTP 1 KiB, HTTPS kept alive, new TLS
# handshakes, HTTP/2), without the CPU profile: the allocation budget to watch when changing the
# request path. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/alloc.sh [seconds=10] [connections=50]
set -euo pipefail
PROFILE=0 exec "$(dirname "$0")/profile.sh" all "${1:-10}" "${2:-50}"
