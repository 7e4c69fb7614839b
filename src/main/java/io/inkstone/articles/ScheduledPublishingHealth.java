package io.inkstone.articles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code scheduledPublishing}: DOWN while a scheduled
 * article is more than two minutes past its time. The jobs component sees a publisher
 * that fails; this one also sees one that hangs (its lock or the database blocked) or
 * does not run at all, which only the late article itself shows.
 */
@Component("scheduledPublishing")
class ScheduledPublishingHealth implements HealthIndicator {

	static final Duration GRACE = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final Clock clock;

	ScheduledPublishingHealth(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Health health() {
		long cutoff = clock.millis() - GRACE.toMillis();
		Long oldest = jdbc
			.sql("SELECT MIN(publish_at) FROM articles WHERE status = 'draft' AND publish_at IS NOT NULL"
					+ " AND publish_at <= :cutoff")
			.param("cutoff", cutoff)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (oldest == null) {
			return Health.up().build();
		}
		return Health.down()
			.withDetail("lateSince", Instant.ofEpochMilli(oldest).toString())
			.withDetail("late",
					jdbc.sql("SELECT COUNT(*) FROM articles WHERE status = 'draft' AND publish_at IS NOT NULL"
							+ " AND publish_at <= :cutoff")
						.param("cutoff", cutoff)
						.query(Long.class)
						.single())
			.build();
	}

}
