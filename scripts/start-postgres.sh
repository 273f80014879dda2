#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-55432} for the tests (installs it if missing).
# Prints the connection string to use as INQUIRYLIVE_TEST_POSTGRES.
set -euo pipefail
port=${PGPORT:-55432}
data=${PGDATA_DIR:-/tmp/inquirylive-pg}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
if ! runuser -u postgres -- "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  rm -rf "$data"; mkdir -p "$data"; chown postgres:postgres "$data"
  runuser -u postgres -- "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/log" -w \
    -o "-h 127.0.0.1 -p $port -k /tmp -c fsync=off -c max_connections=300" start >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
