#!/usr/bin/env bash
# The same fan-out against three servers in one run: InquiryLive (/hubs/live, Release, fresh
# database), a bare SignalR hub (bench/BareHub) and socket.io 4 on Node (bench/socketio).
# Each gets N viewers, then E events one second apart; prints one table per server with CPU and RSS.
#
#   bench/run-peers.sh [clients=10000] [events=20] [load-processes=auto: one per 5,000 viewers]
set -euo pipefail
clients=${1:-10000}; events=${2:-20}
procs=${3:-$(( (clients + 4999) / 5000 ))}
# Warm-up events (an even number, so the measured ones start from the same state) go to the viewers
# first and are reported apart: cold code paths on the broadcast path, in every server alike.
warmup=4
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-peers.XXXXXX)
tool="$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll"
ticks=$(getconf CLK_TCK)

echo "building…" >&2
dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/BareHub" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null
(cd "$root/bench/socketio" && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })

wait_up() { for _ in $(seq 1 60); do curl -s -o /dev/null "$1" && return 0; sleep 1; done; echo "server did not start: $1" >&2; return 1; }
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_of() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }

# run_one NAME PID HUB_URL PROTOCOL SESSION FIRE_COMMAND
run_one() {
  local name=$1 pid=$2 hub=$3 protocol=$4 session=$5 fire=$6
  rm -f "$work"/ready.* "$work"/result.* "$work/stop"
  # Warm up (JIT, connection pools) with no viewers listening.
  for i in 1 2 3 4; do eval "$fire $i"; done
  local per=$(( clients / procs ))
  for p in $(seq 0 $((procs - 1))); do
    dotnet "$tool" viewers --hub "$hub" --protocol "$protocol" --session "$session" --clients "$per" \
      --sources 8 --source-offset $((p * 8)) --hold $((warmup + 3 * events + 120)) --stop-file "$work/stop" --ready-file "$work/ready.$p" \
      --out "$work/result.$name.$p.json" >"$work/load.$name.$p.log" 2>&1 &
  done
  for _ in $(seq 1 300); do [ "$(ls "$work"/ready.* 2>/dev/null | wc -l)" -eq "$procs" ] && break; sleep 1; done
  sleep 2
  local rss cpu0 cpu1
  # Warm-up with the viewers listening (cold code on the broadcast path), reported apart.
  for i in $(seq 1 "$warmup"); do eval "$fire $i"; sleep 1; done
  rss=$(rss_of "$pid"); cpu0=$(cpu_of "$pid")
  for i in $(seq 1 "$events"); do eval "$fire $i"; sleep 1; done
  cpu1=$(cpu_of "$pid")
  sleep 2; touch "$work/stop"   # the viewers stop once the last event has had 2 s to reach them
  wait $(jobs -p | grep -v -e "^$pid$" -e "^$keep$" ) 2>/dev/null || true
  echo
  echo "### $name: $clients viewers, $events events; server CPU $(( (cpu1 - cpu0) * 1000 / ticks )) ms, RSS ${rss} MB"
  dotnet "$tool" report --warm-up "$warmup" "$work"/result."$name".*.json
}

# InquiryLive
port=5181; base=http://127.0.0.1:$port
env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$work/bench.db" \
  Database__SeedDemo=true Demo__Password=Bench-Password-1 Serilog__MinimumLevel__Default=Warning \
  'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' \
  dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "$base" >"$work/inquirylive.log" 2>&1 &
app=$!; keep=$app
trap 'touch "$work/stop"; kill $app $bare $sio 2>/dev/null || true' EXIT   # the stop file ends any load process still holding
bare=0; sio=0
wait_up "$base/healthz"
session=$(curl -sf "$base/api/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -sf -c "$work/chair" -H 'content-type: application/json' -d '{"userName":"chair","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
fire_app() { local to=live; [ $(( $1 % 2 )) -eq 1 ] && to=paused; curl -sf -b "$work/chair" -H 'content-type: application/json' -d "{\"to\":\"$to\"}" "$base/api/sessions/$session/transitions" >/dev/null; }
curl -sf -b "$work/chair" -H 'content-type: application/json' -d '{"to":"live"}' "$base/api/sessions/$session/transitions" >/dev/null
run_one inquirylive "$app" "ws://127.0.0.1:$port/hubs/live" signalr "$session" fire_app
kill $app; wait $app 2>/dev/null || true

# Bare SignalR hub
port=5182
ASPNETCORE_ENVIRONMENT=Production dotnet "$root/bench/BareHub/bin/Release/net10.0/BareHub.dll" --urls "http://127.0.0.1:$port" >"$work/bare.log" 2>&1 &
bare=$!; keep=$bare
wait_up "http://127.0.0.1:$port/hubs/live"
fire_bare() { curl -sf -X POST "http://127.0.0.1:5182/broadcast?session=$session&bytes=256" >/dev/null; }
run_one barehub "$bare" "ws://127.0.0.1:$port/hubs/live" signalr "$session" fire_bare
kill $bare; wait $bare 2>/dev/null || true

# socket.io 4
PORT=5183 node "$root/bench/socketio/server.js" >"$work/sio.log" 2>&1 &
sio=$!; keep=$sio
wait_up "http://127.0.0.1:5183/broadcast"
fire_sio() { curl -sf -X POST "http://127.0.0.1:5183/broadcast?session=$session&bytes=256" >/dev/null; }
run_one socketio "$sio" "ws://127.0.0.1:5183/socket.io/?EIO=4&transport=websocket" socketio "$session" fire_sio
kill $sio; wait $sio 2>/dev/null || true
echo "(work folder: $work)"
