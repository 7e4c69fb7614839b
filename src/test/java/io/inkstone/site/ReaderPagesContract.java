package io.inkstone.site;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inkstone.articles.Articles;
import io.inkstone.engagement.Engagement;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.importer.ImportReport;
import io.inkstone.support.Browser;
import io.inkstone.support.Fixtures;
import io.inkstone.support.Seed;
import io.inkstone.support.SignedInRoles;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Draft;
import io.inkstone.discovery.CoReads;
import io.inkstone.discovery.HotList;
import io.inkstone.discovery.SearchIndexBuilds;
import org.springframework.context.ApplicationContext;
import io.inkstone.shared.PlatformDays;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.awaitility.core.ConditionTimeoutException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The reader experience over real HTTP, asserted on parsed HTML. Runs once per database
 * (see the SQLite and PostgreSQL subclasses), on the public-domain fixture.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ReaderPagesContract {

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	Articles articles;

	@Autowired
	Engagement engagement;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HotList hot;

	@Autowired
	CoReads coReads;

	@Autowired
	ApplicationContext context;

	long channelId(String slug) {
		return jdbc.sql("SELECT id FROM channels WHERE slug = :slug").param("slug", slug).query(Long.class).single();
	}

	static void waitUntil(BooleanSupplier condition) {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
	}

	private static final Map<Class<?>, Boolean> imported = new ConcurrentHashMap<>();

	@BeforeEach
	void importFixtureOnce() throws IOException {
		if (imported.putIfAbsent(getClass(), true) == null) {
			ImportReport report = importer.importLines(Fixtures.open(Fixtures.CLASSICS), null);
			assertThat(report.imported()).isEqualTo(240);
			assertThat(report.rejected()).isZero();
			waitUntil(() -> hot.site(5).size() == 5 && hot.channel(channelId("ci"), 1, Set.of()).size() == 1);
		}
	}

	Browser browser() {
		return new Browser(port);
	}

	Seed seed() {
		return new Seed(importer, jdbc);
	}

	long anyArticleId(String channelSlug) {
		return jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = :slug"
					+ " AND a.status = 'published' ORDER BY a.id LIMIT 1")
			.param("slug", channelSlug)
			.query(Long.class)
			.single();
	}

	/**
	 * Waits for the search index to catch up (it follows the change feed every half
	 * second).
	 */
	Browser.Page articlePageWithRelated(Browser browser, long id) {
		try {
			return await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> browser.page("/articles/" + id), page -> !page.testId("related").select("li").isEmpty());
		}
		catch (ConditionTimeoutException ex) {
			return browser.page("/articles/" + id); // the caller's assertions say what is
													// missing
		}
	}

	@Test
	void articlePageShowsEverySectionOfTheReferencePage() {
		long id = anyArticleId("poetry-tang");
		Browser.Page page = articlePageWithRelated(browser(), id);
		assertThat(page.status()).isEqualTo(200);
		for (String section : List.of("breadcrumb", "join-link", "title", "byline", "share", "body", "disclaimer",
				"related", "hot", "creator-card", "channel-headlines", "mode-switch")) {
			assertThat(page.html().select("[data-testid=" + section + "]")).as(section).hasSize(1);
		}
		Element breadcrumb = page.testId("breadcrumb");
		assertThat(breadcrumb.select("li").eachText()).containsExactly("首页", "唐诗", "正文");
		assertThat(page.testId("join-link").text()).isEqualTo("申请入驻");
		assertThat(page.testId("title").text()).isNotBlank();
		assertThat(page.testId("byline").select("a[href^=/creators/]")).hasSize(1);
		assertThat(page.testId("byline").select("time[datetime]")).hasSize(1);
		assertThat(page.testId("disclaimer").text()).contains("仅提供信息存储服务");
		assertThat(page.testId("mode-switch").text()).contains("无障碍").contains("进入关怀版");
		// no inline executable script (CSP script-src self); the JSON-LD data block is
		// not executed
		assertThat(page.html().select("script:not([src]):not([type=application/ld+json])")).isEmpty();
		assertThat(page.testId("json-ld").data()).contains("\"@type\":\"NewsArticle\"").doesNotContain("AIGC");
		assertThat(page.html().select("meta[name=AIGC]").attr("content")).isEqualTo("none");
	}

	@Test
	void relatedArticlesAreSimilarOthersNeverTheArticleItself() {
		long id = anyArticleId("ci");
		Browser.Page page = articlePageWithRelated(browser(), id);
		List<Long> related = ids(page.testId("related").select("a[href^=/articles/]"));
		assertThat(related).hasSizeGreaterThanOrEqualTo(5).doesNotContain(id).doesNotHaveDuplicates();
		// at most two from the same creator
		List<String> creators = page.testId("related").select(".card-meta a[href^=/creators/]").eachAttr("href");
		assertThat(creators.stream().distinct().allMatch(c -> Collections.frequency(creators, c) <= 2)).isTrue();
	}

	@Test
	void hotListHasTitleCreatorAndTimeNeverTheCurrentArticleNeverTwice() {
		long id = anyArticleId("qu");
		Browser.Page page = browser().page("/articles/" + id);
		Element hot = page.testId("hot");
		List<Element> items = hot.select("li");
		assertThat(items).isNotEmpty();
		for (Element item : items) {
			assertThat(item.select("a.hot-title").text()).isNotBlank();
			assertThat(item.select("a[href^=/creators/]").text()).isNotBlank();
			assertThat(item.select("time[datetime]")).hasSize(1);
		}
		List<Long> hotIds = ids(hot.select("a.hot-title"));
		assertThat(hotIds).doesNotContain(id).doesNotHaveDuplicates();
	}

	@Test
	void channelHeadlinesNeverRepeatAnArticleAndShowNoEmptyChannel() {
		Browser.Page page = browser().page("/articles/" + anyArticleId("classics"));
		Element headlines = page.testId("channel-headlines");
		List<Long> ids = ids(headlines.select("a[data-article-id]"));
		assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
		List<String> blocks = headlines.select(".headline-block").eachAttr("data-channel");
		assertThat(blocks).contains("top", "poetry-tang", "ci", "classics").doesNotContain("military", "sports");
		for (Element block : headlines.select(".headline-block")) {
			assertThat(block.select("li")).isNotEmpty();
		}
		// navigation lists only channels with content
		List<String> nav = page.html().select("nav.channel-nav a[href^=/channels/]").eachAttr("href");
		assertThat(nav).contains("/channels/poetry-tang").doesNotContain("/channels/military");
	}

	@Test
	void creatorCardShowsTrueCountsRecentArticlesAndAllLink() {
		long id = anyArticleId("poetry-song");
		Browser.Page page = browser().page("/articles/" + id);
		Element card = page.testId("creator-card");
		String handle = card.selectFirst("a.creator-name").attr("href").substring("/creators/".length());
		long creatorId = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		long trueCount = jdbc.sql("SELECT COUNT(*) FROM articles WHERE creator_id = :c AND status = 'published'")
			.param("c", creatorId)
			.query(Long.class)
			.single();
		assertThat(Long.parseLong(card.selectFirst("[data-testid=article-count]").text())).isEqualTo(trueCount);
		assertThat(card.select("ul.recent li")).hasSizeBetween(1, 5);
		assertThat(card.selectFirst("[data-testid=creator-all]").attr("href")).isEqualTo("/creators/" + handle);
		assertThat(card.select("[data-testid=follow-button]")).hasSize(1);
	}

	@Test
	void followAndUnfollowChangeTheTrueFollowerCount() {
		Browser reader = browser();
		long id = anyArticleId("poetry-pre-tang");
		Browser.Page page = reader.page("/articles/" + id);
		Element form = page.testId("creator-card").selectFirst("form.follow-form");
		long before = Long.parseLong(page.testId("follower-count").text());
		HttpResponse<String> followed = reader.post(form.attr("action"),
				Map.of("_csrf", reader.csrfToken(), "back", "/articles/" + id));
		assertThat(followed.statusCode()).isEqualTo(302);
		// the shared page is the same for everyone: the count and this reader's state
		// come from the page's requests
		assertThat(followers(reader, id)).isEqualTo(before + 1);
		assertThat(reader.view(id).body()).contains("\"following\":true");
		// following twice does not count twice
		reader.post(form.attr("action"), Map.of("_csrf", reader.csrfToken()));
		assertThat(followers(reader, id)).isEqualTo(before + 1);
		// the 关注 feed lists that creator's articles
		assertThat(reader.page("/following").testId("following").select("a.card-title")).isNotEmpty();
		assertThat(reader.page("/following").html().select("a.card-title").eachAttr("href"))
			.contains("/articles/" + id);
		// a personal page (not the shared one) shows the state in the page itself
		Element unfollow = reader.page("/articles/" + id + "?from=feed")
			.testId("creator-card")
			.selectFirst("form.follow-form");
		assertThat(unfollow.attr("action")).endsWith("/unfollow");
		reader.post(unfollow.attr("action"), Map.of("_csrf", reader.csrfToken()));
		assertThat(followers(reader, id)).isEqualTo(before);
		assertThat(reader.view(id).body()).contains("\"following\":false");
		assertThat(reader.page("/following").html().select("[data-testid=following-empty]")).hasSize(1);
	}

	static long followers(Browser reader, long articleId) {
		String live = reader.get("/articles/" + articleId + "/live").body();
		return Long.parseLong(live.replaceAll(".*\"followers\":([0-9]+).*", "$1"));
	}

	@Test
	void writesWithoutCsrfTokenAreRefusedOrConfirmed() {
		Browser reader = browser();
		long id = anyArticleId("qu");
		reader.page("/articles/" + id);
		// a reader action from a shared page without scripts: one more click on a page
		// that carries a token
		long sharesBefore = engagement.counts(id).shares();
		HttpResponse<String> response = reader.post("/articles/" + id + "/share", Map.of());
		assertThat(response.statusCode()).isEqualTo(303);
		String confirm = response.headers().firstValue("Location").orElseThrow();
		assertThat(confirm).startsWith("/confirm?action=%2Farticles%2F" + id + "%2Fshare");
		assertThat(engagement.counts(id).shares()).isEqualTo(sharesBefore);
		Browser.Page page = reader.page(confirm);
		assertThat(page.status()).isEqualTo(200);
		String token = page.html().selectFirst("form[action=/articles/" + id + "/share] input[name=_csrf]").val();
		assertThat(token).isNotBlank();
		assertThat(reader.post("/articles/" + id + "/share", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
		assertThat(engagement.counts(id).shares()).isEqualTo(sharesBefore + 1);
		// anything else without a token is refused
		HttpResponse<String> refused = reader.post("/report", Map.of("type", "article", "id", Long.toString(id)));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("没有权限").doesNotContain("Exception");
		// the confirmation page offers only the reader actions, and only local way backs
		assertThat(reader.page("/confirm?action=/admin/staff").status()).isEqualTo(404);
		assertThat(reader.page("/confirm?action=/articles/" + id + "/like&back=//evil.example")
			.html()
			.select("a[href^=//]")).isEmpty();
	}

	@Test
	void shareCountsOncePerReaderAndDay() {
		long id = anyArticleId("classics");
		Browser first = browser();
		first.page("/articles/" + id);
		HttpResponse<String> shared = first.post("/articles/" + id + "/share", Map.of("_csrf", first.csrfToken()));
		assertThat(shared.statusCode()).isEqualTo(302);
		assertThat(shared.headers().firstValue("Location").orElseThrow()).contains("/articles/" + id + "?shared=1");
		first.post("/articles/" + id + "/share", Map.of("_csrf", first.csrfToken()));
		Browser second = browser();
		second.page("/articles/" + id);
		HttpResponse<String> json = second.post("/articles/" + id + "/share", Map.of("_csrf", second.csrfToken()),
				"application/json");
		assertThat(json.body()).contains("\"shares\":2").contains("\"counted\":true");
		Browser.Page page = first.page("/articles/" + id + "?shared=1");
		assertThat(page.testId("share-count").text()).isEqualTo("2 次分享");
		assertThat(page.testId("share-panel").hasAttr("hidden")).isFalse();
		assertThat(first.get("/articles/" + id + "/qr.svg").body()).startsWith("<svg");
	}

	/**
	 * Two anonymous readers of one article: the same bytes for both, no cookie, an ETag.
	 * The hot list moves every few seconds and purges the store: a re-render in between
	 * may show newer counts, so the pair is fetched again until it agrees.
	 */
	private List<HttpResponse<String>> twoAnonymousReads(long id) {
		Browser first = browser();
		Browser second = browser();
		HttpResponse<String> one = null;
		HttpResponse<String> two = null;
		for (int attempt = 0; attempt < 5 && (two == null || !two.body().equals(one.body())); attempt++) {
			one = first.get("/articles/" + id);
			two = second.get("/articles/" + id);
		}
		return List.of(one, two);
	}

	/**
	 * Asks for the page again with its ETag. The hot list reloads every 2 s and moves the
	 * page (a real change, answered 200 with a new ETag): then asks again with the new
	 * one, until the page holds still long enough to answer 304.
	 */
	static HttpResponse<String> revalidate(Browser reader, String path, String etag) {
		AtomicReference<String> current = new AtomicReference<>(etag);
		return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
			HttpResponse<String> response = reader.get(path, "If-None-Match", current.get());
			if (response.statusCode() == 200) {
				current.set(response.headers().firstValue("ETag").orElseThrow());
			}
			return response;
		}, response -> response.statusCode() == 304);
	}

	@Test
	void anonymousReadersShareOnePageWithoutCookiesOrTokens() {
		long id = anyArticleId("qu");
		List<HttpResponse<String>> pair = twoAnonymousReads(id);
		HttpResponse<String> one = pair.get(0);
		HttpResponse<String> two = pair.get(1);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(two.body()).isEqualTo(one.body());
		assertThat(one.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(two.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(one.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public").contains("s-maxage=");
		Document html = Jsoup.parse(one.body());
		assertThat(html.select("input[name=_csrf]")).allMatch(input -> input.val().isEmpty());
		assertThat(html.select("noscript img[src=/articles/" + id + "/view.gif]")).hasSize(1);
	}

	@Test
	void aSharedPageRevalidatesWithItsETag() {
		long id = anyArticleId("qu");
		List<HttpResponse<String>> pair = twoAnonymousReads(id);
		String etag = pair.get(0).headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"").isEqualTo(pair.get(1).headers().firstValue("ETag").orElseThrow());
		assertThat(revalidate(browser(), "/articles/" + id, etag).statusCode()).isEqualTo(304);
	}

	@Test
	void theBeaconCountsTheReadHandsOutATokenAndSaysWhatTheReaderHasDone() {
		long id = anyArticleId("qu");
		Browser first = browser();
		Browser second = browser();
		second.get("/articles/" + id);
		long before = engagement.counts(id).reads();
		HttpResponse<String> view = second.view(id);
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("\"counted\":true").contains("\"following\":false").contains("csrfToken");
		assertThat(view.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		assertThat(second.cookie("ink_rid")).isNotNull();
		assertThat(engagement.counts(id).reads()).isEqualTo(before + 1);
		// the live numbers: the same for everyone, cacheable for a second
		HttpResponse<String> live = first.get("/articles/" + id + "/live");
		assertThat(live.body()).contains("\"reads\":" + (before + 1));
		assertThat(live.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("max-age=1");
		assertThat(live.headers().allValues("Set-Cookie")).isEmpty();
		// the token the beacon handed out is accepted
		assertThat(second.post("/articles/" + id + "/share", Map.of("_csrf", second.csrfToken())).statusCode())
			.isEqualTo(302);
	}

	@Test
	void sharedPagesAreStoredGzippedBesideTheIdentityBytesWithTheirOwnValidator() {
		long id = anyArticleId("qu");
		Browser first = browser();
		String etag = twoAnonymousReads(id).get(0).headers().firstValue("ETag").orElseThrow();
		// counts may move in between: compare fresh bytes
		HttpResponse<byte[]> zipped = null;
		String identity = null;
		for (int attempt = 0; attempt < 5 && (zipped == null || !gunzip(zipped.body()).equals(identity)); attempt++) {
			identity = first.get("/articles/" + id).body();
			zipped = first.getBytes("/articles/" + id, "Accept-Encoding", "gzip");
		}
		assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gunzip(zipped.body())).isEqualTo(identity);
		// the gzip bytes have their own strong validator
		assertThat(zipped.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag).endsWith("-gz\"");
	}

	@Test
	void aBeaconOnAnotherSiteDoesNotCountAndABadLanguageCookieIsTheDefault() {
		long id = anyArticleId("qu");
		assertThat(browser().header("Sec-Fetch-Site", "cross-site").view(id).body()).contains("\"counted\":false");
		assertThat(browser().get("/", "Cookie", "ink_lang=%3Cscript%3E").statusCode()).isEqualTo(200);
	}

	@Test
	void aModeOrLanguageCookieThatIsNotExactlyOneKnownValueGetsTheDefaultPageNoCacheKeeps() {
		// nginx keys its micro-cache on the exact cookie values and the application
		// reads them the same way: a cookie the two could read differently yields a page
		// nobody stores
		for (String cookie : List.of("ink_mode =care", "ink_mode=care-a11y,x", "ink_mode=care; INK_MODE=a11y",
				"ink_mode=CARE", "ink_lang =en", "ink_lang=en,x", "ink_lang=en; ink_lang=zh-CN")) {
			HttpResponse<String> page = browser().get("/channels/qu", "Cookie", cookie);
			assertThat(page.statusCode()).as(cookie).isEqualTo(200);
			Document html = Jsoup.parse(page.body());
			assertThat(html.body().hasClass("mode-standard")).as(cookie).isTrue();
			assertThat(html.selectFirst("html").attr("lang")).as(cookie).startsWith("zh");
			assertThat(page.headers().allValues("Cache-Control")).as(cookie).containsExactly("private, no-store");
		}
		// the exact values stay shared
		HttpResponse<String> care = browser().get("/channels/qu", "Cookie", "theme=x; ink_mode=care");
		assertThat(Jsoup.parse(care.body()).body().hasClass("mode-care")).isTrue();
		assertThat(care.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
		HttpResponse<String> english = browser().get("/channels/qu", "Cookie", "ink_lang=en;ink_mode=a11y");
		Document englishHtml = Jsoup.parse(english.body());
		assertThat(englishHtml.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(englishHtml.body().hasClass("mode-a11y")).isTrue();
		assertThat(english.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
	}

	@Test
	void aCookieIsReadAsSentAfterTheSameConnectionCarriedItInAnotherCase() throws IOException {
		// nginx's kept-alive upstream connections carry every reader's requests: a header
		// must never be read as the one before it that differed only in case (Jetty's
		// header cache did, and ink_mode=care became the unclear INK_MODE=care)
		String request = "GET /channels/qu HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 InkstoneTest\r\n"
				+ "Cookie: %s\r\n%s\r\n";
		String answers = raw(request.formatted("INK_MODE=care", "") + request.formatted("ink_mode=care", "")
				+ request.formatted("ink_mode=care", "Connection: close\r\n"));
		List<String> responses = List.of(answers.split("(?=HTTP/1\\.1 )"));
		assertThat(responses).hasSize(3);
		assertThat(responses.get(0)).contains("private, no-store").contains("class=\"mode-standard");
		for (String care : responses.subList(1, 3)) {
			assertThat(care).startsWith("HTTP/1.1 200").contains("Cache-Control: public").contains("class=\"mode-care");
		}
	}

	@Test
	void searchSaysSoWhileTheIndexIsStillBeingBuilt() {
		assertThat(browser().page("/search?q=" + URLEncoder.encode("静夜思", StandardCharsets.UTF_8))
			.html()
			.select("[data-testid=search-index-building]")).isEmpty();
		assertThat(browser().get("/api/v1/search?q=x").body()).doesNotContain("indexBuilding");
		SearchIndexBuilds.whileBuilding(context, () -> {
			Document page = browser().page("/search?q=" + URLEncoder.encode("静夜思", StandardCharsets.UTF_8)).html();
			assertThat(page.select("[data-testid=search-index-building]").text()).startsWith("搜索索引正在建立（已完成 0 / ")
				.endsWith("），结果可能不完整。");
			assertThat(
					browser().page("/search?q=x&lang=en").html().select("[data-testid=search-index-building]").text())
				.startsWith("The search index is still being built (0 of ");
			JsonNode json = new ObjectMapper().readTree(browser().get("/api/v1/search?q=x").body());
			assertThat(json.path("indexBuilding").path("done").asLong()).isZero();
			assertThat(json.path("indexBuilding").path("total").asLong()).isPositive();
		});
		assertThat(browser().get("/api/v1/search?q=x").body()).doesNotContain("indexBuilding");
	}

	@Test
	void aHeadRequestFirstLeavesNoEmptyPageBehindForTheNextReaders() {
		assertThat(head("/channels/qu")).isEqualTo(200);
		assertThat(browser().get("/channels/qu").body()).contains("</html>");
	}

	@Test
	void aPageWithTrackingParametersIsPersonalNotShared() {
		long id = anyArticleId("qu");
		HttpResponse<String> paged = browser().get("/articles/" + id + "?utm_source=x");
		assertThat(paged.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
	}

	int head(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.header("User-Agent", Browser.USER_AGENT)
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	static String gunzip(byte[] bytes) {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aPublishedEditOrTakedownShowsAtOnceOnEveryStoredPage() throws IOException {
		Browser reader = browser();
		String channelBefore = reader.get("/channels/ci").body(); // stored now
		long id = seed().publish(Seed.article("store-takedown")
			.creator("store")
			.channel("ci")
			.title("页面存储下架测试")
			.body("落红不是无情物，化作春泥更护花。")
			.publishedAt("2026-11-28T08:00:00+08:00"));
		assertThat(channelBefore).doesNotContain("/articles/" + id + "\"");
		// publish: the stored channel page shows it at once
		assertThat(reader.get("/channels/ci").body()).contains("/articles/" + id + "\"");
		String title = reader.page("/articles/" + id).testId("title").text();
		waitUntil(() -> reader.get("/").body().contains("/articles/" + id + "\"")); // once
																					// the
																					// hot
																					// list
																					// takes
																					// it
																					// in
		articles.takeDown(id, "test: takedown must show at once");
		assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(410);
		assertThat(reader.get("/").body()).doesNotContain("/articles/" + id + "\"");
		assertThat(reader.get("/channels/ci").body()).doesNotContain("/articles/" + id + "\"");
		assertThat(title).isNotBlank();
	}

	@Test
	void contentCannotCarryAReadersTokenOutOfTheRenderedPageCache() throws IOException {
		// the markers the cache once used, written into an article as an attacker would
		long id = seed().publish(Seed.article("csrf-bait")
			.creator("bait")
			.channel("qu")
			.title("诱饵 inkstone-csrf-hole-5d1f0c3a")
			.body("![p](https://attacker.example/p.png?t=inkstone-csrf-hole-5d1f0c3a)\n\n9,111,111,111,111 9111111111111")
			.publishedAt("2024-01-01T08:00:00+08:00"));
		for (int i = 0; i < 2; i++) { // the first view fills the cache, the second is
										// served from it
			Browser reader = browser();
			// a personal anonymous page (not the shared one, which carries no token at
			// all)
			Browser.Page page = reader.page("/articles/" + id + "?from=bait");
			String token = page.html().selectFirst("form[action$=/share] input[name=_csrf]").val();
			assertThat(token).isNotBlank();
			Element image = page.testId("body").selectFirst("img");
			assertThat(image.attr("src")).isEqualTo("https://attacker.example/p.png?t=inkstone-csrf-hole-5d1f0c3a");
			assertThat(page.testId("body").text()).contains("9111111111111");
			assertThat(page.html().outerHtml().split(Pattern.quote(token), -1).length - 1)
				.as("the token appears only in the forms")
				.isEqualTo(page.html().select("input[name=_csrf]").size());
		}
	}

	@Test
	void unpublishedArticlesCannotBeNamedOrReportedThroughTheReportForm() {
		long published = anyArticleId("ci");
		long creatorId = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", published)
			.query(Long.class)
			.single();
		long draft = articles.createDraft(creatorId,
				new Draft("未发表的秘密标题", "草稿正文", channelId("ci"), "", true, Aigc.NONE, null));
		Browser reader = browser();
		reader.page("/");
		HttpResponse<String> form = reader.get("/report?type=article&id=" + draft);
		assertThat(form.statusCode()).isEqualTo(404);
		assertThat(form.body()).doesNotContain("未发表的秘密标题");
		HttpResponse<String> filed = reader.post("/report",
				Map.of("_csrf", reader.csrfToken(), "type", "article", "id", Long.toString(draft), "reason", "other"));
		assertThat(filed.statusCode()).isEqualTo(404);
		assertThat(filed.body()).doesNotContain("未发表的秘密标题");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reports WHERE target_id = :id")
			.param("id", draft)
			.query(Long.class)
			.single()).isZero();
		assertThat(reader.get("/report?type=article&id=" + published).statusCode()).isEqualTo(200);
	}

	/**
	 * Fuzzing the query parameters of every public GET (jqwik generates the values):
	 * whatever a client sends, the answer is a page or a clear 4xx, never a 500 or a
	 * stack trace.
	 */
	@Test
	void noQueryParameterOnAnyPublicPageCausesA500() {
		long id = anyArticleId("ci");
		String handle = jdbc
			.sql("SELECT c.handle FROM creators c JOIN articles a ON a.creator_id = c.id WHERE a.id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		List<String> routes = List.of("/", "/channels/ci", "/articles/" + id,
				"/creators/" + URLEncoder.encode(handle, StandardCharsets.UTF_8), "/search", "/api/v1/search",
				"/api/v1/suggest", "/api/v1/articles", "/api/v1/articles/" + id, "/api/v1/channels",
				"/api/v1/creators/" + URLEncoder.encode(handle, StandardCharsets.UTF_8), "/algorithms", "/transparency",
				"/report", "/reports", "/rules", "/rules/community", "/login", "/signup", "/join", "/password/forgot",
				"/password/reset", "/copyright", "/following", "/mode/care");
		List<String> names = List.of("q", "page", "cursor", "before", "after", "sort", "from", "to", "type", "id",
				"creator", "channel", "token", "back", "shared", "lang", "rev", "days", "reason", "error");
		Arbitrary<String> value = Arbitraries.oneOf(
				Arbitraries.of("%C3%28", "%FF", "%00", "-1", "0", "99999999999999999999", "1e9", "NaN", "%27", "%22",
						"%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "2024-13-45", "%F0%9F%98%80", "%E9%9D%99",
						"a".repeat(4000), "", "%20", "%0D%0ASet-Cookie:x=1", "//evil.example",
						"https:%2F%2Fevil.example", "javascript:alert(1)"),
				Arbitraries.strings()
					.withCharRange('!', '~')
					.ofMaxLength(20)
					.map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8)));
		Iterator<String> values = value.sampleStream().iterator();
		List<String> wrong = new ArrayList<>();
		Browser reader = browser();
		for (String route : routes) {
			for (String name : names) {
				String path = route + "?" + name + "=" + values.next() + "&"
						+ names.get((name.length() * 7) % names.size()) + "=" + values.next();
				HttpResponse<String> response = reader.get(path);
				if (response.statusCode() >= 500 || response.body().contains("Exception")
						|| response.body().contains("\tat ")) {
					wrong.add(response.statusCode() + " " + path);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void readsCountOncePerReaderAndNeverForBots() {
		long id = anyArticleId("ci");
		long before = engagement.counts(id).reads();
		Browser reader = browser();
		reader.page("/articles/" + id);
		assertThat(engagement.counts(id).reads()).as("the page alone counts nothing: its beacon does")
			.isEqualTo(before);
		reader.view(id);
		reader.view(id);
		assertThat(reader.getBytes("/articles/" + id + "/view.gif").statusCode()).isEqualTo(200); // without
																									// scripts
		browser().userAgent("Mozilla/5.0 (compatible; Googlebot/2.1)").view(id);
		browser().userAgent("curl/8.0").getBytes("/articles/" + id + "/view.gif");
		assertThat(engagement.counts(id).reads()).isEqualTo(before + 1);
		engagement.flush();
		long stored = jdbc.sql("SELECT reads FROM article_stats WHERE article_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(before + 1);
	}

	@Test
	void aReaderViewingPagesFasterThanAPersonCouldStopsCounting() {
		List<Long> ids = jdbc.sql("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 40")
			.query(Long.class)
			.list();
		Browser crawler = browser(); // a browser's user agent, but 40 articles in a few
										// seconds
		Map<Long, Long> before = new HashMap<>();
		ids.forEach(id -> before.put(id, engagement.counts(id).reads()));
		ids.forEach(id -> crawler.view(id));
		long counted = ids.stream().filter(id -> engagement.counts(id).reads() > before.get(id)).count();
		assertThat(counted).isEqualTo(30); // the first 30 views of the minute count, then
											// the reader is treated as a bot
		long lastBefore = engagement.counts(ids.get(0)).reads();
		browser().view(ids.get(0)); // a different reader still counts
		assertThat(engagement.counts(ids.get(0)).reads()).isEqualTo(lastBefore + 1);
	}

	@Test
	void articlesReadTogetherByEnoughReadersBecomeRelated() {
		long a = anyArticleId("ci");
		long b = jdbc
			.sql("SELECT id FROM articles WHERE status = 'published' AND channel_id = :c ORDER BY id DESC LIMIT 1")
			.param("c", channelId("qu"))
			.query(Long.class)
			.single();
		List<Long> before = ids(articlePageWithRelated(browser(), a).testId("related").select("a[href^=/articles/]"));
		assertThat(before).as("content alone does not relate them").doesNotContain(b);
		// other readers' reading: a pair means something only against the site's
		// background of reading
		List<Long> others = jdbc
			.sql("SELECT id FROM articles WHERE status = 'published' AND id NOT IN (:a, :b) ORDER BY id LIMIT 80")
			.param("a", a)
			.param("b", b)
			.query(Long.class)
			.list();
		for (int i = 0; i + 1 < others.size(); i += 2) {
			Browser other = browser();
			other.view(others.get(i));
			other.view(others.get(i + 1));
		}
		for (int reader = 0; reader < 2; reader++) { // two readers are not enough
			Browser together = browser();
			together.view(a);
			together.view(b);
		}
		coReads.flush();
		assertThat(ids(browser().page("/articles/" + a).testId("related").select("a[href^=/articles/]")))
			.doesNotContain(b);
		Browser third = browser();
		third.view(a);
		third.view(b);
		coReads.flush();
		assertThat(ids(browser().page("/articles/" + a).testId("related").select("a[href^=/articles/]"))).contains(b);
		assertThat(ids(browser().page("/articles/" + b).testId("related").select("a[href^=/articles/]"))).contains(a);
	}

	/** Two copies of one poem (dup-a, dup-b) and a poem that shares half its lines. */
	record Reposted(List<Long> copies, long similar) {
	}

	/**
	 * Imports the reposted poem once per application and waits until the originality
	 * index has its fingerprints.
	 */
	Reposted repostedPoem() {
		if (jdbc.sql("SELECT COUNT(*) FROM articles WHERE import_key = 'id:dup-c'").query(Long.class).single() == 0) {
			String poem = "寒山转苍翠，秋水日潺湲。倚杖柴门外，临风听暮蝉。渡头余落日，墟里上孤烟。复值接舆醉，狂歌五柳前。";
			seed().publishAll(
					Seed.article("dup-a")
						.channel("poetry-tang")
						.title("辋川闲居")
						.body(poem)
						.publishedAt("2024-01-01T08:00:00+08:00"),
					Seed.article("dup-b")
						.channel("poetry-tang")
						.title("辋川闲居赠裴秀才迪")
						.body(poem)
						.publishedAt("2024-01-02T08:00:00+08:00"),
					Seed.article("dup-c")
						.channel("poetry-tang")
						.title("山居秋暝")
						.body("空山新雨后，天气晚来秋。寒山转苍翠，秋水日潺湲。倚杖柴门外，临风听暮蝉。")
						.publishedAt("2024-01-03T08:00:00+08:00"));
		}
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc
				.sql("SELECT COUNT(*) FROM article_fingerprints f JOIN articles a ON a.id = f.article_id"
						+ " WHERE a.import_key IN ('id:dup-a', 'id:dup-b', 'id:dup-c')")
				.query(Long.class)
				.single() >= 3);
		List<Long> copies = jdbc.sql("SELECT id FROM articles WHERE import_key IN ('id:dup-a', 'id:dup-b')")
			.query(Long.class)
			.list();
		return new Reposted(copies, seed().idOf("dup-c"));
	}

	@Test
	void relatedArticlesNeverListTwoCopiesOfOneText() {
		Reposted reposted = repostedPoem();
		List<Long> related = ids(
				articlePageWithRelated(browser(), reposted.similar()).testId("related").select("a[href^=/articles/]"));
		assertThat(related.stream().filter(reposted.copies()::contains).count()).as("one of the two copies, not both")
			.isEqualTo(1);
	}

	@Test
	void theHotListShowsARepostedStoryOnceHoweverManyCopiesReadersRead() {
		List<Long> copies = repostedPoem().copies();
		for (int i = 0; i < 6; i++) {
			browser().view(copies.get(0));
			browser().view(copies.get(1));
		}
		List<Long> hotIds = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> ids(browser().page("/").testId("hot").select("a.hot-title")),
					ids -> ids.stream().anyMatch(copies::contains));
		assertThat(hotIds.stream().filter(copies::contains).count()).isEqualTo(1);
	}

	@Test
	void readsFeedTheHotListWithinSeconds() {
		long id = jdbc.sql("SELECT id FROM articles WHERE status = 'published' ORDER BY published_at LIMIT 1")
			.query(Long.class)
			.single(); // the oldest article: only readers can make it hot
		for (int i = 0; i < 40; i++) {
			browser().page("/articles/" + id);
		}
		List<Long> hot = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> ids(browser().page("/").testId("hot").select("a.hot-title")), ids -> ids.contains(id));
		assertThat(hot).contains(id);
	}

	@Test
	void wrongIdsAnswer404PagesWithoutStackTraces() {
		Browser reader = browser();
		for (String path : List.of("/articles/1", "/articles/not-a-number", "/articles/99999999999999999999",
				"/channels/no-such-channel", "/creators/nobody-here", "/no/such/page")) {
			Browser.Page page = reader.page(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.testId("error").attr("data-status")).isEqualTo("404");
			assertThat(page.response().body()).doesNotContain("Exception").doesNotContain("at io.inkstone");
		}
	}

	@Test
	void writesToThingsThatDoNotExistAnswer404AndStoreNothing() {
		Browser reader = browser();
		reader.page("/");
		long follows = jdbc.sql("SELECT COUNT(*) FROM follows").query(Long.class).single();
		assertThat(reader.post("/creators/nobody-here/follow", Map.of("_csrf", reader.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(reader.post("/creators/%3Cscript%3E/follow", Map.of("_csrf", reader.csrfToken())).statusCode())
			.isIn(400, 404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM follows").query(Long.class).single()).isEqualTo(follows);
		assertThat(reader.post("/articles/1/share", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(404);
		assertThat(reader.post("/articles/abc/share", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(404);
		assertThat(reader.post("/articles/1/like", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM share_marks WHERE article_id = 1").query(Long.class).single())
			.isZero();
		assertThat(reader.get("/articles/1/qr.svg").statusCode()).isEqualTo(404);
		assertThat(reader.get("/mode/sepia").statusCode()).isEqualTo(404);
	}

	/**
	 * Sends bytes as they are (no client would send them) and returns the raw response.
	 */
	String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(15_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void badlyEncodedRequestsAnswer400PagesAndLogNoStackTrace(CapturedOutput output) throws IOException {
		int logFrom = output.getAll().length();
		Browser reader = browser();
		for (String path : List.of("/search?q=%C3%28", "/search?q=%FF%FE", "/channels/ci?q=%C3%28", "/?lang=%E6%9C")) {
			Browser.Page page = reader.page(path);
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.html().select("h1").text()).as(path).isEqualTo("请求有误");
			assertThat(page.response().body()).doesNotContain("Exception");
		}
		long id = anyArticleId("qu");
		String chunked = raw("POST /articles/" + id + "/share HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
				+ "zz\r\n_csrf=x\r\n0\r\n\r\n");
		assertThat(chunked).startsWith("HTTP/1.1 400").contains("data-status=\"400\"").doesNotContain("Exception");
		String unterminated = "--XYZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc"; // no
																									// closing
																									// boundary
		String multipart = raw("POST /articles/" + id + "/share HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: " + unterminated.length()
				+ "\r\nConnection: close\r\n\r\n" + unterminated);
		assertThat(multipart).startsWith("HTTP/1.1 400").contains("data-status=\"400\"").doesNotContain("Exception");
		String log = output.getAll().substring(logFrom);
		assertThat(log).doesNotContain(" ERROR ").doesNotContain("\tat ");
		assertThat(log.lines().filter(l -> l.contains("Refused"))).as(log).hasSize(6); // one
																						// line
																						// per
																						// request
	}

	@Test
	void hostileTitlesCannotBreakOutOfTheJsonLdBlock() throws IOException {
		String title = "</script><script>alert(1)</script><!--<script>";
		String name = "<!--<script>&amp; 作者";
		ObjectMapper json = new ObjectMapper();
		ImportReport report = seed().importAll(Seed.article("hostile-json-ld")
			.creator("hostile-author")
			.creatorName(name)
			.channel("qu")
			.title(title)
			.body("正文在此，不应消失。")
			.publishedAt("2024-01-02T03:04:05+08:00"));
		assertThat(report.imported()).isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :title")
			.param("title", title)
			.query(Long.class)
			.single();
		try {
			Browser.Page page = browser().page("/articles/" + id);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.testId("title").text()).isEqualTo(title);
			assertThat(page.testId("body").text()).contains("正文在此");
			assertThat(page.testId("disclaimer").text()).contains("仅提供信息存储服务");
			assertThat(page.html().select("script:not([src]):not([type=application/ld+json])")).isEmpty();
			String data = page.testId("json-ld").data();
			assertThat(data).doesNotContain("<").doesNotContain(">").doesNotContain("&");
			JsonNode ld = json.readTree(data);
			assertThat(ld.get("headline").asString()).isEqualTo(title);
			assertThat(ld.get("author").get("name").asString()).isEqualTo(name);
		}
		finally {
			articles.takeDown(id, "测试结束");
		}
	}

	@Test
	void badPageParametersAnswer400() {
		Browser reader = browser();
		String creatorPath = browser().page("/articles/" + anyArticleId("qu"))
			.testId("creator-card")
			.selectFirst("a.creator-name")
			.attr("href");
		for (String path : List.of("/?after=garbage", "/channels/ci?after=1-x", "/?after=" + "9".repeat(60),
				creatorPath + "?after=-")) {
			Browser.Page page = reader.page(path);
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.html().select("h1").text()).isEqualTo("请求有误");
		}
	}

	@Test
	void takenDownArticleAnswers410WithANoticeAndLeavesTheLists() {
		long id = jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'ci'"
					+ " AND a.status = 'published' ORDER BY a.published_at DESC LIMIT 1")
			.query(Long.class)
			.single();
		String title = browser().page("/articles/" + id).testId("title").text();
		articles.takeDown(id, "侵权投诉");
		Browser.Page page = browser().page("/articles/" + id);
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.html().select("main").text()).contains(title).contains("侵权投诉");
		assertThat(ids(browser().page("/channels/ci").html().select("a.card-title"))).doesNotContain(id);
		assertThat(ids(browser().page("/").testId("hot").select("a.hot-title"))).doesNotContain(id);
	}

	@Test
	void channelPagesWalkEveryArticleWithKeysetPagination() {
		Browser reader = browser();
		Set<Long> seen = new HashSet<>();
		String path = "/channels/poetry-song";
		int pages = 0;
		while (path != null) {
			Browser.Page page = reader.page(path);
			assertThat(page.status()).isEqualTo(200);
			List<Long> ids = ids(page.html().select("a.card-title"));
			for (Long id : ids) {
				assertThat(seen.add(id)).as("article %d shown twice", id).isTrue();
			}
			Element next = page.html().selectFirst("[data-testid=next-page]");
			path = next == null ? null : next.attr("href");
			pages++;
		}
		long total = jdbc
			.sql("SELECT COUNT(*) FROM articles a JOIN channels c ON c.id = a.channel_id"
					+ " WHERE c.slug = 'poetry-song' AND a.status = 'published'")
			.query(Long.class)
			.single();
		assertThat((long) seen.size()).isEqualTo(total);
		Browser.Page first = reader.page("/channels/poetry-song");
		assertThat(first.testId("hot").select("li")).isNotEmpty();
		assertThat(first.testId("channel-headlines").select(".headline-block")).isNotEmpty();
		assertThat(pages).isGreaterThan(1);
	}

	@Test
	void creatorPageListsAllArticlesWithTrueCounts() {
		String handle = jdbc
			.sql("SELECT c.handle FROM creators c JOIN articles a ON a.creator_id = c.id"
					+ " GROUP BY c.handle ORDER BY COUNT(*) DESC, c.handle LIMIT 1")
			.query(String.class)
			.single();
		Browser.Page page = browser().page("/creators/" + URLEncoder.encode(handle, StandardCharsets.UTF_8));
		assertThat(page.status()).isEqualTo(200);
		long count = Long.parseLong(page.testId("article-count").text());
		assertThat(page.html().select("[data-testid=creator-articles] a.card-title"))
			.hasSize((int) Math.min(count, 20));
	}

	@Test
	void homePageShowsHeadlinesHotListAndLatest() {
		Browser.Page page = browser().page("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.testId("channel-headlines").select(".headline-block")).hasSizeGreaterThan(1);
		assertThat(page.testId("hot").select("li")).hasSizeGreaterThan(3);
		// the first of the 20 newest is the lead story, above the headlines
		assertThat(page.testId("lead-story").select("a.card-title")).hasSize(1);
		assertThat(page.testId("latest").select("a.card-title")).hasSize(19);
		assertThat(page.html().select("main").text()).doesNotContain("军事");
	}

	@Test
	void careModeIsRememberedAcrossPagesAndDropsClutter() {
		Browser reader = browser();
		long id = anyArticleId("poetry-tang");
		HttpResponse<String> switched = reader.get("/mode/care?back=/articles/" + id);
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + id);
		Browser.Page page = reader.page("/articles/" + id);
		assertThat(page.html().body().hasClass("mode-care")).isTrue();
		assertThat(page.html().select("link[href=/css/care.css]")).hasSize(1);
		assertThat(page.html().select("[data-testid=channel-headlines]")).isEmpty();
		assertThat(page.testId("mode-switch").text()).contains("退出关怀版");
		assertThat(reader.page("/").html().body().hasClass("mode-care")).isTrue();
		// never an open redirect
		assertThat(reader.get("/mode/a11y?back=//evil.example").headers().firstValue("Location").orElseThrow())
			.doesNotContain("evil");
		Browser.Page a11y = reader.page("/articles/" + id);
		assertThat(a11y.html().body().hasClass("mode-a11y")).isTrue();
		assertThat(a11y.html().select("a.skip-link[href=#main]")).hasSize(1);
		assertThat(a11y.html().select("header[role=banner], main#main, footer[role=contentinfo]")).hasSize(3);
	}

	@Test
	void englishIsAvailableAndRemembered() {
		Browser reader = browser();
		Browser.Page page = reader.page("/?lang=en");
		assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.testId("hot").selectFirst("h2").text()).isEqualTo("Trending");
		assertThat(reader.page("/").testId("join-link").text()).isEqualTo("Become a creator");
	}

	@Test
	void articlePagesCarryAnEtagAndRevalidate() {
		// the personal variant (a query the shared page does not know); the shared one:
		// anonymousReadersShareOnePage…
		Browser reader = browser();
		long id = anyArticleId("classics");
		String path = "/articles/" + id + "?from=etag";
		reader.page(path);
		HttpResponse<String> first = reader.get(path);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).isNotBlank();
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache")
			.doesNotContain("no-store");
		HttpResponse<String> revalidated = revalidate(reader, path, etag);
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		etag = revalidated.request().headers().firstValue("If-None-Match").orElseThrow();
		// a change the page shows (a share) changes the ETag
		reader.post("/articles/" + id + "/share", Map.of("_csrf", reader.csrfToken()));
		assertThat(reader.get(path, "If-None-Match", etag).statusCode()).isEqualTo(200);
	}

	@Test
	void healthAndPrometheusEndpointsAnswer() {
		Browser reader = browser();
		assertThat(reader.get("/actuator/health").body()).contains("UP");
		// the probes; readiness names a cluster-mode contributor that does not exist here
		assertThat(reader.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(reader.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		// metrics only for the scraper with the token (src/test/resources/config sets
		// one)
		assertThat(reader.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		assertThat(reader.get("/actuator/prometheus", "Authorization", "Bearer wrong-token").statusCode())
			.isEqualTo(401);
		assertThat(reader.get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token").body())
			.contains("http_server_requests");
		// the scheme is case-insensitive (RFC 9110 §11.1), extra spaces are tolerated;
		// near misses are refused
		for (String header : List.of("bearer test-metrics-token", "BEARER test-metrics-token",
				"Bearer   test-metrics-token")) {
			assertThat(reader.get("/actuator/prometheus", "Authorization", header).statusCode()).as(header)
				.isEqualTo(200);
		}
		for (String header : List.of("Bearer test-metrics-toke", "Bearer test-metrics-token2",
				"Basic test-metrics-token", "Bearertest-metrics-token", "Bearer", "test-metrics-token",
				"Bearer test-metrics-token extra")) {
			assertThat(reader.get("/actuator/prometheus", "Authorization", header).statusCode()).as(header)
				.isEqualTo(401);
		}
		HttpResponse<String> env = reader.get("/actuator/env");
		assertThat(env.statusCode()).isIn(302, 403, 404); // never served: anonymous
															// callers are sent to sign in
		assertThat(env.body()).doesNotContain("propertySources");
	}

	/** An article of this channel, once the search index has caught up. */
	long indexedArticle(String channelSlug) {
		long id = anyArticleId(channelSlug);
		articlePageWithRelated(browser(), id); // the index has caught up
		return id;
	}

	String title(long id) {
		return jdbc.sql("SELECT title FROM articles WHERE id = :id").param("id", id).query(String.class).single();
	}

	static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void searchFindsArticlesByTheirWordsAndHighlightsThem() {
		long id = indexedArticle("ci");
		String title = title(id);
		Browser.Page page = browser().page("/search?q=" + encoded(title));
		assertThat(page.status()).isEqualTo(200);
		List<Long> found = ids(page.testId("search-results").select("a.card-title"));
		assertThat(found).contains(id);
		assertThat(page.testId("search-results").select("mark")).isNotEmpty();
		assertThat(page.testId("search-total").text()).startsWith("找到");
		HttpResponse<String> json = browser().get("/api/v1/search?q=" + encoded(title));
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type").orElseThrow()).contains("json");
		assertThat(json.body()).contains("\"id\":\"" + id + "\"");
		assertThat(browser().get("/api/v1/search?q=x&page=zero").statusCode()).isEqualTo(400);
	}

	@Test
	void searchKeepsOnlyTheChosenChannelAndSortsByTime() {
		long id = indexedArticle("ci");
		String title = title(id);
		// the channel filter keeps only that channel; another channel finds nothing of it
		Browser.Page filtered = browser().page("/search?channel=qu&q=" + encoded(title));
		assertThat(ids(filtered.html().select("[data-testid=search-results] a.card-title"))).doesNotContain(id);
		Browser.Page byTime = browser().page("/search?sort=time&q=" + encoded(title));
		assertThat(ids(byTime.testId("search-results").select("a.card-title"))).contains(id);
	}

	@Test
	void searchFiltersByCreatorAndDateAndAnswersBadDatesWith400() {
		long id = indexedArticle("ci");
		String title = title(id);
		// creator and date filters: only that creator's work, only inside the window; bad
		// dates answer 400
		String handle = jdbc
			.sql("SELECT c.handle FROM creators c JOIN articles a ON a.creator_id = c.id WHERE a.id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String q = encoded("月");
		Browser.Page byCreator = browser().page("/search?q=" + encoded(title) + "&creator=" + encoded(handle));
		assertThat(ids(byCreator.testId("search-results").select("a.card-title"))).contains(id);
		assertThat(byCreator.testId("search-results").select(".card-meta a").eachAttr("href"))
			.allMatch(h -> URLDecoder.decode(h, StandardCharsets.UTF_8).equals("/creators/" + handle));
		assertThat(browser().page("/search?q=" + q + "&from=2100-01-01").html().select("[data-testid=search-empty]"))
			.hasSize(1);
		long publishedAt = jdbc.sql("SELECT published_at FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		String day = Instant.ofEpochMilli(publishedAt).atZone(PlatformDays.zone()).toLocalDate().toString();
		Browser.Page sameDay = browser().page("/search?q=" + encoded(title) + "&from=" + day + "&to=" + day);
		assertThat(ids(sameDay.testId("search-results").select("a.card-title"))).contains(id);
		assertThat(
				browser().page("/search?q=" + q + "&creator=nobody-at-all").html().select("[data-testid=search-empty]"))
			.hasSize(1);
		assertThat(browser().get("/search?q=" + q + "&from=2026-13-45").statusCode()).isEqualTo(400);
		assertThat(browser().get("/api/v1/search?q=" + q + "&to=yesterday").statusCode()).isEqualTo(400);
	}

	@Test
	void searchingACreatorsNameFindsTheirWorks() {
		long id = indexedArticle("ci");
		String name = jdbc
			.sql("SELECT c.display_name FROM creators c JOIN articles a ON a.creator_id = c.id WHERE a.id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		Browser.Page byName = browser().page("/search?q=" + encoded(name));
		assertThat(byName.testId("search-results").select(".card-meta a").eachText()).isNotEmpty().contains(name);
	}

	@Test
	void suggestionsComeFromTitlesAndCreatorNames() {
		long id = anyArticleId("ci");
		String title = jdbc.sql("SELECT title FROM articles WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String name = jdbc
			.sql("SELECT c.display_name FROM creators c JOIN articles a ON a.creator_id = c.id WHERE a.id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String part = title.substring(0, Math.min(2, title.length()));
		// built in the background after start
		String body = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + URLEncoder.encode(part, StandardCharsets.UTF_8)).body(),
					answer -> !answer.equals("[]"));
		assertThat(body).contains("\"kind\"").contains(part);
		String byName = browser().get("/api/v1/suggest?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).body();
		assertThat(byName).contains("\"text\":\"" + name + "\"").contains("\"kind\":\"creator\"");
		assertThat(browser().get("/api/v1/suggest?q=").body()).isEqualTo("[]");
		assertThat(browser().get("/api/v1/suggest?q=" + "长".repeat(300)).statusCode()).isEqualTo(200);
	}

	@Test
	void searchAnswersQueriesOfAnyShapeWithAPageNotAnError() {
		Browser reader = browser();
		for (String q : List.of("", " ", "月", "x".repeat(2000), "title:(a OR b)~\"\\ AND *?", "🌙 月亮 🌕",
				"Linux 床前明月光 配置", "<script>alert(1)</script>", "%%%", "ＡＢＣ　全角")) {
			Browser.Page page = reader.page("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
			assertThat(page.status()).as(q).isEqualTo(200);
			assertThat(page.html().select("script:not([src])")).isEmpty();
		}
		assertThat(reader.page("/search?q=月&page=abc").status()).isEqualTo(400);
		assertThat(reader.page("/search?q=月&page=0").status()).isEqualTo(400);
		assertThat(reader.page("/search?q=zzzzqqqq").testId("search-empty").text()).contains("没有找到");
	}

	@Test
	void searchFindsATitleTypedInPinyin() {
		List<Long> ids = jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'poetry-tang'"
					+ " AND a.status = 'published' ORDER BY a.id LIMIT 200")
			.query(Long.class)
			.list();
		long id = ids.stream()
			.filter(i -> jdbc.sql("SELECT title FROM articles WHERE id = :id")
				.param("id", i)
				.query(String.class)
				.single()
				.matches("\\p{IsHan}{3,6}"))
			.findFirst()
			.orElseThrow();
		String title = jdbc.sql("SELECT title FROM articles WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		articlePageWithRelated(browser(), id); // the index has caught up
		String pinyin = HanLP.convertToPinyinList(title)
			.stream()
			.map(Pinyin::getPinyinWithoutTone)
			.collect(Collectors.joining());
		Browser.Page page = browser().page("/search?q=" + pinyin);
		assertThat(ids(page.testId("search-results").select("a.card-title"))).as(pinyin).contains(id);
	}

	/**
	 * A 唐诗 article whose title is three to six Han characters, once the search index has
	 * caught up.
	 */
	long shortTitledPoem() {
		List<Long> ids = jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'poetry-tang'"
					+ " AND a.status = 'published' ORDER BY a.id LIMIT 200")
			.query(Long.class)
			.list();
		long id = ids.stream().filter(i -> title(i).matches("\\p{IsHan}{3,6}")).findFirst().orElseThrow();
		articlePageWithRelated(browser(), id); // the index has caught up
		return id;
	}

	@Test
	void aMistypedTitleOffersWhatTheReaderMeantAndStaysInTheHeaderBox() {
		long id = shortTitledPoem();
		String title = title(id);
		char last = title.charAt(title.length() - 1);
		String typo = title.substring(0, title.length() - 1) + (last == '丝' ? '鸟' : '丝');
		// suggestions are built in the background after start
		Browser.Page page = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().page("/search?q=" + encoded(typo)),
					answer -> !answer.html().select("[data-testid=did-you-mean] a").isEmpty());
		assertThat(page.testId("did-you-mean").text()).startsWith("你是不是要找");
		assertThat(page.testId("did-you-mean").select("a").eachText()).as(typo).contains(title);
		assertThat(page.html().selectFirst("#header-q").val()).isEqualTo(typo);
		assertThat(browser().get("/api/v1/search?q=" + encoded(typo)).body()).contains("\"didYouMean\":[")
			.contains(title);
	}

	@Test
	void aCreatorsNameWithOneWrongCharacterOffersTheCreator() {
		String handle = jdbc.sql("SELECT handle FROM creators WHERE display_name = '苏轼'").query(String.class).single();
		// 苏试 sounds like 苏轼 (sū shì): the pinyin input method's slip
		Browser.Page page = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().page("/search?q=" + encoded("苏试")),
					answer -> !answer.html().select("[data-testid=did-you-mean-creator] a").isEmpty());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.testId("did-you-mean-creator").text()).isEqualTo("你要找的是不是：苏轼");
		assertThat(page.testId("did-you-mean-creator").select("a").attr("href")).isEqualTo("/creators/" + handle);
		assertThat(page.html().select("[data-testid=did-you-mean] a").eachText()).as("not twice").doesNotContain("苏轼");
		assertThat(browser().page("/creators/" + encoded(handle)).html().text()).contains("苏轼");
		// the API says the same
		assertThat(browser().get("/api/v1/search?q=" + encoded("苏试")).body()).contains("\"didYouMean\":[\"苏轼\"")
			.contains("\"didYouMeanCreators\":[{\"name\":\"苏轼\",\"handle\":\"" + handle + "\",\"url\":\"/creators/"
					+ handle + "\"}]");
		// three characters: the name that sounds the same (欧阳修) before the one a
		// character away (欧阳詹); both are added as the fixture's articles reach the
		// suggestions
		List<String> names = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().page("/search?q=" + encoded("欧阳秀"))
				.html()
				.select("[data-testid=did-you-mean-creator] a")
				.eachText(), found -> found.contains("欧阳修") && found.contains("欧阳詹"));
		assertThat(names).first().isEqualTo("欧阳修");
		// the name itself, and no name near: no offer
		assertThat(browser().page("/search?q=" + encoded("苏轼")).html().select("[data-testid=did-you-mean-creator]"))
			.isEmpty();
		// hostile queries: a page, escaped, never an error
		Browser reader = browser();
		for (String q : List.of("<b>苏试</b>", "<script>alert('苏试')</script>", "！？。，、", "苏试".repeat(200),
				"\"苏试\" OR title:*")) {
			Browser.Page hostile = reader.page("/search?q=" + encoded(q));
			assertThat(hostile.status()).as(q).isEqualTo(200);
			assertThat(hostile.html().select("script:not([src]), main b, [data-testid=did-you-mean-creator] b")).as(q)
				.isEmpty();
			assertThat(reader.get("/api/v1/search?q=" + encoded(q)).statusCode()).as(q).isEqualTo(200);
			assertThat(reader.get("/api/v1/suggest?q=" + encoded(q)).statusCode()).as(q).isEqualTo(200);
		}
	}

	@Test
	void aNameTwoCreatorsShareLeadsToASearchForIt() {
		String name = "杜秋娘";
		for (String key : List.of("qiuniang-a", "qiuniang-b")) {
			seed().publish(Seed.article(SignedInRoles.unique(key))
				.creator(SignedInRoles.unique(key))
				.creatorName(name)
				.channel("ci")
				.title("金缕衣" + key)
				.body("劝君莫惜金缕衣，劝君惜取少年时。花开堪折直须折，莫待无花空折枝。"));
		}
		// 酿 sounds like 娘: the name, newly published, is offered within seconds
		Browser.Page page = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().page("/search?q=" + encoded("杜秋酿")),
					answer -> !answer.html().select("[data-testid=did-you-mean-creator] a").isEmpty());
		assertThat(page.testId("did-you-mean-creator").select("a").attr("href"))
			.isEqualTo("/search?q=" + encoded(name));
		Browser.Page both = browser().page(page.testId("did-you-mean-creator").select("a").attr("href"));
		assertThat(both.testId("search-results").select(".card-meta a.card-creator").eachText())
			.filteredOn(name::equals)
			.hasSize(2);
	}

	@Test
	void aQueryWithNoGoodMatchSaysItShowsPartialMatchesInALabelledList() {
		long id = shortTitledPoem();
		String title = title(id);
		// the article's title and words, and a word no article has: partial matches, and
		// the page says so
		String body = jdbc.sql("SELECT body_markdown FROM articles WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		Matcher words = Pattern.compile("\\p{IsHan}{4}").matcher(body);
		assertThat(words.find()).isTrue();
		String q = title + " " + words.group() + " zzqxv";
		Browser.Page partial = browser().page("/search?q=" + encoded(q));
		assertThat(ids(partial.testId("search-results").select("a.card-title"))).contains(id);
		assertThat(partial.testId("search-partial").text()).isEqualTo("没有完全匹配的结果，以下是部分匹配。");
		assertThat(partial.html().selectFirst("#header-q").val()).isEqualTo(q);
		// result titles are headings under the page's heading, in a labelled list
		assertThat(partial.html().select("[data-testid=search-results] li h3 a.card-title")).isNotEmpty();
		assertThat(partial.testId("search-results").attr("aria-labelledby")).isEqualTo("search-results-title");
		assertThat(partial.html().select("h2#search-results-title").text()).isEqualTo("搜索结果");
	}

	@Test
	void theExactTitleIsAGoodMatchWithNoNoticeAndStaysInTheHeaderBox() {
		long id = shortTitledPoem();
		String title = title(id);
		Browser.Page exact = browser().page("/search?q=" + encoded(title));
		assertThat(ids(exact.testId("search-results").select("a.card-title"))).contains(id);
		assertThat(exact.html().select("[data-testid=search-partial]")).isEmpty();
		assertThat(exact.html().selectFirst("#header-q").val()).isEqualTo(title);
		assertThat(browser().page("/").html().selectFirst("#header-q").val()).isEmpty();
	}

	@Test
	void theBeginningOfAWordInsideATitleSuggestsTheTitle() {
		seed().publish(Seed.article("suggest-inner")
			.creator("suggest-inner")
			.channel("ci")
			.title("双调・湘妃怨")
			.body("楚天空阔楚天长，一度怀人一断肠。此心只在肩舆上，倩东风过武昌，助离愁烟水茫茫。")
			.publishedAt("2024-12-30T23:46:00+08:00"));
		String typed = URLEncoder.encode("湘", StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + typed).body(), answer -> answer.contains("湘妃怨"));
		assertThat(browser().get("/api/v1/suggest?q=" + URLEncoder.encode("湘妃", StandardCharsets.UTF_8)).body())
			.contains("双调・湘妃怨");
	}

	@Test
	void aTitleTakenDownIsNoLongerSuggestedNorOfferedAsACorrection() {
		String title = "撤下" + SignedInRoles.unique("标题");
		long id = seed().publish(Seed.article(SignedInRoles.unique("withdrawn"))
			.creator("suggest-withdrawn")
			.channel("ci")
			.title(title)
			.body("这篇文章会被平台下架，它的标题也不该再出现在搜索建议里。"));
		String typed = URLEncoder.encode(title, StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + typed).body(), answer -> answer.contains(title));
		articles.takeDown(id, "测试下架");
		// the suggester keeps the entry until its hourly rebuild; it is never offered
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + typed).body(), answer -> !answer.contains(title));
		assertThat(browser().page("/search?q=" + typed).html().text()).doesNotContain("你是不是要找：" + title);
	}

	@Test
	void aRenamedArticlesFormerTitleIsNoLongerSuggestedNorOfferedAsACorrection() {
		String before = "旧名" + SignedInRoles.unique("标题");
		String after = "新名" + SignedInRoles.unique("标题");
		long id = seed().publish(Seed.article(SignedInRoles.unique("renamed"))
			.creator("suggest-renamed")
			.channel("ci")
			.title(before)
			.body("这篇文章发表后会改名，旧标题不该再出现在搜索建议里。"));
		String typedBefore = URLEncoder.encode(before, StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + typedBefore).body(), answer -> answer.contains(before));
		long creatorId = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		long channelId = jdbc.sql("SELECT channel_id FROM articles WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		articles.update(id, creatorId,
				new Draft(after, "这篇文章发表后会改名，旧标题不该再出现在搜索建议里。", channelId, "", true, Aigc.NONE, null));
		String typedAfter = URLEncoder.encode(after, StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + typedAfter).body(), answer -> answer.contains(after));
		assertThat(browser().get("/api/v1/suggest?q=" + typedBefore).body()).doesNotContain(before);
		assertThat(browser().page("/search?q=" + typedBefore).html().text()).doesNotContain("你是不是要找：" + before);
	}

	@Test
	void pinyinTypedIntoTheSuggestionBoxSuggestsTheTitle() {
		long id = shortTitledPoem();
		String title = title(id);
		String pinyin = HanLP.convertToPinyinList(title)
			.stream()
			.map(Pinyin::getPinyinWithoutTone)
			.collect(Collectors.joining());
		// suggestions are built in the background after start
		String suggested = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> browser().get("/api/v1/suggest?q=" + pinyin).body(), body -> !body.equals("[]"));
		assertThat(suggested).contains("\"text\":\"" + title + "\"");
	}

	@Test
	void searchNeverShowsATakenDownArticle() {
		long id = jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'qu'"
					+ " AND a.status = 'published' ORDER BY a.published_at LIMIT 1")
			.query(Long.class)
			.single();
		articlePageWithRelated(browser(), id);
		String title = jdbc.sql("SELECT title FROM articles WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String path = "/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
		assertThat(ids(browser().page(path).testId("search-results").select("a.card-title"))).contains(id);
		articles.takeDown(id, "测试下架");
		assertThat(ids(browser().page(path).html().select("[data-testid=search-results] a.card-title")))
			.doesNotContain(id);
	}

	@Test
	void theAlgorithmPageStatesTheLiveParameters() {
		Browser.Page page = browser().page("/algorithms");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.testId("algo-hot").text()).contains("6 小时").contains("计 1 分").contains("计 5 分");
		assertThat(page.testId("algo-reads").text()).contains("同一天").doesNotContain("分钟内重复");
		assertThat(page.testId("algo-related").text()).contains("最多两篇");
		// the freshness numbers are the running configuration's (defaults: 20%, halving
		// every 30 days)
		assertThat(page.testId("algo-related-freshness").text()).contains("20%").contains("30");
	}

	static List<Long> ids(List<Element> links) {
		List<Long> ids = new ArrayList<>();
		for (Element link : links) {
			String href = link.attr("href");
			ids.add(Long.parseLong(href.substring(href.lastIndexOf('/') + 1).replaceAll("[?#].*", "")));
		}
		return ids;
	}

	static Document parse(String html) {
		return Jsoup.parse(html);
	}

}
