package io.inkstone.governance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.inkstone.articles.Articles;
import io.inkstone.shared.ForbiddenException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A creator's credit score: 100 at the start; each confirmed violation deducts — a
 * take-down or publishing suspension on a report or notice (unless reversed on appeal) 20
 * points, an article rejected in review (unless reversed) 10. Below
 * {@link #PRE_REVIEW_BELOW} every post waits for a reviewer; below {@link #SUSPEND_BELOW}
 * publishing is suspended. Computed from the decisions themselves
 * ({@code moderation_decisions}), so the history the creator sees is the score's proof.
 */
@Component
public class CreatorCredit {

	public static final int START = 100;

	public static final int PRE_REVIEW_BELOW = 80;

	public static final int SUSPEND_BELOW = 40;

	private final JdbcClient jdbc;

	private final Articles articles;

	CreatorCredit(JdbcClient jdbc, Articles articles) {
		this.jdbc = jdbc;
		this.articles = articles;
	}

	/** One deduction: when, how many points, why (reason code), and the reference. */
	public record Entry(long at, int points, String reason, String reference) {
	}

	public List<Entry> history(long creatorId) {
		List<Entry> entries = new ArrayList<>();
		jdbc.sql("SELECT decided_at, action, reason, ref FROM moderation_decisions WHERE creator_id = :c"
				+ " AND action IN ('take-down', 'restrict-creator', 'reject') AND appeal_status <> 'reversed'")
			.param("c", creatorId)
			.query((rs, n) -> entries
				.add(new Entry(rs.getLong(1), ModerationAction.REJECT.code().equals(rs.getString(2)) ? -10 : -20,
						rs.getString(3), rs.getString(4))))
			.list();
		entries.sort(Comparator.comparingLong(Entry::at).reversed());
		return entries;
	}

	public int score(long creatorId) {
		return Math.max(0, START + history(creatorId).stream().mapToInt(Entry::points).sum());
	}

	long publishedCount(long creatorId) {
		return articles.countByCreator(creatorId);
	}

	void checkMayPublish(long creatorId) {
		int score = score(creatorId);
		if (score < SUSPEND_BELOW) {
			throw new ForbiddenException("problem.governance.creditTooLow", score, SUSPEND_BELOW);
		}
	}

}
