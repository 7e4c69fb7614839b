package io.inkstone.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.inkstone.api.ApiViews.ArticleItem;
import io.inkstone.api.ApiViews.ArticleList;
import io.inkstone.api.ApiViews.CommentPage;
import io.inkstone.api.ApiViews.CommentView;
import io.inkstone.api.ApiViews.CreatorRef;
import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channels;
import io.inkstone.discovery.ArticleCard;
import io.inkstone.discovery.HotList;
import io.inkstone.discovery.RelatedArticles;
import io.inkstone.engagement.Comment;
import io.inkstone.engagement.Comments;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PublicUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /api/v1/hot}, {@code /api/v1/articles/{id}/related} and
 * {@code /api/v1/articles/{id}/comments}: what the article page shows around an article,
 * as JSON. Each answer carries a weak ETag of its content ({@code If-None-Match} → 304);
 * comments page by cursor like the article lists.
 */
@RestController
@Tag(name = "discovery", description = "Hot list, related articles and comments")
class DiscoveryApiController {

	static final int MAX_LIMIT = 50;

	private final HotList hot;

	private final RelatedArticles related;

	private final Comments comments;

	private final Articles articles;

	private final Channels channels;

	private final PublicUrl publicUrl;

	private final ApiLinks links;

	DiscoveryApiController(HotList hot, RelatedArticles related, Comments comments, Articles articles,
			Channels channels, PublicUrl publicUrl, ApiLinks links) {
		this.links = links;
		this.hot = hot;
		this.related = related;
		this.comments = comments;
		this.articles = articles;
		this.channels = channels;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/api/v1/hot")
	@Operation(summary = "The hot list (热点推荐), site-wide or of one channel",
			description = "Ranked as /algorithms explains; pinned and demoted items as the admins set them.")
	@ApiResponse(responseCode = "200", description = "the list")
	@ApiResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
	@ApiResponse(responseCode = "404", description = "no such channel")
	ResponseEntity<ArticleList> hot(
			@Parameter(description = "channel slug") @RequestParam(name = "channel", required = false) String channel,
			@Parameter(description = "1–50, default 10") @RequestParam(name = "limit", defaultValue = "10") int limit,
			WebRequest request) {
		checkLimit(limit);
		List<ArticleCard> cards = channel == null || channel.isBlank() ? hot.site(limit)
				: hot.channel(
						channels.find(channel.strip()).orElseThrow(() -> new NotFoundException("no channel")).id(),
						limit, Set.of());
		return answer(new ArticleList(items(cards)), Duration.ofSeconds(60), request);
	}

	@GetMapping("/api/v1/articles/{id}/related")
	@Operation(summary = "Articles related to a published article (相关推荐)")
	@ApiResponse(responseCode = "200", description = "the list")
	@ApiResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
	@ApiResponse(responseCode = "404", description = "no such public article")
	@ApiResponse(responseCode = "410", description = "taken down or deleted")
	ResponseEntity<ArticleList> related(@PathVariable long id,
			@Parameter(description = "1–50, default 10") @RequestParam(name = "limit", defaultValue = "10") int limit,
			WebRequest request) {
		checkLimit(limit);
		Article article = articles.getPublished(id);
		List<ArticleItem> items = items(related.forArticle(article.id(), limit));
		return answer(new ArticleList(items), Duration.ofSeconds(60), request);
	}

	@GetMapping("/api/v1/articles/{id}/comments")
	@Operation(summary = "The comments (跟帖) of a published article, oldest first, with their replies",
			description = "Comments hidden by the creator or by staff are left out. Keyset paging over top-level comments: "
					+ "pass the answer's next as cursor.")
	@ApiResponse(responseCode = "200", description = "a page of comments")
	@ApiResponse(responseCode = "304", description = "not modified since the ETag sent in If-None-Match")
	@ApiResponse(responseCode = "400", description = "a bad cursor or limit")
	@ApiResponse(responseCode = "404", description = "no such public article")
	@ApiResponse(responseCode = "410", description = "taken down or deleted")
	ResponseEntity<CommentPage> comments(@PathVariable long id,
			@RequestParam(name = "cursor", required = false) String cursor,
			@Parameter(description = "1–50, default 20") @RequestParam(name = "limit", defaultValue = "20") int limit,
			WebRequest request) {
		checkLimit(limit);
		boolean fromStart = cursor == null || cursor.isBlank();
		Cursor after = Cursor.parse(cursor);
		Article article = articles.getPublished(id);
		List<Comment> all = comments.of(article.id(), null, false);
		List<CommentView> page = new ArrayList<>();
		String next = null;
		Comment last = null;
		for (Comment c : all) {
			if (!fromStart && (c.createdAt() < after.publishedAt()
					|| (c.createdAt() == after.publishedAt() && c.id() <= after.id()))) {
				continue;
			}
			if (page.size() == limit) {
				next = new Cursor(last.createdAt(), last.id()).encode();
				break;
			}
			page.add(view(c));
			last = c;
		}
		return answer(new CommentPage(page, comments.count(article.id()), comments.enabled(article.id()), next),
				Duration.ZERO, request);
	}

	private CommentView view(Comment c) {
		return new CommentView(Long.toString(c.id()), c.authorName(), c.body(), ApiViews.iso(c.createdAt()), c.likes(),
				c.replies().stream().filter(r -> !r.hidden()).map(this::view).toList());
	}

	private List<ArticleItem> items(List<ArticleCard> cards) {
		Map<Long, String> pictures = links.pictures(cards.stream().map(ArticleCard::article).toList());
		return cards.stream().map(card -> item(card, pictures.get(card.article().id()))).toList();
	}

	private ArticleItem item(ArticleCard card, String picture) {
		var s = card.article();
		return new ArticleItem(Long.toString(s.id()), s.title(), s.summary(), channels.get(s.channelId()).slug(),
				new CreatorRef(card.creatorHandle(), card.creatorName(),
						publicUrl.absolute("/creators/" + card.creatorHandle())),
				ApiViews.iso(s.publishedAt()), picture, s.original(), s.aigc(),
				publicUrl.absolute("/articles/" + s.id()));
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ApiProblems.InvalidInput(Map.of("limit", "api.error.limit"));
		}
	}

	/**
	 * A weak ETag of the answer's content (records hash by value), 304 when the caller
	 * has it.
	 */
	private static <T> ResponseEntity<T> answer(T body, Duration maxAge, WebRequest request) {
		String etag = "W/\"" + Integer.toHexString(body.hashCode()) + "\"";
		CacheControl cache = maxAge.isZero() ? CacheControl.noCache().cachePublic()
				: CacheControl.maxAge(maxAge).cachePublic();
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(cache).body(body);
	}

}
