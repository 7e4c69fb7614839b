package io.inkstone.articles;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the platform said about a creator's articles, for the studio: why a held article
 * waits, what a reviewer asked to change or why they refused, and where to appeal a
 * takedown. The governance module implements it; without it the studio shows the states
 * alone.
 */
public interface StudioNotes {

	/**
	 * Held (pending) articles: article id → the machine findings' kinds
	 * ({@code finding.<kind>} message keys).
	 */
	Map<Long, List<String>> heldBecause(Collection<Long> articleIds);

	/** The latest reviewer decision on each article that has one. */
	Map<Long, Review> latestReviews(Collection<Long> articleIds);

	/**
	 * Articles taken down on a report: article id → the path of its statement of reasons
	 * with the appeal form.
	 */
	Map<Long, String> appealPaths(Collection<Long> articleIds);

	/**
	 * A reviewer's decision: {@code outcome} approved, changes or rejected; {@code note}
	 * their words (may be null).
	 */
	record Review(String outcome, String reasonCode, String note, long at) {
	}

}
