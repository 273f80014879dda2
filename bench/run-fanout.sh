#!/usr/bin/env bash
# Fan-out benchmark: N viewers on /hubs/live of a Release build with a fresh database, the chair
# changes the session state E times (one public event each, one per second), and the load tool
# reports how long each event took to reach every viewer.
#
#   bench/run-fanout.sh [clients=2000] [load-processes=2] [events=20]
#
# Loopback only; every loop is bounded. Prints one markdown table plus server CPU and memory.
set -euo pipefail
clients=${1:-2000}; procs=${2:-2}; events=${3:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-bench.XXXXXX)
port=${PORT:-5181}
base=http://127.0.0.1:$port

echo "building (Release)…" >&2
dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null

env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production \
  Database__ConnectionString="Data Source=$work/bench.db" Database__SeedDemo=true Demo__Password=Bench-Password-1 \
  Serilog__MinimumLevel__Default=Warning 'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' \
  dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
session=$(curl -sf "$base/api/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -sf -c "$work/chair" -H 'content-type: application/json' -d '{"userName":"chair","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
transition() { curl -sf -b "$work/chair" -H 'content-type: application/json' -d "{\"to\":\"$1\"}" "$base/api/sessions/$session/transitions" >/dev/null; }
transition live

per=$(( clients / procs ))
for p in $(seq 0 $((procs - 1))); do
  dotnet "$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll" viewers \
    --hub "ws://127.0.0.1:$port/hubs/live" --session "$session" --clients "$per" --sources 8 --source-offset $((p * 8)) \
    --hold $((events + 8)) --ready-file "$work/ready.$p" --out "$work/result.$p.json" >"$work/load.$p.log" 2>&1 &
done
for _ in $(seq 1 300); do [ "$(ls "$work"/ready.* 2>/dev/null | wc -l)" -eq "$procs" ] && break; sleep 1; done
sleep 2
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)
rss_held=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
cpu_before=$(cpu)
for i in $(seq 1 "$events"); do
  if [ $((i % 2)) -eq 1 ]; then transition paused; else transition live; fi
  sleep 1
done
cpu_after=$(cpu)
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
for p in $(seq 0 $((procs - 1))); do [ -f "$work/result.$p.json" ] || { echo "load process $p wrote no result:"; cat "$work/load.$p.log"; exit 1; }; done

echo
echo "fan-out: $clients viewers, $events events, $procs load processes"
dotnet "$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll" report "$work"/result.*.json
cpu_ms=$(( (cpu_after - cpu_before) * 1000 / ticks ))
echo
echo "server CPU during the events: ${cpu_ms} ms; RSS with all viewers connected: $((rss_held / 1024)) MB ($(( rss_held * 1024 / (clients > 0 ? clients : 1) / 1024 )) KB per connection)"
echo "(work folder: $work)"
