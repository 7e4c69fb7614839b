package io.inkstone.discovery;

import java.util.Map;

/**
 * Where forward-decayed engagement scores accumulate (log domain, see {@link ForwardDecay}). Embedded:
 * this node's memory, persisted to {@code hot_scores}. Cluster: a Redis sorted set shared by all nodes.
 */
interface HotScores {

	record Score(long articleId, long channelId, double logScore) {
	}

	/** Adds one signal's log-weight to the article's score. */
	void add(long articleId, long channelId, double logWeight);

	/** The strongest scores, by article id. */
	Map<Long, Score> top(int limit);

}
