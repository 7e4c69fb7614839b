package io.inkstone.governance;

/**
 * The label a moderation decision's "label" action puts on a live article instead of
 * taking it down, chosen by what was reported: readers see {@code article.label.<code>}
 * above the text. A reversed appeal takes it off.
 */
final class ArticleLabels {

	private ArticleLabels() {
	}

	static String forReason(String reportReason) {
		return switch (ReportReason.parse(reportReason).orElse(ReportReason.OTHER)) {
			case RUMOUR -> "disputed";
			case FALSE_ORIGINAL -> "not-original";
			case UNLABELED_AI -> "ai-generated";
			case PORN, VIOLENCE -> "sensitive";
			default -> "reviewed";
		};
	}

}
