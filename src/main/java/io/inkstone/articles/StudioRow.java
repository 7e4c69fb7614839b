package io.inkstone.articles;

/** A line of the creator's article list in the studio; {@code publishAt} is set on scheduled drafts. */
public record StudioRow(long id, String title, String status, long publishedAt, long updatedAt, Long publishAt) {
}
