#!/usr/bin/env bash
# Usage: bash scripts/with-pg.sh <command...>
# Starts a throwaway PostgreSQL 15 cluster (temporary folder, 127.0.0.1 and a socket inside that folder,
# a free port), exports SCIMON_TEST_PG_URL for the command, then stops the cluster and deletes it.
# The command's exit code is the script's. If PostgreSQL cannot start, the script fails: tests never
# skip PostgreSQL silently.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 binaries not found in $PGBIN (apt-get install postgresql-15)" >&2
  exit 1
fi
PGPORT=${PGPORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
PGTMP=$(mktemp -d)

# initdb and postgres refuse to run as root: run them as an unprivileged OS user.
if [ "$(id -u)" = 0 ]; then
  PG_OS_USER=${PG_OS_USER:-postgres}
  id -u "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
  chown "$PG_OS_USER" "$PGTMP"
  AS=(runuser -u "$PG_OS_USER" --)
else
  AS=()
fi

cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT

"${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log" >&2; exit 1; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$PGTMP/server.log" >&2; exit 1; }

export SCIMON_TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "PostgreSQL test cluster on 127.0.0.1:$PGPORT" >&2
set +e
"$@"
rc=$?
set -e
exit $rc
