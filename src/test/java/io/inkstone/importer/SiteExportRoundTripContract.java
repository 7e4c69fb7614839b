package io.inkstone.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.inkstone.InkstoneApplication;
import io.inkstone.support.TestImages;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.UncheckedIOException;

/**
 * Round trips through the site export: a site seeded from a WordPress export (creators,
 * channels, public articles with an image, a cover and threaded comments, tags, static
 * pages) and from JSON Lines (a body with {@code ]]>}, a draft, a scheduled article) is
 * exported with {@code export --format=jsonl} and {@code export --format=wxr}; each
 * export is imported into an empty site with the import command; the new sites have the
 * same public articles, channels, creators, images (stored in their own media library,
 * every body address rewritten) and comments, and the same drafts and schedules. Runs
 * once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SiteExportRoundTripContract {

	/**
	 * A site the commands run against: its arguments and a connection to its database.
	 */
	record Site(List<String> arguments, DataSource dataSource) {

		JdbcClient jdbc() {
			return JdbcClient.create(dataSource);
		}

	}

	record Run(int exitCode, String output, String errors) {

	}

	/** A new, empty site (fresh data directory and database). */
	abstract Site freshSite();

	Site source;

	Site fromJsonl;

	Site fromWxr;

	Path jsonlDir;

	Path wxrDir;

	final List<Run> runs = new ArrayList<>();

	static Run command(Supplier<Integer> command) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
		try {
			int code = command.get();
			return new Run(code, captured.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	static Run importInto(Site site, String... args) {
		List<String> all = new ArrayList<>(site.arguments());
		all.addAll(Arrays.asList(args));
		return command(() -> InkstoneApplication.runImport(all.toArray(String[]::new)));
	}

	static Run exportFrom(Site site, String... args) {
		List<String> all = new ArrayList<>(site.arguments());
		all.addAll(Arrays.asList(args));
		return command(() -> InkstoneApplication.runExport(all.toArray(String[]::new)));
	}

	static final String SEED = """
			{"id":"seed-1","creator":"laowang","creator_name":"老王","channel":"科技","title":"代码里的 ]]> 不会截断导出","summary":"一篇带有 CDATA 结束符的文章","body_markdown":"正文里有 `a[b[c]]>d` 这样的代码。\\n\\n第二段。","published_at":"2024-05-20T10:00:00+08:00","tags":["代码","港口"],"original":true,"comments":[{"id":"c1","author":"读者甲","body":"第一条评论","created_at":"2024-05-20T11:00:00+08:00"},{"id":"c2","reply_to":"c1","author":"读者乙","body":"回复甲","created_at":"2024-05-20T11:30:00+08:00"}]}
			{"id":"seed-2","creator":"editor-li","creator_name":"李编辑","channel":"harbour-life","title":"还没写完的草稿","body_markdown":"草稿正文","published_at":"2024-05-21T10:00:00+08:00","status":"draft"}
			{"id":"seed-3","creator":"唐-李白","creator_name":"李白","channel":"harbour-life","title":"定时发布的文章","body_markdown":"将来发布","published_at":"2099-01-01T08:00:00+08:00","status":"scheduled","publish_at":"2099-01-01T08:00:00+08:00"}
			""";

	@BeforeAll
	void seedExportAndImport() throws IOException {
		source = freshSite();
		Path work = Files.createTempDirectory("roundtrip-");
		Path uploads = Files.createDirectories(work.resolve("uploads/2024/05"));
		Files.write(uploads.resolve("harbour.jpg"), TestImages.encode(TestImages.picture(640, 427), "jpg"));
		Path wxr = work.resolve("site-export.xml");
		try (InputStream in = getClass().getResourceAsStream("/wxr/site-export.xml")) {
			Files.copy(in, wxr);
		}
		Path seed = work.resolve("seed.jsonl");
		Files.writeString(seed, SEED);
		runs.add(importInto(source, wxr.toString(), seed.toString(), "--uploads", work.resolve("uploads").toString()));
		jsonlDir = work.resolve("export-jsonl");
		wxrDir = work.resolve("export-wxr");
		runs.add(exportFrom(source, "--format=jsonl", jsonlDir.toString()));
		runs.add(exportFrom(source, "--format", "wxr", wxrDir.toString()));
		fromJsonl = freshSite();
		runs.add(importInto(fromJsonl, jsonlDir.resolve("articles.jsonl").toString()));
		runs.add(importInto(fromJsonl, jsonlDir.resolve("articles.jsonl").toString()));
		fromWxr = freshSite();
		runs.add(importInto(fromWxr, wxrDir.resolve("wordpress.xml").toString(), "--uploads", wxrDir.toString()));
		// re-importing the WordPress export (twice, and once as an export written
		// before the small numbers: post_id = Inkstone's ID, no _inkstone_id) adds
		// nothing
		wxrCounts = counts(fromWxr);
		runs.add(importInto(fromWxr, wxrDir.resolve("wordpress.xml").toString(), "--uploads", wxrDir.toString()));
		runs.add(importInto(fromWxr, wxrDir.resolve("wordpress.xml").toString(), "--uploads", wxrDir.toString()));
		wxrCountsAfterReimports = counts(fromWxr);
		Path oldNumbers = work.resolve("old-numbers.xml");
		Files.writeString(oldNumbers, withInkstoneIdsAsPostIds(Files.readString(wxrDir.resolve("wordpress.xml"))));
		runs.add(importInto(fromWxr, oldNumbers.toString(), "--uploads", wxrDir.toString()));
		Path bad = work.resolve("bad.jsonl");
		Files.writeString(bad, BAD);
		badRun = importInto(fromJsonl, bad.toString());
	}

	static final String BAD = """
			{"id":"bad-1","creator":"laowang","channel":"科技","title":"坏行一","body_markdown":"x","published_at":"2024-05-20T10:00:00+08:00","status":"archived"}
			{"id":"bad-2","creator":"laowang","channel":"科技","title":"坏行二","body_markdown":"x","published_at":"2024-05-20T10:00:00+08:00","status":"scheduled"}
			{"id":"bad-3","creator":"laowang","channel":"科技","title":"坏行三","body_markdown":"x","published_at":"2024-05-20T10:00:00+08:00","images":{"url":"/x.jpg"}}
			{"id":"bad-4","creator":"laowang","channel":"科技","title":"坏行四","body_markdown":"x","published_at":"2024-05-20T10:00:00+08:00","comments":[{"author":"甲","created_at":"2024-05-20T10:00:00+08:00"}]}
			""";

	Run badRun;

	List<Long> wxrCounts;

	List<Long> wxrCountsAfterReimports;

	static List<Long> counts(Site site) {
		return List
			.of("articles", "comments", "static_pages", "media", "import_attachments", "legacy_paths", "creators",
					"channels")
			.stream()
			.map(table -> site.jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single())
			.toList();
	}

	static final Pattern ITEM = Pattern.compile("<item>.*?</item>", Pattern.DOTALL);

	static final Pattern INKSTONE_ID_META = Pattern
		.compile("\\s*<wp:postmeta>\\s*<wp:meta_key><!\\[CDATA\\[_inkstone_id]]></wp:meta_key>\\s*"
				+ "<wp:meta_value><!\\[CDATA\\[(\\d+)]]></wp:meta_value>\\s*</wp:postmeta>");

	static final Pattern POST_ID = Pattern.compile("<wp:post_id>(\\d+)</wp:post_id>");

	static final Pattern POST_PARENT = Pattern.compile("<wp:post_parent>(\\d+)</wp:post_parent>");

	/**
	 * The export as Inkstone wrote it before the small numbers: Inkstone's IDs as
	 * {@code post_id} and {@code post_parent}, no {@code _inkstone_id}.
	 */
	static String withInkstoneIdsAsPostIds(String xml) {
		Map<String, String> own = new HashMap<>();
		ITEM.matcher(xml).results().forEach(item -> {
			Matcher id = POST_ID.matcher(item.group());
			Matcher inkstone = INKSTONE_ID_META.matcher(item.group());
			assertThat(id.find() && inkstone.find()).as(item.group()).isTrue();
			own.put(id.group(1), inkstone.group(1));
		});
		own.put("0", "0");
		return ITEM.matcher(xml).replaceAll(item -> {
			String old = POST_ID.matcher(item.group())
				.replaceFirst(m -> "<wp:post_id>" + own.get(m.group(1)) + "</wp:post_id>");
			old = POST_PARENT.matcher(old)
				.replaceFirst(m -> "<wp:post_parent>" + own.get(m.group(1)) + "</wp:post_parent>");
			return Matcher.quoteReplacement(INKSTONE_ID_META.matcher(old).replaceFirst(""));
		});
	}

	@Test
	void badExportFieldsCostTheirLineWithAReasonAndStoreNothing() {
		assertThat(badRun.exitCode()).as(badRun.output()).isEqualTo(ImportCommand.REJECTED_LINES);
		assertThat(badRun.output()).contains("Imported: 0, skipped as duplicate: 0, rejected: 4")
			.contains("status must be published, draft or scheduled")
			.contains("missing or empty field: publish_at")
			.contains("images must be an array")
			.contains("missing or empty field: body");
		assertThat(
				fromJsonl.jdbc().sql("SELECT COUNT(*) FROM articles WHERE title LIKE '坏行%'").query(Long.class).single())
			.isZero();
	}

	Run run(int n) {
		return runs.get(n);
	}

	@Test
	void theCommandsSucceed() {
		for (Run run : runs) {
			assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
		}
		assertThat(run(1).output()).contains("Exported: 11 articles, 2 pages, 5 comments, 1 images");
		assertThat(jsonlDir.resolve("articles.jsonl")).isRegularFile();
		assertThat(wxrDir.resolve("wordpress.xml")).isRegularFile();
		try (var files = Files.walk(jsonlDir.resolve("media"))) {
			assertThat(files.filter(f -> f.toString().endsWith("/full.jpg")).count()).isEqualTo(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aSecondImportOfTheSameExportAddsNothing() {
		assertThat(run(4).output()).contains("Imported: 0, skipped as duplicate: 13, rejected: 0");
	}

	@Test
	void reImportingTheWordPressExportAddsNothing() {
		assertThat(run(5).output()).contains("Imported: 13, skipped as duplicate: 0, rejected: 0");
		for (int n = 6; n <= 8; n++) {
			assertThat(run(n).output()).as(run(n).output())
				.contains("Imported: 0, skipped as duplicate: 13, rejected: 0")
				.contains("attachments → already imported");
		}
		assertThat(wxrCountsAfterReimports).isEqualTo(wxrCounts);
		assertThat(counts(fromWxr)).isEqualTo(wxrCounts);
	}

	/**
	 * WordPress' importer keeps a free {@code post_id} as the new post's ID, and
	 * JavaScript (the block editor, REST clients) holds integers exactly only up to 2^53
	 * − 1: every number in the export is small, unique where WordPress needs it, and
	 * every reference (parent, featured image, comment parent) names something in the
	 * file. Inkstone's own ID travels as {@code _inkstone_id}.
	 */
	@Test
	void everyWordPressNumberIsSmallAndEveryReferenceResolvesInTheFile() throws IOException {
		long max = (1L << 53) - 1;
		String xml = Files.readString(wxrDir.resolve("wordpress.xml"));
		List<Wxr.Item> items = new ArrayList<>();
		Wxr.read(Files.newInputStream(wxrDir.resolve("wordpress.xml")), items::add);
		assertThat(items).hasSizeGreaterThan(10);
		Set<Long> postIds = new TreeSet<>();
		Set<Long> attachmentIds = new TreeSet<>();
		Set<Long> commentIds = new TreeSet<>();
		Set<String> inkstoneIds = new TreeSet<>();
		for (Wxr.Item item : items) {
			assertThat(item.postId()).as(item.title()).isBetween(1L, max);
			assertThat(postIds.add(item.postId())).as("post_id %d once", item.postId()).isTrue();
			if ("attachment".equals(item.postType())) {
				attachmentIds.add(item.postId());
			}
			assertThat(item.metaAll("_inkstone_id")).as(item.title()).hasSize(1);
			assertThat(inkstoneIds.add(item.postType() + ":" + item.meta("_inkstone_id"))).isTrue();
			for (Wxr.Comment c : item.comments()) {
				assertThat(c.id()).isBetween(1L, max);
				assertThat(commentIds.add(c.id())).as("comment_id %d once", c.id()).isTrue();
			}
		}
		assertThat(postIds).hasSize(items.size());
		int parents = 0;
		int thumbnails = 0;
		int replies = 0;
		for (Wxr.Item item : items) {
			if (item.postParent() != 0) {
				assertThat(postIds).as("parent of %s", item.title()).contains(item.postParent());
				parents++;
			}
			String thumbnail = item.meta("_thumbnail_id");
			if (thumbnail != null) {
				assertThat(attachmentIds).as("featured image of %s", item.title()).contains(Long.parseLong(thumbnail));
				thumbnails++;
			}
			Set<Long> own = item.comments().stream().map(Wxr.Comment::id).collect(Collectors.toSet());
			for (Wxr.Comment c : item.comments()) {
				if (c.parent() != 0) {
					assertThat(own).as("parent of comment %d", c.id()).contains(c.parent());
					replies++;
				}
			}
		}
		// the file has each kind of reference
		assertThat(parents).isGreaterThanOrEqualTo(2); // a page's parent, an image's post
		assertThat(thumbnails).isPositive();
		assertThat(replies).isPositive();
		// authors and terms are numbered too (WordPress does not keep these numbers)
		for (String field : List.of("author_id", "term_id")) {
			List<Long> numbers = Pattern.compile("<wp:" + field + ">(\\d+)</wp:" + field + ">")
				.matcher(xml)
				.results()
				.map(m -> Long.parseLong(m.group(1)))
				.toList();
			assertThat(numbers).isNotEmpty().allMatch(n -> n >= 1 && n <= max, "at most 2^53 - 1");
		}
	}

	@Test
	void theWordPressExportSplitsCdataEndsAndCarriesNoAddresses() throws IOException {
		String xml = Files.readString(wxrDir.resolve("wordpress.xml"));
		assertThat(xml).contains("<wp:wxr_version>1.2</wp:wxr_version>")
			.contains("xmlns:wp=\"http://wordpress.org/export/1.2/\"")
			.contains("]]]]><![CDATA[>")
			.contains("<wp:post_type><![CDATA[attachment]]></wp:post_type>")
			.contains("<wp:attachment_url><![CDATA[https://source.example/media/")
			.contains("<wp:post_type><![CDATA[page]]></wp:post_type>")
			.contains("<wp:status><![CDATA[future]]></wp:status>")
			.doesNotContain("secret@")
			.doesNotContain("private@");
		// a parser reads it whole: well-formed
		Wxr.read(Files.newInputStream(wxrDir.resolve("wordpress.xml")), item -> {
		});
	}

	/**
	 * WordPress keeps only {@code [A-Za-z0-9 _.\-@]} of a login (its importer cannot
	 * create the user for 唐-李白, and WP-CLI's import stops): every author login in the
	 * export is one WordPress keeps as written, distinct without case, and the posts name
	 * their author by it; the CJK handle comes back on import (the creators above).
	 */
	@Test
	void everyAuthorLoginIsOneWordPressAccepts() throws IOException {
		String xml = Files.readString(wxrDir.resolve("wordpress.xml"));
		List<String> logins = Pattern.compile("<wp:author_login><!\\[CDATA\\[(.*?)]]></wp:author_login>")
			.matcher(xml)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(logins).isNotEmpty().allMatch(l -> l.matches("[A-Za-z0-9 _.@-]{1,60}"), "a WordPress login");
		assertThat(logins.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct()).hasSameSizeAs(logins);
		String li = WxrLogins.toWordPress("唐-李白", 0);
		assertThat(li).startsWith("xn--").isNotEqualTo("唐-李白");
		assertThat(logins).contains("laowang", "editor-li", li);
		assertThat(xml).contains("<dc:creator><![CDATA[" + li + "]]></dc:creator>");
	}

	@Test
	void aPostStickyOnWordPressStaysStickyThroughInkstone() throws IOException {
		String xml = Files.readString(wxrDir.resolve("wordpress.xml"));
		assertThat(xml.split("<wp:is_sticky>1</wp:is_sticky>", -1)).hasSize(2);
		assertThat(fromWxr.jdbc()
			.sql("SELECT a.title FROM import_sticky_posts s JOIN articles a ON a.id = s.article_id")
			.query(String.class)
			.list()).containsExactly("港口夜景：一座城市的灯火");
	}

	@Test
	void theJsonLinesImportBringsBackTheSameSite() {
		assertSameSite(fromJsonl, true);
	}

	@Test
	void theWordPressImportBringsBackTheSameSite() {
		assertSameSite(fromWxr, false);
	}

	private void assertSameSite(Site target, boolean exactMarkdown) {
		JdbcClient from = source.jdbc();
		JdbcClient to = target.jdbc();
		assertThat(publicArticles(to)).isEqualTo(publicArticles(from)).hasSize(4);
		assertThat(bodies(to)).isEqualTo(bodies(from));
		assertThat(channels(to)).isEqualTo(channels(from));
		assertThat(creators(to)).isEqualTo(creators(from)).contains("laowang 老王", "editor-li 李编辑", "唐-李白 李白");
		assertThat(comments(to)).isEqualTo(comments(from)).hasSize(5);
		assertThat(drafts(to)).isEqualTo(drafts(from)).contains("定时发布的文章 scheduled", "还没写完的草稿 draft");
		assertThat(pages(to)).isEqualTo(pages(from)).isNotEmpty();
		// the images: the same number, each one in the new site's own media library
		// (bodies and covers rewritten)
		Set<String> images = imagesOf(to,
				"SELECT body_html || ' ' || COALESCE(cover_image, '') FROM articles WHERE status = 'published'");
		assertThat(images)
			.hasSameSizeAs(imagesOf(from,
					"SELECT body_html || ' ' || COALESCE(cover_image, '') FROM articles WHERE status = 'published'"))
			.isNotEmpty();
		for (String sha : images) {
			assertThat(
					to.sql("SELECT COUNT(*) FROM media WHERE sha256 = :s").param("s", sha).query(Long.class).single())
				.as("image %s is in the new media library", sha)
				.isPositive();
		}
		assertThat(to.sql("SELECT COUNT(*) FROM articles WHERE status = 'published' AND cover_image LIKE '/media/%'")
			.query(Long.class)
			.single()).isEqualTo(
					from.sql("SELECT COUNT(*) FROM articles WHERE status = 'published' AND cover_image LIKE '/media/%'")
						.query(Long.class)
						.single());
		if (exactMarkdown) {
			assertThat(markdown(to)).isEqualTo(markdown(from));
		}
	}

	static Set<String> publicArticles(JdbcClient jdbc) {
		return new TreeSet<>(jdbc.sql("""
				SELECT a.title, c.handle, ch.slug, a.published_at, a.tags, a.summary FROM articles a
				JOIN creators c ON c.id = a.creator_id JOIN channels ch ON ch.id = a.channel_id
				WHERE a.status = 'published'""")
			.query((rs, n) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
					+ rs.getLong(4) / 1000 + " | " + sortedTags(rs.getString(5)) + " | " + rs.getString(6))
			.list());
	}

	static String sortedTags(String tags) {
		return tags == null ? ""
				: Arrays.stream(tags.split(","))
					.map(String::strip)
					.filter(t -> !t.isEmpty())
					.sorted()
					.collect(Collectors.joining(","));
	}

	/** The text readers see, whitespace normalised. */
	static Set<String> bodies(JdbcClient jdbc) {
		return new TreeSet<>(jdbc.sql("SELECT title, body_html FROM articles WHERE status = 'published'")
			.query((rs, n) -> rs.getString(1) + " | "
					+ Jsoup.parse(rs.getString(2)).text().replaceAll("\\s+", " ").strip())
			.list());
	}

	static Set<String> markdown(JdbcClient jdbc) {
		return new TreeSet<>(jdbc.sql("SELECT title, body_markdown FROM articles")
			.query((rs, n) -> rs.getString(1) + " | "
					+ rs.getString(2).replaceAll("/media/[0-9a-f]{64}/", "/media/SHA/"))
			.list());
	}

	static Set<String> channels(JdbcClient jdbc) {
		return new TreeSet<>(
				jdbc.sql("SELECT DISTINCT ch.slug, ch.name FROM channels ch JOIN articles a ON a.channel_id = ch.id")
					.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
					.list());
	}

	static Set<String> creators(JdbcClient jdbc) {
		return new TreeSet<>(jdbc
			.sql("SELECT DISTINCT c.handle, c.display_name FROM creators c JOIN articles a ON a.creator_id = c.id")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list());
	}

	static List<String> comments(JdbcClient jdbc) {
		return jdbc
			.sql("""
					SELECT a.title, c.author_name, c.body, c.created_at, p.body FROM comments c JOIN articles a ON a.id = c.article_id
					LEFT JOIN comments p ON p.id = c.parent_id
					WHERE c.status = 'visible' AND a.status = 'published'""")
			.query((rs, n) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
					+ rs.getLong(4) / 1000 + " | reply to: " + rs.getString(5))
			.list()
			.stream()
			.sorted()
			.toList();
	}

	static Set<String> drafts(JdbcClient jdbc) {
		return new TreeSet<>(jdbc.sql("SELECT title, status, publish_at FROM articles WHERE status <> 'published'")
			.query((rs, n) -> rs.getString(1) + " " + (rs.getObject(3) != null ? "scheduled" : rs.getString(2)))
			.list());
	}

	static Set<String> pages(JdbcClient jdbc) {
		return new TreeSet<>(jdbc.sql("SELECT path, title FROM static_pages")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list());
	}

	static Set<String> imagesOf(JdbcClient jdbc, String sql) {
		Set<String> shas = new TreeSet<>();
		Pattern media = Pattern.compile("/media/([0-9a-f]{64})/");
		for (String text : jdbc.sql(sql).query(String.class).list()) {
			Matcher m = media.matcher(text);
			while (m.find()) {
				shas.add(m.group(1));
			}
		}
		return shas;
	}

}
