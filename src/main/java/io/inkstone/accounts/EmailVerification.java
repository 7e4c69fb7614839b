package io.inkstone.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.inkstone.notifications.MailNotice;
import io.inkstone.notifications.MailServer;
import io.inkstone.shared.PublicUrl;
import io.inkstone.web.RateLimiter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail verification (one-time link, 24 h, hashed like reset tokens). The link goes out
 * as a {@link MailNotice}, after commit. Without an SMTP server nothing is sent and
 * verification is not required.
 */
@Service
public class EmailVerification {

	static final Duration VALIDITY = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final MailServer mailer;

	private final RateLimiter limits;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EmailVerification(JdbcClient jdbc, AccountRepository accounts, MailServer mailer, RateLimiter limits,
			PublicUrl publicUrl, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.events = events;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mailer = mailer;
		this.limits = limits;
	}

	/** Whether the platform can (and so does) require verified addresses. */
	public boolean required() {
		return mailer.configured();
	}

	public boolean verified(long accountId) {
		return jdbc.sql("SELECT email_verified FROM accounts WHERE id = :id")
			.param("id", accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Sends a verification link (at most 3 an hour per account). */
	@Transactional
	public void send(long accountId) {
		Optional<Account> account = accounts.findById(accountId);
		if (account.isEmpty() || !mailer.configured()
				|| limits.tryAcquire("verify:" + accountId, 3, Duration.ofHours(1)) > 0) {
			return;
		}
		String token = OneTimeTokens.newToken();
		jdbc.sql(
				"INSERT INTO email_verifications (token_hash, account_id, expires_at, used) VALUES (:h, :a, :e, FALSE)")
			.param("h", OneTimeTokens.sha256(token))
			.param("a", accountId)
			.param("e", clock.millis() + VALIDITY.toMillis())
			.update();
		events.publishEvent(MailNotice.of(account.get().email(), "verifyEmail", Map.of("name",
				account.get().displayName(), "link", publicUrl.absolute("/account/verify?token=" + token))));
	}

	/** Marks the address verified; false for an unknown, used or expired token. */
	@Transactional
	public boolean verify(String token) {
		if (token == null || token.length() > 100) {
			return false;
		}
		String hash = OneTimeTokens.sha256(token);
		Optional<Long> account = jdbc
			.sql("SELECT account_id FROM email_verifications WHERE token_hash = :h AND used = FALSE"
					+ " AND expires_at > :now")
			.param("h", hash)
			.param("now", clock.millis())
			.query(Long.class)
			.optional();
		if (account.isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE email_verifications SET used = TRUE WHERE token_hash = :h").param("h", hash).update();
		jdbc.sql("UPDATE accounts SET email_verified = TRUE WHERE id = :id").param("id", account.get()).update();
		return true;
	}

}
