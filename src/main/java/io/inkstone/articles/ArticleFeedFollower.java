package io.inkstone.articles;

import java.util.List;

/**
 * Something that follows the articles change feed ({@code change_seq}) through
 * {@link ArticleFeed}: a search index, the originality index, the suggestions, the caches
 * of other nodes' changes. The feed hands each follower every committed change once —
 * late commits included — in sequence order, in batches.
 */
public interface ArticleFeedFollower {

	/**
	 * A stable name (logs, the persisted cursor of a follower that keeps one in
	 * {@link FeedCursors}).
	 */
	String name();

	/**
	 * The last sequence this follower has applied (0: from the beginning); negative while
	 * it is not ready to follow (the feed then skips it this round). A position that
	 * moves backwards (a rebuild) starts the follower afresh.
	 */
	long position();

	/**
	 * Whether the follower needs this entry at all; entries it does not want are never
	 * loaded for it.
	 */
	default boolean wants(ChangeKey key) {
		return true;
	}

	/**
	 * Applies the changes (sequence order; a late commit may come below {@code position})
	 * and from then on stands at {@code position}. An exception leaves the follower where
	 * it was: the same changes come again on the next poll.
	 */
	void apply(List<ChangedArticle> changes, long position);

	/**
	 * Called when a poll has nothing more for this follower (it has caught up with what
	 * is committed).
	 */
	default void caughtUp() {
	}

}
