package io.inkstone.articles;

import io.inkstone.shared.ForbiddenException;

/**
 * Asked before a creator publishes or schedules. The governance module implements it
 * (publishing restrictions after confirmed violations, the machine review); without it
 * publishing is open.
 */
public interface PublishingGate {

	/**
	 * Throws {@link ForbiddenException} with a message the creator understands when they
	 * may not publish.
	 */
	void checkMayPublish(long creatorId);

	/**
	 * Machine review of an article about to go public (its draft content): a decision
	 * only, nothing is written. A decision that holds puts the article in front of a
	 * human reviewer (status pending) instead of publishing it.
	 */
	default ReviewDecision review(Article article) {
		return ReviewDecision.PASS;
	}

	/**
	 * Stores what {@link #review} decided for the article (its findings, for the reviewer
	 * and the studio), in the transaction that moved the article; called only when the
	 * move happened.
	 */
	default void recordReview(Article article, ReviewDecision decision) {
	}

}
