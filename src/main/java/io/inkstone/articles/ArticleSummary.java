package io.inkstone.articles;

/** What listings show of an article: enough for a card or a hot-list line. */
public record ArticleSummary(long id, String title, String summary, long creatorId, long channelId, long publishedAt,
		boolean original, String aigc, String coverImage) {
}
