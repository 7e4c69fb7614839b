package io.inkstone.discovery;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import java.util.Collection;

@Repository
class HotScoreRepository {

	private final JdbcClient jdbc;

	HotScoreRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each channel's strongest rows (raw scores compare only within a channel, see
	 * {@link HotScores}); weaker ones can never reach a list before they are engaged with
	 * again.
	 */
	List<HotScores.Score> topPerChannel(int limit) {
		return jdbc.sql("""
				SELECT article_id, channel_id, log_score FROM (
				  SELECT article_id, channel_id, log_score,
				         ROW_NUMBER() OVER (PARTITION BY channel_id ORDER BY log_score DESC) AS place
				  FROM hot_scores) ranked
				WHERE place <= :limit""").param("limit", limit).query(HotScores.Score.class).list();
	}

	void save(Collection<HotScores.Score> rows, long now) {
		for (HotScores.Score row : rows) {
			jdbc.sql(
					"""
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
