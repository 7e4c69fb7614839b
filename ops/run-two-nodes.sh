#!/usr/bin/env bash
# Local cluster demo: two Inkstone nodes (cluster mode) on one PostgreSQL database and one Redis,
# behind nginx on http://127.0.0.1:18090. Ctrl-C stops everything.
#
#   ops/run-two-nodes.sh [IMPORT_FILE.jsonl]
#
# Needs: a built target/inkstone.jar, PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), Redis
# on 127.0.0.1:6379, nginx. Env: PGDATABASE (default inkstone_cluster), REDIS_URL.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${PGDATABASE:-inkstone_cluster}"
redis="${REDIS_URL:-redis://127.0.0.1:6379/0}"
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT INT TERM

psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
export INKSTONE_MODE=cluster INKSTONE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" INKSTONE_DB_USER=postgres \
  INKSTONE_DB_PASSWORD= INKSTONE_REDIS_URL="$redis" \
  INKSTONE_SECRETS_KEY="${INKSTONE_SECRETS_KEY:-two-nodes-demo-secrets-key-0123456789}"
if [ -n "${1:-}" ]; then
  java -jar "$root/target/inkstone.jar" import --inkstone.data-dir="$work/import" "$1"
fi
for n in 1 2; do
  java -Xmx1g -jar "$root/target/inkstone.jar" --server.port=1809$n --inkstone.data-dir="$work/node$n" \
    > "$work/node$n.log" 2>&1 &
  pids+=($!)
done
for n in 1 2; do until curl -sf "http://127.0.0.1:1809$n/actuator/health" >/dev/null; do sleep 1; done; done
cp "$root/ops/nginx-cluster.conf" "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf"
echo "Two nodes behind nginx: http://127.0.0.1:18090  (logs in $work)"
wait "${pids[0]}"
