#!/usr/bin/env bash
# Flood: one viewer sends 1,000 questions as fast as 16 parallel requests allow, with the server's
# real limits on; another viewer's latency (snapshot, approved list, own questions) is measured
# alone and during the flood, over 10 rounds (a new flooding viewer each). Release build, fresh database.
#
#   bench/run-flood.sh [flood=1000] [parallel=16] [rounds=10]
#   SERVER_CPUS=0 CLIENT_CPUS=1 bench/run-flood.sh   # server and load client on a core each (taskset)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-flood.XXXXXX)
source "$root/bench/app.sh"
start_app "${PORT:-5187}"
${CLIENT_CPUS:+taskset -c $CLIENT_CPUS} dotnet "$tool" flood --base "$base/" --session "$session" \
  --flood "${1:-1000}" --parallel "${2:-16}" --rounds "${3:-10}"
echo "(work folder: $work)"
