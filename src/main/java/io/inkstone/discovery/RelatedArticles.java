package io.inkstone.discovery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.similarity.OriginalityEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * 相关推荐: articles similar in content (Lucene MoreLikeThis over title and body with the
 * Chinese analyzer) fused with articles readers read together ({@link CoReads}), slightly
 * favouring fresh ones ({@link RelatedFusion}); never the article itself or a removed
 * one, never a near-duplicate of it or of each other, at most two per creator. Cached per
 * article and dropped when that article or its co-reads change.
 */
@Service
public class RelatedArticles {

	static final int MAX_PER_CREATOR = 2;

	private final ObjectProvider<SearchIndex> index;

	private final Articles articles;

	private final ArticleCards cards;

	private final CoReads coReads;

	private final OriginalityEngine originality;

	private final RelatedFusion fusion;

	private final Cache<Long, List<Long>> cache = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	private final Clock clock;

	RelatedArticles(ObjectProvider<SearchIndex> index, Articles articles, ArticleCards cards, CoReads coReads,
			OriginalityEngine originality, RelatedProperties properties, Clock clock) {
		this.clock = clock;
		this.index = index;
		this.articles = articles;
		this.cards = cards;
		this.coReads = coReads;
		this.originality = originality;
		this.fusion = new RelatedFusion(properties.freshnessWeight(), properties.freshnessHalfLife());
	}

	double freshnessWeight() {
		return fusion.freshnessWeight();
	}

	Duration freshnessHalfLife() {
		return fusion.halfLife();
	}

	public List<ArticleCard> forArticle(long articleId, int size) {
		List<Long> ids = cache.getIfPresent(articleId);
		List<ArticleSummary> ranked;
		if (ids == null) {
			SearchIndex available = index.getIfAvailable();
			List<Long> content = available == null ? List.of()
					: available.moreLikeThis(articleId, size + 4, MAX_PER_CREATOR);
			List<Long> together = coReads.top(articleId, size + 4);
			Set<Long> union = new LinkedHashSet<>(content);
			union.addAll(together);
			Map<Long, ArticleSummary> candidates = new HashMap<>();
			articles.summaries(union).forEach(a -> candidates.put(a.id(), a));
			// removed or unknown articles drop out here (no summary: not public)
			ranked = fusion
				.rank(content, together, id -> candidates.containsKey(id) ? candidates.get(id).publishedAt() : 0L,
						clock.millis())
				.stream()
				.filter(candidates::containsKey)
				.map(candidates::get)
				.toList();
			if (!content.isEmpty()) {
				cache.put(articleId, ranked.stream().map(ArticleSummary::id).toList()); // not
																						// while
																						// the
																						// index
																						// catches
																						// up
			}
		}
		else {
			ranked = articles.summaries(ids);
		}
		List<ArticleSummary> found = distinct(articleId, perCreator(ranked));
		return cards.of(found.size() > size ? found.subList(0, size) : found);
	}

	/**
	 * Never a near-duplicate of the article itself or of an item already listed (reposts,
	 * other editions).
	 */
	private List<ArticleSummary> distinct(long articleId, List<ArticleSummary> ranked) {
		List<ArticleSummary> kept = new ArrayList<>();
		for (ArticleSummary candidate : ranked) {
			if (!originality.nearDuplicates(articleId, candidate.id())
					&& kept.stream().noneMatch(k -> originality.nearDuplicates(k.id(), candidate.id()))) {
				kept.add(candidate);
			}
		}
		return kept;
	}

	/** At most {@link #MAX_PER_CREATOR} per creator, in order. */
	private static List<ArticleSummary> perCreator(List<ArticleSummary> ranked) {
		Map<Long, Integer> seen = new HashMap<>();
		return ranked.stream().filter(a -> seen.merge(a.creatorId(), 1, Integer::sum) <= MAX_PER_CREATOR).toList();
	}

	@EventListener
	void on(ArticleChangeCommitted changed) {
		cache.invalidate(changed.id());
	}

	/** The search index has just taken these articles' new text. */
	@EventListener
	void on(SearchIndexChanged changed) {
		cache.invalidateAll(changed.articleIds());
	}

	@EventListener
	void on(CoReads.CoReadsChanged changed) {
		cache.invalidateAll(changed.articleIds());
	}

}
