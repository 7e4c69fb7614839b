package io.inkstone.discovery;

import java.util.List;

/**
 * A page of search results as the search page shows them. {@code partial}: nothing
 * matched well and these results only share some words with the query;
 * {@code didYouMean}: what the reader may have meant (typos, pinyin), offered when the
 * results are partial or none.
 */
public record SearchResults(String query, long total, List<Result> results, int page, boolean hasNext, boolean partial,
		List<String> didYouMean) {

	public SearchResults(String query, long total, List<Result> results, int page, boolean hasNext) {
		this(query, total, results, page, hasNext, false, List.of());
	}

	/**
	 * An article card plus the highlighted title and snippet (safe HTML: escaped text and
	 * mark tags).
	 */
	public record Result(ArticleCard card, String titleHtml, String snippetHtml) {
	}

	public static SearchResults empty(String query) {
		return new SearchResults(query, 0, List.of(), 1, false);
	}

}
