package io.inkstone.discovery;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;

/**
 * Where forward-decayed engagement scores accumulate (log domain, see
 * {@link ForwardDecay}). Embedded: this node's memory, persisted to {@code hot_scores}.
 * Cluster: Redis sorted sets shared by all nodes.
 *
 * <p>
 * Raw forward-decay scores are comparable only within one half-life: a channel whose
 * signals halve every 3 hours grows its raw scores 24 times faster than one that halves
 * every 72 hours. So scores are kept and read per channel (where raw order is
 * current-value order) and merged across channels by their value now.
 */
interface HotScores {

	record Score(long articleId, long channelId, double logScore) {
	}

	/** Adds one signal's log-weight to the article's score. */
	void add(long articleId, long channelId, double logWeight);

	/**
	 * The {@code overall} strongest scores by their value now, plus each channel's
	 * {@code perChannel} strongest (so every channel's own list is complete), by article
	 * id.
	 * @param logValueNow a score's log value now (its channel's decay applied up to now)
	 */
	Map<Long, Score> top(int overall, int perChannel, ToDoubleFunction<Score> logValueNow);

	/** {@link #top} over scores in hand: bounded heaps, one pass, no full sort. */
	static Map<Long, Score> select(Iterable<Score> scores, int overall, int perChannel,
			ToDoubleFunction<Score> logValueNow) {
		Comparator<Score> byValue = Comparator.comparingDouble(logValueNow).thenComparingLong(Score::articleId);
		PriorityQueue<Score> best = new PriorityQueue<>(overall + 1, byValue);
		Map<Long, PriorityQueue<Score>> bestPerChannel = new HashMap<>();
		for (Score score : scores) {
			keep(best, score, overall);
			keep(bestPerChannel.computeIfAbsent(score.channelId(), c -> new PriorityQueue<>(perChannel + 1, byValue)),
					score, perChannel);
		}
		Map<Long, Score> top = new LinkedHashMap<>();
		best.stream().sorted(byValue.reversed()).forEach(s -> top.put(s.articleId(), s));
		bestPerChannel.values().forEach(channel -> channel.forEach(s -> top.putIfAbsent(s.articleId(), s)));
		return top;
	}

	private static void keep(PriorityQueue<Score> heap, Score score, int limit) {
		if (limit <= 0) {
			return;
		}
		heap.add(score);
		if (heap.size() > limit) {
			heap.poll();
		}
	}

}
