#!/usr/bin/env bash
# Soak: a Release build on a fresh database holds V viewers for M minutes while likes, questions and
# live-feed posts flow; every minute it forces a full GC and records the live managed heap, RSS,
# viewers held and CPU. Memory that grows minute after minute is a leak. Writes soak.csv and
# soak.svg (the curve) into the work folder and prints the table.
#
#   bench/run-soak.sh [minutes=30] [viewers=2000] [likes-per-sec=200] [questions-per-sec=5]
#
# Loopback only; every loop is bounded by the duration.
set -euo pipefail
minutes=${1:-30}; viewers=${2:-2000}; likes=${3:-200}; qps=${4:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-soak.XXXXXX)
source "$root/bench/app.sh"
seconds=$(( minutes * 60 ))
# One load client stands in for many people: lift the per-viewer and per-address limits it would hit.
port=${PORT:-5186}
start_app "$port" "${LIFTED_LIMITS[@]}"
login chair; login admin; login clerk
curl -sf -b "$work/chair" -H 'content-type: application/json' -d '{"to":"live"}' "$base/api/sessions/$session/transitions" >/dev/null

dotnet "$tool" viewers --hub "ws://127.0.0.1:$port/hubs/live" --session "$session" --clients "$viewers" --sources 4 \
  --hold $(( seconds + 30 )) --likes-per-sec "$likes" --ready-file "$work/ready" --out "$work/viewers.json" >"$work/viewers.log" 2>&1 &
for _ in $(seq 1 300); do [ -f "$work/ready" ] && break; sleep 1; done
dotnet "$tool" questions --base "$base/" --session "$session" --rate "$qps" --duration "$seconds" --out "$work/acked.txt" \
  >"$work/questions.log" 2>&1 &
questions=$!

sample() {
  curl -sf -b "$work/admin" -X POST "$base/api/admin/diagnostics/gc" | python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(d["managedHeapBytes"], d["workingSetBytes"], d["viewers"], int(d["cpuMilliseconds"]))'
}
echo "minute,managed_heap_mb,rss_mb,viewers,cpu_s" >"$work/soak.csv"
start=$(date +%s)
for minute in $(seq 0 "$minutes"); do
  read -r heap rss held cpu <<<"$(sample)"
  echo "$minute,$(( heap / 1048576 )),$(( rss / 1048576 )),$held,$(( cpu / 1000 ))" | tee -a "$work/soak.csv"
  [ "$minute" -eq "$minutes" ] && break
  # A live-feed post every 10 s until the next minute mark: a public event to every viewer.
  while [ $(( $(date +%s) - start )) -lt $(( (minute + 1) * 60 )) ]; do
    curl -sf -b "$work/clerk" -H 'content-type: application/json' -d "{\"text\":\"图文直播：第 $minute 分钟\"}" \
      "$base/api/sessions/$session/feed" >/dev/null || echo "feed post failed" >&2
    sleep 10
  done
done
wait "$questions" || true
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true

python3 - "$work" <<'PY'
import csv, json, sys
work = sys.argv[1]
rows = list(csv.DictReader(open(f"{work}/soak.csv")))
w, h, pad = 720, 300, 50
xs = [int(r["minute"]) for r in rows]; span = max(xs[-1], 1)
top = max(max(int(r["rss_mb"]) for r in rows), 1) * 1.15
def pts(key): return " ".join(f"{pad + (w - 2*pad) * int(r['minute']) / span:.1f},{h - pad - (h - 2*pad) * int(r[key]) / top:.1f}" for r in rows)
grid = "".join(f'<line x1="{pad}" x2="{w-pad}" y1="{h-pad-(h-2*pad)*v/top:.1f}" y2="{h-pad-(h-2*pad)*v/top:.1f}" stroke="#ddd"/><text x="{pad-6}" y="{h-pad-(h-2*pad)*v/top+4:.1f}" font-size="11" text-anchor="end">{int(v)}</text>' for v in [top*i/5 for i in range(6)])
svg = f'''<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>{grid}
<polyline fill="none" stroke="#c0392b" stroke-width="2" points="{pts('rss_mb')}"/>
<polyline fill="none" stroke="#2471a3" stroke-width="2" points="{pts('managed_heap_mb')}"/>
<text x="{pad}" y="20" font-size="13">Soak: MB over minutes (red: RSS, blue: managed heap after a full GC)</text>
<text x="{w/2}" y="{h-12}" font-size="11" text-anchor="middle">minute (0..{span})</text></svg>'''
open(f"{work}/soak.svg", "w").write(svg)
v = json.load(open(f"{work}/viewers.json"))
print(f"viewers: {v.get('Connected')} connected, likes sent {v.get('LikesSent')}, dropped {v.get('Dropped')}")
PY
acked=$(wc -l <"$work/acked.txt")
stored=$(count "select count(*) from Questions")
likes_stored=$(count "select LikeCount from Sessions")
echo "questions: $acked acknowledged, $stored stored; likes persisted: $likes_stored"
tail -3 "$work/questions.log"
dotnet "$tool" report "$work/viewers.json"
echo "(work folder: $work; chart: $work/soak.svg)"
