#!/usr/bin/env bash
# Where the CPU of one anonymous article request goes: starts the jar on an imported site, warms up, then records a
# JFR profile (settings=profile: a Java stack sample every 10 ms per running thread) while wrk loads one article page,
# and prints the top frames with their share of the samples and CPU microseconds per request (process CPU time from
# /proc over the measured run ÷ requests, split by the samples' shares).
#
#   bench/jfr.sh DATA_DIR [SECONDS] [CONNECTIONS] [ENCODING] [JAR]
#
# ENCODING: identity (default) or gzip. JAR defaults to target/inkstone.jar, Inkstone on Jetty 12
# (target/inkstone-tomcat.jar, built with -Ptomcat: the same on Tomcat). The recording is kept as bench-jfr-<encoding>.jfr in the current directory. JDK 17's `jfr` has print and
# summary only, so the aggregation is done here from `jfr print --json`; with JDK 21+ `jfr view hot-methods FILE`
# gives a similar table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
data="$(cd "$1" && pwd)"
duration="${2:-20}"; connections="${3:-32}"; encoding="${4:-identity}"; jar="${5:-$root/target/inkstone.jar}"
port=18088
work="$(mktemp -d)"
cleanup() { kill "${app:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ua="Mozilla/5.0 (X11; Linux x86_64) InkstoneBench/1.0"
header=(); [ "$encoding" = gzip ] && header=(-H "Accept-Encoding: gzip")

java -Xmx512m -jar "$jar" --server.port=$port --inkstone.data-dir="$data" > "$work/app.log" 2>&1 &
app=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.5; done
until grep -q "Search index ready" "$work/app.log"; do sleep 1; done
hz=$(getconf CLK_TCK)
for _ in $(seq 1 120); do # start-up back-fills done: < 10% of a core over 5 s
  before=$(awk '{print $14 + $15}' "/proc/$app/stat"); sleep 5; after=$(awk '{print $14 + $15}' "/proc/$app/stat")
  [ $((after - before)) -lt $((hz / 2)) ] && break
done
# WAIT_PID: start now, but load it only after that process (e.g. another bench) has ended
while [ -n "${WAIT_PID:-}" ] && kill -0 "$WAIT_PID" 2>/dev/null; do sleep 2; done
path=$(curl -s -A "$ua" "http://127.0.0.1:$port/" | grep -o '/articles/[0-9]*' | head -1)
url="http://127.0.0.1:$port$path"
wrk -t2 -c"$connections" -d"${WARMUP:-30}s" -H "User-Agent: $ua" "${header[@]}" "$url" > /dev/null

recording="$PWD/bench-jfr-$encoding.jfr"
jcmd "$app" JFR.start name=bench settings=profile filename="$recording" > /dev/null
cpu_before=$(awk '{print $14 + $15}' "/proc/$app/stat")
out=$(wrk -t2 -c"$connections" -d"${duration}s" -H "User-Agent: $ua" "${header[@]}" "$url")
cpu_after=$(awk '{print $14 + $15}' "/proc/$app/stat")
jcmd "$app" JFR.stop name=bench > /dev/null
requests=$(echo "$out" | awk '/requests in/ {print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
cpu_us=$(awk -v t="$((cpu_after - cpu_before))" -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
echo "page $path ($encoding), ${duration}s, $connections connections: $requests requests, $rps req/s;" \
  "$cpu_us µs of Inkstone CPU per request; recording $recording"

jfr print --json --events jdk.ExecutionSample "$recording" > "$work/samples.json"
python3 - "$work/samples.json" "$cpu_us" <<'EOF'
import collections, json, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
cpu_us = float(sys.argv[2])
def name(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".").split(".")[-1] + "." + m["name"]
def area(frames):
    """The first frame (from the top) outside the JDK, or the JDK's socket and zip code: who asked for it."""
    for f in frames:
        t = f["method"]["type"]["name"].replace("/", ".")
        for prefix, label in (("sun.nio.", "socket I/O (JDK)"), ("java.util.zip.", "gzip (JDK)"),
                              ("io.inkstone.", "Inkstone"), ("org.springframework.security.", "Spring Security"),
                              ("org.springframework.", "Spring"), ("org.apache.catalina.", "Tomcat"),
                              ("org.apache.coyote.", "Tomcat"), ("org.apache.tomcat.", "Tomcat"),
                              ("org.eclipse.jetty.", "Jetty"), ("io.micrometer.", "Micrometer"),
                              ("ch.qos.logback.", "logging"), ("org.slf4j.", "logging")):
            if t.startswith(prefix):
                return label
        if not t.startswith(("java.", "jdk.", "sun.")):
            return t.rsplit(".", 1)[0]
    return "JDK only"
self_count, inclusive, areas = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    n += 1
    self_count[name(frames[0])] += 1
    areas[area(frames)] += 1
    for f in set(name(f) for f in frames):
        if f.split(".")[0] not in ("Thread", "ThreadPoolExecutor", "Worker", "TaskThread", "NioEndpoint",
                                   "SocketProcessorBase", "QueuedThreadPool", "Runner"):
            inclusive[f] += 1
print(f"\n{n} samples. Top frames (self: the sample was in that method):\n")
print("| frame (self) | share | µs/request |\n|---|---:|---:|")
for f, c in self_count.most_common(15):
    print(f"| `{f}` | {100 * c / n:.1f}% | {cpu_us * c / n:.1f} |")
print("\nBy the first named package on the stack (top down):\n")
print("| area | share | µs/request |\n|---|---:|---:|")
for a, c in areas.most_common():
    print(f"| {a} | {100 * c / n:.1f}% | {cpu_us * c / n:.1f} |")
print("\nInclusive (on the stack), top 20:\n")
print("| frame (inclusive) | share |\n|---|---:|")
for f, c in inclusive.most_common(20):
    print(f"| `{f}` | {100 * c / n:.1f}% |")
EOF
