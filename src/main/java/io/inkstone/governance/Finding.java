package io.inkstone.governance;

/**
 * One machine-review finding on an article. {@code matchedId}: the other article, for
 * originality findings.
 */
public record Finding(long id, long articleId, String kind, String detail, Long matchedId, long createdAt) {
}
