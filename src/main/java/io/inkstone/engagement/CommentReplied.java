package io.inkstone.engagement;

/**
 * Someone replied to a comment: {@code replyId} answers {@code parentId} on
 * {@code articleId}. Published after the reply is stored (the message centre tells the
 * parent's author); not published for a reply to one's own comment.
 */
public record CommentReplied(long replyId, long parentId, long articleId, long parentAuthorId, long replierId,
		String replierName, String excerpt) {
}
