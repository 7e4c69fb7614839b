package io.inkstone.discovery;

import java.util.List;

/** A page of search results as the search page shows them. */
public record SearchResults(String query, long total, List<Result> results, int page, boolean hasNext) {

	/** An article card plus the highlighted title and snippet (safe HTML: escaped text and mark tags). */
	public record Result(ArticleCard card, String titleHtml, String snippetHtml) {
	}

	public static SearchResults empty(String query) {
		return new SearchResults(query, 0, List.of(), 1, false);
	}

}
