# shellcheck shell=bash
# Sourced by .ci/run (or by a developer: `source .ci/postgres.sh`): a throwaway PostgreSQL server
# for the vigie-store tests, so that CI runs them against a real server, never skips them.
#
# Installs Debian's postgresql package when no server binaries are there, creates a cluster in a
# temporary folder, listening on 127.0.0.1 only (and a private Unix socket), on a free port; creates
# a role with a random password and a database it owns; exports
#   VIGIE_TEST_POSTGRES_URL, VIGIE_TEST_POSTGRES_USER, VIGIE_TEST_POSTGRES_PASSWORD
# and stops the server and deletes the folder when the calling shell exits. Needs root (to install
# and to run the server as the postgres user) or a user who can run initdb.

vigie_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(vigie_pg_bin)" ]; then
  echo "postgres: installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
VIGIE_PG_BIN="$(vigie_pg_bin)"
if [ -z "$VIGIE_PG_BIN" ]; then
  echo "postgres: no PostgreSQL server binaries under /usr/lib/postgresql after the install" >&2
  return 2 2>/dev/null || exit 2
fi

# The server refuses to run as root: as root, run it as the postgres user the package created.
if [ "$(id -u)" = 0 ]; then
  vigie_pg_as() { runuser -u postgres -- "$@"; }
  VIGIE_PG_OWNER=postgres
else
  vigie_pg_as() { "$@"; }
  VIGIE_PG_OWNER="$(id -un)"
fi

VIGIE_PG_DIR="$(mktemp -d /tmp/vigie-pg.XXXXXX)"
chown "$VIGIE_PG_OWNER" "$VIGIE_PG_DIR"
chmod 700 "$VIGIE_PG_DIR"
# A locale that sorts text unlike code-point order, when the machine has one, so that a query
# relying on ORDER BY of text shows up as a difference with H2.
vigie_pg_locale=C.UTF-8
if locale -a 2>/dev/null | grep -ix 'en_US.utf8' >/dev/null; then vigie_pg_locale=en_US.UTF-8; fi
vigie_pg_as "$VIGIE_PG_BIN/initdb" -D "$VIGIE_PG_DIR/data" -U postgres -E UTF8 --locale="$vigie_pg_locale" \
  --auth-local=trust --auth-host=scram-sha-256 >"$VIGIE_PG_DIR/initdb.log" 2>&1 \
  || { cat "$VIGIE_PG_DIR/initdb.log" >&2; echo "postgres: initdb failed" >&2; return 2 2>/dev/null || exit 2; }

vigie_pg_stop() {
  vigie_pg_as "$VIGIE_PG_BIN/pg_ctl" -D "$VIGIE_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$VIGIE_PG_DIR"
}
trap vigie_pg_stop EXIT

# A free port: try a few random ones; pg_ctl -w fails when the port is taken.
VIGIE_PG_PORT=""
for vigie_pg_try in $(shuf -i 20000-60000 -n 10); do
  if vigie_pg_as "$VIGIE_PG_BIN/pg_ctl" -D "$VIGIE_PG_DIR/data" -w -t 60 -l "$VIGIE_PG_DIR/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $vigie_pg_try -c unix_socket_directories=$VIGIE_PG_DIR -c fsync=off" \
      start >/dev/null 2>&1; then
    VIGIE_PG_PORT=$vigie_pg_try
    break
  fi
done
if [ -z "$VIGIE_PG_PORT" ]; then
  cat "$VIGIE_PG_DIR/server.log" >&2 || true
  echo "postgres: the server did not start" >&2
  return 2 2>/dev/null || exit 2
fi

# Hex digits only, so it needs no quoting in SQL; it goes to psql on its standard input and to the
# tests through the environment, never on a command line.
VIGIE_TEST_POSTGRES_PASSWORD="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
VIGIE_TEST_POSTGRES_USER=vigie_test
vigie_pg_as "$VIGIE_PG_BIN/psql" -q -h "$VIGIE_PG_DIR" -p "$VIGIE_PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  >/dev/null <<SQL
CREATE ROLE $VIGIE_TEST_POSTGRES_USER LOGIN PASSWORD '$VIGIE_TEST_POSTGRES_PASSWORD';
CREATE DATABASE vigie_test OWNER $VIGIE_TEST_POSTGRES_USER;
SQL
export VIGIE_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$VIGIE_PG_PORT/vigie_test"
export VIGIE_TEST_POSTGRES_USER VIGIE_TEST_POSTGRES_PASSWORD
echo "postgres: PostgreSQL $("$VIGIE_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$VIGIE_PG_PORT ($vigie_pg_locale), database vigie_test for the tests" >&2
