package io.inkstone.discovery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of search results as the search page shows them. {@code partial}: nothing
 * matched well and these results only share some words with the query;
 * {@code didYouMean}: what the reader may have meant (typos, pinyin), offered when the
 * results are partial or none; {@code creatorsMeant}: those of them that are creators'
 * names, with where each leads.
 */
public record SearchResults(String query, long total, List<Result> results, int page, boolean hasNext, boolean partial,
		List<String> didYouMean, List<CreatorMeant> creatorsMeant) {

	public SearchResults(String query, long total, List<Result> results, int page, boolean hasNext) {
		this(query, total, results, page, hasNext, false, List.of(), List.of());
	}

	/**
	 * A creator's name the reader may have meant; {@code handle} is the creator's when
	 * one creator has that name, null when several share it (then a search for the name
	 * finds them all).
	 */
	public record CreatorMeant(String name, @Nullable String handle) {

		/** The creator's page, or a search for the name when several share it. */
		public String link() {
			return handle == null ? "/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
					: "/creators/" + handle;
		}

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
