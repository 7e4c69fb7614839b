#!/usr/bin/env bash
# Reader speed, side by side in one run and interleaved (these VMs drift 2x within minutes): the same anonymous
# article page served by
#   - nginx as a static file (the reference), identity and gzip (nginx compressing on the fly),
#   - Inkstone alone on Jetty 12, its default container (its page store answers before Spring Security and MVC),
#     identity and pre-compressed gzip,
#   - the same Inkstone built on Tomcat (`./mvnw package -Ptomcat` → target/inkstone-tomcat.jar), when that jar
#     exists, on a copy of DATA_DIR (two processes cannot share one search index),
#   - Inkstone behind the shipped nginx micro-cache (ops/nginx-cluster.conf, upstream pointed at this node),
#   - the container ceiling: a Spring Boot app of the same version whose first filter writes the same bytes
#     (bench/ceiling; Jetty 12, what Inkstone runs on, and Tomcat for comparison), so the ratio to what is possible
#     here is visible.
# wrk on loopback only. Prints one table row per (server, encoding, round) with req/s, p50, p99 and the ratio to
# nginx static of the same round.
#
#   bench/reader-speed.sh DATA_DIR [ROUNDS] [SECONDS] [CONNECTIONS] [PATH]
#
# DATA_DIR must hold an imported site (java -jar target/inkstone.jar import FILE.jsonl --inkstone.data-dir=DATA_DIR).
# Needs wrk, nginx, curl and a built target/inkstone.jar (the ceiling jars are built on first use).
# PATH defaults to the first article on the home page. MICROCACHE_BEFORE=FILE adds a row for another nginx
# configuration of the same shape (e.g. the shipped one before a change: git show REV:ops/nginx-cluster.conf).
# TOMCAT_JAR overrides the Tomcat build's path; TOMCAT_JAR=none leaves it out.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$(cd "$1" && pwd)"
rounds="${2:-3}"; duration="${3:-15}"; connections="${4:-32}"; path="${5:-}"
app_port=18080; static_port=18081; cache_port=18090; tomcat_port=18082; jetty_port=18083
app_tomcat_port=18084; before_port=18095
tomcat_jar="${TOMCAT_JAR:-$root/target/inkstone-tomcat.jar}"
work="$(mktemp -d)"; chmod 755 "$work"
cleanup() {
  kill "${app:-}" "${app_tomcat:-}" "${tomcat:-}" "${jetty:-}" 2>/dev/null || true
  nginx -p "$work/before" -c "$work/before/nginx.conf" -s stop 2>/dev/null || true
  nginx -p "$work/static" -c "$work/static/nginx.conf" -s stop 2>/dev/null || true
  nginx -p "$work/cache" -c "$work/cache/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"

hz=$(getconf CLK_TCK)
start_inkstone() { # JAR PORT DATA LOG: starts it, waits until healthy, indexed and idle; prints the pid
  java -Xmx512m -jar "$1" --server.port="$2" --inkstone.data-dir="$3" > "$4" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null; do sleep 0.5; done
  until grep -q "Search index ready" "$4"; do sleep 1; done
  for _ in $(seq 1 120); do # start-up back-fills done: < 10% of a core over 5 s
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat"); sleep 5; after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    [ $((after - before)) -lt $((hz / 2)) ] && break
  done
  echo "$pid"
}
if [ "$tomcat_jar" != none ] && [ -f "$tomcat_jar" ]; then
  cp -r "$data" "$work/data-tomcat"
  app_tomcat=$(start_inkstone "$tomcat_jar" $app_tomcat_port "$work/data-tomcat" "$work/app-tomcat.log")
fi
app=$(start_inkstone "$root/target/inkstone.jar" $app_port "$data" "$work/app.log")
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
if [ -n "${MICROCACHE_BEFORE:-}" ]; then
  mkdir -p "$work/before"
  sed -e "s#server 127.0.0.1:18091 max_fails=3 fail_timeout=5s;#server 127.0.0.1:$app_port;#" \
      -e "/server 127.0.0.1:18092/d" -e "s#127.0.0.1:18090#127.0.0.1:$before_port#g" \
      "$MICROCACHE_BEFORE" > "$work/before/nginx.conf"
  nginx -p "$work/before" -c "$work/before/nginx.conf"
fi
# the container ceiling, Jetty 12 (what Inkstone runs on) and Tomcat, same heap
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
order=(nginx-static ceiling-jetty ceiling-tomcat inkstone)
if [ -n "${app_tomcat:-}" ]; then
  urls[inkstone-on-tomcat]="http://127.0.0.1:$app_tomcat_port$path"
  order+=(inkstone-on-tomcat)
  echo "Inkstone on Tomcat: $(curl -s -A "$ua" "${urls[inkstone-on-tomcat]}" | wc -c) bytes on the same page"
fi
order+=(inkstone+nginx-microcache)
if [ -n "${MICROCACHE_BEFORE:-}" ]; then
  urls[inkstone+nginx-microcache-before]="http://127.0.0.1:$before_port$path"
  order+=(inkstone+nginx-microcache-before)
fi
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${order[@]}"; do # warm-up: JIT, stores, caches
  wrk -t2 -c"$connections" -d"${WARMUP:-20}s" -H "User-Agent: $ua" "${urls[$name]}" > /dev/null
  wrk -t2 -c"$connections" -d5s -H "User-Agent: $ua" -H "Accept-Encoding: gzip" "${urls[$name]}" > /dev/null
done

echo "| round | server | encoding | req/s | p50 | p99 | × nginx static | × Jetty ceiling |"
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
      [ "$name" != ceiling-jetty ] || ceiling=$rps
      ratio=$(awk -v a="$rps" -v b="$reference" 'BEGIN { printf "%.2f", a / b }')
      of_ceiling=$(awk -v a="$rps" -v b="${ceiling:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "" }')
      echo "| $round | $name | $encoding | $rps | $p50 | $p99 | $ratio | $of_ceiling |"
    done
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RSS of Inkstone after the run: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' /proc/$app/status)"
[ -z "${app_tomcat:-}" ] || echo "RSS of Inkstone on Tomcat: $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' /proc/$app_tomcat/status)"
