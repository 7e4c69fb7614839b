package io.inkstone.engagement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

import io.inkstone.shared.PlatformDays;
import io.inkstone.support.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A read counts once per reader, article and platform day, and the platform day is the
 * calendar day in the site's time zone (Asia/Shanghai by default): it turns at 00:00
 * there, which is 16:00 UTC, not at midnight UTC. Without Spring and without a database:
 * the database refuses every call, so this node's memory alone decides, as it does when
 * the database is busy.
 */
class ReadMarksTests {

	/** 23:59:59 on 1 December 2026 in Shanghai. */
	private final MutableClock clock = MutableClock.at("2026-12-01T15:59:59Z");

	private ReadMarks marks;

	@BeforeEach
	void marks() {
		assumeThat(PlatformDays.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		DataSource down = new RefusingDataSource();
		marks = new ReadMarks(JdbcClient.create(down), new JdbcTemplate(down),
				new TransactionTemplate(new DataSourceTransactionManager(down)), clock, false);
	}

	@Test
	void aReaderCountsAgainFromMidnightInShanghai() {
		assertThat(marks.firstToday("reader", 1)).isTrue();
		assertThat(marks.firstToday("reader", 1)).as("a reload the same day").isFalse();
		clock.advance(Duration.ofSeconds(1)); // 00:00:00 on 2 December in Shanghai
		assertThat(marks.firstToday("reader", 1)).as("the next platform day").isTrue();
		assertThat(marks.firstToday("reader", 1)).isFalse();
	}

	@Test
	void midnightUtcIsNotTheTurnOfTheDay() {
		clock.set(Instant.parse("2026-11-30T23:59:59Z")); // 07:59:59 on 1 December in
															// Shanghai
		assertThat(marks.firstToday("reader", 1)).isTrue();
		clock.advance(Duration.ofSeconds(1)); // 00:00 UTC, still 1 December in Shanghai
		assertThat(marks.firstToday("reader", 1)).isFalse();
		clock.advance(Duration.ofHours(15).plusMinutes(59).plusSeconds(59)); // 23:59:59
																				// in
																				// Shanghai
		assertThat(marks.firstToday("reader", 1)).isFalse();
	}

	@Test
	void otherReadersAndArticlesCountOnTheirOwn() {
		assertThat(marks.firstToday("reader", 1)).isTrue();
		assertThat(marks.firstToday("reader", 2)).isTrue();
		assertThat(marks.firstToday("another", 1)).isTrue();
		assertThat(marks.firstToday("reader", 2)).isFalse();
	}

	/** A database that is down. */
	private static final class RefusingDataSource extends AbstractDataSource {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("the database is down (test)");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	}

}
