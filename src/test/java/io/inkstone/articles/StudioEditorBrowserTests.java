package io.inkstone.articles;

import java.io.IOException;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;
import io.inkstone.support.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The studio editor in headless Chromium: a toolbar action and the word count, the cover
 * picked from the library with its card preview, publish and then 更新 with a 更正说明 (no
 * error, a message each time), the unsaved browser copy offered back, and the article
 * list as cards on a phone. Screenshots in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioEditorBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1280, 1000);

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
		// a site without an admin shows /setup instead of the sign-in form
		BrowserSignIn.freshSiteWithAdministrator(registry, "admin@editor.test", "editor-admin-1");
	}

	private Object script(String js, Object... args) {
		ChromeDriver driver = chromium.driver();
		return ((JavascriptExecutor) driver).executeScript(js, args);
	}

	@Test
	void writeWithTheToolbarPickACoverPublishUpdateAndGetUnsavedTextBack() throws IOException {
		ChromeDriver driver = chromium.driver();
		String email = "editor" + System.nanoTime() + "@browser.test";
		long account = accounts.signUp(email, "editor-password-1", "编辑器作者", Role.READER).orElseThrow().accountId();
		assertThat(applications.apply(account,
				new CreatorApplications.Form("个人", "湖边客", "hubianke", "", "travel", "微信 hbk", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		MediaItem photo = media.upload(creators.ofAccount(account).orElseThrow().id(),
				TestImages.jpegWithGps(1200, 800, 1), "西湖晨雾");

		chromium.open("/login");
		driver.findElement(By.name("email")).sendKeys(email);
		driver.findElement(By.name("password")).sendKeys("editor-password-1");
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		chromium.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=logout]")).isEmpty());

		chromium.open("/studio/articles/new");
		driver.findElement(By.name("title")).sendKeys("西湖");
		WebElement body = driver.findElement(By.name("body"));
		body.sendKeys("湖光山色。");
		assertThat(chromium.testId("word-count").getText()).isEqualTo("4");
		// the toolbar's 粗体 wraps the selection (here: nothing selected, a placeholder to
		// type over)
		assertThat(chromium.testId("editor-toolbar").isDisplayed()).isTrue();
		chromium.testId("editor-toolbar").findElement(By.cssSelector("button[data-md-mark='**']")).click();
		assertThat(body.getAttribute("value")).isEqualTo("湖光山色。**文字**");
		body.sendKeys("晴方好");
		assertThat(body.getAttribute("value")).isEqualTo("湖光山色。**晴方好**");
		assertThat(chromium.testId("word-count").getText()).isEqualTo("7");
		chromium.testId("editor-toolbar")
			.findElement(By.cssSelector("button[data-md=block][data-md-snippet='---']"))
			.click();
		assertThat(body.getAttribute("value")).contains("\n\n---\n\n");

		// the cover: a thumbnail from the library, shown on a card as readers will see it
		WebElement preview = chromium.testId("cover-preview");
		assertThat(preview.findElement(By.cssSelector("[data-preview-img]")).isDisplayed()).isFalse();
		driver.findElement(By.cssSelector("input[name=cover][value='" + photo.url() + "']"))
			.findElement(By.xpath(".."))
			.click();
		chromium.waitFor(d -> preview.findElement(By.cssSelector("[data-preview-img]")).isDisplayed());
		assertThat(preview.findElement(By.cssSelector("[data-preview-img]")).getAttribute("src")).endsWith(photo.url());
		assertThat(preview.findElement(By.cssSelector("[data-preview-title]")).getText()).isEqualTo("西湖");
		chromium.screenshot("studio-editor.png");

		chromium.testId("publish-button").click();
		chromium.waitFor(d -> !d.findElements(By.cssSelector("[data-testid=flash]")).isEmpty());
		assertThat(chromium.testId("flash").getText()).contains("已发布");
		assertThat(chromium.testId("article-status").getText()).isEqualTo("已发布");
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
		chromium.testId("update-button").click();
		chromium.waitFor(d -> d.getCurrentUrl().endsWith("?updated"));
		assertThat(chromium.testId("flash").getText()).contains("已更新");
		String editorUrl = driver.getCurrentUrl().replace("?updated", "");

		// typed but never saved (a closed tab): the browser copy is offered back
		driver.get(editorUrl);
		driver.findElement(By.name("body")).sendKeys("\n\n未保存的一句。");
		String key = "inkstone.copy." + editorUrl.substring(editorUrl.lastIndexOf('/') + 1);
		chromium
			.waitFor(d -> String.valueOf(script("return localStorage.getItem(arguments[0])", key)).contains("未保存的一句"));
		driver.get(editorUrl);
		assertThat(driver.findElement(By.name("body")).getAttribute("value")).doesNotContain("未保存的一句");
		chromium.waitFor(d -> chromium.testId("restore-banner").isDisplayed());
		chromium.screenshot("studio-restore.png");
		assertThat(chromium.testId("restore-time").getText()).as("in the page's language")
			.matches("\\d{4}/\\d{1,2}/\\d{1,2} \\d{2}:\\d{2}");
		// typing while the offer shows is kept in the browser copy too
		driver.findElement(By.name("body")).sendKeys("又一句。");
		chromium.waitFor(d -> String.valueOf(script("return localStorage.getItem(arguments[0])", key)).contains("又一句"));
		chromium.testId("restore-apply").click();
		assertThat(driver.findElement(By.name("body")).getAttribute("value")).contains("未保存的一句");
		assertThat(chromium.testId("restore-banner").isDisplayed()).isFalse();

		// on a phone the list is cards, not squeezed columns
		driver.manage().window().setSize(new Dimension(390, 844));
		try {
			chromium.open("/studio");
			WebElement row = driver.findElement(By.cssSelector("[data-testid=studio-articles] tbody tr"));
			assertThat(row.getCssValue("display")).isEqualTo("block");
			assertThat(driver.findElement(By.cssSelector("[data-testid=studio-articles] thead")).isDisplayed())
				.isFalse();
			assertThat(
					(Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
				.isLessThanOrEqualTo(0L);
			chromium.screenshot("studio-phone.png");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 1000));
		}
		chromium.open("/studio");
		chromium.screenshot("studio-desktop.png");
	}

}
