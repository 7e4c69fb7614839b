#!/usr/bin/env bash
# Article-page throughput and latency with wrk (loopback only, bounded duration), against Inkstone and
# against the same page's HTML served as a static file by nginx, in the same run.
#
#   bench/article-page.sh DATA_DIR [DURATION_SECONDS] [CONNECTIONS]
#
# DATA_DIR must already hold an imported site (java -jar target/inkstone.jar import FILE.jsonl
# --inkstone.data-dir=DATA_DIR). Needs: wrk, nginx (Debian packages), curl, a built target/inkstone.jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$(cd "$1" && pwd)"
duration="${2:-20}"
connections="${3:-32}"
port=18080
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

cp "$root/target/inkstone.jar" "$work/inkstone.jar"
java -Xmx1g -jar "$work/inkstone.jar" --server.port=$port --inkstone.data-dir="$data" > "$work/app.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.5; done
# wait until the search index has caught up with the database
until grep -q "Search index ready" "$work/app.log"; do sleep 1; done
# then until start-up back-fills (fingerprints, suggestions) are done: < 10% of a core over 5 s
hz=$(getconf CLK_TCK)
for _ in $(seq 1 120); do
  before=$(awk '{print $14 + $15}' "/proc/$app/stat"); sleep 5; after=$(awk '{print $14 + $15}' "/proc/$app/stat")
  [ $((after - before)) -lt $((hz / 2)) ] && break
done

ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"
article=$(curl -s -A "$ua" "http://127.0.0.1:$port/" | grep -o '/articles/[0-9]*' | head -1)
url="http://127.0.0.1:$port$article"
# a returning reader: read counted once, no new tokens; the server signs reader ids, so take the one it mints
rid=$(curl -s -o /dev/null -D - -A "$ua" "$url" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(ink_rid=[^;]*\).*/\1/p' | head -1)
cookie="$rid; XSRF-TOKEN=bench-token"
# warm up: JIT, caches (related list, creator, hot fragments)
wrk -t2 -c"$connections" -d"${WARMUP:-60}s" -H "User-Agent: $ua" -H "Cookie: $cookie" "$url" > /dev/null

echo "== Inkstone $article ($(curl -s -A "$ua" -H "Cookie: $cookie" "$url" | wc -c) bytes)"
wrk -t2 -c"$connections" -d"${duration}s" --latency -H "User-Agent: $ua" -H "Cookie: $cookie" "$url" | tee "$work/inkstone.txt"

mkdir -p "$work/www"; chmod 755 "$work"
curl -s -A "$ua" -H "Cookie: $cookie" "$url" > "$work/www/article.html"
cp "$here/nginx.conf" "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf"
sleep 0.5
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:18081/article.html" > /dev/null
echo "== nginx static copy"
wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:18081/article.html" | tee "$work/nginx.txt"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
lat() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
echo
echo "| server | req/s | p50 | p99 |"
echo "|---|---:|---:|---:|"
echo "| Inkstone | $(rps "$work/inkstone.txt") | $(lat "$work/inkstone.txt" 50%) | $(lat "$work/inkstone.txt" 99%) |"
echo "| nginx static | $(rps "$work/nginx.txt") | $(lat "$work/nginx.txt" 50%) | $(lat "$work/nginx.txt" 99%) |"
awk -v a="$(rps "$work/inkstone.txt")" -v b="$(rps "$work/nginx.txt")" 'BEGIN { printf "ratio Inkstone/nginx: %.2f\n", a / b }'
echo "RSS of Inkstone (KiB): $(ps -o rss= -p "$app")"
