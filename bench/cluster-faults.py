#!/usr/bin/env python3
"""Cluster faults: two nodes on PostgreSQL and Redis keep every acknowledged write through a Redis restart, and
publish every scheduled article exactly once while nodes are killed with SIGKILL.

  bench/cluster-faults.py --jar target/inkstone.jar [--rounds 3]

Starts its own Redis (a private port, append-only file as docs/deploy.md recommends), a fresh PostgreSQL database
and two cluster nodes as separate JVMs, then runs two scenarios:

redis-restart  Creators and readers write through both nodes (drafts, publishes, comments, follows, likes, reports)
               and anonymous readers send read beacons, while Redis is shut down and started again. Afterwards every
               acknowledged write is in PostgreSQL, and the article's read count equals the beacons the nodes
               acknowledged as counted: nothing counted twice, nothing lost.
scheduled      A creator schedules articles due over the next seconds; a webhook endpoint (a local fake) is
               registered for article.published. While they fall due, a node is killed with SIGKILL and restarted,
               round after round. Afterwards every scheduled article is published, and
               the webhook received exactly one article.published per article (distinct webhook-id): nothing
               published twice, nothing lost. The nodes are killed in turn, one per round.

Only the Python standard library; loopback only. Prints one JSON line per check and exits 1 on any failure.
"""
import argparse
import http.server
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from inkstone_http import Browser, Server, new_creator, signed_in  # noqa: E402

SHANGHAI = timezone(timedelta(hours=8))
PASSWORD = "correct-horse-1"


class Redis:
    """A private redis-server with an append-only file, stopped and started like an operator's restart."""

    def __init__(self, work, port):
        self.dir, self.port, self.proc = os.path.join(work, "redis"), port, None
        os.makedirs(self.dir, exist_ok=True)

    def start(self):
        self.proc = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.dir,
                                      "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True).stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError("redis did not start")

    def shutdown(self):
        subprocess.run(["redis-cli", "-p", str(self.port), "shutdown"], capture_output=True)
        self.proc.wait(timeout=30)


class Hooks(http.server.BaseHTTPRequestHandler):
    """The webhook endpoint: records (webhook-id, type, article id) of every delivery and answers 204."""

    received = []
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        article = (body.get("data") or {}).get("id")
        with self.lock:
            self.received.append((self.headers.get("webhook-id"), body.get("type"), article))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Writers:
    """Threads writing through one node each; a write counts as acknowledged only on the answer a browser trusts."""

    def __init__(self, bases, creator_email, handle, article_path):
        self.bases, self.creator_email, self.handle, self.article_path = bases, creator_email, handle, article_path
        self.acked, self.errors, self.beacons, self.beacons_unanswered = [], 0, 0, 0
        self.lock, self.stop = threading.Lock(), False

    def ack(self, kind, key):
        with self.lock:
            self.acked.append((kind, key))

    @staticmethod
    def accepted(status, headers):
        # a request whose session was lost is redirected to sign in: that is not an acknowledgement
        return status == 302 and "/login" not in headers.get("Location", "")

    def writer(self, base, seed):
        rnd = random.Random(seed)
        creator = signed_in(base, self.creator_email, PASSWORD)
        while not self.stop:
            marker = uuid.uuid4().hex[:12]
            kind = rnd.choice(["draft", "publish", "comment", "follow", "like", "report"])
            try:
                if kind in ("draft", "publish"):
                    s, _, h = creator.post("/studio/articles", {"title": "集群故障" + marker, "body": "正文 " + marker,
                                                                "channel": "tech", "original": "yes",
                                                                "action": "publish" if kind == "publish" else "save"})
                    if self.accepted(s, h):
                        self.ack(kind, "集群故障" + marker)
                    elif s >= 500:
                        self.errors += 1
                    continue
                reader = Browser(base)
                reader.get("/signup")
                email = f"c{marker}@inkstone.test"
                s, _, h = reader.post("/signup", {"email": email, "password": PASSWORD, "displayName": "读者" + marker})
                if not self.accepted(s, h):
                    self.errors += s >= 500
                    continue
                self.ack("signup", email)
                if kind == "comment":
                    s, _, h = reader.post(self.article_path + "/comments", {"text": "评论" + marker})
                    key = "评论" + marker
                elif kind == "follow":
                    s, _, h = reader.post(f"/creators/{urllib.parse.quote(self.handle)}/follow", {"back": "/"})
                    key = email
                elif kind == "like":
                    s, _, h = reader.post(self.article_path + "/like", {})
                    key = email
                else:
                    s, _, h = reader.post("/report", {"type": "article", "id": self.article_path.rsplit("/", 1)[1],
                                                      "reason": "other", "detail": "举报" + marker})
                    key = "举报" + marker
                if self.accepted(s, h):
                    self.ack(kind, key)
                elif s >= 500:
                    self.errors += 1
            except Exception:
                time.sleep(0.05)

    def reader(self, base):
        """Anonymous readers' beacons: each a new reader, counted at most once."""
        while not self.stop:
            try:
                s, body, _ = Browser(base).request("POST", self.article_path + "/view", b"",
                                                   {"Sec-Fetch-Site": "same-origin"})
                if s == 200 and json.loads(body).get("counted"):
                    with self.lock:
                        self.beacons += 1
                elif s != 200:
                    self.beacons_unanswered += 1
            except Exception:
                # no answer (a timeout): the server may or may not have counted it
                self.beacons_unanswered += 1
                time.sleep(0.05)
            time.sleep(0.02)


def reads_shown(base, article_path):
    s, body, _ = Browser(base).request("GET", article_path + "/live", None, {"User-Agent": "curl/8"})
    return json.loads(body)["reads"] if s == 200 else None


def redis_restart(args, nodes, redis, store, creator_email, handle, article_path, article_id, creator_id):
    from importlib import import_module
    check = import_module("crash-trials").check
    writers = Writers([n.base for n in nodes], creator_email, handle, article_path)
    reads_before = reads_shown(nodes[0].base, article_path)
    threads = [threading.Thread(target=writers.writer, args=(n.base, i), daemon=True) for i, n in enumerate(nodes)]
    threads += [threading.Thread(target=writers.reader, args=(n.base,), daemon=True) for n in nodes]
    for t in threads:
        t.start()
    time.sleep(4)
    redis.shutdown()
    time.sleep(3)
    redis.start()
    time.sleep(8)
    writers.stop = True
    for t in threads:
        t.join(timeout=30)
    missing = check(store, writers.acked, article_id, creator_id)
    expected = reads_before + writers.beacons
    deadline = time.time() + 30
    shown = None
    while time.time() < deadline:
        shown = [reads_shown(n.base, article_path) for n in nodes]
        if shown == [expected, expected]:
            time.sleep(3)  # and it stays there: nothing replayed twice
            shown = [reads_shown(n.base, article_path) for n in nodes]
            break
        time.sleep(0.5)
    kinds = {}
    for k, _ in writers.acked:
        kinds[k] = kinds.get(k, 0) + 1
    ok = not missing and shown == [expected, expected]
    print(json.dumps({"scenario": "redis-restart", "acknowledged": len(writers.acked), "by_kind": kinds,
                      "server_errors_while_redis_was_down": writers.errors, "missing": missing[:5],
                      "beacons_counted": writers.beacons, "beacons_unanswered": writers.beacons_unanswered,
                      "reads_expected": expected, "reads_shown": shown, "ok": ok},
                     ensure_ascii=False), flush=True)
    return ok


def scheduled(args, nodes, store, creator_email, hook_port):
    creator = signed_in(nodes[0].base, creator_email, PASSWORD)
    creator.get("/studio/webhooks")
    s, _, _ = creator.post("/studio/webhooks", {"url": f"http://127.0.0.1:{hook_port}/hook", "events": "article.published"})
    if s != 200:  # the page showing the new endpoint's secret
        print(json.dumps({"scenario": "scheduled", "ok": False, "error": f"webhook registration answered {s}"}))
        return False
    titles, rnd = [], random.Random(7)
    start = datetime.now(SHANGHAI)
    per_round = 8
    for r in range(args.rounds):
        for i in range(per_round):
            due = start + timedelta(seconds=25 + r * 30 + i * 3)
            title = f"定时故障{r}-{i}-" + uuid.uuid4().hex[:6]
            s, _, h = creator.post("/studio/articles", {"title": title, "body": f"第{r}轮第{i}篇。" + uuid.uuid4().hex,
                                                        "channel": "tech", "original": "yes", "action": "schedule",
                                                        "publishAt": due.strftime("%Y-%m-%dT%H:%M:%S")})
            if s != 302:
                print(json.dumps({"scenario": "scheduled", "ok": False, "error": f"scheduling answered {s}"}))
                return False
            titles.append(title)
    kills = []
    for r in range(args.rounds):
        # into the round's window, then kill whichever node holds (or last held) the publisher's lock
        target = start + timedelta(seconds=25 + r * 30 + rnd.uniform(2, per_round * 3))
        time.sleep(max(0.0, (target - datetime.now(SHANGHAI)).total_seconds()))
        # both nodes run the publisher (ShedLock picks one per period; its row names the host, the same for both
        # here): kill them in turn
        victim = nodes[r % len(nodes)]
        victim.kill9()
        kills.append(victim.name)
        victim.start()
    deadline = time.time() + 120
    while time.time() < deadline:
        published = int(store.scalar("SELECT COUNT(*) FROM articles WHERE status = 'published' AND title LIKE '定时故障%'"))
        with Hooks.lock:
            delivered = {a for _, t, a in Hooks.received if t == "article.published"}
        if published == len(titles) and len(delivered) >= len(titles):
            break
        time.sleep(1)
    time.sleep(5)  # any duplicate delivery would arrive now
    ids = store.column("SELECT id FROM articles WHERE title LIKE '定时故障%' AND status = 'published'")
    with Hooks.lock:
        per_article = {}
        for hook_id, kind, article in Hooks.received:
            if kind == "article.published":
                per_article.setdefault(str(article), set()).add(hook_id)
    twice = {a: len(h) for a, h in per_article.items() if len(h) > 1}
    never = [a for a in ids if a not in per_article]
    ok = len(ids) == len(titles) and not twice and not never
    print(json.dumps({"scenario": "scheduled", "scheduled": len(titles), "published": len(ids), "kills": kills,
                      "announced_twice": twice, "never_announced": never, "ok": ok}, ensure_ascii=False), flush=True)
    return ok


class Node(Server):
    def __init__(self, name, jar, work, port, env_args):
        super().__init__(jar, os.path.join(work, name), port, env_args, os.path.join(work, name + ".log"))
        self.name, self.base = name, f"http://127.0.0.1:{port}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/inkstone.jar")
    ap.add_argument("--port", type=int, default=18951, help="node ports: this and the next; Redis and the webhook "
                                                             "endpoint take the two after")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    crash = __import__("importlib").import_module("crash-trials")

    work = tempfile.mkdtemp(prefix="inkstone-cluster-faults-")
    pg_db = "inkstone_faults_" + uuid.uuid4().hex[:10]
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {pg_db}"],
                   check=True, capture_output=True)
    redis = Redis(work, args.port + 2)
    redis.start()
    hooks = http.server.ThreadingHTTPServer(("127.0.0.1", args.port + 3), Hooks)
    threading.Thread(target=hooks.serve_forever, daemon=True).start()
    common = ["--inkstone.mode=cluster", f"--inkstone.db.url=jdbc:postgresql://127.0.0.1:5432/{pg_db}",
              "--inkstone.db.user=postgres", "--inkstone.db.password=", f"--inkstone.redis.url=redis://127.0.0.1:{redis.port}/0",
              "--inkstone.counters.flush-interval=1s", "--inkstone.webhooks.allow-private-targets=true",
              "--inkstone.webhooks.first-retry=2s", "--inkstone.security.remember-me-key=cluster-faults",
              "--inkstone.secrets.key=cluster-faults-secrets-key-0123456789"]
    nodes = [Node("node-a", os.path.abspath(args.jar), work, args.port, common),
             Node("node-b", os.path.abspath(args.jar), work, args.port + 1, common)]
    results = []
    try:
        nodes[0].start()  # the first node runs the migrations; the second starts against a ready schema
        nodes[1].start()
        store = crash.Store(None, pg_db)
        handle = "faults" + uuid.uuid4().hex[:6]
        creator_email = "faults-creator@inkstone.test"
        creator = new_creator(nodes[0].base, creator_email, "故障作者", handle)
        s, _, h = creator.post("/studio/articles", {"title": "集群故障的靶子", "body": "给评论、点赞、关注和举报用。",
                                                    "channel": "tech", "original": "yes", "action": "publish"})
        # publishing answers with the studio page of the article (/studio/articles/{id}?published)
        article_path = "/articles/" + (re.findall(r"/articles/(\d+)", h.get("Location", "")) or ["?"])[0]
        article_id = article_path.rsplit("/", 1)[1]
        creator_id = store.scalar("SELECT creator_id FROM articles WHERE id = ?", article_id)
        results.append(redis_restart(args, nodes, redis, store, creator_email, handle, article_path, article_id, creator_id))
        results.append(scheduled(args, nodes, store, creator_email, args.port + 3))
    finally:
        for n in nodes:
            if n.proc and n.proc.poll() is None:
                n.kill9()
        redis.shutdown()
        hooks.shutdown()
    ok = all(results)
    print(json.dumps({"cluster_faults": "ok" if ok else "failed", "kept": None if ok else work}), flush=True)
    if ok:
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", f"DROP DATABASE {pg_db}"],
                       capture_output=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
