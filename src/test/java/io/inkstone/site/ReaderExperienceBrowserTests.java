package io.inkstone.site;

import io.inkstone.support.AccessibilityGate;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.inkstone.discovery.HotList;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.media.Media;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;
import io.inkstone.support.Seed;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.data.Offset;

/**
 * Issue 16 in a real browser (Debian's headless Chromium) at phone (390 × 844, and 320
 * for reflow) and desktop (1366) widths: the compact header and its menu, the channel
 * strip, the tab bar, picture cards, the 热榜 page and the article with its creator card
 * before comments. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReaderExperienceBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

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

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@BeforeEach
	void seedOnce() throws IOException {
		ReaderExperienceContract.seedOnce(getClass(), importer, jdbc, media, hot);
	}

	private static void viewport(int width, int height) {
		Chromium.viewport(chromium.driver(), width, height, false);
	}

	private static Object js(String script, Object... args) {
		return chromium.driver().executeScript(script, args);
	}

	private static long num(Object value) {
		return Math.round(((Number) value).doubleValue());
	}

	private static void noHorizontalScroll(String page) {
		long scroll = num(js("return document.documentElement.scrollWidth"));
		long width = num(js("return document.documentElement.clientWidth"));
		Object wide = js("var w = document.documentElement.clientWidth, out = [];"
				+ "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
				+ " var clipped = false; for (var p = e.parentElement; p; p = p.parentElement) { var o = getComputedStyle(p).overflowX; if (o !== 'visible') { clipped = true; break; } }"
				+ " if (!clipped && getComputedStyle(e).position !== 'fixed' && r.right > w + 1 && out.length < 8) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right)); } });"
				+ "return out.join(' | ');");
		Object all = js("var w = document.documentElement.clientWidth, out = [];"
				+ "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
				+ " if (!e.closest('.channel-nav') && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && out.length < 12) { out.push(e.tagName + '.' + e.className + ' ' + e.clientWidth + '/' + e.scrollWidth); } });"
				+ "return out.join(' | ');");
		assertThat(scroll)
			.as("horizontal scroll on " + page + " (" + scroll + " > " + width + "): " + wide + " / " + all)
			.isLessThanOrEqualTo(width);
	}

	@Test
	void phoneHomeHasACompactHeaderChannelStripTabBarAndPictureCards() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(390, 844);
		driver.manage().deleteAllCookies();
		chromium.open("/");
		WebElement header = driver.findElement(By.cssSelector(".site-header"));
		assertThat(header.getRect().getHeight()).as("header height").isLessThanOrEqualTo(130);
		noHorizontalScroll("/");
		// one menu button; account, modes and language are in it
		WebElement menu = driver.findElement(By.id("site-menu"));
		assertThat(menu.isDisplayed()).isFalse();
		WebElement button = driver.findElement(By.cssSelector("[data-testid=menu-button]"));
		assertThat(button.getRect().getHeight()).isGreaterThanOrEqualTo(44);
		// the channel strip is one row that scrolls sideways
		WebElement strip = driver.findElement(By.cssSelector("[data-testid=channel-strip]"));
		assertThat(num(js("return arguments[0].scrollWidth", strip)))
			.isGreaterThan(num(js("return arguments[0].clientWidth", strip)));
		assertThat(strip.getRect().getHeight()).isLessThanOrEqualTo(50);
		// the tab bar sits at the bottom of the screen
		WebElement tabs = driver.findElement(By.cssSelector("[data-testid=tab-bar]"));
		assertThat(tabs.isDisplayed()).isTrue();
		assertThat(tabs.getRect().getY() + tabs.getRect().getHeight()).isEqualTo(844);
		assertThat(tabs.findElements(By.tagName("a"))).hasSize(4);
		// the lead story with a large picture, then 无图 and 三图 cards
		WebElement lead = driver.findElement(By.cssSelector("[data-testid=card-lead-picture]"));
		assertThat(lead.getRect().getWidth()).isGreaterThanOrEqualTo(340);
		assertThat(lead.getRect().getY()).as("the lead picture starts in the first screen").isLessThan(300);
		assertThat(num(js("return arguments[0].naturalWidth", lead))).isPositive();
		chromium.screenshot("home-390.png");
		WebElement three = driver.findElement(By.cssSelector("li[data-layout=three]"));
		js("arguments[0].scrollIntoView()", three);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> three.findElements(By.cssSelector(".card-pics img"))
				.stream()
				.allMatch(img -> num(js("return arguments[0].naturalWidth", img)) > 0));
		var pics = three.findElements(By.cssSelector(".card-pics img"));
		assertThat(pics.get(0).getRect().getY()).isEqualTo(pics.get(2).getRect().getY());
		assertThat(pics.get(0).getRect().getX()).isLessThan(pics.get(1).getRect().getX());
		// 3:2 boxes, so nothing shifts while they load
		assertThat(pics.get(0).getRect().getWidth() * 2.0 / 3).isCloseTo(pics.get(0).getRect().getHeight(),
				Offset.offset(2.0));
		chromium.screenshot("home-390-cards.png");
		// the menu opens with the button (scripts on) …
		js("window.scrollTo(0, 0)");
		button.click();
		assertThat(menu.isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("[data-testid=mode-switch]")).isDisplayed()).isTrue();
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
		chromium.screenshot("menu-390.png");
		button.click();
		assertThat(menu.isDisplayed()).isFalse();
		// … and without them as the link's target
		chromium.open("/#site-menu");
		assertThat(driver.findElement(By.id("site-menu")).isDisplayed()).isTrue();
	}

	/**
	 * The 单图 card of {@link ReaderExperienceContract#SINGLE} on a channel page, scrolled
	 * into view, its cover loaded.
	 */
	private WebElement singleCard() {
		ChromeDriver driver = chromium.driver();
		WebElement card = driver.findElements(By.cssSelector("[data-testid=channel-articles] li[data-layout=single]"))
			.stream()
			.filter(li -> li.getText().contains(ReaderExperienceContract.SINGLE))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no 单图 card for " + ReaderExperienceContract.SINGLE));
		js("arguments[0].scrollIntoView({block: 'center'})", card);
		return card;
	}

	@Test
	void aCardWithACoverShowsItBesideTheTitleOnAPhoneAndOnADesktop() throws IOException {
		ChromeDriver driver = chromium.driver();
		for (int width : new int[] { 390, 1366 }) {
			viewport(width, width == 390 ? 844 : 900);
			chromium.open("/mode/standard?back=/channels/classics");
			noHorizontalScroll("/channels/classics at " + width);
			WebElement card = singleCard();
			assertThat(card.getAttribute("class")).contains("card-with-cover");
			WebElement cover = card.findElement(By.cssSelector("img[data-testid=card-cover]"));
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(d -> num(js("return arguments[0].naturalWidth", cover)) > 0);
			assertThat(cover.isDisplayed()).isTrue();
			// the picture sits to the right of the title, at the card's fixed 3:2 size,
			// inside the screen
			WebElement title = card.findElement(By.cssSelector(".card-title"));
			assertThat(cover.getRect().getX()).as("cover right of the title at " + width)
				.isGreaterThanOrEqualTo(title.getRect().getX() + title.getRect().getWidth());
			assertThat(cover.getRect().getWidth()).isEqualTo(width == 390 ? 120 : 160);
			assertThat(cover.getRect().getWidth() * 2.0 / 3).isCloseTo(cover.getRect().getHeight(), Offset.offset(2.0));
			assertThat(cover.getRect().getX() + cover.getRect().getWidth()).isLessThanOrEqualTo(width);
			assertThat(title.getRect().getWidth()).as("the title keeps most of the row")
				.isGreaterThan(width == 390 ? 180 : 300);
			// the right rendition: the browser picked a candidate from srcset, not an
			// empty box
			assertThat((String) js("return arguments[0].currentSrc", cover)).contains("/media/");
			chromium.screenshot("channel-" + width + "-cover-card.png");
		}
		// 关怀版 on a phone: the same card, the cover still beside the larger title
		viewport(390, 844);
		chromium.open("/mode/care?back=/channels/classics");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care");
		noHorizontalScroll("/channels/classics in 关怀版");
		WebElement card = singleCard();
		WebElement cover = card.findElement(By.cssSelector("img[data-testid=card-cover]"));
		assertThat(cover.isDisplayed()).isTrue();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> num(js("return arguments[0].naturalWidth", cover)) > 0);
		assertThat(cover.getRect().getX() + cover.getRect().getWidth()).isLessThanOrEqualTo(390);
		chromium.screenshot("channel-390-care-cover-card.png");
		chromium.open("/mode/standard?back=/");
	}

	@Test
	void careModeHeaderStaysWithinAFifthOfThePhoneScreen() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(390, 844);
		chromium.open("/mode/care?back=/");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care");
		assertThat(driver.findElement(By.cssSelector(".site-header")).getRect().getHeight()).isLessThanOrEqualTo(169);
		noHorizontalScroll("/ in 关怀版");
		chromium.screenshot("home-390-care.png");
		chromium.open("/mode/standard?back=/");
	}

	/**
	 * 关怀版 on a phone: the header (with the channel strip) takes at most a fifth of the
	 * screen at 320 × 640 and at 390 × 844, anonymous and signed in (消息 in the header
	 * row), on the home page and an article, and keeps the search field, the menu button
	 * and tap targets of at least 44 px.
	 */
	@Test
	void careModeHeaderIsAtMostAFifthOfThePhoneScreenSignedInAndAnonymous() throws IOException {
		ChromeDriver driver = chromium.driver();
		long id = singleArticle();
		String email = newReader("h");
		for (boolean signedIn : new boolean[] { false, true }) {
			driver.manage().deleteAllCookies();
			if (signedIn) {
				BrowserSignIn.overHttp(driver, chromium.port(), email, "correct-horse-1");
			}
			chromium.open("/mode/care?back=/");
			for (int[] screen : new int[][] { { 320, 640 }, { 390, 844 } }) {
				viewport(screen[0], screen[1]);
				for (String path : List.of("/", "/articles/" + id)) {
					chromium.open(path);
					String where = (signedIn ? "signed in" : "anonymous") + ", " + path + " at " + screen[0] + "×"
							+ screen[1];
					assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care");
					assertThat(driver.findElements(By.cssSelector("[data-testid=messages-link]")).isEmpty())
						.as("messages link, " + where)
						.isEqualTo(!signedIn);
					// at every type size the reader picks (A− … A+ A+ A+), pressed in the
					// menu
					for (int size : TYPE_SIZES) {
						typeSize(size);
						assertThat(driver.findElement(By.cssSelector(".site-header")).getRect().getHeight())
							.as("header height, " + where + ", type size " + size)
							.isLessThanOrEqualTo(screen[1] / 5);
						assertThat(width("#header-q")).as("header search field, " + where + ", type size " + size)
							.isGreaterThanOrEqualTo(120);
					}
					typeSize(0);
					for (String target : List.of("[data-testid=menu-button]", ".header-search .button",
							"[data-testid=messages-link]", ".channel-nav a")) {
						for (WebElement e : driver.findElements(By.cssSelector(target))) {
							if (e.isDisplayed() && e.getRect().getX() < screen[0]) {
								assertThat(e.getRect().getHeight()).as(target + " height, " + where)
									.isGreaterThanOrEqualTo(44);
								assertThat(e.getRect().getWidth()).as(target + " width, " + where)
									.isGreaterThanOrEqualTo(44);
							}
						}
					}
					assertThat(overlap(".header-search .button", ".menu-button")).as("search and menu, " + where)
						.isFalse();
					if (signedIn) {
						assertThat(overlap(".header-search", ".messages-link")).as("search and 消息, " + where).isFalse();
						assertThat(overlap(".messages-link", ".menu-button")).as("消息 and menu, " + where).isFalse();
					}
					noHorizontalScroll(where);
				}
				chromium.screenshot("article-" + screen[0] + "-care-header" + (signedIn ? "-signed-in" : "") + ".png");
			}
		}
		driver.manage().deleteAllCookies();
		chromium.open("/mode/standard?back=/");
		viewport(1366, 900);
	}

	/** A− once, the default, then A+ three times: every type size the reader can pick. */
	private static final int[] TYPE_SIZES = { -1, 0, 1, 2, 3 };

	/**
	 * Presses A− or A+ in the header's menu, as a reader does, until the type size is
	 * {@code size}; the menu is closed again after each press.
	 */
	private static void typeSize(int size) {
		ChromeDriver driver = chromium.driver();
		for (int i = 0; i < 5 && currentTypeSize() != size; i++) {
			String button = size > currentTypeSize() ? "text-larger" : "text-smaller";
			driver.findElement(By.cssSelector("[data-testid=menu-button]")).click();
			driver.findElement(By.cssSelector("[data-testid=" + button + "]")).click();
			driver.findElement(By.cssSelector("[data-testid=menu-button]")).click();
		}
		assertThat(currentTypeSize()).isEqualTo(size);
		assertThat(driver.findElement(By.id("site-menu")).isDisplayed()).as("menu closed").isFalse();
	}

	private static int currentTypeSize() {
		Object size = js("return document.documentElement.getAttribute('data-size')");
		return size == null ? 0 : Integer.parseInt(size.toString());
	}

	/**
	 * On a phone of 360 to 390 px the header is one row — the name, the search with its
	 * button, the menu button — at every type size the reader picks with A−/A+ (the
	 * header does not take the reader's type size; it wrapped onto two rows at 390 px
	 * after A+), while the article's text does grow; anonymous and signed in (消息 in the
	 * row).
	 */
	@Test
	void phoneHeaderStaysOneRowAtEveryTypeSize() throws IOException {
		ChromeDriver driver = chromium.driver();
		long id = singleArticle();
		String email = newReader("r");
		for (boolean signedIn : new boolean[] { false, true }) {
			driver.manage().deleteAllCookies();
			if (signedIn) {
				BrowserSignIn.overHttp(driver, chromium.port(), email, "correct-horse-1");
			}
			chromium.open("/mode/standard?back=/");
			for (int[] screen : new int[][] { { 360, 640 }, { 375, 667 }, { 390, 844 } }) {
				viewport(screen[0], screen[1]);
				for (String path : List.of("/", "/articles/" + id)) {
					chromium.open(path);
					typeSize(0);
					double bodyAtDefault = path.startsWith("/articles/")
							? px(driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size")) : 0;
					long heightAtDefault = driver.findElement(By.cssSelector(".header-row")).getRect().getHeight();
					for (int size : TYPE_SIZES) {
						typeSize(size);
						String where = (signedIn ? "signed in" : "anonymous") + ", " + path + " at " + screen[0]
								+ ", type size " + size;
						assertThat(oneRow(".brand", ".header-search", ".menu-button")).as("one header row, " + where)
							.isTrue();
						if (signedIn) {
							assertThat(oneRow(".header-search", ".messages-link")).as("消息 in the row, " + where)
								.isTrue();
						}
						assertThat((long) driver.findElement(By.cssSelector(".header-row")).getRect().getHeight())
							.as("header row height, " + where)
							.isEqualTo(heightAtDefault)
							.isLessThanOrEqualTo(64);
						// signed in below 390 px, 消息 shares the row and leaves the field
						// less room
						assertThat(width("#header-q")).as("header search field, " + where)
							.isGreaterThanOrEqualTo(signedIn && screen[0] < 390 ? 80 : 120);
						assertThat(overlap(".header-search .button", ".menu-button")).as("search and menu, " + where)
							.isFalse();
						noHorizontalScroll(where);
						if (path.startsWith("/articles/") && size > 0) {
							assertThat(px(
									driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size")))
								.as("the article's text grows, " + where)
								.isGreaterThan(bodyAtDefault);
						}
					}
					if (screen[0] == 390 && !signedIn) {
						chromium.screenshot("article-390-header-A+++.png");
					}
					typeSize(0);
				}
			}
		}
		driver.manage().deleteAllCookies();
		viewport(1366, 900);
	}

	/** True when the elements share one row: each starts above where every other ends. */
	private static boolean oneRow(String... selectors) {
		return (Boolean) js("var rects = Array.prototype.map.call(arguments, function (s) {"
				+ " return document.querySelector(s).getBoundingClientRect(); });"
				+ "var top = Math.max.apply(null, rects.map(function (r) { return r.top; }));"
				+ "var bottom = Math.min.apply(null, rects.map(function (r) { return r.bottom; }));"
				+ "return top < bottom - 1;", (Object[]) selectors);
	}

	@Test
	void phoneArticleShowsTheCreatorCardAndHotListBeforeComments() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(390, 844);
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.SINGLE)
			.query(Long.class)
			.single();
		chromium.open("/articles/" + id);
		int body = driver.findElement(By.cssSelector("[data-testid=body]")).getRect().getY();
		int card = driver.findElement(By.cssSelector("[data-testid=creator-card]")).getRect().getY();
		int hotList = driver.findElement(By.cssSelector("[data-testid=hot]")).getRect().getY();
		int comments = driver.findElement(By.cssSelector("[data-testid=comments]")).getRect().getY();
		assertThat(body).isLessThan(card);
		assertThat(card).isLessThan(hotList);
		assertThat(hotList).isLessThan(comments);
		noHorizontalScroll("article");
		chromium.screenshot("article-390.png");
		// a desktop keeps two columns: the card to the right of the article
		viewport(1366, 900);
		chromium.open("/articles/" + id);
		assertThat(driver.findElement(By.cssSelector("[data-testid=creator-card]")).getRect().getX())
			.isGreaterThan(driver.findElement(By.cssSelector("[data-testid=body]")).getRect().getX() + 400);
		assertThat(driver.findElement(By.cssSelector("[data-testid=creator-card]")).getRect().getY())
			.isLessThan(driver.findElement(By.cssSelector("[data-testid=body]")).getRect().getY() + 200);
		assertThat(driver.findElement(By.cssSelector("[data-testid=tab-bar]")).isDisplayed()).isFalse();
		assertThat(driver.findElement(By.cssSelector("[data-testid=menu-button]")).isDisplayed()).isFalse();
		assertThat(driver.findElement(By.cssSelector("[data-testid=mode-switch]")).isDisplayed()).isTrue();
		chromium.screenshot("article-1366.png");
		chromium.open("/");
		chromium.screenshot("home-1366.png");
	}

	@Test
	void hotPageAndReaderPagesReflowAt320() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(390, 844);
		chromium.open("/hot");
		assertThat(driver.findElements(By.cssSelector("[data-testid=hot-board] > li")).size())
			.isGreaterThanOrEqualTo(5);
		noHorizontalScroll("/hot");
		chromium.screenshot("hot-390.png");
		viewport(320, 640);
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.THREE)
			.query(Long.class)
			.single();
		for (String path : new String[] { "/", "/hot", "/channels/classics", "/articles/" + id,
				"/search?q=" + URLEncoder.encode("江南", StandardCharsets.UTF_8) }) {
			chromium.open(path);
			noHorizontalScroll(path + " at 320");
		}
		chromium.screenshot("search-320.png");
		viewport(1366, 900);
	}

	/**
	 * The 单图 article on a phone in 关怀版 and 无障碍 at once, with {@code prefs} as the
	 * toolbar's stored settings ({@code null}: none); returns its id.
	 */
	private long articleInCareAndA11y(String prefs) {
		viewport(390, 844);
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.SINGLE)
			.query(Long.class)
			.single();
		chromium.open("/articles/" + id);
		js("localStorage.clear()");
		if (prefs != null) {
			js("localStorage.setItem('inkstone.prefs', arguments[0])", prefs);
		}
		chromium.open("/mode/care/on?back=/articles/" + id);
		chromium.open("/mode/a11y/on?back=/articles/" + id);
		return id;
	}

	/** Back to the standard mode without stored settings, for the tests after. */
	private void backToStandard() {
		js("localStorage.clear()");
		chromium.open("/mode/standard?back=/");
	}

	@Test
	void careAndA11yCombineOnAPhone() {
		ChromeDriver driver = chromium.driver();
		articleInCareAndA11y(null);
		String classes = driver.findElement(By.tagName("body")).getAttribute("class");
		assertThat(classes).contains("mode-care").contains("mode-a11y");
		assertThat(driver.findElement(By.cssSelector(".site-header")).getRect().getHeight()).isLessThanOrEqualTo(169);
		WebElement toolbar = driver.findElement(By.cssSelector("[data-testid=a11y-toolbar]"));
		assertThat(toolbar.isDisplayed()).isTrue();
		backToStandard();
	}

	@Test
	void theA11yToolbarChangesSizeAndContrastAndTheyPersistAcrossPages() throws IOException {
		ChromeDriver driver = chromium.driver();
		articleInCareAndA11y(null);
		driver.findElement(By.cssSelector("[data-testid=a11y-toggle]")).click();
		WebElement body = driver.findElement(By.cssSelector("[data-testid=body]"));
		double before = px(body.getCssValue("font-size"));
		driver.findElement(By.cssSelector("[data-testid=a11y-zoom-in]")).click();
		driver.findElement(By.cssSelector("[data-testid=a11y-zoom-in]")).click();
		double after = px(driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size"));
		assertThat(after).isGreaterThan(before * 1.25);
		driver.findElement(By.cssSelector("[data-testid=a11y-contrast]")).click();
		assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isIn("rgba(0, 0, 0, 1)",
				"rgb(0, 0, 0)");
		assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-contrast]")).getAttribute("aria-pressed"))
			.isEqualTo("true");
		chromium.screenshot("article-390-care-a11y-contrast.png");
		// settings persist across pages (localStorage), modes across visits (cookie)
		chromium.open("/");
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-zoom")).isEqualTo("2");
		assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isIn("rgba(0, 0, 0, 1)",
				"rgb(0, 0, 0)");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care")
			.contains("mode-a11y");
		noHorizontalScroll("/ zoomed in 关怀版 + 无障碍");
		chromium.screenshot("home-390-care-a11y.png");
		backToStandard();
	}

	/**
	 * Plain text (chosen after zooming in and high contrast) shows only the article;
	 * other pages keep their navigation and the toolbar.
	 */
	@Test
	void plainTextShowsOnlyTheArticleAndOtherPagesKeepTheirNavigation() {
		ChromeDriver driver = chromium.driver();
		articleInCareAndA11y("{\"zoom\":2,\"contrast\":\"dark\"}");
		driver.findElement(By.cssSelector("[data-testid=a11y-toggle]")).click();
		driver.findElement(By.cssSelector("[data-testid=a11y-plain]")).click();
		assertThat(driver.findElement(By.cssSelector("[data-testid=creator-card]")).isDisplayed()).isFalse();
		assertThat(driver.findElement(By.cssSelector("[data-testid=body]")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-toolbar]")).isDisplayed()).isTrue();
		AccessibilityGate.check(driver, "article in 关怀版 + 无障碍, plain text");
		for (String other : List.of("/", "/search?q=" + URLEncoder.encode("静夜思", StandardCharsets.UTF_8))) {
			chromium.open(other);
			assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).as(other).isTrue();
			assertThat(driver.findElement(By.cssSelector(".tab-bar")).isDisplayed()).as(other).isTrue();
			assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-toolbar]")).isDisplayed()).as(other)
				.isTrue();
		}
		AccessibilityGate.check(driver, "/search in 关怀版 + 无障碍 with plain text stored");
		backToStandard();
	}

	@Test
	void theToolbarsResetUndoesItsSettings() {
		ChromeDriver driver = chromium.driver();
		articleInCareAndA11y("{\"zoom\":2,\"contrast\":\"dark\",\"plain\":1}");
		driver.findElement(By.cssSelector("[data-testid=a11y-toggle]")).click();
		driver.findElement(By.cssSelector("[data-testid=a11y-reset]")).click();
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-zoom")).isNull();
		assertThat(driver.findElement(By.cssSelector("[data-testid=creator-card]")).isDisplayed()).isTrue();
		backToStandard();
	}

	/**
	 * Leaving 无障碍 keeps 关怀版; the toolbar's settings stored in 无障碍 are ignored outside it,
	 * and offered for reset.
	 */
	@Test
	void leavingA11yKeepsCareAndIgnoresTheToolbarsSettingsWhichItOffersToReset() {
		ChromeDriver driver = chromium.driver();
		long id = articleInCareAndA11y(null);
		chromium.open("/mode/a11y/off?back=/");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care")
			.doesNotContain("mode-a11y");
		assertThat(driver.findElements(By.cssSelector("[data-testid=a11y-toolbar]"))).isEmpty();
		js("localStorage.setItem('inkstone.prefs', arguments[0])", "{\"plain\":1,\"contrast\":\"dark\",\"size\":1}");
		chromium.open("/articles/" + id);
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-plain")).isNull();
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-contrast")).isNull();
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-size")).isEqualTo("1");
		assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("[data-testid=creator-card]")).isDisplayed()).isTrue();
		WebElement offer = driver.findElement(By.cssSelector("[data-testid=a11y-prefs-reset]"));
		assertThat(offer.getAttribute("hidden")).isNull();
		AccessibilityGate.check(driver, "article in 关怀版 with 无障碍 settings stored");
		js("arguments[0].click()", offer);
		assertThat((String) js("return localStorage.getItem('inkstone.prefs')")).doesNotContain("plain")
			.doesNotContain("contrast")
			.contains("size");
		assertThat(offer.getAttribute("hidden")).isNotNull();
		backToStandard();
	}

	@Test
	void typeSizeAndNightSchemeAreTheReadersChoice() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(1366, 900);
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.THREE)
			.query(Long.class)
			.single();
		chromium.open("/articles/" + id);
		js("localStorage.clear()");
		driver.navigate().refresh();
		double before = px(driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size"));
		driver.findElement(By.cssSelector("[data-testid=text-larger]")).click();
		double larger = px(driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size"));
		assertThat(larger).isGreaterThan(before);
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-standard");
		WebElement night = driver.findElement(By.cssSelector("[data-testid=night-switch]"));
		assertThat(night.getAttribute("aria-pressed")).isEqualTo("false");
		night.click();
		assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isIn("rgba(22, 22, 22, 1)",
				"rgb(22, 22, 22)");
		chromium.screenshot("article-1366-night.png");
		driver.navigate().refresh();
		assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isIn("rgba(22, 22, 22, 1)",
				"rgb(22, 22, 22)");
		assertThat(driver.findElement(By.cssSelector("[data-testid=night-switch]")).getAttribute("aria-pressed"))
			.isEqualTo("true");
		// the system's dark preference is followed until the reader chooses
		js("localStorage.clear()");
		Chromium.colorScheme(driver, "dark");
		driver.navigate().refresh();
		assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).isIn("rgba(22, 22, 22, 1)",
				"rgb(22, 22, 22)");
		driver.findElement(By.cssSelector("[data-testid=night-switch]")).click();
		assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color"))
			.isIn("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)");
		Chromium.colorScheme(driver, "light");
		js("localStorage.clear()");
	}

	@Test
	void aSignedInReaderSavesAnArticleAndSeesItUnderSaved() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(390, 844);
		String email = "b" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		accounts.signUp(email, "correct-horse-1", "读者", Role.READER).orElseThrow();
		// the login form itself is tested elsewhere
		BrowserSignIn.overHttp(driver, chromium.port(), email, "correct-horse-1");
		chromium.open("/");
		assertThat(driver.findElements(By.cssSelector("[data-testid=saved-menu-link]"))).as("signed in").isNotEmpty();
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.THREE)
			.query(Long.class)
			.single();
		chromium.open("/articles/" + id);
		WebElement save = driver.findElement(By.cssSelector("[data-testid=save-button]"));
		js("arguments[0].scrollIntoView({block: 'center'})", save);
		save.click();
		// the click may reload the page (without JavaScript the form posts): the button
		// found before can go stale
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> "true"
				.equals(d.findElement(By.cssSelector("[data-testid=save-button]")).getAttribute("aria-pressed")));
		driver.findElement(By.cssSelector("[data-testid=tab-bar] a[href='/account']"));
		chromium.open("/saved");
		assertThat(driver.findElements(By.cssSelector("[data-testid=saved] li.card .card-title"))
			.stream()
			.map(WebElement::getText)
			.toList()).containsExactly(ReaderExperienceContract.THREE);
		noHorizontalScroll("/saved");
		chromium.screenshot("saved-390.png");
		driver.manage().deleteAllCookies();
	}

	@Test
	void anAnonymousFollowerSeesTheSharedArticleAndCreatorPagesSayFollowing() throws IOException {
		ChromeDriver driver = chromium.driver();
		driver.manage().deleteAllCookies(); // a reader without an account follows by its
											// reader cookie
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.THREE)
			.query(Long.class)
			.single();
		chromium.open("/articles/" + id);
		WebElement follow = driver.findElement(By.cssSelector("[data-testid=follow-button]"));
		js("arguments[0].scrollIntoView({block: 'center'})", follow);
		follow.click();
		// the pages are rendered once for everyone as "follow": the reader's own state
		// turns the button
		chromium.open("/articles/" + id);
		assertShowsFollowing(driver);
		String creatorPath = driver.findElement(By.cssSelector("[data-testid=creator-card] a.creator-name"))
			.getAttribute("href")
			.substring(chromium.url("").length());
		chromium.open(creatorPath);
		assertShowsFollowing(driver);
		driver.manage().deleteAllCookies();
	}

	private static void assertShowsFollowing(ChromeDriver driver) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> "true"
				.equals(d.findElement(By.cssSelector("[data-testid=follow-button]")).getAttribute("aria-pressed")));
		assertThat(driver.findElement(By.cssSelector(".follow-form")).getAttribute("action")).endsWith("/unfollow");
	}

	// --- fix16 ---

	private static long width(String selector) {
		return num(js("var e = document.querySelector(arguments[0]); return e ? e.getBoundingClientRect().width : -1;",
				selector));
	}

	@Test
	void theA11yToolbarOffersColourSchemesThatPersistAtAaContrast() throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(1366, 900);
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.SINGLE)
			.query(Long.class)
			.single();
		chromium.open("/articles/" + id);
		js("localStorage.clear()");
		chromium.open("/mode/a11y?back=/articles/" + id);
		assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-colors-white]")).getAttribute("aria-pressed"))
			.isEqualTo("true");
		Map<String, String> backgrounds = Map.of("black", "0, 0, 0", "yellow", "255, 255, 153", "blue", "0, 51, 102");
		for (String scheme : List.of("black", "yellow", "blue")) {
			driver.findElement(By.cssSelector("[data-testid=a11y-colors-" + scheme + "]")).click();
			assertThat(driver.findElement(By.tagName("body")).getCssValue("background-color")).as(scheme)
				.isIn("rgba(" + backgrounds.get(scheme) + ", 1)", "rgb(" + backgrounds.get(scheme) + ")");
			assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-colors-" + scheme + "]"))
				.getAttribute("aria-pressed")).isEqualTo("true");
			AccessibilityGate.check(driver, "article in 无障碍, colour scheme " + scheme);
		}
		// persisted like the other settings
		chromium.open("/");
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-colors")).isEqualTo("blue");
		AccessibilityGate.check(driver, "/ in 无障碍, colour scheme blue");
		chromium.screenshot("home-1366-a11y-blue.png");
		driver.findElement(By.cssSelector("[data-testid=a11y-colors-white]")).click();
		assertThat(driver.findElement(By.tagName("html")).getAttribute("data-colors")).isNull();
		chromium.open("/mode/standard?back=/");
	}

	private static boolean overlap(String a, String b) {
		return (Boolean) js("var x = document.querySelector(arguments[0]).getBoundingClientRect(),"
				+ " y = document.querySelector(arguments[1]).getBoundingClientRect();"
				+ "return x.left < y.right - 1 && y.left < x.right - 1 && x.top < y.bottom - 1 && y.top < x.bottom - 1;",
				a, b);
	}

	private void prefs(String json) {
		chromium.open("/rules");
		js("localStorage.setItem('inkstone.prefs', arguments[0])", json);
	}

	@Test
	void searchFieldsKeepTheirWidthOnAPhoneInEveryModeAndLanguage() throws IOException {
		ChromeDriver driver = chromium.driver();
		prefs("{}");
		for (String mode : List.of("standard", "care", "a11y")) {
			chromium.open("/mode/" + mode + "?back=/");
			for (int w : new int[] { 320, 390 }) {
				viewport(w, 844);
				for (String lang : List.of("zh_CN", "en")) {
					chromium.open("/?lang=" + lang);
					String where = mode + " " + lang + " at " + w;
					assertThat(width("#header-q")).as("header search field, " + where).isGreaterThanOrEqualTo(120);
					assertThat(overlap(".header-search .button", ".menu-button"))
						.as("search and menu overlap, " + where)
						.isFalse();
					noHorizontalScroll("/ " + where);
					if (!"standard".equals(mode) || w > 360) {
						assertThat(driver.findElement(By.cssSelector(".site-header")).getRect().getHeight())
							.as("header height, " + where)
							.isLessThanOrEqualTo(169);
					}
				}
				chromium.open("/search?lang=zh_CN&q=" + URLEncoder.encode("江南", StandardCharsets.UTF_8));
				assertThat(width("#search-q")).as("results page search field, " + mode + " at " + w)
					.isGreaterThanOrEqualTo(w - 60);
			}
		}
		chromium.screenshot("home-320-a11y-header.png");
		chromium.open("/mode/standard?back=/");
		viewport(390, 844);
		assertThat(driver.findElement(By.cssSelector(".site-header")).getRect().getHeight()).isLessThanOrEqualTo(130);
		viewport(1366, 900);
	}

	@Test
	void careModeAtLargeTextOnA320PhoneNeverScrollsSidewaysAndTheToolbarFolds() throws IOException {
		ChromeDriver driver = chromium.driver();
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.SINGLE)
			.query(Long.class)
			.single();
		List<String> paths = List.of("/", "/hot", "/articles/" + id, "/channels/classics", "/following",
				"/search?q=" + URLEncoder.encode("江南", StandardCharsets.UTF_8));
		viewport(320, 640);
		chromium.open("/mode/care?back=/");
		prefs("{\"size\":3}");
		for (String path : paths) {
			chromium.open(path);
			noHorizontalScroll(path + " in 关怀版 with A+ at 320");
			assertThat(overlap(".header-search .button", ".menu-button")).as("search and menu overlap on " + path)
				.isFalse();
		}
		chromium.screenshot("article-320-care-large.png");
		chromium.open("/mode/a11y/on?back=/");
		prefs("{\"zoom\":2,\"spacing\":1}");
		for (String path : paths) {
			chromium.open(path);
			noHorizontalScroll(path + " in 关怀版 + 无障碍 zoomed at 320");
		}
		// the toolbar is one compact row on a phone; its tools open on demand
		chromium.open("/articles/" + id);
		WebElement toolbar = driver.findElement(By.cssSelector("[data-testid=a11y-toolbar]"));
		assertThat(toolbar.getRect().getHeight()).as("folded toolbar").isLessThanOrEqualTo(64);
		assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-zoom-in]")).isDisplayed()).isFalse();
		WebElement toggle = driver.findElement(By.cssSelector("[data-testid=a11y-toggle]"));
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		toggle.click();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(driver.findElement(By.cssSelector("[data-testid=a11y-zoom-in]")).isDisplayed()).isTrue();
		noHorizontalScroll("article with the toolbar open at 320");
		chromium.screenshot("article-320-care-a11y-toolbar.png");
		prefs("{}");
		chromium.open("/mode/standard?back=/");
		viewport(1366, 900);
	}

	@Test
	void longUnbrokenWordsInTitlesAndNamesWrap() throws IOException {
		String word = "Supercalifragilisticexpialidocious";
		Seed seed = new Seed(importer, jdbc);
		long id = seed.publish(Seed.article("long-word")
			.creator("longword")
			.creatorName(word + "Writer")
			.channel("classics")
			.title("静夜思" + word + word)
			.body("床前明月光。")
			.publishedAt("2001-01-01T08:00:00Z"));
		for (int w : new int[] { 320, 390 }) {
			viewport(w, 844);
			for (String path : List.of("/articles/" + id, "/creators/longword")) {
				chromium.open(path);
				noHorizontalScroll(path + " at " + w);
			}
		}
		viewport(1366, 900);
	}

	@Test
	void theChannelStripShowsTheCurrentChannel() {
		ChromeDriver driver = chromium.driver();
		viewport(390, 844);
		String last = jdbc.sql("SELECT slug FROM channels ORDER BY position DESC, id DESC LIMIT 1")
			.query(String.class)
			.single();
		chromium.open("/channels/" + last);
		WebElement current = driver.findElement(By.cssSelector(".channel-nav a[aria-current=page]"));
		long left = num(js("return arguments[0].getBoundingClientRect().left", current));
		long right = num(js("return arguments[0].getBoundingClientRect().right", current));
		assertThat(left).as("current channel's left edge").isGreaterThanOrEqualTo(0);
		assertThat(right).as("current channel's right edge").isLessThanOrEqualTo(390);
		viewport(1366, 900);
	}

	private static double px(String cssValue) {
		return Double.parseDouble(cssValue.replace("px", "").trim());
	}

	/** The fixture's article with one picture. */
	private long singleArticle() {
		return jdbc.sql("SELECT id FROM articles WHERE title = :t")
			.param("t", ReaderExperienceContract.SINGLE)
			.query(Long.class)
			.single();
	}

	/** A new reader's account; its e-mail (password correct-horse-1). */
	private String newReader(String prefix) {
		String email = prefix + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		accounts.signUp(email, "correct-horse-1", "读者", Role.READER).orElseThrow();
		return email;
	}

}
