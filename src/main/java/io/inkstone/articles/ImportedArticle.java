package io.inkstone.articles;

/**
 * An article brought in from another platform (WordPress) or another Inkstone site with
 * the state it had there: public, a draft of its creator, or scheduled
 * ({@code publishAt}, epoch millis, a draft until then). {@code summary} and
 * {@code coverImage} may be null (derived from the body); {@code source} may be null.
 */
public record ImportedArticle(String importKey, long creatorId, long channelId, String title, String bodyMarkdown,
		String summary, String coverImage, String tags, boolean published, Long publishAt, long publishedAt,
		long modifiedAt, boolean original, Aigc aigc, String source) {

	/**
	 * An article without declarations (WordPress has none): not 原创, no AI generation, no
	 * source.
	 */
	public ImportedArticle(String importKey, long creatorId, long channelId, String title, String bodyMarkdown,
			String summary, String coverImage, String tags, boolean published, Long publishAt, long publishedAt,
			long modifiedAt) {
		this(importKey, creatorId, channelId, title, bodyMarkdown, summary, coverImage, tags, published, publishAt,
				publishedAt, modifiedAt, false, Aigc.NONE, null);
	}

}
