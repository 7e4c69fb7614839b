#!/usr/bin/env python3
"""Live and exact behind the shipped nginx micro-cache: how long a change takes to reach readers.

  bench/nginx-freshness.py --jar target/inkstone.jar [--rounds 3] [--port 18780]

Starts a fresh Inkstone (SQLite, demo content) and nginx with the shipped configuration (ops/nginx-cluster.conf,
its upstream pointed at this one node, its own port), both on loopback, then measures per round, through nginx and
directly at the node (the in-process page store):

publish   a creator publishes; until the home page lists the title
beacon    an anonymous reader's read beacon is counted; until the article's live count shows it
takedown  a reader reports the article and a reviewer takes it down; until the article answers 410 and the home
          page no longer lists it; and, while four anonymous readers request the article through nginx without
          pause, the last time any of them still got the old page

Targets (issue 13): in-process at once (≤ 1 s); through nginx within the micro-cache TTL (s-maxage, 5 s, plus one
render); a counted read shown within 5 s. Also checks that anonymous pages through nginx are served from its cache
(X-Cache: HIT) and carry no Set-Cookie, and that a mode or language cookie that nginx and the node could read
differently (`ink_mode =care`, `ink_mode=care-a11y,x`) is never cached (X-Cache: BYPASS, no-store) while exact
values are. Only the Python standard library and nginx; loopback only. Prints one JSON
line per measurement and a summary; exits 1 when a target is missed.
"""
import argparse
import html
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
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from inkstone_http import ADMIN_EMAIL, ADMIN_PASSWORD, Browser, Server, new_creator, signed_in  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MICRO_CACHE_TTL = 5.0
IN_PROCESS = 1.0
BEACON = 5.0


def nginx_config(node_port, nginx_port):
    """The shipped configuration, one upstream server, its own listening port."""
    with open(os.path.join(ROOT, "ops", "nginx-cluster.conf"), encoding="utf-8") as f:
        conf = f.read()
    conf = re.sub(r"upstream inkstone \{.*?\n  \}",
                  "upstream inkstone {\n    server 127.0.0.1:%d max_fails=3 fail_timeout=5s;\n    keepalive 64;\n  }"
                  % node_port, conf, flags=re.S)
    return conf.replace("127.0.0.1:18090", "127.0.0.1:%d" % nginx_port)


def until(check, limit):
    """Seconds until check() holds (polled every 50 ms), or None if it did not within limit."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if check():
            return round(time.monotonic() - start, 3)
        time.sleep(0.05)
    return None


def prose(seed):
    """A different text each round: near-identical bodies would be held for review as repeat posting."""
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) + ("。" if i % 17 == 16 else "") for i in range(400))


def anonymous(base):
    return Browser(base)


def home_lists(base, title):
    s, body, _ = anonymous(base).get("/")
    return s == 200 and title in body


def answers(base, path, status):
    return anonymous(base).get(path)[0] == status


def reads(base, path):
    s, body, _ = anonymous(base).request("GET", path + "/live", None, {"User-Agent": "curl/8"})
    return json.loads(body)["reads"] if s == 200 else None


def body_variant(body):
    """The <html lang> and the body's mode classes of a page."""
    lang = re.search(r'<html lang="([^"]*)"', body)
    mode = re.search(r'<body[^>]*class="([^"]*)"', body)
    return (lang.group(1) if lang else None, " ".join(c for c in (mode.group(1).split() if mode else [])
                                                       if c.startswith("mode-")))


def poisoned(proxy, path):
    """Malformed mode/language cookies through nginx: BYPASS, private, default variant; then plain and exact
    cookies still get their own variant from the cache. Prints one JSON line per request; True when all hold."""
    ok = True
    for cookie in ("ink_mode =care", "ink_mode=care-a11y,x", "INK_MODE=care", "ink_mode=care; ink_mode=a11y",
                   "ink_lang =en", "ink_lang=en,x"):
        for attempt in (1, 2):
            s, body, h = anonymous(proxy).request("GET", path, None, {"Cookie": cookie})
            lang, mode = body_variant(body)
            good = (s == 200 and h.get("X-Cache") == "BYPASS" and "no-store" in h.get("Cache-Control", "")
                    and mode == "mode-standard" and lang.startswith("zh"))
            print(json.dumps({"measure": "poison", "cookie": cookie, "attempt": attempt, "status": s,
                              "x_cache": h.get("X-Cache"), "cache_control": h.get("Cache-Control"), "lang": lang,
                              "mode": mode, "ok": good}, ensure_ascii=False), flush=True)
            ok = ok and good
    for cookie, want in ((None, ("zh-CN", "mode-standard")), ("ink_mode=care", ("zh-CN", "mode-care")),
                         ("ink_mode=care-a11y", ("zh-CN", "mode-care mode-a11y")), ("ink_lang=en", ("en", "mode-standard"))):
        anonymous(proxy).request("GET", path, None, {"Cookie": cookie} if cookie else {})
        s, body, h = anonymous(proxy).request("GET", path, None, {"Cookie": cookie} if cookie else {})
        got = body_variant(body)
        good = s == 200 and h.get("X-Cache") == "HIT" and got == want
        print(json.dumps({"measure": "poison", "cookie": cookie, "then": "exact", "x_cache": h.get("X-Cache"),
                          "lang": got[0], "mode": got[1], "ok": good}, ensure_ascii=False), flush=True)
        ok = ok and good
    return ok


class Readers:
    """Anonymous readers requesting one path through nginx without pause, each request's time and status noted:
    a take-down must reach them too, not only a lone poller (nginx serves a stale copy "while updating" only when
    requests overlap)."""

    def __init__(self, base, path, threads=4):
        self.base, self.path, self.seen, self.running = base, path, [], True
        self.threads = [threading.Thread(target=self.read, daemon=True) for _ in range(threads)]
        for t in self.threads:
            t.start()

    def read(self):
        while self.running:
            status = anonymous(self.base).get(self.path)[0]
            self.seen.append((time.monotonic(), status))

    def stop(self):
        self.running = False
        for t in self.threads:
            t.join()

    def last_old_page_after(self, start):
        """Seconds from start to the last 200 any reader got (0 if none)."""
        late = [t - start for t, status in self.seen if t >= start and status == 200]
        return round(max(late), 3) if late else 0.0


def record(results, name, where, seconds, target):
    ok = seconds is not None and seconds <= target
    line = {"measure": name, "via": where, "seconds": seconds, "target_s": target, "ok": ok}
    print(json.dumps(line, ensure_ascii=False), flush=True)
    results.append(line)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", default=os.path.join(ROOT, "target", "inkstone.jar"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=18780, help="node port; nginx listens on the next one")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="inkstone-freshness-")
    os.chmod(work, 0o755)  # nginx's workers (not root) write its cache below it
    node_port, nginx_port = args.port, args.port + 1
    node, proxy = f"http://127.0.0.1:{node_port}", f"http://127.0.0.1:{nginx_port}"
    server = Server(args.jar, os.path.join(work, "data"), node_port, [], os.path.join(work, "inkstone.log"))
    nginx_dir = os.path.join(work, "nginx")
    os.makedirs(nginx_dir)
    with open(os.path.join(nginx_dir, "nginx.conf"), "w", encoding="utf-8") as f:
        f.write(nginx_config(node_port, nginx_port))
    results = []
    try:
        server.start()
        subprocess.run(["nginx", "-p", nginx_dir, "-c", os.path.join(nginx_dir, "nginx.conf")], check=True)
        admin = signed_in(node, ADMIN_EMAIL, ADMIN_PASSWORD)

        # an anonymous page through nginx is shared: stored, served from the cache, no cookie set
        anonymous(proxy).get("/")
        s, _, headers = anonymous(proxy).get("/")
        shared = s == 200 and headers.get("X-Cache") == "HIT" and "Set-Cookie" not in headers
        print(json.dumps({"measure": "shared", "via": "nginx", "x_cache": headers.get("X-Cache"),
                          "set_cookie": "Set-Cookie" in headers, "ok": shared}), flush=True)
        results.append({"ok": shared})

        # the mode and language cookies: a value nginx and the node could read differently (`ink_mode =care`) is
        # neither stored nor served from the cache, so no variant lands under another reader's key
        poisoning_ok = poisoned(proxy, "/channels/tech")
        results.append({"ok": poisoning_ok})

        for r in range(1, args.rounds + 1):
            title = f"时效测试第{r}轮{uuid.uuid4().hex[:6]}"
            # a creator per round: taken-down articles lower a creator's trust and hold their next one for review
            tag = uuid.uuid4().hex[:6]
            creator = new_creator(node, f"fresh{tag}@inkstone.test", f"时效作者{r}", "fresh" + tag)
            # both caches hold a home page without the title before it is published
            for base in (node, proxy):
                home_lists(base, title)
            s, _, h = creator.post("/studio/articles", {"title": title, "body": prose(r),
                                                        "channel": "tech", "original": "yes", "action": "publish"})
            ids = re.findall(r"/articles/(\d+)", h.get("Location", ""))
            if s != 302 or not ids:
                raise RuntimeError(f"publishing answered {s} {h.get('Location')}")
            path = "/articles/" + ids[0]
            record(results, "publish", "node", until(lambda: home_lists(node, title), 10), IN_PROCESS)
            record(results, "publish", "nginx", until(lambda: home_lists(proxy, title), 15),
                   MICRO_CACHE_TTL + IN_PROCESS)

            # a read through nginx: the page from the cache, the beacon to the node, the count shown within 5 s
            anonymous(proxy).get(path)
            before = reads(proxy, path)
            s, body, _ = anonymous(proxy).request("POST", path + "/view", b"", {"Sec-Fetch-Site": "same-origin"})
            counted = s == 200 and json.loads(body).get("counted")
            record(results, "beacon", "nginx",
                   until(lambda: counted and (reads(proxy, path) or 0) > (before or 0), 15), BEACON)

            # a report, a take-down: 410 and off the home page
            for base in (node, proxy):
                anonymous(base).get(path)
            reader = anonymous(node)
            reader.get(f"/report?type=article&id={ids[0]}")
            reader.post("/report", {"type": "article", "id": ids[0], "reason": "other", "detail": "时效测试"})
            report = re.findall(r'href="/admin/reports/(\d+)"', admin.get("/admin/reports")[1])
            if not report:
                raise RuntimeError("the report did not reach the queue")
            readers = Readers(proxy, path)
            time.sleep(1)
            taken_down = time.monotonic()
            # the rule is one of the 平台公约's numbered articles, as the decision form's picker offers them
            picker = re.search(r'name="rule"[^>]*>(.*?)</select>', admin.get(f"/admin/reports/{report[0]}")[1], re.S)
            rules = [html.unescape(r) for r in re.findall(r'<option value="([^"]+)"', picker.group(1))] if picker else []
            s, body, _ = admin.post(f"/admin/reports/{report[0]}/decide",
                                    {"decision": "take-down", "rule": rules[0] if rules else "平台公约第 3 条",
                                     "statement": "时效测试下架"})
            if s != 302:
                readers.stop()
                alert = re.findall(r'role="alert"[^>]*>(.*?)<', body, flags=re.S)
                raise RuntimeError(f"the take-down answered {s}: {alert}")
            record(results, "takedown 410", "node", until(lambda: answers(node, path, 410), 10), IN_PROCESS)
            record(results, "takedown off home", "node", until(lambda: not home_lists(node, title), 10), IN_PROCESS)
            record(results, "takedown 410", "nginx", until(lambda: answers(proxy, path, 410), 15),
                   MICRO_CACHE_TTL + IN_PROCESS)
            record(results, "takedown off home", "nginx", until(lambda: not home_lists(proxy, title), 15),
                   MICRO_CACHE_TTL + IN_PROCESS)
            # the readers kept reading through nginx: none of them got the old page after the TTL
            time.sleep(max(0.0, taken_down + MICRO_CACHE_TTL + IN_PROCESS + 3 - time.monotonic()))
            readers.stop()
            record(results, "takedown, last old page to concurrent readers", "nginx",
                   readers.last_old_page_after(taken_down), MICRO_CACHE_TTL + IN_PROCESS)
    finally:
        subprocess.run(["nginx", "-p", nginx_dir, "-c", os.path.join(nginx_dir, "nginx.conf"), "-s", "stop"],
                       stderr=subprocess.DEVNULL)
        if server.proc and server.proc.poll() is None:
            server.kill9()
    ok = all(line["ok"] for line in results)
    print(json.dumps({"nginx_freshness": "ok" if ok else "failed", "kept": None if ok else work}), flush=True)
    if ok:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
