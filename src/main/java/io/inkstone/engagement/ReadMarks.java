package io.inkstone.engagement;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.PlatformDays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which readers have read which article today (a platform day, in the site's time zone):
 * a read counts once per reader, article and day. The marks live in the database
 * ({@code read_marks}), so they survive a restart and, in cluster mode, every node shares
 * them (they all use the one PostgreSQL database), as the share marks do. A mark is
 * written once: the first view of the day inserts it (and that view is the counted one);
 * this node remembers the marks it has seen, so a reader's further views of the article
 * that day write nothing. When the database does not answer, this node's memory alone
 * decides. Marks of past days are deleted every hour.
 */
@Component
class ReadMarks {

	private static final Logger log = LoggerFactory.getLogger(ReadMarks.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Marks this node has seen or written, keyed day:reader:article. */
	private final Cache<String, Boolean> seen = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(25))
		.maximumSize(2_000_000)
		.build();

	ReadMarks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Marks this reader's read of this article today; true if it is the first today. */
	boolean firstToday(String readerKey, long articleId) {
		int day = PlatformDays.of(clock.millis());
		String key = day + ":" + readerKey + ':' + articleId;
		if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
			return false;
		}
		try {
			return jdbc
				.sql("INSERT INTO read_marks (day, reader_key, article_id) VALUES (:day, :reader, :article)"
						+ " ON CONFLICT DO NOTHING")
				.param("day", day)
				.param("reader", readerKey)
				.param("article", articleId)
				.update() == 1;
		}
		catch (DataAccessException ex) {
			// a busy database (an import, a backup) skips the bookkeeping of a read, as
			// the counters do: no WARN per beacon
			if (DatabaseBusy.is(ex)) {
				log.debug("Read mark not stored, the database is busy; this node alone decides");
			}
			else {
				log.warn("Read mark not stored, this node alone decides: {}", ex.getMessage());
			}
			return true;
		}
	}

	/** Deletes the marks of days before today; they no longer decide anything. */
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void prune() {
		prune(PlatformDays.of(clock.millis()));
	}

	int prune(int today) {
		try {
			return jdbc.sql("DELETE FROM read_marks WHERE day < :today").param("today", today).update();
		}
		catch (DataAccessException ex) {
			if (DatabaseBusy.is(ex)) {
				log.info("Past read marks not deleted, the database is busy; next turn");
			}
			else {
				log.warn("Past read marks not deleted: {}", ex.getMessage());
			}
			return 0;
		}
	}

}
