package io.inkstone.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

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
		// headless Chromium opens no window narrower than 500 px whatever --window-size
		// says; resized, it takes the phone's width
		driver.manage().window().setSize(new Dimension(width, height));
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

	/**
	 * One browser for a test class of the running application: started before the first
	 * test, quit after the last, pointed at the port Spring Boot gave the application.
	 *
	 * <pre>
	 * &#64;RegisterExtension
	 * static final Chromium.Session chromium = Chromium.session(1366, 900);
	 * </pre>
	 */
	public static Session session(int width, int height) {
		return new Session(width, height, true);
	}

	/**
	 * The same with JavaScript switched off ({@link #startWithoutJavaScript}), as a
	 * reader who blocks scripts has it.
	 */
	public static Session sessionWithoutJavaScript(int width, int height) {
		return new Session(width, height, false);
	}

	/** The browser of {@link #session}, with what the browser tests do with it. */
	public static final class Session implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

		private final int width;

		private final int height;

		private final boolean javaScript;

		private ChromeDriver driver;

		private int port;

		private Session(int width, int height, boolean javaScript) {
			this.width = width;
			this.height = height;
			this.javaScript = javaScript;
		}

		@Override
		public void beforeAll(ExtensionContext context) {
			driver = start(width, height, javaScript);
		}

		@Override
		public void beforeEach(ExtensionContext context) {
			port = SpringExtension.getApplicationContext(context)
				.getEnvironment()
				.getRequiredProperty("local.server.port", Integer.class);
		}

		@Override
		public void afterAll(ExtensionContext context) {
			if (driver != null) {
				driver.quit();
			}
		}

		public ChromeDriver driver() {
			return driver;
		}

		public int port() {
			return port;
		}

		/** The absolute address of a path of the application. */
		public String url(String path) {
			return "http://localhost:" + port + path;
		}

		/** Opens a path of the application. */
		public void open(String path) {
			driver.get(url(path));
		}

		public WebElement testId(String id) {
			return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
		}

		/** Waits (up to 10 s) until an element matches the selector. */
		public void waitFor(String css) {
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
		}

		/** Waits (up to 10 s) until the condition holds. */
		public void waitFor(Function<ChromeDriver, Boolean> condition) {
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.apply(driver));
		}

		/** Waits (up to 10 s) for the flash message that contains this text. */
		public void waitForFlash(String text) {
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.cssSelector("[data-testid=flash]")).isEmpty()
						&& d.findElement(By.cssSelector("[data-testid=flash]")).getText().contains(text));
		}

		/** Signs in through the login form as a person would ({@link BrowserSignIn}). */
		public void signInWithLoginForm(String email, String password) {
			BrowserSignIn.withLoginForm(driver, port, email, password);
		}

		/** Saves what the browser shows as {@code target/screenshots/<name>}. */
		public void screenshot(String name) throws IOException {
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}

		/**
		 * Elements that stick out of the page to the right (not inside a box of their own
		 * that scrolls or clips); empty when the page does not scroll sideways.
		 */
		public String horizontalOverflow() {
			JavascriptExecutor js = driver;
			long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
			long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
			if (scroll <= width) {
				return "";
			}
			Object wide = js.executeScript("var w = document.documentElement.clientWidth, out = [];"
					+ "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
					+ " var clipped = false; for (var p = e.parentElement; p; p = p.parentElement) { var o = getComputedStyle(p).overflowX; if (o !== 'visible') { clipped = true; break; } }"
					+ " if (!clipped && getComputedStyle(e).position !== 'fixed' && r.right > w + 1 && out.length < 8) { out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right)); } });"
					+ "return out.join(' | ');");
			return scroll + " > " + width + ": " + wide;
		}

	}

}
