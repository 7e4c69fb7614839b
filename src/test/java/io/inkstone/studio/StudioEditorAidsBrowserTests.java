package io.inkstone.studio;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

import io.inkstone.accounts.Accounts;
import io.inkstone.accounts.Role;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.creators.CreatorApplications;
import io.inkstone.creators.Creators;
import io.inkstone.governance.Reports;
import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;
import io.inkstone.support.TestImages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's writing aids in headless Chromium: a toolbar action, full-screen writing
 * (button, Esc, announced), the side-by-side preview rendered by the server at 1366 px
 * and absent at 390 px, rich text pasted from a Word or WeChat page becoming Markdown,
 * plain text left to the browser, a pasted image uploaded into the media library (and a
 * broken one refused with a message), and the axe gate on the editor at both widths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioEditorAidsBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CreatorApplications applications;

	@Autowired
	Creators creators;

	@Autowired
	Reports reports;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, "admin@aids.test", "aids-admin-1");
	}

	private Object script(String js, Object... args) {
		return chromium.driver().executeScript(js, args);
	}

	private String body() {
		return chromium.driver().findElement(By.name("body")).getDomProperty("value");
	}

	/** A paste as the browser dispatches it, with the given clipboard content. */
	private boolean paste(String html, String text) {
		return (Boolean) script("""
				const data = new DataTransfer();
				if (arguments[0]) { data.setData('text/html', arguments[0]); }
				if (arguments[1]) { data.setData('text/plain', arguments[1]); }
				const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
				document.querySelector('textarea[name=body]').dispatchEvent(event);
				return event.defaultPrevented;""", html, text);
	}

	private void pasteImage(byte[] bytes, String type) {
		script("""
				const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
				const data = new DataTransfer();
				data.items.add(new File([bytes], 'image.png', { type: arguments[1] }));
				document.querySelector('textarea[name=body]')
				  .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));""",
				Base64.getEncoder().encodeToString(bytes), type);
	}

	private String creator() {
		String email = "aids" + System.nanoTime() + "@browser.test";
		long account = accounts.signUp(email, "aids-password-1", "写作者", Role.READER).orElseThrow().accountId();
		assertThat(applications.apply(account, new CreatorApplications.Form("个人", "写作者" + (System.nanoTime() % 10000),
				"aids", "", "travel", "微信 aids", "", "", true)))
			.isEmpty();
		applications.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
		return email;
	}

	@Test
	void fullScreenSideBySidePreviewAndPaste() throws IOException {
		ChromeDriver driver = chromium.driver();
		String email = creator();
		chromium.signInWithLoginForm(email, "aids-password-1");
		Chromium.viewport(driver, 1366, 900, false);
		driver.get("http://localhost:" + port + "/studio/articles/new");
		driver.findElement(By.name("title")).sendKeys("写作辅助");
		WebElement body = driver.findElement(By.name("body"));

		// a toolbar action: 引用 marks the line
		body.sendKeys("湖光山色");
		chromium.testId("editor-toolbar").findElement(By.cssSelector("button[data-md-mark='> ']")).click();
		assertThat(body()).isEqualTo("> 湖光山色");

		// the preview beside the text, rendered by the server as the article page is
		WebElement preview = chromium.testId("live-preview");
		assertThat(preview.isDisplayed()).isTrue();
		assertThat(preview.getRect().getX()).isGreaterThan(body.getRect().getX() + body.getRect().getWidth() - 1);
		body.sendKeys(Keys.END, "\n\n## 第二节\n\n**晴方好** <script>alert(1)</script>");
		chromium.waitFor(d -> !preview.findElements(By.cssSelector("h2 + p strong")).isEmpty());
		assertThat(preview.findElement(By.cssSelector("blockquote")).getText()).contains("湖光山色");
		assertThat(preview.findElement(By.cssSelector("h2:not(.live-preview-title)")).getText()).isEqualTo("第二节");
		assertThat(preview.findElements(By.cssSelector("[data-live-preview-body] script"))).isEmpty();
		AccessibilityGate.check(driver, "/studio/articles/new with its preview at 1366 px");
		chromium.screenshot("studio-editor-side-by-side.png");

		// full screen: a button whose state is read out, Esc to leave
		WebElement toggle = chromium.testId("fullscreen-button");
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");
		toggle.click();
		WebElement writing = chromium.testId("editor-writing");
		assertThat(writing.getDomAttribute("class")).contains("fullscreen");
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(writing.getRect().getWidth()).isEqualTo(1366);
		assertThat(driver.findElement(By.cssSelector("[data-modes-status]")).getDomProperty("textContent"))
			.contains("Esc");
		chromium.screenshot("studio-editor-fullscreen.png");
		body.sendKeys(Keys.ESCAPE);
		assertThat(writing.getDomAttribute("class")).doesNotContain("fullscreen");
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(driver.findElement(By.cssSelector("[data-modes-status]")).getDomProperty("textContent"))
			.contains("已退出");
		// and from the keyboard alone
		toggle.sendKeys(Keys.ENTER);
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("true");
		toggle.sendKeys(Keys.ESCAPE);
		assertThat(toggle.getDomAttribute("aria-pressed")).isEqualTo("false");

		// rich text from a Word or WeChat page becomes Markdown at the cursor
		script("const b = document.querySelector('textarea[name=body]'); b.value = ''; b.setSelectionRange(0, 0);");
		boolean taken = paste("""
				<html><head><style>p{color:red}</style></head><body><!--StartFragment-->
				<h2>小标题</h2><p>正文<b>加粗</b>和<i>斜体</i>，<span style="font-weight: bold">公众号加粗</span>，
				<a href="https://example.com/page">链接</a>。</p>
				<ul><li>一</li><li>二</li></ul><ol><li>甲</li></ol>
				<blockquote><p>引用的话</p></blockquote>
				<p><img src="https://example.com/a.png" alt="示意图"><img src="file:///C:/word/image001.png"></p>
				<table><tr><th>地区</th><th>人数</th></tr><tr><td>杭州</td><td>12</td></tr></table>
				<!--EndFragment--></body></html>""", "小标题 正文加粗和斜体");
		assertThat(taken).isTrue();
		String markdown = body();
		assertThat(markdown).contains("## 小标题", "**加粗**", "*斜体*", "**公众号加粗**", "[链接](https://example.com/page)",
				"-   一", "1.  甲", "> 引用的话", "![示意图](https://example.com/a.png)", "| 地区 | 人数 |", "| --- | --- |",
				"| 杭州 | 12 |");
		assertThat(markdown).doesNotContain("<", "color:red", "file:", "StartFragment");

		// plain text stays plain: the browser's own paste
		assertThat(paste(null, "只是文字 *不是强调*")).isFalse();

		// an image from the clipboard goes to the media library, its Markdown at the
		// cursor
		script("const b = document.querySelector('textarea[name=body]'); b.setSelectionRange(0, 0);");
		pasteImage(TestImages.encode(TestImages.picture(640, 480), "png"), "image/png");
		chromium.waitFor(d -> body().matches("(?s)^!\\[粘贴的图片]\\(/media/[^)]+\\)\n## 小标题.+"));
		assertThat(chromium.testId("paste-status").getText()).contains("已上传");
		// a file that is no image: refused, with the reason, and nothing left in the text
		pasteImage("not an image at all".getBytes(), "image/png");
		chromium.waitFor(d -> chromium.testId("paste-status").getText().contains("失败"));
		assertThat(body()).doesNotContain("正在上传");
		assertThat(chromium.testId("paste-status").getDomAttribute("class")).contains("error");

		// on a phone: no preview beside the text, the editor alone
		Chromium.viewport(driver, 390, 844, true);
		chromium.waitFor(d -> !preview.isDisplayed());
		assertThat(preview.isDisplayed()).isFalse();
		assertThat((Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
			.isLessThanOrEqualTo(0L);
		AccessibilityGate.check(driver, "/studio/articles/new at 390 px");
		chromium.screenshot("studio-editor-phone.png");
		Chromium.viewport(driver, 1366, 900, false);
	}

	/**
	 * The README's pictures of the operators' console (copied from
	 * {@code target/screenshots/} to {@code docs/} by hand when the pages change).
	 */
	@Test
	void consoleScreenshotsForTheReadme() throws IOException {
		// queues with work in them, as a site's console looks on a working day: 入驻
		// applications waiting, and reports of a creator
		long approved = 0;
		for (int i = 0; i < 3; i++) {
			String handle = "hub" + i + Long.toString(System.nanoTime() % 100000, 36);
			long account = accounts.signUp(handle + "@aids.test", "hub-password-1", "申请人" + i, Role.READER)
				.orElseThrow()
				.accountId();
			assertThat(applications.apply(account, new CreatorApplications.Form("个人", "申请人" + i + "号", handle, "",
					"tech", "微信 " + handle, "", "", true)))
				.isEmpty();
			if (i == 0) {
				applications
					.approve(applications.of(account).stream().map(CreatorApplication::id).findFirst().orElseThrow());
				approved = creators.ofAccount(account).orElseThrow().id();
			}
		}
		for (String reason : List.of("fraud", "rumour")) {
			reports.file(new Reports.Filing("creator", approved, reason, "主页简介里全是广告链接。", null), "hub-reader-" + reason,
					null);
		}
		ChromeDriver driver = chromium.driver();
		chromium.signInWithLoginForm("admin@aids.test", "aids-admin-1");
		try {
			Chromium.viewport(driver, 1366, 900, false);
			driver.get("http://localhost:" + port + "/admin");
			assertThat(driver.findElements(By.cssSelector("[data-testid=error]"))).isEmpty();
			assertThat(chromium.testId("hub-summary").getText()).doesNotContain("所有队列都已处理完");
			assertThat(driver.findElements(By.cssSelector("[data-queue] [data-testid=hub-count]"))
				.stream()
				.map(WebElement::getText)
				.filter(count -> !"0".equals(count))).hasSizeGreaterThanOrEqualTo(2);
			chromium.screenshot("readme-admin-desktop.png");
			Chromium.viewport(driver, 390, 844, true);
			driver.get("http://localhost:" + port + "/admin");
			chromium.screenshot("readme-admin-phone.png");
		}
		finally {
			Chromium.viewport(driver, 1366, 900, false);
			driver.manage().deleteAllCookies();
		}
	}

}
