package io.inkstone.discovery;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HotScoreRepository {

	record Row(long articleId, long channelId, double logScore) {
	}

	private final JdbcClient jdbc;

	HotScoreRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The strongest rows; weaker ones can never reach a list before they are engaged with again. */
	List<Row> top(int limit) {
		return jdbc.sql("SELECT article_id, channel_id, log_score FROM hot_scores ORDER BY log_score DESC LIMIT :limit")
			.param("limit", limit)
			.query(Row.class)
			.list();
	}

	void save(Map<Long, Row> rows, long now) {
		for (Row row : rows.values()) {
			jdbc.sql("""
					INSERT INTO hot_scores (article_id, channel_id, log_score, updated_at) VALUES (:id, :channel, :score, :now)
					ON CONFLICT (article_id) DO UPDATE SET log_score = EXCLUDED.log_score, updated_at = EXCLUDED.updated_at""")
				.param("id", row.articleId())
				.param("channel", row.channelId())
				.param("score", row.logScore())
				.param("now", now)
				.update();
		}
	}

	void delete(long articleId) {
		jdbc.sql("DELETE FROM hot_scores WHERE article_id = :id").param("id", articleId).update();
	}

}
