package io.inkstone.articles;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;
import io.inkstone.support.TestImages;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.function.Function;

/**
 * The studio editor in headless Chromium: a toolbar action and the word count, the cover
 * picked from the library with its card preview, publish and then 更新 with a 更正说明 (no
 * error, a message each time), the unsaved browser copy offered back, and the article
 * list as cards on a phone. Screenshots in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioEditorBrowserTests {

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CreatorApplications applications;

	@Autowired
	Creators creators;

	@Autowired
	Media media;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		// a site without an admin shows /setup instead of the sign-in form
		registry.add("inkstone.admin.email", () -> "admin@editor.test");
		registry.add("inkstone.admin.password", () -> "editor-admin-1");
	}

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.start(1280, 1000);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private WebElement testId(String id) {
		return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
	}

	private Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	private void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
	}

	@Test
	void writeWithTheToolbarPickACoverPublishUpdateAndGetUnsavedTextBack() throws IOException {
		String email = "editor" + System.nanoTime() + "@browser.test";
		long account = accounts.signUp(email, "editor-password-1", "编辑器作者", Role.READER).orElseThrow().accountId();
		assertThat(applications.apply(account,
				new CreatorApplications.Form("个人", "湖边客", "hubianke", "", "travel", "微信 hbk", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		MediaItem photo = media.upload(creators.ofAccount(account).orElseThrow().id(),
				TestImages.jpegWithGps(1200, 800, 1), "西湖晨雾");

		driver.get(url("/login"));
		driver.findElement(By.name("email")).sendKeys(email);
		driver.findElement(By.name("password")).sendKeys("editor-password-1");
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		waitFor(d -> !d.findElements(By.cssSelector("[data-testid=logout]")).isEmpty());

		driver.get(url("/studio/articles/new"));
		driver.findElement(By.name("title")).sendKeys("西湖");
		WebElement body = driver.findElement(By.name("body"));
		body.sendKeys("湖光山色。");
		assertThat(testId("word-count").getText()).isEqualTo("4");
		// the toolbar's 粗体 wraps the selection (here: nothing selected, a placeholder to
		// type over)
		assertThat(testId("editor-toolbar").isDisplayed()).isTrue();
		testId("editor-toolbar").findElement(By.cssSelector("button[data-md-mark='**']")).click();
		assertThat(body.getAttribute("value")).isEqualTo("湖光山色。**文字**");
		body.sendKeys("晴方好");
		assertThat(body.getAttribute("value")).isEqualTo("湖光山色。**晴方好**");
		assertThat(testId("word-count").getText()).isEqualTo("7");
		testId("editor-toolbar").findElement(By.cssSelector("button[data-md=block][data-md-snippet='---']")).click();
		assertThat(body.getAttribute("value")).contains("\n\n---\n\n");

		// the cover: a thumbnail from the library, shown on a card as readers will see it
		WebElement preview = testId("cover-preview");
		assertThat(preview.findElement(By.cssSelector("[data-preview-img]")).isDisplayed()).isFalse();
		driver.findElement(By.cssSelector("input[name=cover][value='" + photo.url() + "']"))
			.findElement(By.xpath(".."))
			.click();
		waitFor(d -> preview.findElement(By.cssSelector("[data-preview-img]")).isDisplayed());
		assertThat(preview.findElement(By.cssSelector("[data-preview-img]")).getAttribute("src")).endsWith(photo.url());
		assertThat(preview.findElement(By.cssSelector("[data-preview-title]")).getText()).isEqualTo("西湖");
		screenshot("studio-editor.png");

		testId("publish-button").click();
		waitFor(d -> !d.findElements(By.cssSelector("[data-testid=flash]")).isEmpty());
		assertThat(testId("flash").getText()).contains("已发布");
		assertThat(testId("article-status").getText()).isEqualTo("已发布");
		assertThat(script("return localStorage.getItem('inkstone.copy.new')"))
			.as("the new form's copy is in the article now: not offered to the next new article")
			.isNull();
		assertThat(driver.findElements(By.cssSelector("[data-testid=schedule-button], [data-testid=publish-button]")))
			.isEmpty();
		assertThat(driver.findElement(By.cssSelector("input[name=cover][value='" + photo.url() + "']")).isSelected())
			.isTrue();

		// 更新 with a 更正说明: no error page, a message, the change live
		driver.findElement(By.name("body")).sendKeys("\n\n山色空蒙雨亦奇。");
		driver.findElement(By.name("correction")).sendKeys("补上第二句。");
		testId("update-button").click();
		waitFor(d -> d.getCurrentUrl().endsWith("?updated"));
		assertThat(testId("flash").getText()).contains("已更新");
		String editorUrl = driver.getCurrentUrl().replace("?updated", "");

		// typed but never saved (a closed tab): the browser copy is offered back
		driver.get(editorUrl);
		driver.findElement(By.name("body")).sendKeys("\n\n未保存的一句。");
		String key = "inkstone.copy." + editorUrl.substring(editorUrl.lastIndexOf('/') + 1);
		waitFor(d -> String.valueOf(script("return localStorage.getItem(arguments[0])", key)).contains("未保存的一句"));
		driver.get(editorUrl);
		assertThat(driver.findElement(By.name("body")).getAttribute("value")).doesNotContain("未保存的一句");
		waitFor(d -> testId("restore-banner").isDisplayed());
		screenshot("studio-restore.png");
		assertThat(testId("restore-time").getText()).as("in the page's language")
			.matches("\\d{4}/\\d{1,2}/\\d{1,2} \\d{2}:\\d{2}");
		// typing while the offer shows is kept in the browser copy too
		driver.findElement(By.name("body")).sendKeys("又一句。");
		waitFor(d -> String.valueOf(script("return localStorage.getItem(arguments[0])", key)).contains("又一句"));
		testId("restore-apply").click();
		assertThat(driver.findElement(By.name("body")).getAttribute("value")).contains("未保存的一句");
		assertThat(testId("restore-banner").isDisplayed()).isFalse();

		// on a phone the list is cards, not squeezed columns
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			driver.get(url("/studio"));
			WebElement row = driver.findElement(By.cssSelector("[data-testid=studio-articles] tbody tr"));
			assertThat(row.getCssValue("display")).isEqualTo("block");
			assertThat(driver.findElement(By.cssSelector("[data-testid=studio-articles] thead")).isDisplayed())
				.isFalse();
			assertThat(
					(Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
				.isLessThanOrEqualTo(0L);
			screenshot("studio-phone.png");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 1000));
		}
		driver.get(url("/studio"));
		screenshot("studio-desktop.png");
	}

	private static void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
