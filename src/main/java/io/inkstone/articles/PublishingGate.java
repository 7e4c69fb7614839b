package io.inkstone.articles;

/**
 * Asked before a creator publishes or schedules. The governance module implements it (publishing
 * restrictions after confirmed violations); without it publishing is open.
 */
public interface PublishingGate {

	/** Throws {@link io.inkstone.shared.ForbiddenException} with a message the creator understands when they may not publish. */
	void checkMayPublish(long creatorId);

	/**
	 * Machine review of an article about to go public (its draft content): true holds it for a human reviewer
	 * (status pending) instead of publishing.
	 */
	default boolean holdForReview(Article article) {
		return false;
	}

}
