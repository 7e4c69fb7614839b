package io.inkstone.articles;

import java.util.Arrays;
import java.util.List;

/**
 * A whole article as the article page needs it. {@code bodyHtml} is already sanitized.
 * {@code modifiedAt} is when its content last changed (an imported article keeps its own
 * date until edited here).
 */
public record Article(long id, String title, String summary, String bodyMarkdown, String bodyHtml, long creatorId,
		long channelId, String coverImage, String tags, boolean original, String aigc, String source,
		ArticleStatus status, String removalReason, long publishedAt, long updatedAt, long modifiedAt,
		String moderationLabel) {

	/**
	 * The same as {@link #status()} (the name callers used while the status was a
	 * string).
	 */
	public ArticleStatus articleStatus() {
		return status;
	}

	public List<String> tagList() {
		return tags == null || tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).toList();
	}

	public ArticleSummary toSummary() {
		return new ArticleSummary(id, title, summary, creatorId, channelId, publishedAt, original, aigc, coverImage);
	}

}
