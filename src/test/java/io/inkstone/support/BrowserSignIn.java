package io.inkstone.support;

import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in for the browser tests: an administrator configured at start on a fresh data
 * directory, signed in through the login form, or any account signed in over HTTP with
 * its session handed to the browser.
 */
public final class BrowserSignIn {

	private BrowserSignIn() {
	}

	/** A fresh data directory and an administrator account created at start. */
	public static void freshSiteWithAdministrator(DynamicPropertyRegistry registry, String email, String password) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		registry.add("inkstone.admin.email", () -> email);
		registry.add("inkstone.admin.password", () -> password);
	}

	/**
	 * The administrator also writes: the first imported creator's profile becomes theirs.
	 * Returns the administrator's account id.
	 */
	public static long adoptFirstCreator(JdbcClient jdbc, String email) {
		long account = jdbc.sql("SELECT id FROM accounts WHERE email = :e")
			.param("e", email)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE creators SET account_id = :a WHERE id = (SELECT MIN(id) FROM creators)")
			.param("a", account)
			.update();
		return account;
	}

	/**
	 * Signs in through the login form as a person would, from a browser without cookies,
	 * and waits for the signed-in header.
	 */
	public static void withLoginForm(WebDriver driver, int port, String email, String password) {
		driver.manage().deleteAllCookies();
		driver.get("http://localhost:" + port + "/login");
		type(driver, "email", email);
		type(driver, "password", password);
		driver.findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("[data-testid=logout]")).isEmpty());
	}

	/**
	 * Signs in over HTTP and hands the session to the browser (for tests about something
	 * else than the login form itself).
	 */
	public static void overHttp(WebDriver driver, int port, String email, String password) {
		Browser http = new Browser(port);
		http.page("/login");
		assertThat(http.post("/login", Map.of("_csrf", http.csrfToken(), "email", email, "password", password))
			.statusCode()).isEqualTo(302);
		driver.get("http://localhost:" + port + "/robots.txt"); // cookies need a page of
																// the site
		for (String name : new String[] { "JSESSIONID", "SESSION", "remember-me" }) {
			if (http.cookie(name) != null) {
				driver.manage().addCookie(new Cookie(name, http.cookie(name), "/"));
			}
		}
	}

	private static void type(WebDriver driver, String name, String value) {
		WebElement field = driver.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

}
