package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in headless Chromium moves a WordPress site in through
 * {@code /admin/import}: chooses the export file, starts the import, watches the progress
 * bar on the job page turn into the summary without reloading by hand, and finds the
 * imported article on the site. The pages pass the accessibility gate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminImportBrowserTests {

	private static final String ADMIN = "admin@import-browser.test";

	private static final String PASSWORD = "import-browser-admin-1";

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1280, 900);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, ADMIN, PASSWORD);
	}

	@Test
	void anAdministratorUploadsAWordPressExportAndWatchesItArrive() throws IOException {
		ChromeDriver driver = chromium.driver();
		Path export = Files.createTempFile("wordpress-export", ".xml");
		try (InputStream in = AdminImportBrowserTests.class.getResourceAsStream("/wxr/site-export.xml")) {
			Files.copy(in, export, StandardCopyOption.REPLACE_EXISTING);
		}
		chromium.signInWithLoginForm(ADMIN, PASSWORD);
		chromium.open("/admin/import");
		AccessibilityGate.check(driver, "/admin/import");
		driver.findElement(By.cssSelector("[data-testid=import-form] input[type=file]"))
			.sendKeys(export.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("[data-testid=import-form] button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(d -> !d.findElements(By.cssSelector("[data-testid=import-job]")).isEmpty());
		assertThat(driver.getCurrentUrl()).matches(".*/admin/import/[^/]+$");
		assertThat(driver.findElements(By.cssSelector("progress[data-testid=import-progress]"))).hasSize(1);
		// the page follows the job by itself and shows the summary when it is done
		new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> "done"
			.equals(d.findElement(By.cssSelector("[data-testid=import-job]")).getAttribute("data-state")));
		WebElement progress = driver.findElement(By.cssSelector("[data-testid=import-progress]"));
		assertThat(progress.getAttribute("value")).isEqualTo("100");
		assertThat(driver.findElement(By.cssSelector("[data-testid=import-state]")).getText()).isEqualTo("已完成");
		WebElement summary = driver.findElement(By.cssSelector("[data-testid=import-summary]"));
		assertThat(summary.isDisplayed()).isTrue();
		assertThat(summary.getText()).isNotBlank();
		AccessibilityGate.check(driver, "/admin/import/{id}");
		// the published post is on the site
		chromium.open("/");
		assertThat(driver.getPageSource()).contains("港口夜景：一座城市的灯火");
		Files.deleteIfExists(export);
	}

}
