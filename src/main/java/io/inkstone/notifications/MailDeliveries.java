package io.inkstone.notifications;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mails already sent (table {@code mail_deliveries}, by the id each mail request
 * carries), so that a delivery redelivered after its mail went out — the send succeeded
 * but its completion was not recorded (a busy database, a node stopping) — sends nothing
 * the second time. Kept {@link #KEPT} days, far longer than any redelivery waits.
 */
@Repository
class MailDeliveries {

	static final Duration KEPT = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	MailDeliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean sent(long mailId) {
		return jdbc.sql("SELECT COUNT(*) FROM mail_deliveries WHERE id = :id")
			.param("id", mailId)
			.query(Long.class)
			.single() > 0;
	}

	/** Remembers a mail as sent (and forgets those past keeping). */
	void recordSent(long mailId) {
		long now = clock.millis();
		jdbc.sql("INSERT INTO mail_deliveries (id, sent_at) VALUES (:id, :at) ON CONFLICT (id) DO NOTHING")
			.param("id", mailId)
			.param("at", now)
			.update();
		jdbc.sql("DELETE FROM mail_deliveries WHERE sent_at < :before").param("before", now - KEPT.toMillis()).update();
	}

}
