#!/usr/bin/env bash
# Reader speed, side by side in one run and interleaved (these VMs drift 2x within minutes): the same anonymous
# article page served by
#   - nginx as a static file (the reference), identity and gzip (nginx compressing on the fly),
#   - Inkstone alone (its page store answers before Spring Security and MVC), identity and pre-compressed gzip,
#   - Inkstone behind the shipped nginx micro-cache (ops/nginx-cluster.conf, upstream pointed at this node),
#   - the container ceiling: a Spring Boot app of the same version whose first filter writes the same bytes
#     (bench/ceiling; Tomcat, and Jetty 12 for comparison), so the ratio to what is possible here is visible.
# wrk on loopback only. Prints one table row per (server, encoding, round) with req/s, p50, p99 and the ratio to
# nginx static of the same round.
#
#   bench/reader-speed.sh DATA_DIR [ROUNDS] [SECONDS] [CONNECTIONS] [PATH]
#
# DATA_DIR must hold an imported site (java -jar target/inkstone.jar import FILE.jsonl --inkstone.data-dir=DATA_DIR).
# Needs wrk, nginx, curl and a built target/inkstone.jar (the ceiling jars are built on first use).
# PATH defaults to the first article on the home page.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$(cd "$1" && pwd)"
rounds="${2:-3}"; duration="${3:-15}"; connections="${4:-32}"; path="${5:-}"
app_port=18080; static_port=18081; cache_port=18090; tomcat_port=18082; jetty_port=18083
work="$(mktemp -d)"; chmod 755 "$work"
cleanup() {
  kill "${app:-}" "${tomcat:-}" "${jetty:-}" 2>/dev/null || true
  nginx -p "$work/static" -c "$work/static/nginx.conf" -s stop 2>/dev/null || true
  nginx -p "$work/cache" -c "$work/cache/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"

java -Xmx512m -jar "$root/target/inkstone.jar" --server.port=$app_port --inkstone.data-dir="$data" > "$work/app.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$app_port/actuator/health" >/dev/null; do sleep 0.5; done
until grep -q "Search index ready" "$work/app.log"; do sleep 1; done
hz=$(getconf CLK_TCK)
for _ in $(seq 1 120); do # start-up back-fills done: < 10% of a core over 5 s
  before=$(awk '{print $14 + $15}' "/proc/$app/stat"); sleep 5; after=$(awk '{print $14 + $15}' "/proc/$app/stat")
  [ $((after - before)) -lt $((hz / 2)) ] && break
done
[ -n "$path" ] || path=$(curl -s -A "$ua" "http://127.0.0.1:$app_port/" | grep -o '/articles/[0-9]*' | head -1)

# the reference: the very bytes Inkstone serves, as a static file
mkdir -p "$work/static/www" "$work/cache"
curl -s -A "$ua" "http://127.0.0.1:$app_port$path" > "$work/static/www/article.html"
sed -e "s#listen 127.0.0.1:18081;#listen 127.0.0.1:$static_port;#" \
    -e 's#types { text/html html; }#types { text/html html; }\n  gzip on; gzip_comp_level 1;#' \
    "$here/nginx.conf" > "$work/static/nginx.conf"
nginx -p "$work/static" -c "$work/static/nginx.conf"
# the shipped micro-cache configuration, its upstream pointed at this one node
sed -e "s#server 127.0.0.1:18091 max_fails=3 fail_timeout=5s;#server 127.0.0.1:$app_port;#" \
    -e "/server 127.0.0.1:18092/d" "$root/ops/nginx-cluster.conf" > "$work/cache/nginx.conf"
nginx -p "$work/cache" -c "$work/cache/nginx.conf"
# the container ceiling, Tomcat (what Inkstone runs on) and Jetty 12, same heap
[ -f "$here/ceiling/target/ceiling.jar" ] || "$root/mvnw" -B -q -f "$here/ceiling/pom.xml" package
[ -f "$here/ceiling/target/ceiling-jetty.jar" ] || "$root/mvnw" -B -q -f "$here/ceiling/pom.xml" -Pjetty package
java -Xmx512m -jar "$here/ceiling/target/ceiling.jar" --server.port=$tomcat_port \
  --ceiling.file="$work/static/www/article.html" > "$work/tomcat.log" 2>&1 &
tomcat=$!
java -Xmx512m -jar "$here/ceiling/target/ceiling-jetty.jar" --server.port=$jetty_port \
  --ceiling.file="$work/static/www/article.html" > "$work/jetty.log" 2>&1 &
jetty=$!
until curl -sf "http://127.0.0.1:$tomcat_port/" >/dev/null && curl -sf "http://127.0.0.1:$jetty_port/" >/dev/null; do
  sleep 0.5
done

bytes=$(wc -c < "$work/static/www/article.html")
echo "page $path, $bytes bytes; $rounds rounds of ${duration}s, $connections connections; $(nproc) cores, $(date -u +%F)"
declare -A urls=(
  [nginx-static]="http://127.0.0.1:$static_port/article.html"
  [inkstone]="http://127.0.0.1:$app_port$path"
  [inkstone+nginx-microcache]="http://127.0.0.1:$cache_port$path"
  [ceiling-tomcat]="http://127.0.0.1:$tomcat_port/"
  [ceiling-jetty]="http://127.0.0.1:$jetty_port/"
)
order=(nginx-static ceiling-tomcat ceiling-jetty inkstone inkstone+nginx-microcache)
for name in "${order[@]}"; do # warm-up: JIT, stores, caches
  wrk -t2 -c"$connections" -d"${WARMUP:-20}s" -H "User-Agent: $ua" "${urls[$name]}" > /dev/null
  wrk -t2 -c"$connections" -d5s -H "User-Agent: $ua" -H "Accept-Encoding: gzip" "${urls[$name]}" > /dev/null
done

echo "| round | server | encoding | req/s | p50 | p99 | × nginx static | × Tomcat ceiling |"
echo "|---:|---|---|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$rounds"); do
  for encoding in identity gzip; do
    header=(); [ "$encoding" = gzip ] && header=(-H "Accept-Encoding: gzip")
    reference=""; ceiling=""
    for name in "${order[@]}"; do
      out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "User-Agent: $ua" "${header[@]}" "${urls[$name]}")
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1 == "50%" {print $2}'); p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
      [ -n "$reference" ] || reference=$rps
      [ "$name" != ceiling-tomcat ] || ceiling=$rps
      ratio=$(awk -v a="$rps" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')
      of_ceiling=$(awk -v a="$rps" -v b="${ceiling:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "" }')
      echo "| $round | $name | $encoding | $rps | $p50 | $p99 | $ratio | $of_ceiling |"
    done
  done
done
echo "RSS of Inkstone after the run: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' /proc/$app/status)"
