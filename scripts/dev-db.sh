#!/usr/bin/env bash
# Project-local PostgreSQL for development, tests and CI: a cluster under .dev-db/ (git-ignored),
# listening on 127.0.0.1:55432, user postgres with trust authentication on loopback (this cluster only),
# database "monitoring". Installs Debian's postgresql when its binaries are missing. Idempotent.
#   scripts/dev-db.sh start | stop | status
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=55432
dir="$root/.dev-db"
data="$dir/data"
log="$dir/postgres.log"
socket="$dir/socket"

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

ensure_installed() {
  if [ -z "$(pg_bin)" ]; then
    echo "dev-db: installing Debian's postgresql ..." >&2
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      sudo apt-get update -qq
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
  fi
  bin=$(pg_bin)
  [ -n "$bin" ] || { echo "dev-db: PostgreSQL binaries not found after install" >&2; exit 1; }
}

# initdb and postgres refuse to run as root: run them as the postgres user the package created.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  ensure_installed
  mkdir -p "$dir" "$socket"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir" "$socket"
    chmod 0755 "$dir"
  fi
  # Concurrent starts (parallel test classes, CI) wait for each other: one creates and configures the cluster.
  exec 9>"$dir/start.lock"
  flock -w 300 9
  if [ ! -f "$data/PG_VERSION" ]; then
    # Initialise beside the final place and move it in once configured, so no one ever sees a half-made cluster.
    rm -rf "$dir/initdb.tmp"
    mkdir -p "$dir/initdb.tmp"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/initdb.tmp"
    as_owner "$bin/initdb" -D "$dir/initdb.tmp" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$dir/initdb.tmp/postgresql.conf" <<CONF
# dev-db.sh: loopback only, project port, socket inside .dev-db
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
fsync = on
CONF
    mv "$dir/initdb.tmp" "$data"
  fi
  if running; then
    echo "dev-db: already running on 127.0.0.1:$port"
  elif as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null 9>&-; then
    echo "dev-db: started on 127.0.0.1:$port (log: .dev-db/postgres.log)"
  elif as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1" >/dev/null 2>&1; then
    # Another checkout's dev cluster already serves the port: use it rather than fail.
    echo "dev-db: 127.0.0.1:$port is already served by another PostgreSQL (trust on loopback); using it"
  else
    echo "dev-db: could not start PostgreSQL; see .dev-db/postgres.log" >&2
    tail -n 5 "$log" >&2 || true
    exit 1
  fi
  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'monitoring'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres monitoring
    echo "dev-db: created database monitoring"
  fi
}

stop() {
  bin=$(pg_bin || true)
  if [ -n "${bin:-}" ] && running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "dev-db: stopped"
  else
    echo "dev-db: not running"
  fi
}

status() {
  bin=$(pg_bin || true)
  if [ -n "${bin:-}" ] && running; then
    echo "dev-db: running on 127.0.0.1:$port, data in .dev-db/data"
  else
    echo "dev-db: not running"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/dev-db.sh start|stop|status" >&2; exit 64 ;;
esac
