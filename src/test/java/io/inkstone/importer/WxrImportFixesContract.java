package io.inkstone.importer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.inkstone.support.Browser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fresh-eyes review of the WordPress and JSON Lines imports found
 * (src/test/resources/wxr/fix15-export.xml, imported without uploads and without
 * fetching, as {@code /admin/import} does when fetching is off): imported old addresses
 * never take the site's own pages, the old address of a post that is not public answers
 * 404, an unknown Chinese channel or category name becomes a pinyin slug, a malformed
 * item is reported with its position and not published as "now", a gallery of images that
 * were not imported keeps their original links, the summary names duplicates and the post
 * that lost a contested old address, and an import interrupted by a restart says so. Runs
 * once per database (see the subclasses).
 */
abstract class WxrImportFixesContract {

	static final String SITE = "wxr:fix.example.com:";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	/** Per subclass: the WXR import twice, then the JSON Lines import. */
	private static final Map<Class<?>, List<WxrImportContract.Run>> RUNS = new ConcurrentHashMap<>();

	abstract List<String> siteArguments();

	@BeforeEach
	void importOnce() throws IOException {
		if (RUNS.containsKey(getClass())) {
			return;
		}
		Path work = Files.createTempDirectory("wxr-fix15-");
		List<WxrImportContract.Run> runs = new ArrayList<>();
		List<String> args = new ArrayList<>(siteArguments());
		args.add(WxrImportContract.resource("fix15-export.xml", work).toString());
		args.add("--no-fetch");
		runs.add(WxrImportContract.importCommand(args));
		runs.add(WxrImportContract.importCommand(args));
		Path lines = work.resolve("channels.jsonl");
		Files.writeString(lines, String.join("\n",
				"{\"id\": \"f1\", \"creator\": \"wangwu\", \"channel\": \"天文\", \"title\": \"新频道\", \"body_markdown\": \"正文一\", \"published_at\": \"2024-05-14T09:21:07+08:00\"}",
				"{\"id\": \"f2\", \"creator\": \"wangwu\", \"channel\": \"田文\", \"title\": \"同音的频道\", \"body_markdown\": \"正文二\", \"published_at\": \"2024-05-14T09:21:07+08:00\"}",
				"{\"id\": \"f3\", \"creator\": \"wangwu\", \"channel\": \"Military\", \"title\": \"英文名\", \"body_markdown\": \"正文三\", \"published_at\": \"2024-05-14T09:21:07+08:00\"}",
				"{\"id\": \"f4\", \"creator\": \"wangwu\", \"channel\": \"<script>x</script>\", \"title\": \"坏频道\", \"body_markdown\": \"正文四\", \"published_at\": \"2024-05-14T09:21:07+08:00\"}",
				"{\"id\": \"f5\", \"creator\": \"wangwu\", \"channel\": \"天文\", \"title\": \"又一篇\", \"body_markdown\": \"正文五\", \"published_at\": \"2024-05-14T09:21:07+08:00\"}",
				""), StandardCharsets.UTF_8);
		List<String> jsonl = new ArrayList<>(siteArguments());
		jsonl.add(lines.toString());
		runs.add(WxrImportContract.importCommand(jsonl));
		RUNS.put(getClass(), runs);
	}

	WxrImportContract.Run run(int n) {
		return RUNS.get(getClass()).get(n);
	}

	long articleId(long wpId) {
		return jdbc.sql("SELECT id FROM articles WHERE import_key = :k")
			.param("k", SITE + "post:" + wpId)
			.query(Long.class)
			.single();
	}

	String channelOf(String importKey) {
		return jdbc.sql("SELECT c.slug FROM articles a JOIN channels c ON c.id = a.channel_id WHERE a.import_key = :k")
			.param("k", importKey)
			.query(String.class)
			.single();
	}

	Browser browser() {
		return new Browser(port);
	}

	@Test
	void importedOldAddressesNeverTakeTheSitesOwnPages() {
		Browser reader = browser();
		for (String path : List.of("/hot", "/hot/", "/search", "/search/", "/login", "/channels", "/feed.xml")) {
			HttpResponse<String> response = reader.get(path);
			assertThat(response.statusCode()).as(path).isNotEqualTo(301);
			assertThat(response.headers().firstValue("Location").orElse("")).as(path).doesNotContain("/articles/");
		}
		assertThat(reader.get("/hot").statusCode()).isEqualTo(200);
		// the summary says which old addresses were kept out
		assertThat(run(0).output())
			.contains("old address /hot of post 201 «热门菜谱»: the site answers this address itself")
			.contains("old address /search of post 202")
			.contains("old address /login of post 203")
			.contains("old address /channels of post 204")
			.contains("old address /feed.xml of post 205");
		// the post keeps its other old addresses
		assertThat(reader.get("/?p=201").headers().firstValue("Location")).hasValue("/articles/" + articleId(201));
	}

	@Test
	void everyOwnRouteIsReservedAtImportTime() {
		List<String> missing = new ArrayList<>();
		mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			String first = pattern.replaceFirst("^/", "").replaceFirst("/.*$", "");
			if (!first.isEmpty() && !first.startsWith("{") && !LegacyPaths.reserved("/" + first)) {
				missing.add(pattern);
			}
		}));
		assertThat(missing).isEmpty();
	}

	@Test
	void theOldAddressOfAPostThatIsNotPublicAnswers404() {
		Browser reader = browser();
		for (String path : List.of("/?p=206", "/secret-post/", "/?p=207", "/draft-post/", "/?p=208", "/later-post/")) {
			HttpResponse<String> response = reader.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
			assertThat(response.body()).as(path)
				.doesNotContain("/articles/" + articleId(206))
				.doesNotContain("/articles/" + articleId(207))
				.doesNotContain("/articles/" + articleId(208));
		}
	}

	@Test
	void aChineseCategoryWithoutASlugBecomesAPinyinChannel() {
		assertThat(channelOf(SITE + "post:201")).isEqualTo("meishi");
		// 煤市 reads meishi too: the second one is numbered
		assertThat(channelOf(SITE + "post:214")).isEqualTo("meishi-2");
		assertThat(jdbc.sql("SELECT name FROM channels WHERE slug = 'meishi-2'").query(String.class).single())
			.isEqualTo("煤市");
	}

	@Test
	void anUnknownChineseChannelNameInJsonLinesCreatesAPinyinChannel() {
		WxrImportContract.Run lines = run(2);
		assertThat(lines.output()).contains("Imported: 4, skipped as duplicate: 0, rejected: 1")
			.contains("line 4: invalid channel slug and no channel of that name");
		assertThat(lines.exitCode()).isEqualTo(ImportCommand.REJECTED_LINES);
		assertThat(channelOf("id:f1")).isEqualTo("tianwen");
		assertThat(channelOf("id:f5")).isEqualTo("tianwen");
		assertThat(channelOf("id:f2")).isEqualTo("tianwen-2");
		assertThat(channelOf("id:f3")).isEqualTo("military");
		assertThat(jdbc.sql("SELECT name FROM channels WHERE slug = 'tianwen'").query(String.class).single())
			.isEqualTo("天文");
	}

	@Test
	void aMalformedItemIsReportedWithItsPositionAndNotPublished() {
		WxrImportContract.Run first = run(0);
		assertThat(first.exitCode()).as(first.output()).isEqualTo(ImportCommand.REJECTED_LINES);
		assertThat(first.output()).contains("item 13 of the file (post «坏编号»): wp:post_id is missing or not a number")
			.contains("item 14 of the file (post «坏日期»): wp:post_date is not a date: not-a-date")
			.containsPattern("rejected line \\d+: item 13 of the file");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM articles WHERE title IN ('坏编号', '坏日期')").query(Long.class).single())
			.isZero();
	}

	@Test
	void aGalleryOfImagesThatWereNotImportedKeepsTheirOriginalLinks() {
		Document page = Jsoup.parse(browser().get("/articles/" + articleId(201)).body());
		assertThat(page.select(".article-body figure img").eachAttr("src")).containsExactly(
				"https://fix.example.com/wp-content/uploads/2024/05/one.jpg",
				"https://fix.example.com/wp-content/uploads/2024/05/two.jpg");
	}

	@Test
	void theSummaryNamesDuplicatesAndTheLoserOfAContestedAddress() {
		assertThat(run(0).output())
			.contains("old address /same-path of post 211 «后到的»: already held by post 210 «先来的» (the first wins)");
		assertThat(browser().get("/same-path/").headers().firstValue("Location"))
			.hasValue("/articles/" + articleId(210));
		assertThat(run(1).output()).contains("already imported post 201 «热门菜谱»")
			.contains("already imported post 210 «先来的»");
	}

	@Test
	void anImportInterruptedByARestartSaysHowFarItCame() {
		long id = 987654321L;
		jdbc.sql("INSERT INTO import_jobs (id, file_name, state, done, total, summary, created_at, updated_at)"
				+ " VALUES (:id, 'big.xml', 'running', 12, 100, '', 1000, 1000)")
			.param("id", id)
			.update();
		Browser admin = browser();
		admin.page("/login");
		assertThat(admin.post("/login",
				Map.of("_csrf", admin.csrfToken(), "email", WxrImportContract.ADMIN_EMAIL, "password",
						WxrImportContract.ADMIN_PASSWORD))
			.headers()
			.firstValue("Location")
			.orElse("")).doesNotContain("error");
		Browser.Page job = admin.page("/admin/import/" + id);
		assertThat(job.status()).isEqualTo(200);
		assertThat(job.html().select("[data-testid=import-interrupted]").text()).contains("12 / 100")
			.contains("再次上传同一文件");
		assertThat(job.html().select("[data-testid=import-state]").text()).isEqualTo("已中断");
		assertThat(admin.get("/admin/import/" + id + "/status").body()).contains("\"state\":\"interrupted\"");
		assertThat(admin.page("/admin/import").html().select("[data-testid=import-jobs] li").text()).contains("big.xml")
			.contains("12 / 100");
		assertThat(
				admin.page("/admin/import/" + id + "?lang=en").html().select("[data-testid=import-interrupted]").text())
			.contains("interrupted at item 12 of 100");
	}

}
