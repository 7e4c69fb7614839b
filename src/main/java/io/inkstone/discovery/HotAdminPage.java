package io.inkstone.discovery;

import java.util.List;
import java.util.Map;

/**
 * The /admin/hot page: the live hot list, the active interventions, an error message or
 * null, and the refused form (or null), which its row shows as posted with its errors.
 */
public record HotAdminPage(List<ArticleCard> hot, List<Intervention> active, String error, Refused refused) {

	/** The reason typed in an article's row ({@code clear}: its intervention's row). */
	public String reason(long articleId, boolean clear) {
		return refusedIn(articleId, clear) ? refused.reason() : "";
	}

	/** Whether the action select of an article's hot-list row shows {@code action}. */
	public boolean chosen(long articleId, String action) {
		return refusedIn(articleId, false) && refused.action().equals(action);
	}

	/**
	 * The error of a field ({@code action}, {@code reason}) in an article's row
	 * ({@code clear}: its intervention's row), or null.
	 */
	public String error(long articleId, boolean clear, String field) {
		return refusedIn(articleId, clear) ? refused.errors().get(field) : null;
	}

	private boolean refusedIn(long articleId, boolean clear) {
		return refused != null && refused.articleId() == articleId && refused.clear() == clear;
	}

	public record Intervention(HotOverride override, String title) {
	}

	/**
	 * A refused intervention: the article, whether it was ending one, the action and
	 * reason as posted, and field → text as shown at that field.
	 */
	public record Refused(long articleId, boolean clear, String action, String reason, Map<String, String> errors) {
	}

}
