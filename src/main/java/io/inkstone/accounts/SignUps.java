package io.inkstone.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.inkstone.notifications.AccountNotice;
import io.inkstone.notifications.MailNotice;
import io.inkstone.shared.Ids;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.RateLimiter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up that does not reveal which e-mail addresses are registered (used whenever mail
 * is configured). Every well-formed sign-up gets the same answer ("check your e-mail");
 * what arrives in the mailbox differs: a fresh address gets a link that creates the
 * account (valid {@value #VALIDITY_HOURS} hours), a registered one a notice that someone
 * tried to sign up with it, with the way to sign in or reset the password. The account
 * exists only once the link is confirmed, so nobody can squat an address they do not
 * read. Both paths hash the password, so they take the same time; mails go out after
 * commit like every notice (the notifications module), at most {@value #MAILS_PER_HOUR}
 * an hour per address (a sign-up form must not become a way to flood someone's mailbox).
 */
@Service
class SignUps {

	static final int VALIDITY_HOURS = 24;

	static final int MAILS_PER_HOUR = 3;

	record Pending(String email, String passwordHash, String displayName) {
	}

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final RateLimiter limits;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignUps(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder passwords, RateLimiter limits,
			PublicUrl publicUrl, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.limits = limits;
		this.publicUrl = publicUrl;
		this.events = events;
	}

	/**
	 * Records a validated sign-up and mails its address (a link, or a notice if the
	 * address is taken).
	 */
	@Transactional
	public void request(String email, String password, String displayName) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		String hash = passwords.encode(password); // on both paths: the answer takes as
													// long for a registered address
		long now = clock.millis();
		if (limits.tryAcquire("signup-mail:" + normalized, MAILS_PER_HOUR, Duration.ofHours(1)) > 0) {
			return;
		}
		Optional<Account> existing = accounts.findByEmail(normalized);
		if (existing.isPresent()) {
			events.publishEvent(AccountNotice.of(existing.get().id(), "signupTaken",
					Map.of("login", publicUrl.absolute("/login"), "forgot", publicUrl.absolute("/password/forgot"))));
			return;
		}
		jdbc.sql("DELETE FROM signup_requests WHERE expires_at < :now").param("now", now).update();
		String token = OneTimeTokens.newToken();
		jdbc.sql("""
				INSERT INTO signup_requests (token_hash, email, password_hash, display_name, expires_at)
				VALUES (:h, :email, :hash, :name, :expires)""")
			.param("h", OneTimeTokens.sha256(token))
			.param("email", normalized)
			.param("hash", hash)
			.param("name", displayName.strip())
			.param("expires", now + Duration.ofHours(VALIDITY_HOURS).toMillis())
			.update();
		events.publishEvent(MailNotice.of(normalized, "signup", Map.of("name", displayName.strip(), "hours",
				Integer.toString(VALIDITY_HOURS), "link", publicUrl.absolute("/signup/confirm?token=" + token))));
	}

	/** The waiting sign-up of a valid, unexpired link. */
	Optional<Pending> pending(String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql(
				"SELECT email, password_hash, display_name FROM signup_requests WHERE token_hash = :h AND expires_at > :now")
			.param("h", OneTimeTokens.sha256(token))
			.param("now", clock.millis())
			.query(Pending.class)
			.optional();
	}

	enum Outcome {

		CREATED, INVALID, TAKEN

	}

	record Confirmation(Outcome outcome, SignedIn account) {
	}

	/**
	 * Creates the account of a valid link (its address verified by the link) and spends
	 * the link. TAKEN when the address got an account meanwhile (another link of the same
	 * address was confirmed first).
	 */
	@Transactional
	public Confirmation confirm(String token) {
		Optional<Pending> pending = pending(token);
		if (pending.isEmpty()) {
			return new Confirmation(Outcome.INVALID, null);
		}
		int spent = jdbc.sql("DELETE FROM signup_requests WHERE token_hash = :h")
			.param("h", OneTimeTokens.sha256(token))
			.update();
		if (spent != 1) {
			return new Confirmation(Outcome.INVALID, null);
		}
		Pending p = pending.get();
		long id = Ids.next();
		if (!accounts.insert(id, p.email(), p.passwordHash(), p.displayName(), Role.READER, clock.millis())) {
			return new Confirmation(Outcome.TAKEN, null);
		}
		accounts.markVerified(p.email());
		return new Confirmation(Outcome.CREATED, new SignedIn(id, p.email(), p.displayName(), Role.READER.name()));
	}

}
