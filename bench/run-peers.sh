#!/usr/bin/env bash
# The same fan-out against three servers in one run: InquiryLive (/hubs/live, Release, fresh
# database), a bare SignalR hub (bench/BareHub) and socket.io 4 on Node (bench/socketio).
# Each gets N viewers, then E events one second apart; prints one table per server with CPU and RSS,
# then the three side by side with InquiryLive's figures as a ratio to each peer's.
#
#   bench/run-peers.sh [clients=10000] [events=20] [load-processes=auto: one per 5,000 viewers]
#   SERVER_CPUS=0-1 LOAD_CPUS=2-15 pins each server and the load processes to those cores (taskset).
set -euo pipefail
clients=${1:-10000}; events=${2:-20}
procs=${3:-$(( (clients + 4999) / 5000 ))}
# Warm-up events (an even number, so the measured ones start from the same state) go to the viewers
# first and are reported apart: cold code paths on the broadcast path, in every server alike.
warmup=4
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-peers.XXXXXX)
source "$root/bench/viewers.sh"
ticks=$(getconf CLK_TCK)

echo "building…" >&2
dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/BareHub" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null
(cd "$root/bench/socketio" && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; })

wait_up() { for _ in $(seq 1 60); do curl -s -o /dev/null "$1" && return 0; sleep 1; done; echo "server did not start: $1" >&2; return 1; }
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
kernel_of() { awk '{print $15}' "/proc/$1/stat"; }
rss_of() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }

# run_one NAME PID HUB_URL PROTOCOL SESSION FIRE_COMMAND
run_one() {
  local name=$1 pid=$2 hub=$3 protocol=$4 session=$5 fire=$6
  # Warm up (JIT, connection pools) with no viewers listening.
  for i in 1 2 3 4; do eval "$fire $i"; done
  start_viewers "$name" "$procs" "$clients" $((warmup + 3 * events + 120)) "$hub" "$session" --protocol "$protocol"
  sleep 2
  local rss cpu0 cpu1 kernel0 kernel1
  # Warm-up with the viewers listening (cold code on the broadcast path), reported apart.
  for i in $(seq 1 "$warmup"); do eval "$fire $i"; sleep 1; done
  rss=$(rss_of "$pid"); cpu0=$(cpu_of "$pid"); kernel0=$(kernel_of "$pid")
  for i in $(seq 1 "$events"); do eval "$fire $i"; sleep 1; done
  cpu1=$(cpu_of "$pid"); kernel1=$(kernel_of "$pid")
  sleep 2; finish_viewers "$name" "$procs"   # the viewers stop once the last event has had 2 s to reach them
  local cpu_ms=$(( (cpu1 - cpu0) * 1000 / ticks )) kernel_ms=$(( (kernel1 - kernel0) * 1000 / ticks ))
  echo
  echo "### $name: $clients viewers, $events events; server CPU $cpu_ms ms ($kernel_ms ms in the kernel), RSS ${rss} MB"
  dotnet "$viewer_tool" report --warm-up "$warmup" --json "$work/$name.figures.json" "$work/$name".[0-9]*.json
  echo "{\"cpu_ms\": $cpu_ms, \"kernel_ms\": $kernel_ms, \"rss_mb\": $rss}" >"$work/$name.server.json"
}

# InquiryLive
port=5181; base=http://127.0.0.1:$port
env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$work/bench.db" \
  Database__SeedDemo=true Demo__Password=Bench-Password-1 Serilog__MinimumLevel__Default=Warning \
  'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' \
  ${SERVER_CPUS:+taskset -c $SERVER_CPUS} dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "$base" >"$work/inquirylive.log" 2>&1 &
app=$!
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
ASPNETCORE_ENVIRONMENT=Production ${SERVER_CPUS:+taskset -c $SERVER_CPUS} dotnet "$root/bench/BareHub/bin/Release/net10.0/BareHub.dll" --urls "http://127.0.0.1:$port" >"$work/bare.log" 2>&1 &
bare=$!
wait_up "http://127.0.0.1:$port/hubs/live"
fire_bare() { curl -sf -X POST "http://127.0.0.1:5182/broadcast?session=$session&bytes=256" >/dev/null; }
run_one barehub "$bare" "ws://127.0.0.1:$port/hubs/live" signalr "$session" fire_bare
kill $bare; wait $bare 2>/dev/null || true

# socket.io 4
PORT=5183 ${SERVER_CPUS:+taskset -c $SERVER_CPUS} node "$root/bench/socketio/server.js" >"$work/sio.log" 2>&1 &
sio=$!
wait_up "http://127.0.0.1:5183/broadcast"
fire_sio() { curl -sf -X POST "http://127.0.0.1:5183/broadcast?session=$session&bytes=256" >/dev/null; }
run_one socketio "$sio" "ws://127.0.0.1:5183/socket.io/?EIO=4&transport=websocket" socketio "$session" fire_sio
kill $sio; wait $sio 2>/dev/null || true

# The three side by side, InquiryLive's figures as a ratio to each peer's (below 1: InquiryLive is ahead).
python3 - "$work" <<'PY'
import json, math, sys
work = sys.argv[1]
names = ["inquirylive", "barehub", "socketio"]
f = {n: {**json.load(open(f"{work}/{n}.figures.json")), **json.load(open(f"{work}/{n}.server.json"))} for n in names}
rows = [("p50 ms", "P50Ms"), ("p99 ms", "P99Ms"), ("p99.9 ms", "P999Ms"),
        ("time-to-last-client ms (median over events)", "LastClientMedianMs"),
        ("server CPU for the measured events, ms", "cpu_ms"), ("of it in the kernel (the sockets), ms", "kernel_ms"), ("RSS MB", "rss_mb"), ("warm-up events p99 ms", "WarmUpP99Ms")]
ratio = lambda a, b: "-" if math.isnan(a) or math.isnan(b) or b == 0 else f"{a / b:.2f}"
print("\n### side by side\n")
print("| figure | InquiryLive | bare SignalR hub | socket.io 4 | InquiryLive ÷ bare hub | InquiryLive ÷ socket.io |")
print("|---|---|---|---|---|---|")
print("| deliveries (expected) | " + " | ".join(f"{f[n]['Delivered']:,} ({f[n]['Expected']:,})" for n in names) + " | | |")
for label, key in rows:
    v = {n: float(f[n][key]) for n in names}
    # Latencies keep their tenth of a millisecond; CPU (10 ms ticks) and RSS are whole numbers.
    shown = lambda x: "-" if math.isnan(x) else f"{x:,.1f}" if label.startswith(("p", "time", "warm")) else f"{x:,.0f}"
    print(f"| {label} | " + " | ".join(shown(v[n]) for n in names) +
          f" | {ratio(v['inquirylive'], v['barehub'])} | {ratio(v['inquirylive'], v['socketio'])} |")
PY
echo "(work folder: $work)"
