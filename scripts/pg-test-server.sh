#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store-postgres tests.
#
#   eval "$(scripts/pg-test-server.sh)"      # sets GRONDSLAG_TEST_POSTGRES and PG_TEST_STOP
#   cargo test -p grondslag-store-postgres
#   eval "$PG_TEST_STOP"                      # stops the server and removes its data
#
# Installs PostgreSQL from Debian when it is missing (needs root), creates a cluster with initdb
# in a temporary directory, starts it on 127.0.0.1 on a free port with trust authentication
# (test use only) and creates the database `grondslag` owned by role `grondslag`. Prints the
# export line and the stop command on stdout; progress goes to stderr.
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    printf '%s\n' "$d"
  fi
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this script is not running as root: install the Debian package postgresql"
    exit 1
  fi
  log "installing PostgreSQL (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BINDIR=$(find_bindir)
fi
[ -n "$BINDIR" ] || { log "initdb not found after installing PostgreSQL"; exit 1; }

# initdb and postgres refuse to run as root: run them as the postgres user then.
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN=(runuser -u postgres --)
fi

DIR=$(mktemp -d /tmp/grondslag-pg.XXXXXX)
chmod 755 "$DIR"
[ "${#RUN[@]}" -eq 0 ] || chown postgres "$DIR"

# A free port: ask the kernel for one.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 54329)

"${RUN[@]}" "$BINDIR/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
"${RUN[@]}" "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=200 -c fsync=on" start >&2 \
  || { cat "$DIR/server.log" >&2; exit 1; }

PSQL=("${RUN[@]}" "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "CREATE ROLE grondslag LOGIN SUPERUSER" >&2
"${PSQL[@]}" -d postgres -c "CREATE DATABASE grondslag OWNER grondslag" >&2

STOP="${RUN[*]} $BINDIR/pg_ctl -D $DIR/data -m fast stop && rm -rf $DIR"
log "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DIR"
printf 'export GRONDSLAG_TEST_POSTGRES=%q\n' "postgres://grondslag@127.0.0.1:$PORT/grondslag"
printf 'export PG_TEST_STOP=%q\n' "$STOP"
printf '# stop with: %s\n' "$STOP"
