package io.inkstone.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.inkstone.support.Browser;
import io.inkstone.support.SignedInRoles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.FieldErrorTies.assertTied;
import static io.inkstone.support.FieldErrorTies.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in and the users console over real HTTP, with
 * {@code inkstone.security.require-two-factor-for-staff} on: turning it on (a wrong code
 * refused and nothing stored), signing in with it (the password alone is not enough, a
 * wrong code refused, a recovery code works once), turning it off, staff sent to set it
 * up before the console; admins finding accounts, suspending (sessions end, sign-in
 * refused with a message), restoring, resetting two-factor — all audited, admin-only,
 * CSRF-checked, bad input a 400 with the field's message. Runs once per database.
 */
abstract class TwoFactorAndUsersContract {

	static final String PASSWORD = "correct-horse-1";

	static final String ADMIN = "admin@two-factor.test";

	static final String ADMIN_PASSWORD = "two-factor-admin-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	TwoFactor twoFactor;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The admin's recovery codes, once the first test turned two-factor on for the admin:
	 * later sign-ins spend one each (app codes would run out of fresh time steps).
	 */
	static final Deque<String> adminCodes = new ArrayDeque<>();

	String newAccount(String name) {
		String email = SignedInRoles.unique("tf") + "@inkstone.test";
		accounts.signUp(email, PASSWORD, name, Role.READER).orElseThrow();
		return email;
	}

	long idOf(String email) {
		return jdbc.sql("SELECT id FROM accounts WHERE email = :e").param("e", email).query(Long.class).single();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	HttpResponse<String> password(Browser b, String email, String password, boolean remember) {
		b.page("/login");
		return b.post("/login",
				remember ? Map.of("_csrf", b.csrfToken(), "email", email, "password", password, "remember", "on")
						: Map.of("_csrf", b.csrfToken(), "email", email, "password", password));
	}

	Browser signIn(String email, String password) {
		Browser b = new Browser(port);
		HttpResponse<String> r = password(b, email, password, false);
		assertThat(location(r)).as("signed in").isEqualTo("/");
		return b;
	}

	/** A code the app would show now, for a step not used yet. */
	String code(String secret, long accountId) {
		long now = TwoFactor.step(System.currentTimeMillis());
		Long last = jdbc.sql("SELECT last_step FROM account_two_factor WHERE account_id = :a")
			.param("a", accountId)
			.query(Long.class)
			.optional()
			.orElse(Long.MIN_VALUE);
		// the step after the last used one, within the skew (at most one step ahead)
		long step = Math.max(now, last + 1);
		assertThat(step).as("a fresh step within the skew").isLessThanOrEqualTo(now + TwoFactor.SKEW_STEPS);
		return TwoFactor.generate(secret, step);
	}

	/** Turns two-factor on through the pages; returns the secret and recovery codes. */
	record Enabled(String secret, List<String> recoveryCodes) {
	}

	Enabled enable(Browser b, long accountId) {
		Document setup = b.page("/account/two-factor/setup").html();
		assertThat(setup.select("[data-testid=two-factor-qr] svg path")).hasSize(1);
		String secret = setup.selectFirst("[data-testid=two-factor-secret]").attr("data-secret");
		HttpResponse<String> on = b.post("/account/two-factor/setup",
				Map.of("_csrf", b.csrfToken(), "code", code(secret, accountId)));
		assertThat(on.statusCode()).isEqualTo(200);
		assertThat(on.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		List<String> codes = Jsoup.parse(on.body()).select("[data-testid=recovery-codes] code").eachText();
		assertThat(codes).hasSize(10);
		return new Enabled(secret, codes);
	}

	/**
	 * The admin's browser per site (by port), signed in once: sign-ins are limited per
	 * address (30 in 10 minutes) and per account (10), and the tests of a class together
	 * need more of them than that.
	 */
	static final Map<Integer, Browser> admins = new HashMap<>();

	/**
	 * The admin, signed in with both factors (turning two-factor on the first time): one
	 * session per site, in a new browser for each caller (no cookie but the session's).
	 */
	Browser admin() {
		synchronized (TwoFactorAndUsersContract.class) {
			return admins.computeIfAbsent(port, p -> signInAdmin()).sameSession();
		}
	}

	Browser signInAdmin() {
		Browser b = new Browser(port);
		HttpResponse<String> r = password(b, ADMIN, ADMIN_PASSWORD, false);
		long id = idOf(ADMIN);
		synchronized (TwoFactorAndUsersContract.class) {
			if (!twoFactor.enabled(id)) {
				assertThat(location(r)).isEqualTo("/");
				// the setting is on: the console sends an admin without it to set it up
				assertThat(location(b.get("/admin/users"))).isEqualTo("/account/two-factor?required");
				assertThat(b.page("/account/two-factor?required").html().select("[data-testid=two-factor-required]"))
					.hasSize(1);
				adminCodes.clear();
				adminCodes.addAll(enable(b, id).recoveryCodes());
				assertThat(b.get("/admin/users").statusCode()).isEqualTo(200);
				return b;
			}
		}
		assertThat(location(r)).isEqualTo("/login/two-factor");
		HttpResponse<String> done = b.post("/login/two-factor",
				Map.of("_csrf", b.csrfToken(), "code", adminCodes.pop()));
		assertThat(location(done)).isEqualTo("/");
		return b;
	}

	long rows(String table, long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE account_id = :a")
			.param("a", accountId)
			.query(Long.class)
			.single();
	}

	/** An account with two-factor on: its secret and recovery codes. */
	record TwoFactorAccount(String email, long id, Enabled enabled) {

		String recoveryCode(int index) {
			return enabled.recoveryCodes().get(index);
		}

	}

	/**
	 * A new account with two-factor on, made as test data (the pages are what
	 * {@link #enable} goes through), not signed in.
	 */
	TwoFactorAccount withTwoFactor(String name) {
		String email = newAccount(name);
		long id = idOf(email);
		String secret = TwoFactor.newSecret();
		List<String> codes = twoFactor.enable(id, secret, code(secret, id)).orElseThrow();
		return new TwoFactorAccount(email, id, new Enabled(secret, codes));
	}

	/** Signs in with the password, then this code, from the front page. */
	Browser signIn(TwoFactorAccount account, String code) {
		Browser b = new Browser(port);
		assertThat(location(password(b, account.email(), PASSWORD, false))).isEqualTo("/login/two-factor");
		assertThat(location(b.post("/login/two-factor", Map.of("_csrf", b.csrfToken(), "code", code)))).isEqualTo("/");
		return b;
	}

	/** What the audit log says was done to this account. */
	List<String> auditedActions(long accountId) {
		return jdbc.sql("SELECT action FROM audit_log WHERE target_type = 'account' AND target_id = :a")
			.param("a", Long.toString(accountId))
			.query(String.class)
			.list();
	}

	@Test
	void aWrongOrEmptyCodeOnEnablingIsAFieldErrorAndStoresNothing() {
		String email = newAccount("双重验证");
		long id = idOf(email);
		Browser me = signIn(email, PASSWORD);
		assertThat(me.page("/account/settings").html().select("[data-testid=two-factor-link]")).hasSize(1);
		assertThat(me.page("/account/two-factor").html().select("[data-testid=two-factor-off]")).hasSize(1);
		Document setup = me.page("/account/two-factor/setup").html();
		String secret = setup.selectFirst("[data-testid=two-factor-secret]").attr("data-secret");
		assertThat(setup.selectFirst("[data-testid=two-factor-secret]").text().replace(" ", "")).isEqualTo(secret);
		String wrongCode = TwoFactor.generate(secret, TwoFactor.step(System.currentTimeMillis()) + 5);
		HttpResponse<String> wrong = me.post("/account/two-factor/setup",
				Map.of("_csrf", me.csrfToken(), "code", wrongCode));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(wrong.body()).selectFirst("[data-field=code]").text()).contains("验证码不正确");
		assertTied(Jsoup.parse(wrong.body()), "form[data-testid=two-factor-confirm] input[name=code]", "code");
		HttpResponse<String> empty = me.post("/account/two-factor/setup", Map.of("_csrf", me.csrfToken(), "code", ""));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(empty.body()).selectFirst("[data-field=code]").text()).isNotBlank();
		assertThat(rows("account_two_factor", id)).isZero();
		assertThat(rows("account_recovery_codes", id)).isZero();
		// the same secret stays on offer until it is confirmed
		assertThat(me.page("/account/two-factor/setup")
			.html()
			.selectFirst("[data-testid=two-factor-secret]")
			.attr("data-secret")).isEqualTo(secret);
		assertThat(enable(me, id).secret()).isEqualTo(secret);
	}

	@Test
	void turningTwoFactorOnIsAuditedAndStoresNeitherTheSecretNorTheRecoveryCodesAsTheyAre() {
		String email = newAccount("双重验证");
		long id = idOf(email);
		Browser me = signIn(email, PASSWORD);
		Enabled on = enable(me, id);
		assertThat(rows("account_recovery_codes", id)).isEqualTo(10);
		String stored = jdbc.sql("SELECT secret FROM account_two_factor WHERE account_id = :a")
			.param("a", id)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(on.secret());
		assertThat(jdbc.sql("SELECT code_hash FROM account_recovery_codes WHERE account_id = :a")
			.param("a", id)
			.query(String.class)
			.list()).doesNotContainAnyElementsOf(on.recoveryCodes());
		assertThat(me.page("/account/two-factor").html().select("[data-testid=two-factor-on]")).hasSize(1);
		assertThat(auditedActions(id)).contains("account.two-factor-enabled");
	}

	@Test
	void withTwoFactorOnThePasswordAloneOnlyReachesTheCodePage() {
		TwoFactorAccount account = withTwoFactor("双重验证");
		Browser again = new Browser(port);
		HttpResponse<String> first = password(again, account.email(), PASSWORD, true);
		assertThat(location(first)).isEqualTo("/login/two-factor");
		assertThat(first.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("remember-me="))
			.noneMatch(c -> c.startsWith(DeviceCookies.COOKIE + "="));
		assertThat(location(again.get("/account"))).endsWith("/login");
		assertThat(again.page("/login/two-factor").html().select("[data-testid=two-factor-login]")).hasSize(1);
		HttpResponse<String> bad = again.post("/login/two-factor",
				Map.of("_csrf", again.csrfToken(), "code", "000000"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).selectFirst("[data-field=code]").text()).contains("验证码不正确");
		assertTied(Jsoup.parse(bad.body()), "form[data-testid=two-factor-login] input[name=code]", "code");
		assertThat(location(again.get("/account"))).endsWith("/login");
		assertThat(again.post("/login/two-factor", Map.of("code", account.recoveryCode(0))).statusCode())
			.as("no CSRF token")
			.isEqualTo(403);
	}

	@Test
	void aRecoveryCodeCompletesTheSignInOnceAndTheBrowserIsThenRemembered() {
		TwoFactorAccount account = withTwoFactor("双重验证");
		Browser again = new Browser(port);
		assertThat(location(password(again, account.email(), PASSWORD, true))).isEqualTo("/login/two-factor");
		assertThat(location(again.get("/account"))).endsWith("/login");
		HttpResponse<String> recovered = again.post("/login/two-factor",
				Map.of("_csrf", again.csrfToken(), "code", account.recoveryCode(0).toUpperCase()));
		// on to the page that sent them to sign in
		assertThat(location(recovered)).isEqualTo("/account");
		assertThat(recovered.headers().allValues("Set-Cookie")).as("remember me, once both factors passed")
			.anyMatch(c -> c.startsWith("remember-me=") && !c.startsWith("remember-me=;"));
		assertThat(again.page("/account").status()).isEqualTo(200);
		assertThat(again.page("/account/two-factor").html().text()).contains("9");
		// the same recovery code does not work twice
		Browser third = new Browser(port);
		assertThat(location(password(third, account.email(), PASSWORD, false))).isEqualTo("/login/two-factor");
		HttpResponse<String> reused = third.post("/login/two-factor",
				Map.of("_csrf", third.csrfToken(), "code", account.recoveryCode(0)));
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(location(third.get("/account"))).endsWith("/login");
	}

	@Test
	void anAppCodeCompletesTheSignInAndTheSameCodeReplayedIsRefused() {
		TwoFactorAccount account = withTwoFactor("双重验证");
		Browser first = new Browser(port);
		assertThat(location(password(first, account.email(), PASSWORD, false))).isEqualTo("/login/two-factor");
		assertThat(location(first.get("/account"))).endsWith("/login");
		String appCode = code(account.enabled().secret(), account.id());
		assertThat(location(first.post("/login/two-factor", Map.of("_csrf", first.csrfToken(), "code", appCode))))
			.isEqualTo("/account");
		Browser replay = new Browser(port);
		password(replay, account.email(), PASSWORD, false);
		assertThat(replay.post("/login/two-factor", Map.of("_csrf", replay.csrfToken(), "code", appCode)).statusCode())
			.isEqualTo(400);
	}

	@Test
	void turningTwoFactorOffNeedsThePasswordAndACodeAndAWrongPasswordChangesNothing() {
		TwoFactorAccount account = withTwoFactor("双重验证");
		Browser me = signIn(account, account.recoveryCode(0));
		HttpResponse<String> noPassword = me.post("/account/two-factor/disable",
				Map.of("_csrf", me.csrfToken(), "password", "wrong-password", "code", account.recoveryCode(1)));
		assertThat(noPassword.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noPassword.body()).selectFirst("[data-field=password]")).isNotNull();
		Document refused = Jsoup.parse(noPassword.body());
		assertTied(refused, "form[data-testid=two-factor-disable] input[name=password]", "password");
		// the code is not judged without the right password
		assertValid(refused, "form[data-testid=two-factor-disable] input[name=code]");
		assertThat(twoFactor.enabled(account.id())).isTrue();
		// the refused attempt did not spend the code
		HttpResponse<String> off = me.post("/account/two-factor/disable",
				Map.of("_csrf", me.csrfToken(), "password", PASSWORD, "code", account.recoveryCode(1)));
		assertThat(location(off)).isEqualTo("/account/two-factor?disabled");
		assertThat(rows("account_two_factor", account.id())).isZero();
		assertThat(rows("account_recovery_codes", account.id())).isZero();
		signIn(account.email(), PASSWORD);
		assertThat(auditedActions(account.id())).contains("account.two-factor-disabled");
	}

	@Test
	void newRecoveryCodesAreIssuedForACodeAndTheOldOnesThenStopWorking() {
		TwoFactorAccount account = withTwoFactor("双重验证");
		Browser me = signIn(account, account.recoveryCode(0));
		HttpResponse<String> wrongCode = me.post("/account/two-factor/recovery-codes",
				Map.of("_csrf", me.csrfToken(), "code", "000000"));
		assertThat(wrongCode.statusCode()).isEqualTo(400);
		Document refused = Jsoup.parse(wrongCode.body());
		assertThat(assertTied(refused, "form[data-testid=two-factor-new-codes] input[name=code]", "recoveryCode"))
			.contains("验证码不正确");
		assertValid(refused, "form[data-testid=two-factor-disable] input[name=code]");
		HttpResponse<String> fresh = me.post("/account/two-factor/recovery-codes",
				Map.of("_csrf", me.csrfToken(), "code", account.recoveryCode(1)));
		assertThat(fresh.statusCode()).isEqualTo(200);
		List<String> newCodes = Jsoup.parse(fresh.body()).select("[data-testid=recovery-codes] code").eachText();
		assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(account.enabled().recoveryCodes());
		assertThat(twoFactor.accept(account.id(), account.recoveryCode(2))).as("an old recovery code").isFalse();
		assertThat(twoFactor.accept(account.id(), newCodes.get(0))).as("a new recovery code").isTrue();
		assertThat(auditedActions(account.id())).contains("account.recovery-codes-replaced");
	}

	@Test
	void aRememberMeCookieFromBeforeTwoFactorDoesNotSkipIt() {
		String email = newAccount("记住我");
		long id = idOf(email);
		Browser old = new Browser(port);
		assertThat(location(password(old, email, PASSWORD, true))).isEqualTo("/");
		String cookie = old.cookie("remember-me");
		assertThat(cookie).isNotBlank();
		Browser me = signIn(email, PASSWORD);
		enable(me, id);
		// a browser holding only the older cookie (its session gone) is not signed in
		Browser stolen = new Browser(port);
		HttpResponse<String> r = stolen.get("/account", "Cookie", "remember-me=" + cookie);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).endsWith("/login");
	}

	private static final AtomicInteger OWN_ADDRESS = new AtomicInteger();

	/**
	 * A browser behind the trusted (loopback) proxy with a client address of its own: the
	 * tests below sign in more often than one address may in ten minutes.
	 */
	Browser own() {
		return new Browser(port).header("X-Forwarded-For", "203.0.113." + (1 + OWN_ADDRESS.incrementAndGet() % 250));
	}

	/** A browser of its own, signed in as this account with "remember me" ticked. */
	Browser remembered(String email) {
		Browser browser = own();
		assertThat(location(password(browser, email, PASSWORD, true))).isEqualTo("/");
		return browser;
	}

	/** A browser holding only this "remember me" cookie, asking for its settings. */
	HttpResponse<String> withOnly(String rememberMe) {
		return new Browser(port).get("/account/settings", "Cookie", "remember-me=" + rememberMe);
	}

	@Test
	void signingOutEndsTheRememberMeCookie() {
		String email = newAccount("退出即忘");
		Browser me = remembered(email);
		String cookie = me.cookie("remember-me");
		assertThat(cookie).isNotBlank();
		assertThat(withOnly(cookie).statusCode()).as("remembered before signing out").isEqualTo(200);
		assertThat(location(me.post("/logout", Map.of("_csrf", me.csrfToken())))).isEqualTo("/");
		HttpResponse<String> after = withOnly(cookie);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(location(after)).endsWith("/login");
		// signing in again with "remember me" is remembered again
		Browser again = remembered(email);
		assertThat(withOnly(again.cookie("remember-me")).statusCode()).isEqualTo(200);
	}

	@Test
	void signingOutWithOnlyTheCookieEndsIt() {
		String email = newAccount("只有饼干");
		Browser me = remembered(email);
		String cookie = me.cookie("remember-me");
		// its session gone: the sign-out form sends the cookie and a (double-submit) CSRF
		// token only
		HttpRequest logout = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "remember-me=" + cookie + "; XSRF-TOKEN=only-cookie-token")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=only-cookie-token"))
			.build();
		HttpResponse<String> out;
		try {
			out = HttpClient.newHttpClient().send(logout, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(location(out)).isEqualTo("/");
		assertThat(location(withOnly(cookie))).endsWith("/login");
	}

	@Test
	void signingOutAllOtherDevicesEndsTheirRememberMeCookies() {
		String email = newAccount("其他设备");
		Browser other = remembered(email);
		String cookie = other.cookie("remember-me");
		assertThat(withOnly(cookie).statusCode()).isEqualTo(200);
		Browser me = remembered(email);
		String mine = me.cookie("remember-me");
		assertThat(location(me.post("/account/sessions/end-others", Map.of("_csrf", me.csrfToken()))))
			.isEqualTo("/account/settings?othersEnded");
		assertThat(location(withOnly(cookie))).endsWith("/login");
		assertThat(me.page("/account/settings").status()).as("this browser stays signed in").isEqualTo(200);
		assertThat(withOnly(mine).statusCode()).as("its old cookie, issued before").isEqualTo(302);
		assertThat(me.cookie("remember-me")).isNotEqualTo(mine);
		assertThat(withOnly(me.cookie("remember-me")).statusCode()).as("and remembered with a new one").isEqualTo(200);
	}

	@Test
	void anonymousRequestsForSignedInPagesGetNoSessionAndSigningInLandsThere() {
		for (String path : List.of("/admin", "/studio", "/account", "/feed", "/saved", "/history", "/messages")) {
			HttpResponse<String> r = new Browser(port).get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(302);
			assertThat(location(r)).as(path).endsWith("/login");
			assertThat(r.headers().allValues("Set-Cookie")).as(path)
				.noneMatch(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION="));
		}
		String email = newAccount("原路返回");
		Browser me = own();
		assertThat(location(me.get("/history"))).endsWith("/login");
		assertThat(location(password(me, email, PASSWORD, false))).isEqualTo("/history");
		assertThat(me.page("/history").status()).isEqualTo(200);
		// only once: the next sign-in goes home
		Browser later = own();
		assertThat(location(password(later, email, PASSWORD, false))).isEqualTo("/");
	}

	@Test
	void staffWithoutTwoFactorAreSentToSetItUpFirst() {
		Browser admin = admin(); // turns it on for the admin (asserting the redirect) if
									// needed
		String email = newAccount("新审核员");
		assertThat(admin
			.post("/admin/staff/reviewers", Map.of("_csrf", admin.csrfToken(), "email", email, "reason", "两步验证测试"))
			.statusCode()).isEqualTo(302);
		Browser reviewer = signIn(email, PASSWORD);
		for (String path : List.of("/admin", "/admin/review", "/admin/reports")) {
			assertThat(location(reviewer.get(path))).as(path).isEqualTo("/account/two-factor?required");
		}
		// readers are not asked: their pages open as before
		Browser reader = signIn(newAccount("普通读者"), PASSWORD);
		assertThat(reader.page("/account").status()).isEqualTo(200);
		enable(reviewer, idOf(email));
		assertThat(reviewer.get("/admin/review").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdminFindsAnAccountByEmailOrNicknameWithItsRoleStatusAndTwoFactor() {
		Browser admin = admin();
		String email = newAccount("被停用者");
		long id = idOf(email);
		assertThat(signIn(email, PASSWORD).page("/account").status()).isEqualTo(200);
		Document found = admin.page("/admin/users?q=" + email.substring(0, 12).toUpperCase()).html();
		assertThat(found.select("[data-testid=users-list] tr[data-user=" + id + "]")).as(found.text()).hasSize(1);
		Document byName = admin.page("/admin/users?q=%E8%A2%AB%E5%81%9C%E7%94%A8").html();
		assertThat(byName.select("tr[data-user=" + id + "] [data-suspended=false]")).hasSize(1);
		assertThat(byName.select("tr[data-user=" + id + "] [data-two-factor=false]")).hasSize(1);
		// an empty search: 400 with the field's message
		HttpResponse<String> blank = admin.get("/admin/users?q=+");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blank.body()).selectFirst("[data-field=q]").text()).isNotBlank();
		assertTied(Jsoup.parse(blank.body()), "form[data-testid=users-search] input[name=q]", "q");
		assertThat(admin.get("/admin/users?q=%25").statusCode()).as("a LIKE wildcard is text").isEqualTo(200);

		Document detail = admin.page("/admin/users/" + id).html();
		assertThat(detail.select("[data-testid=sign-ins] tbody tr")).isNotEmpty();
		assertThat(detail.selectFirst("[data-testid=user-role]").text()).isEqualTo("读者");
		assertThat(admin.get("/admin/users/424242").statusCode()).isEqualTo(404);
	}

	@Test
	void aSuspensionNeedsAReasonAndTheCsrfTokenAndIsNeverOfOneself() {
		Browser admin = admin();
		String email = newAccount("停用须知");
		long id = idOf(email);
		Browser user = signIn(email, PASSWORD);
		// no reason: 400 with the field's message, nothing changes
		HttpResponse<String> noReason = admin.post("/admin/users/" + id + "/suspend",
				Map.of("_csrf", admin.csrfToken(), "reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noReason.body()).selectFirst("[data-field=suspendReason]").text()).isNotBlank();
		assertTied(Jsoup.parse(noReason.body()), "form[data-testid=suspend-form] input[name=reason]", "suspendReason");
		assertThat(user.page("/account").status()).isEqualTo(200);
		assertThat(admin.post("/admin/users/" + id + "/suspend", Map.of("reason", "垃圾广告")).statusCode())
			.as("no CSRF token")
			.isEqualTo(403);
		assertThat(user.page("/account").status()).isEqualTo(200);
		HttpResponse<String> self = admin.post("/admin/users/" + idOf(ADMIN) + "/suspend",
				Map.of("_csrf", admin.csrfToken(), "reason", "自己"));
		assertThat(self.statusCode()).isEqualTo(400);
	}

	@Test
	void anAdminSuspendsAnAccountItsSessionsEndAndSignInIsRefusedUntilRestored() {
		Browser admin = admin();
		String email = newAccount("停用恢复");
		long id = idOf(email);
		Browser user = signIn(email, PASSWORD);
		assertThat(user.page("/account").status()).isEqualTo(200);
		HttpResponse<String> suspended = admin.post("/admin/users/" + id + "/suspend",
				Map.of("_csrf", admin.csrfToken(), "reason", "垃圾广告"));
		assertThat(location(suspended)).isEqualTo("/admin/users/" + id + "?suspended");
		Document after = admin.page(location(suspended)).html();
		assertThat(after.selectFirst("[data-testid=flash]").text()).contains("已停用");
		assertThat(after.selectFirst("[data-testid=user-status]").attr("data-suspended")).isEqualTo("true");
		assertThat(after.select("[data-testid=user-history] [data-action=account.suspend]")).hasSize(1);
		// the user's session has ended, and signing in again is refused with a message
		assertThat(location(user.get("/account"))).startsWith("/login");
		Browser retry = new Browser(port);
		HttpResponse<String> refused = password(retry, email, PASSWORD, true);
		assertThat(location(refused)).isEqualTo("/login?suspended");
		assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("remember-me="));
		assertThat(retry.page("/login?suspended").html().select("[data-testid=login-suspended]")).hasSize(1);
		assertThat(location(retry.get("/account"))).endsWith("/login");

		HttpResponse<String> restored = admin.post("/admin/users/" + id + "/restore",
				Map.of("_csrf", admin.csrfToken()));
		assertThat(location(restored)).isEqualTo("/admin/users/" + id + "?restored");
		assertThat(admin.page(location(restored)).html().selectFirst("[data-testid=flash]").text()).contains("已恢复");
		assertThat(signIn(email, PASSWORD).page("/account").status()).isEqualTo(200);
		assertThat(auditedActions(id)).contains("account.suspend", "account.restore");
	}

	@Test
	void anAdminResetsTwoFactorAndTheOwnerSignsInWithThePasswordAgain() {
		Browser admin = admin();
		String email = newAccount("丢了手机");
		long id = idOf(email);
		enable(signIn(email, PASSWORD), id);
		assertThat(location(password(new Browser(port), email, PASSWORD, false))).isEqualTo("/login/two-factor");
		Document detail = admin.page("/admin/users/" + id).html();
		assertThat(detail.selectFirst("[data-testid=user-two-factor]").attr("data-two-factor")).isEqualTo("true");
		HttpResponse<String> noReason = admin.post("/admin/users/" + id + "/two-factor/reset",
				Map.of("_csrf", admin.csrfToken(), "reason", ""));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(noReason.body()).selectFirst("[data-field=resetReason]").text()).isNotBlank();
		assertThat(twoFactor.enabled(id)).isTrue();
		HttpResponse<String> reset = admin.post("/admin/users/" + id + "/two-factor/reset",
				Map.of("_csrf", admin.csrfToken(), "reason", "用户手机丢失，已核实身份"));
		assertThat(location(reset)).isEqualTo("/admin/users/" + id + "?twoFactorReset");
		assertThat(admin.page(location(reset))
			.html()
			.select("[data-testid=user-history] [data-action=account.two-factor-reset]")).hasSize(1);
		assertThat(twoFactor.enabled(id)).isFalse();
		signIn(email, PASSWORD);
	}

	@Test
	void onlyAdminsReachTheUsersConsole() {
		admin();
		String email = newAccount("只是读者");
		long id = idOf(email);
		Browser reader = signIn(email, PASSWORD);
		assertThat(reader.get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(reader.get("/admin/users/" + id).statusCode()).isEqualTo(403);
		assertThat(reader.post("/admin/users/" + id + "/suspend", Map.of("_csrf", reader.csrfToken(), "reason", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(location(new Browser(port).get("/admin/users"))).endsWith("/login");
		String reviewerEmail = newAccount("审核员");
		Browser admin = admin();
		admin.post("/admin/staff/reviewers",
				Map.of("_csrf", admin.csrfToken(), "email", reviewerEmail, "reason", "权限测试"));
		Browser reviewer = signIn(reviewerEmail, PASSWORD);
		enable(reviewer, idOf(reviewerEmail));
		assertThat(reviewer.get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(
				reviewer.post("/admin/users/" + id + "/suspend", Map.of("_csrf", reviewer.csrfToken(), "reason", "x"))
					.statusCode())
			.isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = :a AND suspended_at IS NOT NULL")
			.param("a", id)
			.query(Long.class)
			.single()).isZero();
	}

	long audited(String action, long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :action AND target_id = :id")
			.param("action", action)
			.param("id", Long.toString(accountId))
			.query(Long.class)
			.single();
	}

	@Test
	void aStaffSignInIsAuditedAtThePasswordStepAndAWrongCodeToo() {
		Browser admin = admin();
		String email = newAccount("登录审计审核员");
		long id = idOf(email);
		assertThat(admin
			.post("/admin/staff/reviewers", Map.of("_csrf", admin.csrfToken(), "email", email, "reason", "登录审计"))
			.statusCode()).isEqualTo(302);
		Enabled on = enable(signIn(email, PASSWORD), id);
		long before = audited("staff.sign-in", id);

		// the password alone is recorded, before any code is typed
		Browser b = new Browser(port);
		assertThat(location(password(b, email, PASSWORD, false))).isEqualTo("/login/two-factor");
		assertThat(audited("staff.sign-in", id)).isEqualTo(before + 1);
		assertThat(audited("staff.sign-in.second-factor", id)).isZero();

		// a wrong code is recorded too
		assertThat(b.post("/login/two-factor", Map.of("_csrf", b.csrfToken(), "code", "000000")).statusCode())
			.isEqualTo(400);
		assertThat(audited("staff.sign-in.second-factor-failed", id)).isEqualTo(1);

		// and the code that completes it
		assertThat(location(
				b.post("/login/two-factor", Map.of("_csrf", b.csrfToken(), "code", on.recoveryCodes().get(0)))))
			.isEqualTo("/");
		assertThat(audited("staff.sign-in.second-factor", id)).isEqualTo(1);

		// readers' sign-ins are not staff business
		String reader = newAccount("登录审计读者");
		signIn(reader, PASSWORD);
		assertThat(audited("staff.sign-in", idOf(reader))).isZero();

		// the log names the steps in the admin's language, the code stays in the data
		Document log = admin.page("/admin/audit").html();
		assertThat(log.select("tr[data-action=staff.sign-in.second-factor-failed] [data-code]").text())
			.contains("两步验证失败");
		assertThat(log.select("tr[data-action=staff.sign-in] [data-code]").first().text()).contains("后台登录")
			.doesNotContain("staff.sign-in");
		assertThat(admin.page("/admin/audit?lang=en")
			.html()
			.select("tr[data-action=staff.sign-in.second-factor-failed] [data-code]")
			.text()).contains("second factor failed");
	}

}
