#!/usr/bin/env bash
# Proves that Inkstone's WordPress export (export --format=wxr) imports into a real WordPress with
# WordPress' own importer, and that what arrives is what Inkstone has: posts (by status), pages (with
# their parents), categories, tags, authors, comments (with replies), attachments (files downloaded and
# set as featured images), titles and bodies.
#
#   usage: ops/wordpress-import-check.sh [--corpus FILE.jsonl] [--jar target/inkstone.jar] [--work DIR] [--keep]
#
# 1. an empty Inkstone data directory gets the corpus (default: the project's own public-domain demo articles,
#    src/main/resources/demo/demo-articles.jsonl.gz; the figures in docs/deploy.md used --corpus with the 2k sample) plus a
#    small fixture this script writes (tags, images, comments and a reply, a draft, a scheduled article,
#    pages with a parent, HTML-special text and a "]]>");
# 2. `export --format=wxr` writes wordpress.xml + images; a loopback HTTP server serves them at the
#    public URL the export was written with (WordPress downloads attachments from there);
# 3. WordPress (core, the WordPress Importer plugin and WP-CLI, all from the npm package wp-studio,
#    Automattic's WordPress Studio CLI, which bundles them for offline use) is installed on PHP + MariaDB
#    and runs `wp import wordpress.xml --authors=create` (the WordPress Importer's WP_Import class);
# 4. counts and samples read from WordPress are compared with Inkstone's database and the export summary;
#    any difference is printed and the exit code is 1;
# 5. the way back: WordPress' own exporter (`wp export`, Tools › Export) writes what WordPress now holds, and
#    Inkstone's importer reads it (with --uploads pointing at WordPress' wp-content/uploads) into an empty data
#    directory; counts and published titles must equal what Inkstone started with. The WordPress-written file
#    is kept as $WORK/back/wxr/wordpress-export.xml (with --keep): a real WordPress export to test against.
#
# Nothing is fetched from wordpress.org. Needs: java 17, python3, npm, php-cli with php-mysql, php-xml,
# php-mbstring (Debian: apt-get install php-cli php-mysql php-xml php-mbstring php-gd php-curl),
# a MariaDB/MySQL server and its client (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD, default 127.0.0.1:3306
# root without password; the database DB_NAME, default inkstone_wxr_check, is dropped and recreated).
# Not part of .ci/run: it takes a few minutes and a database server. Exit: 0 all equal, 1 a difference,
# 2 a missing prerequisite.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS=""
JAR="$ROOT/target/inkstone.jar"
WORK=""
KEEP=0
while [ $# -gt 0 ]; do
	case "$1" in
		--corpus) CORPUS="$2"; shift 2 ;;
		--jar) JAR="$2"; shift 2 ;;
		--work) WORK="$2"; shift 2 ;;
		--keep) KEEP=1; shift ;;
		-h|--help) sed -n '2,26p' "$0"; exit 0 ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done
WP_STUDIO_VERSION="${WP_STUDIO_VERSION:-1.22.0}"
CACHE="${CACHE:-$HOME/.cache/inkstone-wordpress-check}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
DB_USER="${DB_USER:-root}"
DB_PASSWORD="${DB_PASSWORD:-}"
DB_NAME="${DB_NAME:-inkstone_wxr_check}"

need() { command -v "$1" >/dev/null || { echo "missing: $1 ($2)" >&2; exit 2; }; }
need java "JDK 17"
need python3 "python3"
need npm "Node.js + npm"
need php "apt-get install php-cli php-mysql php-xml php-mbstring"
need mysql "MariaDB/MySQL client"
PHP_MODULES="$(php -m)"
for ext in mysqli xml mbstring; do
	grep -qix "$ext" <<<"$PHP_MODULES" || { echo "missing PHP extension $ext (apt-get install php-$([ "$ext" = mysqli ] && echo mysql || echo "$ext"))" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "missing $JAR (./mvnw -B -q package -DskipTests)" >&2; exit 2; }
[ -z "$CORPUS" ] || [ -f "$CORPUS" ] || { echo "missing corpus $CORPUS" >&2; exit 2; }
MYSQL=(mysql -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER")
[ -n "$DB_PASSWORD" ] && MYSQL+=("-p$DB_PASSWORD")
"${MYSQL[@]}" -e 'SELECT 1' >/dev/null 2>&1 || { echo "cannot reach the database server at $DB_HOST:$DB_PORT as $DB_USER" >&2; exit 2; }

if [ -z "$WORK" ]; then
	WORK="$(mktemp -d /tmp/inkstone-wp-check.XXXXXX)"
fi
mkdir -p "$WORK"
if [ -z "$CORPUS" ]; then # the demo articles that ship with the project
	CORPUS="$WORK/demo-articles.jsonl"
	gunzip -c "$ROOT/src/main/resources/demo/demo-articles.jsonl.gz" > "$CORPUS"
fi
SERVER_PID=""
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
	if [ "$KEEP" = 0 ]; then
		"${MYSQL[@]}" -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" 2>/dev/null || true
		rm -rf "$WORK"
	else
		echo "kept: $WORK (database $DB_NAME)"
	fi
}
trap cleanup EXIT
log() { printf '\n== %s  (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

# ---- WordPress, its importer and WP-CLI from npm (cached)
WPF="$CACHE/wp-studio-$WP_STUDIO_VERSION/package/dist/cli/wp-files"
if [ ! -f "$WPF/wp-cli/wp-cli.phar" ] || [ ! -f "$WPF/wordpress-importer/wordpress-importer.php" ] \
	|| [ ! -f "$WPF/latest/wordpress/wp-load.php" ]; then
	log "fetching wp-studio@$WP_STUDIO_VERSION from npm (WordPress core, WordPress Importer, WP-CLI)"
	mkdir -p "$CACHE/wp-studio-$WP_STUDIO_VERSION"
	( cd "$CACHE" && npm pack "wp-studio@$WP_STUDIO_VERSION" --silent >/dev/null \
		&& tar -xzf "wp-studio-$WP_STUDIO_VERSION.tgz" -C "wp-studio-$WP_STUDIO_VERSION" \
			package/dist/cli/wp-files/latest/wordpress package/dist/cli/wp-files/wordpress-importer \
			package/dist/cli/wp-files/wp-cli/wp-cli.phar \
		&& rm -f "wp-studio-$WP_STUDIO_VERSION.tgz" )
fi
WP_VERSION="$(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$WPF/latest/wordpress/wp-includes/version.php")"
IMPORTER_VERSION="$(sed -n 's/^ \* Version: *//p' "$WPF/wordpress-importer/wordpress-importer.php")"

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
DATA="$WORK/data"
OUT="$WORK/wxr"
FIX="$WORK/fixture"
mkdir -p "$FIX"
# the command comes first (import/export), the settings after it
INK_OPTS=("--inkstone.data-dir=$DATA" "--inkstone.public-url=$URL")
ink() { local cmd="$1"; shift; java -Xmx512m -jar "$JAR" "$cmd" "$@" "${INK_OPTS[@]}"; }

# ---- 1. Inkstone: the corpus and a fixture with everything the corpus lacks
log "Inkstone: import $(basename "$CORPUS") and the fixture into $DATA"
python3 - "$FIX" <<'PY'
import json, struct, sys, zlib, os
fix = sys.argv[1]
def png(path, w, h, rgb):
    rows = b''.join(b'\x00' + bytes((rgb[0], (rgb[1] + y) % 256, rgb[2])) * w for y in range(h))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))
png(os.path.join(fix, 'pond.png'), 800, 450, (40, 90, 160))
png(os.path.join(fix, 'hill.png'), 640, 480, (150, 120, 60))
lines = [
    {"id": "wpcheck-1", "creator": "wpcheck-editor", "creator_name": "迁移检查编辑", "channel": "classics",
     "title": "迁移检查：带图、标签与评论的文章",
     "body_markdown": "池塘的照片：\n\n![池塘](https://old.example/img/pond.png)\n\n"
                      "山的照片：\n\n![山](https://old.example/img/hill.png)\n\n第三段，含 & 与 < 号。",
     "published_at": "2024-05-14T09:21:07+08:00", "tags": ["唐诗", "WordPress 迁移", "Poetry"],
     "summary": "一篇带两张图、三个标签和三条评论的文章。", "cover": "https://old.example/img/pond.png",
     "source": "Inkstone WXR check", "original": True,
     "images": [{"url": "https://old.example/img/pond.png", "file": "pond.png", "alt": "池塘"},
                {"url": "https://old.example/img/hill.png", "file": "hill.png", "alt": "山"}],
     "comments": [{"id": "c1", "author": "读者甲", "body": "写得好！", "created_at": "2024-05-15T08:00:00+08:00"},
                  {"id": "c2", "reply_to": "c1", "author": "迁移检查编辑", "body": "谢谢 <b>支持</b>",
                   "created_at": "2024-05-15T09:00:00+08:00"},
                  {"id": "c3", "author": "读者乙", "body": "第二条评论 & 一个问题？", "created_at": "2024-05-16T10:00:00+08:00"}]},
    {"id": "wpcheck-2", "creator": "wpcheck-editor", "creator_name": "迁移检查编辑", "channel": "classics",
     "title": "迁移检查：草稿", "body_markdown": "还没写完的草稿。", "published_at": "2024-06-01T10:00:00+08:00",
     "status": "draft", "tags": ["草稿标签"]},
    {"id": "wpcheck-3", "creator": "wpcheck-editor", "creator_name": "迁移检查编辑", "channel": "classics",
     "title": "迁移检查：定时发布", "body_markdown": "将来才发布的文章。", "published_at": "2024-06-01T10:00:00+08:00",
     "status": "scheduled", "publish_at": "2099-01-01T08:00:00+08:00"},
    {"id": "wpcheck-4", "creator": "wpcheck-editor", "creator_name": "迁移检查编辑", "channel": "classics",
     "title": "迁移检查：特殊字符 <&> \"引号\" ]]> 结尾",
     "body_markdown": "代码里有 CDATA 结束符：\n\n```\nif (a[b[0]]> 1) { x = \"]]>\"; }\n```\n\n"
                      "| 列一 | 列二 |\n|---|---|\n| 😀 emoji | “中文引号” |\n\n"
                      "[站内链接](/articles) 与 [外部链接](https://example.org/?a=1&b=2)。",
     "published_at": "2024-07-01T12:00:00+08:00", "tags": ["特殊字符"]},
    {"type": "page", "id": "wpcheck-page-about", "path": "wpcheck-about", "title": "关于迁移检查",
     "body_markdown": "这是一个**静态页面**。", "published_at": "2024-01-01T00:00:00+08:00"},
    {"type": "page", "id": "wpcheck-page-team", "path": "wpcheck-about/team", "title": "团队",
     "body_markdown": "子页面，父页面是“关于迁移检查”。", "published_at": "2024-01-02T00:00:00+08:00"},
]
with open(os.path.join(fix, 'fixture.jsonl'), 'w', encoding='utf-8') as f:
    for line in lines:
        f.write(json.dumps(line, ensure_ascii=False) + '\n')
PY
ink import "$CORPUS" > "$WORK/inkstone-import.log" 2>&1 || { tail -20 "$WORK/inkstone-import.log"; exit 1; }
tail -1 "$WORK/inkstone-import.log"
ink import "$FIX/fixture.jsonl" > "$WORK/inkstone-import-fixture.log" 2>&1 \
	|| { tail -20 "$WORK/inkstone-import-fixture.log"; exit 1; }
tail -1 "$WORK/inkstone-import-fixture.log"

# ---- 2. the export, served where its attachment URLs point
log "Inkstone: export --format=wxr (public URL $URL)"
ink export --format=wxr "$OUT" > "$WORK/inkstone-export.log" 2>&1 || { tail -20 "$WORK/inkstone-export.log"; exit 1; }
tr '\r' '\n' < "$WORK/inkstone-export.log" | grep -E '^(Exported|  )' || true
( cd "$OUT" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 ) > "$WORK/http.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do python3 -c "import urllib.request; urllib.request.urlopen('$URL/wordpress.xml')" 2>/dev/null && break; sleep 0.2; done

# ---- 3. a real WordPress on PHP + MariaDB, WordPress' own importer
log "WordPress $WP_VERSION + WordPress Importer $IMPORTER_VERSION (WP-CLI), database $DB_NAME"
WP_DIR="$WORK/wordpress"
cp -r "$WPF/latest/wordpress" "$WP_DIR"
cp -r "$WPF/wordpress-importer" "$WP_DIR/wp-content/plugins/wordpress-importer"
WP=(php -d memory_limit=1G "$WPF/wp-cli/wp-cli.phar" --path="$WP_DIR" --allow-root --skip-themes)
"${MYSQL[@]}" -e "DROP DATABASE IF EXISTS \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
"${WP[@]}" config create --dbname="$DB_NAME" --dbuser="$DB_USER" --dbpass="$DB_PASSWORD" --dbhost="$DB_HOST:$DB_PORT" \
	--dbcharset=utf8mb4 --skip-check --quiet
"${WP[@]}" core install --url="$URL" --title="Inkstone WXR check" --admin_user=admin \
	--admin_password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')" \
	--admin_email=admin@example.invalid --skip-email --quiet
"${WP[@]}" site empty --yes --quiet # no "Hello world!", "Sample Page" or their comment
"${WP[@]}" option update timezone_string Asia/Shanghai --quiet
"${WP[@]}" plugin activate wordpress-importer --quiet
START=$(date +%s)
"${WP[@]}" import "$OUT/wordpress.xml" --authors=create --user=admin > "$WORK/wp-import.log" 2>&1 || { tail -30 "$WORK/wp-import.log"; exit 1; }
echo "wp import: $(( $(date +%s) - START )) s, log $WORK/wp-import.log"
# what the importer refused or could not do (its messages start with these words)
grep -E '^(Error|Warning|Notice|Failed|Sorry)|Failed to|could not|Could not' "$WORK/wp-import.log" | sort | uniq -c | sort -rn | head -15 || true

# ---- 4. compare
log "compare Inkstone with WordPress"
cat > "$WORK/report.php" <<'PHP'
<?php
// What WordPress now has, as JSON: counts, the authors, and the posts/pages named in the sample file.
$sample = json_decode( file_get_contents( getenv( 'SAMPLE_FILE' ) ), true );
$count = function ( $type ) {
	$c = (array) wp_count_posts( $type );
	return array_filter( array_map( 'intval', $c ) );
};
$terms = function ( $tax ) {
	return (int) wp_count_terms( array( 'taxonomy' => $tax, 'hide_empty' => false ) );
};
$comments = wp_count_comments();
$out = array(
	'posts' => $count( 'post' ),
	'pages' => $count( 'page' ),
	'attachments' => $count( 'attachment' ),
	'categories' => $terms( 'category' ) - ( get_term_by( 'slug', 'uncategorized', 'category' ) ? 1 : 0 ),
	'tags' => $terms( 'post_tag' ),
	'comments' => (int) $comments->total_comments,
	'comments_approved' => (int) $comments->approved,
	'comment_replies' => (int) $GLOBALS['wpdb']->get_var( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->comments} WHERE comment_parent <> 0" ),
	'users' => array(),
	'attachment_files_missing' => array(),
	'samples' => array(),
);
foreach ( get_users( array( 'fields' => 'all' ) ) as $u ) {
	if ( 'admin' !== $u->user_login ) {
		$out['users'][ $u->user_login ] = $u->display_name;
	}
}
foreach ( get_posts( array( 'post_type' => 'attachment', 'post_status' => 'any', 'numberposts' => -1 ) ) as $a ) {
	$file = get_attached_file( $a->ID );
	if ( ! $file || ! file_exists( $file ) ) {
		$out['attachment_files_missing'][] = $a->post_title;
	}
}
foreach ( $sample as $s ) {
	$found = get_posts( array( 'post_type' => $s['type'], 'post_status' => 'any', 'title' => $s['title'], 'numberposts' => 1 ) );
	if ( ! $found ) {
		$out['samples'][] = array( 'title' => $s['title'], 'missing' => true );
		continue;
	}
	$p = $found[0];
	$thumb = get_post_thumbnail_id( $p->ID );
	$parent = $p->post_parent ? get_post( $p->post_parent ) : null;
	$out['samples'][] = array(
		'title' => $p->post_title,
		'type' => $p->post_type,
		'status' => $p->post_status,
		'content' => $p->post_content,
		'excerpt' => $p->post_excerpt,
		'date_gmt' => $p->post_date_gmt,
		'author_login' => get_the_author_meta( 'user_login', $p->post_author ),
		'author' => get_the_author_meta( 'display_name', $p->post_author ),
		'categories' => wp_get_post_terms( $p->ID, 'category', array( 'fields' => 'names' ) ),
		'tags' => wp_get_post_terms( $p->ID, 'post_tag', array( 'fields' => 'names' ) ),
		'comments' => array_map( function ( $c ) {
			return array( 'author' => $c->comment_author, 'content' => $c->comment_content, 'reply' => (int) $c->comment_parent > 0 );
		}, get_comments( array( 'post_id' => $p->ID, 'orderby' => 'comment_date_gmt', 'order' => 'ASC' ) ) ),
		'thumbnail_file' => $thumb ? basename( (string) get_attached_file( $thumb ) ) : null,
		'parent_title' => $parent ? $parent->post_title : null,
		'source' => get_post_meta( $p->ID, 'inkstone_source', true ),
	);
}
echo wp_json_encode( $out, JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT );
PHP
DB_FILE="$(find "$DATA" -maxdepth 1 -name '*.db' ! -name 'ip2region.db' ! -name 'ipv6wry.db' | head -1)"
python3 "$ROOT/ops/wordpress-import-check.py" sample "$DB_FILE" "$OUT/wordpress.xml" > "$WORK/sample.json"
SAMPLE_FILE="$WORK/sample.json" "${WP[@]}" eval-file "$WORK/report.php" > "$WORK/wordpress.json"
python3 "$ROOT/ops/wordpress-import-check.py" compare "$DB_FILE" "$OUT/wordpress.xml" "$WORK/sample.json" \
	"$WORK/wordpress.json" "$WORK/inkstone-export.log" "$URL"

# ---- 5. the way back: WordPress' own exporter, then Inkstone's importer into an empty site
log "WordPress: wp export (WordPress' own exporter), then Inkstone: import into an empty data directory"
BACK="$WORK/back"
mkdir -p "$BACK/wxr"
"${WP[@]}" export --dir="$BACK/wxr" --filename_format=wordpress-export.xml --user=admin > "$WORK/wp-export.log" 2>&1 \
	|| { tail -20 "$WORK/wp-export.log"; exit 1; }
START=$(date +%s)
java -Xmx512m -jar "$JAR" import "$BACK/wxr/wordpress-export.xml" --uploads "$WP_DIR/wp-content/uploads" \
	"--inkstone.data-dir=$BACK/data" "--inkstone.public-url=$URL" > "$WORK/inkstone-import-back.log" 2>&1 \
	|| { tail -30 "$WORK/inkstone-import-back.log"; exit 1; }
echo "inkstone import: $(( $(date +%s) - START )) s, log $WORK/inkstone-import-back.log"
tr '\r' '\n' < "$WORK/inkstone-import-back.log" | grep -E '^(Imported|WordPress|  )' | head -20 || true
BACK_DB="$(find "$BACK/data" -maxdepth 1 -name '*.db' ! -name 'ip2region.db' ! -name 'ipv6wry.db' | head -1)"
python3 "$ROOT/ops/wordpress-import-check.py" back "$DB_FILE" "$BACK_DB"
