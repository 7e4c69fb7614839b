package io.inkstone.accounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import io.inkstone.support.TestImages;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;

/**
 * The creator journey in headless Chromium: sign up, apply (申请入驻), the admin approves,
 * sign in again, write with a preview, publish, read the article. Screenshots in
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreatorJourneyBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1280, 1000);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, "admin@browser.test", "browser-admin-1");
	}

	private void type(String name, String value) {
		ChromeDriver driver = chromium.driver();
		var field = driver.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	private void signIn(String email, String password) {
		ChromeDriver driver = chromium.driver();
		chromium.open("/login");
		type("email", email);
		type("password", password);
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=logout]")).isEmpty());
	}

	private void signOut() {
		ChromeDriver driver = chromium.driver();
		driver.findElement(By.cssSelector("[data-testid=logout]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=login-link]")).isEmpty());
	}

	@Test
	void signUpApplyGetApprovedWriteAndPublish() throws IOException {
		ChromeDriver driver = chromium.driver();
		chromium.open("/signup");
		type("email", "writer@browser.test");
		type("displayName", "浏览器作者");
		type("password", "writer-password-1");
		driver.findElement(By.cssSelector("[data-testid=signup-form] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=logout]")).isEmpty());

		chromium.open("/join");
		new Select(driver.findElement(By.name("accountType"))).selectByValue("个人");
		type("displayName", "山中客");
		type("handle", "shanzhongke");
		type("tagline", "写山水");
		new Select(driver.findElement(By.name("channel"))).selectByValue("travel");
		type("contact", "shan@browser.test");
		driver.findElement(By.name("agreement")).click();
		chromium.screenshot("join-form.png");
		driver.findElement(By.cssSelector("[data-testid=join-form] button[type=submit]")).click();
		try {
			new WebDriverWait(driver, Duration.ofSeconds(15))
				.until(d -> !d.findElements(By.cssSelector("[data-testid=application-history] tr[data-status=pending]"))
					.isEmpty());
		}
		catch (TimeoutException ex) {
			chromium.screenshot("join-failed.png");
			throw new AssertionError("no pending application at " + driver.getCurrentUrl() + ": "
					+ driver.findElements(By.cssSelector("[data-testid=error], .form-error, .field-error"))
						.stream()
						.map(WebElement::getText)
						.toList(),
					ex);
		}
		signOut();

		signIn("admin@browser.test", "browser-admin-1");
		chromium.open("/admin/applications");
		chromium.screenshot("admin-review.png");
		driver.findElement(By.cssSelector("[data-testid=approve]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=review]")).isEmpty());
		signOut();

		signIn("writer@browser.test", "writer-password-1");
		chromium.open("/studio");
		driver.findElement(By.cssSelector("[data-testid=new-article]")).click();
		type("title", "黄山记");
		new Select(driver.findElement(By.name("channel"))).selectByValue("travel");
		type("body", "**黄山**在安徽南部。\n\n云海、奇松、怪石、温泉，号称四绝。");
		type("tags", "旅行，山");
		// an image from the editor's upload button (script path): its Markdown lands in
		// the body
		Path photo = Files.createTempFile("huangshan", ".jpg");
		Files.write(photo, TestImages.jpegWithGps(1200, 800, 1));
		driver.findElement(By.cssSelector("[data-upload-file]")).sendKeys(photo.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("[data-upload-alt]")).sendKeys("黄山云海");
		driver.findElement(By.cssSelector("[data-upload-button]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(d -> d.findElement(By.name("body")).getAttribute("value").contains("![黄山云海](/media/"));
		driver.findElement(By.cssSelector("[data-testid=preview-button]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=preview] strong")).isEmpty());
		assertThat(driver.findElement(By.cssSelector("[data-testid=preview]")).getText()).contains("云海");
		chromium.screenshot("editor-preview.png");
		driver.findElement(By.cssSelector("[data-testid=publish-button]")).click();
		// the studio says what happened, with the way to the public page
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=flash]")).isEmpty());
		assertThat(driver.findElement(By.cssSelector("[data-testid=flash]")).getText()).contains("已发布");
		driver.findElement(By.cssSelector("[data-testid=view-article]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/articles/\\d+$"));
		assertThat(driver.findElement(By.cssSelector("[data-testid=title]")).getText()).isEqualTo("黄山记");
		assertThat(driver.findElement(By.cssSelector("[data-testid=byline]")).getText()).contains("山中客").contains("原创");
		assertThat(driver.findElement(By.cssSelector("[data-testid=body] strong")).getText()).isEqualTo("黄山");
		WebElement image = driver.findElement(By.cssSelector("[data-testid=body] img"));
		assertThat(image.getAttribute("alt")).isEqualTo("黄山云海");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
			.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() > 0);
		chromium.screenshot("published-article.png");
		chromium.open("/studio/media");
		assertThat(driver.findElements(By.cssSelector("[data-testid=media-items] li"))).hasSize(1);
		chromium.screenshot("media-library.png");
	}

}
