package io.inkstone.governance;

/**
 * A different reviewer decided an appeal: against a report decision ({@code source}
 * {@code report}, {@code caseId} the report) or against a review rejection
 * ({@code review}, the review decision). {@code reversed} when the appeal succeeded and
 * the original action was undone.
 */
public record AppealDecided(String source, long caseId, long accountId, boolean reversed, String note, String ref,
		Long articleId, String title) {
}
