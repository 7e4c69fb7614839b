package io.inkstone.governance;

/**
 * A reviewer decided a held article: {@code outcome} is {@code approved}, {@code changes}
 * (needs changes, back to draft) or {@code rejected}; {@code note} is the reviewer's
 * reason (null when approved without one). The creator's account is told in the message
 * centre (and by mail if it wants).
 */
public record ArticleReviewed(long decisionId, long articleId, long accountId, String title, String outcome,
		String reasonCode, String note) {
}
