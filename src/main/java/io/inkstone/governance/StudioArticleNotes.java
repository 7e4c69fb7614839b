package io.inkstone.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.articles.StudioNotes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The studio's view of governance: findings of held articles, reviewers' notes, appeal
 * links of takedowns.
 */
@Component
class StudioArticleNotes implements StudioNotes {

	private final JdbcClient jdbc;

	StudioArticleNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, List<String>> heldBecause(Collection<Long> articleIds) {
		Map<Long, List<String>> result = new HashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT article_id, kind FROM review_findings WHERE article_id IN (:ids) ORDER BY id")
			.param("ids", List.copyOf(articleIds))
			.query((rs, n) -> {
				List<String> kinds = result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
				if (!kinds.contains(rs.getString(2))) {
					kinds.add(rs.getString(2));
				}
				return null;
			})
			.list();
		return result;
	}

	@Override
	public Map<Long, Review> latestReviews(Collection<Long> articleIds) {
		Map<Long, Review> result = new HashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT article_id, action, reason, statement, decided_at FROM moderation_decisions"
				+ " WHERE article_id IN (:ids) AND source = 'review' ORDER BY decided_at, id")
			.param("ids", List.copyOf(articleIds))
			.query((rs, n) -> result.put(rs.getLong(1),
					new Review(ModerationDecisions.reviewOutcome(ModerationAction.parse(rs.getString(2)).orElseThrow()),
							rs.getString(3), rs.getString(4), rs.getLong(5))))
			.list();
		return result;
	}

	@Override
	public Map<Long, String> appealPaths(Collection<Long> articleIds) {
		Map<Long, String> result = new HashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT id, article_id FROM moderation_decisions WHERE article_id IN (:ids) AND action = :a"
				+ " ORDER BY decided_at, id")
			.param("ids", List.copyOf(articleIds))
			.param("a", ModerationAction.TAKE_DOWN.code())
			.query((rs, n) -> result.put(rs.getLong(2), "/appeals/" + rs.getLong(1)))
			.list();
		return result;
	}

}
