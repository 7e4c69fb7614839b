package io.inkstone.site;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inkstone.accounts.Accounts;
import io.inkstone.creators.Creators;
import io.inkstone.accounts.Role;
import io.inkstone.discovery.HotList;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.support.Browser;
import io.inkstone.support.Fixtures;
import io.inkstone.support.Seed;
import io.inkstone.support.TestImages;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.springframework.web.util.UriUtils;

/**
 * Issue 16 over real HTTP, asserted on parsed HTML: the phone header (menu without
 * scripts), channel strip and tab bar, picture cards (单图, 三图, 无图, the lead story) with
 * media renditions, the 热榜 page and the article page order. Runs once per database
 * (SQLite and PostgreSQL subclasses).
 */
abstract class ReaderExperienceContract {

	static final String PASSWORD = "correct-horse-1";

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HotList hot;

	@Autowired
	Media media;

	@Autowired
	Accounts accounts;

	@Autowired
	Creators creators;

	private static final Set<Class<?>> imported = ConcurrentHashMap.newKeySet();

	/** Titles of the picture articles (published now, so they lead the home page). */
	static final String THREE = "三图测试：江南春色";

	static final String SINGLE = "单图测试：西湖夜色";

	static final String TEXT = "无图测试：读书札记";

	@BeforeEach
	void importOnce() throws IOException {
		seedOnce(getClass(), importer, jdbc, media, hot);
	}

	/**
	 * Seeds the site once per test class (each has its own application and data
	 * directory) and waits until the hot list has taken the articles in.
	 */
	static void seedOnce(Class<?> testClass, ArticleImporter importer, JdbcClient jdbc, Media media, HotList hot)
			throws IOException {
		if (imported.add(testClass)) {
			seed(importer, jdbc, media);
			waitUntil(() -> hot.site(5).size() == 5);
		}
	}

	/**
	 * The classics fixture plus three articles published now: 单图 (newest), 无图, 三图, with
	 * uploaded images.
	 */
	static void seed(ArticleImporter importer, JdbcClient jdbc, Media media) throws IOException {
		assertThat(importer.importLines(Fixtures.open(Fixtures.CLASSICS), null).imported()).isEqualTo(240);
		long creator = jdbc.sql("SELECT id FROM creators ORDER BY id LIMIT 1").query(Long.class).single();
		String[] urls = new String[3];
		for (int i = 0; i < 3; i++) {
			MediaItem item = media.upload(creator, TestImages.encode(TestImages.picture(1200 + i, 800), "jpg"),
					"图" + i);
			urls[i] = item.url();
		}
		String handle = jdbc.sql("SELECT handle FROM creators WHERE id = :id")
			.param("id", creator)
			.query(String.class)
			.single();
		Instant now = Instant.now();
		new Seed(importer, jdbc).publishAll(picture("pic-text", handle, TEXT, "只有文字。", now.minusSeconds(20)),
				picture("pic-three", handle, THREE,
						"![一](" + urls[0] + ")\n\n春水。\n\n![二](" + urls[1] + ")\n\n![三](" + urls[2] + ")",
						now.minusSeconds(30)),
				picture("pic-single", handle, SINGLE, "湖上。\n\n![湖](" + urls[0] + ")", now.minusSeconds(10)));
	}

	private static Seed.ArticleLine picture(String key, String handle, String title, String body, Instant at) {
		return Seed.article(key)
			.creator(handle)
			.creatorName(handle)
			.channel("classics")
			.title(title)
			.body(body)
			.publishedAt(at);
	}

	static void waitUntil(BooleanSupplier condition) {
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
	}

	Browser browser() {
		return new Browser(port);
	}

	Browser signedInReader() {
		String email = "r" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		accounts.signUp(email, PASSWORD, "读者", Role.READER).orElseThrow();
		return signedIn(email);
	}

	/** A new client signed in through the login form as this account. */
	Browser signedIn(String email) {
		Browser b = browser();
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", PASSWORD));
		assertThat(r.statusCode()).isEqualTo(302);
		return b;
	}

	@Test
	void phoneHeaderHasOneMenuThatWorksWithoutScriptsAChannelStripAndATabBar() {
		Document home = browser().page("/").html();
		Element button = home.selectFirst("[data-testid=menu-button]");
		assertThat(button.attr("href")).isEqualTo("#site-menu");
		Element menu = home.getElementById("site-menu");
		assertThat(menu.select("[data-testid=login-link], [data-testid=mode-switch], a.lang, [data-testid=join-link]"))
			.hasSize(4);
		assertThat(home.select("[data-testid=channel-strip] a[href^=/channels/]")).hasSizeGreaterThan(3);
		Element tabs = home.selectFirst("[data-testid=tab-bar]");
		assertThat(tabs.select("a").eachAttr("href")).containsExactly("/", "/hot", "/following", "/login");
		assertThat(tabs.selectFirst("a[aria-current=page]").attr("href")).isEqualTo("/");
		assertThat(tabs.select("a").eachText()).containsExactly("首页", "热榜", "关注", "我的");
		// a channel marks itself in the strip
		assertThat(browser().page("/channels/ci")
			.html()
			.selectFirst("[data-testid=channel-strip] a[aria-current=page]")
			.attr("href")).isEqualTo("/channels/ci");
		// an article marks its channel as the current section (not as the current page)
		String article = browser().page("/channels/ci").html().selectFirst("a.card-title, .card-title a").attr("href");
		Document articlePage = browser().page(article).html();
		assertThat(articlePage.select("[data-testid=channel-strip] a[aria-current=page]")).isEmpty();
		assertThat(articlePage.selectFirst("[data-testid=channel-strip] a[aria-current=true]").attr("href"))
			.isEqualTo("/channels/ci");
		// signed in, 我的 is the account
		assertThat(signedInReader().page("/").html().select("[data-testid=tab-bar] a").eachAttr("href"))
			.contains("/account");
		// English
		assertThat(browser().page("/?lang=en").html().select("[data-testid=tab-bar] a").eachText())
			.containsExactly("Home", "Trending", "Following", "Me");
	}

	@Test
	void cardsShowOneThreeOrNoPicturesFromTheRenditionsAndTheLeadHasALargeOne() {
		Document home = browser().page("/").html();
		Element latest = home.selectFirst("[data-testid=latest]");
		// the lead story stands first, above the headlines, on a phone and a desktop
		// alike
		Element leadStory = home.selectFirst("[data-testid=lead-story]");
		assertThat(home.select("main .main-column > *").first()).isEqualTo(leadStory);
		Element lead = leadStory.selectFirst("li.card");
		assertThat(lead.attr("data-layout")).isEqualTo("lead");
		assertThat(lead.selectFirst(".card-title").text()).isEqualTo(SINGLE);
		Element big = lead.selectFirst("img[data-testid=card-lead-picture]");
		assertThat(big.attr("srcset")).contains(" 480w").contains(" 960w").contains("/full.jpg 1200w");
		assertThat(big.attr("width")).isEqualTo("800");
		// sizes says the box the picture fills: beside the sidebar on a desktop, the
		// whole
		// 1168 px column in 关怀版 (one column), so the browser picks the right rendition
		assertThat(big.attr("sizes")).contains("(min-width: 1200px) 824px");
		Browser care = browser();
		care.get("/mode/care/on?back=/");
		assertThat(care.page("/").html().selectFirst("img[data-testid=card-lead-picture]").attr("sizes"))
			.contains("(min-width: 1200px) 1168px");
		assertThat(big.hasAttr("loading")).isFalse();
		Element three = card(latest, THREE);
		assertThat(three.attr("data-layout")).isEqualTo("three");
		assertThat(three.select(".card-pics img")).hasSize(3);
		assertThat(three.select(".card-summary").text()).doesNotContain("/media/").contains("春水");
		assertThat(three.select(".card-pics img").eachAttr("srcset")).allMatch(s -> s.contains(" 480w"));
		assertThat(three.select(".card-pics img").eachAttr("width")).containsOnly("240");
		assertThat(three.selectFirst(".card-pics").attr("aria-hidden")).isEqualTo("true");
		Element text = card(latest, TEXT);
		assertThat(text.attr("data-layout")).isEqualTo("text");
		assertThat(text.select("img")).isEmpty();
		// below the fold images load lazily; the first cards do not
		List<Element> cards = latest.select("li.card");
		assertThat(cards.get(0).attr("data-layout")).isEqualTo("text");
		assertThat(cards.get(1).selectFirst(".card-title").text()).isEqualTo(THREE);
		assertThat(cards.get(1).select("img").eachAttr("loading")).containsOnly("lazy");
		// the channel page shows the same cards, and the 单图 card puts its picture on the
		// right
		Document channel = browser().page("/channels/classics").html();
		Element single = card(channel.selectFirst("[data-testid=channel-articles]"), SINGLE);
		assertThat(single.attr("data-layout")).isEqualTo("single");
		assertThat(single.hasClass("card-with-cover")).isTrue();
		assertThat(single.selectFirst("img[data-testid=card-cover]").attr("srcset")).contains(" 960w");
		// a later page has no lead
		String next = home.selectFirst("[data-testid=latest] a[rel=next]").attr("href");
		assertThat(browser().page(next).html().select("li[data-layout=lead]")).isEmpty();
	}

	private static Element card(Element list, String title) {
		for (Element li : list.select("li.card")) {
			if (li.selectFirst(".card-title").text().equals(title)) {
				return li;
			}
		}
		throw new AssertionError("no card " + title);
	}

	@Test
	void hotPageRanksWithHeatForTheSiteAndEachChannel() {
		Browser b = browser();
		Browser.Page site = b.page("/hot");
		assertThat(site.status()).isEqualTo(200);
		assertThat(site.response().headers().allValues("Set-Cookie")).isEmpty();
		assertThat(site.response().headers().firstValue("Cache-Control").orElse("")).contains("public");
		List<Element> entries = site.html().select("[data-testid=hot-board] > li");
		assertThat(entries).hasSizeGreaterThanOrEqualTo(5);
		for (int i = 0; i < entries.size(); i++) {
			assertThat(entries.get(i).selectFirst(".hot-rank").text()).isEqualTo(Integer.toString(i + 1));
			assertThat(entries.get(i).selectFirst("[data-testid=hot-heat]").text()).matches("热度 [0-9.万]+");
			assertThat(entries.get(i).selectFirst(".hot-title .visually-hidden").text())
				.isEqualTo("第 " + (i + 1) + " 名");
		}
		assertThat(site.html().selectFirst("title").text()).startsWith("热榜");
		assertThat(site.html().selectFirst("[data-testid=tab-bar] a[aria-current=page]").attr("href"))
			.isEqualTo("/hot");
		// one channel: only its articles
		Browser.Page ci = b.page("/channels/ci/hot");
		assertThat(ci.status()).isEqualTo(200);
		Set<Long> ciArticles = Set
			.copyOf(jdbc.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'ci'")
				.query(Long.class)
				.list());
		List<Element> ciEntries = ci.html().select("[data-testid=hot-board] > li");
		assertThat(ciEntries).isNotEmpty();
		assertThat(ciEntries).allMatch(li -> ciArticles.contains(Long.parseLong(li.attr("data-article-id"))));
		assertThat(ci.html().selectFirst(".hot-scopes a[aria-current=page]").attr("href"))
			.isEqualTo("/channels/ci/hot");
		// ?channel= is the same page at its own address
		HttpResponse<String> redirect = b.get("/hot?channel=ci");
		assertThat(redirect.statusCode()).isEqualTo(301);
		assertThat(redirect.headers().firstValue("Location").orElse("")).endsWith("/channels/ci/hot");
		// bad input
		assertThat(b.get("/hot?channel=no-such-channel").statusCode()).isEqualTo(404);
		assertThat(b.get("/channels/no-such-channel/hot").statusCode()).isEqualTo(404);
		assertThat(b.get("/hot?channel=%FF").statusCode()).isEqualTo(400);
		// the side lists link to the full list
		assertThat(b.page("/").html().selectFirst("[data-testid=hot-more]").attr("href")).isEqualTo("/hot");
		// English
		assertThat(b.page("/hot?lang=en").html().selectFirst("h1").text()).isEqualTo("Trending");
	}

	@Test
	void articlePageHasCreatorCardAndHotListBeforeComments() {
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t").param("t", SINGLE).query(Long.class).single();
		Document page = browser().page("/articles/" + id).html();
		List<String> order = page.select(
				"[data-testid=body], [data-testid=creator-card], [data-testid=hot], [data-testid=comments], [data-testid=related]")
			.eachAttr("data-testid");
		assertThat(order).containsExactly("body", "creator-card", "hot", "comments", "related");
		// links in running text look like links; 举报 keeps AA contrast (asserted in the
		// stylesheet)
		assertThat(browser().get("/css/inkstone.css").body()).contains(".report-link { color: var(--muted); }");
	}

	@Test
	void careAndA11yAreTwoSettingsThatCombine() {
		Browser reader = browser();
		HttpResponse<String> care = reader.get("/mode/care/on?back=/hot");
		assertThat(care.statusCode()).isEqualTo(302);
		assertThat(care.headers().firstValue("Location").orElse("")).endsWith("/hot");
		assertThat(reader.cookie("ink_mode")).isEqualTo("care");
		reader.get("/mode/a11y/on?back=/");
		assertThat(reader.cookie("ink_mode")).isEqualTo("care-a11y");
		Browser.Page both = reader.page("/");
		assertThat(both.html().body().classNames()).contains("mode-care", "mode-a11y");
		assertThat(both.html().select("link[rel=stylesheet]").eachAttr("href")).contains("/css/care.css",
				"/css/a11y.css");
		Element toolbar = both.html().selectFirst("[data-testid=a11y-toolbar]");
		assertThat(toolbar.attr("role")).isEqualTo("toolbar");
		assertThat(toolbar.hasAttr("hidden")).as("the toolbar needs scripts: hidden without them").isTrue();
		assertThat(toolbar.select("button")).hasSizeGreaterThanOrEqualTo(9);
		// the header offers to leave each one; leaving 关怀版 keeps 无障碍
		assertThat(both.html().select("[data-testid=mode-switch] a").eachAttr("href"))
			.containsExactly("/mode/a11y/off?back=%2F", "/mode/care/off?back=%2F");
		reader.get("/mode/care/off?back=/");
		assertThat(reader.cookie("ink_mode")).isEqualTo("a11y");
		assertThat(reader.page("/").html().body().classNames()).contains("mode-a11y").doesNotContain("mode-care");
		// the shared page of a combined mode: the same bytes for two readers, no cookie
		// set
		Browser other = browser();
		other.get("/mode/care-a11y?back=/");
		reader.get("/mode/care/on?back=/");
		HttpResponse<String> first = reader.get("/hot");
		HttpResponse<String> second = other.get("/hot");
		assertThat(first.body()).isEqualTo(second.body());
		assertThat(first.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(first.body()).contains("data-testid=\"a11y-toolbar\"");
		// standard pages carry no toolbar, only the (script-shown) A−/A+ and night switch
		Browser.Page standard = browser().page("/");
		assertThat(standard.html().select("[data-testid=a11y-toolbar]")).isEmpty();
		assertThat(standard.html().selectFirst("[data-testid=reader-tools]").hasAttr("hidden")).isTrue();
		assertThat(standard.html().select("[data-testid=reader-tools] button").eachText()).contains("A−", "A+");
		// bad input
		assertThat(reader.get("/mode/care/maybe").statusCode()).isEqualTo(404);
		assertThat(reader.get("/mode/sepia/on").statusCode()).isEqualTo(404);
		assertThat(reader.get("/mode/a11y/on?back=//evil.example").headers().firstValue("Location").orElse(""))
			.endsWith("/")
			.doesNotContain("evil");
		assertThat(reader.get("/img/cursor-large.svg").statusCode()).isEqualTo(200);
		assertThat(reader.get("/js/prefs.js").statusCode()).isEqualTo(200);
	}

	@Test
	void joinLinkIsOnlyForReadersWhoAreNotCreatorsOrStaff() {
		assertThat(browser().page("/").html().select("[data-testid=join-link]")).hasSize(1);
		assertThat(signedInReader().page("/").html().select("[data-testid=join-link]")).hasSize(1);
		String email = "s" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		accounts.signUp(email, PASSWORD, "审核员", Role.REVIEWER).orElseThrow();
		Browser staff = signedIn(email);
		assertThat(staff.page("/").html().select("[data-testid=join-link]")).isEmpty();
	}

	/** The creator of the 单图 article, signed in as themselves. */
	record SignedInCreator(Browser self, long articleId, long creatorId, String creatorPath) {
	}

	SignedInCreator signedInAsTheCreatorOfTheSinglePictureArticle() {
		long articleId = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", SINGLE)
			.query(Long.class)
			.single();
		long creatorId = jdbc.sql("SELECT creator_id FROM articles WHERE id = :id")
			.param("id", articleId)
			.query(Long.class)
			.single();
		String handle = jdbc.sql("SELECT handle FROM creators WHERE id = :id")
			.param("id", creatorId)
			.query(String.class)
			.single();
		String email = "c" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		long account = accounts.signUp(email, PASSWORD, "作者本人", Role.CREATOR).orElseThrow().accountId();
		jdbc.sql("UPDATE creators SET account_id = :a WHERE id = :id")
			.param("a", account)
			.param("id", creatorId)
			.update();
		return new SignedInCreator(signedIn(email), articleId, creatorId,
				"/creators/" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8));
	}

	@Test
	void aCreatorIsOfferedNoFollowOrReportOnTheirOwnPagesWhileOtherReadersAre() {
		SignedInCreator creator = signedInAsTheCreatorOfTheSinglePictureArticle();
		Browser self = creator.self();
		Browser.Page ownPage = self.page("/articles/" + creator.articleId());
		assertThat(ownPage.status()).as(ownPage.response().body()).isEqualTo(200);
		Document own = ownPage.html();
		assertThat(own.select("[data-testid=creator-card]")).hasSize(1);
		assertThat(own.select("[data-testid=follow-button]")).isEmpty();
		assertThat(own.select(".byline [data-testid=report]")).isEmpty();
		assertThat(own.select("[data-testid=join-link]")).isEmpty();
		assertThat(self.page(creator.creatorPath()).html().select("[data-testid=report]")).isEmpty();
		// another reader still sees both
		Document other = signedInReader().page("/articles/" + creator.articleId()).html();
		assertThat(other.select("[data-testid=follow-button]")).hasSize(1);
		assertThat(other.select(".byline [data-testid=report]")).hasSize(1);
	}

	@Test
	void aCreatorCannotFollowOrReportThemselvesAndNothingIsStored() {
		SignedInCreator creator = signedInAsTheCreatorOfTheSinglePictureArticle();
		Browser self = creator.self();
		long follows = jdbc.sql("SELECT COUNT(*) FROM follows").query(Long.class).single();
		long reports = jdbc.sql("SELECT COUNT(*) FROM reports").query(Long.class).single();
		assertThat(self.post(creator.creatorPath() + "/follow", Map.of("_csrf", self.csrfToken())).statusCode())
			.isEqualTo(403);
		assertThat(self
			.post("/report", Map.of("_csrf", self.csrfToken(), "type", "article", "id",
					Long.toString(creator.articleId()), "reason", "spam", "detail", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(self
			.post("/report", Map.of("_csrf", self.csrfToken(), "type", "creator", "id",
					Long.toString(creator.creatorId()), "reason", "spam", "detail", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM follows").query(Long.class).single()).isEqualTo(follows);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reports").query(Long.class).single()).isEqualTo(reports);
		// the form itself says so before it is filled in
		for (String target : List.of("/report?type=article&id=" + creator.articleId(),
				"/report?type=creator&id=" + creator.creatorId())) {
			Browser.Page form = self.page(target);
			assertThat(form.status()).as(target).isEqualTo(403);
			assertThat(form.html().text()).contains("不能举报自己");
			assertThat(form.html().select("form[action=/report]")).as(target).isEmpty();
		}
	}

	@Test
	void followingListsWhoYouFollowWithUnfollow() {
		Browser reader = signedInReader();
		assertThat(reader.page("/following").html().select("[data-testid=followed-creators]")).isEmpty();
		List<String> handles = jdbc.sql("SELECT handle FROM creators ORDER BY id LIMIT 2").query(String.class).list();
		for (String handle : handles) {
			String path = "/creators/" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
			assertThat(reader.post(path + "/follow", Map.of("_csrf", reader.csrfToken(), "back", "/following"))
				.statusCode()).isEqualTo(302);
		}
		Document page = reader.page("/following").html();
		assertThat(page.select("[data-testid=followed-creators] li")).hasSize(2);
		assertThat(page.selectFirst("[data-testid=followed-creators] h2").text()).contains("2");
		Element form = page.selectFirst("[data-testid=followed-creators] li form");
		// the accessible name holds the visible text (WCAG 2.5.3): no aria-label
		// replacing it
		Element button = form.selectFirst("[data-testid=unfollow-button]");
		assertThat(button.hasAttr("aria-label")).isFalse();
		assertThat(button.text()).startsWith("已关注").contains("取消关注");
		assertThat(button.select(".visually-hidden").text()).contains("取消关注");
		HttpResponse<String> unfollow = reader.post(form.attr("action"),
				Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(), "back", "/following"));
		assertThat(unfollow.statusCode()).isEqualTo(302);
		assertThat(unfollow.headers().firstValue("Location").orElse("")).endsWith("/following");
		assertThat(reader.page("/following").html().select("[data-testid=followed-creators] li")).hasSize(1);
		// personal, never shared: no public caching
		assertThat(reader.get("/following").headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
		// without a token nothing changes
		assertThat(reader.post(form.attr("action"), Map.of("back", "/following")).statusCode()).isIn(302, 303, 403);
		assertThat(reader.page("/following").html().select("[data-testid=followed-creators] li")).hasSize(1);
	}

	@Test
	void followingShowsUploadedAvatarsAndAsksAnonymousReadersToSignIn() {
		long creatorId = jdbc.sql("SELECT id FROM creators ORDER BY id DESC LIMIT 1").query(Long.class).single();
		String handle = jdbc.sql("SELECT handle FROM creators WHERE id = :id")
			.param("id", creatorId)
			.query(String.class)
			.single();
		creators.updateProfile(creatorId, null, "/img/logo.png");
		Browser reader = signedInReader();
		String path = "/creators/" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
		assertThat(
				reader.post(path + "/follow", Map.of("_csrf", reader.csrfToken(), "back", "/following")).statusCode())
			.isEqualTo(302);
		Document page = reader.page("/following").html();
		assertThat(page.select("[data-testid=followed-creators] img[data-testid=followed-avatar]").eachAttr("src"))
			.containsExactly("/img/logo.png");
		assertThat(page.select("[data-testid=following-sign-in]")).isEmpty();
		Browser.Page anonymous = browser().page("/following");
		assertThat(anonymous.testId("following-sign-in").select("a[href=/login]")).hasSize(1);
	}

	@Test
	void theHeaderSearchSuggestsAndTheLogoIsTheFavicon() {
		Document home = browser().page("/").html();
		assertThat(home.selectFirst("#header-q").attr("list")).isEqualTo("header-suggestions");
		assertThat(home.select("datalist#header-suggestions")).hasSize(1);
		// the site's logo (the bundled one until an admin uploads another) is the icon
		assertThat(home.selectFirst("link[rel=icon]").attr("href")).isEqualTo("/site-logo");
		HttpResponse<byte[]> logo = browser().getBytes("/site-logo");
		assertThat(logo.statusCode()).isEqualTo(200);
		assertThat(logo.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		HttpResponse<byte[]> icon = browser().getBytes("/favicon.ico");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		assertThat(icon.body()).hasSizeGreaterThan(100);
	}

	@Test
	void aSignedInReaderSavesAnArticleAndFindsItUnderSaved() {
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t").param("t", THREE).query(Long.class).single();
		// anonymous: no button on the shared page; the list and the actions need an
		// account
		Browser anonymous = browser();
		assertThat(anonymous.page("/articles/" + id).html().select("[data-testid=save-button]")).isEmpty();
		assertThat(anonymous.get("/saved").statusCode()).isEqualTo(302);
		assertThat(anonymous.post("/articles/" + id + "/save", Map.of("_csrf", anonymous.csrfToken())).statusCode())
			.isIn(302, 401, 403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM saved_articles").query(Long.class).single()).isZero();
		Browser reader = signedInReader();
		assertThat(reader.page("/saved").html().select("[data-testid=saved-empty]")).hasSize(1);
		Element button = reader.page("/articles/" + id).testId("save-button");
		assertThat(button.attr("aria-pressed")).isEqualTo("false");
		Element form = button.parent();
		HttpResponse<String> save = reader.post(form.attr("action"),
				Map.of("_csrf", form.selectFirst("input[name=_csrf]").val(), "back", "/articles/" + id));
		assertThat(save.statusCode()).isEqualTo(302);
		assertThat(save.headers().firstValue("Location").orElse("")).endsWith("/articles/" + id);
		assertThat(reader.page("/articles/" + id).testId("save-button").attr("aria-pressed")).isEqualTo("true");
		// twice is once
		reader.post("/articles/" + id + "/save", Map.of("_csrf", reader.csrfToken()));
		Document list = reader.page("/saved").html();
		assertThat(list.select("[data-testid=saved] li.card .card-title").eachText()).containsExactly(THREE);
		assertThat(reader.get("/saved").headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
		// another reader's list is their own
		assertThat(signedInReader().page("/saved").html().select("[data-testid=saved] li.card")).isEmpty();
		// bad input: no such article, no token
		assertThat(reader.post("/articles/999999999/save", Map.of("_csrf", reader.csrfToken())).statusCode())
			.isEqualTo(404);
		assertThat(reader.post("/articles/abc/save", Map.of("_csrf", reader.csrfToken())).statusCode()).isIn(400, 404);
		assertThat(reader.post("/articles/" + id + "/unsave", Map.of()).statusCode()).isEqualTo(403);
		assertThat(reader.page("/saved").html().select("[data-testid=saved] li.card")).hasSize(1);
		// unsave
		assertThat(reader.post("/articles/" + id + "/unsave", Map.of("_csrf", reader.csrfToken())).statusCode())
			.isEqualTo(302);
		assertThat(reader.page("/saved").html().select("[data-testid=saved-empty]")).hasSize(1);
	}

	@Test
	void readingHistoryIsPersonalClearableAndOffByASwitch() {
		long three = jdbc.sql("SELECT id FROM articles WHERE title = :t").param("t", THREE).query(Long.class).single();
		long text = jdbc.sql("SELECT id FROM articles WHERE title = :t").param("t", TEXT).query(Long.class).single();
		Browser anonymous = browser();
		anonymous.page("/articles/" + three);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reading_history").query(Long.class).single()).isZero();
		assertThat(anonymous.get("/history").statusCode()).isEqualTo(302);
		Browser reader = signedInReader();
		assertThat(reader.page("/history").html().select("[data-testid=history-empty]")).hasSize(1);
		reader.page("/articles/" + three);
		reader.page("/articles/" + text);
		Document list = reader.page("/history").html();
		assertThat(list.select("[data-testid=history] li.card .card-title").eachText()).containsExactly(TEXT, THREE);
		assertThat(reader.get("/history").headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
		assertThat(signedInReader().page("/history").html().select("[data-testid=history] li.card")).isEmpty();
		// clear
		assertThat(reader.post("/history/clear", Map.of()).statusCode()).isEqualTo(403);
		assertThat(reader.page("/history").html().select("[data-testid=history] li.card")).hasSize(2);
		assertThat(reader.post("/history/clear", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(302);
		assertThat(reader.page("/history").html().select("[data-testid=history-empty]")).hasSize(1);
		// off: nothing is recorded
		assertThat(reader.post("/history/switch", Map.of("_csrf", reader.csrfToken(), "on", "maybe")).statusCode())
			.isEqualTo(400);
		assertThat(reader.post("/history/switch", Map.of("_csrf", reader.csrfToken(), "on", "false")).statusCode())
			.isEqualTo(302);
		reader.page("/articles/" + three);
		Document off = reader.page("/history").html();
		assertThat(off.select("[data-testid=history-off]")).hasSize(1);
		assertThat(off.selectFirst("[data-testid=history-switch]").attr("aria-pressed")).isEqualTo("false");
		assertThat(reader.post("/history/switch", Map.of("_csrf", reader.csrfToken(), "on", "true")).statusCode())
			.isEqualTo(302);
		assertThat(reader.page("/history").html().select("[data-testid=history-empty]")).hasSize(1);
		reader.page("/articles/" + three);
		assertThat(reader.page("/history").html().select("[data-testid=history] li.card .card-title").eachText())
			.containsExactly(THREE);
	}

	/**
	 * The creator with the most articles (more than one page), their page's path, and
	 * their articles by date and by heat.
	 */
	record CreatorListing(String path, List<Long> latest, List<Long> hottest) {
	}

	/**
	 * Gives the most prolific creator's articles heat (flushed reads plus shares), spread
	 * out so that it orders them differently from their dates.
	 */
	CreatorListing creatorWithHeat() {
		long creator = jdbc
			.sql("SELECT creator_id FROM articles WHERE status = 'published' GROUP BY creator_id"
					+ " ORDER BY COUNT(*) DESC, creator_id LIMIT 1")
			.query(Long.class)
			.single();
		String handle = jdbc.sql("SELECT handle FROM creators WHERE id = :id")
			.param("id", creator)
			.query(String.class)
			.single();
		String path = "/creators/" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
		List<Long> latest = jdbc
			.sql("SELECT id FROM articles WHERE creator_id = :c AND status = 'published'"
					+ " ORDER BY published_at DESC, id DESC")
			.param("c", creator)
			.query(Long.class)
			.list();
		assertThat(latest.size()).as("more than one page").isGreaterThan(CreatorPageController.PAGE_SIZE);
		int n = latest.size();
		Map<Long, Long> heat = new HashMap<>();
		for (int i = 0; i < n; i++) {
			long reads = ((i * 7L) % n + 1) * 1000;
			heat.put(latest.get(i), reads + i % 3);
			jdbc.sql("INSERT INTO article_stats (article_id, reads, shares, updated_at) VALUES (:a, :r, :s, 0)"
					+ " ON CONFLICT (article_id) DO UPDATE SET reads = :r, shares = :s")
				.param("a", latest.get(i))
				.param("r", reads)
				.param("s", (long) (i % 3))
				.update();
		}
		List<Long> hottest = latest.stream()
			.sorted(Comparator.<Long>comparingLong(heat::get).thenComparingLong(id -> id).reversed())
			.toList();
		assertThat(hottest).isNotEqualTo(latest);
		return new CreatorListing(path, latest, hottest);
	}

	@Test
	void creatorPageOpensWithItsHeaderThenTabsThenSortLinksThenCards() {
		CreatorListing creator = creatorWithHeat();
		String path = creator.path();
		Browser.Page first = browser().page(path);
		assertThat(first.status()).isEqualTo(200);
		Document page = first.html();
		// header first: avatar, name, intro, counts, follow; then the tabs; then the sort
		// links; then the cards
		assertThat(page.select(
				"[data-testid=creator-card], [data-testid=creator-tabs], [data-testid=creator-sort], [data-testid=creator-articles]")
			.eachAttr("data-testid"))
			.containsExactly("creator-card", "creator-tabs", "creator-sort", "creator-articles");
		Element header = page.selectFirst("[data-testid=creator-card]");
		assertThat(header.select(
				"[data-testid=avatar], [data-testid=creator-intro], [data-testid=follower-count], [data-testid=article-count], [data-testid=follow-button]")
			.eachAttr("data-testid"))
			.containsExactly("avatar", "creator-intro", "follower-count", "article-count", "follow-button");
		assertThat(header.selectFirst("h1").text()).isNotBlank();
		assertThat(header.select("[data-testid=avatar] ~ div h1 + [data-testid=creator-intro]")).hasSize(1);
		assertThat(header.selectFirst("[data-testid=article-count]").text())
			.isEqualTo(Integer.toString(creator.latest().size()));
		Element tab = page.selectFirst("[data-testid=creator-tabs] a[aria-current=page]");
		assertThat(tab.attr("href")).isEqualTo(path);
		assertThat(page.selectFirst("[data-testid=creator-tabs]").tagName()).isEqualTo("nav");
		assertThat(page.selectFirst("[data-testid=sort-latest]").attr("aria-current")).isEqualTo("page");
		assertThat(page.selectFirst("[data-testid=sort-hot]").attr("href")).isEqualTo(path + "?sort=hot");
		assertThat(page.selectFirst("[data-testid=sort-hot]").hasAttr("aria-current")).isFalse();
		// picture cards as on the channel pages
		assertThat(page.select("[data-testid=creator-articles] ol.card-list > li"))
			.hasSize(CreatorPageController.PAGE_SIZE);
	}

	@Test
	void creatorPageIsSharedByAnonymousReadersAndTheirStateComesFromItsOwnRequest() {
		String path = creatorWithHeat().path();
		Browser anonymous = browser();
		Browser.Page first = anonymous.page(path);
		Element header = first.html().selectFirst("[data-testid=creator-card]");
		// shared for anonymous readers: no cookie, no token, no reader state; the state
		// comes from its own request
		assertThat(first.response().headers().allValues("Set-Cookie")).isEmpty();
		assertThat(header.selectFirst("form.follow-form input[name=_csrf]").val()).isEmpty();
		assertThat(header.selectFirst("[data-testid=follow-button]").attr("aria-pressed")).isEqualTo("false");
		HttpResponse<String> hotResponse = browser().get(path + "?sort=hot");
		assertThat(hotResponse.statusCode()).isEqualTo(200);
		assertThat(hotResponse.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(hotResponse.body()).isEqualTo(browser().get(path + "?sort=hot").body());
		HttpResponse<String> state = anonymous.get(path + "/state");
		assertThat(state.statusCode()).isEqualTo(200);
		assertThat(state.body()).contains("\"following\":false").contains("csrfToken");
		assertThat(state.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	@Test
	void creatorPageWalksEveryArticleOnceInOrderByLatestOrHeatInKeysetPages() {
		CreatorListing creator = creatorWithHeat();
		String path = creator.path();
		Browser anonymous = browser();
		// every article once, in order, page after page, for each sort
		assertThat(walk(anonymous, path)).isEqualTo(creator.latest());
		assertThat(walk(anonymous, path + "?sort=hot")).isEqualTo(creator.hottest());
		assertThat(walk(anonymous, path + "?sort=latest")).isEqualTo(creator.latest());
		Document hotPage = anonymous.page(path + "?sort=hot").html();
		assertThat(hotPage.selectFirst("[data-testid=sort-hot]").attr("aria-current")).isEqualTo("page");
		assertThat(hotPage.selectFirst("[data-testid=next-page]").attr("href")).startsWith(path + "?sort=hot&after=");
	}

	@Test
	void aSignedInFollowerSeesTheirStateInTheCreatorPageItself() {
		String path = creatorWithHeat().path();
		Browser reader = signedInReader();
		assertThat(reader.post(path + "/follow", Map.of("_csrf", reader.csrfToken())).statusCode()).isEqualTo(302);
		assertThat(reader.page(path).html().selectFirst("[data-testid=follow-button]").attr("aria-pressed"))
			.isEqualTo("true");
		assertThat(reader.get(path + "/state").body()).contains("\"following\":true");
	}

	@Test
	void aBadSortOrCursorOnACreatorPageIs400AndAnUnknownCreator404() {
		String path = creatorWithHeat().path();
		Browser anonymous = browser();
		// bad input is the reader's mistake, never a 500
		for (String bad : List.of("?sort=bogus", "?sort=HOT", "?sort=hot&after=x-1", "?sort=")) {
			HttpResponse<String> response = anonymous.get(path + bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(bad.equals("?sort=") ? 200 : 400);
		}
		assertThat(anonymous.get("/creators/nobody-here?sort=hot").statusCode()).isEqualTo(404);
		assertThat(anonymous.get("/creators/nobody-here/state").statusCode()).isEqualTo(404);
	}

	/** The article ids of a listing, following its next links to the end. */
	private static List<Long> walk(Browser browser, String start) {
		List<Long> ids = new ArrayList<>();
		String next = start;
		for (int pages = 0; next != null && pages < 20; pages++) {
			Browser.Page page = browser.page(next);
			assertThat(page.status()).as(next).isEqualTo(200);
			for (Element title : page.html().select("[data-testid=creator-articles] a.card-title")) {
				ids.add(Long.parseLong(title.attr("href").replaceAll("^/articles/([0-9]+).*$", "$1")));
			}
			Element link = page.html().selectFirst("[data-testid=next-page]");
			next = link == null ? null : link.attr("href");
		}
		return ids;
	}

}
