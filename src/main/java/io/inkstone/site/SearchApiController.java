package io.inkstone.site;

import java.util.List;

import io.inkstone.channels.Channels;
import io.inkstone.discovery.ArticleSearch;
import io.inkstone.discovery.SearchResults;
import io.inkstone.discovery.SearchStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.SearchSuggestions;
import io.inkstone.shared.BadRequestException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code GET /api/v1/search?q=&channel=&sort=relevance|time&page=}: the search page as
 * JSON.
 */
@RestController
@Tag(name = "search", description = "Full-text search of published articles")
class SearchApiController {

	record Hit(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title, String titleHtml, String snippetHtml,
			String creator, String creatorHandle, long publishedAt,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "site-relative") String url) {
	}

	/**
	 * {@code partial}: nothing matched well, these results share only some words;
	 * {@code didYouMean}: typos, pinyin; {@code indexBuilding}: present while the search
	 * index is still being built, when results may be incomplete.
	 */
	record Response(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String query,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long total,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int page,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hasNext,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Hit> results, boolean partial,
			List<String> didYouMean,
			@Schema(description = "present while the search index is still being built: "
					+ "articles indexed so far of all; results may be incomplete") SearchStatus.Building indexBuilding,
			@Schema(description = "the didYouMean entries that are creators' names, each with the creator's page "
					+ "(or a search for the name when several creators share it)") List<CreatorMeant> didYouMeanCreators) {
	}

	/**
	 * A creator's name the reader may have meant; {@code handle} null when several
	 * creators share the name.
	 */
	record CreatorMeant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String handle,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "site-relative") String url) {
	}

	private final ArticleSearch search;

	private final Channels channels;

	private final Creators creators;

	private final ObjectProvider<SearchSuggestions> suggestions;

	private final SearchStatus status;

	SearchApiController(ArticleSearch search, Channels channels, Creators creators,
			ObjectProvider<SearchSuggestions> suggestions, SearchStatus status) {
		this.status = status;
		this.suggestions = suggestions;
		this.creators = creators;
		this.search = search;
		this.channels = channels;
	}

	/**
	 * Suggestions for what is being typed: titles and creator names containing its words.
	 */
	@GetMapping("/api/v1/suggest")
	@Operation(summary = "Suggestions for what is being typed (titles, creator names, pinyin)")
	@ApiResponse(responseCode = "200", description = "at most 8 suggestions",
			content = @Content(mediaType = "application/json",
					array = @ArraySchema(schema = @Schema(implementation = SearchSuggestions.Suggestion.class))))
	ResponseEntity<?> suggest(@RequestParam(name = "q", defaultValue = "") String q) {
		var found = suggestions.getIfAvailable();
		return ResponseEntity.ok()
			.header("Cache-Control", "public, max-age=60")
			.body(found == null ? List.of() : found.suggest(q, 8));
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Search published articles, as the search page does")
	@ApiResponse(responseCode = "200", description = "a page of results",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = Response.class)))
	@ApiResponse(responseCode = "400", description = "a bad page number or date")
	ResponseEntity<?> search(@RequestParam(name = "q", defaultValue = "") String q,
			@RequestParam(name = "channel", defaultValue = "") String channel,
			@RequestParam(name = "sort", defaultValue = "relevance") String sort,
			@RequestParam(name = "creator", defaultValue = "") String creator,
			@RequestParam(name = "from", defaultValue = "") String from,
			@RequestParam(name = "to", defaultValue = "") String to,
			@RequestParam(name = "page", defaultValue = "1") String page) {
		int number;
		try {
			number = Integer.parseInt(page);
		}
		catch (NumberFormatException ex) {
			number = -1;
		}
		if (number < 1 || number > ArticleSearch.MAX_PAGE) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"page must be a number from 1 to " + ArticleSearch.MAX_PAGE);
			return ResponseEntity.badRequest().body(problem);
		}
		Long channelId = channel.isBlank() ? null : channels.find(channel).map(c -> c.id()).orElse(null);
		SearchFilters filters;
		try {
			filters = SearchFilters.parse(creator, from, to, creators);
		}
		catch (BadRequestException ex) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "from and to are dates: yyyy-mm-dd"));
		}
		SearchResults results = search.search(q, channelId, filters.creatorId(), filters.from(), filters.to(),
				"time".equals(sort), number);
		List<Hit> hits = results.results()
			.stream()
			.map(r -> new Hit(Long.toString(r.card().article().id()), r.card().article().title(), r.titleHtml(),
					r.snippetHtml(), r.card().creatorName(), r.card().creatorHandle(), r.card().article().publishedAt(),
					"/articles/" + r.card().article().id()))
			.toList();
		return ResponseEntity.ok(new Response(results.query(), results.total(), results.page(), results.hasNext(), hits,
				results.partial(), results.didYouMean(), status.building().orElse(null),
				results.creatorsMeant().stream().map(c -> new CreatorMeant(c.name(), c.handle(), c.link())).toList()));
	}

}
