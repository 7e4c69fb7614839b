package io.inkstone.site;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Browser;
import io.inkstone.support.Chromium;
import io.inkstone.support.Fixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An anonymous reader with JavaScript switched off, on the shared (stored) article page:
 * like, share, follow and report all work — the shared page carries no CSRF token, so
 * like, share and follow go through the one-click confirmation page that carries one, and
 * the report form is a page of its own — and each takes effect. Meanwhile the article
 * page stays the same bytes for every anonymous reader, this one included. Stored pages
 * live one second here, so the page itself shows the new counts soon after.
 */
abstract class NoScriptReaderContract {

	/** Shared by the database subclasses, which run one after the other. */
	@RegisterExtension
	static final Chromium.Session chromium = Chromium.sessionWithoutJavaScript(1280, 900);

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anonymousReaderLikesSharesFollowsAndReportsWithoutJavaScript() throws IOException {
		importer.importLines(Fixtures.open(Fixtures.CLASSICS), null);
		long id = jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'poetry-tang'"
					+ " ORDER BY a.published_at DESC LIMIT 1")
			.query(Long.class)
			.single();
		String article = "/articles/" + id;
		sameBytesForEveryAnonymousReader(article, "");

		ChromeDriver driver = chromium.driver();
		chromium.open(article);
		// scripts are off: the parser made the <noscript> read beacon part of the page
		assertThat(driver.findElements(By.cssSelector("img.beacon"))).hasSize(1);
		long likes = live(id, "likes");
		long shares = live(id, "shares");
		long followers = live(id, "followers");

		// like: the shared page's form has no token, so one more click on /confirm
		click("[data-testid=like-button]");
		confirm(article + "/like");
		waitFor(d -> d.getCurrentUrl().contains(article + "#like"));
		assertThat(live(id, "likes")).isEqualTo(likes + 1);
		shownSoon(article, "[data-testid=like-count]", Long.toString(likes + 1));

		// share: back on the page with the share panel open and the count moved
		click("[data-testid=share-button]");
		confirm(article + "/share");
		waitFor(d -> d.getCurrentUrl().contains(article + "?shared=1"));
		assertThat(driver.findElement(By.cssSelector("[data-testid=share-panel]")).isDisplayed()).isTrue();
		assertThat(live(id, "shares")).isEqualTo(shares + 1);
		shownSoon(article + "?shared=1", "[data-testid=share-count]", (shares + 1) + " 次分享");

		// follow: recorded for this reader (their 关注 page lists the creator's article)
		chromium.open(article);
		click("[data-testid=creator-card] [data-testid=follow-button]");
		confirm("/follow");
		waitFor(d -> d.getCurrentUrl().endsWith(article));
		assertThat(live(id, "followers")).isEqualTo(followers + 1);
		chromium.open("/following");
		assertThat(driver.findElements(By.cssSelector("[data-testid=following] a.card-title"))
			.stream()
			.map(a -> a.getAttribute("href"))).anyMatch(href -> href.endsWith(article));
		shownSoon(article, "[data-testid=creator-card] [data-testid=follower-count]", Long.toString(followers + 1));

		// report: the link leads to the form's own page, which carries a token
		long reports = reportsOn(id);
		chromium.open(article);
		click("[data-testid=report]");
		waitFor(d -> !d.findElements(By.cssSelector("[data-testid=report-form]")).isEmpty());
		click("[data-testid=report-form] input[name=reason]");
		click("[data-testid=report-submit]");
		waitFor(d -> !d.findElements(By.cssSelector("[data-testid=report-filed]")).isEmpty());
		assertThat(driver.getCurrentUrl()).contains("/reports/");
		assertThat(reportsOn(id)).isEqualTo(reports + 1);

		// after all that, this reader still gets the page every anonymous reader gets
		String cookies = driver.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		assertThat(cookies).contains("XSRF-TOKEN=");
		sameBytesForEveryAnonymousReader(article, cookies);
	}

	/**
	 * A fresh reader and one sending {@code cookies} get the same bytes, without
	 * {@code Set-Cookie}. Stored pages expire every second here, and a re-render after a
	 * hot-list move may differ from the one before it, so two readers are asked again
	 * until they meet at the same moment; per-reader content would never meet.
	 */
	private void sameBytesForEveryAnonymousReader(String path, String cookies) {
		// the first render of a page on a busy machine can take seconds
		assertThat(new Browser(port).get(path).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<byte[]> fresh = new Browser(port).getBytes(path, "Accept-Encoding", "identity");
			HttpResponse<byte[]> known = cookies.isEmpty()
					? new Browser(port).getBytes(path, "Accept-Encoding", "identity")
					: new Browser(port).getBytes(path, "Cookie", cookies);
			assertThat(fresh.statusCode()).isEqualTo(200);
			assertThat(known.statusCode()).isEqualTo(200);
			assertThat(fresh.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(known.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(Arrays.equals(fresh.body(), known.body())).as("identical bytes for two anonymous readers")
				.isTrue();
		});
	}

	private void click(String css) {
		chromium.driver().findElement(By.cssSelector(css)).click();
	}

	/** The confirmation page of a reader action: it names the action and sends it. */
	private void confirm(String actionEnd) {
		waitFor(d -> d.getCurrentUrl().contains("/confirm?action="));
		assertThat(chromium.driver().findElement(By.cssSelector("[data-testid=confirm] form")).getAttribute("action"))
			.endsWith(actionEnd);
		click("[data-testid=confirm-button]");
	}

	/**
	 * The page, reloaded without scripts, shows the new figure once its copy ages out.
	 */
	private void shownSoon(String path, String css, String text) {
		new WebDriverWait(chromium.driver(), Duration.ofSeconds(30), Duration.ofMillis(300)).until(d -> {
			d.get(chromium.url(path));
			return d.findElement(By.cssSelector(css)).getText().strip().equals(text);
		});
	}

	private static void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(chromium.driver(), Duration.ofSeconds(30)).until(condition::apply);
	}

	private long live(long id, String field) {
		String body = new Browser(port).get("/articles/" + id + "/live").body();
		return Long.parseLong(body.replaceAll(".*\"" + field + "\":([0-9]+).*", "$1"));
	}

	private long reportsOn(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM reports WHERE target_type = 'article' AND target_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
