package io.inkstone.importer;

import java.io.IOException;
import java.time.Duration;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import io.inkstone.shared.Ids;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A creator in headless Chromium: from the studio to 导出我的内容, starts the export, and the
 * page (polling its status) turns into the download link without a reload by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreatorExportBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1280, 900);

	@Autowired
	Accounts accounts;

	@Autowired
	ArticleImporter importer;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, "admin@browser.test", "browser-admin-1");
	}

	@Test
	void aCreatorStartsAnExportAndTheDownloadLinkAppears() throws IOException {
		ChromeDriver driver = chromium.driver();
		long account = accounts.signUp("exporter@browser.test", "export-password-1", "导出的人", Role.CREATOR)
			.orElseThrow()
			.accountId();
		jdbc.sql(
				"INSERT INTO creators (id, handle, display_name, avatar_url, tagline, account_type, verified, region, created_at,"
						+ " account_id) VALUES (:id, 'exporter', '导出的人', NULL, '', '个人', FALSE, NULL, :now, :account)")
			.param("id", Ids.next())
			.param("now", System.currentTimeMillis())
			.param("account", account)
			.update();
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 30; i++) {
			lines.append("{\"id\":\"browser-")
				.append(i)
				.append("\",\"creator\":\"exporter\",\"channel\":\"travel\",\"title\":\"第 ")
				.append(i)
				.append(" 篇\",\"body_markdown\":\"正文 ")
				.append(i)
				.append("\",\"published_at\":\"2024-05-01T08:00:00+08:00\"}\n");
		}
		importer.importLines(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), null);

		chromium.open("/login");
		driver.findElement(By.name("email")).sendKeys("exporter@browser.test");
		driver.findElement(By.name("password")).sendKeys("export-password-1");
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		chromium.open("/studio");
		driver.findElement(By.cssSelector("[data-testid=export-link]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("[data-testid=export-form]")).isEmpty());
		driver.findElement(By.cssSelector("[data-testid=export-form] button[type=submit]")).click();
		wait.until(d -> !d.findElements(By.cssSelector("[data-testid=export-job]")).isEmpty());
		assertThat(driver.findElements(By.cssSelector("[data-testid=export-progress]"))).hasSize(1);
		new WebDriverWait(driver, Duration.ofSeconds(60))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=export-download]")).isEmpty());
		assertThat(driver.findElement(By.cssSelector("[data-testid=export-state]")).getText()).isEqualTo("已完成");
		assertThat(driver.findElement(By.cssSelector("[data-testid=export-counts]")).getText()).contains("30 / 30");
		assertThat(driver.findElement(By.cssSelector("[data-testid=export-download]")).getAttribute("href"))
			.matches(".*/studio/export/\\d+/download");
	}

}
