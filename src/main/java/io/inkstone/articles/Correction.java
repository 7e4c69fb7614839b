package io.inkstone.articles;

/** A public correction note (更正说明) attached to an edit of a published article. */
public record Correction(String note, long createdAt) {
}
