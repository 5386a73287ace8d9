#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for tests and benchmarks, and prints its URL.
#   scripts/throwaway-postgres.sh start <dir> [port]   -> postgresql://postgres@127.0.0.1:<port>/postgres
#   scripts/throwaway-postgres.sh stop <dir>
# Uses the server binaries of Debian's postgresql package (installed if missing when run as
# root). PostgreSQL refuses to run as root, so the cluster is owned by the postgres user when
# we are root. Durability is switched off (this data is thrown away) unless
# THROWAWAY_PG_DURABLE=1: a test that kills the server and expects committed rows to survive,
# as a real server's would, needs commits flushed before they are acknowledged.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?data folder}
port=${3:-54329}

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if ! bin=$(find_bin); then
      if [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >/dev/null
        bin=$(find_bin)
      else
        echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2
        exit 1
      fi
    fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    fi
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${THROWAWAY_PG_DURABLE:-0}" = 1 ] && durability=""
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=400" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(find_bin)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
