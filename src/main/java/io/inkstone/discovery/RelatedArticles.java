package io.inkstone.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.articles.ArticleChanged;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * 相关推荐: articles genuinely similar in content (Lucene MoreLikeThis over title and body with the
 * Chinese analyzer), never the article itself, at most two per creator. Cached per article and
 * dropped when that article changes.
 */
@Service
public class RelatedArticles {

	static final int MAX_PER_CREATOR = 2;

	private final org.springframework.beans.factory.ObjectProvider<SearchIndex> index;

	private final Articles articles;

	private final ArticleCards cards;

	private final Cache<Long, List<Long>> cache = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	private final CoReads coReads;

	private final io.inkstone.governance.OriginalityEngine originality;

	RelatedArticles(org.springframework.beans.factory.ObjectProvider<SearchIndex> index, Articles articles, ArticleCards cards,
			CoReads coReads, io.inkstone.governance.OriginalityEngine originality) {
		this.originality = originality;
		this.coReads = coReads;
		this.index = index;
		this.articles = articles;
		this.cards = cards;
	}

	public List<ArticleCard> forArticle(long articleId, int size) {
		List<Long> ids = cache.getIfPresent(articleId);
		if (ids == null) {
			SearchIndex available = index.getIfAvailable();
			List<Long> content = available == null ? List.of() : available.moreLikeThis(articleId, size + 4, MAX_PER_CREATOR);
			List<Long> together = coReads.top(articleId, size + 4);
			ids = blend(content, together);
			if (!content.isEmpty()) {
				cache.put(articleId, ids); // not cached while the index has not caught up yet
			}
		}
		List<ArticleSummary> found = distinct(articleId, perCreator(articles.summaries(ids)));
		return cards.of(found.size() > size ? found.subList(0, size) : found);
	}

	/**
	 * Reciprocal-rank fusion of the content list and the co-read list (k = 10): an article both lists agree on
	 * rises; either list alone still contributes. Without co-reads this is the content order unchanged.
	 */
	static List<Long> blend(List<Long> content, List<Long> together) {
		java.util.Map<Long, Double> score = new java.util.LinkedHashMap<>();
		for (int i = 0; i < content.size(); i++) {
			score.merge(content.get(i), 1.0 / (10 + i), Double::sum);
		}
		for (int i = 0; i < together.size(); i++) {
			score.merge(together.get(i), 1.0 / (10 + i), Double::sum);
		}
		return score.entrySet().stream()
			.sorted(java.util.Map.Entry.<Long, Double>comparingByValue().reversed())
			.map(java.util.Map.Entry::getKey)
			.toList();
	}

	/** Never a near-duplicate of the article itself or of an item already listed (reposts, other editions). */
	private List<ArticleSummary> distinct(long articleId, List<ArticleSummary> ranked) {
		List<ArticleSummary> kept = new java.util.ArrayList<>();
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
		java.util.Map<Long, Integer> seen = new java.util.HashMap<>();
		return ranked.stream().filter(a -> seen.merge(a.creatorId(), 1, Integer::sum) <= MAX_PER_CREATOR).toList();
	}

	@EventListener
	void on(ArticleChanged changed) {
		cache.invalidate(changed.id());
	}

	@EventListener
	void on(CoReads.CoReadsChanged changed) {
		cache.invalidateAll(changed.articleIds());
	}

}
