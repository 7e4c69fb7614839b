#!/usr/bin/env python3
"""Crash trials: acknowledged writes of every kind survive kill -9 of the server.

Drives sign-ups, drafts, publishes, comments, follows, likes, reports and media uploads against a running
Inkstone (over HTTP, with cookies and CSRF tokens like a browser), kills the JVM with SIGKILL at a random
moment, restarts it on the same data, and checks that every write the server acknowledged (a 302 or 200
answer) is in the database, that the database is consistent, and that the site serves. Repeats N times.

  bench/crash-trials.py --jar target/inkstone.jar --trials 20                  # SQLite in a temp data dir
  bench/crash-trials.py --jar target/inkstone.jar --trials 20 --postgres       # a fresh PostgreSQL database

Only the Python standard library; loopback only. Results are printed as one line per trial and a summary.
"""
import argparse
import http.cookiejar
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from inkstone_http import Browser, Server, new_creator, png, signed_in


class Store:
    """Reads the database directly to check acknowledged writes."""

    def __init__(self, data_dir, pg_db):
        self.data_dir, self.pg_db = data_dir, pg_db

    def scalar(self, sql, *params):
        if self.pg_db:
            quoted = sql
            for p in params:
                quoted = quoted.replace("?", "'" + str(p).replace("'", "''") + "'", 1)
            out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", self.pg_db, "-tAc", quoted],
                                 capture_output=True, text=True, check=True)
            return out.stdout.strip()
        conn = sqlite3.connect(os.path.join(self.data_dir, "inkstone.db"))
        try:
            return str(conn.execute(sql, params).fetchone()[0])
        finally:
            conn.close()

    def consistent(self):
        if self.pg_db:
            # every foreign key and unique index was enforced by PostgreSQL; amcheck is not installed by default, so
            # read every table through to the end (a torn page or a broken index fails the read)
            tables = self.scalar("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")
            for t in tables.split(","):
                self.scalar(f"SELECT COUNT(*) FROM {t}")
            return "ok"
        return self.scalar("PRAGMA integrity_check")


class Trial:
    def __init__(self, base, creator, creator_handle, article_path):
        self.base, self.creator, self.handle, self.article_path = base, creator, creator_handle, article_path
        self.acked = []
        self.lock = threading.Lock()
        self.stop = False

    def ack(self, kind, key):
        with self.lock:
            self.acked.append((kind, key))

    def worker(self, seed):
        rnd = random.Random(seed)
        article_id = self.article_path.rsplit("/", 1)[1]
        while not self.stop:
            try:
                kind = rnd.choice(["signup", "draft", "publish", "comment", "follow", "like", "report", "media"])
                marker = uuid.uuid4().hex[:12]
                if kind in ("draft", "publish", "media"):
                    if kind == "media":
                        s, _, _ = self.creator.post_file("/studio/media", {"alt": "图" + marker}, "file", "p.png", "image/png",
                                                         png(24, 16, marker))
                        if s in (200, 201, 302):
                            self.ack("media", "图" + marker)
                        elif os.environ.get("CRASH_DEBUG"):
                            print("media upload answered", s, file=sys.stderr)
                        continue
                    s, _, _ = self.creator.post("/studio/articles", {"title": "崩溃试验" + marker, "body": "正文 " + marker,
                                                                     "channel": "tech", "original": "yes",
                                                                     "action": "publish" if kind == "publish" else "save"})
                    if s == 302:
                        self.ack(kind, "崩溃试验" + marker)
                    continue
                reader = Browser(self.base)
                email = f"r{marker}@inkstone.test"
                reader.get("/signup")
                s, _, _ = reader.post("/signup", {"email": email, "password": "correct-horse-1", "displayName": "读者" + marker})
                if s != 302:
                    continue
                self.ack("signup", email)
                if kind == "comment":
                    s, _, _ = reader.post(self.article_path + "/comments", {"text": "评论" + marker})
                    if s == 302:
                        self.ack("comment", "评论" + marker)
                elif kind == "follow":
                    s, _, _ = reader.post(f"/creators/{urllib.parse.quote(self.handle)}/follow", {"back": "/"})
                    if s == 302:
                        self.ack("follow", email)
                elif kind == "like":
                    s, _, _ = reader.post(self.article_path + "/like", {})
                    if s == 302:
                        self.ack("like", email)
                elif kind == "report":
                    s, _, _ = reader.post("/report", {"type": "article", "id": article_id, "reason": "other",
                                                      "detail": "举报" + marker})
                    if s == 302:
                        self.ack("report", "举报" + marker)
            except Exception:
                if self.stop:
                    return
                time.sleep(0.05)


def check(store, acked, article_id, creator_id):
    missing = []
    queries = {
        "signup": "SELECT COUNT(*) FROM accounts WHERE email = ?",
        "draft": "SELECT COUNT(*) FROM articles WHERE title = ?",
        "publish": "SELECT COUNT(*) FROM articles WHERE title = ? AND status = 'published'",
        "comment": "SELECT COUNT(*) FROM comments WHERE body = ?",
        "report": "SELECT COUNT(*) FROM reports WHERE detail = ?",
        "media": "SELECT COUNT(*) FROM media WHERE alt = ?",
    }
    for kind, key in acked:
        if kind in queries and store.scalar(queries[kind], key) == "0":
            missing.append((kind, key))
    follows = sum(1 for k, _ in acked if k == "follow")
    likes = sum(1 for k, _ in acked if k == "like")
    if int(store.scalar("SELECT COUNT(*) FROM follows WHERE creator_id = ?", creator_id)) < follows:
        missing.append(("follow", f"{follows} acknowledged"))
    if int(store.scalar("SELECT COUNT(*) FROM article_likes WHERE article_id = ?", article_id)) < likes:
        missing.append(("like", f"{likes} acknowledged"))
    return missing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="target/inkstone.jar")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--port", type=int, default=18931)
    ap.add_argument("--postgres", action="store_true")
    ap.add_argument("--min-run", type=float, default=2.0)
    ap.add_argument("--max-run", type=float, default=8.0)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="inkstone-crash-")
    data_dir = os.path.join(work, "data")
    db_args, pg_db = [], None
    if args.postgres:
        pg_db = "inkstone_crash_" + uuid.uuid4().hex[:10]
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {pg_db}"],
                       check=True, capture_output=True)
        db_args = [f"--inkstone.db.url=jdbc:postgresql://127.0.0.1:5432/{pg_db}", "--inkstone.db.user=postgres",
                   "--inkstone.db.password="]
    server = Server(os.path.abspath(args.jar), data_dir, args.port, db_args, os.path.join(work, "server.log"))
    store = Store(data_dir, pg_db)
    base = f"http://127.0.0.1:{args.port}"
    server.start()

    # a creator with one published article to comment on, like, follow and report
    handle = "crash" + uuid.uuid4().hex[:6]
    creator = new_creator(base, "crash-creator@inkstone.test", "试验作者", handle)
    s, _, headers = creator.post("/studio/articles", {"title": "崩溃试验的靶子", "body": "给评论、点赞、关注和举报用。",
                                                      "channel": "tech", "original": "yes", "action": "publish"})
    article_path = urllib.parse.urlparse(headers.get("Location", "")).path
    if not article_path.startswith("/articles/"):
        sys.exit(f"setup failed: publish answered {s} {headers.get('Location')}; see {server.log_path}")
    article_id = article_path.rsplit("/", 1)[1]
    creator_id = store.scalar("SELECT creator_id FROM articles WHERE id = ?", article_id)

    all_acked, failures = [], 0
    rnd = random.Random(42)
    for n in range(1, args.trials + 1):
        trial = Trial(base, creator, handle, article_path)
        threads = [threading.Thread(target=trial.worker, args=(n * 10 + i,), daemon=True) for i in range(3)]
        for t in threads:
            t.start()
        time.sleep(rnd.uniform(args.min_run, args.max_run))
        server.kill9()
        trial.stop = True
        for t in threads:
            t.join(timeout=20)
        with trial.lock:
            acked = list(trial.acked)
        all_acked.extend(acked)
        server.start()
        missing = check(store, all_acked, article_id, creator_id)
        consistent = store.consistent()
        serves = Browser(base).get(article_path)[0] == 200 and Browser(base).get("/")[0] == 200
        ok = not missing and consistent == "ok" and serves
        failures += 0 if ok else 1
        kinds = {}
        for k, _ in acked:
            kinds[k] = kinds.get(k, 0) + 1
        print(json.dumps({"trial": n, "acknowledged": len(acked), "by_kind": kinds, "missing": missing[:5],
                          "integrity": consistent, "serves": serves, "ok": ok}, ensure_ascii=False), flush=True)
        # the creator's session survives restarts (it lives in the servlet session: sign in again)
        creator = signed_in(base, "crash-creator@inkstone.test", "correct-horse-1")
    server.kill9()
    print(json.dumps({"database": "postgresql" if pg_db else "sqlite", "trials": args.trials, "failed": failures,
                      "acknowledged_writes": len(all_acked)}), flush=True)
    if pg_db:
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", f"DROP DATABASE {pg_db}"],
                       capture_output=True)
    if failures == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print("kept for inspection: " + work, flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
