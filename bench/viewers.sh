# Sourced by the fan-out scenarios: starts the load tool's viewer processes, waits until each has
# connected its viewers, and later ends their hold and checks that each wrote its result.
# Needs $root and $work. One process holds at most ~19,900 sockets here, hence several.
#
#   start_viewers NAME PROCS CLIENTS HOLD "HUB [HUB ...]" SESSION [viewers options ...]
#       PROCS processes with CLIENTS/PROCS viewers each; process p connects to HUB number p (modulo
#       the hubs given) from its own 8 source addresses (127.0.0.(8p+1)...), writes $work/NAME.p.json,
#       logs to $work/NAME.p.log, and holds until $work/stop appears (HOLD seconds at most).
#   finish_viewers NAME PROCS
#       writes $work/stop, waits for the processes, and fails (showing the log) where one wrote no result.
viewer_tool="$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll"
viewer_pids=()

start_viewers() {
  local name=$1 procs=$2 clients=$3 hold=$4 session=$6 p
  local -a hubs
  read -ra hubs <<<"$5"
  shift 6
  rm -f "$work/$name".ready.* "$work/$name".*.json "$work/stop"
  for p in $(seq 0 $((procs - 1))); do
    ${LOAD_CPUS:+taskset -c $LOAD_CPUS} dotnet "$viewer_tool" viewers --hub "${hubs[$((p % ${#hubs[@]}))]}" --session "$session" --clients $((clients / procs)) \
      --sources 8 --source-offset $((p * 8)) --hold "$hold" --stop-file "$work/stop" \
      --ready-file "$work/$name.ready.$p" --out "$work/$name.$p.json" "$@" >"$work/$name.$p.log" 2>&1 &
    viewer_pids+=($!)
  done
  for _ in $(seq 1 300); do
    [ "$(ls "$work/$name".ready.* 2>/dev/null | wc -l)" -eq "$procs" ] && return 0
    sleep 1
  done
  echo "$name: not every load process had connected its viewers after 300 s (logs: $work/$name.*.log)" >&2
}

finish_viewers() {
  local name=$1 procs=$2 p
  touch "$work/stop"
  [ ${#viewer_pids[@]} -eq 0 ] || wait "${viewer_pids[@]}" 2>/dev/null || true
  viewer_pids=()
  for p in $(seq 0 $((procs - 1))); do
    [ -f "$work/$name.$p.json" ] || { echo "load process $p ($name) wrote no result:"; cat "$work/$name.$p.log"; return 1; }
  done
}
