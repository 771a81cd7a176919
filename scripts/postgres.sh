#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the tests, in a temp folder, on a free loopback port.
#   source scripts/postgres.sh && pg_start   -> exports PARTICIPANTBOT_TEST_POSTGRES
#   pg_stop
# initdb refuses to run as root, so as root the server runs as the 'postgres' system user.

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_start() {
  local bin
  if ! bin=$(pg_bin); then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin) || { echo "PostgreSQL is not available" >&2; return 1; }
  fi
  PG_DIR=$(mktemp -d /tmp/participantbot-pg.XXXXXX)
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  PG_PORT=$(( 20000 + RANDOM % 20000 ))
  while (echo > "/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$(( PG_PORT + 1 )); done
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/db" -A trust -U postgres --no-sync >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/db" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
    -l "$PG_DIR/log" -w start >/dev/null
  PG_AS=("${as[@]}")
  PG_CTL="$bin/pg_ctl"
  export PARTICIPANTBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Pooling=true;Maximum Pool Size=20"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)" >&2
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_CTL" -D "$PG_DIR/db" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
