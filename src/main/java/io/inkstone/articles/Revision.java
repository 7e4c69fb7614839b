package io.inkstone.articles;

/** One published version of an article, kept when a published article is edited. */
public record Revision(long id, long articleId, String title, String bodyMarkdown, String note, long createdAt) {
}
