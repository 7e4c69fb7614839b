package io.inkstone.studio;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.NewArticle;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Engagement;
import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.Browser;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Creator analytics in headless Chromium: the article page's script tells the beacon the
 * referring site's host (a reader arriving from another host is counted under it); the
 * analytics page and one article's trend pass the accessibility gate at 390 and 1366 px
 * and never scroll sideways at 320 px; an article without data shows the empty state.
 * Screenshots in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioAnalyticsBrowserTests {

	private static final String PASSWORD = "analytics-browser-1";

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Articles articles;

	@Autowired
	Creators creators;

	@Autowired
	CreatorApplications applications;

	@Autowired
	Engagement engagement;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, "admin@analytics-browser.test", "analytics-admin-1");
		registry.add("inkstone.counters.per-address-hourly", () -> "100");
	}

	@Test
	void theAnalyticsPagesAreAccessibleReflowAndCountWhereReadersCameFrom() throws IOException {
		ChromeDriver driver = chromium.driver();
		String email = "writer@analytics-browser.test";
		long account = accounts.signUp(email, PASSWORD, "数据作者", Role.READER).orElseThrow().accountId();
		assertThat(applications.apply(account,
				new CreatorApplications.Form("个人", "数据作者号", "datawriter", "", "tech", "微信 d", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		long creator = creators.ofAccount(account).orElseThrow().id();
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();
		long now = System.currentTimeMillis();
		List<Long> ids = List.copyOf(articles.importBatch(List.of(
				new NewArticle("ab-1", creator, channel, "一篇有读者的文章", "正文一。", "", true, Aigc.NONE, null,
						now - 3_600_000L),
				new NewArticle("ab-2", creator, channel, "一篇还没有读者的文章", "正文二。", "", true, Aigc.NONE, null,
						now - 3_600_000L)))
			.values());
		long read = ids.get(0);
		long unread = ids.get(1);

		// a reader follows a link from another host (127.0.0.2 is this machine too): the
		// cached page's script sends that host with the read
		driver.manage().deleteAllCookies();
		driver.get("http://127.0.0.2:" + port + "/robots.txt");
		driver.executeScript("window.location.href = arguments[0];", chromium.url("/articles/" + read));
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			engagement.flush();
			return jdbc
				.sql("SELECT COALESCE(SUM(reads), 0) FROM article_read_sources WHERE article_id = :a"
						+ " AND source = 'other' AND host = '127.0.0.2'")
				.param("a", read)
				.query(Long.class)
				.single() == 1;
		});
		// more readers, from a search engine and from nowhere
		for (Map<String, String> origin : List.of(Map.of("ref", "m.baidu.com"), Map.of("ref", "www.sogou.com"),
				Map.<String, String>of())) {
			HttpResponse<String> r = new Browser(port).post("/articles/" + read + "/view", origin, "application/json");
			assertThat(r.body()).contains("\"counted\":true");
		}
		engagement.flush();

		BrowserSignIn.overHttp(driver, port, email, PASSWORD);
		List<String> pages = List.of("/studio/analytics?days=30", "/studio/analytics/articles/" + read,
				"/studio/analytics/articles/" + unread);
		chromium.open(pages.get(1));
		assertThat(driver.findElements(By.cssSelector("[data-testid=chart-reads] svg rect.chart-bar"))).hasSize(30);
		assertThat(driver.findElement(By.cssSelector("[data-testid=read-sources] tr[data-source=search] .value"))
			.getText()).isEqualTo("2");
		assertThat(driver.findElement(By.cssSelector("[data-testid=referrers]")).getText()).contains("127.0.0.2")
			.contains("baidu.com");
		chromium.open(pages.get(2));
		assertThat(driver.findElements(By.cssSelector("[data-testid=chart-empty]"))).hasSize(4);

		List<String> failures = new ArrayList<>();
		for (int[] size : new int[][] { { 1366, 900 }, { 390, 844 } }) {
			Chromium.viewport(driver, size[0], size[1], size[0] < 800);
			for (String path : pages) {
				chromium.open(path);
				try {
					AccessibilityGate.check(driver, size[0] + " " + path);
				}
				catch (AssertionError failure) {
					failures.add(failure.getMessage());
				}
				chromium.screenshot("analytics-" + size[0] + path.replaceAll("[^a-z0-9]+", "-") + ".png");
			}
		}
		assertThat(failures).as("analytics pages that fail the accessibility gate").isEmpty();

		Chromium.viewport(driver, 320, 700, true);
		List<String> overflowing = new ArrayList<>();
		for (String path : pages) {
			chromium.open(path);
			String overflow = chromium.horizontalOverflow();
			if (!overflow.isEmpty()) {
				overflowing.add(path + ": " + overflow);
			}
			chromium.screenshot("analytics-320" + path.replaceAll("[^a-z0-9]+", "-") + ".png");
		}
		assertThat(overflowing).as("analytics pages that scroll sideways at 320 px").isEmpty();
		Chromium.viewport(driver, 1366, 900, false);
	}

}
