package io.inkstone.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attempt bookkeeping of a table of outgoing deliveries (webhook deliveries, publish
 * pings), which share the columns {@code status} ('pending', 'delivered', 'failed'),
 * {@code attempts}, {@code next_attempt}, {@code last_status}, {@code last_error} and
 * {@code delivered_at}. One rule for all of them: an attempt is claimed with a
 * conditional update that also leases it (one node wins; if that node dies mid-attempt
 * the row is due again when the lease ends), and its outcome is written once.
 */
public final class OutboundAttempts {

	/** The longest error text kept (a remote server's answer can be long). */
	static final int ERROR_LENGTH = 300;

	private final JdbcClient jdbc;

	private final String table;

	/** {@code table}: a constant of the calling repository, never input. */
	public OutboundAttempts(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/**
	 * Claims a due row for attempt {@code attempts + 1} until {@code until}; false if
	 * another node took it or it is no longer pending.
	 */
	public boolean claim(long id, int attempts, long until) {
		return jdbc
			.sql("UPDATE " + table + " SET attempts = :next, next_attempt = :until"
					+ " WHERE id = :id AND attempts = :attempts AND status = 'pending'")
			.param("next", attempts + 1)
			.param("until", until)
			.param("id", id)
			.param("attempts", attempts)
			.update() == 1;
	}

	public void delivered(long id, int status, long now) {
		jdbc.sql("UPDATE " + table + " SET status = 'delivered', last_status = :status, last_error = NULL,"
				+ " delivered_at = :now WHERE id = :id")
			.param("status", status)
			.param("now", now)
			.param("id", id)
			.update();
	}

	/**
	 * A failed attempt: pending again at {@code retryAt}, or failed for good when that is
	 * null.
	 */
	public void failed(long id, Integer status, String error, Long retryAt) {
		jdbc.sql("UPDATE " + table + " SET status = :state, last_status = :status, last_error = :error,"
				+ " next_attempt = COALESCE(:retry, next_attempt) WHERE id = :id")
			.param("state", retryAt == null ? "failed" : "pending")
			.param("status", status)
			.param("error", error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH))
			.param("retry", retryAt)
			.param("id", id)
			.update();
	}

}
