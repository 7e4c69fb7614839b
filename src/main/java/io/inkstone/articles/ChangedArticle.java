package io.inkstone.articles;

/**
 * One entry of the durable change feed that search indexes follow (ordered by
 * {@code changeSeq}).
 */
public record ChangedArticle(long id, String title, String bodyMarkdown, long creatorId, long channelId, String status,
		long publishedAt, long changeSeq, String creatorName) {

	public ChangedArticle(long id, String title, String bodyMarkdown, long creatorId, long channelId, String status,
			long publishedAt, long changeSeq) {
		this(id, title, bodyMarkdown, creatorId, channelId, status, publishedAt, changeSeq, null);
	}

	public boolean isPublished() {
		return ArticleStatus.PUBLISHED.dbValue().equals(status);
	}

}
