#!/usr/bin/env python3
"""Crash trials: acknowledged writes of every kind survive kill -9 of the server.

Drives sign-ups, drafts, publishes, comments, follows, likes, reports and media uploads against a running
Inkstone (over HTTP, with cookies and CSRF tokens like a browser), kills the JVM with SIGKILL at a random
moment, restarts it on the same data, and checks that every write the server acknowledged (a 302 or 200
answer) is in the database, that the database is consistent, and that the site serves. Repeats N times.

  bench/crash-trials.py --jar target/inkstone.jar --trials 20                  # SQLite in a temp data dir
  bench/crash-trials.py --jar target/inkstone.jar --trials 20 --postgres       # a fresh PostgreSQL database
  bench/crash-trials.py --trials 20 --during import    # an `import` of 4,500 lines runs too; the crash kills both
  bench/crash-trials.py --trials 20 --during reindex   # an admin's search-index rebuild runs; the crash hits it

--during import: each trial starts (or resumes) the JSON Lines import in its own JVM next to the serving, written-to
server, and the crash kills both processes at once, as a power cut would. After the trials the import is run to its
end: every line must then be in the database exactly once (import keys unique, nothing half-written).
--during reindex: the site holds the 1,500 demo articles; each trial has the admin press 重建索引 at /admin/search and
the crash lands while it runs. After the restart the index must catch up on its own: its document count reaches the
number of published articles, and titles picked at random from the database are found by /search.

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

from inkstone_http import ADMIN_EMAIL, ADMIN_PASSWORD, Browser, Server, new_creator, png, signed_in


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

    def column(self, sql):
        if self.pg_db:
            out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", self.pg_db, "-tAc", sql],
                                 capture_output=True, text=True, check=True)
            return out.stdout.split()
        conn = sqlite3.connect(os.path.join(self.data_dir, "inkstone.db"))
        try:
            return [str(row[0]) for row in conn.execute(sql)]
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


class ImportRun:
    """The JSON Lines import in its own JVM, on the server's database: started, killed and resumed across trials."""

    COPIES = 3

    def __init__(self, jar, data_dir, db_args, work):
        self.jar, self.data_dir, self.db_args = jar, data_dir, db_args
        self.file = os.path.join(work, "import.jsonl")
        self.log = os.path.join(work, "import.log")
        self.keys = []
        demo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "demo",
                            "demo-articles.jsonl.gz")
        import gzip
        with gzip.open(demo, "rt", encoding="utf-8") as src, open(self.file, "w", encoding="utf-8") as out:
            lines = [json.loads(line) for line in src if line.strip()]
            for copy in range(self.COPIES):
                for row in lines:
                    row = dict(row, id=f"crash-{copy}-{row['id']}", title=f"{row['title']}（{copy}）")
                    self.keys.append(row["id"])
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.proc = None

    def start(self):
        log = open(self.log, "ab")
        self.proc = subprocess.Popen(["java", "-Xmx256m", "-jar", self.jar, "import", self.file,
                                      f"--inkstone.data-dir={self.data_dir}", *self.db_args],
                                     stdout=log, stderr=subprocess.STDOUT)

    def kill9(self):
        running = self.proc.poll() is None
        if running:
            self.proc.send_signal(9)
        self.proc.wait()
        return running

    def finish(self):
        self.start()
        return self.proc.wait()

    def imported(self, store):
        return int(store.scalar("SELECT COUNT(*) FROM articles WHERE import_key LIKE 'id:crash-%'"))

    def unique(self, store):
        # the column is UNIQUE; count distinct anyway, so a broken index would show here
        total = self.imported(store)
        distinct = int(store.scalar("SELECT COUNT(DISTINCT import_key) FROM articles WHERE import_key LIKE 'id:crash-%'"))
        return total == distinct

    def complete(self, store):
        total = self.imported(store)
        return True if total == len(self.keys) and self.unique(store) else f"{total} of {len(self.keys)} lines"


def index_catches_up(base, store, timeout=300):
    """After a crash during a rebuild, the index reaches the database on its own, and titles are found."""
    published = int(store.scalar("SELECT COUNT(*) FROM articles WHERE status = 'published'"))
    admin = signed_in(base, ADMIN_EMAIL, ADMIN_PASSWORD)
    deadline, progress = time.time() + timeout, {}
    while time.time() < deadline:
        progress = json.loads(admin.get("/admin/search/progress.json")[1] or "{}")
        if not progress.get("running") and progress.get("documents") == published:
            break
        time.sleep(1)
    else:
        return f"index holds {progress.get('documents')} of {published} published articles after {timeout} s"
    for article_id in store.column("SELECT id FROM articles WHERE status = 'published' AND import_key IS NOT NULL "
                                   "ORDER BY RANDOM() LIMIT 10"):
        title = store.scalar("SELECT title FROM articles WHERE id = ?", article_id)
        page = Browser(base).get("/search?q=" + urllib.parse.quote(title))[1]
        if f"/articles/{article_id}" not in page:
            return f"/search did not find article {article_id} by its title"
    return "ok"


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
    ap.add_argument("--min-run", type=float, help="seconds before the crash, at least (default 2; 5 during an import)")
    ap.add_argument("--max-run", type=float, help="seconds before the crash, at most (default 8; 20 during an import)")
    ap.add_argument("--during", choices=["writes", "import", "reindex"], default="writes",
                    help="what else runs when the crash comes (writes always run)")
    args = ap.parse_args()
    # an import JVM needs a few seconds to start before it writes: let the crash land inside its run
    args.min_run = args.min_run or (5.0 if args.during == "import" else 2.0)
    args.max_run = args.max_run or (20.0 if args.during == "import" else 8.0)

    work = tempfile.mkdtemp(prefix="inkstone-crash-")
    data_dir = os.path.join(work, "data")
    db_args, pg_db = [], None
    if args.postgres:
        pg_db = "inkstone_crash_" + uuid.uuid4().hex[:10]
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c", f"CREATE DATABASE {pg_db}"],
                       check=True, capture_output=True)
        db_args = [f"--inkstone.db.url=jdbc:postgresql://127.0.0.1:5432/{pg_db}", "--inkstone.db.user=postgres",
                   "--inkstone.db.password="]
    if args.during == "reindex":
        db_args = db_args + ["--inkstone.demo=true"]
    server = Server(os.path.abspath(args.jar), data_dir, args.port, db_args, os.path.join(work, "server.log"))
    store = Store(data_dir, pg_db)
    base = f"http://127.0.0.1:{args.port}"
    server.start()

    # a creator with one published article to comment on, like, follow and report
    handle = "crash" + uuid.uuid4().hex[:6]
    creator = new_creator(base, "crash-creator@inkstone.test", "试验作者", handle)
    s, _, headers = creator.post("/studio/articles", {"title": "崩溃试验的靶子", "body": "给评论、点赞、关注和举报用。",
                                                      "channel": "tech", "original": "yes", "action": "publish"})
    # publishing answers with the studio page of the article (/studio/articles/{id}?published)
    article_path = "/articles/" + (re.findall(r"/articles/(\d+)", headers.get("Location", "")) or ["?"])[0]
    if article_path.endswith("?"):
        sys.exit(f"setup failed: publish answered {s} {headers.get('Location')}; see {server.log_path}")
    article_id = article_path.rsplit("/", 1)[1]
    creator_id = store.scalar("SELECT creator_id FROM articles WHERE id = ?", article_id)

    importer = ImportRun(os.path.abspath(args.jar), data_dir, db_args, work) if args.during == "import" else None
    all_acked, failures, extra = [], 0, {}
    rnd = random.Random(42)
    for n in range(1, args.trials + 1):
        trial = Trial(base, creator, handle, article_path)
        threads = [threading.Thread(target=trial.worker, args=(n * 10 + i,), daemon=True) for i in range(3)]
        for t in threads:
            t.start()
        if importer:
            importer.start()
        if args.during == "reindex":
            admin = signed_in(base, ADMIN_EMAIL, ADMIN_PASSWORD)
            admin.get("/admin/search")
            admin.post("/admin/search/rebuild", {})
        time.sleep(rnd.uniform(args.min_run, args.max_run))
        if importer:
            extra = {"import_running_at_crash": importer.kill9()}
        if args.during == "reindex":
            extra = {"rebuild_at_crash": json.loads(admin.get("/admin/search/progress.json")[1] or "{}")}
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
        if importer:
            extra["import_keys_unique"] = importer.unique(store)
            extra["imported_lines"] = importer.imported(store)
        if args.during == "reindex":
            extra["index"] = index_catches_up(base, store)
        ok = not missing and consistent == "ok" and serves and all(
            v is True or v == "ok" for k, v in extra.items() if k in ("import_keys_unique", "index"))
        failures += 0 if ok else 1
        kinds = {}
        for k, _ in acked:
            kinds[k] = kinds.get(k, 0) + 1
        print(json.dumps({"trial": n, "acknowledged": len(acked), "by_kind": kinds, "missing": missing[:5],
                          "integrity": consistent, "serves": serves, **extra, "ok": ok}, ensure_ascii=False), flush=True)
        # the creator's session survives restarts (it lives in the servlet session: sign in again)
        creator = signed_in(base, "crash-creator@inkstone.test", "correct-horse-1")
    summary = {}
    if importer:
        # the import, run to its end after all those crashes, holds every line exactly once
        code = importer.finish()
        summary = {"import_exit": code, "import_complete": importer.complete(store)}
        if code != 0 or summary["import_complete"] is not True:
            failures += 1
    server.kill9()
    # an ERROR line in the server's log is a finding even when every write survived: list the distinct ones
    with open(server.log_path, encoding="utf-8", errors="replace") as log:
        errors = [line.strip() for line in log if " ERROR " in line]
    summary["error_lines"] = len(errors)
    summary["errors"] = sorted({re.sub(r"^\S+\s+ERROR \d+ --- \[[^]]*\] \[[^]]*\] ", "", e)[:160] for e in errors})[:5]
    print(json.dumps({"database": "postgresql" if pg_db else "sqlite", "during": args.during, "trials": args.trials,
                      "failed": failures, "acknowledged_writes": len(all_acked), **summary}, ensure_ascii=False), flush=True)
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
