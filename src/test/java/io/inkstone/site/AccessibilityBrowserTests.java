package io.inkstone.site;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.discovery.HotList;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.media.Media;
import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

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
		BrowserSignIn.freshSiteWithAdministrator(registry, ADMIN, ADMIN_PASSWORD);
	}

	@BeforeEach
	void seedOnce() throws IOException {
		ReaderExperienceContract.seedOnce(getClass(), importer, jdbc, media, hot);
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
		ChromeDriver driver = chromium.driver();
		List<String> failures = new ArrayList<>();
		for (String path : paths) {
			chromium.open(path);
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
		ChromeDriver driver = chromium.driver();
		chromium.open("/");
		AccessibilityGate.check(driver, "/");
		driver.executeScript("var i = document.createElement('img'); i.src = '/nothing.png';"
				+ " document.querySelector('main').appendChild(i);");
		assertThatThrownBy(() -> AccessibilityGate.check(driver, "/ with an image without alt text"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt");
	}

	@Test
	void readerPagesPassOnAPhoneAndADesktopInEveryMode() {
		ChromeDriver driver = chromium.driver();
		List<String> pages = readerPages();
		for (String mode : List.of("standard", "care", "a11y")) {
			chromium.open("/mode/" + mode + "?back=/");
			Chromium.viewport(driver, 390, 844, true);
			checkAll(pages, mode + " phone");
			Chromium.viewport(driver, 1366, 900, false);
			checkAll(pages, mode + " desktop");
		}
		chromium.open("/mode/standard?back=/");
	}

	/**
	 * The night scheme (the system's dark preference) in every mode, 关怀版 and 关怀版 with 无障碍
	 * included: their text takes the night colours, never a fixed black on the dark
	 * background.
	 */
	@Test
	void readerPagesPassInTheNightSchemeInEveryMode() {
		ChromeDriver driver = chromium.driver();
		List<String> pages = readerPages();
		Chromium.colorScheme(driver, "dark");
		try {
			Chromium.viewport(driver, 390, 844, true);
			for (String mode : List.of("standard", "care", "a11y")) {
				chromium.open("/mode/" + mode + "?back=/");
				checkAll(pages, mode + " night phone");
			}
			chromium.open("/mode/care?back=/");
			chromium.open("/mode/a11y/on?back=/");
			assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("mode-care")
				.contains("mode-a11y");
			checkAll(pages, "care+a11y night phone");
			Chromium.viewport(driver, 1366, 900, false);
			chromium.open("/mode/care?back=/");
			checkAll(pages, "care night desktop");
		}
		finally {
			Chromium.colorScheme(driver, "");
			Chromium.viewport(driver, 1366, 900, false);
			chromium.open("/mode/standard?back=/");
		}
	}

	@Test
	void theStudioAndTheConsolePass() {
		ChromeDriver driver = chromium.driver();
		// the administrator also writes: the first imported creator's profile becomes
		// theirs
		long account = BrowserSignIn.adoptFirstCreator(jdbc, ADMIN);
		long article = jdbc
			.sql("SELECT MIN(a.id) FROM articles a JOIN creators c ON c.id = a.creator_id WHERE c.account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single();
		chromium.signInWithLoginForm(ADMIN, ADMIN_PASSWORD);
		List<String> pages = List.of("/studio", "/studio/articles/new", "/studio/articles/" + article,
				"/studio/articles/" + article + "/revisions", "/studio/analytics", "/studio/media", "/account/settings",
				"/messages", "/admin", "/admin/review", "/admin/machine", "/admin/reports", "/admin/applications",
				"/admin/audit", "/admin/pages", "/admin/users", "/admin/users/" + account, "/admin/settings",
				"/admin/settings/statements", "/account/two-factor", "/account/two-factor/setup");
		Chromium.viewport(driver, 1366, 900, false);
		checkAll(pages, "desktop");
		Chromium.viewport(driver, 390, 844, true);
		checkAll(pages, "phone");
		// 关怀版 in the night scheme
		Chromium.colorScheme(driver, "dark");
		try {
			chromium.open("/mode/care?back=/");
			checkAll(pages, "care night phone");
		}
		finally {
			Chromium.colorScheme(driver, "");
			chromium.open("/mode/standard?back=/");
		}
		Chromium.viewport(driver, 1366, 900, false);
		driver.manage().deleteAllCookies();
	}

}
