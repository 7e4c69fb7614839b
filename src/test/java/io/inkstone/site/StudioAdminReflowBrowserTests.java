package io.inkstone.site;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.inkstone.articles.Aigc;
import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.articles.Draft;
import io.inkstone.discovery.HotList;
import io.inkstone.importer.ArticleImporter;
import io.inkstone.media.Media;
import io.inkstone.shared.Ids;
import io.inkstone.support.Browser;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * Issue 16's reflow in a real browser: at 320 CSS px the studio and admin pages (the
 * list, the editor, the revision diff, the review queue, the audit log, the reports)
 * never scroll sideways, wide tables scroll inside their own box or stack; and the
 * creator page on a phone opens with its header, then the tabs and the sorted cards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioAdminReflowBrowserTests {

	private static final String ADMIN = "admin@reflow.test";

	private static final String ADMIN_PASSWORD = "reflow-admin-password-1";

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

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

	@Autowired
	Articles articles;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, ADMIN, ADMIN_PASSWORD);
	}

	@BeforeEach
	void seedOnce() throws IOException {
		ReaderExperienceContract.seedOnce(getClass(), importer, jdbc, media, hot);
	}

	@Test
	void studioAndAdminPagesReflowAt320WithoutSidewaysScrolling() throws IOException {
		ChromeDriver driver = chromium.driver();
		// the administrator also writes: the first imported creator's profile becomes
		// theirs
		BrowserSignIn.adoptFirstCreator(jdbc, ADMIN);
		long account = jdbc.sql("SELECT id FROM accounts WHERE email = :e")
			.param("e", ADMIN)
			.query(Long.class)
			.single();
		long creator = jdbc.sql("SELECT MIN(id) FROM creators").query(Long.class).single();
		long id = jdbc.sql("SELECT MIN(id) FROM articles WHERE creator_id = :c AND status = 'published'")
			.param("c", creator)
			.query(Long.class)
			.single();
		// a second version with a long unbreakable line and a wide code line, so the
		// revision diff has rows to show
		Article a = articles.ownedBy(id, creator);
		String wide = "https://example.org/" + "a-very-long-path-segment-without-any-break".repeat(4);
		articles.update(id, creator,
				new Draft(a.title(), a.bodyMarkdown() + "\n\n" + wide + "\n\n    " + "code_".repeat(40) + "\n",
						a.channelId(), a.tags(), a.original(), Aigc.parse(a.aigc()).orElse(Aigc.NONE), a.source()),
				"补充链接");
		// a reader's report with a long unbroken detail, so the reports list has a row to
		// lay out
		long other = jdbc.sql("SELECT MAX(id) FROM articles WHERE status = 'published'").query(Long.class).single();
		Browser reader = new Browser(port);
		reader.page("/report?type=article&id=" + other);
		assertThat(reader
			.post("/report",
					Map.of("_csrf", reader.csrfToken(), "type", "article", "id", Long.toString(other), "reason",
							"other", "detail", "广告" + "x".repeat(120), "evidence",
							"https://evidence.example/" + "a-very-long-evidence-path-without-any-break".repeat(3)))
			.statusCode()).isIn(200, 302, 303);
		long report = jdbc.sql("SELECT MAX(id) FROM reports").query(Long.class).single();
		// an article held for review as a copy of another, so the review queue has a row
		// and its detail page shows both texts side by side
		long held = jdbc
			.sql("SELECT MIN(id) FROM articles WHERE status = 'published' AND id NOT IN (:a, :b) AND creator_id <> :c")
			.param("a", id)
			.param("b", other)
			.param("c", creator)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE articles SET status = 'pending' WHERE id = :id").param("id", held).update();
		jdbc.sql("INSERT INTO review_findings (id, article_id, kind, detail, matched_id, created_at)"
				+ " VALUES (:id, :a, 'unattributed-repost', '0.97', :m, :t)")
			.param("id", Ids.next())
			.param("a", held)
			.param("m", other)
			.param("t", System.currentTimeMillis())
			.update();
		chromium.signInWithLoginForm(ADMIN, ADMIN_PASSWORD);
		Chromium.viewport(driver, 320, 700, true);
		chromium.open("/studio/articles/" + id + "/revisions");
		String firstRevision = driver.findElement(By.cssSelector("[data-testid=revision-list] a")).getAttribute("href");
		List<String> failures = new ArrayList<>();
		for (String path : List.of("/studio", "/studio/articles/" + id,
				firstRevision.substring(chromium.url("").length()), "/admin/review", "/admin/review/" + held,
				"/admin/machine", "/admin/audit", "/admin/reports", "/admin/reports/" + report, "/admin/applications",
				"/admin/users", "/admin/users/" + account, "/admin/settings", "/account/two-factor/setup")) {
			chromium.open(path);
			assertThat(driver.findElements(By.cssSelector("[data-testid=error]")))
				.as("%s is a page, not an error", path)
				.isEmpty();
			String overflow = chromium.horizontalOverflow();
			if (!overflow.isEmpty()) {
				failures.add(path + ": " + overflow);
			}
			chromium.screenshot("reflow-320" + path.replaceAll("[^a-z0-9]+", "-") + ".png");
		}
		assertThat(failures).as("pages that scroll sideways at 320 px").isEmpty();
		// the queue really has the held article, and its detail both texts
		chromium.open("/admin/review");
		assertThat(
				driver.findElements(By.cssSelector("[data-testid=held-articles] a[href='/admin/review/" + held + "']")))
			.isNotEmpty();
		chromium.open("/admin/review/" + held);
		assertThat(driver.findElements(By.cssSelector("[data-testid=matched-text]"))).isNotEmpty();
		// at 390 px too, the report detail with its long evidence link wraps, and its
		// labels
		// are the staff's wording, not the reporter's form's
		Chromium.viewport(driver, 390, 844, true);
		chromium.open("/admin/reports/" + report);
		assertThat(chromium.horizontalOverflow()).isEmpty();
		assertThat(driver.findElement(By.cssSelector("[data-testid=report-detail] .facts")).getText())
			.contains("evidence.example")
			.doesNotContain("（可选）");
		chromium.screenshot("reflow-390-report-detail.png");
		Chromium.viewport(driver, 320, 700, true);
		// the diff really is there, and it stays inside the page
		driver.get(chromium.url(firstRevision.substring(chromium.url("").length())));
		assertThat(driver.findElements(By.cssSelector("[data-testid=diff] tr"))).isNotEmpty();
		Chromium.viewport(driver, 1366, 900, false);
		driver.manage().deleteAllCookies();
	}

	@Test
	void creatorPageOnAPhoneOpensWithItsHeaderThenTabsThenSortedCards() throws IOException {
		ChromeDriver driver = chromium.driver();
		driver.manage().deleteAllCookies();
		Chromium.viewport(driver, 390, 844, true);
		String handle = jdbc
			.sql("SELECT c.handle FROM creators c JOIN articles a ON a.creator_id = c.id"
					+ " GROUP BY c.handle ORDER BY COUNT(*) DESC, c.handle LIMIT 1")
			.query(String.class)
			.single();
		String path = "/creators/" + UriUtils.encodePathSegment(handle, StandardCharsets.UTF_8);
		chromium.open(path);
		assertThat(chromium.horizontalOverflow()).isEmpty();
		WebElement header = driver.findElement(By.cssSelector("[data-testid=creator-card]"));
		WebElement follow = driver.findElement(By.cssSelector("[data-testid=follow-button]"));
		WebElement tabs = driver.findElement(By.cssSelector("[data-testid=creator-tabs]"));
		WebElement cards = driver.findElement(By.cssSelector("[data-testid=creator-articles]"));
		// the header (with the follow button) is in the first screen, before the tabs and
		// the cards
		assertThat(follow.getRect().getY() + follow.getRect().getHeight()).isLessThan(844);
		assertThat(header.getRect().getY()).isLessThan(tabs.getRect().getY());
		assertThat(tabs.getRect().getY()).isLessThan(cards.getRect().getY());
		assertThat(follow.getRect().getHeight()).isGreaterThanOrEqualTo(44);
		chromium.screenshot("creator-390.png");
		// 最热 is a link that works without scripts
		driver.findElement(By.cssSelector("[data-testid=sort-hot]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("sort=hot"));
		assertThat(driver.findElement(By.cssSelector("[data-testid=sort-hot]")).getAttribute("aria-current"))
			.isEqualTo("page");
		assertThat(chromium.horizontalOverflow()).isEmpty();
		chromium.screenshot("creator-390-hot.png");
		Chromium.viewport(driver, 1366, 900, false);
	}

}
