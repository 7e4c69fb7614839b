package io.inkstone.settings;

import java.io.IOException;

import io.inkstone.support.AccessibilityGate;
import io.inkstone.support.BrowserSignIn;
import io.inkstone.support.Chromium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in a real browser turns a compliance duty on and merges two channels (after
 * the confirmation step) at {@code /admin/settings}; a merge into the channel itself is
 * refused next to the field. The duty and merge parts pass the accessibility gate, with
 * the confirmation and with a refusal showing, and reflow at 320 CSS px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSettingsBrowserTests {

	private static final String ADMIN = "admin@console-browser.test";

	private static final String ADMIN_PASSWORD = "console-browser-1";

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		BrowserSignIn.freshSiteWithAdministrator(registry, ADMIN, ADMIN_PASSWORD);
	}

	private long channel(String slug) {
		return jdbc.sql("SELECT id FROM channels WHERE slug = :s").param("s", slug).query(Long.class).single();
	}

	@Test
	void anAdminTurnsADutyOnAndMergesAChannelAfterConfirming() throws IOException {
		ChromeDriver driver = chromium.driver();
		chromium.signInWithLoginForm(ADMIN, ADMIN_PASSWORD);
		chromium.open("/admin/settings");
		chromium.waitFor("[data-testid=duties-form]");

		// a duty on top of the profile
		driver.findElement(By.cssSelector("input[name=holdFlagged][value=on]")).click();
		driver.findElement(By.cssSelector("[data-testid=save-duties]")).click();
		chromium.waitForFlash("合规义务已保存");
		assertThat(driver.findElement(By.cssSelector("[data-duty=hold-flagged]")).getAttribute("data-effective"))
			.isEqualTo("true");

		// two channels, one merged into the other after the confirmation
		for (String slug : new String[] { "browser-from", "browser-into" }) {
			driver.findElement(By.cssSelector("input[name=channelSlug]")).sendKeys(slug);
			driver.findElement(By.cssSelector("input[name=channelName]")).sendKeys("频道" + slug);
			driver.findElement(By.cssSelector("[data-testid=channel-form] button[type=submit]")).click();
			chromium.waitForFlash("频道已更新");
		}
		new Select(driver.findElement(By.cssSelector("[data-testid=merge-from]")))
			.selectByValue(Long.toString(channel("browser-from")));
		new Select(driver.findElement(By.cssSelector("[data-testid=merge-into]")))
			.selectByValue(Long.toString(channel("browser-into")));
		driver.findElement(By.cssSelector("[data-testid=merge-submit]")).click();
		chromium.waitFor("[data-testid=merge-confirm]");
		assertThat(driver.findElement(By.cssSelector("[data-testid=merge-confirm]")).getText())
			.contains("频道browser-from")
			.contains("频道browser-into");
		AccessibilityGate.check(driver, "/admin/settings asking to confirm a merge");
		chromium.screenshot("console-settings-merge-1366.png");
		driver.findElement(By.cssSelector("[data-testid=merge-confirm-button]")).click();
		chromium.waitForFlash("频道已合并");
		assertThat(driver.findElements(By.cssSelector("[data-testid=channels] li[data-channel=browser-from]")))
			.isEmpty();

		// on a phone: a refused merge says why beside the field, no sideways scrolling
		Chromium.viewport(driver, 320, 800, true);
		chromium.open("/admin/settings#merge");
		String into = Long.toString(channel("browser-into"));
		new Select(driver.findElement(By.cssSelector("[data-testid=merge-from]"))).selectByValue(into);
		new Select(driver.findElement(By.cssSelector("[data-testid=merge-into]"))).selectByValue(into);
		driver.findElement(By.cssSelector("[data-testid=merge-submit]")).click();
		chromium.waitFor("[data-field=mergeInto]");
		assertThat(driver.findElement(By.cssSelector("[data-field=mergeInto]")).getText()).contains("并入它自己");
		assertThat(driver.findElement(By.cssSelector("[data-testid=merge-into]")).getAttribute("aria-invalid"))
			.isEqualTo("true");
		JavascriptExecutor js = driver;
		long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
		assertThat(scroll).as("page width at 320 px").isLessThanOrEqualTo(width);
		AccessibilityGate.check(driver, "/admin/settings at 320 px with a refused merge");
		chromium.screenshot("console-settings-320.png");
		Chromium.viewport(driver, 1366, 900, false);
	}

}
