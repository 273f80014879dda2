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
port=${PORT:-5187}; base=http://127.0.0.1:$port
dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null
env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$work/flood.db" \
  Database__SeedDemo=true Demo__Password=Bench-Password-1 Serilog__MinimumLevel__Default=Warning \
  'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' \
  ${SERVER_CPUS:+taskset -c $SERVER_CPUS} dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
session=$(curl -sf "$base/api/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
${CLIENT_CPUS:+taskset -c $CLIENT_CPUS} dotnet "$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll" flood --base "$base/" --session "$session" \
  --flood "${1:-1000}" --parallel "${2:-16}" --rounds "${3:-10}"
echo "(work folder: $work)"
