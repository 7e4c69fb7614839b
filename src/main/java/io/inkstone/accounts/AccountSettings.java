package io.inkstone.accounts;

import java.util.Map;
import java.util.TreeMap;

import io.inkstone.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account owner's own settings: nickname, password (which ends the other sessions). */
@Service
class AccountSettings {

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final AccountSessions sessions;

	private final AccountAuthenticationRefresh refresh;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AccountSettings(AccountRepository repository, PasswordEncoder passwords, AccountSessions sessions,
			AccountAuthenticationRefresh refresh, JdbcClient jdbc, AuditLog audit) {
		this.repository = repository;
		this.passwords = passwords;
		this.sessions = sessions;
		this.refresh = refresh;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	static boolean acceptableName(String name) {
		return name != null && !name.isBlank() && name.strip().length() <= 50 && name.chars().noneMatch(Character::isISOControl);
	}

	/** Field → message key; empty when the nickname was changed. */
	@Transactional
	Map<String, String> rename(long accountId, String name) {
		if (!acceptableName(name)) {
			return Map.of("displayName", "accounts.error.name");
		}
		jdbc.sql("UPDATE accounts SET display_name = :n WHERE id = :id").param("n", name.strip()).param("id", accountId).update();
		refresh.forget(accountId);
		return Map.of();
	}

	/**
	 * Changes the password after checking the current one, and ends every other session of the account (on every
	 * node; remember-me cookies carry the old password's signature and stop working too). Field → message key; empty
	 * when changed.
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
		jdbc.sql("UPDATE accounts SET password_hash = :h WHERE id = :id").param("h", passwords.encode(replacement))
			.param("id", accountId).update();
		sessions.endOthers(accountId, keepSessionId, System.currentTimeMillis());
		refresh.forget(accountId);
		audit.record(accountId, account.displayName(), "account.password-changed", "account", accountId, null, null);
		return Map.of();
	}

}
