#!/usr/bin/env bash
# The read beacon's throughput on SQLite, side by side in one run and interleaved (these VMs drift 2x within
# minutes): GET /articles/{id}/view.gif (what the no-JS page loads; the script's POST does the same counting) by
#   - new readers: no cookie, so every hit mints a reader id and is a first read of the day (one durable
#     read_marks row, the counter, the referral day, the ArticleEngaged event),
#   - one returning reader: the same cookie on every hit (already counted: no write),
# against the live-numbers JSON of the same article (reads only, no write) as the in-run reference.
# With BEFORE_JAR and BEFORE_DATA (a build and an imported data directory of an older commit) the same rows are
# measured for that build in the same rounds.
#
#   bench/read-beacon.sh DATA_DIR [ROUNDS] [SECONDS] [CONNECTIONS]
#
# DATA_DIR: an imported site (java -jar target/inkstone.jar import FILE.jsonl --inkstone.data-dir=DATA_DIR); it
# gains read marks, so use a copy you can throw away. wrk on loopback only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$(cd "$1" && pwd)"
rounds="${2:-3}"; duration="${3:-10}"; connections="${4:-16}"
port=18180; before_port=18181
ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"
work="$(mktemp -d)"
cleanup() { kill "${app:-}" "${before:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

start() { # JAR PORT DATA LOG
  java -Xmx512m -jar "$1" --server.port="$2" --inkstone.data-dir="$3" > "$4" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null; do sleep 0.5; done
  until grep -q "Search index ready" "$4"; do sleep 1; done
  sleep 10 # start-up back-fills
  echo "$pid"
}
app=$(start "$root/target/inkstone.jar" $port "$data" "$work/app.log")
if [ -n "${BEFORE_JAR:-}" ]; then
  before=$(start "$BEFORE_JAR" $before_port "$(cd "$BEFORE_DATA" && pwd)" "$work/before.log")
fi
first_article() { curl -s -A "$ua" "http://127.0.0.1:$1/" | grep -o '/articles/[0-9]*' | head -1; }
reads() { curl -s "http://127.0.0.1:$1$path/live" | grep -o '"reads":[0-9]*' | cut -d: -f2 || echo '?'; }

run() { # LABEL PORT URL [COOKIE]
  local extra=()
  [ -n "${4:-}" ] && extra=(-H "Cookie: $4")
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "User-Agent: $ua" -H "Sec-Fetch-Site: same-origin" \
    "${extra[@]}" "http://127.0.0.1:$2$3")
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  non2xx=$(awk '/Non-2xx/ {print $4}' <<< "$out")
  printf '%-34s %10s req/s  p99 %8s  non-2xx %s\n' "$1" "$rps" "$p99" "${non2xx:-0}"
}
cookie_of() { # PORT: the reader cookie a first hit mints
  curl -s -o /dev/null -D - -A "$ua" "http://127.0.0.1:$1$path/view.gif" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" && $2 ~ /^ink_rid=/ {print $2; exit}'
}
echo "first article of each home page, $connections connections, ${duration}s per row; load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  echo "round $r"
  for p in $port ${before:+$before_port}; do
    label=$([ "$p" = "$port" ] && echo now || echo before)
    path=$(first_article $p)
    reads_before=$(reads $p)
    run "$label: live numbers (reference)" $p "$path/live"
    run "$label: beacon, new readers" $p "$path/view.gif"
    run "$label: beacon, one returning reader" $p "$path/view.gif" "$(cookie_of $p)"
    echo "  $label: counted reads $reads_before -> $(reads $p) (address limits cap one address)"
  done
done
echo "RSS: now $(($(awk '/VmRSS/ {print $2}' /proc/$app/status) / 1024)) MiB${before:+, before $(($(awk '/VmRSS/ {print $2}' /proc/$before/status) / 1024)) MiB}"
echo "read_marks rows: $(sqlite3 "$data/inkstone.db" 'select count(*) from read_marks' 2>/dev/null || echo '?')"
