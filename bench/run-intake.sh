#!/usr/bin/env bash
# Intake benchmarks on a Release build with a fresh database:
#   questions: R questions/s for W + D seconds over HTTP from 200 viewers; acknowledgement latency
#              of the last D seconds (the first W warm the server's JIT up, as the days of 群众点题
#              before a sitting do; their latency is printed apart as the cold start) and loss
#              (acknowledged ids that the database does not hold, over all W + D seconds); every 5 s,
#              the server's CPU, its GCs and its writer's throughput, batch size and busy share;
#   likes:     L likes/s from C viewer connections for D seconds; the persisted total must equal the
#              likes sent, and the number of like broadcasts per second is counted.
#
#   bench/run-intake.sh questions [rate=1000] [seconds=60] [warm-up-seconds=20]
#   bench/run-intake.sh likes [likes-per-sec=5000] [connections=2000] [seconds=60]
#   bench/run-intake.sh vote [members=70] [public-raters=19000]
#              70 members vote within 3 s, the public rates within 10 s, the chair closes and
#              publishes; times until the big screen (a /hubs/live listener) has each step.
#              WATCHERS=N also holds N viewers on /hubs/live through the whole vote (one load process
#              per 5,000) and prints how long the close and the published tally took to reach each.
#   bench/run-intake.sh sheet [members=70] [items=6] [window-seconds=3]
#              the chair opens a 测评表 of N departments, every member submits it (a choice per item,
#              some blank) spread over the window (0: all at once); close and publish timed to a
#              big-screen listener (the close, the published table, and close → table on the screen).
set -euo pipefail
mode=${1:-questions}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-intake.XXXXXX)
source "$root/bench/app.sh"
# The benchmark is one client: lift the per-viewer and per-address limits it would otherwise hit.
port=${PORT:-5184}
start_app "$port" "${LIFTED_LIMITS[@]}"

if [ "$mode" = vote ]; then
  watchers=${WATCHERS:-0}
  procs=$(( (watchers + 4999) / 5000 ))
  source "$root/bench/viewers.sh"
  trap 'touch "$work/stop"; kill $(jobs -p) 2>/dev/null || true' EXIT
  if [ "$watchers" -gt 0 ]; then start_viewers watch "$procs" "$watchers" 600 "ws://127.0.0.1:$port/hubs/live" "$session"; fi
  dotnet "$tool" vote --base "$base/" --password Bench-Password-1 --members "${2:-70}" --raters "${3:-19000}"
  if [ "$watchers" -gt 0 ]; then
    sleep 2; finish_viewers watch "$procs"
    # The vote's last two events are the close and the publication (the tally) of the poll.
    python3 - "$work"/watch.[0-9]*.json <<'PY'
import json, math, sys
results = [json.load(open(f)) for f in sys.argv[1:]]
viewers = sum(r["Connected"] for r in results)
by_seq = {}
for r in results:
    for seq, ms in r["LatenciesBySeq"].items():
        by_seq.setdefault(int(seq), []).extend(ms)
pct = lambda v, p: v[max(0, math.ceil(p / 100 * len(v)) - 1)]
print(f"\n{viewers} viewers watching the vote ({sum(r['Dropped'] for r in results)} dropped)")
print("| event | reached viewers | p50 ms | p99 ms | max ms |")
print("|---|---|---|---|---|")
for name, seq in zip(["poll closed", "tally published"], sorted(by_seq)[-2:]):
    v = sorted(by_seq[seq])
    print(f"| {name} (seq {seq}) | {len(v)} / {viewers} | {pct(v, 50):.1f} | {pct(v, 99):.1f} | {v[-1]:.1f} |")
PY
  fi
elif [ "$mode" = sheet ]; then
  dotnet "$tool" sheet --base "$base/" --password Bench-Password-1 --members "${2:-70}" --items "${3:-6}" --window-seconds "${4:-3}"
elif [ "$mode" = questions ]; then
  rate=${2:-1000}; seconds=${3:-60}; warmup=${4:-20}
  # Every 5 s: the server's CPU and what its single writer (group commit) has done, to tell a
  # saturated writer (busy near 100 %) from a CPU-bound server. Bounded: stops with the run.
  login admin
  sample() { curl -sf -b "$work/admin" "$base/api/admin/diagnostics" | python3 -c 'import json,sys,time; d=json.load(sys.stdin); g=d["groupCommit"]; print(time.time(), d["cpuMilliseconds"], g["batches"], g["commands"], g["writingMilliseconds"], g["queued"], d["gcCount0"], d["gcPauseMilliseconds"])'; }
  ( for _ in $(seq 1 $(( (seconds + warmup) / 5 + 30 ))); do [ -f "$work/intake.done" ] && break; sample >>"$work/writer.txt" || true; sleep 5; done ) &
  dotnet "$tool" questions --base "$base/" --session "$session" --rate "$rate" --duration $(( seconds + warmup )) --warmup "$warmup" --out "$work/acked.txt"
  touch "$work/intake.done"; sample >>"$work/writer.txt" || true
  echo
  python3 - "$work/writer.txt" <<'PY'
import sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
print("| seconds from the first sample | questions written per s | mean batch | writer busy | server CPU (cores) | gen0 GCs per s | GC paused | waiting at the end |")
print("|---|---|---|---|---|---|---|---|")
for a, b in zip(rows, rows[1:]):
    wall = b[0] - a[0]
    batches, commands = b[2] - a[2], b[3] - a[3]
    print(f"| {a[0] - rows[0][0]:.0f}–{b[0] - rows[0][0]:.0f} | {commands / wall:,.0f} | {commands / batches if batches else 0:.1f} | "
          f"{(b[4] - a[4]) / 1000 / wall:.0%} | {(b[1] - a[1]) / 1000 / wall:.2f} | {(b[6] - a[6]) / wall:.1f} | "
          f"{(b[7] - a[7]) / 1000 / wall:.0%} | {int(b[5])} |")
PY
  acked=$(wc -l <"$work/acked.txt")
  stored=$(count "select count(*) from Questions")
  missing=$(python3 - "$work/acked.txt" "$work/app.db" <<'PY'
import sqlite3, sys
acked = {l.strip().upper() for l in open(sys.argv[1]) if l.strip()}
db = sqlite3.connect(f"file:{sys.argv[2]}?mode=ro", uri=True)
stored = {r[0].upper() for r in db.execute("select Id from Questions")}
print(len(acked - stored))
PY
)
  echo
  echo "questions: $acked acknowledged, $stored stored, $missing acknowledged but missing (loss)"
else
  rate=${2:-5000}; connections=${3:-2000}; seconds=${4:-60}
  dotnet "$tool" viewers --hub "ws://127.0.0.1:$port/hubs/live" --session "$session" --clients "$connections" --sources 4 \
    --hold "$seconds" --likes-per-sec "$rate" --out "$work/likes.json" >"$work/likes.log" 2>&1
  sent=$(python3 -c "import json; print(json.load(open('$work/likes.json'))['LikesSent'])")
  sleep 2   # one more persist tick
  stored=$(count "select LikeCount from Sessions")
  echo
  echo "likes: $sent sent from $connections connections over ${seconds} s; $stored persisted (difference $(( sent - stored )))"
  python3 -c "import json; r=json.load(open('$work/likes.json')); print(f\"like/counter broadcasts received by the busiest viewer: {r['MaxCountersReceived']} in {r['HeldSeconds']:.0f} s ({r['MaxCountersReceived']/max(r['HeldSeconds'],1):.2f} per second)\")"
fi
echo "(work folder: $work)"
