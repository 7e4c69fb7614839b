package io.inkstone.site;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.discovery.HotList;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.media.Media;
import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accessibility gate over the pages people use: axe-core (WCAG 2.1 A and AA) in a
 * real browser, on a phone (390 px) and a desktop (1366 px), in the standard, 关怀版 and 无障碍
 * modes, for readers, a creator's studio and the operators' console. A new violation on
 * any of them fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

	private static final String ADMIN = "admin@a11y.test";

	private static final String ADMIN_PASSWORD = "a11y-admin-password-1";

	private static ChromeDriver driver;

	private static boolean seeded;

	@LocalServerPort
	int port;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Media media;

	@Autowired
	HotList hot;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.admin.email", () -> ADMIN);
		registry.add("inkstone.admin.password", () -> ADMIN_PASSWORD);
	}

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.start(1366, 900);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@BeforeEach
	void seedOnce() throws IOException {
		if (!seeded) {
			seeded = true;
			ReaderExperienceContract.seed(importer, jdbc, media);
			new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> hot.site(5).size() == 5);
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private List<String> readerPages() {
		long article = jdbc.sql("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		String channel = jdbc.sql("SELECT slug FROM channels ORDER BY id LIMIT 1").query(String.class).single();
		String creator = jdbc.sql("SELECT handle FROM creators ORDER BY id LIMIT 1").query(String.class).single();
		return List.of("/", "/articles/" + article, "/channels/" + channel, "/hot", "/creators/" + creator,
				"/search?q=%E6%9C%88", "/login", "/signup", "/algorithms", "/rules");
	}

	/** Checks every page and then fails once, listing the violations of all of them. */
	private void checkAll(List<String> paths, String label) {
		List<String> failures = new ArrayList<>();
		for (String path : paths) {
			driver.get(url(path));
			assertThat(driver.findElements(By.cssSelector("[data-testid=error]")))
				.as("%s is a page, not an error", path)
				.isEmpty();
			try {
				AccessibilityGate.check(driver, label + " " + path);
			}
			catch (AssertionError failure) {
				failures.add(failure.getMessage());
			}
		}
		assertThat(failures).as("pages that fail the accessibility gate").isEmpty();
	}

	@Test
	void theGateFailsOnAPageWithAViolation() {
		driver.get(url("/"));
		AccessibilityGate.check(driver, "/");
		driver.executeScript("var i = document.createElement('img'); i.src = '/nothing.png';"
				+ " document.querySelector('main').appendChild(i);");
		assertThatThrownBy(() -> AccessibilityGate.check(driver, "/ with an image without alt text"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt");
	}

	@Test
	void readerPagesPassOnAPhoneAndADesktopInEveryMode() {
		List<String> pages = readerPages();
		for (String mode : List.of("standard", "care", "a11y")) {
			driver.get(url("/mode/" + mode + "?back=/"));
			Chromium.viewport(driver, 390, 844, true);
			checkAll(pages, mode + " phone");
			Chromium.viewport(driver, 1366, 900, false);
			checkAll(pages, mode + " desktop");
		}
		driver.get(url("/mode/standard?back=/"));
	}

	@Test
	void theStudioAndTheConsolePass() {
		// the administrator also writes: the first imported creator's profile becomes
		// theirs
		long account = jdbc.sql("SELECT id FROM accounts WHERE email = :e")
			.param("e", ADMIN)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE creators SET account_id = :a WHERE id = (SELECT MIN(id) FROM creators)")
			.param("a", account)
			.update();
		long article = jdbc
			.sql("SELECT MIN(a.id) FROM articles a JOIN creators c ON c.id = a.creator_id WHERE c.account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single();
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		type("email", ADMIN);
		type("password", ADMIN_PASSWORD);
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=logout]")).isEmpty());
		List<String> pages = List.of("/studio", "/studio/articles/new", "/studio/articles/" + article,
				"/studio/articles/" + article + "/revisions", "/studio/analytics", "/studio/media", "/account/settings",
				"/messages", "/admin", "/admin/review", "/admin/reports", "/admin/applications", "/admin/audit",
				"/admin/pages", "/admin/users", "/admin/users/" + account, "/account/two-factor",
				"/account/two-factor/setup");
		Chromium.viewport(driver, 1366, 900, false);
		checkAll(pages, "desktop");
		Chromium.viewport(driver, 390, 844, true);
		checkAll(pages, "phone");
		Chromium.viewport(driver, 1366, 900, false);
		driver.manage().deleteAllCookies();
	}

	private static void type(String name, String value) {
		WebElement field = driver.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

}
