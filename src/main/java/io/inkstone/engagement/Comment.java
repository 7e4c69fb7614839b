package io.inkstone.engagement;

import java.util.List;

/** A comment as the article page shows it, with its replies (one level) and like count. */
public record Comment(long id, Long parentId, long accountId, String authorName, String body, String status, long createdAt,
		long likes, boolean likedByViewer, List<Comment> replies) {

	public boolean hidden() {
		return "hidden".equals(status);
	}

}
