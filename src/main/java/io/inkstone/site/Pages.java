package io.inkstone.site;

import java.util.List;

import io.inkstone.articles.Article;
import io.inkstone.channels.Channel;
import io.inkstone.discovery.ArticleCard;
import io.inkstone.engagement.Counts;
import io.inkstone.web.Ui;
import io.inkstone.articles.Correction;
import io.inkstone.creators.Creator;
import io.inkstone.creators.CreatorApplication;
import io.inkstone.discovery.HotEntry;
import io.inkstone.discovery.SearchResults;
import io.inkstone.discovery.SearchStatus;
import org.jspecify.annotations.Nullable;
import io.inkstone.engagement.Comment;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.web.util.UriUtils;

/** The page-model records, one per template. */
public final class Pages {

	private Pages() {
	}

	public record ArticlePage(Article article, Channel channel, CreatorCard card, Counts counts, boolean shared,
			String shareUrl, String disclaimer, List<ArticleCard> related, List<ArticleCard> hot, String headlinesHtml,
			CommentsView comments, List<Correction> corrections, boolean aiSuspected, String jsonLd,
			LinkPreview preview) {
	}

	/**
	 * What link previews, crawlers and readers' apps read from an article page's head:
	 * the canonical address (no query), Open Graph and Twitter card fields. Every URL is
	 * absolute, from {@code inkstone.public-url}. {@code image} is the share image (the
	 * cover, else the body's first image) or null.
	 */
	/**
	 * @param image the share image (cover, else the first own body image of at least 300
	 * px, else the site logo)
	 * @param logo the site logo (absolute): JSON-LD's publisher.logo, and the share image
	 * of last resort
	 * @param breadcrumbLd JSON-LD {@code BreadcrumbList} home → channel → article, safe
	 * inside a script element
	 */
	public record LinkPreview(String canonical, String image, String authorUrl, String section, String publishedTime,
			String modifiedTime, String logo, String breadcrumbLd) {

		/**
		 * Whether the share image is a picture of the article (large card) rather than
		 * the site logo (small card).
		 */
		public boolean articleImage() {
			return image != null && !image.equals(logo);
		}

		/**
		 * The English version of the page (the UI language is a query parameter over the
		 * same content).
		 */
		public String english() {
			return canonical + "?lang=en";
		}

	}

	/**
	 * {@code followed}: the creators this reader follows, by name (each with an unfollow
	 * button).
	 */
	public record FollowingPage(int creators, List<ArticleCard> articles, String next, List<Creator> followed) {
	}

	/** 跟帖 and likes under an article, as this viewer sees them. */
	public record CommentsView(List<Comment> items, long count, boolean enabled, boolean author, boolean signedIn,
			long likes, boolean liked, boolean saved) {
	}

	/**
	 * 阅读历史: {@code on} whether it is recorded; the articles, most recently read first.
	 */
	public record HistoryPage(boolean on, List<ArticleCard> articles) {
	}

	/** 收藏: the signed-in reader's saved articles. */
	public record SavedPage(List<ArticleCard> articles) {
	}

	public record HomePage(String headlinesHtml, List<ArticleCard> hot, List<OriginalTab> originals,
			List<ArticleCard> latest, String next, int number) {
	}

	public record ChannelPage(Channel channel, List<ArticleCard> articles, String next, List<ArticleCard> hot,
			String headlinesHtml, int number) {
	}

	/** {@code canonical}: the absolute address of the tag's first page. */
	public record TagPage(String tag, List<ArticleCard> articles, String next, boolean firstPage, String canonical,
			int number) {
	}

	/** {@code value} percent-encoded as one path segment. */
	/**
	 * A way back to one of our own pages (a path on this site, not {@code //host} or a
	 * control character).
	 */
	static boolean isLocalPath(String back) {
		return back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && back.length() < 300
				&& back.chars().noneMatch(c -> c < 0x20);
	}

	public static String pathSegment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	/**
	 * Whether a tag can have a page: an encoded slash, backslash, percent or semicolon is
	 * refused by the request firewall before it reaches a controller, and
	 * {@code .}/{@code ..} would be path segments.
	 */
	public static boolean linkableTag(String tag) {
		return !tag.isEmpty() && !tag.equals(".") && !tag.equals("..")
				&& tag.chars().noneMatch(c -> "/\\%;".indexOf(c) >= 0);
	}

	/** The path of a tag's page, the tag percent-encoded as one path segment. */
	public static String tagPath(String tag) {
		return "/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
	}

	/**
	 * {@code organisation}: the disclosed entity details (cn-mainland profile), or null.
	 */
	public record CreatorPage(CreatorCard card, List<ArticleCard> articles, String next, boolean firstPage,
			CreatorApplication organisation, int number, String sort) {

		public boolean hot() {
			return "hot".equals(sort);
		}

	}

	/**
	 * The number of a listing page, for its title ("第 2 页"): 1 on the first page (no
	 * cursor), else the {@code p} the previous page's next link carries (keyset pages
	 * have no number of their own); a missing or odd {@code p} on a later page counts as
	 * 2. Only ever shown, never used to find rows.
	 */
	public static int pageNumber(String after, String p) {
		if (after == null || after.isBlank()) {
			return 1;
		}
		try {
			int n = Integer.parseInt(p == null ? "" : p.strip());
			return n >= 2 && n <= 100_000 ? n : 2;
		}
		catch (NumberFormatException ex) {
			return 2;
		}
	}

	/**
	 * {@code building}: the search index is still being built (results may be
	 * incomplete), or null.
	 */
	public record SearchPage(SearchResults results, String channel, String sort, String creator, String from, String to,
			List<String> suggestions, SearchStatus.@Nullable Building building) {

		/** The link to another page of the same search. */
		public String pageLink(int number) {
			Function<String, String> enc = v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
			return "/search?q=" + enc.apply(results.query()) + (channel.isEmpty() ? "" : "&channel=" + channel)
					+ "&sort=" + sort + (creator.isEmpty() ? "" : "&creator=" + enc.apply(creator))
					+ (from.isEmpty() ? "" : "&from=" + from) + (to.isEmpty() ? "" : "&to=" + to) + "&page=" + number;
		}
	}

	/** An original-content tab (本地, 旅游 …) and its latest 原创 articles. */
	public record OriginalTab(Channel channel, List<ArticleCard> items) {
	}

	/** 热榜: the site's ({@code channel} null) or one channel's list. */
	public record HotPage(Channel channel, List<HotEntry> entries) {
	}

	/** The model of the cached headlines fragment. */
	public record Headlines(Ui ui, List<HeadlineBlock> blocks) {
	}

	/**
	 * The one-click confirmation of a reader action sent from a shared page without a
	 * token (no JavaScript). {@code like}: for a like, whether it likes (true) or takes
	 * the like back (false); null for other actions.
	 */
	public record ConfirmPage(String action, String kind, String back, Boolean like) {
	}

}
