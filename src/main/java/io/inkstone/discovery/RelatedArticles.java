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

	RelatedArticles(org.springframework.beans.factory.ObjectProvider<SearchIndex> index, Articles articles, ArticleCards cards) {
		this.index = index;
		this.articles = articles;
		this.cards = cards;
	}

	public List<ArticleCard> forArticle(long articleId, int size) {
		List<Long> ids = cache.getIfPresent(articleId);
		if (ids == null) {
			SearchIndex available = index.getIfAvailable();
			ids = available == null ? List.of() : available.moreLikeThis(articleId, size + 4, MAX_PER_CREATOR);
			if (!ids.isEmpty()) {
				cache.put(articleId, ids); // not cached while the index has not caught up yet
			}
		}
		List<ArticleSummary> found = articles.summaries(ids);
		return cards.of(found.size() > size ? found.subList(0, size) : found);
	}

	@EventListener
	void on(ArticleChanged changed) {
		cache.invalidate(changed.id());
	}

}
