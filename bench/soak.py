#!/usr/bin/env python3
"""Soak: a mixed workload at ~80 % of measured capacity for N minutes; errors, p99 and memory per minute.

  bench/soak.py --jar target/inkstone.jar --minutes 10

1. Imports the public-domain fixture (240 articles) or --import FILE (e.g. the full corpus built by the shared
   corpus' fetch.sh, 344,000 articles), starts the server with -Xmx512m, waits for the search index to catch up,
   makes a creator and readers.
2. Measures capacity: 20 s of the mixed workload as fast as the driver's threads go.
3. Runs the same mix at 80 % of that rate for --minutes: anonymous article views (65 %, each with the read beacon
   a browser sends), home and channel pages (10 %), signed-in article views (10 %), searches (8 %), comments (4 %),
   likes (3 %), plus a publish every 3 s. Anonymous requests reuse a keep-alive connection per driver thread, as
   browsers do; articles are drawn from the whole imported set (the server's page store only helps on repeats).
4. Prints one line per minute: requests, errors (5xx or connection failures), p50/p99 latency, RSS, live heap
   after a full GC (jcmd). Exit status 1 on any error.

The driver is Python threads: on a 2-core VM it shares the cores with the server, so "capacity" is what this
driver and the server reach together, not the server's ceiling (bench/article-page.sh measures that with wrk).
"""
import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sqlite3
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from inkstone_http import ADMIN_EMAIL, ADMIN_PASSWORD, Browser, Server, new_creator, signed_in  # noqa: E402

FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "fixtures",
                       "classics-240.jsonl")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.errors, self.statuses = [], 0, {}

    def record(self, seconds, status):
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status == 0 or status >= 500:
                self.errors += 1

    def take(self):
        with self.lock:
            taken = (self.latencies, self.errors, self.statuses)
            self.latencies, self.errors, self.statuses = [], 0, {}
            return taken


class KeepAlive:
    """One persistent HTTP/1.1 connection (a browser's), reopened after an error."""

    UA = "Mozilla/5.0 (X11; Linux x86_64) InkstoneSoak/1.0"

    def __init__(self, port):
        self.port, self.conn = port, None

    def request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body, headers={"User-Agent": self.UA, **(headers or {})})
                response = self.conn.getresponse()
                response.read()
                return response.status
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        return 0


def percentile(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def memory(pid):
    rss = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) // 1024
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    used = re.search(r"used (\d+)K", info)
    return rss, int(used.group(1)) // 1024 if used else -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/inkstone.jar")
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--port", type=int, default=18941)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--load", type=float, default=0.8, help="fraction of the measured capacity")
    ap.add_argument("--import", dest="import_file", default=FIXTURE, help="JSON Lines to import first")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="inkstone-soak-")
    data_dir = os.path.join(work, "data")
    jar = os.path.abspath(args.jar)
    started = time.time()
    subprocess.run(["java", "-Xmx512m", "-jar", jar, "import", f"--inkstone.data-dir={data_dir}", args.import_file],
                   check=True, capture_output=True)
    imported = time.time() - started
    server = Server(jar, data_dir, args.port, [], os.path.join(work, "server.log"))
    started = time.time()
    server.start()
    ready = time.time() - started
    base = f"http://127.0.0.1:{args.port}"
    conn = sqlite3.connect(os.path.join(data_dir, "inkstone.db"))
    ids = [row[0] for row in conn.execute("SELECT id FROM articles WHERE status = 'published'")]
    conn.close()
    article_paths = [f"/articles/{i}" for i in ids]
    _, home, _ = Browser(base).get("/")
    # the search index builds in the background after an import: measure on a caught-up index
    started = time.time()
    admin = signed_in(base, ADMIN_EMAIL, ADMIN_PASSWORD)
    while time.time() - started < 1800:
        progress = json.loads(admin.get("/admin/search/progress.json")[1] or "{}")
        if not progress.get("running") and progress.get("documents", 0) >= len(ids):
            break
        time.sleep(5)
    print(json.dumps({"articles": len(ids), "import_s": round(imported), "start_to_ready_s": round(ready),
                      "index_wait_s": round(time.time() - started)}), flush=True)
    channel_paths = sorted(set(re.findall(r'href="(/channels/[^"?#]+)"', home)))[:6] or ["/"]
    words = ["明月", "春风", "长安", "江南", "故乡", "秋", "山水", "梅花", "jingyesi", "李白"]

    creator = new_creator(base, "soak-creator@inkstone.test", "压测作者", "soak" + uuid.uuid4().hex[:6])
    readers = []
    for i in range(6):
        r = Browser(base)
        r.get("/signup")
        r.post("/signup", {"email": f"soak-reader{i}-{uuid.uuid4().hex[:6]}@inkstone.test", "password": "correct-horse-1",
                           "displayName": f"读者{i}"})
        readers.append(r)

    stats = Stats()
    state = {"interval": 0.0, "stop": False}

    local = threading.local()

    def anonymous():
        if not hasattr(local, "conn"):
            local.conn = KeepAlive(args.port)
        return local.conn

    def one(rnd):
        roll = rnd.random()
        # a few articles are read much more than the rest, as on any news site
        path = rnd.choice(article_paths[:50]) if rnd.random() < 0.5 else rnd.choice(article_paths)
        t = time.perf_counter()
        try:
            if roll < 0.65:
                status = anonymous().request("GET", path)
                if status == 200:
                    beacon = anonymous().request("POST", path + "/view", b"", {"Sec-Fetch-Site": "same-origin"})
                    status = beacon if beacon != 200 else status
            elif roll < 0.75:
                status = anonymous().request("GET", rnd.choice(channel_paths + ["/"]))
            elif roll < 0.85:
                status = rnd.choice(readers).get(path)[0]
            elif roll < 0.93:
                status = anonymous().request("GET", "/search?q=" + urllib.parse.quote(rnd.choice(words)))
            elif roll < 0.97:
                status = rnd.choice(readers).post(path + "/comments", {"text": "压测评论 " + uuid.uuid4().hex[:8]})[0]
            else:
                status = rnd.choice(readers).post(path + "/like", {})[0]
        except Exception:
            status = 0
        stats.record(time.perf_counter() - t, status)

    def worker(seed):
        rnd = random.Random(seed)
        while not state["stop"]:
            started = time.perf_counter()
            one(rnd)
            pause = state["interval"] - (time.perf_counter() - started)
            if pause > 0:
                time.sleep(pause)

    def publisher():
        n = 0
        while not state["stop"]:
            n += 1
            t = time.perf_counter()
            try:
                status = creator.post("/studio/articles", {"title": f"压测文章{n}", "body": "正文" * 50, "channel": "tech",
                                                           "original": "yes", "action": "publish"})[0]
            except Exception:
                status = 0
            stats.record(time.perf_counter() - t, status)
            time.sleep(3)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.threads)]
    threads.append(threading.Thread(target=publisher, daemon=True))
    for thread in threads:
        thread.start()
    time.sleep(20)
    latencies, _, _ = stats.take()
    capacity = len(latencies) / 20
    target = capacity * args.load
    state["interval"] = args.threads / target if target > 0 else 0
    print(json.dumps({"capacity_rps": round(capacity, 1), "target_rps": round(target, 1), "threads": args.threads}), flush=True)

    errors_total = 0
    for minute in range(1, int(args.minutes) + 1):
        time.sleep(60)
        latencies, errors, statuses = stats.take()
        errors_total += errors
        rss, heap = memory(server.proc.pid)
        print(json.dumps({"minute": minute, "requests": len(latencies), "rps": round(len(latencies) / 60, 1), "errors": errors,
                          "p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
                          "p99_ms": round(percentile(latencies, 0.99) * 1000, 1), "rss_mib": rss,
                          "live_heap_mib": heap, "statuses": statuses}), flush=True)
    state["stop"] = True
    server.kill9()
    print(json.dumps({"minutes": args.minutes, "errors": errors_total, "log": server.log_path}), flush=True)
    sys.exit(1 if errors_total else 0)


if __name__ == "__main__":
    main()
