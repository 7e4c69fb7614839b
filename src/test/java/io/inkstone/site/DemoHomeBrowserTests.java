package io.inkstone.site;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import io.inkstone.support.Chromium;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
	}

	@BeforeAll
	static void startBrowser() {
		driver = Chromium.start(1366, 900);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void leadPictureIsInTheFirstScreenOnAPhoneAndADesktop() throws IOException {
		leadInFirstScreen(390, 844, "home-phone.png");
		leadInFirstScreen(1366, 768, "home-desktop-768.png");
		// the README's desktop picture keeps its 1366 × 900 frame
		viewport(1366, 900);
		driver.navigate().refresh();
		loaded(driver.findElement(By.cssSelector("[data-testid=card-lead-picture]")));
		screenshot("home-desktop.png");
	}

	private void leadInFirstScreen(int width, int height, String screenshot) throws IOException {
		viewport(width, height);
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + port + "/");
		WebElement lead = driver.findElement(By.cssSelector("[data-testid=card-lead-picture]"));
		loaded(lead);
		assertThat(num(js("return window.scrollY"))).isZero();
		var box = lead.getRect();
		assertThat(box.getWidth()).as("lead picture width at %d", width).isGreaterThanOrEqualTo(width / 2 - 40);
		assertThat(box.getY()).as("lead picture top at %d × %d", width, height).isLessThan(height / 3);
		assertThat(box.getY() + box.getHeight()).as("lead picture bottom at %d × %d", width, height)
			.isLessThanOrEqualTo(height);
		screenshot(screenshot);
	}

	private static void loaded(WebElement img) {
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.until(d -> num(js("return arguments[0].complete ? arguments[0].naturalWidth : 0", img)) > 0);
	}

	private static void viewport(int width, int height) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private static long num(Object value) {
		return Math.round(((Number) value).doubleValue());
	}

	private static void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		File file = driver.getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
