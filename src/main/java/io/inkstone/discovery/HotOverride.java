package io.inkstone.discovery;

/**
 * An editor's intervention in the hot list: {@code pin} (to the top), {@code remove}, or
 * {@code demote} (to the end).
 */
public record HotOverride(long articleId, String action, String reason, long actorId, String actorName,
		long createdAt) {
}
