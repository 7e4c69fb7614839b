package io.inkstone.accounts;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findByEmail(String email) {
		return jdbc
			.sql("SELECT id, email, password_hash, display_name, role, avatar_url FROM accounts WHERE email = :email")
			.param("email", email)
			.query(Account.class)
			.optional();
	}

	Optional<Account> findById(long id) {
		return jdbc.sql("SELECT id, email, password_hash, display_name, role, avatar_url FROM accounts WHERE id = :id")
			.param("id", id)
			.query(Account.class)
			.optional();
	}

	/** Inserts unless the e-mail is taken; false when it is. */
	boolean insert(long id, String email, String hash, String name, Role role, long now) {
		return jdbc.sql("""
				INSERT INTO accounts (id, email, password_hash, display_name, role, created_at)
				VALUES (:id, :email, :hash, :name, :role, :now) ON CONFLICT (email) DO NOTHING""")
			.param("id", id)
			.param("email", email)
			.param("hash", hash)
			.param("name", name)
			.param("role", role.name())
			.param("now", now)
			.update() == 1;
	}

	List<Account> staff() {
		return jdbc.sql(
				"SELECT id, email, password_hash, display_name, role, avatar_url FROM accounts WHERE role IN ('ADMIN', 'REVIEWER')"
						+ " ORDER BY role, id")
			.query(Account.class)
			.list();
	}

	long countAdmins() {
		return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE role = 'ADMIN'").query(Long.class).single();
	}

	Map<Long, String> displayNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, display_name FROM accounts WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return names;
	}

	void changeAvatar(long id, String avatarUrl) {
		jdbc.sql("UPDATE accounts SET avatar_url = :url WHERE id = :id")
			.param("url", avatarUrl)
			.param("id", id)
			.update();
	}

	Map<Long, String> avatars(Collection<Long> ids) {
		Map<Long, String> urls = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, avatar_url FROM accounts WHERE id IN (:ids) AND avatar_url IS NOT NULL")
				.param("ids", ids)
				.query((rs, n) -> urls.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return urls;
	}

	void markVerified(String email) {
		jdbc.sql("UPDATE accounts SET email_verified = TRUE WHERE email = :email").param("email", email).update();
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM account_recovery_codes WHERE account_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM account_two_factor WHERE account_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM accounts WHERE id = :id").param("id", id).update();
	}

	/** The account unless it is gone or suspended. */
	Optional<Account> findActiveById(long id) {
		return jdbc
			.sql("SELECT id, email, password_hash, display_name, role, avatar_url FROM accounts WHERE id = :id"
					+ " AND suspended_at IS NULL")
			.param("id", id)
			.query(Account.class)
			.optional();
	}

	boolean suspended(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = :id AND suspended_at IS NOT NULL")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/** When two-factor sign-in was turned on, or null when it is off. */
	Long twoFactorSince(long id) {
		return jdbc.sql("SELECT enabled_at FROM account_two_factor WHERE account_id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** Suspends the account; false when it already was. */
	boolean suspend(long id, String reason, long now) {
		return jdbc
			.sql("UPDATE accounts SET suspended_at = :now, suspended_reason = :r WHERE id = :id"
					+ " AND suspended_at IS NULL")
			.param("now", now)
			.param("r", reason)
			.param("id", id)
			.update() == 1;
	}

	/** Lifts a suspension; false when there was none. */
	boolean restore(long id) {
		return jdbc
			.sql("UPDATE accounts SET suspended_at = NULL, suspended_reason = NULL WHERE id = :id"
					+ " AND suspended_at IS NOT NULL")
			.param("id", id)
			.update() == 1;
	}

	void setRole(long id, Role role) {
		jdbc.sql("UPDATE accounts SET role = :role WHERE id = :id").param("role", role.name()).param("id", id).update();
	}

}
