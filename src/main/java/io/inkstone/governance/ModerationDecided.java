package io.inkstone.governance;

/**
 * A report was decided with an action against an account's content ({@code decision}:
 * {@code take-down}, {@code hide-comment}, {@code restrict-creator}).
 * {@code statementOfReasons} is the full statement (what, why, which rule, how to appeal)
 * that the affected account must receive; {@code appealPath} is where it appeals.
 */
public record ModerationDecided(long reportId, String ref, long accountId, String decision, String targetType,
		long targetId, Long articleId, String title, String statementOfReasons, String appealPath) {
}
