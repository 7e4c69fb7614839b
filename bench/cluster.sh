#!/usr/bin/env bash
# Cluster-mode overhead: the article page on one cluster node (PostgreSQL + Redis) and on two nodes
# behind nginx, same wrk settings as article-page.sh. Loopback only, bounded durations.
#
#   bench/cluster.sh IMPORT_FILE.jsonl [DURATION_SECONDS] [CONNECTIONS]
#
# Creates (or reuses) PostgreSQL database inkstone_bench on 127.0.0.1:5432 and uses Redis on
# 127.0.0.1:6379 under the key prefix inkstone-bench:. Needs wrk, nginx, psql, a built jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
file="$1"
duration="${2:-20}"
connections="${3:-32}"
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS inkstone_bench" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE inkstone_bench" >/dev/null
redis-cli --scan --pattern 'inkstone-bench:*' | xargs -r redis-cli del >/dev/null
export INKSTONE_MODE=cluster INKSTONE_DB_URL=jdbc:postgresql://127.0.0.1:5432/inkstone_bench INKSTONE_DB_USER=postgres \
  INKSTONE_DB_PASSWORD= INKSTONE_REDIS_URL=redis://127.0.0.1:6379/0 INKSTONE_REDIS_PREFIX=inkstone-bench:
cp "$root/target/inkstone.jar" "$work/inkstone.jar"
java -jar "$work/inkstone.jar" import --inkstone.data-dir="$work/import" "$file" | tail -1
for n in 1 2; do
  java -Xmx1g -jar "$work/inkstone.jar" --server.port=1809$n --inkstone.data-dir="$work/node$n" > "$work/node$n.log" 2>&1 &
  pids+=($!)
done
for n in 1 2; do until curl -sf "http://127.0.0.1:1809$n/actuator/health" >/dev/null; do sleep 1; done; done
cp "$here/../ops/nginx-cluster.conf" "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf"

ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"
cookie="ink_rid=00000000000bench; XSRF-TOKEN=bench-token"
article=$(curl -s -A "$ua" "http://127.0.0.1:18091/" | grep -o '/articles/[0-9]*' | head -1)
run() {
  wrk -t2 -c"$connections" -d"${WARMUP:-60}s" -H "User-Agent: $ua" -H "Cookie: $cookie" "$1$article" > /dev/null
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H "User-Agent: $ua" -H "Cookie: $cookie" "$1$article" > "$work/$2.txt"
  printf "| %s | %s | %s | %s |\n" "$2" "$(awk '/Requests\/sec/ {print $2}' "$work/$2.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$work/$2.txt")" "$(awk '$1 == "99%" {print $2}' "$work/$2.txt")"
}
echo "article $article"
echo "| setup | req/s | p50 | p99 |"
echo "|---|---:|---:|---:|"
run "http://127.0.0.1:18091" "1 cluster node (direct)"
run "http://127.0.0.1:18090" "2 cluster nodes behind nginx"
