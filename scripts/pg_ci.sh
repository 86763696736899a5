#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + pgvector on 127.0.0.1 for the store contract tests (CI and local).
#   eval "$(bash scripts/pg_ci.sh start)"   # installs if needed, starts a cluster, prints exports
#   bash scripts/pg_ci.sh stop              # stops it and removes its folder (reads $PG_TMP)
# Debian packages only: PostgreSQL 15 from the distribution; pgvector, which this Debian release
# does not package, built from Debian's own source package of the next release (seconds).
# As root (CI) the server runs as the 'postgres' user through runuser; otherwise sudo installs.
# Port: $PGPORT if set, else a free one. Data on a temporary folder, fsync off: tests only.
set -euo pipefail
PGVER=${PGVER:-15}
PGBIN=/usr/lib/postgresql/$PGVER/bin
log() { echo "pg_ci: $*" >&2; }
if [ "$(id -u)" = 0 ]; then SUDO=(); RUNAS=(runuser -u postgres --); else SUDO=(sudo); RUNAS=(); fi

install() {
  local ext=/usr/share/postgresql/$PGVER/extension/vector.control
  # The server headers (postgres.h) are needed to build pgvector, so the packages are installed
  # whenever pgvector is missing, not only when the server is.
  if [ ! -x "$PGBIN/initdb" ] || [ ! -f "$ext" ]; then
    log "apt-get install postgresql-$PGVER + server headers"
    "${SUDO[@]}" apt-get update -qq >&2
    # Debian's policy-rc.d (exit 101) keeps the packaged 'main' cluster from starting.
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
        postgresql-$PGVER postgresql-contrib postgresql-server-dev-$PGVER make gcc dpkg-dev >&2
  fi
  if [ ! -f "$ext" ]; then
    log "building pgvector from Debian's source package"
    local w; w=$(mktemp -d)
    echo "deb-src http://deb.debian.org/debian trixie main" > "$w/sources.list"
    mkdir -p "$w/lists/partial" "$w/cache/archives/partial"
    local o=(-o Dir::Etc::SourceList="$w/sources.list" -o Dir::Etc::SourceParts=/nonexistent
             -o Dir::State::Lists="$w/lists" -o Dir::Cache="$w/cache" -o APT::Sandbox::User=root)
    "${SUDO[@]}" apt-get "${o[@]}" update -qq >&2
    (cd "$w" && "${SUDO[@]}" apt-get "${o[@]}" source -qq pgvector >&2)
    (cd "$w"/pgvector-*/ && make -s -j"$(nproc)" PG_CONFIG="$PGBIN/pg_config" with_llvm=no >&2 \
       && "${SUDO[@]}" make -s install PG_CONFIG="$PGBIN/pg_config" with_llvm=no >&2)
    "${SUDO[@]}" rm -rf "$w"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  install
  local port=${PGPORT:-$(free_port)}
  local d; d=$(mktemp -d /tmp/newsprism-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres: "$d"; fi
  chmod 700 "$d"
  trap 'rm -rf "$d"' ERR
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$d/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $d -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$d/server.log" >&2; rm -rf "$d"; exit 1; }
  "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qAtX -c "CREATE EXTENSION IF NOT EXISTS vector" postgres >/dev/null
  log "up: postgresql://postgres@127.0.0.1:$port/postgres"
  echo "export PG_TMP=$d NEWSPRISM_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
  : "${PG_TMP:?PG_TMP not set}"
  local pid; pid=$(head -1 "$PG_TMP/data/postmaster.pid" 2>/dev/null || true)
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
    || { if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; sleep 2; fi; }
  rm -rf "$PG_TMP"
}

"${1:-start}"
