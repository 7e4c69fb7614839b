package io.inkstone.articles;

import java.util.List;

/**
 * What a lifecycle action did, so a caller can tell the creator without reading the
 * article again: published, held for a reviewer (and why), scheduled, unscheduled, moved
 * to another status, or nothing (it was already there).
 */
public sealed interface LifecycleOutcome {

	long articleId();

	/** The article's status after the action. */
	ArticleStatus status();

	/** The article is public now. */
	record Published(long articleId) implements LifecycleOutcome {

		@Override
		public ArticleStatus status() {
			return ArticleStatus.PUBLISHED;
		}

	}

	/**
	 * The machine review held the article for a reviewer; {@code findings} are the kinds
	 * it found.
	 */
	record HeldForReview(long articleId, List<String> findings) implements LifecycleOutcome {

		public HeldForReview {
			findings = List.copyOf(findings);
		}

		@Override
		public ArticleStatus status() {
			return ArticleStatus.PENDING;
		}

	}

	/**
	 * An article staff held, rejected or sent back was submitted again: it waits for a
	 * reviewer, whatever the machine review said.
	 */
	record Resubmitted(long articleId) implements LifecycleOutcome {

		@Override
		public ArticleStatus status() {
			return ArticleStatus.PENDING;
		}

	}

	/** The draft will be published at {@code at} (epoch millis). */
	record Scheduled(long articleId, long at) implements LifecycleOutcome {

		@Override
		public ArticleStatus status() {
			return ArticleStatus.DRAFT;
		}

	}

	/** The draft's schedule was cleared. */
	record Unscheduled(long articleId) implements LifecycleOutcome {

		@Override
		public ArticleStatus status() {
			return ArticleStatus.DRAFT;
		}

	}

	/**
	 * Any other move (unpublished, sent back, rejected, deleted, restored, taken down).
	 */
	record Moved(long articleId, ArticleStatus from, ArticleStatus status) implements LifecycleOutcome {
	}

	/**
	 * Nothing to do: the article already was where the action leads (publishing a
	 * published article).
	 */
	record Unchanged(long articleId, ArticleStatus status) implements LifecycleOutcome {
	}

}
