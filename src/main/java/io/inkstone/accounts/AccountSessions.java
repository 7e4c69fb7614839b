package io.inkstone.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.Ids;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in sessions of an account, whatever keeps the session itself (the servlet
 * container, or Redis in cluster mode): each is registered by its hashed id on its first
 * request, ended here, and refused by {@link SessionTracker} on its next request on any
 * node.
 */
@Service
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	/** How often a session's last activity is written (not on every request). */
	static final long TOUCH_EVERY_MILLIS = 60_000;

	private final JdbcClient jdbc;

	private final ObjectProvider<AccountDirectory> directory;

	AccountSessions(JdbcClient jdbc, ObjectProvider<AccountDirectory> directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/** IP属地 of an address (only the region is kept). */
	private String region(String address) {
		AccountDirectory found = directory.getIfAvailable();
		String region = found == null || address == null ? null : found.regionOf(address);
		return region == null ? null : region.substring(0, Math.min(64, region.length()));
	}

	static String key(String sessionId) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Known(long id, long accountId, long lastSeen, Long endedAt) {
	}

	/**
	 * Registers or touches the session; false when it was ended (by its owner, or by a
	 * password change after it was created) and must not be used any more.
	 */
	boolean check(long accountId, String sessionId, long sessionCreatedAt, String userAgent, String address, long now) {
		String key = key(sessionId);
		Known known = jdbc
			.sql("SELECT id, account_id, last_seen, ended_at FROM account_sessions WHERE session_key = :k")
			.param("k", key)
			.query(Known.class)
			.optional()
			.orElse(null);
		if (known == null) {
			Long validAfter = jdbc.sql("SELECT sessions_valid_after FROM accounts WHERE id = :a")
				.param("a", accountId)
				.query(Long.class)
				.optional()
				.orElse(null);
			boolean ended = validAfter != null && sessionCreatedAt < validAfter;
			// two first requests of one session at once: the second insert does nothing
			bestEffort(() -> jdbc.sql(
					"INSERT INTO account_sessions (id, account_id, session_key, user_agent, created_at, last_seen, ended_at,"
							+ " region) VALUES (:id, :a, :k, :ua, :c, :now, :ended, :region)"
							+ " ON CONFLICT (session_key) DO NOTHING")
				.param("id", Ids.next())
				.param("a", accountId)
				.param("k", key)
				.param("ua", userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
				.param("c", sessionCreatedAt)
				.param("now", now)
				.param("ended", ended ? now : null)
				.param("region", region(address))
				.update());
			return !ended;
		}
		if (known.endedAt() != null || known.accountId() != accountId) {
			return false;
		}
		if (now - known.lastSeen() > TOUCH_EVERY_MILLIS) {
			bestEffort(() -> jdbc.sql("UPDATE account_sessions SET last_seen = :now WHERE id = :id")
				.param("now", now)
				.param("id", known.id())
				.update());
		}
		return true;
	}

	/**
	 * Registering or touching a session is bookkeeping: the check above has been made
	 * from what could be read. With the database busy past its timeout (an import on
	 * SQLite) the request goes on, and the next request writes it.
	 */
	private static void bestEffort(Runnable write) {
		try {
			write.run();
		}
		catch (RuntimeException ex) {
			if (!DatabaseBusy.is(ex)) {
				throw ex;
			}
			log.debug("Session bookkeeping skipped, database busy: {}", DatabaseBusy.rootMessage(ex));
		}
	}

	/**
	 * The account's live sessions seen since {@code since}, most recently active first.
	 */
	List<AccountPages.SessionRow> of(long accountId, String currentSessionId, long since) {
		String current = currentSessionId == null ? "" : key(currentSessionId);
		return jdbc
			.sql("SELECT id, user_agent, created_at, last_seen, session_key FROM account_sessions WHERE account_id = :a"
					+ " AND ended_at IS NULL AND last_seen >= :since ORDER BY last_seen DESC, id DESC LIMIT 50")
			.param("a", accountId)
			.param("since", since)
			.query((rs, n) -> new AccountPages.SessionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getString(5).equals(current)))
			.list();
	}

	/**
	 * The account's sign-ins for the users console, newest first: when, from which region
	 * and device, and whether the session has ended.
	 */
	List<AccountPages.SignInRow> history(long accountId, int limit) {
		return jdbc
			.sql("SELECT created_at, last_seen, region, user_agent, ended_at FROM account_sessions"
					+ " WHERE account_id = :a ORDER BY created_at DESC, id DESC LIMIT :n")
			.param("a", accountId)
			.param("n", limit)
			.query((rs, n) -> {
				long ended = rs.getLong(5);
				return new AccountPages.SignInRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
						AccountSettingsController.device(rs.getString(4)), rs.wasNull() ? null : ended);
			})
			.list();
	}

	/** Ends one of the account's sessions; false when it has no such live session. */
	@Transactional
	boolean end(long accountId, long sessionRowId, long now) {
		return jdbc
			.sql("UPDATE account_sessions SET ended_at = :now WHERE id = :id AND account_id = :a AND ended_at IS NULL")
			.param("now", now)
			.param("id", sessionRowId)
			.param("a", accountId)
			.update() == 1;
	}

	/**
	 * When the account's sessions were last ended: sessions created and "remember me"
	 * cookies issued before are refused; null when never.
	 */
	Long validAfter(long accountId) {
		return jdbc.sql("SELECT sessions_valid_after FROM accounts WHERE id = :a")
			.param("a", accountId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Ends every "remember me" cookie of the account issued before {@code now} (at a
	 * sign-out). Registered sessions stay; the signing-out one is invalidated anyway.
	 */
	void endRememberMe(long accountId, long now) {
		jdbc.sql("UPDATE accounts SET sessions_valid_after = :now WHERE id = :a"
				+ " AND (sessions_valid_after IS NULL OR sessions_valid_after < :now)")
			.param("now", now)
			.param("a", accountId)
			.update();
	}

	/**
	 * Ends every session of the account but {@code keepSessionId} — also those not
	 * registered yet.
	 */
	@Transactional
	int endOthers(long accountId, String keepSessionId, long now) {
		jdbc.sql("UPDATE accounts SET sessions_valid_after = :now WHERE id = :a")
			.param("now", now)
			.param("a", accountId)
			.update();
		return jdbc.sql(
				"UPDATE account_sessions SET ended_at = :now WHERE account_id = :a AND ended_at IS NULL AND session_key <> :k")
			.param("now", now)
			.param("a", accountId)
			.param("k", keepSessionId == null ? "" : key(keepSessionId))
			.update();
	}

}
