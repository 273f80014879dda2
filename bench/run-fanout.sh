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
for _ in 1 2; do transition paused; transition live; done   # warm-up with no viewers listening
curl -sf -c "$work/admin" -H 'content-type: application/json' -d '{"userName":"admin","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
heap() { curl -sf -b "$work/admin" -X POST "$base/api/admin/diagnostics/gc" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["managedHeapBytes"], d["workingSetBytes"], d["viewers"])'; }
read -r heap_idle _ _ <<<"$(heap)"

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
read -r heap_held rss_held_bytes viewers_held <<<"$(heap)"
rss_held=$(( rss_held_bytes / 1024 ))
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
deliveries=$(( viewers_held * events ))
echo "server: ${viewers_held} viewers held; managed heap after GC $(( heap_held / 1048576 )) MB ($(( (heap_held - heap_idle) / (viewers_held > 0 ? viewers_held : 1) / 1024 )) KB per connection); RSS $((rss_held / 1024)) MB"
echo "server CPU during the events: ${cpu_ms} ms ($(( cpu_ms * 1000 / (deliveries > 0 ? deliveries : 1) )) ms per 1,000 deliveries)"
echo "(work folder: $work)"
