package io.inkstone.pages;

/** One saved version of a static page. */
public record PageRevision(long id, long pageId, String title, String bodyMarkdown, Long authorId, long createdAt) {
}
