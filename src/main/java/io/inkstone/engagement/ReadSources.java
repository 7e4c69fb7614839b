package io.inkstone.engagement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.DatabaseBusy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counted reads by where they came from, per article and platform day: buffered in memory
 * on each node and added to {@code article_read_sources} on the counters' flush interval
 * (additive upserts, so several nodes add up). Aggregates only: a reader is never
 * recorded here; the once-per-reader-and-day rule is the read's own.
 */
@Component
class ReadSources {

	private static final Logger log = LoggerFactory.getLogger(ReadSources.class);

	/**
	 * Distinct referring hosts kept per article and day; reads from further hosts count
	 * in their category without a host (a flood of made-up hosts cannot grow the table).
	 */
	static final int MAX_HOSTS_PER_DAY = 100;

	record Key(long articleId, int day, ReadSource source, String host) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private volatile ConcurrentHashMap<Key, LongAdder> pending = new ConcurrentHashMap<>();

	ReadSources(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	void count(long articleId, int day, Referral referral) {
		pending.computeIfAbsent(new Key(articleId, day, referral.source(), referral.host()), k -> new LongAdder())
			.increment();
	}

	@Scheduled(fixedDelayString = "${inkstone.counters.flush-interval}")
	synchronized void flush() {
		ConcurrentHashMap<Key, LongAdder> batch = pending;
		if (batch.isEmpty()) {
			return;
		}
		pending = new ConcurrentHashMap<>();
		try {
			tx.executeWithoutResult(status -> write(batch));
		}
		catch (RuntimeException ex) {
			if (DatabaseBusy.is(ex)) {
				log.info("Read sources not written while the database is busy; next turn");
			}
			else {
				log.warn("Read sources flush failed, keeping {} counts buffered: {}", batch.size(), ex.getMessage());
			}
			batch.forEach((k, v) -> pending.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
		}
	}

	private void write(Map<Key, LongAdder> batch) {
		Map<String, Long> hostsKept = new HashMap<>();
		for (var e : batch.entrySet()) {
			Key k = e.getKey();
			String host = k.host();
			if (!host.isEmpty() && !exists(k)) {
				String day = k.articleId() + ":" + k.day();
				long kept = hostsKept.computeIfAbsent(day, d -> hosts(k.articleId(), k.day()));
				if (kept >= MAX_HOSTS_PER_DAY) {
					host = "";
				}
				else {
					hostsKept.put(day, kept + 1);
				}
			}
			jdbc.sql("""
					INSERT INTO article_read_sources (article_id, day, source, host, reads)
					VALUES (:id, :day, :source, :host, :reads)
					ON CONFLICT (article_id, day, source, host)
					DO UPDATE SET reads = article_read_sources.reads + EXCLUDED.reads""")
				.param("id", k.articleId())
				.param("day", k.day())
				.param("source", k.source().key())
				.param("host", host)
				.param("reads", e.getValue().sum())
				.update();
		}
	}

	private boolean exists(Key k) {
		return jdbc
			.sql("SELECT COUNT(*) FROM article_read_sources WHERE article_id = :id AND day = :day"
					+ " AND source = :source AND host = :host")
			.param("id", k.articleId())
			.param("day", k.day())
			.param("source", k.source().key())
			.param("host", k.host())
			.query(Long.class)
			.single() > 0;
	}

	private long hosts(long articleId, int day) {
		return jdbc
			.sql("SELECT COUNT(*) FROM article_read_sources WHERE article_id = :id AND day = :day AND host <> ''")
			.param("id", articleId)
			.param("day", day)
			.query(Long.class)
			.single();
	}

	@PreDestroy
	void flushOnShutdown() {
		flush();
	}

	/**
	 * Reads per source over these articles from {@code fromDay} on; every source present.
	 */
	Map<ReadSource, Long> totals(Collection<Long> ids, int fromDay) {
		Map<ReadSource, Long> result = new EnumMap<>(ReadSource.class);
		for (ReadSource s : ReadSource.values()) {
			result.put(s, 0L);
		}
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT source, SUM(reads) FROM article_read_sources WHERE article_id IN (:ids) AND day >= :from"
				+ " GROUP BY source")
			.param("ids", ids)
			.param("from", fromDay)
			.query((rs, n) -> result.put(ReadSource.fromKey(rs.getString(1)), rs.getLong(2)))
			.list();
		return result;
	}

	/** Reads per day and source over these articles; days without any are absent. */
	Map<Integer, Map<ReadSource, Long>> daily(Collection<Long> ids, int fromDay) {
		Map<Integer, Map<ReadSource, Long>> result = new TreeMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT day, source, SUM(reads) FROM article_read_sources WHERE article_id IN (:ids)"
				+ " AND day >= :from GROUP BY day, source")
			.param("ids", ids)
			.param("from", fromDay)
			.query((rs, n) -> result.computeIfAbsent(rs.getInt(1), d -> new EnumMap<>(ReadSource.class))
				.put(ReadSource.fromKey(rs.getString(2)), rs.getLong(3)))
			.list();
		return result;
	}

	/** The referring hosts most read from, most first. */
	List<ReferrerHost> topHosts(Collection<Long> ids, int fromDay, int limit) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return new ArrayList<>(jdbc
			.sql("SELECT source, host, SUM(reads) AS total FROM article_read_sources WHERE article_id IN (:ids)"
					+ " AND day >= :from AND host <> '' GROUP BY source, host ORDER BY total DESC, host LIMIT :limit")
			.param("ids", ids)
			.param("from", fromDay)
			.param("limit", limit)
			.query((rs, n) -> new ReferrerHost(ReadSource.fromKey(rs.getString(1)), rs.getString(2), rs.getLong(3)))
			.list());
	}

}
