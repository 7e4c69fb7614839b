#!/usr/bin/env bash
# A/B comparison of two builds on the article page, interleaved (A B A B …) so the shared VM's drift hits both
# alike. Reports req/s, latency and the application's CPU time per request (from /proc), which varies less than
# throughput when the machine is noisy.
#
#   bench/article-page-ab.sh JAR_A JAR_B DATA_DIR [ROUNDS] [SECONDS] [CONNECTIONS]
#
# DATA_DIR must hold an imported site whose search index is built (run either jar on it once).
set -euo pipefail
jar_a="$(realpath "$1")"; jar_b="$(realpath "$2")"; data="$(cd "$3" && pwd)"
rounds="${4:-3}"; duration="${5:-20}"; connections="${6:-32}"
port=18082
ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"
hz=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# waits until the process used less than 10% of one core over 5 s (start-up back-fills finished)
wait_idle() {
  local before after
  for _ in $(seq 1 120); do
    before=$(cpu_ticks "$1"); sleep 5; after=$(cpu_ticks "$1")
    if [ $((after - before)) -lt $((hz / 2)) ]; then return; fi
  done
}

run() {
  local label="$1" jar="$2" log
  log="$(mktemp)"
  java -Xmx1g -jar "$jar" --server.port=$port --inkstone.data-dir="$data" > "$log" 2>&1 &
  local app=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.5; done
  wait_idle "$app"
  local article url
  article=$(curl -s -A "$ua" "http://127.0.0.1:$port/" | grep -o '/articles/[0-9]*' | head -1)
  url="http://127.0.0.1:$port$article"
  # a returning reader: the server signs reader ids, so take the one it mints
  local cookie
  cookie="$(curl -s -o /dev/null -D - -A "$ua" "$url" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(ink_rid=[^;]*\).*/\1/p' | head -1); XSRF-TOKEN=bench-token"
  wrk -t2 -c"$connections" -d"${WARMUP:-40}s" -H "User-Agent: $ua" -H "Cookie: $cookie" "$url" > /dev/null
  local t0 t1 out
  t0=$(cpu_ticks "$app")
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "User-Agent: $ua" -H "Cookie: $cookie" "$url")
  t1=$(cpu_ticks "$app")
  kill "$app"; wait "$app" 2>/dev/null || true; rm -f "$log"
  local requests rps p50 p99
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "| $label | $rps | $p50 | $p99 | $(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / n}') |"
}

echo "| build | req/s | p50 | p99 | CPU ms/request |"
echo "|---|---:|---:|---:|---:|"
for _ in $(seq 1 "$rounds"); do
  run A "$jar_a"
  run B "$jar_b"
done
