package io.inkstone.accounts;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.InkstoneApplication;
import io.inkstone.support.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.Jsoup;
import io.inkstone.support.Databases;
import io.inkstone.support.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.inkstone.support.FieldErrorTies.assertTied;
import static org.assertj.core.api.Assertions.assertThat;
import java.util.Locale;

/**
 * With mail configured, nobody learns from the sign-up, sign-in or password-reset forms
 * whether an e-mail address is registered: a registered and a fresh address get the same
 * status, the same redirect and the same page. The mailbox tells the difference: the
 * owner of a registered address is told someone tried to sign up with it; a fresh address
 * gets a link, and the account exists only once that link is confirmed.
 */
abstract class SignupPrivacyContract {

	/** Extra arguments naming the database (none for SQLite in the data directory). */
	abstract List<String> databaseArguments();

	private final MailServer smtp = MailServer.onFreePort();

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() {
		if (app != null) {
			app.close();
		}
		smtp.stop();
	}

	private Browser start() {
		smtp.start();
		Path dataDir = Databases.freshDataDir();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--inkstone.data-dir=" + dataDir,
				"--inkstone.admin.email=admin@inkstone.test", "--inkstone.admin.password=admin-password-1"));
		args.addAll(smtp.springArguments());
		args.addAll(databaseArguments());
		app = new SpringApplicationBuilder(InkstoneApplication.class).run(args.toArray(String[]::new));
		return browser();
	}

	private Browser browser() {
		return new Browser(((WebServerApplicationContext) app).getWebServer().getPort());
	}

	private static HttpResponse<String> signUp(Browser b, String email, String password, String name) {
		b.page("/signup");
		return b.post("/signup",
				Map.of("_csrf", b.csrfToken(), "email", email, "password", password, "displayName", name));
	}

	private long accounts(String email) {
		return app.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM accounts WHERE email = :e")
			.param("e", email)
			.query(Long.class)
			.single();
	}

	private List<String> mailsTo(String email) {
		return smtp.textsTo(email);
	}

	private static String confirmToken(String mail) {
		Matcher m = Pattern.compile("/signup/confirm\\?token=([^\\s]+)").matcher(mail);
		assertThat(m.find()).as(mail).isTrue();
		return m.group(1);
	}

	/**
	 * What a client sees of a sign-up: status, redirect, the cookies it was given, and
	 * the page it lands on.
	 */
	private static String seen(Browser b, HttpResponse<String> response) {
		String cookies = String.join(",",
				response.headers()
					.allValues("Set-Cookie")
					.stream()
					.map(c -> c.substring(0, c.indexOf('=')))
					.sorted()
					.toList());
		String landing = response.headers()
			.firstValue("Location")
			.map(location -> b.page(location.replaceFirst("^https?://[^/]+", "")).html().select("main").text())
			.orElse(response.body());
		return response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + " [" + cookies
				+ "] " + landing;
	}

	@Test
	void signingUpWithARegisteredAddressLooksLikeAFreshSignUpAndTellsTheOwner() {
		Browser owner = start();
		String ownerEmail = "owner-" + System.nanoTime() + "@inkstone.test";

		// a fresh address: the same answer as below, and no account until the mailed link
		// is confirmed
		HttpResponse<String> first = signUp(owner, ownerEmail, "owner-password-1", "主人");
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/signup?sent");
		assertThat(owner.page("/signup?sent").html().select("[data-testid=signup-sent]").text()).contains("请查收邮件");
		assertThat(accounts(ownerEmail)).isZero();
		smtp.awaitMails(ownerEmail, 1, Duration.ofSeconds(20));
		String token = confirmToken(mailsTo(ownerEmail).get(0));
		// opening the link changes nothing (mail scanners open links); the button creates
		// the account and signs in
		var confirmPage = owner.page("/signup/confirm?token=" + token);
		assertThat(confirmPage.status()).isEqualTo(200);
		assertThat(accounts(ownerEmail)).isZero();
		HttpResponse<String> confirmed = owner.post("/signup/confirm",
				Map.of("_csrf", owner.csrfToken(), "token", token));
		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(accounts(ownerEmail)).isEqualTo(1);
		assertThat(owner.get("/account").statusCode()).isEqualTo(200);
		assertThat(app.getBean(JdbcClient.class)
			.sql("SELECT email_verified FROM accounts WHERE email = :e")
			.param("e", ownerEmail)
			.query(Boolean.class)
			.single()).as("the link proved the address").isTrue();
		// a link works once
		Browser again = browser();
		assertThat(again.page("/signup/confirm?token=" + token).status()).isEqualTo(400);
		again.page("/signup");
		assertThat(again.post("/signup/confirm", Map.of("_csrf", again.csrfToken(), "token", token)).statusCode())
			.isEqualTo(400);
		assertThat(again.page("/signup/confirm?token=forged").status()).isEqualTo(400);

		// the probe: a registered address and a fresh one, by two strangers — the same
		// status, redirect, cookies, page
		Browser probeTaken = browser();
		Browser probeFresh = browser();
		String freshEmail = "fresh-" + System.nanoTime() + "@inkstone.test";
		String taken = seen(probeTaken,
				signUp(probeTaken, ownerEmail.toUpperCase(Locale.ROOT), "attacker-pass-1", "探子"));
		String fresh = seen(probeFresh, signUp(probeFresh, freshEmail, "attacker-pass-1", "探子"));
		assertThat(taken).isEqualTo(fresh).contains("/signup?sent");
		assertThat(probeTaken.get("/account").statusCode()).as("not signed in").isNotEqualTo(200);
		assertThat(probeFresh.get("/account").statusCode()).as("not signed in").isNotEqualTo(200);

		// the owner is told, with the ways to sign in and to reset the password; the
		// account is untouched
		smtp.awaitMails(ownerEmail, 2, Duration.ofSeconds(20));
		assertThat(mailsTo(ownerEmail).get(1)).contains("有人")
			.contains("/login")
			.contains("/password/forgot")
			.doesNotContain("/signup/confirm");
		assertThat(accounts(ownerEmail)).isEqualTo(1);
		Browser attacker = browser();
		attacker.page("/login");
		assertThat(attacker
			.post("/login", Map.of("_csrf", attacker.csrfToken(), "email", ownerEmail, "password", "attacker-pass-1"))
			.headers()
			.firstValue("Location")
			.orElseThrow()).endsWith("/login?error");
		// the fresh address got its link instead, and no account yet
		smtp.awaitMails(freshEmail, 1, Duration.ofSeconds(20));
		assertThat(mailsTo(freshEmail).get(0)).contains("/signup/confirm?token=");
		assertThat(accounts(freshEmail)).isZero();

		// two links for one address: the first confirmed wins, the second is told the
		// address has an account
		Browser twice = browser();
		String twiceEmail = "twice-" + System.nanoTime() + "@inkstone.test";
		signUp(twice, twiceEmail, "twice-password-1", "两次");
		signUp(twice, twiceEmail, "twice-password-2", "两次");
		smtp.awaitMails(twiceEmail, 2, Duration.ofSeconds(20));
		Browser one = browser();
		one.page("/signup");
		assertThat(one
			.post("/signup/confirm",
					Map.of("_csrf", one.csrfToken(), "token", confirmToken(mailsTo(twiceEmail).get(0))))
			.statusCode()).isEqualTo(302);
		Browser two = browser();
		two.page("/signup");
		HttpResponse<String> late = two.post("/signup/confirm",
				Map.of("_csrf", two.csrfToken(), "token", confirmToken(mailsTo(twiceEmail).get(1))));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("data-testid=\"signup-confirm-taken\"");
		assertThat(accounts(twiceEmail)).isEqualTo(1);

		// a malformed form is still a 400 with its field message, for any address
		HttpResponse<String> bad = signUp(browser(), ownerEmail, "short", "探子");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("data-field=\"password\"");
		// tied to its control, and what was typed comes back but the password
		Document refused = Jsoup.parse(bad.body());
		assertTied(refused, "form[data-testid=signup-form] input[name=password]", "password");
		assertThat(refused.selectFirst("input[name=email]").attr("value")).isEqualTo(ownerEmail);
		assertThat(refused.selectFirst("input[name=displayName]").attr("value")).isEqualTo("探子");
		assertThat(refused.selectFirst("input[name=password]").hasAttr("value")).isFalse();
	}

	@Test
	void signInAndPasswordResetAnswerTheSameForRegisteredAndUnknownAddresses() {
		Browser b = start();
		String registered = "admin@inkstone.test";
		String unknown = "nobody-" + System.nanoTime() + "@inkstone.test";
		List<String> answers = new ArrayList<>();
		for (String email : List.of(registered, unknown)) {
			Browser client = browser();
			client.page("/login");
			HttpResponse<String> login = client.post("/login",
					Map.of("_csrf", client.csrfToken(), "email", email, "password", "wrong-password-1"));
			client.page("/password/forgot");
			HttpResponse<String> forgot = client.post("/password/forgot",
					Map.of("_csrf", client.csrfToken(), "email", email));
			answers.add(seen(client, login) + " | " + seen(client, forgot));
		}
		assertThat(answers.get(0)).isEqualTo(answers.get(1)).contains("/login?error").contains("/password/forgot?sent");
		assertThat(b.get("/").statusCode()).isEqualTo(200);
	}

}
