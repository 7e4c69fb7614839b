package io.inkstone.syndication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.inkstone.articles.ArticleChangeCommitted;
import io.inkstone.articles.ArticleSummary;
import io.inkstone.articles.Articles;
import io.inkstone.articles.SitemapEntry;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.shared.SiteSettings;
import io.inkstone.shared.SiteSettingsChanged;
import io.inkstone.shared.PublicUrl;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The sitemaps (sitemaps.org 0.9): an index naming one sitemap per month of articles
 * (split further past 50,000 URLs), one for channels, one for creators and a Google News
 * sitemap of the last 48 hours. Each generated document is kept for {@link #TTL} (dropped
 * on article changes): crawlers fetch them often, and the index reads every public
 * article's publication time.
 */
@Service
class Sitemaps {

	static final Duration TTL = Duration.ofSeconds(60);

	/** The protocol's limit of URLs per sitemap. */
	static final int MAX_URLS = 50_000;

	/** Google News: at most 1,000 URLs, articles of the last two days. */
	static final int MAX_NEWS = 1_000;

	static final Duration NEWS_WINDOW = Duration.ofHours(48);

	static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	/** {@code 2024-03} or {@code 2024-03-2} (the second 50,000 of that month). */
	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})(?:-([2-9]|[1-9]\\d{1,3}))?");

	private final Articles articles;

	private final Channels channels;

	private final Creators creators;

	private final PublicUrl publicUrl;

	private final SiteSettings properties;

	private final Clock clock;

	private final Cache<String, String> cache = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(500).build();

	Sitemaps(Articles articles, Channels channels, Creators creators, PublicUrl publicUrl, SiteSettings properties,
			Optional<Clock> clock) {
		this.articles = articles;
		this.channels = channels;
		this.creators = creators;
		this.publicUrl = publicUrl;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
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

	String index() {
		return cache.get("index", k -> buildIndex());
	}

	/**
	 * The month's article sitemap, or empty when the name is not one the index could
	 * list.
	 */
	Optional<String> month(String name) {
		Matcher m = MONTH.matcher(name);
		if (!m.matches()) {
			return Optional.empty();
		}
		int monthValue = Integer.parseInt(m.group(2));
		if (monthValue < 1 || monthValue > 12) {
			return Optional.empty();
		}
		YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), monthValue);
		int part = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
		String xml = cache.get("month:" + month + ":" + part, k -> buildMonth(month, part));
		return xml.isEmpty() ? Optional.empty() : Optional.of(xml);
	}

	/**
	 * The site's own listing pages (home, hot list): never empty, so the index always
	 * names a valid sitemap.
	 */
	String pages() {
		return cache.get("pages", k -> {
			long newest = articles.newestPublishedByChannel()
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.max()
				.orElse(0);
			StringBuilder out = urlset(false);
			url(out, publicUrl.absolute("/"), newest);
			url(out, publicUrl.absolute("/hot"), newest);
			return out.append("</urlset>\n").toString();
		});
	}

	/**
	 * Channels with public articles, or empty when there is none (see {@link #month}: a
	 * urlset without a URL is invalid).
	 */
	Optional<String> channels() {
		return nonEmpty(cache.get("channels", k -> {
			StringBuilder out = urlset(false);
			int urls = 0;
			Map<Long, Channel> byId = channels.byId();
			for (var entry : articles.newestPublishedByChannel().entrySet()) {
				Channel channel = byId.get(entry.getKey());
				if (channel != null) {
					url(out, publicUrl.absolute("/channels/" + channel.slug()), entry.getValue());
					urls++;
				}
			}
			return urls == 0 ? "" : out.append("</urlset>\n").toString();
		}));
	}

	/** Creators with public articles, or empty when there is none. */
	Optional<String> creators() {
		return nonEmpty(cache.get("creators", k -> {
			StringBuilder out = urlset(false);
			int urls = 0;
			Map<Long, Long> newest = articles.newestPublishedByCreator();
			List<Long> ids = newest.keySet().stream().limit(MAX_URLS).toList();
			Map<Long, Creator> found = creators.getAll(ids);
			for (Long id : ids) {
				Creator creator = found.get(id);
				if (creator != null) {
					url(out, publicUrl.absolute("/creators/" + Feeds.segment(creator.handle())), newest.get(id));
					urls++;
				}
			}
			return urls == 0 ? "" : out.append("</urlset>\n").toString();
		}));
	}

	/**
	 * Articles of the last 48 hours with their news metadata (publication name and
	 * language, date, title), or empty on a quiet day: Google News wants nothing older in
	 * it, and the schema no empty urlset.
	 */
	Optional<String> news() {
		return nonEmpty(cache.get("news", k -> {
			long since = clock.instant().minus(NEWS_WINDOW).toEpochMilli();
			List<ArticleSummary> recent = articles.publishedSince(since, MAX_NEWS);
			if (recent.isEmpty()) {
				return "";
			}
			StringBuilder out = urlset(true);
			for (ArticleSummary a : recent) {
				out.append("<url><loc>").append(Xml.escape(publicUrl.absolute("/articles/" + a.id()))).append("</loc>");
				out.append("<news:news><news:publication><news:name>")
					.append(Xml.escape(properties.siteName()))
					.append("</news:name><news:language>zh-cn</news:language></news:publication>");
				out.append("<news:publication_date>").append(w3c(a.publishedAt())).append("</news:publication_date>");
				out.append("<news:title>").append(Xml.escape(a.title())).append("</news:title></news:news></url>\n");
			}
			return out.append("</urlset>\n").toString();
		}));
	}

	private static Optional<String> nonEmpty(String xml) {
		return xml.isEmpty() ? Optional.empty() : Optional.of(xml);
	}

	private String buildIndex() {
		StringBuilder out = new StringBuilder(4096);
		out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"").append(NS).append("\">\n");
		Map<Long, Long> byChannel = articles.newestPublishedByChannel();
		long newest = byChannel.values().stream().mapToLong(Long::longValue).max().orElse(0);
		// always one sitemap: an index without any is invalid against the schema (an
		// empty site still has its home page)
		sitemap(out, "/sitemaps/pages.xml", newest);
		// the sitemaps.org schema wants at least one <url> in a urlset: name only the
		// sitemaps that have one; an empty one answers 404 when asked for directly (as
		// WordPress and Yoast do), never an invalid <urlset/>
		if (channels().isPresent()) {
			sitemap(out, "/sitemaps/channels.xml", newest);
		}
		if (creators().isPresent()) {
			sitemap(out, "/sitemaps/creators.xml", newest);
		}
		if (news().isPresent()) {
			sitemap(out, "/sitemaps/news.xml", newest);
		}
		SortedMap<YearMonth, Articles.MonthStats> months = articles.publishedPerMonth();
		for (var entry : months.entrySet()) {
			int parts = (entry.getValue().count() + MAX_URLS - 1) / MAX_URLS;
			for (int part = 1; part <= parts; part++) {
				sitemap(out, "/sitemaps/articles-" + entry.getKey() + (part == 1 ? "" : "-" + part) + ".xml",
						entry.getValue().lastModified());
			}
		}
		return out.append("</sitemapindex>\n").toString();
	}

	/** Empty when the month has no articles (or fewer parts). */
	private String buildMonth(YearMonth month, int part) {
		List<SitemapEntry> entries = articles.sitemapEntries(month, (part - 1) * MAX_URLS, MAX_URLS);
		if (entries.isEmpty()) {
			return "";
		}
		StringBuilder out = urlset(false);
		for (SitemapEntry e : entries) {
			url(out, publicUrl.absolute("/articles/" + e.id()), Math.max(e.modifiedAt(), e.publishedAt()));
		}
		return out.append("</urlset>\n").toString();
	}

	private static StringBuilder urlset(boolean news) {
		StringBuilder out = new StringBuilder(64 * 1024);
		out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"").append(NS).append('"');
		if (news) {
			out.append(" xmlns:news=\"").append(NEWS_NS).append('"');
		}
		return out.append(">\n");
	}

	private static void url(StringBuilder out, String loc, long lastModified) {
		out.append("<url><loc>").append(Xml.escape(loc)).append("</loc>");
		if (lastModified > 0) {
			out.append("<lastmod>").append(w3c(lastModified)).append("</lastmod>");
		}
		out.append("</url>\n");
	}

	private void sitemap(StringBuilder out, String path, long lastModified) {
		out.append("<sitemap><loc>").append(Xml.escape(publicUrl.absolute(path))).append("</loc>");
		if (lastModified > 0) {
			out.append("<lastmod>").append(w3c(lastModified)).append("</lastmod>");
		}
		out.append("</sitemap>\n");
	}

	/** W3C Datetime in UTC, to the second. */
	static String w3c(long epochMillis) {
		return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
	}

}
