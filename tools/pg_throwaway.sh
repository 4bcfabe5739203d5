#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on a loopback port and print its URL on stdout.
# Usage: tools/pg_throwaway.sh DIR [PORT]   (stop it with: pg_ctl -D DIR/data stop)
# Installs Debian's postgresql when initdb is missing (needs root, as in CI).
set -euo pipefail
dir=${1:?usage: pg_throwaway.sh DIR [PORT]}
port=${2:-55432}
find_bin() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "installing postgresql from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi
mkdir -p "$dir"
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  run "$bin/initdb" -D "$dir/data" -U tijian --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi
if ! run "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
fi
echo "postgresql+psycopg://tijian@127.0.0.1:$port/postgres"
