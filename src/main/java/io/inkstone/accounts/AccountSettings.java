package io.inkstone.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import io.inkstone.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.inkstone.notifications.MailNotice;
import io.inkstone.notifications.MailServer;
import io.inkstone.shared.PublicUrl;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The account owner's own settings: nickname, password (which ends the other sessions).
 */
@Service
class AccountSettings {

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final AccountSessions sessions;

	private final AccountAuthenticationRefresh refresh;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final MailServer mailer;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountSettings(AccountRepository repository, PasswordEncoder passwords, AccountSessions sessions,
			AccountAuthenticationRefresh refresh, JdbcClient jdbc, AuditLog audit, MailServer mailer,
			PublicUrl publicUrl, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.events = events;
		this.repository = repository;
		this.passwords = passwords;
		this.sessions = sessions;
		this.refresh = refresh;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	static boolean acceptableName(String name) {
		return name != null && !name.isBlank() && name.strip().length() <= 50
				&& name.chars().noneMatch(Character::isISOControl);
	}

	/** Field → message key; empty when the nickname was changed. */
	@Transactional
	Map<String, String> rename(long accountId, String name) {
		if (!acceptableName(name)) {
			return Map.of("displayName", "accounts.error.name");
		}
		jdbc.sql("UPDATE accounts SET display_name = :n WHERE id = :id")
			.param("n", name.strip())
			.param("id", accountId)
			.update();
		refresh.forget(accountId);
		return Map.of();
	}

	/**
	 * Changes the password after checking the current one, and ends every other session
	 * of the account (on every node; remember-me cookies carry the old password's
	 * signature and stop working too). Field → message key; empty when changed.
	 */
	@Transactional
	Map<String, String> changePassword(long accountId, String current, String replacement, String keepSessionId) {
		Map<String, String> errors = new TreeMap<>();
		Account account = repository.findById(accountId).orElseThrow();
		if (current == null || current.isEmpty() || !passwords.matches(current, account.passwordHash())) {
			errors.put("current", "account.error.currentPassword");
		}
		if (!Accounts.acceptablePassword(replacement)) {
			errors.put("password", "accounts.error.password");
		}
		else if (replacement.equals(current)) {
			errors.put("password", "account.error.samePassword");
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		jdbc.sql("UPDATE accounts SET password_hash = :h WHERE id = :id")
			.param("h", passwords.encode(replacement))
			.param("id", accountId)
			.update();
		sessions.endOthers(accountId, keepSessionId, clock.millis());
		refresh.forget(accountId);
		audit.record(accountId, account.displayName(), "account.password-changed", "account", accountId, null, null);
		return Map.of();
	}

	/**
	 * What a request to change the e-mail did: {@code errors} (field → message key), or
	 * sent a link, or changed it.
	 */
	record EmailChange(Map<String, String> errors, boolean mailed) {
	}

	/**
	 * Changes the sign-in e-mail after checking the password. With a mail server the new
	 * address must be proven: a link goes to it (24 h) and nothing changes until it is
	 * opened; an address already registered gets no link and the answer is the same (no
	 * account enumeration). Without one the address changes at once — there is no way to
	 * prove it, so a registered address is refused openly, as at sign-up.
	 */
	@Transactional
	EmailChange requestEmailChange(long accountId, String newEmail, String password) {
		Map<String, String> errors = new TreeMap<>();
		Account account = repository.findById(accountId).orElseThrow();
		String email = newEmail == null ? "" : newEmail.strip().toLowerCase(Locale.ROOT);
		if (!Accounts.acceptableEmail(email)) {
			errors.put("email", "accounts.error.email");
		}
		else if (email.equals(account.email())) {
			errors.put("email", "settings.error.sameEmail");
		}
		if (password == null || password.isEmpty() || !passwords.matches(password, account.passwordHash())) {
			errors.put("emailPassword", "account.error.currentPasswordEmail");
		}
		boolean taken = errors.isEmpty() && repository.findByEmail(email).isPresent();
		if (taken && !mailer.configured()) {
			errors.put("email", "accounts.error.taken");
		}
		if (!errors.isEmpty()) {
			return new EmailChange(errors, false);
		}
		if (!mailer.configured()) {
			jdbc.sql("UPDATE accounts SET email = :e, email_verified = FALSE WHERE id = :id")
				.param("e", email)
				.param("id", accountId)
				.update();
			refresh.forget(accountId);
			audit.record(accountId, account.displayName(), "account.email-changed", "account", accountId, null, null);
			return new EmailChange(Map.of(), false);
		}
		if (!taken) {
			String token = OneTimeTokens.newToken();
			jdbc.sql(
					"INSERT INTO email_changes (token_hash, account_id, new_email, expires_at, used) VALUES (:h, :a, :e, :x, FALSE)")
				.param("h", OneTimeTokens.sha256(token))
				.param("a", accountId)
				.param("e", email)
				.param("x", clock.millis() + EmailVerification.VALIDITY.toMillis())
				.update();
			events.publishEvent(MailNotice.of(email, "emailChange", Map.of("name", account.displayName(), "link",
					publicUrl.absolute("/account/email/confirm?token=" + token))));
		}
		return new EmailChange(Map.of(), true);
	}

	/** The new address waiting behind a link of this account, if the token is valid. */
	Optional<String> pendingEmail(long accountId, String token) {
		if (token == null || token.isEmpty() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT new_email FROM email_changes WHERE token_hash = :h AND account_id = :a AND used = FALSE"
					+ " AND expires_at > :now")
			.param("h", OneTimeTokens.sha256(token))
			.param("a", accountId)
			.param("now", clock.millis())
			.query(String.class)
			.optional();
	}

	/**
	 * Applies a mailed change: the address is proven. False for a bad, used or expired
	 * link, or a taken address.
	 */
	@Transactional
	boolean confirmEmailChange(long accountId, String token) {
		Optional<String> email = pendingEmail(accountId, token);
		if (email.isEmpty() || repository.findByEmail(email.get()).isPresent()) {
			return false;
		}
		jdbc.sql("UPDATE email_changes SET used = TRUE WHERE token_hash = :h")
			.param("h", OneTimeTokens.sha256(token))
			.update();
		jdbc.sql("UPDATE accounts SET email = :e, email_verified = TRUE WHERE id = :id")
			.param("e", email.get())
			.param("id", accountId)
			.update();
		refresh.forget(accountId);
		audit.record(accountId, repository.findById(accountId).map(Account::displayName).orElse("?"),
				"account.email-changed", "account", accountId, null, null);
		return true;
	}

}
