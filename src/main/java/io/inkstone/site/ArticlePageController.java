package io.inkstone.site;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.inkstone.articles.Article;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creators;
import io.inkstone.discovery.HotList;
import io.inkstone.discovery.RelatedArticles;
import io.inkstone.engagement.Engagement;
import io.inkstone.engagement.Referrals;
import io.inkstone.shared.DatabaseBusy;
import io.inkstone.shared.QrCodes;
import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;
import org.springframework.context.event.EventListener;
import io.inkstone.shared.ReaderKey;
import io.inkstone.web.ChannelStrip;
import io.inkstone.web.Ui;
import io.inkstone.web.UiFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inkstone.creators.Creator;
import io.inkstone.discovery.CoReads;
import io.inkstone.engagement.Comments;
import io.inkstone.engagement.ReadingHistory;
import io.inkstone.engagement.SavedArticles;
import io.inkstone.feed.Interests;
import io.inkstone.governance.AiLabels;
import io.inkstone.articles.ArticlePictures;
import io.inkstone.shared.Picture;
import io.inkstone.shared.PublicUrl;
import io.inkstone.shared.SignedIn;
import io.inkstone.web.SharedPage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.ObjectMapper;

/** {@code /articles/{id}}: the reference page of the platform, and sharing. */
@Controller
class ArticlePageController {

	private static final Logger log = LoggerFactory.getLogger(ArticlePageController.class);

	static final int RELATED_SIZE = 6;

	static final int HOT_SIZE = 8;

	private final Articles articles;

	private final Channels channels;

	private final Creators creators;

	private final Engagement engagement;

	private final RelatedArticles related;

	private final HotList hot;

	private final SiteParts parts;

	private final Comments comments;

	private final UiFactory ui;

	private final SiteSettings properties;

	private final AiLabels aiLabels;

	private final Interests interests;

	private final CoReads coReads;

	private final RenderedArticlePages rendered;

	private final ReaderBeaconController beacon;

	private final PublicUrl publicUrl;

	private final ArticlePictures pictures;

	/**
	 * The site logo: a path on this site or an absolute http(s) URL
	 * ({@code inkstone.site-logo}).
	 */
	private final String siteLogo;

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final SavedArticles saved;

	private final ReadingHistory history;

	ArticlePageController(SavedArticles saved, ReadingHistory history, Articles articles, Channels channels,
			Creators creators, Engagement engagement, RelatedArticles related, HotList hot, SiteParts parts,
			Comments comments, UiFactory ui, SiteSettings properties, AiLabels aiLabels, Interests interests,
			CoReads coReads, RenderedArticlePages rendered, PublicUrl publicUrl, ReaderBeaconController beacon,
			ArticlePictures pictures, SiteProperties site) {
		this.saved = saved;
		this.history = history;
		this.pictures = pictures;
		this.siteLogo = site.siteLogo();
		this.beacon = beacon;
		this.publicUrl = publicUrl;
		this.rendered = rendered;
		this.coReads = coReads;
		this.interests = interests;
		this.aiLabels = aiLabels;
		this.comments = comments;
		this.articles = articles;
		this.channels = channels;
		this.creators = creators;
		this.engagement = engagement;
		this.related = related;
		this.hot = hot;
		this.parts = parts;
		this.ui = ui;
		this.properties = properties;
	}

	@GetMapping("/articles/{id}")
	ResponseEntity<byte[]> show(@PathVariable long id, @RequestParam(name = "shared", required = false) String shared,
			HttpServletRequest request, WebRequest webRequest) {
		Article article = articles.getPublished(id);
		Channel channel = channels.get(article.channelId());
		// a shared page is the same for everyone: its read is counted by the page's
		// beacon (ReaderBeaconController);
		// a personal page (signed in, or an address the shared page does not cover)
		// counts here as before, and
		// the beacon it also sends is the same reader's second view of the day, which
		// does not count again
		boolean sharedPage = SharedPage.is(request);
		String reader = sharedPage ? null : ReaderKey.of(request);
		if (!sharedPage) {
			try {
				// a personal page sees its own Referer: where this reader came from
				beacon.count(article, reader, request,
						beacon.referral(Referrals.hostOf(request.getHeader("Referer")), campaign(request), request));
				// 阅读历史: signed-in readers only (a shared page is never a signed-in
				// reader's)
				SignedIn.current().ifPresent(account -> history.record(account.accountId(), id));
			}
			catch (RuntimeException ex) {
				// the database busy past its timeout (an import on SQLite): the page is
				// still shown, and the beacon it sends counts the read
				if (!DatabaseBusy.is(ex)) {
					throw ex;
				}
				log.info("Read of article {} not recorded while rendering, database busy", id);
			}
		}
		Ui u = ui.of(request);
		String disclaimer = properties.disclaimer(u.english());
		Creator creator = creators.get(article.creatorId());
		boolean aiSuspected = aiLabels.suspected(id);
		Pages.LinkPreview preview = preview(article, channel, creator);
		Pages.ArticlePage page = new Pages.ArticlePage(article, channel, parts.card(creator, reader, 5),
				engagement.counts(id), shared != null, shareUrl(id), disclaimer, related.forArticle(id, RELATED_SIZE),
				hot.site(HOT_SIZE, Set.of(id)), u.care() ? "" : parts.headlinesHtml(u), comments(article, reader),
				articles.corrections(id), aiSuspected, jsonLd(article, creator, aiSuspected, preview, u), preview);
		// The ETag covers everything the page shows, computed from the model: a
		// revalidation that
		// matches answers 304 without rendering. (Shared pages get a strong ETag from the
		// page store.)
		List<ChannelStrip.Link> nav = parts.links();
		RenderedArticlePages.Key key = RenderedArticlePages.Key.of(page, u, nav);
		if (!sharedPage && webRequest.checkNotModified(etag(page, u, key, hot.version()))) {
			return null;
		}
		return ResponseEntity.ok().contentType(HTML).body(rendered.render(page, u, nav, key));
	}

	/** The landing URL's campaign tag: utm_medium, else utm_source. */
	private static String campaign(HttpServletRequest request) {
		String medium = request.getParameter("utm_medium");
		return medium != null ? medium : request.getParameter("utm_source");
	}

	private Pages.CommentsView comments(Article article, String reader) {
		var me = SignedIn.current();
		boolean author = me.flatMap(a -> creators.ofAccount(a.accountId()))
			.map(c -> c.id() == article.creatorId())
			.orElse(false);
		return new Pages.CommentsView(comments.of(article.id(), me.map(a -> a.accountId()).orElse(null), author),
				comments.count(article.id()), comments.enabled(article.id()), author, me.isPresent(),
				comments.articleLikes(article.id()), reader != null && comments.likes(article.id(), reader),
				me.isPresent() && saved.isSaved(me.get().accountId(), article.id()));
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Schema.org metadata plus the implicit AI label (人工智能生成合成内容标识办法 Art. 5: generation
	 * attribute, platform, content id) for articles declared or suspected AI-generated,
	 * its text the label the page shows ({@code aigc.<kind>}, in the page's language).
	 * Safe inside a script element.
	 */
	String jsonLd(Article article, Creator creator, boolean aiSuspected, Pages.LinkPreview preview, Ui u) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("headline", article.title());
		data.put("url", preview.canonical());
		data.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", preview.canonical()));
		if (preview.image() != null) {
			data.put("image", List.of(preview.image()));
		}
		data.put("datePublished", preview.publishedTime());
		data.put("dateModified", preview.modifiedTime());
		data.put("author", Map.of("@type", "Person", "name", creator.displayName(), "url", preview.authorUrl()));
		data.put("publisher", Map.of("@type", "Organization", "name", properties.siteName(), "url",
				publicUrl.absolute("/"), "logo", Map.of("@type", "ImageObject", "url", preview.logo())));
		if (!article.tagList().isEmpty()) {
			data.put("keywords", String.join(",", article.tagList()));
		}
		if (!"none".equals(article.aigc()) || aiSuspected) {
			Map<String, Object> aigc = new LinkedHashMap<>();
			aigc.put("Label", "generated".equals(article.aigc()) ? "1"
					: aiSuspected && "none".equals(article.aigc()) ? "3" : "2");
			aigc.put("LabelText", u.t("generated".equals(article.aigc()) ? "aigc.generated"
					: "assisted".equals(article.aigc()) ? "aigc.assisted" : "aigc.suspected"));
			aigc.put("ContentProducer", properties.siteName());
			aigc.put("ProduceID", Long.toString(article.id()));
			aigc.put("ContentPropagator", properties.siteName());
			aigc.put("PropagateID", Long.toString(article.id()));
			data.put("AIGC", aigc);
		}
		return scriptSafe(JSON.writeValueAsString(data));
	}

	private static Map<String, Object> crumb(int position, String name, String url) {
		return Map.of("@type", "ListItem", "position", position, "name", name, "item", url);
	}

	/**
	 * JSON that can sit inside a script element whatever its strings hold: {@code <},
	 * {@code >} and {@code &} (and the JavaScript line separators) become {@code \\u}
	 * escapes, so neither {@code </script>} nor {@code <!--<script>} in a title can end
	 * or swallow the element. Outside strings JSON has none of them.
	 */
	static String scriptSafe(String json) {
		StringBuilder out = new StringBuilder(json.length() + 16);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Everything the page shows (the render cache's key) plus the holes and the reader:
	 * equal pages, equal tags.
	 */
	static String etag(Pages.ArticlePage page, Ui u, RenderedArticlePages.Key key, int hotVersion) {
		int hash = Objects.hash(key, page.counts(), hotVersion, u.csrfToken(), u.account());
		return "W/\"" + Integer.toHexString(hash) + "\"";
	}

	/**
	 * Counts a share (once per reader and day). Forms get a redirect back to the page
	 * with the share panel open; scripts asking for JSON get the new count.
	 */
	@PostMapping("/articles/{id}/share")
	Object share(@PathVariable long id, @RequestHeader(name = "Accept", defaultValue = "") String accept,
			HttpServletRequest request) {
		Article article = articles.getPublished(id);
		boolean counted = engagement.recordShare(ReaderKey.of(request), request.getRemoteAddr(),
				ReaderKey.isBot(request), id, article.channelId());
		if (accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
			return ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(Map.of("shares", engagement.counts(id).shares(), "counted", counted, "url", shareUrl(id)));
		}
		return "redirect:/articles/" + id + "?shared=1#share";
	}

	/** A QR code of the article's link, for sharing from a desktop to a phone. */
	@GetMapping(value = "/articles/{id}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable long id) {
		articles.getPublished(id);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(QrCodes.svg(shareUrl(id), null));
	}

	/**
	 * Share images per article version: finding the body's first image parses the body.
	 */
	private final Cache<Article, String> shareImages = Caffeine.newBuilder().maximumSize(5_000).build();

	/** The public address or the logo may have changed: share images are absolute. */
	@EventListener
	void on(SiteSettingsChanged changed) {
		shareImages.invalidateAll();
	}

	/**
	 * Canonical address, share image and Open Graph facts, all absolute from the public
	 * address.
	 */
	Pages.LinkPreview preview(Article article, Channel channel, Creator creator) {
		String logo = logo();
		String image = shareImages.get(article, a -> shareImage(a).orElse(logo));
		return new Pages.LinkPreview(shareUrl(article.id()), image,
				publicUrl.absolute("/creators/" + Pages.pathSegment(creator.handle())), channel.name(),
				Instant.ofEpochMilli(article.publishedAt()).toString(),
				Instant.ofEpochMilli(Math.max(article.modifiedAt(), article.publishedAt())).toString(), logo,
				breadcrumbLd(article, channel));
	}

	/** JSON-LD {@code BreadcrumbList}: home → channel → article. */
	String breadcrumbLd(Article article, Channel channel) {
		Map<String, Object> breadcrumb = new LinkedHashMap<>();
		breadcrumb.put("@context", "https://schema.org");
		breadcrumb.put("@type", "BreadcrumbList");
		breadcrumb.put("itemListElement",
				List.of(crumb(1, properties.siteName(), publicUrl.absolute("/")),
						crumb(2, channel.name(), publicUrl.absolute("/channels/" + Pages.pathSegment(channel.slug()))),
						crumb(3, article.title(), shareUrl(article.id()))));
		return scriptSafe(JSON.writeValueAsString(breadcrumb));
	}

	/** The site logo as an absolute URL. */
	String logo() {
		String configuredLogo = siteLogo == null || siteLogo.isBlank() ? "/img/logo.png" : siteLogo.strip();
		// an uploaded logo (at /admin/settings) wins over the configured one
		String logo = properties.value(SiteSettings.SITE_LOGO).map(key -> "/media/" + key).orElse(configuredLogo);
		return logo.startsWith("/") && !logo.startsWith("//") ? publicUrl.absolute(logo) : logo;
	}

	/**
	 * The article's picture ({@link ArticlePictures}: the site's own media of at least
	 * 300 px each way, WeChat's rule for link cards) as an absolute URL; else none (the
	 * caller falls back to the site logo).
	 */
	Optional<String> shareImage(Article article) {
		return pictures.of(article).map(Picture::src).flatMap(this::absolute);
	}

	private Optional<String> absolute(String src) {
		if (src.startsWith("/") && !src.startsWith("//")) {
			return Optional.of(publicUrl.absolute(src));
		}
		return src.startsWith("https://") || src.startsWith("http://") ? Optional.of(src) : Optional.empty();
	}

	/**
	 * From the configured public address, never the request's Host: the QR code is cached
	 * for a day.
	 */
	private String shareUrl(long id) {
		return publicUrl.absolute("/articles/" + id);
	}

}
