package io.inkstone.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.api.ApiViews.ArticleDetail;
import io.inkstone.api.ApiViews.ArticleInput;
import io.inkstone.api.ApiViews.ArticleItem;
import io.inkstone.api.ApiViews.ArticlePage;
import io.inkstone.api.ApiViews.CreatorRef;
import io.inkstone.api.ApiViews.OwnArticle;
import io.inkstone.api.ApiViews.PublishInput;
import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.articles.DraftRules;
import io.inkstone.articles.EditorForm;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.media.Media;
import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.Slice;
import io.inkstone.shared.TooManyRequestsException;
import io.inkstone.web.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /api/v1/articles}: public reads of published articles, and a creator's own
 * writing. Every write goes through {@link Articles} (the studio's service: one
 * lifecycle, one review pipeline) after the studio's field rules ({@link DraftRules});
 * someone else's article answers 404, as in the studio.
 */
@RestController
@Tag(name = "articles", description = "Published articles, and your own writing")
class ArticlesApiController {

	static final int MAX_LIMIT = 50;

	private final Articles articles;

	private final Channels channels;

	private final Creators creators;

	private final Media media;

	private final ApiCaller caller;

	private final RateLimiter limits;

	private final PublicUrl publicUrl;

	private final ApiLinks links;

	private final Clock clock;

	ArticlesApiController(Articles articles, Channels channels, Creators creators, Media media, ApiCaller caller,
			RateLimiter limits, PublicUrl publicUrl, ApiLinks links, Clock clock) {
		this.clock = clock;
		this.links = links;
		this.articles = articles;
		this.channels = channels;
		this.creators = creators;
		this.media = media;
		this.caller = caller;
		this.limits = limits;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/api/v1/articles")
	@Operation(summary = "List published articles, newest first",
			description = "At most one filter of channel, creator and tag. Keyset paging: pass the answer's next as cursor.")
	ResponseEntity<ArticlePage> list(
			@Parameter(description = "channel slug") @RequestParam(name = "channel", required = false) String channel,
			@Parameter(description = "creator handle") @RequestParam(name = "creator", required = false) String creator,
			@Parameter(description = "a tag, exactly") @RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "cursor", required = false) String cursor,
			@Parameter(description = "1–50, default 20") @RequestParam(name = "limit", defaultValue = "20") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ApiProblems.InvalidInput(Map.of("limit", "api.error.limit"));
		}
		int filters = (blank(channel) ? 0 : 1) + (blank(creator) ? 0 : 1) + (blank(tag) ? 0 : 1);
		if (filters > 1) {
			throw new ApiProblems.InvalidInput(Map.of("channel", "api.error.oneFilter"));
		}
		Cursor after = Cursor.parse(cursor);
		Slice<ArticleSummary> slice;
		if (!blank(channel)) {
			slice = articles.latestInChannel(
					channels.find(channel.strip()).orElseThrow(() -> new NotFoundException("no channel")).id(), after,
					limit);
		}
		else if (!blank(creator)) {
			slice = articles.latestByCreator(creators.get(creator.strip()).id(), after, limit);
		}
		else if (!blank(tag)) {
			slice = articles.latestWithTag(tag, after, limit);
		}
		else {
			slice = articles.latest(after, limit);
		}
		var byId = creators.getAll(slice.items().stream().map(ArticleSummary::creatorId).distinct().toList());
		Map<Long, String> pictures = links.pictures(slice.items());
		List<ArticleItem> items = slice.items()
			.stream()
			.map(s -> item(s, byId.get(s.creatorId()), pictures.get(s.id())))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
			.body(new ArticlePage(items, slice.hasNext() ? slice.next().encode() : null));
	}

	@GetMapping("/api/v1/articles/{id}")
	@Operation(summary = "One article",
			description = "Published articles are public. Its creator also gets drafts and pending articles, with the Markdown source.")
	@ApiResponse(responseCode = "200", description = "the article")
	@ApiResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
	@ApiResponse(responseCode = "404", description = "no such public article (or not yours)")
	@ApiResponse(responseCode = "410", description = "taken down or deleted")
	ResponseEntity<ArticleDetail> get(@PathVariable long id, WebRequest request) {
		Optional<Creator> me = caller.creatorIfAny();
		Article article = me.flatMap(c -> owned(id, c.id())).orElseGet(() -> articles.getPublished(id));
		boolean owner = me.isPresent() && me.get().id() == article.creatorId();
		String etag = "\"" + article.id() + "-" + article.updatedAt() + "-" + article.status().dbValue()
				+ (owner ? "-o" : "") + "\"";
		CacheControl cache = owner ? CacheControl.noStore() : CacheControl.noCache().cachePublic();
		// the owner sees more (drafts, Markdown): caches must key on the credentials
		if (!owner && request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).varyBy("Authorization", "Cookie").build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(cache)
			.varyBy("Authorization", "Cookie")
			.body(detail(article, owner));
	}

	@GetMapping("/api/v1/me/articles")
	@Operation(summary = "Your own articles in every state, most recently changed first",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<List<OwnArticle>> mine() {
		Creator me = caller.reader();
		List<OwnArticle> rows = articles.ofCreator(me.id())
			.stream()
			.map(r -> new OwnArticle(Long.toString(r.id()), r.title(), r.status().dbValue(),
					r.status() == ArticleStatus.PUBLISHED ? ApiViews.iso(r.publishedAt()) : null,
					ApiViews.iso(r.updatedAt()), ApiViews.iso(r.publishAt()),
					publicUrl.absolute("/articles/" + r.id())))
			.toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rows);
	}

	@PostMapping("/api/v1/articles")
	@Operation(summary = "Create a draft", security = @SecurityRequirement(name = "bearer"),
			description = "The same rules as the studio's editor; new drafts share the studio's hourly limit.")
	@ApiResponse(responseCode = "201", description = "created; Location names it")
	@ApiResponse(responseCode = "400", description = "field errors in errors[]")
	ResponseEntity<ArticleDetail> create(@RequestBody ArticleInput input) {
		Creator me = caller.writer();
		EditorForm form = form(input, null);
		checked(form, me);
		long wait = limits.tryAcquire(DraftRules.newDraftBucket(me.id()), DraftRules.NEW_DRAFTS_PER_HOUR,
				Duration.ofHours(1));
		if (wait > 0) {
			throw new TooManyRequestsException(wait);
		}
		long id = articles.createDraft(me.id(), DraftRules.toDraft(form, channels));
		return ResponseEntity.created(URI.create(publicUrl.absolute("/api/v1/articles/" + id)))
			.cacheControl(CacheControl.noStore())
			.body(detail(articles.ownedBy(id, me.id()), true));
	}

	@PatchMapping("/api/v1/articles/{id}")
	@Operation(summary = "Change an article; absent fields keep their value",
			description = "Editing a published article keeps its history, as in the studio (with an optional correction note).",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<ArticleDetail> update(@PathVariable long id, @RequestBody ArticleInput input) {
		Creator me = caller.writer();
		Article current = articles.ownedBy(id, me.id());
		EditorForm form = form(input, current);
		checked(form, me);
		articles.update(id, me.id(), DraftRules.toDraft(form, channels), form.correction());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(detail(articles.ownedBy(id, me.id()), true));
	}

	@PostMapping("/api/v1/articles/{id}/publish")
	@Operation(summary = "Publish now, or schedule a draft",
			description = "Publishing goes through the platform's checks: the answer's status is published, or pending when the article is held for review.",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<ArticleDetail> publish(@PathVariable long id, @RequestBody(required = false) PublishInput input,
			HttpServletRequest request) {
		Creator me = caller.writer();
		articles.ownedBy(id, me.id());
		if (input != null && !blank(input.publishAt())) {
			long at;
			try {
				at = Instant.parse(input.publishAt().strip()).toEpochMilli();
			}
			catch (DateTimeParseException ex) {
				throw new ApiProblems.InvalidInput(Map.of("publishAt", "studio.error.publishAt"));
			}
			if (!DraftRules.schedulable(at, clock.millis())) {
				throw new ApiProblems.InvalidInput(Map.of("publishAt", "studio.error.publishAt"));
			}
			articles.schedule(id, me.id(), at);
		}
		else {
			// exactly the studio's 发布: record where from, publish (or hold for review); a
			// schedule is dropped
			creators.recordLocation(me.id(), request.getRemoteAddr());
			articles.publish(id, me.id());
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(detail(articles.ownedBy(id, me.id()), true));
	}

	@PostMapping("/api/v1/articles/{id}/unschedule")
	@Operation(summary = "Cancel your draft's scheduled publication",
			description = "The draft stays a draft without a time; a draft without one is left as it is.",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<ArticleDetail> unschedule(@PathVariable long id) {
		Creator me = caller.writer();
		articles.schedule(id, me.id(), null);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(detail(articles.ownedBy(id, me.id()), true));
	}

	@PostMapping("/api/v1/articles/{id}/unpublish")
	@Operation(summary = "Take your published article back to draft",
			description = "A draft scheduled for publication is taken back too: its schedule is cancelled.",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<ArticleDetail> unpublish(@PathVariable long id) {
		Creator me = caller.writer();
		articles.unpublish(id, me.id());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(detail(articles.ownedBy(id, me.id()), true));
	}

	@DeleteMapping("/api/v1/articles/{id}")
	@Operation(summary = "Delete your article",
			description = "As in the studio: it leaves the site (410) and your list; an admin can restore it.",
			security = @SecurityRequirement(name = "bearer"))
	@ApiResponse(responseCode = "204", description = "deleted")
	ResponseEntity<Void> delete(@PathVariable long id) {
		Creator me = caller.writer();
		articles.delete(id, me.id());
		return ResponseEntity.noContent().build();
	}

	private Optional<Article> owned(long id, long creatorId) {
		try {
			return Optional.of(articles.ownedBy(id, creatorId));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The studio's field rules, plus: a cover must be one of the caller's own uploads.
	 */
	private void checked(EditorForm form, Creator me) {
		Map<String, String> errors = new TreeMap<>(DraftRules.validate(form, channels));
		if (!form.cover().isBlank() && !media.ownsUrl(me.id(), form.cover().strip())) {
			errors.put("cover", "studio.error.cover");
		}
		if (!errors.isEmpty()) {
			throw new ApiProblems.InvalidInput(errors);
		}
	}

	/**
	 * The input over the current article's values (PATCH), or over the editor's defaults
	 * (create).
	 */
	private EditorForm form(ArticleInput input, Article current) {
		if (input == null) {
			throw new BadRequestException("problem.api.jsonBodyRequired");
		}
		String channel = input.channel() != null ? input.channel()
				: current != null ? channels.get(current.channelId()).slug() : "";
		String tags = input.tags() != null ? String.join(",", input.tags())
				: current != null && current.tags() != null ? current.tags() : "";
		boolean original = input.original() != null ? input.original() : current == null || current.original();
		return new EditorForm(pick(input.title(), current == null ? null : current.title()),
				pick(links.ownInMarkdown(input.body()), current == null ? null : current.bodyMarkdown()), channel, tags,
				original, pick(input.aigc(), current == null ? "none" : current.aigc()),
				pick(input.source(), current == null ? null : current.source()),
				pick(input.summary(), current == null ? null : current.summary()),
				pick(links.own(input.cover()), current == null ? null : current.coverImage()),
				pick(input.correction(), null));
	}

	private static String pick(String given, String current) {
		return given != null ? given : current == null ? "" : current;
	}

	private ArticleItem item(ArticleSummary s, Creator creator, String picture) {
		return new ArticleItem(Long.toString(s.id()), s.title(), s.summary(), channels.get(s.channelId()).slug(),
				ref(creator), ApiViews.iso(s.publishedAt()), picture, s.original(), s.aigc(),
				publicUrl.absolute("/articles/" + s.id()));
	}

	private ArticleDetail detail(Article a, boolean owner) {
		Creator creator = creators.get(a.creatorId());
		boolean published = a.articleStatus() == ArticleStatus.PUBLISHED;
		return new ArticleDetail(Long.toString(a.id()), a.title(), a.summary(), a.status().dbValue(),
				channels.get(a.channelId()).slug(), ref(creator), a.tagList(), a.original(), a.aigc(), a.source(),
				links.picture(a), published ? ApiViews.iso(a.publishedAt()) : null, ApiViews.iso(a.modifiedAt()),
				owner ? ApiViews.iso(articles.scheduledAt(a.id())) : null, links.html(a.bodyHtml()),
				owner ? a.bodyMarkdown() : null, publicUrl.absolute("/articles/" + a.id()));
	}

	private CreatorRef ref(Creator c) {
		return c == null ? null
				: new CreatorRef(c.handle(), c.displayName(), publicUrl.absolute("/creators/" + c.handle()));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
