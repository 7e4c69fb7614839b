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

}
