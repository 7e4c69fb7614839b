package io.inkstone.site;

import java.io.IOException;
import java.time.Duration;

import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;

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
 * The demo site's home page as a newcomer first sees it ({@code inkstone.demo=true}, as
 * the README runs it): the lead story's picture stands in the first screen on a phone
 * (390 × 844) and on a desktop (1366 × 768). Its screenshots are the README's home
 * pictures ({@code target/screenshots/home-phone.png}, {@code home-desktop.png}; copied
 * to {@code docs/} by hand when the page changes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inkstone.demo=true")
class DemoHomeBrowserTests {

	@RegisterExtension
	static final Chromium.Session chromium = Chromium.session(1366, 900);

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@Test
	void leadPictureIsInTheFirstScreenOnAPhoneAndADesktop() throws IOException {
		ChromeDriver driver = chromium.driver();
		leadInFirstScreen(390, 844, "home-phone.png");
		leadInFirstScreen(1366, 768, "home-desktop-768.png");
		// the README's desktop picture keeps its 1366 × 900 frame
		viewport(1366, 900);
		driver.navigate().refresh();
		loaded(driver.findElement(By.cssSelector("[data-testid=card-lead-picture]")));
		chromium.screenshot("home-desktop.png");
	}

	private void leadInFirstScreen(int width, int height, String screenshot) throws IOException {
		ChromeDriver driver = chromium.driver();
		viewport(width, height);
		driver.manage().deleteAllCookies();
		chromium.open("/");
		WebElement lead = driver.findElement(By.cssSelector("[data-testid=card-lead-picture]"));
		loaded(lead);
		assertThat(num(js("return window.scrollY"))).isZero();
		var box = lead.getRect();
		assertThat(box.getWidth()).as("lead picture width at %d", width).isGreaterThanOrEqualTo(width / 2 - 40);
		assertThat(box.getY()).as("lead picture top at %d × %d", width, height).isLessThan(height / 3);
		assertThat(box.getY() + box.getHeight()).as("lead picture bottom at %d × %d", width, height)
			.isLessThanOrEqualTo(height);
		chromium.screenshot(screenshot);
	}

	private static void loaded(WebElement img) {
		new WebDriverWait(chromium.driver(), Duration.ofSeconds(20))
			.until(d -> num(js("return arguments[0].complete ? arguments[0].naturalWidth : 0", img)) > 0);
	}

	private static void viewport(int width, int height) {
		Chromium.viewport(chromium.driver(), width, height, false);
	}

	private static Object js(String script, Object... args) {
		return chromium.driver().executeScript(script, args);
	}

	private static long num(Object value) {
		return Math.round(((Number) value).doubleValue());
	}

}
