package io.inkstone.syndication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.articles.ArticlePictures;
import io.inkstone.shared.Picture;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.governance.AiLabels;
import io.inkstone.shared.Cursor;
import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.PublicUrl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * RSS 2.0 and Atom 1.0 feeds built with ROME. A built feed is kept for {@link #TTL} (and
 * dropped on any article change on this node), so a feed reader polling every minute, or
 * a thousand of them, costs one query and one render per feed and half minute.
 */
@Service
class Feeds {

	static final Duration TTL = Duration.ofSeconds(30);

	/** Feeds are written in the site's language. */
	static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

	enum Format {

		RSS("rss_2.0", "application/rss+xml;charset=UTF-8"), ATOM("atom_1.0", "application/atom+xml;charset=UTF-8");

		final String rome;

		final String contentType;

		Format(String rome, String contentType) {
			this.rome = rome;
			this.contentType = contentType;
		}

	}

	/** What a feed covers: the site, a channel, a creator or a tag. */
	record Scope(String kind, String key) {

		static final Scope SITE = new Scope("site", "");

	}

	/** A rendered feed: its UTF-8 bytes, strong ETag and last change (epoch millis). */
	record Rendered(byte[] body, String etag, long lastModified) {
	}

	private final Articles articles;

	private final Channels channels;

	private final Creators creators;

	private final AiLabels aiLabels;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final SiteSettings properties;

	private final FeedProperties feeds;

	private final ArticlePictures pictures;

	private final Cache<String, Rendered> cache = Caffeine.newBuilder()
		.expireAfterWrite(TTL)
		.maximumSize(2_000)
		.build();

	Feeds(Articles articles, Channels channels, Creators creators, AiLabels aiLabels, PublicUrl publicUrl,
			MessageSource messages, SiteSettings properties, FeedProperties feeds, ArticlePictures pictures) {
		this.pictures = pictures;
		this.articles = articles;
		this.channels = channels;
		this.creators = creators;
		this.aiLabels = aiLabels;
		this.publicUrl = publicUrl;
		this.messages = messages;
		this.properties = properties;
		this.feeds = feeds;
	}

	/**
	 * The feed, from the cache when it is fresh; 404 for an unknown channel, creator or
	 * tag.
	 */
	Rendered feed(Scope scope, Format format) {
		return cache.get(format + ":" + scope.kind() + ":" + scope.key(), k -> build(scope, format));
	}

	@EventListener
	void on(ArticleChangeCommitted changed) {
		cache.invalidateAll();
	}

	/** The site name is in every document. */
	@EventListener
	void on(SiteSettingsChanged changed) {
		cache.invalidateAll();
	}

	private Rendered build(Scope scope, Format format) {
		int size = feeds.size();
		String site = properties.siteName();
		String title;
		String description;
		String htmlPath;
		String feedPath;
		List<ArticleSummary> items;
		switch (scope.kind()) {
			case "channel" -> {
				Channel channel = channels.get(scope.key());
				title = t("feeds.channel.title", channel.name(), site);
				description = t("feeds.channel.description", channel.name(), site);
				htmlPath = "/channels/" + channel.slug();
				feedPath = htmlPath + "/feed.xml";
				items = articles.latestInChannel(channel.id(), Cursor.START, size).items();
			}
			case "creator" -> {
				Creator creator = creators.get(scope.key());
				title = t("feeds.creator.title", creator.displayName(), site);
				description = creator.tagline() == null || creator.tagline().isBlank()
						? t("feeds.creator.description", creator.displayName(), site) : creator.tagline();
				htmlPath = "/creators/" + segment(creator.handle());
				feedPath = htmlPath + "/feed.xml";
				items = articles.latestByCreator(creator.id(), Cursor.START, size).items();
			}
			case "tag" -> {
				items = articles.latestWithTag(scope.key(), Cursor.START, size).items();
				if (items.isEmpty()) {
					throw new NotFoundException("no such tag");
				}
				title = t("feeds.tag.title", scope.key(), site);
				description = t("feeds.tag.description", scope.key(), site);
				htmlPath = "/tags/" + segment(scope.key());
				feedPath = htmlPath + "/feed.xml";
			}
			default -> {
				title = site;
				description = t("feeds.site.description", site);
				htmlPath = "/";
				feedPath = format == Format.ATOM ? "/atom.xml" : "/feed.xml";
				items = articles.latest(Cursor.START, size).items();
			}
		}
		List<Article> full = new ArrayList<>();
		for (ArticleSummary s : items) {
			articles.find(s.id()).filter(a -> a.articleStatus() == ArticleStatus.PUBLISHED).ifPresent(full::add);
		}
		long lastModified = full.stream().mapToLong(a -> Math.max(a.modifiedAt(), a.publishedAt())).max().orElse(0);

		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(format.rome);
		feed.setEncoding("UTF-8");
		feed.setTitle(Xml.clean(title));
		feed.setDescription(Xml.clean(description));
		feed.setLink(publicUrl.absolute(htmlPath));
		feed.setUri(publicUrl.absolute(feedPath));
		feed.setLanguage("zh-cn");
		feed.setGenerator(site);
		feed.setPublishedDate(new Date(lastModified));
		SyndLink self = new SyndLinkImpl();
		self.setRel("self");
		self.setHref(publicUrl.absolute(feedPath));
		self.setType(format.contentType.substring(0, format.contentType.indexOf(';')));
		SyndLink alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setType("text/html");
		alternate.setHref(publicUrl.absolute(htmlPath));
		feed.setLinks(List.of(alternate, self));
		List<SyndEntry> entries = new ArrayList<>();
		for (Article a : full) {
			entries.add(entry(a, format));
		}
		feed.setEntries(entries);
		String xml;
		try {
			xml = new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("feed " + scope + " could not be written", ex);
		}
		byte[] body = xml.getBytes(StandardCharsets.UTF_8);
		return new Rendered(body, "\"" + sha256(body).substring(0, 32) + "\"", lastModified);
	}

	private SyndEntry entry(Article a, Format format) {
		String link = publicUrl.absolute("/articles/" + a.id());
		SyndEntry e = new SyndEntryImpl();
		e.setTitle(Xml.clean(a.title()));
		e.setLink(link);
		e.setUri(link);
		e.setPublishedDate(new Date(a.publishedAt()));
		e.setUpdatedDate(new Date(Math.max(a.modifiedAt(), a.publishedAt())));
		Creator creator = creators.get(a.creatorId());
		SyndPerson author = new SyndPersonImpl();
		author.setName(Xml.clean(creator.displayName()));
		author.setUri(publicUrl.absolute("/creators/" + segment(creator.handle())));
		if (format == Format.ATOM) {
			e.setAuthors(List.of(author));
		}
		else {
			// RSS 2.0's <author> must be an e-mail address: the name goes to <dc:creator>
			e.setAuthor(Xml.clean(creator.displayName()));
		}
		SyndContent summary = new SyndContentImpl();
		summary.setType("text/plain");
		// an article of pictures only has no text summary: feed readers then show its
		// title rather than nothing
		summary.setValue(Xml.clean(a.summary() == null || a.summary().isBlank() ? a.title() : a.summary()));
		e.setDescription(summary);
		if (feeds.fullText()) {
			SyndContent body = new SyndContentImpl();
			body.setType("html");
			body.setValue(Xml.clean(absoluteLinks(a.bodyHtml())));
			e.setContents(List.of(body));
		}
		List<SyndCategory> categories = new ArrayList<>();
		Channel channel = channels.get(a.channelId());
		categories.add(category(channel.name(), publicUrl.absolute("/channels/" + channel.slug())));
		for (String tag : a.tagList()) {
			if (!tag.isEmpty()) {
				categories.add(category(tag, linkableTag(tag) ? publicUrl.absolute("/tags/" + segment(tag)) : null));
			}
		}
		if (a.original()) {
			categories.add(category(t("byline.original"), null));
		}
		aiLabel(a).ifPresent(label -> categories.add(category(label, null)));
		e.setCategories(categories);
		coverOf(a).ifPresent(cover -> {
			SyndEnclosure enclosure = new SyndEnclosureImpl();
			enclosure.setUrl(cover);
			enclosure.setType(imageType(cover));
			enclosure.setLength(0);
			e.setEnclosures(List.of(enclosure));
			// Media RSS as well: many readers (and aggregators) take the item's picture
			// from media:content only
			e.setForeignMarkup(MediaRss.image(cover, enclosure.getType()));
		});
		return e;
	}

	/** The explicit AI label (人工智能生成合成内容标识办法 Art. 4), as the article page shows it. */
	private Optional<String> aiLabel(Article a) {
		return switch (a.aigc()) {
			case "assisted" -> Optional.of(t("aigc.assisted"));
			case "generated" -> Optional.of(t("aigc.generated"));
			default -> aiLabels.suspected(a.id()) ? Optional.of(t("aigc.suspected")) : Optional.empty();
		};
	}

	/**
	 * The article's picture ({@link ArticlePictures}: own media of at least 300 px, the
	 * share image of the article page too), as the absolute URL an enclosure needs.
	 */
	Optional<String> coverOf(Article a) {
		return pictures.of(a).map(Picture::src).map(this::absolute).filter(Feeds::fetchable);
	}

	static boolean fetchable(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) && url.length() > lower.indexOf("//") + 2
				&& url.chars().noneMatch(c -> c <= ' ');
	}

	private String absolute(String url) {
		if (url.startsWith("/") && !url.startsWith("//")) {
			return publicUrl.absolute(url);
		}
		return url;
	}

	/**
	 * The body with the site's own relative links and images made absolute (a feed reader
	 * has no base URL).
	 */
	private String absoluteLinks(String html) {
		Document doc = Jsoup.parseBodyFragment(html);
		for (Element el : doc.select("[src], [href], [srcset]")) {
			for (String attr : List.of("src", "href")) {
				if (el.hasAttr(attr)) {
					el.attr(attr, absolute(el.attr(attr)));
				}
			}
			el.removeAttr("srcset");
		}
		return doc.body().html();
	}

	/**
	 * Whether a tag can have a page: an encoded slash, backslash, percent or semicolon is
	 * refused by the firewall before it reaches a controller, and {@code .}/{@code ..}
	 * would be path segments.
	 */
	static boolean linkableTag(String tag) {
		return !tag.isEmpty() && !tag.equals(".") && !tag.equals("..")
				&& tag.chars().noneMatch(c -> "/\\%;".indexOf(c) >= 0);
	}

	static String imageType(String url) {
		String path = url.toLowerCase(Locale.ROOT);
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		if (path.endsWith(".png")) {
			return "image/png";
		}
		if (path.endsWith(".webp")) {
			return "image/webp";
		}
		if (path.endsWith(".gif")) {
			return "image/gif";
		}
		if (path.endsWith(".avif")) {
			return "image/avif";
		}
		return "image/jpeg";
	}

	private static SyndCategory category(String name, String uri) {
		SyndCategory c = new SyndCategoryImpl();
		c.setName(Xml.clean(name));
		if (uri != null) {
			c.setTaxonomyUri(uri);
		}
		return c;
	}

	private String t(String key, Object... args) {
		return messages.getMessage(key, args, LOCALE);
	}

	static String segment(String value) {
		return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
