package io.inkstone.site;

import java.io.IOException;
import java.time.Duration;

import io.inkstone.discovery.HotList;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import org.openqa.selenium.interactions.Actions;

/**
 * The article page in a real browser (Debian's headless Chromium): normal and 关怀版,
 * computed styles, the share button, keyboard access. Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArticlePageBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1280, 900);

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HotList hot;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@Test
	void readsTheArticleSharesItAndSwitchesToCareMode() throws IOException {
		ChromeDriver driver = chromium.driver();
		importer.importLines(Fixtures.open(Fixtures.CLASSICS), null);
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> hot.site(5).size() == 5);
		long id = jdbc
			.sql("SELECT a.id FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'poetry-tang'"
					+ " ORDER BY a.published_at DESC LIMIT 1")
			.query(Long.class)
			.single();
		String url = chromium.url("/articles/" + id);
		driver.get(url);
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=related] li")).isEmpty() || reload(d));
		assertThat(driver.findElement(By.cssSelector("[data-testid=title]")).getText()).isNotBlank();
		double normalFont = px(driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size"));
		chromium.screenshot("article.png");

		// share: the count goes up once, the panel with link and QR code opens
		WebElement count = driver.findElement(By.cssSelector("[data-testid=share-count]"));
		assertThat(count.getText()).isEqualTo("0 次分享");
		driver.findElement(By.cssSelector("[data-testid=share-button]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("[data-testid=share-count]")).getText().equals("1 次分享"));
		assertThat(driver.findElement(By.cssSelector("[data-testid=share-panel]")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector(".share-link")).getAttribute("value")).isEqualTo(url);
		chromium.screenshot("article-shared.png");

		// keyboard: the first Tab reaches the skip link
		driver.get(url);
		new Actions(driver).sendKeys(Keys.TAB).perform();
		assertThat(driver.switchTo().activeElement().getAttribute("class")).contains("skip-link");

		// 关怀版: larger type, generous line height, persisted across pages
		driver.findElement(By.cssSelector("[data-testid=mode-switch] a[data-mode=care]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("mode-care"));
		WebElement body = driver.findElement(By.tagName("body"));
		double careFont = px(body.getCssValue("font-size"));
		double lineHeight = px(body.getCssValue("line-height"));
		assertThat(careFont).isGreaterThanOrEqualTo(18);
		assertThat(lineHeight / careFont).isGreaterThanOrEqualTo(1.6);
		double careBodyFont = px(driver.findElement(By.cssSelector("[data-testid=body]")).getCssValue("font-size"));
		assertThat(careBodyFont).isGreaterThan(normalFont);
		double buttonHeight = driver.findElement(By.cssSelector("[data-testid=share-button]")).getSize().getHeight();
		assertThat(buttonHeight).isGreaterThanOrEqualTo(44);
		assertThat(driver.findElements(By.cssSelector("[data-testid=channel-headlines]"))).isEmpty();
		chromium.screenshot("article-care.png");
		chromium.open("/");
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care");
		chromium.screenshot("home-care.png");
		driver.findElement(By.linkText("退出关怀版")).click();
		driver.get(url);
		assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-standard");
		// a reader's second share the same day does not count again
		driver.findElement(By.cssSelector("[data-testid=share-button]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("[data-testid=share-panel]")).isDisplayed());
		assertThat(driver.findElement(By.cssSelector("[data-testid=share-count]")).getText()).isEqualTo("1 次分享");
	}

	@Test
	void searchSuggestsWhileTypingHighlightsMatchesAndLeadsToTheArticle() throws IOException {
		ChromeDriver driver = chromium.driver();
		importer.importLines(Fixtures.open(Fixtures.CLASSICS), null); // idempotent: known
																		// articles are
																		// skipped
		String title = jdbc
			.sql("SELECT a.title FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'poetry-tang'"
					+ " AND LENGTH(a.title) >= 3 ORDER BY a.published_at DESC LIMIT 1")
			.query(String.class)
			.single();
		long id = jdbc.sql("SELECT id FROM articles WHERE title = :t ORDER BY published_at DESC LIMIT 1")
			.param("t", title)
			.query(Long.class)
			.single();
		String prefix = title.substring(0, 2);
		chromium.open("/search");
		// suggestions are built in the background and follow new articles: type until the
		// datalist offers the title
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
			WebElement box = d.findElement(By.id("search-q"));
			box.clear();
			box.sendKeys(prefix);
			try {
				// the datalist is filled from the suggest endpoint a moment after typing
				return new WebDriverWait(d, Duration.ofSeconds(2), Duration.ofMillis(100))
					.until(offered -> offered.findElements(By.cssSelector("#search-suggestions option"))
						.stream()
						.anyMatch(o -> o.getAttribute("value").startsWith(prefix)));
			}
			catch (TimeoutException notYet) {
				return false;
			}
		});
		WebElement box = driver.findElement(By.id("search-q"));
		box.clear();
		box.sendKeys(title, Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=search-results] li")).isEmpty() || reload(d));
		WebElement first = driver.findElement(By.cssSelector("[data-testid=search-results] li a.card-title"));
		assertThat(first.getAttribute("href")).endsWith("/articles/" + id);
		assertThat(first.findElements(By.tagName("mark"))).isNotEmpty();
		assertThat(driver.findElement(By.cssSelector("[role=search]")).isDisplayed()).isTrue();
		chromium.screenshot("search.png");
		first.click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/articles/" + id));
		assertThat(driver.findElement(By.cssSelector("[data-testid=title]")).getText()).isEqualTo(title);
	}

	private static boolean reload(WebDriver d) {
		d.navigate().refresh();
		return false;
	}

	private static double px(String cssValue) {
		return Double.parseDouble(cssValue.replace("px", "").trim());
	}

}
