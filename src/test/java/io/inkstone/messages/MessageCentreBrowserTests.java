package io.inkstone.messages;

import java.io.IOException;
import java.time.Duration;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.engagement.CommentReplied;
import io.inkstone.governance.ModerationDecided;
import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The message centre in headless Chromium on a 390 px phone: a reply and a takedown (no
 * mail server) arrive, the header shows the unread count, the page reflows without
 * sideways scrolling, and reading it clears the count. Screenshots in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessageCentreBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(390, 844);

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.admin.email", () -> "admin@browser.test"); // with no
																			// admin,
																			// /login
																			// leads to
																			// /setup
		registry.add("inkstone.admin.password", () -> "browser-admin-1");
	}

	@Test
	void aReplyAndATakedownArriveOnAPhoneWithoutAMailServer() throws IOException {
		ChromeDriver driver = chromium.driver();
		long me = accounts.signUp("phone@browser.test", "phone-password-1", "手机读者", Role.READER)
			.orElseThrow()
			.accountId();
		transaction.executeWithoutResult(status -> {
			events.publishEvent(new CommentReplied(1001, 1000, 1, me, me + 1, "热心读者", "说得对，不过第三段的年份似乎写错了。"));
			events
				.publishEvent(new ModerationDecided(2002, "JB-TEST42", me, "take-down", "article", 7, 7L,
						"一篇标题相当长、在手机上需要折行显示的文章：关于城市更新与老街区保护的若干思考",
						"处理编号：JB-TEST42\n处理内容（what）：下架文章\n事实与理由（why）：侵权/抄袭。全文与他人作品一致，未注明来源。\n"
								+ "依据（rule）：平台公约第 3 条：侵权内容\n如何申诉（appeal）：登录后打开 /appeals/2002 提交一次申诉。",
						"/appeals/2002"));
		});
		await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM messages WHERE recipient_id = :r")
				.param("r", me)
				.query(Long.class)
				.single() == 2);

		chromium.open("/login");
		driver.findElement(By.name("email")).sendKeys("phone@browser.test");
		driver.findElement(By.name("password")).sendKeys("phone-password-1");
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		chromium.waitFor("[data-testid=unread-count]");
		assertThat(driver.findElement(By.cssSelector("[data-testid=unread-count]")).getText()).isEqualTo("2");
		chromium.screenshot("messages-header-390.png");

		driver.findElement(By.cssSelector("[data-testid=messages-link]")).click();
		chromium.waitFor("[data-testid=message]");
		assertThat(driver.findElements(By.cssSelector("[data-testid=message]"))).hasSize(2);
		assertThat(driver.findElement(By.cssSelector("[data-kind=moderation] [data-testid=message-note]")).getText())
			.contains("平台公约第 3 条");
		assertThat(driver.findElement(By.cssSelector("[data-kind=moderation] [data-testid=message-appeal]"))
			.getAttribute("href")).endsWith("/appeals/2002");
		long overflow = (Long) driver
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		chromium.screenshot("messages-390.png");
		assertThat(overflow).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
		assertThat(driver.findElements(By.cssSelector("[data-testid=unread-count]"))).isEmpty();
	}

}
