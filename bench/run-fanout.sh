#!/usr/bin/env bash
# Fan-out benchmark: N viewers on /hubs/live of a Release build with a fresh database, the chair
# changes the session state E times (one public event each, one per second), and the load tool
# reports how long each event took to reach every viewer.
#
#   bench/run-fanout.sh [clients=2000] [load-processes=2] [events=20]
#
# Loopback only; every loop is bounded. Prints one markdown table plus server CPU and memory.
# Environment: PORT (default 5181); SUMMARY_FILE=F also writes the figures as one line of JSON to F
# (bench/run-cost-curve.sh reads it); SKIP_BUILD=1 uses the Release builds already there;
# SETTLE (default 30) seconds between the two heap readings; WARMUP (default 3) events before the measured ones; SERVER_ENV='NAME=VALUE …' adds environment variables to the server only (e.g. DOTNET_gcServer=0).
# STALLED_PERCENT (default 0) of the viewers join and then stop reading (they keep pinging; see the
# load tool's --stalled); FILL_POSTS (default 0) live-feed posts of 2,000 characters go out before the
# warm-up, so the stalled viewers' socket buffers are full when the measured events start (run the
# clean comparison with the same FILL_POSTS). SERVER_CPUS=0-1 pins the server to those cores and LOAD_CPUS=2-15 the
# load processes (taskset), for a machine with cores to spare: the server then has its cores to itself.
set -euo pipefail
clients=${1:-2000}; procs=${2:-2}; events=${3:-20}
# The heap is measured twice: right after the ramp-up, and again SETTLE seconds later, once Kestrel's
# memory pool has handed back the blocks the ramp-up borrowed (what holding viewers for hours costs).
settle=${SETTLE:-30}
# WARMUP events go to the viewers before the measured ones and are reported apart: the first
# broadcasts to a big audience run cold (tier-0) code, which in a sitting the counters pushed to
# every viewer twice a second have long since warmed.
warmup=${WARMUP:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-bench.XXXXXX)
port=${PORT:-5181}
base=http://127.0.0.1:$port

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building (Release)…" >&2
  dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
  dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null
fi
# A server still answering on the port (an earlier run shutting down) would be measured instead.
if curl -s -o /dev/null --max-time 2 "$base/healthz"; then echo "port $port is already in use" >&2; exit 1; fi

env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production \
  Database__ConnectionString="Data Source=$work/bench.db" Database__SeedDemo=true Demo__Password=Bench-Password-1 \
  Serilog__MinimumLevel__Default=Warning 'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' \
  ${SERVER_ENV:-} ${SERVER_CPUS:+taskset -c $SERVER_CPUS} dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
# On any exit the load processes are told to stop too (they would otherwise hold their viewers for minutes).
trap 'touch "$work/stop"; kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
session=$(curl -sf "$base/api/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -sf -c "$work/chair" -H 'content-type: application/json' -d '{"userName":"chair","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
transition() { curl -sf -b "$work/chair" -H 'content-type: application/json' -d "{\"to\":\"$1\"}" "$base/api/sessions/$session/transitions" >/dev/null; }
transition live
for _ in 1 2; do transition paused; transition live; done   # warm-up with no viewers listening
curl -sf -c "$work/admin" -H 'content-type: application/json' -d '{"userName":"admin","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
heap() { curl -sf -b "$work/admin" -X POST "$base/api/admin/diagnostics/gc" | python3 -c 'import json,sys; d=json.load(sys.stdin); b=d["socketBuffers"]; print(d["managedHeapBytes"], d["workingSetBytes"], d["viewers"], b["freeBlocks"], b["allocatedBlocks"])'; }
read -r heap_idle rss_idle_bytes _ _ _ <<<"$(heap)"

per=$(( clients / procs ))
stalled_per=$(( per * ${STALLED_PERCENT:-0} / 100 ))
fill_posts=${FILL_POSTS:-0}
source "$root/bench/viewers.sh"
start_viewers result "$procs" "$clients" $((warmup + 3 * events + settle + fill_posts + 120)) "ws://127.0.0.1:$port/hubs/live" "$session" \
  --stalled "$stalled_per"
sleep 2
read -r heap_ramp _ _ free_ramp _ <<<"$(heap)"
sleep "$settle"
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
kernel_cpu() { awk '{print $15}' "/proc/$server/stat"; }   # system time alone: the sockets' share
ticks=$(getconf CLK_TCK)
read -r heap_held rss_held_bytes viewers_held free_held allocated_held <<<"$(heap)"
rss_held=$(( rss_held_bytes / 1024 ))
if [ "$fill_posts" -gt 0 ]; then
  curl -sf -c "$work/clerk" -H 'content-type: application/json' -d '{"userName":"clerk","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
  post=$(python3 -c 'print("{\"text\":\"" + "询问进展" * 500 + "\"}")')
  for _ in $(seq 1 "$fill_posts"); do
    curl -sf -b "$work/clerk" -H 'content-type: application/json' -d "$post" "$base/api/sessions/$session/feed" >/dev/null
    sleep 0.5
  done
fi
for i in $(seq 1 "$warmup"); do
  if [ $((i % 2)) -eq 1 ]; then transition paused; else transition live; fi
  sleep 1
done
[ $((warmup % 2)) -eq 1 ] && { transition live; sleep 1; }   # the measured events start from live, warm-up or not
gc_counts() { curl -sf -b "$work/admin" "$base/api/admin/diagnostics" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["gcCount0"], d["gcCount1"], d["gcCount2"], int(d["gcPauseMilliseconds"]), d["socketBuffers"]["freeBlocks"], d["socketBuffers"]["allocatedBlocks"])'; }
read -r g0_before g1_before g2_before pause_before _ _ <<<"$(gc_counts)"
cpu_before=$(cpu); kernel_before=$(kernel_cpu)
for i in $(seq 1 "$events"); do
  if [ $((i % 2)) -eq 1 ]; then transition paused; else transition live; fi
  sleep 1
done
cpu_after=$(cpu); kernel_after=$(kernel_cpu)
sleep 2   # the last event has 2 s to reach every viewer
read -r g0_after g1_after g2_after pause_after free_after allocated_after <<<"$(gc_counts)"
stalled_run=$(( stalled_per > 0 || fill_posts > 0 ))
if [ "$stalled_run" -eq 1 ]; then
  # After the GC counts, since this forces a collection; before the stop, while the viewers are still held.
  read -r heap_after rss_after_bytes viewers_after _ _ <<<"$(heap)"
  # The kernel's TCP buffers (all sockets of the box, in pages): what stalled viewers' backlogs cost outside the process.
  tcp_kernel_mb=$(awk -v page="$(getconf PAGESIZE)" '/^TCP:/ {for (i = 1; i < NF; i++) if ($i == "mem") print int($(i + 1) * page / 1048576)}' /proc/net/sockstat)
fi
finish_viewers result "$procs"

echo
echo "fan-out: $clients viewers, $events events, $procs load processes"
dotnet "$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll" report --warm-up $(( warmup + warmup % 2 + fill_posts )) --json "$work/report.json" "$work"/result.*.json
cpu_ms=$(( (cpu_after - cpu_before) * 1000 / ticks ))
kernel_ms=$(( (kernel_after - kernel_before) * 1000 / ticks ))
echo
deliveries=$(( viewers_held * events ))
per_viewer() { echo $(( ($1 - heap_idle) / (viewers_held > 0 ? viewers_held : 1) / 1024 )); }
echo "server: ${viewers_held} viewers held; managed heap after GC $(( heap_held / 1048576 )) MB ($(per_viewer "$heap_held") KB per connection; right after the ramp-up $(per_viewer "$heap_ramp") KB); RSS $((rss_held / 1024)) MB"
echo "socket buffers (4 KB blocks idle in Kestrel's pool): ${free_ramp} right after the ramp-up, ${free_held} ${settle} s later, ${free_after} after the events; $((allocated_after - allocated_held)) blocks allocated from then to the end of the events"
if [ "$stalled_run" -eq 1 ]; then
  echo "stalled viewers: $((stalled_per * procs)) of $clients; after $fill_posts fill posts and the events the server holds ${viewers_after} of ${viewers_held} viewers; after the events managed heap $(( heap_after / 1048576 )) MB, RSS $(( rss_after_bytes / 1048576 )) MB; kernel TCP buffers ${tcp_kernel_mb} MB"
fi
echo "server CPU during the events: ${cpu_ms} ms, ${kernel_ms} ms of it in the kernel ($(( cpu_ms * 1000 / (deliveries > 0 ? deliveries : 1) )) ms per 1,000 deliveries); GC: $((g0_after - g0_before)) gen0, $((g1_after - g1_before)) gen1, $((g2_after - g2_before)) gen2 collections, $((pause_after - pause_before)) ms paused"
if [ -n "${SUMMARY_FILE:-}" ]; then
  python3 - "$work/report.json" "$SUMMARY_FILE" clients=$clients load_processes=$procs events=$events viewers_held=$viewers_held \
    deliveries=$deliveries heap_idle_bytes=$heap_idle heap_ramp_bytes=$heap_ramp heap_held_bytes=$heap_held rss_idle_bytes=$rss_idle_bytes \
    rss_held_bytes=$rss_held_bytes cpu_ms=$cpu_ms kernel_cpu_ms=$kernel_ms gc_pause_ms=$((pause_after - pause_before)) socket_blocks_free_ramp=$free_ramp socket_blocks_free_held=$free_held \
    socket_blocks_free_after=$free_after socket_blocks_allocated_during_events=$((allocated_after - allocated_held)) work="$work" <<'PY'
import json, math, sys
s = {k: (v if k == "work" else int(v)) for k, v in (a.split("=", 1) for a in sys.argv[3:])}
r = json.load(open(sys.argv[1]))
num = lambda v: None if math.isnan(float(v)) else float(v)
held = max(s["viewers_held"], 1)
s.update(connections=r["Connections"], events_recorded=r["Events"], delivered=r["Delivered"], expected=r["Expected"],
         p50_ms=num(r["P50Ms"]), p99_ms=num(r["P99Ms"]), p999_ms=num(r["P999Ms"]), max_ms=num(r["MaxMs"]),
         last_client_median_ms=num(r["LastClientMedianMs"]), dropped=r["Dropped"],
         heap_per_connection_kb=(s["heap_held_bytes"] - s["heap_idle_bytes"]) / held / 1024,
         heap_per_connection_after_ramp_kb=(s["heap_ramp_bytes"] - s["heap_idle_bytes"]) / held / 1024,
         rss_per_connection_kb=(s["rss_held_bytes"] - s["rss_idle_bytes"]) / held / 1024,
         cpu_ms_per_1000_deliveries=s["cpu_ms"] * 1000 / max(s["deliveries"], 1))
open(sys.argv[2], "w").write(json.dumps(s) + "\n")
PY
fi
echo "(work folder: $work)"
