package io.inkstone.engagement;

/**
 * The comments readers see on {@code articleId} changed: one was posted, hidden, shown,
 * removed or restored by staff, or comments were switched on or off. Published inside the
 * writing transaction; listeners that drop cached pages do so after it commits.
 */
public record CommentsChanged(long articleId) {
}
