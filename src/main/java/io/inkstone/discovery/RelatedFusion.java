package io.inkstone.discovery;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * How 相关推荐 orders its candidates: reciprocal-rank fusion (k = 10) of the content list
 * (MoreLikeThis) and the co-read list, so an article both agree on rises and either alone
 * still contributes; then a bounded freshness factor,
 * {@code (1 − w) + w · 2^(−age / halfLife)}: a fresh article gains at most {@code w} over
 * an old one, so freshness reorders close calls but never lifts a weak match over a
 * strong one. Measured in bench/README.md.
 */
final class RelatedFusion {

	static final int K = 10;

	private final double freshnessWeight;

	private final double halfLifeMillis;

	RelatedFusion(double freshnessWeight, Duration halfLife) {
		if (freshnessWeight < 0 || freshnessWeight > 1) {
			throw new IllegalArgumentException("freshness weight must be within [0, 1]: " + freshnessWeight);
		}
		this.freshnessWeight = freshnessWeight;
		this.halfLifeMillis = halfLife.toMillis();
	}

	/** Without freshness: the plain fusion. */
	static RelatedFusion timeless() {
		return new RelatedFusion(0, Duration.ofDays(1));
	}

	/**
	 * @param publishedAt an article's publish time (epoch millis), for every id in either
	 * list
	 * @return every id of either list, best first (ties: content order)
	 */
	List<Long> rank(List<Long> content, List<Long> coRead, LongUnaryOperator publishedAt, long now) {
		Map<Long, Double> score = new LinkedHashMap<>();
		for (int i = 0; i < content.size(); i++) {
			score.merge(content.get(i), 1.0 / (K + i), Double::sum);
		}
		for (int i = 0; i < coRead.size(); i++) {
			score.merge(coRead.get(i), 1.0 / (K + i), Double::sum);
		}
		if (freshnessWeight > 0) {
			score.replaceAll((id, s) -> s * freshness(publishedAt.applyAsLong(id), now));
		}
		return score.entrySet()
			.stream()
			.sorted(Map.Entry.<Long, Double>comparingByValue(Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.toList();
	}

	double freshnessWeight() {
		return freshnessWeight;
	}

	Duration halfLife() {
		return Duration.ofMillis((long) halfLifeMillis);
	}

	double freshness(long publishedAt, long now) {
		double age = Math.max(0, now - publishedAt);
		return (1 - freshnessWeight) + freshnessWeight * Math.pow(2, -age / halfLifeMillis);
	}

}
