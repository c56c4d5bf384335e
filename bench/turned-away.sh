#!/usr/bin/env bash
# What noting one refusal for the "Under attack" card costs: the engine's TurnedAwayRecorder run
# in-process (bench/TurnedAwayCost) with one address hammering, random addresses (each evicting from
# the bounded top list), no address, and every core at once; then the memory it holds after a
# million random addresses. Figures, never a pass/fail: run it by hand, not in CI.
#
#   bench/turned-away.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/TurnedAwayCost
