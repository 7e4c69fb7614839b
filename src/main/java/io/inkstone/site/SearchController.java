package io.inkstone.site;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.discovery.ArticleSearch;
import io.inkstone.discovery.SearchResults;
import io.inkstone.discovery.SearchStatus;
import io.inkstone.shared.BadRequestException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.SearchSuggestions;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code /search?q=}: full-text search with channel filter, relevance or time order, and
 * pages.
 */
@Controller
class SearchController {

	private final ArticleSearch search;

	private final Channels channels;

	private final Creators creators;

	private final ObjectProvider<SearchSuggestions> suggestions;

	private final SearchStatus status;

	SearchController(ArticleSearch search, Channels channels, Creators creators,
			ObjectProvider<SearchSuggestions> suggestions, SearchStatus status) {
		this.status = status;
		this.suggestions = suggestions;
		this.creators = creators;
		this.search = search;
		this.channels = channels;
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", defaultValue = "") String q,
			@RequestParam(name = "channel", defaultValue = "") String channel,
			@RequestParam(name = "sort", defaultValue = "relevance") String sort,
			@RequestParam(name = "creator", defaultValue = "") String creator,
			@RequestParam(name = "from", defaultValue = "") String from,
			@RequestParam(name = "to", defaultValue = "") String to,
			@RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		if (page < 1 || page > ArticleSearch.MAX_PAGE) {
			throw new BadRequestException("problem.search.noSuchPage");
		}
		Channel filter = channel.isBlank() ? null : channels.find(channel).orElse(null);
		boolean newest = "time".equals(sort);
		SearchFilters filters = SearchFilters.parse(creator, from, to, creators);
		SearchResults results = search.search(q, filter == null ? null : filter.id(), filters.creatorId(),
				filters.from(), filters.to(), newest, page);
		model.addAttribute("page",
				new Pages.SearchPage(results, filter == null ? "" : filter.slug(), newest ? "time" : "relevance",
						creator.strip(), from.strip(), to.strip(), titlesMeant(results),
						results.query().isEmpty() ? null : status.building().orElse(null)));
		return "search/results";
	}

	/**
	 * The corrections that are not creators' names (those have their own line, leading to
	 * the creator).
	 */
	private static List<String> titlesMeant(SearchResults results) {
		Set<String> names = results.creatorsMeant()
			.stream()
			.map(SearchResults.CreatorMeant::name)
			.collect(Collectors.toSet());
		return results.didYouMean().stream().filter(entry -> !names.contains(entry)).toList();
	}

}
