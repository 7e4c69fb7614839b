package io.inkstone.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.inkstone.InkstoneApplication;
import io.inkstone.support.Browser;
import io.inkstone.support.TestImages;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A WordPress export (src/test/resources/wxr, modelled on what WordPress 6.x's Tools ›
 * Export writes) imported with
 * {@code java -jar inkstone.jar import export.xml --uploads DIR --channel-map FILE} into
 * the database the running site serves, then read as a reader reads it: counts by type
 * and status, the article pages (bodies, figures, rewritten images, comments without
 * e-mail or IP, hostile markup inert), old addresses redirecting, static pages, and a
 * second import adding nothing. A malformed export is reported with its position and
 * writes nothing. Runs once per database (see the subclasses).
 */
abstract class WxrImportContract {

	static final String SITE = "wxr:old.example.com:";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	record Run(int exitCode, String output) {
	}

	/** Per subclass: the command's runs (malformed first, then the export twice). */
	private static final Map<Class<?>, List<Run>> RUNS = new ConcurrentHashMap<>();

	/**
	 * The arguments that point the command at this test's data directory and database.
	 */
	abstract List<String> siteArguments();

	static Run importCommand(List<String> args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int code = InkstoneApplication.runImport(args.toArray(String[]::new));
			return new Run(code, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	static Path resource(String name, Path dir) throws IOException {
		Path file = dir.resolve(name);
		try (InputStream in = WxrImportContract.class.getResourceAsStream("/wxr/" + name)) {
			Files.copy(in, file);
		}
		return file;
	}

	@BeforeEach
	void importOnce() throws IOException {
		if (RUNS.containsKey(getClass())) {
			return;
		}
		Path work = Files.createTempDirectory("wxr-");
		Path uploads = Files.createDirectories(work.resolve("uploads/2024/05"));
		Files.write(uploads.resolve("harbour.jpg"), TestImages.encode(TestImages.picture(640, 427), "jpg"));
		Files.write(uploads.resolve("report.pdf"), "%PDF-1.4 not an image".getBytes(StandardCharsets.US_ASCII));
		Path channelMap = work.resolve("channels.txt");
		Files.writeString(channelMap, "# WordPress category = Inkstone channel\nuncategorized = 要闻\n");
		List<Run> runs = new ArrayList<>();
		List<String> malformed = new ArrayList<>(siteArguments());
		malformed.add(resource("malformed-export.xml", work).toString());
		runs.add(importCommand(malformed));
		List<String> args = new ArrayList<>(siteArguments());
		args.add(resource("site-export.xml", work).toString());
		args.add("--uploads");
		args.add(work.resolve("uploads").toString());
		args.add("--channel-map=" + channelMap);
		runs.add(importCommand(args));
		runs.add(importCommand(args));
		RUNS.put(getClass(), runs);
	}

	Run run(int n) {
		return RUNS.get(getClass()).get(n);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	long articleId(long wpId) {
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:" + wpId)
			.query(Long.class)
			.single();
	}

	String status(long wpId) {
		return jdbc.sql("SELECT status FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:" + wpId)
			.query(String.class)
			.single();
	}

	Browser browser() {
		return new Browser(port);
	}

	@Test
	void aStickyPostIsRecordedOnceAndCounted() {
		assertThat(run(1).output()).contains("posts → sticky on WordPress (recorded, not pinned here): 1");
		assertThat(jdbc.sql("SELECT article_id FROM import_sticky_posts").query(Long.class).list())
			.containsExactly(articleId(101));
	}

	@Test
	void aMalformedExportIsReportedWithItsPositionAndWritesNothing() {
		Run malformed = run(0);
		assertThat(malformed.exitCode()).as(malformed.output()).isEqualTo(ImportCommand.REJECTED_LINES);
		assertThat(malformed.output()).contains("Imported: 0, skipped as duplicate: 0, rejected: 1")
			.contains("rejected line 478: malformed WordPress export (WXR)")
			.contains("nothing was imported");
		// the first run wrote nothing: the creators and articles come from the second run
		// only
		assertThat(run(1).output()).contains("authors → creators: 2");
	}

	@Test
	void importsByTypeAndStatusAsAWordPressUserExpects() {
		Run first = run(1);
		assertThat(first.exitCode()).as(first.output()).isEqualTo(ImportCommand.CLEAN);
		assertThat(first.output()).contains("Imported: 10, skipped as duplicate: 0, rejected: 0")
			.contains("posts → public: 3")
			.contains("posts → drafts (draft): 1")
			.contains("posts → drafts (pending): 1")
			.contains("posts → drafts (private): 1")
			.contains("posts → drafts (password-protected): 1")
			.contains("posts → scheduled: 1")
			.contains("pages → static pages: 2")
			.contains("comments → published: 3")
			.contains("attachments → media library: 1")
			.contains("authors → creators: 2")
			.contains("skipped post 108 «删掉的文章»: status trash")
			.contains("skipped page 112")
			.contains("skipped item 301 (nav_menu_item)")
			.contains("skipped attachment 202 (2024/05/missing-photo.jpg): file not found in --uploads")
			.contains("skipped attachment 203 (2024/05/report.pdf): not an image")
			.contains("skipped comment 14 on post 101: not approved")
			.contains("skipped comment 15 on post 101: spam")
			.contains("skipped comment 16 on post 101: a pingback");
		assertThat(count("SELECT COUNT(*) FROM articles WHERE import_key LIKE 'wxr:%'")).isEqualTo(8);
		assertThat(status(101)).isEqualTo("published");
		assertThat(status(103)).isEqualTo("draft");
		assertThat(status(104)).isEqualTo("draft");
		assertThat(status(105)).isEqualTo("draft");
		assertThat(status(106)).isEqualTo("draft");
		assertThat(status(107)).isEqualTo("draft");
		assertThat(count(
				"SELECT COUNT(*) FROM articles WHERE import_key = '" + SITE + "post:107' AND publish_at IS NOT NULL"))
			.isEqualTo(1);
		assertThat(count(
				"SELECT COUNT(*) FROM articles WHERE import_key = '" + SITE + "post:105' AND summary LIKE '%私密%'"))
			.isEqualTo(1);
		// categories: matched by slug (military → 军事), by name (科技 → tech), created
		// (港口生活), mapped (uncategorized → 要闻)
		assertThat(
				jdbc.sql("SELECT c.slug FROM articles a JOIN channels c ON c.id = a.channel_id WHERE a.import_key = :k")
					.param("k", SITE + "post:101")
					.query(String.class)
					.single())
			.isEqualTo("military");
		assertThat(
				jdbc.sql("SELECT c.slug FROM articles a JOIN channels c ON c.id = a.channel_id WHERE a.import_key = :k")
					.param("k", SITE + "post:102")
					.query(String.class)
					.single())
			.isEqualTo("tech");
		assertThat(
				jdbc.sql("SELECT c.name FROM articles a JOIN channels c ON c.id = a.channel_id WHERE a.import_key = :k")
					.param("k", SITE + "post:109")
					.query(String.class)
					.single())
			.isEqualTo("港口生活");
		assertThat(
				jdbc.sql("SELECT c.slug FROM articles a JOIN channels c ON c.id = a.channel_id WHERE a.import_key = :k")
					.param("k", SITE + "post:104")
					.query(String.class)
					.single())
			.isEqualTo("yaowen");
		assertThat(count("SELECT COUNT(*) FROM creators WHERE handle = 'laowang' AND display_name = '老王'"))
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT tags FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:101")
			.query(String.class)
			.single()).isEqualTo("夜景,港口");
		// the excerpt is the summary; the featured image the cover, in the media library
		assertThat(jdbc.sql("SELECT summary FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:101")
			.query(String.class)
			.single()).isEqualTo("港口的夜晚与灯火。");
		assertThat(jdbc.sql("SELECT cover_image FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:101")
			.query(String.class)
			.single()).startsWith("/media/");
		// WordPress' own dates
		assertThat(jdbc.sql("SELECT published_at FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:101")
			.query(Long.class)
			.single()).isEqualTo(Instant.parse("2024-05-01T12:30:00Z").toEpochMilli());
	}

	@Test
	void theArticlePageShowsTheBodyFigureImagesAndCommentsWithoutPrivateData() {
		HttpResponse<String> response = browser().get("/articles/" + articleId(101));
		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		Element body = page.selectFirst(".article-body");
		assertThat(body).isNotNull();
		assertThat(body.select("strong").text()).isEqualTo("货轮");
		assertThat(body.select("figure figcaption").text()).isEqualTo("五月的港口，摄影：老王");
		assertThat(body.select("figure img").attr("src")).startsWith("/media/").endsWith("/full.jpg");
		assertThat(body.select("a:contains(这里)").attr("href")).startsWith("/media/");
		assertThat(body.select("h2").text()).isEqualTo("灯火背后");
		assertThat(body.select("li")).hasSize(2);
		assertThat(body.html()).doesNotContain("more").doesNotContain("caption]");
		assertThat(body.select("br")).isNotEmpty(); // 码头工人说：⏎第一班在六点 …
		assertThat(response.body()).contains("张读者")
			.contains("谢谢！")
			.contains("回复 @老王：同感，夜景最美。")
			.doesNotContain("zhang-private")
			.doesNotContain("203.0.113.77")
			.doesNotContain("laowang-secret")
			.doesNotContain("198.51.100.12")
			.doesNotContain("这条还没审核")
			.doesNotContain("buy now");
		assertThat(page.select("script:containsData(alert('c'))")).isEmpty();
		assertThat(count(
				"SELECT COUNT(*) FROM comments WHERE article_id = " + articleId(101) + " AND parent_id IS NOT NULL"))
			.isEqualTo(2);
	}

	@Test
	void hostileMarkupIsInertOnTheArticlePage() {
		HttpResponse<String> response = browser().get("/articles/" + articleId(102));
		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		Element body = page.selectFirst(".article-body");
		assertThat(body.select("script, iframe, [onerror], [onclick], a[href^=javascript]")).isEmpty();
		assertThat(body.html()).doesNotContain("evil.example").doesNotContain("document.cookie");
		assertThat(body.select("code").text()).isEqualTo("if (a ]]> b)");
		assertThat(body.select("h3").text()).isEqualTo("测试结果");
		assertThat(body.select("table td").eachText()).containsExactly("距离", "300 公里");
		assertThat(body.select("blockquote").text()).isEqualTo("雷达看得更远。");
		// the gallery: the imported image (a size variant) rewritten, the missing one
		// keeps its original address
		assertThat(body.select("figure img").eachAttr("src")).anyMatch(src -> src.startsWith("/media/"))
			.anyMatch(src -> src.equals("https://old.example.com/wp-content/uploads/2024/05/missing-photo.jpg"));
		assertThat(page.select("h1").text()).contains("新型雷达 & 无人机测试");
		// the [gallery] shortcode of a classic post becomes an image grid
		Document gallery = Jsoup.parse(browser().get("/articles/" + articleId(109)).body());
		// (attachment 202 is missing from --uploads: it keeps its original link)
		assertThat(gallery.select(".article-body figure img").eachAttr("src")).hasSize(2)
			.anyMatch(src -> src.startsWith("/media/"))
			.contains("https://old.example.com/wp-content/uploads/2024/05/missing-photo.jpg");
	}

	@Test
	void oldAddressesAnswerPermanentRedirects() {
		String article = "/articles/" + articleId(101);
		assertThat(redirect("/?p=101")).isEqualTo(article);
		assertThat(redirect("/2024/05/%e6%b8%af%e5%8f%a3%e5%a4%9c%e6%99%af/")).isEqualTo(article);
		assertThat(redirect("/2024/05/%E6%B8%AF%E5%8F%A3%E5%A4%9C%E6%99%AF")).isEqualTo(article);
		assertThat(redirect("/old-harbour/")).isEqualTo(article);
		assertThat(redirect("/2024/05/01/old-harbour/")).isEqualTo(article);
		assertThat(redirect("/2024/05/radar-test/")).isEqualTo("/articles/" + articleId(102));
		assertThat(redirect("/?page_id=110")).isEqualTo("/pages/about");
		assertThat(redirect("/about/%e5%9b%a2%e9%98%9f/")).isEqualTo("/pages/about/%E5%9B%A2%E9%98%9F");
		assertThat(browser().get("/nothing-here/").statusCode()).isEqualTo(404);
		assertThat(browser().get("/?p=999").statusCode()).isEqualTo(200); // the home
																			// page, no
																			// redirect
		// pages → static pages with their parent path
		Document team = browser().page("/pages/about/%E5%9B%A2%E9%98%9F").html();
		assertThat(team.select("h1#page-title").text()).isEqualTo("编辑团队");
		assertThat(team.select("[data-testid=static-page-body] p")).hasSize(2);
		assertThat(browser().page("/pages/about").html().select("h1#page-title").text()).isEqualTo("关于我们");
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping routes;

	/**
	 * A WordPress post or page whose slug is one of Inkstone's own first path segments
	 * ({@code /hot/}, {@code /history/}, {@code /messages/} …) must not take that page
	 * over with a permanent redirect: every first segment of the site's routes is
	 * reserved, so the import never records it and a row the table holds anyway (an
	 * import made before the route existed) is passed to the page the site serves.
	 */
	@Test
	void anOldAddressNeverTakesOverOneOfInkstonesOwnPages() {
		Set<String> served = new TreeSet<>();
		routes.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			String first = pattern.replaceFirst("^/", "").replaceFirst("/.*$", "");
			if (!first.isEmpty() && !first.startsWith("{")) {
				served.add(first.toLowerCase(Locale.ROOT));
			}
		}));
		assertThat(served).contains("hot", "history", "messages", "articles");
		assertThat(LegacyPaths.RESERVED).containsAll(served);

		String target = "/articles/" + articleId(101);
		for (String path : List.of("/hot", "/history", "/messages", "/saved")) {
			jdbc.sql("INSERT INTO legacy_paths (path, target, created_at) VALUES (:path, :target, 0)"
					+ " ON CONFLICT (path) DO NOTHING")
				.param("path", path)
				.param("target", target)
				.update();
		}
		assertThat(browser().get("/hot").statusCode()).isEqualTo(200);
		for (String path : List.of("/hot/", "/history", "/messages", "/saved")) {
			HttpResponse<String> response = browser().get(path);
			assertThat(response.statusCode()).as(path).isNotEqualTo(301);
			assertThat(response.headers().firstValue("Location").orElse("")).as(path).doesNotContain(target);
		}
		// WordPress' own addresses still move
		assertThat(redirect("/?p=101")).isEqualTo(target);
		assertThat(redirect("/old-harbour/")).isEqualTo(target);
	}

	static final String ADMIN_EMAIL = "wxr-admin@inkstone.test";

	static final String ADMIN_PASSWORD = "admin-password-1";

	static void adminProperties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.admin.email", () -> ADMIN_EMAIL);
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
	}

	@Test
	void anAdminUploadsAnExportAndWatchesItImportWithTheSameSummary() throws IOException {
		Browser admin = browser();
		admin.page("/login");
		assertThat(admin
			.post("/login", Map.of("_csrf", admin.csrfToken(), "email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
			.headers()
			.firstValue("Location")
			.orElse("")).doesNotContain("error");
		assertThat(admin.page("/admin/import").html().select("[data-testid=import-form] input[type=file]")).hasSize(1);
		byte[] xml;
		try (InputStream in = WxrImportContract.class.getResourceAsStream("/wxr/site-export.xml")) {
			xml = in.readAllBytes();
		}
		HttpResponse<String> notXml = admin.postMultipart("/admin/import", Map.of("_csrf", admin.csrfToken()), "file",
				"x.xml", "text/xml", "{\"json\": true}".getBytes(StandardCharsets.UTF_8), "text/html");
		assertThat(notXml.statusCode()).isEqualTo(400);
		assertThat(notXml.body()).contains("data-testid=\"import-error\"");
		HttpResponse<String> started = admin.postMultipart("/admin/import", Map.of("_csrf", admin.csrfToken()), "file",
				"site-export.xml", "text/xml", xml, "text/html");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		String job = started.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.until(() -> admin.get(job + "/status").body().contains("\"state\":\"done\""));
		Document page = admin.page(job).html();
		assertThat(page.select("[data-testid=import-progress]").attr("value")).isEqualTo("100");
		// the summary in the page's language, naming what was already there
		assertThat(page.select("[data-testid=import-summary]").text()).contains("已导入：0，已存在而跳过：10，拒绝：0")
			.contains("已导入过 post 101")
			.doesNotContain("Imported:");
		assertThat(admin.page(job + "?lang=en").html().select("[data-testid=import-summary]").text())
			.contains("Imported: 0, skipped as duplicate: 10, rejected: 0");
		assertThat(admin.page("/admin/import").html().select("[data-testid=import-jobs] li")).isNotEmpty();
		// readers and anonymous visitors cannot import
		Browser reader = browser();
		assertThat(reader.get("/admin/import").statusCode()).isEqualTo(302);
		assertThat(count("SELECT COUNT(*) FROM articles WHERE import_key LIKE 'wxr:%'")).isEqualTo(8);
	}

	String redirect(String path) {
		HttpResponse<String> response = browser().get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(301);
		return response.headers().firstValue("Location").orElseThrow();
	}

	@Test
	void importingAgainAddsNothing() {
		Run second = run(2);
		assertThat(second.exitCode()).as(second.output()).isEqualTo(ImportCommand.CLEAN);
		assertThat(second.output()).contains("Imported: 0, skipped as duplicate: 10, rejected: 0")
			.contains("attachments → already imported: 1")
			.doesNotContain("comments → published")
			.doesNotContain("authors → creators");
		assertThat(count("SELECT COUNT(*) FROM articles WHERE import_key LIKE 'wxr:%'")).isEqualTo(8);
		assertThat(count("SELECT COUNT(*) FROM static_pages WHERE import_key LIKE 'wxr:%'")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM comments WHERE author_name IN ('张读者', '老王', '赵路人')")).isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM media")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM creators WHERE handle IN ('laowang', 'editor-li')")).isEqualTo(2);
	}

}
