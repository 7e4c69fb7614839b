package io.inkstone.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests. Without it the tests are skipped,
 * except under {@code CI=true}, where a missing browser fails the build.
 */
public final class Chromium {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private Chromium() {
	}

	/** A fresh browser window of the given size, Chinese first in its languages. */
	public static ChromeDriver start(int width, int height) {
		return start(width, height, true);
	}

	/**
	 * The same browser with JavaScript switched off in its content settings, as a reader
	 * who blocks scripts has it: {@code <noscript>} content is part of the page.
	 */
	public static ChromeDriver startWithoutJavaScript(int width, int height) {
		return start(width, height, false);
	}

	private static ChromeDriver start(int width, int height, boolean javaScript) {
		if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
			String reason = "Chromium or chromedriver missing (apt-get install chromium chromium-driver fonts-noto-cjk)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason);
			}
			System.out.println("SKIPPED: " + reason);
			Assumptions.abort(reason);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=" + width + "," + height, "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN");
		if (!javaScript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/**
	 * Renders the page as a device of this width would (a phone at 390, a desktop at
	 * 1366).
	 */
	public static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	/**
	 * Emulates the system's colour scheme ({@code "dark"}, {@code "light"}, or {@code ""}
	 * for the browser's own) as {@code prefers-color-scheme} reports it.
	 */
	public static void colorScheme(ChromeDriver driver, String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

}
