#!/usr/bin/env bash
# Makes a real PostgreSQL available for Bulwark's tests on Debian (run as root) and prints its
# DATABASE_URL on the last line. Idempotent, safe to run concurrently, and fast when already up.
# Uses the distribution's cluster (pg_ctlcluster), which works without systemd (CI, containers).
set -euo pipefail

ROLE=bulwark
PASSWORD=bulwark
DATABASE=${BULWARK_PG_DATABASE:-bulwark_test}
HOST=127.0.0.1

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# The cluster to use as "version name port status": a running one if any, else the newest version;
# nothing when there is none.
newest_cluster() {
  command -v pg_lsclusters >/dev/null || return 0
  pg_lsclusters --no-header 2>/dev/null \
    | awk '{ print ($4 ~ /^online/ ? 1 : 0), $1, $2, $3, $4 }' | sort -k1,1n -k2,2V | tail -n 1 | cut -d' ' -f2-
}

url_for() { echo "postgres://${ROLE}:${PASSWORD}@${HOST}:$1/${DATABASE}"; }

# Our role can log in over TCP and may create databases (cross-module tests make throwaway ones).
can_login() {
  [[ "$(PGPASSWORD="$PASSWORD" PGCONNECT_TIMEOUT=3 psql -h "$HOST" -p "$1" -U "$ROLE" -d "$DATABASE" \
    -tAqc 'select rolcreatedb from pg_roles where rolname = current_user' 2>/dev/null)" == t ]]
}

# Fast path: the cluster is up and our role can already log in.
read -r version cluster port status <<<"$(newest_cluster)" || true
if [[ "${status:-}" == online* ]] && can_login "$port"; then
  url_for "$port"
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "run as root (it may install packages and start a cluster)"

# Serialise concurrent runs: the rest changes system state. Commands that may start daemons get
# `9>&-`, or the server would inherit the lock and hold it forever.
exec 9>/tmp/bulwark-postgres-sh.lock
flock -w 300 9 || die "timed out waiting for another postgres.sh"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 9>&-
  apt-get install -y -qq --no-install-recommends postgresql >&2 9>&-
fi

read -r version cluster port status <<<"$(newest_cluster)" || true
if [[ -z "${version:-}" ]]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2 9>&-
  read -r version cluster port status <<<"$(newest_cluster)"
fi

if [[ "$status" != online* ]]; then
  log "starting cluster $version/$cluster on port $port"
  # /var/run is often a fresh tmpfs in containers; the socket directory must exist.
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  pg_ctlcluster "$version" "$cluster" start >&2 9>&- || log "start reported an error; waiting anyway"
fi

for _ in $(seq 1 60); do
  pg_isready -q -h "$HOST" -p "$port" && break
  sleep 0.5
done
pg_isready -q -h "$HOST" -p "$port" || die "cluster $version/$cluster did not come up on port $port"

runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qX >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
    CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}';
  ELSE
    ALTER ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE ${DATABASE} OWNER ${ROLE} ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${DATABASE}') \gexec
SQL

can_login "$port" || die "role ${ROLE} cannot log in over TCP: check pg_hba.conf for ${HOST} (scram-sha-256)"
url_for "$port"
