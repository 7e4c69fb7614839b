package io.inkstone.engagement;

/**
 * An account liked a comment (the first time; taking a like back and liking again is not
 * a new like).
 */
public record CommentLiked(long commentId, long articleId, long authorId, long likerId, long at) {
}
