#!/usr/bin/env bash
# Intake benchmarks on a Release build with a fresh database:
#   questions: R questions/s for W + D seconds over HTTP from 200 viewers; acknowledgement latency
#              of the last D seconds (the first W warm the server's JIT up, as the days of 群众点题
#              before a sitting do; their latency is printed apart as the cold start) and loss
#              (acknowledged ids that the database does not hold, over all W + D seconds);
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
  trap 'touch "$work/stop"; kill $(jobs -p) 2>/dev/null || true' EXIT
  for p in $(seq 0 $((procs - 1))); do
    dotnet "$tool" viewers --hub "ws://127.0.0.1:$port/hubs/live" --session "$session" --clients $(( watchers / procs )) --sources 8 \
      --source-offset $((p * 8)) --hold 600 --stop-file "$work/stop" --ready-file "$work/ready.$p" --out "$work/watch.$p.json" >"$work/watch.$p.log" 2>&1 &
  done
  for _ in $(seq 1 300); do [ "$(ls "$work"/ready.* 2>/dev/null | wc -l)" -eq "$procs" ] && break; sleep 1; done
  dotnet "$tool" vote --base "$base/" --password Bench-Password-1 --members "${2:-70}" --raters "${3:-19000}"
  if [ "$watchers" -gt 0 ]; then
    sleep 2; touch "$work/stop"
    wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
    # The vote's last two events are the close and the publication (the tally) of the poll.
    python3 - "$work"/watch.*.json <<'PY'
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
elif [ "$mode" = questions ]; then
  rate=${2:-1000}; seconds=${3:-60}; warmup=${4:-20}
  dotnet "$tool" questions --base "$base/" --session "$session" --rate "$rate" --duration $(( seconds + warmup )) --warmup "$warmup" --out "$work/acked.txt"
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
