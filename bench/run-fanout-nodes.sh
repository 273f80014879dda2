#!/usr/bin/env bash
# Fan-out across several nodes: N app nodes (Release) on one PostgreSQL, behind nginx when it is
# installed (else the load processes connect to the nodes directly, round robin). Viewers are spread
# over the nodes; the chair changes the session state once a second through node 1, and the load
# tool reports how long each event took to reach every viewer, whichever node holds it.
#
#   bench/run-fanout-nodes.sh [clients=4000] [nodes=2] [load-processes=2] [events=20]
#
# nginx uses two connections per proxied viewer: 4 workers x 19,000 connections hold ~38,000 viewers.
# Use one load process per ~10,000 viewers.
#
# Loopback only; every loop is bounded. Needs PostgreSQL (scripts/start-postgres.sh starts one).
set -euo pipefail
clients=${1:-4000}; nodes=${2:-2}; procs=${3:-2}; events=${4:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/inquirylive-nodes.XXXXXX)
first_port=${PORT:-5191}
proxy_port=$((first_port - 1))
pg=$("$root/scripts/start-postgres.sh")
db="bench_$(date +%s)"

echo "building (Release)…" >&2
dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null

pids=()
cleanup() {
  touch "$work/stop"   # any load process still holding its viewers stops too
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 1
  psql -h 127.0.0.1 -p "${PGPORT:-55432}" -U postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" 2>/dev/null || true
}
trap cleanup EXIT
start_node() {
  local n=$1 port=$((first_port + $1 - 1))
  env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres Database__ConnectionString="$pg;Database=$db;Maximum Pool Size=40" \
    Database__SeedDemo=true Demo__Password=Bench-Password-1 Node__Id="node$n" \
    Serilog__MinimumLevel__Default=Warning 'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' \
    dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "http://127.0.0.1:$port" >"$work/node$n.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 1; done
  echo "node $n did not start:"; cat "$work/node$n.log"; exit 1
}
# Node 1 alone first: it creates the database, applies the migrations and seeds the demo.
for n in $(seq 1 "$nodes"); do start_node "$n"; done
base=http://127.0.0.1:$first_port

hubs=()
if command -v nginx >/dev/null 2>&1; then
  upstream=""
  for n in $(seq 1 "$nodes"); do upstream+="server 127.0.0.1:$((first_port + n - 1));"; done
  cat >"$work/nginx.conf" <<CONF
worker_processes 4;
worker_rlimit_nofile 19500;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 19000; }
http {
  access_log off;
  upstream inquirylive { least_conn; $upstream keepalive 32; }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://inquirylive;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_read_timeout 120s;
      proxy_buffering off;
    }
  }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work"
  hubs=("ws://127.0.0.1:$proxy_port/hubs/live")
  via="nginx (least_conn) on :$proxy_port"
else
  for n in $(seq 1 "$nodes"); do hubs+=("ws://127.0.0.1:$((first_port + n - 1))/hubs/live"); done
  via="direct (no nginx installed), round robin"
fi

session=$(curl -sf "$base/api/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
curl -sf -c "$work/chair" -H 'content-type: application/json' -d '{"userName":"chair","password":"Bench-Password-1"}' "$base/api/auth/login" >/dev/null
transition() { curl -sf -b "$work/chair" -H 'content-type: application/json' -d "{\"to\":\"$1\"}" "$base/api/sessions/$session/transitions" >/dev/null; }
transition live
for _ in 1 2; do transition paused; transition live; done

source "$root/bench/viewers.sh"
start_viewers result "$procs" "$clients" $((events * 3 + 120)) "${hubs[*]}" "$session"
sleep 3
held=$(psql -h 127.0.0.1 -p "${PGPORT:-55432}" -U postgres -d "$db" -tAc "SELECT string_agg(\"NodeId\" || '=' || \"Viewers\", ' ') FROM \"NodePresence\"" 2>/dev/null || echo "?")
for i in $(seq 1 "$events"); do
  if [ $((i % 2)) -eq 1 ]; then transition paused; else transition live; fi
  sleep 1
done
sleep 2; finish_viewers result "$procs"   # the viewers stop once the last event has had 2 s to reach them

echo
echo "fan-out across $nodes nodes on PostgreSQL: $clients viewers ($held), $events events, $procs load processes, via $via"
dotnet "$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll" report "$work"/result.*.json
echo "(work folder: $work)"
