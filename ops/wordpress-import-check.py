#!/usr/bin/env python3
"""Helper of ops/wordpress-import-check.sh: what Inkstone has (its SQLite database and the export summary)
against what WordPress reports after `wp import` (JSON from report.php).

  wordpress-import-check.py sample  DB WXR                               -> JSON list of posts/pages to look at
  wordpress-import-check.py compare DB WXR SAMPLE WORDPRESS EXPORT_LOG URL -> table; exit 1 on a difference
  wordpress-import-check.py back    DB BACK_DB                            -> the round trip Inkstone -> WordPress ->
                                                                             Inkstone: table; exit 1 on a difference
"""
import os
import html
import json
import re
import sqlite3
import sys
from html.parser import HTMLParser

EXPORTED = "status NOT IN ('deleted', 'removed')"


def db(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    return con


def text(fragment):
    """The words of an HTML fragment, whitespace collapsed: what a reader sees."""
    out = []

    class P(HTMLParser):
        def handle_data(self, d):
            out.append(d)

    p = P(convert_charrefs=True)
    p.feed(fragment or "")
    p.close()
    return re.sub(r"\s+", " ", "".join(out)).strip()


def sample(con):
    rows = []
    for r in con.execute("SELECT title FROM articles WHERE import_key LIKE '%wpcheck-%' ORDER BY id"):
        rows.append({"type": "post", "title": r["title"]})
    for r in con.execute("SELECT title FROM static_pages ORDER BY id"):
        rows.append({"type": "page", "title": r["title"]})
    corpus = f"import_key NOT LIKE '%wpcheck-%' AND {EXPORTED}"
    picks = [
        f"SELECT title FROM articles WHERE {corpus} ORDER BY id LIMIT 1",
        f"SELECT title FROM articles WHERE {corpus} ORDER BY length(body_html) DESC LIMIT 1",
        f"SELECT title FROM articles WHERE {corpus} ORDER BY id DESC LIMIT 1",
    ]
    for q in picks:
        r = con.execute(q).fetchone()
        if r and not any(s["title"] == r["title"] for s in rows):
            rows.append({"type": "post", "title": r["title"]})
    return rows


def expected(con, export_log):
    e = {}
    st = dict(con.execute(f"SELECT status, COUNT(*) FROM articles WHERE {EXPORTED} GROUP BY status").fetchall())
    scheduled = con.execute(f"SELECT COUNT(*) FROM articles WHERE status = 'draft' AND publish_at IS NOT NULL").fetchone()[0]
    e["posts"] = sum(st.values())
    e["posts publish"] = st.get("published", 0)
    e["pages"] = con.execute("SELECT COUNT(*) FROM static_pages").fetchone()[0]
    e["categories"] = con.execute(f"SELECT COUNT(DISTINCT channel_id) FROM articles WHERE {EXPORTED}").fetchone()[0]
    tags = set()
    for (t,) in con.execute(f"SELECT tags FROM articles WHERE {EXPORTED} AND tags <> ''"):
        tags.update(x.strip().lower() for x in t.split(",") if x.strip())
    e["tags"] = len(tags)
    e["authors"] = con.execute(f"SELECT COUNT(DISTINCT creator_id) FROM articles WHERE {EXPORTED}").fetchone()[0]
    e["comments"] = con.execute(
        "SELECT COUNT(*) FROM comments c JOIN articles a ON a.id = c.article_id "
        "WHERE a.status = 'published' AND c.status = 'visible'").fetchone()[0]
    e["comment replies"] = con.execute(
        "SELECT COUNT(*) FROM comments c JOIN articles a ON a.id = c.article_id "
        "WHERE a.status = 'published' AND c.status = 'visible' AND c.parent_id IS NOT NULL").fetchone()[0]
    e["attachments"] = con.execute("SELECT COUNT(DISTINCT sha256) FROM media").fetchone()[0]
    log = open(export_log, encoding="utf-8", errors="replace").read()
    e["export summary"] = " ".join(line.strip() for line in log.replace("\r", "\n").splitlines()
                                   if line.startswith("Exported:"))
    e["scheduled"] = scheduled
    return e


def back(con, back_con):
    """What came back through WordPress' own exporter and Inkstone's importer, against what left."""
    before, after = expected(con, os.devnull), expected(back_con, os.devnull)
    rows = [(k, before[k], after[k]) for k in ("posts", "posts publish", "scheduled", "pages", "categories", "tags",
                                               "authors", "comments", "comment replies", "attachments")]
    titles = lambda c: {r[0] for r in c.execute("SELECT title FROM articles WHERE status = 'published'")}
    lost, gained = titles(con) - titles(back_con), titles(back_con) - titles(con)
    rows.append(("published titles equal", "yes", "yes" if not lost and not gained else
                 f"{len(lost)} lost, {len(gained)} new"))
    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'Inkstone':>14}  {'and back':>14}")
    bad = 0
    for what, a, b in rows:
        mark = "ok" if a == b else "DIFFERENT"
        bad += a != b
        print(f"{what:{width}}  {str(a):>14}  {str(b):>14}  {mark}")
    for t in sorted(lost)[:5]:
        print(f"   lost: {t}")
    print(f"round trip: {len(rows) - bad} passed, {bad} failed")
    return 1 if bad else 0


def main():
    mode = sys.argv[1]
    con = db(sys.argv[2])
    if mode == "sample":
        print(json.dumps(sample(con), ensure_ascii=False, indent=1))
        return 0
    if mode == "back":
        return back(con, db(sys.argv[3]))
    _, _, _, wxr, sample_file, wp_file, export_log, url = sys.argv
    wp = json.load(open(wp_file, encoding="utf-8"))
    e = expected(con, export_log)
    rows = []  # (what, inkstone, wordpress, ok)

    def check(what, ink, got, ok=None):
        rows.append((what, ink, got, (ink == got) if ok is None else ok))

    posts = wp["posts"]
    check("posts (all statuses)", e["posts"], sum(posts.values()))
    check("posts published", e["posts publish"], posts.get("publish", 0))
    check("posts scheduled (future)", e["scheduled"], posts.get("future", 0))
    check("pages", e["pages"], sum(wp["pages"].values()))
    check("categories (channels)", e["categories"], wp["categories"])
    check("tags", e["tags"], wp["tags"])
    check("authors (users)", e["authors"], len(wp["users"]))
    check("comments", e["comments"], wp["comments"])
    check("comments approved", e["comments"], wp["comments_approved"])
    check("comment replies", e["comment replies"], wp["comment_replies"])
    check("attachments", e["attachments"], sum(wp["attachments"].values()))
    check("attachment files on disk", 0, len(wp["attachment_files_missing"]))

    # authors: every creator arrives as a user with its display name
    creators = {r["handle"]: r["display_name"] for r in con.execute(
        f"SELECT handle, display_name FROM creators WHERE id IN (SELECT creator_id FROM articles WHERE {EXPORTED})")}
    names_wp = sorted(wp["users"].values())
    check("author display names", sorted(creators.values()) == names_wp and "equal" or "differ",
          "equal", sorted(creators.values()) == names_wp)

    # samples: title, status, text, author, channel, tags, comments, featured image, page parent
    samples = {s["title"]: s for s in wp["samples"] if not s.get("missing")}
    for s in json.load(open(sample_file, encoding="utf-8")):
        t = s["title"]
        got = samples.get(t)
        if s["type"] == "post":
            a = con.execute("SELECT a.*, c.display_name, c.handle, ch.name AS channel_name FROM articles a "
                            "JOIN creators c ON c.id = a.creator_id JOIN channels ch ON ch.id = a.channel_id "
                            "WHERE a.title = ?", (t,)).fetchone()
        else:
            a = con.execute("SELECT * FROM static_pages WHERE title = ?", (t,)).fetchone()
        label = f"{s['type']} «{t[:28]}»"
        if got is None:
            check(label, "present", "missing")
            continue
        ink_text, wp_text = text(a["body_html"]), text(got["content"])
        check(label + " text", f"{len(ink_text)} chars", f"{len(wp_text)} chars", ink_text == wp_text)
        if ink_text != wp_text:
            i = next((k for k in range(min(len(ink_text), len(wp_text))) if ink_text[k] != wp_text[k]),
                     min(len(ink_text), len(wp_text)))
            print(f"   first difference at {i}: Inkstone …{ink_text[max(0, i - 40):i + 40]!r}\n"
                  f"                          WordPress …{wp_text[max(0, i - 40):i + 40]!r}")
        imgs = re.findall(r'<img[^>]+src="([^"]+)"', got["content"])
        if imgs or "<img" in (a["body_html"] or ""):
            local = [i for i in imgs if i.startswith(url + "/wp-content/uploads/")]
            check(label + " images → WP uploads", len(re.findall(r"<img", a["body_html"])), len(local))
        if s["type"] == "post":
            status = {"published": "publish"}.get(a["status"], None)
            if status:
                check(label + " status", status, got["status"])
            check(label + " author", a["display_name"], got["author"])
            check(label + " category", [a["channel_name"]], got["categories"])
            ink_tags = sorted(x.strip() for x in a["tags"].split(",") if x.strip())
            check(label + " tags", ink_tags, sorted(got["tags"]), [x.lower() for x in ink_tags]
                  == sorted(x.lower() for x in got["tags"]))
            if a["source"]:
                check(label + " source (meta)", a["source"], got["source"])
            n = con.execute("SELECT COUNT(*) FROM comments WHERE article_id = ? AND status = 'visible'",
                            (a["id"],)).fetchone()[0] if a["status"] == "published" else 0
            check(label + " comments", n, len(got["comments"]))
            if n:
                ink_c = [html.unescape(text(r["body"])) for r in con.execute(
                    "SELECT body FROM comments WHERE article_id = ? AND status = 'visible' ORDER BY created_at",
                    (a["id"],))]
                check(label + " comment texts", ink_c, [text(c["content"]) for c in got["comments"]])
            if a["cover_image"]:
                check(label + " featured image", "set", "set" if got["thumbnail_file"] else None)
        else:
            slash = a["path"].rfind("/")
            parent = None
            if slash > 0:
                p = con.execute("SELECT title FROM static_pages WHERE path = ?", (a["path"][:slash],)).fetchone()
                parent = p["title"] if p else None
            check(label + " parent", parent, got["parent_title"])

    # WordPress' importer keeps a free WXR post_id as the new post's ID: every number must be
    # one JavaScript (the block editor, REST API clients) holds exactly
    numbers = [int(m) for m in re.findall(
        r"<wp:(?:post_id|post_parent|comment_id|comment_parent)>(\d+)</wp:",
        open(wxr, encoding="utf-8").read())]
    biggest = max(numbers, default=0)
    check("WXR ids at most 2^53 - 1", "yes", "yes" if biggest <= 2 ** 53 - 1 else f"max {biggest}")

    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'Inkstone':>14}  {'WordPress':>14}")
    bad = 0
    for what, ink, got, ok in rows:
        fmt = lambda v: v if isinstance(v, (int, str)) or v is None else json.dumps(v, ensure_ascii=False)
        mark = "ok" if ok else "DIFFERENT"
        bad += 0 if ok else 1
        print(f"{what:{width}}  {str(fmt(ink)):>14}  {str(fmt(got)):>14}  {mark}")
    print(f"export: {e['export summary']}")
    # WordPress' importer keeps a free WXR post_id as the new post's ID
    ids = [int(m) for m in re.findall(r"<wp:post_id>(\d+)</wp:post_id>", open(wxr, encoding="utf-8").read())]
    if ids and max(ids) > 2 ** 53 - 1:
        print(f"WARNING: WXR post ids up to {max(ids)} become WordPress post IDs; above 2^53 - 1 JavaScript "
              f"(the block editor, REST API clients) cannot hold them exactly")
    print(f"{len(rows) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
