package io.inkstone.accounts;

import java.net.http.HttpResponse;
import java.util.Map;

import io.inkstone.support.Browser;
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
 * {@code /account/settings} over real HTTP: the nickname, the password (the current one
 * required; the other sessions end, on their next request), the list of signed-in devices
 * and ending one — bad input answered 400 with a field message and nothing stored,
 * someone else's session 404. Runs once per database.
 */
abstract class AccountSettingsContract {

	static final String PASSWORD = "correct-horse-1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	String newAccount(String name) {
		String email = "set" + Long.toString(System.nanoTime(), 36) + "@inkstone.test";
		accounts.signUp(email, PASSWORD, name, Role.READER).orElseThrow();
		return email;
	}

	Browser signIn(String email, String password) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(location(r)).as("signed in").doesNotContain("error");
		return b;
	}

	boolean canSignIn(String email, String password) {
		Browser b = new Browser(port);
		b.page("/login");
		return !location(b.post("/login", Map.of("_csrf", b.csrfToken(), "email", email, "password", password)))
			.contains("error");
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	String hash(String email) {
		return jdbc.sql("SELECT password_hash FROM accounts WHERE email = :e")
			.param("e", email)
			.query(String.class)
			.single();
	}

	@Test
	void theNicknameChangesWithAMessageAndABlankOneIsRefused() {
		String email = newAccount("旧名字");
		Browser me = signIn(email, PASSWORD);
		me.page("/account/settings");
		HttpResponse<String> blank = me.post("/account/name", Map.of("_csrf", me.csrfToken(), "displayName", "   "));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blank.body()).selectFirst("[data-field=displayName]").text()).isNotBlank();
		assertTied(Jsoup.parse(blank.body()), "form[data-testid=name-form] input[name=displayName]", "displayName");
		assertThat(
				me.post("/account/name", Map.of("_csrf", me.csrfToken(), "displayName", "x".repeat(51))).statusCode())
			.isEqualTo(400);
		assertThat(jdbc.sql("SELECT display_name FROM accounts WHERE email = :e")
			.param("e", email)
			.query(String.class)
			.single()).isEqualTo("旧名字");
		HttpResponse<String> saved = me.post("/account/name", Map.of("_csrf", me.csrfToken(), "displayName", "新名字"));
		assertThat(location(saved)).isEqualTo("/account/settings?nameSaved");
		Document page = me.page(location(saved)).html();
		assertThat(page.selectFirst("[data-testid=flash]").text()).contains("昵称已保存");
		assertThat(page.selectFirst("[data-testid=logout]").text()).contains("新名字");
		assertThat(me.page("/account").html().select("[data-testid=account-settings-link]")).hasSize(1);
	}

	@Test
	void aPasswordChangeNeedsTheCurrentOneAndEndsEveryOtherSession() {
		String email = newAccount("改密码");
		Browser phone = signIn(email, PASSWORD);
		assertThat(phone.page("/account").status()).isEqualTo(200); // registered
		Browser idle = signIn(email, PASSWORD); // signed in, no request since
		Browser me = signIn(email, PASSWORD);
		me.page("/account/settings");
		String before = hash(email);

		HttpResponse<String> wrong = me.post("/account/password",
				Map.of("_csrf", me.csrfToken(), "current", "not-my-password", "password", "a-new-password-2"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(wrong.body()).selectFirst("[data-field=current]").text()).contains("当前密码不正确");
		assertTied(Jsoup.parse(wrong.body()), "form[data-testid=password-form] input[name=current]", "current");
		HttpResponse<String> tooShort = me.post("/account/password",
				Map.of("_csrf", me.csrfToken(), "current", PASSWORD, "password", "short"));
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tooShort.body()).selectFirst("[data-field=password]").text()).isNotBlank();
		assertTied(Jsoup.parse(tooShort.body()), "form[data-testid=password-form] input[name=password]", "password");
		assertValid(Jsoup.parse(tooShort.body()), "form[data-testid=password-form] input[name=current]");
		assertThat(hash(email)).isEqualTo(before);
		assertThat(phone.page("/account").status()).as("nothing ended by a refused change").isEqualTo(200);

		HttpResponse<String> changed = me.post("/account/password",
				Map.of("_csrf", me.csrfToken(), "current", PASSWORD, "password", "a-new-password-2"));
		assertThat(location(changed)).isEqualTo("/account/settings?passwordChanged");
		assertThat(me.page(location(changed)).html().selectFirst("[data-testid=flash]").text()).contains("密码已修改");
		assertThat(me.page("/account").status()).as("this device stays signed in").isEqualTo(200);
		HttpResponse<String> ended = phone.get("/account");
		assertThat(location(ended)).isEqualTo("/login?ended");
		assertThat(phone.page("/login?ended").html().select("[data-testid=session-ended]")).hasSize(1);
		assertThat(location(phone.get("/account"))).as("signed out for good").endsWith("/login");
		assertThat(location(idle.get("/account"))).as("a session created before the change ends too")
			.isEqualTo("/login?ended");
		assertThat(canSignIn(email, PASSWORD)).isFalse();
		assertThat(canSignIn(email, "a-new-password-2")).isTrue();
	}

	@Test
	void signedInDevicesAreListedAndOneCanBeEnded() {
		String email = newAccount("多设备");
		Browser laptop = signIn(email, PASSWORD);
		laptop.page("/");
		Browser me = signIn(email, PASSWORD);
		Document page = me.page("/account/settings").html();
		assertThat(page.select("[data-testid=sessions] tbody tr")).hasSize(2);
		assertThat(page.select("[data-testid=sessions] [data-testid=this-device]")).hasSize(1);
		String other = page.selectFirst("[data-testid=sessions] tbody tr:not(:has([data-testid=this-device]))")
			.attr("data-session");

		// someone else cannot end it
		Browser stranger = signIn(newAccount("别人"), PASSWORD);
		stranger.page("/account/settings");
		assertThat(stranger.post("/account/sessions/" + other + "/end", Map.of("_csrf", stranger.csrfToken()))
			.statusCode()).isEqualTo(404);
		assertThat(laptop.page("/account").status()).isEqualTo(200);
		assertThat(me.post("/account/sessions/999/end", Map.of("_csrf", me.csrfToken())).statusCode()).isEqualTo(404);
		assertThat(me.post("/account/sessions/" + other + "/end", Map.of()).statusCode()).as("no CSRF token")
			.isEqualTo(403);

		HttpResponse<String> end = me.post("/account/sessions/" + other + "/end", Map.of("_csrf", me.csrfToken()));
		assertThat(location(end)).isEqualTo("/account/settings?sessionEnded");
		assertThat(location(laptop.get("/account"))).isEqualTo("/login?ended");
		assertThat(me.page("/account/settings").html().select("[data-testid=sessions] tbody tr")).hasSize(1);

		// strangers to the site are sent to sign in
		Browser anonymous = new Browser(port);
		assertThat(location(anonymous.get("/account/settings"))).endsWith("/login");
	}

	@Test
	void withoutAMailServerTheEmailChangesAtOnceAfterThePasswordCheck() {
		String email = newAccount("换邮箱");
		String taken = newAccount("占用者");
		Browser me = signIn(email, PASSWORD);
		me.page("/account/settings");
		HttpResponse<String> bad = me.post("/account/email",
				Map.of("_csrf", me.csrfToken(), "email", "not-an-address", "password", PASSWORD));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).selectFirst("[data-field=email]").text()).isNotBlank();
		assertTied(Jsoup.parse(bad.body()), "form[data-testid=email-form] input[name=email]", "email");
		// what was typed is shown again, to correct rather than retype
		assertThat(Jsoup.parse(bad.body()).selectFirst("form[data-testid=email-form] input[name=email]").val())
			.isEqualTo("not-an-address");
		HttpResponse<String> wrong = me.post("/account/email",
				Map.of("_csrf", me.csrfToken(), "email", "new-" + email, "password", "not-my-password"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertTied(Jsoup.parse(wrong.body()), "form[data-testid=email-form] input[name=password]", "emailPassword");
		assertValid(Jsoup.parse(wrong.body()), "form[data-testid=password-form] input[name=password]");
		assertThat(Jsoup.parse(wrong.body()).selectFirst("[data-field=emailPassword]").text()).contains("当前密码不正确")
			.contains("邮箱没有修改")
			.doesNotContain("密码没有修改");
		HttpResponse<String> takenAnswer = me.post("/account/email",
				Map.of("_csrf", me.csrfToken(), "email", taken, "password", PASSWORD));
		assertThat(takenAnswer.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(takenAnswer.body()).selectFirst("[data-field=email]").text()).contains("已经注册");
		assertThat(canSignIn(email, PASSWORD)).as("nothing changed").isTrue();
		assertThat(me.post("/account/email/confirm", Map.of("_csrf", me.csrfToken(), "token", "forged")).statusCode())
			.isEqualTo(400);

		HttpResponse<String> changed = me.post("/account/email",
				Map.of("_csrf", me.csrfToken(), "email", "New-" + email, "password", PASSWORD));
		assertThat(location(changed)).isEqualTo("/account/settings?emailChanged");
		assertThat(me.page(location(changed)).html().selectFirst("[data-testid=flash]").text()).contains("邮箱已修改");
		assertThat(canSignIn(email, PASSWORD)).isFalse();
		assertThat(canSignIn("new-" + email, PASSWORD)).isTrue();
	}

}
