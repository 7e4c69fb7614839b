package io.inkstone.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.inkstone.notifications.MailNotice;
import io.inkstone.notifications.MailServer;
import io.inkstone.shared.PublicUrl;
import io.inkstone.web.RateLimiter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail: a random one-time token (only its SHA-256 is stored) valid
 * for an hour, mailed after commit as a {@link MailNotice} (the mail's text leaves the
 * database once it is sent). Requests never reveal whether an address is registered and
 * are limited to 3 an hour per address.
 */
@Service
public class PasswordResets {

	static final Duration VALIDITY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final MailServer mailer;

	private final RateLimiter limits;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasswordResets(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder passwords, MailServer mailer,
			RateLimiter limits, PublicUrl publicUrl, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.mailer = mailer;
		this.limits = limits;
		this.events = events;
	}

	public boolean mailConfigured() {
		return mailer.configured();
	}

	/**
	 * Sends a reset link if the address has an account; silent otherwise (no account
	 * enumeration).
	 */
	@Transactional
	public void request(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!mailConfigured() || normalized.isEmpty()
				|| limits.tryAcquire("reset:" + normalized, 3, Duration.ofHours(1)) > 0) {
			return;
		}
		Optional<Account> account = accounts.findByEmail(normalized);
		if (account.isEmpty()) {
			return;
		}
		String token = OneTimeTokens.newToken();
		jdbc.sql("INSERT INTO password_resets (token_hash, account_id, expires_at, used) VALUES (:h, :a, :e, FALSE)")
			.param("h", OneTimeTokens.sha256(token))
			.param("a", account.get().id())
			.param("e", clock.millis() + VALIDITY.toMillis())
			.update();
		events.publishEvent(MailNotice.of(normalized, "passwordReset", Map.of("name", account.get().displayName(),
				"link", publicUrl.absolute("/password/reset?token=" + token))));
	}

	/** The account a valid, unused, unexpired token belongs to. */
	public Optional<Long> accountFor(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT account_id FROM password_resets WHERE token_hash = :h AND used = FALSE AND expires_at > :now")
			.param("h", OneTimeTokens.sha256(token))
			.param("now", clock.millis())
			.query(Long.class)
			.optional();
	}

	/**
	 * Sets the new password and spends the token; false if the token is not valid (any
	 * more).
	 */
	@Transactional
	public boolean reset(String token, String newPassword) {
		Optional<Long> account = accountFor(token);
		if (account.isEmpty()) {
			return false;
		}
		int spent = jdbc.sql("UPDATE password_resets SET used = TRUE WHERE token_hash = :h AND used = FALSE")
			.param("h", OneTimeTokens.sha256(token))
			.update();
		if (spent != 1) {
			return false;
		}
		jdbc.sql("UPDATE accounts SET password_hash = :hash WHERE id = :id")
			.param("hash", passwords.encode(newPassword))
			.param("id", account.get())
			.update();
		return true;
	}

}
