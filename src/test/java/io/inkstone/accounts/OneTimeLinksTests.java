package io.inkstone.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.inkstone.notifications.MailNotice;
import io.inkstone.notifications.MailServer;
import io.inkstone.shared.Ids;
import io.inkstone.shared.PublicUrl;
import io.inkstone.support.MutableClock;
import io.inkstone.web.RateLimiter;
import io.inkstone.support.Databases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Mailed one-time links live as long as they promise and no longer, proven by moving the
 * clock instead of waiting: a password-reset link works for an hour, an e-mail
 * verification link for a day. Without Spring, on a SQLite schema of the class's own.
 */
class OneTimeLinksTests {

	private static JdbcClient jdbc;

	private final MutableClock clock = MutableClock.at("2026-12-01T08:00:00Z");

	private final List<Object> mails = new ArrayList<>();

	private PasswordResets resets;

	private EmailVerification verification;

	private long accountId;

	private String email;

	@BeforeAll
	static void database() throws Exception {
		SQLiteDataSource dataSource = Databases.migratedSqlite("links");
		jdbc = JdbcClient.create(dataSource);
	}

	@BeforeEach
	void services() {
		AccountRepository accounts = new AccountRepository(jdbc);
		accountId = Ids.next();
		email = "reader-" + accountId + "@inkstone.test";
		assertThat(accounts.insert(accountId, email, "{noop}old", "读者", Role.READER, clock.millis())).isTrue();
		MailServer mailer = mock(MailServer.class);
		when(mailer.configured()).thenReturn(true);
		PublicUrl publicUrl = mock(PublicUrl.class);
		when(publicUrl.absolute(anyString())).thenAnswer(call -> "https://inkstone.test" + call.getArgument(0));
		RateLimiter limits = mock(RateLimiter.class); // 0: always allowed
		PasswordEncoder passwords = mock(PasswordEncoder.class);
		when(passwords.encode(anyString())).thenAnswer(call -> "{noop}" + call.getArgument(0));
		resets = new PasswordResets(jdbc, accounts, passwords, mailer, limits, publicUrl, mails::add, clock);
		verification = new EmailVerification(jdbc, accounts, mailer, limits, publicUrl, mails::add, clock);
	}

	@Test
	void aPasswordResetLinkWorksForAnHourAndNotAMomentLonger() {
		resets.request(email);
		String token = tokenOfLastMail("passwordReset");
		clock.advance(PasswordResets.VALIDITY.minusSeconds(1));
		assertThat(resets.accountFor(token)).contains(accountId);
		clock.advance(Duration.ofSeconds(1));
		assertThat(resets.accountFor(token)).as("expired at one hour").isEmpty();
		assertThat(resets.reset(token, "a new password")).isFalse();
		assertThat(passwordHash()).isEqualTo("{noop}old");
	}

	@Test
	void aPasswordResetLinkUsedInTimeSetsThePasswordOnce() {
		resets.request(email);
		String token = tokenOfLastMail("passwordReset");
		clock.advance(Duration.ofMinutes(59));
		assertThat(resets.reset(token, "a new password")).isTrue();
		assertThat(passwordHash()).isEqualTo("{noop}a new password");
		assertThat(resets.reset(token, "another")).as("spent").isFalse();
	}

	@Test
	void anAddressVerificationLinkWorksForADay() {
		verification.send(accountId);
		String expired = tokenOfLastMail("verifyEmail");
		clock.advance(EmailVerification.VALIDITY);
		assertThat(verification.verify(expired)).as("expired after 24 hours").isFalse();
		assertThat(verification.verified(accountId)).isFalse();

		verification.send(accountId);
		String fresh = tokenOfLastMail("verifyEmail");
		clock.advance(EmailVerification.VALIDITY.minusMinutes(1));
		assertThat(verification.verify(fresh)).isTrue();
		assertThat(verification.verified(accountId)).isTrue();
	}

	private String tokenOfLastMail(String notice) {
		MailNotice mail = (MailNotice) mails.get(mails.size() - 1);
		assertThat(mail.notice()).isEqualTo(notice);
		String link = mail.values().get("link");
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private String passwordHash() {
		return jdbc.sql("SELECT password_hash FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(String.class)
			.single();
	}

}
