package io.inkstone.engagement;

import java.util.List;

/**
 * A comment as the article page shows it, with its replies (one level), like count and
 * the commenter's avatar (null without one).
 */
public record Comment(long id, Long parentId, long accountId, String authorName, String body, String status,
		long createdAt, long likes, boolean likedByViewer, List<Comment> replies, String avatarUrl) {

	/** Hidden by the article's creator or by platform staff: readers do not see it. */
	public boolean hidden() {
		return "hidden".equals(status) || removedByStaff();
	}

	/**
	 * Hidden by platform staff on a report: only staff (an appeal or a reversal) can show
	 * it again.
	 */
	public boolean removedByStaff() {
		return Comments.REMOVED.equals(status);
	}

}
