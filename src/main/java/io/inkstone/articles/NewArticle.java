package io.inkstone.articles;

/**
 * A validated article to store. {@code importKey} makes imports idempotent (the source
 * id, or a content hash when the source has none).
 */
public record NewArticle(String importKey, long creatorId, long channelId, String title, String bodyMarkdown,
		String tags, boolean original, Aigc aigc, String source, long publishedAt) {
}
