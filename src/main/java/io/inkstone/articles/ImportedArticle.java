package io.inkstone.articles;

/**
 * An article brought in from another platform (WordPress) with the state it had there: public, a draft of its
 * creator, or scheduled ({@code publishAt}, epoch millis, a draft until then). {@code summary} and {@code coverImage}
 * may be null (derived from the body).
 */
public record ImportedArticle(String importKey, long creatorId, long channelId, String title, String bodyMarkdown,
		String summary, String coverImage, String tags, boolean published, Long publishAt, long publishedAt, long modifiedAt) {
}
