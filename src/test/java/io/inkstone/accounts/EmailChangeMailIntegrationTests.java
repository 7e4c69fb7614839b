package io.inkstone.accounts;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.support.Browser;
import io.inkstone.support.Databases;
import io.inkstone.support.MailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the e-mail with a mail server (GreenMail in the test JVM): nothing changes
 * until the link mailed to the new address is opened by the account's owner; a registered
 * address gets no link and the same answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmailChangeMailIntegrationTests {

	/** The creator journey's server: its mailTo() reads what arrived there. */
	static final MailServer SMTP = CreatorJourneyContract.SMTP;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("inkstone.data-dir", () -> Databases.freshDataDir().toString());
		SMTP.springProperties(registry);
		registry.add("inkstone.admin.email", () -> "admin@mail-change.test");
		registry.add("inkstone.admin.password", () -> "mail-change-admin-1");
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Browser signIn(String email) {
		Browser b = new Browser(port);
		b.page("/login");
		HttpResponse<String> r = b.post("/login",
				Map.of("_csrf", b.csrfToken(), "email", email, "password", "correct-horse-1"));
		assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return b;
	}

	String emailOf(long id) {
		return jdbc.sql("SELECT email FROM accounts WHERE id = :id").param("id", id).query(String.class).single();
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void theNewAddressIsProvenByTheMailedLink() throws Exception {
		long me = accounts.signUp("old@mail-change.test", "correct-horse-1", "换邮箱", Role.READER)
			.orElseThrow()
			.accountId();
		accounts.signUp("taken@mail-change.test", "correct-horse-1", "已有", Role.READER).orElseThrow();
		Browser b = signIn("old@mail-change.test");
		b.page("/account/settings");

		HttpResponse<String> taken = b.post("/account/email",
				Map.of("_csrf", b.csrfToken(), "email", "taken@mail-change.test", "password", "correct-horse-1"));
		assertThat(location(taken)).as("the same answer for a registered address")
			.isEqualTo("/account/settings?emailSent");

		HttpResponse<String> sent = b.post("/account/email",
				Map.of("_csrf", b.csrfToken(), "email", "new@mail-change.test", "password", "correct-horse-1"));
		assertThat(location(sent)).isEqualTo("/account/settings?emailSent");
		assertThat(b.page(location(sent)).html().selectFirst("[data-testid=flash]").text()).contains("确认邮件已发到新邮箱");
		assertThat(emailOf(me)).isEqualTo("old@mail-change.test");

		String text = CreatorJourneyContract.mailTo("new@mail-change.test", "/account/email/confirm");
		Matcher link = Pattern.compile("/account/email/confirm\\?token=([A-Za-z0-9_-]+)").matcher(text);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		for (var m : SMTP.received()) {
			assertThat(m.getAllRecipients()[0].toString()).as("no link for a registered address")
				.isNotEqualTo("taken@mail-change.test");
		}

		// someone else signed in cannot use the link
		accounts.signUp("other@mail-change.test", "correct-horse-1", "别人", Role.READER).orElseThrow();
		Browser other = signIn("other@mail-change.test");
		assertThat(other.get("/account/email/confirm?token=" + token).statusCode()).isEqualTo(400);
		other.page("/account/settings");
		assertThat(
				other.post("/account/email/confirm", Map.of("_csrf", other.csrfToken(), "token", token)).statusCode())
			.isEqualTo(400);

		Browser.Page confirm = b.page("/account/email/confirm?token=" + token);
		assertThat(confirm.testId("email-confirm").text()).contains("new@mail-change.test");
		assertThat(emailOf(me)).as("opening the link alone changes nothing").isEqualTo("old@mail-change.test");
		HttpResponse<String> done = b.post("/account/email/confirm", Map.of("_csrf", b.csrfToken(), "token", token));
		assertThat(location(done)).isEqualTo("/account/settings?emailChanged");
		assertThat(emailOf(me)).isEqualTo("new@mail-change.test");
		assertThat(jdbc.sql("SELECT email_verified FROM accounts WHERE id = :id")
			.param("id", me)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(b.post("/account/email/confirm", Map.of("_csrf", b.csrfToken(), "token", token)).statusCode())
			.as("a link works once")
			.isEqualTo(400);
	}

}
