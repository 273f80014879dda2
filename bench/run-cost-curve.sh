#!/usr/bin/env bash
# The cost curve (issue 9): bench/run-fanout.sh (InquiryLive, Release, fresh database, the chair
# changes the session state once a second, viewers record latency) at several viewer counts, one
# fresh server per point; prints one markdown table with a row per point and writes an SVG chart of
# p50/p99 latency and managed heap per connection against viewers.
#
#   bench/run-cost-curve.sh ["viewer counts"="1000 2000 5000 10000 19000"] [events=20]
#
# Load processes per point: one per 5,000 viewers (at least 1), 8 source addresses each. One server
# process holds at most ~19,900 sockets (ulimit -n 20,000), so 19,000 is the top point.
# Loopback only; every loop is bounded (run-fanout.sh bounds its own waits). PORT sets the first port
# (default 5181; point i uses PORT+i, so a server still shutting down is never measured twice).
set -euo pipefail
points=${1:-1000 2000 5000 10000 19000}; events=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-cost-curve.XXXXXX)
port0=${PORT:-5181}

# Refuse what one server process or the load processes cannot hold, before building anything.
max=0
for v in $points; do
  case $v in ''|*[!0-9]*) echo "not a viewer count: $v" >&2; exit 2;; esac
  [ "$v" -ge 1 ] || { echo "a point needs at least one viewer" >&2; exit 2; }
  [ "$v" -gt "$max" ] && max=$v
done
[ "$max" -le 19900 ] || { echo "$max viewers: one server process holds at most ~19,900 sockets" >&2; exit 2; }
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( max + 100 )) ]; then
  ulimit -n $(( max + 100 )) 2>/dev/null || { echo "ulimit -n is $(ulimit -n); $max viewers need $(( max + 100 ))" >&2; exit 2; }
fi

# One build for every point: the whole curve measures the same binaries.
echo "building (Release)…" >&2
dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null

i=0; failed=0
for v in $points; do
  procs=$(( (v + 4999) / 5000 ))
  echo "point $((i + 1)): $v viewers, $procs load process(es), $events events…" >&2
  if PORT=$(( port0 + i )) SUMMARY_FILE="$work/point.$i.json" SKIP_BUILD=1 \
       "$root/bench/run-fanout.sh" "$v" "$procs" "$events" >"$work/point.$i.log" 2>&1; then
    :
  else
    echo "  point $v failed (log: $work/point.$i.log)" >&2; failed=$((failed + 1))
    echo "{\"clients\": $v, \"failed\": true, \"log\": \"$work/point.$i.log\"}" >"$work/point.$i.json"
  fi
  i=$((i + 1))
  sleep 3   # let the previous server's sockets and CPU settle
done

python3 - "$work" "$i" <<'PY'
import json, math, sys
work, n = sys.argv[1], int(sys.argv[2])
pts = [json.load(open(f"{work}/point.{i}.json")) for i in range(n)]

def g(v, fmt="{:,.1f}"): return "-" if v is None else fmt.format(v)
lines = ["| viewers held (requested) | events | deliveries (expected) | p50 ms | p99 ms | p99.9 ms | time-to-last-client ms (median over events) | managed heap KB per connection (after a forced GC, minus idle; right after the ramp-up / settled) | RSS KB per connection (minus idle) | server CPU ms per 1,000 deliveries | server GC pauses during the events, ms | dropped |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|"]
for p in pts:
    if p.get("failed"):
        lines.append(f"| failed ({p['clients']:,}) | - | - | - | - | - | - | - | - | - | - | see {p['log']} |")
        continue
    lines.append(f"| {p['viewers_held']:,} ({p['clients']:,}) | {p['events_recorded']} | {p['delivered']:,} ({p['expected']:,}) | "
                 f"{g(p['p50_ms'])} | {g(p['p99_ms'])} | {g(p['p999_ms'])} | {g(p['last_client_median_ms'])} | "
                 f"{g(p.get('heap_per_connection_after_ramp_kb', 0))} / {g(p['heap_per_connection_kb'])} | {g(p['rss_per_connection_kb'])} | {g(p['cpu_ms_per_1000_deliveries'])} | {p.get('gc_pause_ms', '-')} | {p['dropped']} |")
table = "\n".join(lines)
open(f"{work}/cost-curve.md", "w").write(table + "\n")
print(table)

# The chart: two panels over the same viewer axis (latency above, heap per connection below).
ok = [p for p in pts if not p.get("failed")]
def nice(top):
    if top <= 0: return 1.0
    step = 10 ** math.floor(math.log10(top / 5))
    for m in (1, 2, 2.5, 5, 10):
        if top / (m * step) <= 5: return m * step * 5
    return top
W, H, L, R, T, B, gap = 760, 560, 70, 30, 40, 50, 50
ph = (H - T - B - gap) / 2
xmax = nice(max([p["viewers_held"] for p in ok] + [1]))
def X(v): return L + (W - L - R) * v / xmax
def panel(top, keys, title, unit):
    vals = [p[k] for p in ok for k, _ in keys if p[k] is not None]
    lo = min(vals + [0]); hi = nice(max(vals + [1]))
    def Y(v): return top + ph - ph * (v - lo) / ((hi - lo) or 1)
    out = [f'<text x="{L}" y="{top - 10}" font-size="13">{title}</text>']
    for j in range(6):
        v = lo + (hi - lo) * j / 5
        out.append(f'<line x1="{L}" x2="{W - R}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#ddd"/>'
                   f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" font-size="11" text-anchor="end">{v:,.0f}</text>')
    out.append(f'<text x="16" y="{top + ph / 2:.1f}" font-size="11" transform="rotate(-90 16 {top + ph / 2:.1f})" text-anchor="middle">{unit}</text>')
    for k, colour in keys:
        xy = [(X(p["viewers_held"]), Y(p[k]), p[k]) for p in ok if p[k] is not None]
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y, _ in xy)}"/>')
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/><text x="{x + 5:.1f}" y="{y - 5:.1f}" font-size="10" fill="{colour}">{v:,.1f}</text>' for x, y, v in xy]
    return "".join(out)
xticks = "".join(f'<line x1="{X(v):.1f}" x2="{X(v):.1f}" y1="{T}" y2="{H - B}" stroke="#eee"/>'
                 f'<text x="{X(v):.1f}" y="{H - B + 16}" font-size="11" text-anchor="middle">{v:,.0f}</text>' for v in [xmax * j / 5 for j in range(6)])
svg = f'''<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>{xticks}
{panel(T, [("p50_ms", "#2471a3"), ("p99_ms", "#c0392b")], "Fan-out latency (blue: p50, red: p99)", "ms")}
{panel(T + ph + gap, [("heap_per_connection_kb", "#1e8449")], "Managed heap per connection after a forced GC, minus the idle heap", "KB")}
<text x="{(L + W - R) / 2}" y="{H - 12}" font-size="12" text-anchor="middle">viewers held</text></svg>
'''
open(f"{work}/cost-curve.svg", "w").write(svg)
PY
echo
echo "chart: $work/cost-curve.svg"
echo "(work folder: $work; per-point logs point.N.log, figures point.N.json, table cost-curve.md)"
[ "$failed" -eq 0 ]
