package io.inkstone.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.creators.Creators;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import java.util.LinkedHashSet;

/**
 * Search as the search page uses it: any text in, a friendly page of results out. Removed
 * articles leave the index through the change feed and are also dropped here (summaries
 * only returns public articles), so they never show even for the half-second before the
 * index catches up.
 */
@Service
public class ArticleSearch {

	public static final int PAGE_SIZE = 10;

	public static final int MAX_PAGE = 50;

	static final int MAX_QUERY = 200;

	private final ObjectProvider<SearchIndex> index;

	private final Articles articles;

	private final ArticleCards cards;

	private final ObjectProvider<SearchSuggestions> suggestions;

	private final Creators creators;

	ArticleSearch(ObjectProvider<SearchIndex> index, Articles articles, ArticleCards cards,
			ObjectProvider<SearchSuggestions> suggestions, Creators creators) {
		this.suggestions = suggestions;
		this.creators = creators;
		this.index = index;
		this.articles = articles;
		this.cards = cards;
	}

	public SearchResults search(String query, Long channelId, boolean newestFirst, int page) {
		return search(query, channelId, null, null, null, newestFirst, page);
	}

	/**
	 * With filters: channel, creator, and a publish-time window [from, to) in epoch
	 * millis (nulls do not filter).
	 */
	public SearchResults search(String query, Long channelId, Long creatorId, Long from, Long to, boolean newestFirst,
			int page) {
		String text = query == null ? "" : query.strip();
		if (text.length() > MAX_QUERY) {
			text = text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, MAX_QUERY)));
		}
		SearchIndex available = index.getIfAvailable();
		if (text.isEmpty() || available == null) {
			return SearchResults.empty(text);
		}
		int current = Math.max(1, Math.min(page, MAX_PAGE));
		SearchIndex.SearchPage found = available.search(text, new SearchIndex.Filters(channelId, creatorId, from, to),
				newestFirst, (current - 1) * PAGE_SIZE, PAGE_SIZE);
		Map<Long, SearchHit> byId = new HashMap<>();
		found.hits().forEach(h -> byId.put(h.articleId(), h));
		List<ArticleSummary> summaries = articles.summaries(found.hits().stream().map(SearchHit::articleId).toList());
		List<SearchResults.Result> results = cards.of(summaries).stream().map(card -> {
			SearchHit hit = byId.get(card.article().id());
			return new SearchResults.Result(card, hit.titleHtml(), hit.snippetHtml());
		}).toList();
		boolean hasNext = found.total() > (long) current * PAGE_SIZE && current < MAX_PAGE;
		List<String> didYouMean = results.isEmpty() || found.partial() ? didYouMean(text, results.isEmpty())
				: List.of();
		return new SearchResults(text, found.total(), results, current, hasNext, found.partial() && !results.isEmpty(),
				didYouMean, creatorsMeant(didYouMean));
	}

	/**
	 * The corrections that are creators' names, each with its creator (when one creator
	 * has the name).
	 */
	private List<SearchResults.CreatorMeant> creatorsMeant(List<String> didYouMean) {
		SearchSuggestions available = suggestions.getIfAvailable();
		if (available == null || didYouMean.isEmpty()) {
			return List.of();
		}
		List<SearchResults.CreatorMeant> meant = new ArrayList<>();
		for (String entry : didYouMean) {
			if (available.isCreatorName(entry)) {
				List<String> handles = creators.handlesNamed(entry, 2);
				if (!handles.isEmpty()) {
					meant.add(new SearchResults.CreatorMeant(entry, handles.size() == 1 ? handles.get(0) : null));
				}
			}
		}
		return meant;
	}

	/**
	 * Near spellings and pinyin first (静夜丝 → 静夜思, qinyuanchn → 沁园春); when nothing was
	 * found at all, titles and names containing the words typed as well.
	 */
	private List<String> didYouMean(String text, boolean nothingFound) {
		SearchSuggestions available = suggestions.getIfAvailable();
		if (available == null) {
			return List.of();
		}
		LinkedHashSet<String> found = new LinkedHashSet<>(available.didYouMean(text, 5));
		if (nothingFound && found.size() < 5) {
			available.suggest(text, 5).forEach(s -> found.add(s.text()));
		}
		found.remove(text);
		return found.stream().limit(5).toList();
	}

}
