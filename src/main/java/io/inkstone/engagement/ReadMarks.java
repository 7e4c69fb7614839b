package io.inkstone.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.InkstoneProperties;
import io.inkstone.shared.PlatformDays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which readers have read which article today (a platform day, in the site's time zone):
 * a read counts once per reader, article and day. The marks live in the database
 * ({@code read_marks}), so they survive a restart and, in cluster mode, every node shares
 * them (they all use the one PostgreSQL database), as the share marks do. This node
 * remembers the marks it has seen, so a reader's further views of the article that day
 * write nothing.
 * <p>
 * One node (embedded mode, SQLite or PostgreSQL) is the only one deciding, so its memory
 * is exact and the database only has to outlive a restart: a first read is looked up (a
 * read, which never waits for SQLite's one writer) and its mark written with the
 * counters' next flush, in batches, and on shutdown. Writing each mark at once made every
 * new reader's beacon wait for the writer (2,200 beacons/s with p99 0.8 s against 7,200
 * without marks, bench/read-beacon.sh). In cluster mode another node may see the same
 * reader next, so the mark is inserted at once (ON CONFLICT DO NOTHING) and the insert
 * decides. When the database does not answer, this node's memory alone decides. Marks of
 * past days are deleted every hour.
 */
@Component
class ReadMarks {

	private static final Logger log = LoggerFactory.getLogger(ReadMarks.class);

	/**
	 * Marks waiting for their write beyond this (a database busy for long) are not kept:
	 * this node still remembers them, only a restart would forget them.
	 */
	static final int MAX_PENDING = 1_000_000;

	private static final int BATCH = 1_000;

	private static final String INSERT = "INSERT INTO read_marks (day, reader_key, article_id) VALUES (?, ?, ?)"
			+ " ON CONFLICT DO NOTHING";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final boolean cluster;

	/** Marks this node has seen or written, keyed day:reader:article. */
	private final Cache<String, Boolean> seen = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(25))
		.maximumSize(2_000_000)
		.build();

	private final Queue<Mark> pending = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pendingCount = new AtomicInteger();

	private record Mark(int day, String readerKey, long articleId) {
	}

	@Autowired
	ReadMarks(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate tx, Clock clock,
			InkstoneProperties properties) {
		this(jdbc, batches, tx, clock, properties.cluster());
	}

	ReadMarks(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate tx, Clock clock, boolean cluster) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.tx = tx;
		this.clock = clock;
		this.cluster = cluster;
	}

	/** Marks this reader's read of this article today; true if it is the first today. */
	boolean firstToday(String readerKey, long articleId) {
		int day = PlatformDays.of(clock.millis());
		String key = day + ":" + readerKey + ':' + articleId;
		if (seen.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
			return false;
		}
		try {
			if (cluster) {
				return jdbc.sql(INSERT).param(day).param(readerKey).param(articleId).update() == 1;
			}
			if (stored(day, readerKey, articleId)) {
				return false; // read before this node's restart
			}
		}
		catch (DataAccessException ex) {
			// a busy database (an import, a backup) skips the bookkeeping of a read, as
			// the counters do: no WARN per beacon
			if (DatabaseBusy.is(ex)) {
				log.debug("Read mark not looked up or stored, the database is busy; this node alone decides");
			}
			else {
				log.warn("Read mark not looked up or stored, this node alone decides: {}", ex.getMessage());
			}
			if (cluster) {
				return true;
			}
		}
		if (pendingCount.incrementAndGet() <= MAX_PENDING) {
			pending.add(new Mark(day, readerKey, articleId));
		}
		else {
			pendingCount.decrementAndGet();
		}
		return true;
	}

	private boolean stored(int day, String readerKey, long articleId) {
		return jdbc
			.sql("SELECT COUNT(*) FROM read_marks WHERE day = :day AND reader_key = :reader AND article_id = :article")
			.param("day", day)
			.param("reader", readerKey)
			.param("article", articleId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Writes the marks of first reads counted since the last flush, a thousand per
	 * transaction (one batched statement, so SQLite's writer is held for milliseconds); a
	 * batch the database refuses goes back in line for the next turn.
	 */
	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	synchronized void flush() {
		List<Mark> batch = new ArrayList<>(BATCH);
		Mark mark;
		while ((mark = pending.poll()) != null) {
			pendingCount.decrementAndGet();
			batch.add(mark);
			if (batch.size() == BATCH) {
				if (!write(batch)) {
					return;
				}
				batch = new ArrayList<>(BATCH);
			}
		}
		write(batch);
	}

	private boolean write(List<Mark> batch) {
		if (batch.isEmpty()) {
			return true;
		}
		try {
			// JdbcTemplate for its batch: one prepared statement for the thousand rows
			tx.executeWithoutResult(status -> batches.batchUpdate(INSERT, batch, batch.size(), (ps, m) -> {
				ps.setInt(1, m.day());
				ps.setString(2, m.readerKey());
				ps.setLong(3, m.articleId());
			}));
			return true;
		}
		catch (DataAccessException ex) {
			if (DatabaseBusy.is(ex)) {
				log.info("Read marks not written, the database is busy; {} kept for the next turn", batch.size());
			}
			else {
				log.warn("Read marks not written, {} kept for the next turn: {}", batch.size(), ex.getMessage());
			}
			pendingCount.addAndGet(batch.size());
			pending.addAll(batch);
			return false;
		}
	}

	/** A restart remembers who read what today. */
	@PreDestroy
	void flushOnShutdown() {
		flush();
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
