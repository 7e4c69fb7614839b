package io.inkstone.discovery;

import java.util.List;

import io.inkstone.articles.ChangedArticle;

/**
 * The full-text index port. The embedded implementation is Lucene in the data directory;
 * an OpenSearch implementation can take its place for very large installations (same
 * calls, the change feed drives it the same way).
 */
interface SearchIndex {

	/**
	 * Applies a batch of changes (published → upsert, anything else → delete) and the new
	 * feed position.
	 */
	void apply(List<ChangedArticle> changes, long feedPosition);

	/** The change-feed position the index has durably applied. */
	long feedPosition();

	/**
	 * Ids of articles similar in content to {@code articleId}, best first, excluding
	 * itself.
	 */
	List<Long> moreLikeThis(long articleId, int size, int maxPerCreator);

	int documentCount();

	/**
	 * Empties the index and sets its feed position to 0, so the change feed rebuilds it
	 * from the database.
	 */
	void reset();

	/**
	 * One page of results and the total number of matches; {@code partial} when nothing
	 * matched well (no article holds all the query's words, its phrase or its pinyin) and
	 * these results only share some of its words.
	 */
	record SearchPage(long total, List<SearchHit> hits, boolean partial) {

		SearchPage(long total, List<SearchHit> hits) {
			this(total, hits, false);
		}

	}

	/**
	 * Narrowing of a search; null fields do not filter. {@code from}/{@code to}: publish
	 * time, epoch millis, inclusive/exclusive.
	 */
	record Filters(Long channelId, Long creatorId, Long from, Long to) {

		static final Filters NONE = new Filters(null, null, null, null);

	}

	SearchPage search(String text, Filters filters, boolean newestFirst, int offset, int size);

}
