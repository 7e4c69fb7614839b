package io.inkstone.engagement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import io.inkstone.shared.PlatformDays;
import java.util.TreeMap;

@Repository
class StatsRepository {

	private final JdbcClient jdbc;

	StatsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Counts find(long articleId) {
		return jdbc.sql("SELECT reads, shares FROM article_stats WHERE article_id = :id")
			.param("id", articleId)
			.query(Counts.class)
			.optional()
			.orElse(Counts.ZERO);
	}

	Map<Long, Counts> findAll(Collection<Long> ids) {
		Map<Long, Counts> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT article_id, reads, shares FROM article_stats WHERE article_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> result.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3))))
			.list();
		return result;
	}

	/**
	 * Flushed totals with the id of the last cluster flush they hold (0 when none), for
	 * the articles that have a row.
	 */
	Map<Long, Flushed> findFlushed(Collection<Long> ids) {
		Map<Long, Flushed> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT article_id, reads, shares, last_flush FROM article_stats WHERE article_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> result.put(rs.getLong(1),
					new Flushed(new Counts(rs.getLong(2), rs.getLong(3)), rs.getLong(4))))
			.list();
		return result;
	}

	/**
	 * A new cluster flush id, above every one handed out before (PostgreSQL, cluster
	 * mode's database).
	 */
	long nextFlushId() {
		return jdbc.sql("SELECT nextval('counter_flush_ids')").query(Long.class).single();
	}

	void add(long articleId, long reads, long shares, long now) {
		jdbc.sql("""
				INSERT INTO article_stats (article_id, reads, shares, updated_at) VALUES (:id, :reads, :shares, :now)
				ON CONFLICT (article_id) DO UPDATE SET reads = article_stats.reads + EXCLUDED.reads,
				  shares = article_stats.shares + EXCLUDED.shares, updated_at = EXCLUDED.updated_at""")
			.param("id", articleId)
			.param("reads", reads)
			.param("shares", shares)
			.param("now", now)
			.update();
		addDaily(articleId, reads, shares, now);
	}

	/**
	 * Adds one cluster flush's counts and records its id, once: nothing changes when the
	 * row already records this flush id or a later one (flush ids only grow, and an
	 * article's next batch is drained only after this one is in).
	 * @return true if the counts were added
	 */
	boolean addOnce(long articleId, long reads, long shares, long flushId, long now) {
		boolean added = jdbc.sql("""
				INSERT INTO article_stats (article_id, reads, shares, updated_at, last_flush)
				VALUES (:id, :reads, :shares, :now, :flush)
				ON CONFLICT (article_id) DO UPDATE SET reads = article_stats.reads + EXCLUDED.reads,
				  shares = article_stats.shares + EXCLUDED.shares, updated_at = EXCLUDED.updated_at,
				  last_flush = EXCLUDED.last_flush
				WHERE article_stats.last_flush IS NULL OR article_stats.last_flush < EXCLUDED.last_flush""")
			.param("id", articleId)
			.param("reads", reads)
			.param("shares", shares)
			.param("now", now)
			.param("flush", flushId)
			.update() == 1;
		if (added) {
			addDaily(articleId, reads, shares, now);
		}
		return added;
	}

	private void addDaily(long articleId, long reads, long shares, long now) {
		jdbc.sql("""
				INSERT INTO article_daily_stats (article_id, day, reads, shares) VALUES (:id, :day, :reads, :shares)
				ON CONFLICT (article_id, day) DO UPDATE SET reads = article_daily_stats.reads + EXCLUDED.reads,
				  shares = article_daily_stats.shares + EXCLUDED.shares""")
			.param("id", articleId)
			.param("day", PlatformDays.of(now))
			.param("reads", reads)
			.param("shares", shares)
			.update();
	}

	/**
	 * Reads and shares per day for these articles, from {@code fromDay} (yyyymmdd) on.
	 */
	Map<Integer, Counts> daily(Collection<Long> ids, int fromDay) {
		Map<Integer, Counts> result = new TreeMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"SELECT day, SUM(reads), SUM(shares) FROM article_daily_stats WHERE article_id IN (:ids) AND day >= :from"
						+ " GROUP BY day")
			.param("ids", ids)
			.param("from", fromDay)
			.query((rs, n) -> result.put(rs.getInt(1), new Counts(rs.getLong(2), rs.getLong(3))))
			.list();
		return result;
	}

	/** Records a share mark; false when this reader already shared this article today. */
	boolean hasShared(long articleId, String readerKey, int day) {
		return jdbc
			.sql("SELECT COUNT(*) FROM share_marks WHERE article_id = :id AND reader_key = :reader AND day = :day")
			.param("id", articleId)
			.param("reader", readerKey)
			.param("day", day)
			.query(Long.class)
			.single() > 0;
	}

	boolean markShared(long articleId, String readerKey, int day) {
		return jdbc.sql(
				"INSERT INTO share_marks (article_id, reader_key, day) VALUES (:id, :reader, :day) ON CONFLICT DO NOTHING")
			.param("id", articleId)
			.param("reader", readerKey)
			.param("day", day)
			.update() == 1;
	}

	List<Long> articleIds() {
		return jdbc.sql("SELECT article_id FROM article_stats").query(Long.class).list();
	}

	/**
	 * An article's flushed totals and the id of the last cluster flush they hold (0 when
	 * none).
	 */
	record Flushed(Counts counts, long lastFlush) {

		static final Flushed NONE = new Flushed(Counts.ZERO, 0);

	}

}
