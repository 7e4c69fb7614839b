package io.inkstone.settings;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.inkstone.articles.Aigc;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.articles.LifecycleOutcome;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;
import io.inkstone.support.Seed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real browser changes the site name and the compliance profile, then adds
 * a sensitive word, at {@code /admin/settings}: each save answers with a message, the
 * header shows the new name at once, and the next article with the word is held — no
 * restart. The page passes the accessibility gate and reflows at 320 CSS px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SettingsBrowserTests {

	private static final String ADMIN = "admin@settings-browser.test";

	private static final String ADMIN_PASSWORD = "settings-browser-1";

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	Articles articles;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, ADMIN, ADMIN_PASSWORD);
	}

	@Test
	void anAdminChangesTheSiteNameAndAWordThatHoldsTheNextArticle() throws IOException {
		ChromeDriver driver = chromium.driver();
		long creator;
		Seed seed = new Seed(importer, jdbc);
		seed.publish(Seed.article("settings-browser-1").creator("settings-writer").title("设置页之前的文章"));
		creator = jdbc.sql("SELECT creator_id FROM articles WHERE import_key = 'id:settings-browser-1'")
			.query(Long.class)
			.single();
		long channel = jdbc.sql("SELECT id FROM channels ORDER BY id LIMIT 1").query(Long.class).single();

		chromium.signInWithLoginForm(ADMIN, ADMIN_PASSWORD);
		chromium.open("/admin");
		driver.findElement(By.cssSelector("[data-testid=admin-nav] a[href='/admin/settings']")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=site-settings]")).isEmpty());
		AccessibilityGate.check(driver, "/admin/settings");

		WebElement name = chromium.testId("site-name");
		name.clear();
		name.sendKeys("浏览器改的站名");
		driver.findElement(By.cssSelector("input[name=complianceProfile][value=eu-dsa]")).click();
		chromium.testId("save-settings").click();
		chromium.waitForFlash("设置已保存");
		assertThat(driver.findElement(By.cssSelector("a.brand")).getText()).contains("浏览器改的站名");
		assertThat(driver.getTitle()).contains("浏览器改的站名");

		// a refused value: the field says why, the page is still usable
		WebElement zone = chromium.testId("time-zone");
		zone.clear();
		zone.sendKeys("Mars/Olympus");
		chromium.testId("save-settings").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-field=timeZone]")).isEmpty());
		assertThat(chromium.testId("time-zone").getAttribute("aria-invalid")).isEqualTo("true");
		AccessibilityGate.check(driver, "/admin/settings with a refused time zone");
		chromium.open("/admin/settings");

		WebElement words = chromium.testId("words");
		words.sendKeys("\n浏览器禁词");
		chromium.testId("save-lists").click();
		chromium.waitForFlash("名单已保存");
		assertThat(chromium.testId("words").getAttribute("value")).contains("浏览器禁词");
		chromium.screenshot("settings-1366.png");

		LifecycleOutcome outcome = articles.publish(articles.createDraft(creator,
				new Draft("一篇提到浏览器禁词的文章", "这里写着浏览器禁词。", channel, "", true, Aigc.NONE, null)), creator);
		assertThat(outcome).isInstanceOf(LifecycleOutcome.HeldForReview.class);

		// on a phone: no sideways scrolling at 320 CSS px, and still accessible
		Chromium.viewport(driver, 320, 800, true);
		chromium.open("/admin/settings");
		JavascriptExecutor js = driver;
		long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(scroll).as("page width at 320 px").isLessThanOrEqualTo(width);
		AccessibilityGate.check(driver, "/admin/settings at 320 px");
		chromium.screenshot("settings-320.png");
		Chromium.viewport(driver, 1366, 900, false);
	}

	/**
	 * The mail, address and logo sections: a preset fills the fields, a refused port and
	 * address say why at the field, a test send without a server says so, an uploaded
	 * logo is in the header at once; accessible, and reflowing at 320 CSS px.
	 */
	@Test
	void anAdminFillsAPresetUploadsALogoAndIsToldWhatIsWrong() throws IOException {
		ChromeDriver driver = chromium.driver();
		chromium.signInWithLoginForm(ADMIN, ADMIN_PASSWORD);
		chromium.open("/admin/settings#mail");
		chromium.testId("preset-qq").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> "smtp.qq.com".equals(chromium.testId("mail-host").getAttribute("value")));
		assertThat(chromium.testId("mail-port").getAttribute("value")).isEqualTo("465");
		AccessibilityGate.check(driver, "/admin/settings with a mail preset");

		WebElement mailPort = chromium.testId("mail-port");
		mailPort.clear();
		mailPort.sendKeys("70000");
		chromium.testId("mail-from").sendKeys("noreply@qq.example");
		chromium.testId("save-mail").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-field=port]")).isEmpty());
		assertThat(chromium.testId("mail-port").getAttribute("aria-invalid")).isEqualTo("true");
		AccessibilityGate.check(driver, "/admin/settings with a refused mail port");

		chromium.open("/admin/settings");
		chromium.testId("send-test-mail").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=identity-flash]")).isEmpty());
		assertThat(chromium.testId("identity-flash").getText()).contains("还没有设置发信服务器");

		WebElement address = chromium.testId("public-url");
		address.clear();
		address.sendKeys("news.example");
		chromium.testId("save-public-url").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-field=publicUrl]")).isEmpty());
		assertThat(chromium.testId("public-url").getAttribute("aria-invalid")).isEqualTo("true");

		Path logo = Files.createTempFile("logo", ".png");
		Files.write(logo, SiteIdentityContract.png(160, 40, Color.ORANGE));
		chromium.open("/admin/settings#logo");
		chromium.testId("logo-file").sendKeys(logo.toAbsolutePath().toString());
		chromium.testId("upload-logo").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=reset-logo]")).isEmpty());
		JavascriptExecutor js = driver;
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) js.executeScript(
				"var i = document.querySelector('img[data-testid=site-logo]'); return i.complete ? i.naturalWidth : 0"))
			.longValue() == 160);
		AccessibilityGate.check(driver, "/admin/settings with an uploaded logo");
		chromium.screenshot("settings-identity-1366.png");

		Chromium.viewport(driver, 320, 800, true);
		chromium.open("/admin/settings#mail");
		long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(scroll).as("page width at 320 px with the mail, address and logo sections")
			.isLessThanOrEqualTo(width);
		AccessibilityGate.check(driver, "/admin/settings mail, address and logo at 320 px");
		chromium.screenshot("settings-identity-320.png");
		Chromium.viewport(driver, 1366, 900, false);
		chromium.testId("reset-logo").click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElements(By.cssSelector("[data-testid=reset-logo]")).isEmpty());
	}

}
