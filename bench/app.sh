# Sourced by the single-node scenarios: builds Release, starts the app on a fresh SQLite database in
# $work, waits for /healthz and sets $server (its pid), $base and $session (the demo session).
#   start_app PORT [NAME=VALUE ...]     extra settings as environment variables, e.g. RateLimits__…
#   LIFTED_LIMITS                       the settings that let one load client stand in for many people
# SERVER_CPUS=0 pins the server to those cores (taskset); SERVER_ENV='NAME=VALUE …' adds environment
# variables to the server only (e.g. DOTNET_GCgen0size=0x4000000). Needs $root and $work.
LIFTED_LIMITS=(RateLimits__QuestionsPerMinute=10000 RateLimits__QuestionsPerMinutePerAddress=1000000
  RateLimits__LikesPerSecond=10000 RateLimits__LikesPerSecondPerAddress=1000000)
tool="$root/bench/InquiryLive.LoadTool/bin/Release/net10.0/InquiryLive.LoadTool.dll"

start_app() {
  local port=$1; shift
  base=http://127.0.0.1:$port
  dotnet build -c Release -v q -nologo "$root/src/InquiryLive" >/dev/null
  dotnet build -c Release -v q -nologo "$root/bench/InquiryLive.LoadTool" >/dev/null
  env INQUIRYLIVE_CONTENT_ROOT="$root" ASPNETCORE_ENVIRONMENT=Production Database__ConnectionString="Data Source=$work/app.db" \
    Database__SeedDemo=true Demo__Password=Bench-Password-1 Serilog__MinimumLevel__Default=Warning \
    'Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning' "$@" ${SERVER_ENV:-} \
    ${SERVER_CPUS:+taskset -c $SERVER_CPUS} dotnet "$root/src/InquiryLive/bin/Release/net10.0/InquiryLive.dll" --urls "$base" >"$work/server.log" 2>&1 &
  server=$!
  trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
  session=$(curl -sf "$base/api/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
}

# Signs a demo account in; its cookie jar is $work/NAME.
login() { curl -sf -c "$work/$1" -H 'content-type: application/json' -d "{\"userName\":\"$1\",\"password\":\"Bench-Password-1\"}" "$base/api/auth/login" >/dev/null; }

# One number from the app's database (read-only), e.g. count "select count(*) from Questions".
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect('file:$work/app.db?mode=ro', uri=True).execute(sys.argv[1]).fetchone()[0])" "$1"; }
