#!/usr/bin/env bash
# Where the managed heap of a held viewer goes: N viewers held on InquiryLive's /hubs/live and on the
# bare SignalR hub (bench/BareHub), a heap dump of each server before the viewers connect and SETTLE
# seconds after they all have (once Kestrel's memory pool has handed back what the ramp-up borrowed),
# and a table of bytes per viewer by type: both servers side by side, largest difference first.
#
#   bench/run-heap-dump.sh [viewers=4000] [rows=40]
#
# Needs dotnet-gcdump (installed with `dotnet tool install -g dotnet-gcdump` when missing).
# Loopback only; every wait is bounded. Environment: SETTLE (default 40).
set -euo pipefail
viewers=${1:-4000}; rows=${2:-40}; settle=${SETTLE:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-heap.XXXXXX)
source "$root/bench/app.sh"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-gcdump >/dev/null || dotnet tool install -g dotnet-gcdump >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/BareHub" >/dev/null

# dump_held NAME PID HUB SESSION: heap dumps of PID idle and with $viewers held, as text reports.
dump_held() {
  local name=$1 pid=$2 hub=$3 session=$4
  dotnet-gcdump collect -p "$pid" -o "$work/$name.idle.gcdump" >/dev/null 2>&1
  dotnet "$tool" viewers --hub "$hub" --session "$session" --clients "$viewers" --sources 8 \
    --hold $((settle + 60)) --ready-file "$work/$name.ready" >"$work/$name.load.log" 2>&1 &
  local load=$!
  for _ in $(seq 1 180); do [ -f "$work/$name.ready" ] && break; sleep 1; done
  [ -f "$work/$name.ready" ] || { echo "$name: the viewers did not all connect:"; cat "$work/$name.load.log"; exit 1; }
  sleep "$settle"
  dotnet-gcdump collect -p "$pid" -o "$work/$name.held.gcdump" >/dev/null 2>&1
  kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true
  for state in idle held; do dotnet-gcdump report "$work/$name.$state.gcdump" >"$work/$name.$state.txt"; done
}

start_app 5193
dump_held inquirylive "$server" "ws://127.0.0.1:5193/hubs/live" "$session"
kill "$server"; wait "$server" 2>/dev/null || true

ASPNETCORE_ENVIRONMENT=Production dotnet "$root/bench/BareHub/bin/Release/net10.0/BareHub.dll" --urls "http://127.0.0.1:5194" >"$work/bare.log" 2>&1 &
bare=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:5194/hubs/live/negotiate" -X POST && break; sleep 1; done
dump_held barehub "$bare" "ws://127.0.0.1:5194/hubs/live" "$(python3 -c 'import uuid; print(uuid.uuid4())')"
kill "$bare"; wait "$bare" 2>/dev/null || true

echo
echo "managed heap per held viewer: $viewers viewers, heap dumps ${settle} s after the last one connected"
python3 - "$work" "$viewers" "$rows" <<'PY'
import re, sys
work, n, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def types(path):
    """dotnet-gcdump report lines: bytes per object, object count, type. Hub type names are unified."""
    out = {}
    for line in open(path):
        m = re.match(r"\s*([\d,]+)\s+([\d,]+)\s+(\S.*)$", line)
        if not m: continue
        size, count = int(m.group(1).replace(",", "")), int(m.group(2).replace(",", ""))
        name = re.sub(r"<InquiryLive\.Live\.LiveHub>|<BareLiveHub>", "<Hub>", m.group(3).split("  [")[0].strip())
        total = out.setdefault(name, [0, 0]); total[0] += size * count; total[1] += count
    return out
def per_viewer(name):
    idle, held = types(f"{work}/{name}.idle.txt"), types(f"{work}/{name}.held.txt")
    return {t: ((b - idle.get(t, [0, 0])[0]) / n, (c - idle.get(t, [0, 0])[1]) / n) for t, (b, c) in held.items()}
ours, bare = per_viewer("inquirylive"), per_viewer("barehub")
total = lambda d: sum(b for b, _ in d.values()) / 1024
print(f"| | InquiryLive | bare SignalR hub |\n|---|---|---|\n| KB per viewer | {total(ours):.1f} | {total(bare):.1f} |\n")
print("| type | InquiryLive bytes (objects) per viewer | bare hub bytes (objects) per viewer | difference |")
print("|---|---|---|---|")
names = sorted(set(ours) | set(bare), key=lambda t: -(abs(ours.get(t, (0, 0))[0] - bare.get(t, (0, 0))[0]) + max(ours.get(t, (0, 0))[0], 0) / 10))
for t in names[:rows]:
    (ob, oc), (bb, bc) = ours.get(t, (0, 0)), bare.get(t, (0, 0))
    print(f"| `{t[:110]}` | {ob:,.0f} ({oc:.2f}) | {bb:,.0f} ({bc:.2f}) | {ob - bb:+,.0f} |")
PY
echo "(work folder: $work)"
