package io.inkstone.engagement;

/**
 * A reader posted a comment (or a reply: {@code parentId} set) on {@code articleId}, at
 * {@code at} (epoch millis). Published after the comment is stored; not for imported
 * comments. Webhooks ({@code comment.created}) listen.
 */
public record CommentPosted(long commentId, Long parentId, long articleId, String authorName, String body, long at) {
}
