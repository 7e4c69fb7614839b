package io.inkstone.importer;

import io.inkstone.shared.PlatformDays;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.inkstone.articles.Article;
import io.inkstone.articles.ArticleStatus;
import io.inkstone.articles.Articles;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creator;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comment;
import io.inkstone.engagement.Comments;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.pages.StaticPage;
import io.inkstone.pages.StaticPages;
import io.inkstone.shared.PublicUrl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import io.inkstone.shared.SiteSettings;
import java.io.OutputStreamWriter;
import java.util.HashSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the site (or one creator's part of it) out: as Inkstone JSON Lines that
 * {@link ArticleImporter} reads back, or as a WordPress export (WXR 1.2) that WordPress'
 * own importer and {@link WxrImporter} read. Images the articles use are copied beside
 * the file ({@code media/<sha256>/full.<ext>}). Articles are read in pages of
 * {@value #PAGE} by id, so memory stays flat; comments are the visible ones, with the
 * name shown on the page and never an e-mail or address.
 */
@Service
public class SiteExporter {

	static final int PAGE = 200;

	static final String JSONL = "articles.jsonl";

	static final String WXR = "wordpress.xml";

	/**
	 * The post meta holding Inkstone's own ID of an exported item ({@link WxrImporter}
	 * keys a re-import by it).
	 */
	static final String INKSTONE_ID = "_inkstone_id";

	/** The {@code <generator>} of Inkstone's WordPress export. */
	static final String GENERATOR = "https://github.com/inkstone";

	static final String WP = "http://wordpress.org/export/1.2/";

	private static final Pattern MEDIA_URL = Pattern
		.compile("(?:https?://[^/\\s\"'()<>]+)?/media/([0-9a-f]{64})/(?:full|[0-9]{2,4})\\.(jpg|png|gif|webp)");

	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Articles articles;

	private final Creators creators;

	private final Channels channels;

	private final Comments comments;

	private final Media media;

	private final StaticPages pages;

	private final PublicUrl publicUrl;

	private final SiteSettings settings;

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	SiteExporter(JdbcClient jdbc, Articles articles, Creators creators, Channels channels, Comments comments,
			Media media, StaticPages pages, PublicUrl publicUrl, SiteSettings settings, Clock clock) {
		this.clock = clock;
		this.settings = settings;
		this.jdbc = jdbc;
		this.articles = articles;
		this.creators = creators;
		this.channels = channels;
		this.comments = comments;
		this.media = media;
		this.pages = pages;
		this.publicUrl = publicUrl;
	}

	/** What an export wrote. */
	public record Summary(Path file, long articles, long pages, long comments, long images, List<String> missing) {

		public String text() {
			StringBuilder out = new StringBuilder();
			out.append(String.format("Exported: %,d articles, %,d pages, %,d comments, %,d images → %s%n", articles,
					pages, comments, images, file));
			missing.forEach(m -> out.append("  not exported: ").append(m).append('\n'));
			return out.toString();
		}

	}

	/** Tells how far an export is: articles written. */
	public interface Progress {

		void update(long articlesDone);

	}

	// ---- JSON Lines

	/**
	 * The whole site as JSON Lines (articles, then static pages) in
	 * {@code dir}/{@value #JSONL}, images beside it.
	 */
	public Summary exportJsonl(Path dir, PrintStream progress) throws IOException {
		return exportJsonl(dir, null, progress, done -> {
		});
	}

	/**
	 * JSON Lines of the site, or of one creator's articles when {@code creatorId} is set
	 * (then without static pages).
	 */
	public Summary exportJsonl(Path dir, Long creatorId, PrintStream progress, Progress listener) throws IOException {
		Files.createDirectories(dir);
		Path file = dir.resolve(JSONL);
		Images images = new Images(dir);
		long articleCount = 0;
		long commentCount = 0;
		long pageCount = 0;
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			long after = 0;
			while (true) {
				List<Article> page = articles.forExport(creatorId, after, PAGE);
				if (page.isEmpty()) {
					break;
				}
				Map<Long, Creator> byId = creators.getAll(page.stream().map(Article::creatorId).distinct().toList());
				Map<Long, Channel> channelsById = channels.byId();
				for (Article a : page) {
					ExportedArticle e = article(a, byId.get(a.creatorId()), channelsById.get(a.channelId()), images);
					out.write(json.writeValueAsString(e.line()));
					out.write('\n');
					articleCount++;
					commentCount += e.comments();
				}
				after = page.get(page.size() - 1).id();
				listener.update(articleCount);
				if (progress != null) {
					progress.printf("\rexport: %,d articles", articleCount);
					progress.flush();
				}
			}
			if (creatorId == null) {
				for (StaticPage p : pages.all()) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("type", "page");
					line.put("id", "page:" + p.id());
					line.put("path", p.path());
					line.put("title", p.title());
					line.put("body_markdown", p.bodyMarkdown());
					line.put("published_at", iso(p.createdAt()));
					out.write(json.writeValueAsString(line));
					out.write('\n');
					pageCount++;
				}
			}
		}
		if (progress != null) {
			progress.println();
		}
		return new Summary(file, articleCount, pageCount, commentCount, images.written.size(), images.missing);
	}

	/** One article as an import line; {@code comments} counts the comments it carries. */
	record ExportedArticle(Map<String, Object> line, int comments) {

	}

	ExportedArticle article(Article a, Creator creator, Channel channel, Images images) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", "inkstone:" + a.id());
		line.put("creator", creator == null ? "creator-" + a.creatorId() : creator.handle());
		line.put("creator_name", creator == null ? "creator-" + a.creatorId() : creator.displayName());
		line.put("channel", channel == null ? "yaowen" : channel.slug());
		if (channel != null) {
			line.put("channel_name", channel.name());
		}
		line.put("title", a.title());
		line.put("summary", a.summary());
		line.put("body_markdown", a.bodyMarkdown());
		line.put("published_at", iso(a.publishedAt()));
		line.put("modified_at", iso(a.modifiedAt()));
		Long scheduled = a.articleStatus() == ArticleStatus.DRAFT ? articles.scheduledAt(a.id()) : null;
		line.put("status", status(a, scheduled));
		if (scheduled != null) {
			line.put("publish_at", iso(scheduled));
		}
		line.put("tags", a.tagList());
		line.put("original", a.original());
		line.put("aigc", a.aigc());
		if (a.source() != null && !a.source().isBlank()) {
			line.put("source", a.source());
		}
		if (a.coverImage() != null && !a.coverImage().isBlank()) {
			line.put("cover", a.coverImage());
		}
		List<Map<String, Object>> imageLines = new ArrayList<>();
		for (MediaItem item : images.of(a.bodyMarkdown() + "\n" + (a.coverImage() == null ? "" : a.coverImage()))) {
			Map<String, Object> image = new LinkedHashMap<>();
			image.put("url", item.url());
			image.put("file", Images.file(item));
			image.put("alt", item.alt());
			imageLines.add(image);
		}
		line.put("images", imageLines);
		List<Map<String, Object>> commentLines = new ArrayList<>();
		if (a.articleStatus() == ArticleStatus.PUBLISHED) {
			for (Comment c : comments.of(a.id(), null, false)) {
				commentLines.add(comment(c, null));
				for (Comment r : c.replies()) {
					commentLines.add(comment(r, c.id()));
				}
			}
		}
		line.put("comments", commentLines);
		return new ExportedArticle(line, commentLines.size());
	}

	private static Map<String, Object> comment(Comment c, Long replyTo) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", Long.toString(c.id()));
		if (replyTo != null) {
			line.put("reply_to", Long.toString(replyTo));
		}
		line.put("author", c.authorName());
		line.put("body", c.body());
		line.put("created_at", iso(c.createdAt()));
		return line;
	}

	static String status(Article a, Long scheduled) {
		if (a.articleStatus() == ArticleStatus.PUBLISHED) {
			return "published";
		}
		return scheduled != null ? "scheduled" : "draft";
	}

	static String iso(long epochMillis) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
	}

	/** The images an export copies beside its file: each one once, by content hash. */
	final class Images {

		private final Path dir;

		final Map<String, MediaItem> written = new LinkedHashMap<>();

		private final Set<String> refused = new HashSet<>();

		final List<String> missing = new ArrayList<>();

		Images(Path dir) {
			this.dir = dir;
		}

		static String file(MediaItem item) {
			return "media/" + item.sha256() + "/full." + item.extension();
		}

		/** The images the text refers to, copied into the export on first sight. */
		List<MediaItem> of(String text) {
			Set<String> shas = new LinkedHashSet<>();
			Matcher m = MEDIA_URL.matcher(text);
			while (m.find()) {
				shas.add(m.group(1));
			}
			List<MediaItem> found = new ArrayList<>();
			for (String sha : shas) {
				MediaItem item = written.get(sha);
				if (item == null && !refused.contains(sha)) {
					item = copy(sha);
				}
				if (item != null) {
					found.add(item);
				}
			}
			return found;
		}

		private MediaItem copy(String sha) {
			Optional<MediaItem> item = media.byUrl("/media/" + sha + "/");
			Optional<byte[]> bytes = item.flatMap(media::fullImage);
			if (bytes.isEmpty()) {
				refused.add(sha);
				missing.add("image /media/" + sha + "/: not in the media store");
				return null;
			}
			try {
				Path target = dir.resolve(file(item.get()));
				Files.createDirectories(target.getParent());
				Files.write(target, bytes.get());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			written.put(sha, item.get());
			return item.get();
		}

	}

	// ---- WXR

	/**
	 * The whole site as a WordPress export (WXR 1.2) in {@code dir}/{@value #WXR}:
	 * authors, channels as categories, tags, images as attachments (their public
	 * addresses, copied beside the file too), articles as posts with their comments,
	 * static pages as pages.
	 */
	public Summary exportWxr(Path dir, PrintStream progress) throws IOException {
		Files.createDirectories(dir);
		Path file = dir.resolve(WXR);
		Images images = new Images(dir);
		// first pass: who wrote, which channels and tags, which images (with the first
		// article using each)
		Set<Long> creatorIds = new LinkedHashSet<>();
		Set<Long> channelIds = new LinkedHashSet<>();
		Map<String, String> tags = new TreeMap<>();
		Map<String, Long> imageParents = new HashMap<>();
		long[] articleOrder = new long[64];
		int articleTotal = 0;
		long after = 0;
		while (true) {
			List<Article> page = articles.forExport(null, after, PAGE);
			if (page.isEmpty()) {
				break;
			}
			for (Article a : page) {
				if (articleTotal == articleOrder.length) {
					articleOrder = Arrays.copyOf(articleOrder, articleTotal * 2);
				}
				articleOrder[articleTotal++] = a.id();
				creatorIds.add(a.creatorId());
				channelIds.add(a.channelId());
				a.tagList()
					.stream()
					.filter(t -> !t.isBlank())
					.forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
				for (MediaItem item : images
					.of(a.bodyMarkdown() + "\n" + (a.coverImage() == null ? "" : a.coverImage()))) {
					imageParents.putIfAbsent(item.sha256(), a.id());
				}
			}
			after = page.get(page.size() - 1).id();
		}
		List<StaticPage> staticPages = pages.all();
		for (StaticPage p : staticPages) {
			images.of(p.bodyMarkdown());
		}
		Map<Long, Creator> authors = creators.getAll(creatorIds);
		Map<Long, String> logins = wordPressLogins(authors.values());
		Map<Long, Channel> channelsById = channels.byId();
		// posts that were sticky on WordPress (recorded by the WXR import) are written
		// back as sticky
		Set<Long> sticky = Set.copyOf(jdbc.sql("SELECT article_id FROM import_sticky_posts").query(Long.class).list());
		WxrIds ids = new WxrIds(images.written.keySet(), Arrays.copyOf(articleOrder, articleTotal), staticPages);
		long articleCount = 0;
		long commentCount = 0;
		try (OutputStream stream = Files.newOutputStream(file);
				Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
			XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			w.writeComment(" This is a WordPress eXtended RSS file generated by Inkstone as an export of the site. ");
			w.writeCharacters("\n");
			nl(w);
			w.writeStartElement("rss");
			w.writeAttribute("version", "2.0");
			w.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
			w.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
			w.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
			w.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
			w.writeNamespace("wp", WP);
			w.writeCharacters("\n");
			nl(w);
			w.writeStartElement("channel");
			String base = publicUrl.base();
			text(w, "title", settings.siteName());
			text(w, "link", base);
			text(w, "description", "");
			text(w, "pubDate",
					DateTimeFormatter.RFC_1123_DATE_TIME.format(OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))));
			text(w, "language", "zh-Hans");
			wp(w, "wxr_version", "1.2");
			wp(w, "base_site_url", base);
			wp(w, "base_blog_url", base);
			long authorId = 1;
			for (Creator c : authors.values()) {
				nl(w);
				w.writeStartElement("wp", "author", WP);
				wp(w, "author_id", Long.toString(authorId++));
				wpData(w, "author_login", logins.get(c.id()));
				wpData(w, "author_email", ""); // never an address: the export may be
												// shared
				wpData(w, "author_display_name", c.displayName());
				wpData(w, "author_first_name", "");
				wpData(w, "author_last_name", "");
				nl(w);
				w.writeEndElement();
			}
			long termId = 1;
			for (Long id : channelIds) {
				Channel ch = channelsById.get(id);
				if (ch == null) {
					continue;
				}
				nl(w);
				w.writeStartElement("wp", "category", WP);
				wp(w, "term_id", Long.toString(termId++));
				wpData(w, "category_nicename", ch.slug());
				wpData(w, "category_parent", "");
				wpData(w, "cat_name", ch.name());
				nl(w);
				w.writeEndElement();
			}
			for (String tag : tags.values()) {
				nl(w);
				w.writeStartElement("wp", "tag", WP);
				wp(w, "term_id", Long.toString(termId++));
				wpData(w, "tag_slug", slug(tag));
				wpData(w, "tag_name", tag);
				nl(w);
				w.writeEndElement();
			}
			text(w, "generator", GENERATOR);
			for (MediaItem item : images.written.values()) {
				Long parent = imageParents.get(item.sha256());
				attachment(w, item, ids.attachment(item.sha256()), parent == null ? 0 : ids.post(parent), logins);
			}
			after = 0;
			while (true) {
				List<Article> page = articles.forExport(null, after, PAGE);
				if (page.isEmpty()) {
					break;
				}
				for (Article a : page) {
					commentCount += post(w, a, ids, logins.getOrDefault(a.creatorId(), ""),
							channelsById.get(a.channelId()), images, sticky.contains(a.id()));
					articleCount++;
				}
				after = page.get(page.size() - 1).id();
				if (progress != null) {
					progress.printf("\rexport: %,d articles", articleCount);
					progress.flush();
				}
			}
			for (StaticPage p : staticPages) {
				page(w, p, ids);
			}
			nl(w);
			w.writeEndElement(); // channel
			w.writeCharacters("\n");
			w.writeEndElement(); // rss
			w.writeCharacters("\n");
			w.writeEndDocument();
			w.flush();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException("writing the WordPress export failed: " + ex.getMessage(), ex);
		}
		if (progress != null) {
			progress.println();
		}
		return new Summary(file, articleCount, staticPages.size(), commentCount, images.written.size(), images.missing);
	}

	/**
	 * Each author's WordPress login ({@link WxrLogins}), unique without case as WordPress
	 * compares them.
	 */
	static Map<Long, String> wordPressLogins(Collection<Creator> authors) {
		Map<Long, String> logins = new HashMap<>();
		Set<String> taken = new HashSet<>();
		for (Creator c : authors) {
			String login = WxrLogins.toWordPress(c.handle(), c.id());
			if (!taken.add(login.toLowerCase(Locale.ROOT))) {
				login = "inkstone-" + c.id();
				taken.add(login);
			}
			logins.put(c.id(), login);
		}
		return logins;
	}

	private void attachment(XMLStreamWriter w, MediaItem item, long number, long parent, Map<Long, String> logins)
			throws XMLStreamException {
		String url = publicUrl.absolute(item.url());
		nl(w);
		w.writeStartElement("item");
		text(w, "title", item.alt());
		text(w, "link", url);
		text(w, "pubDate", rfc1123(item.createdAt()));
		dc(w, logins.getOrDefault(item.creatorId(), ""));
		nl(w);
		w.writeStartElement("guid");
		w.writeAttribute("isPermaLink", "false");
		w.writeCharacters(url);
		w.writeEndElement();
		text(w, "description", "");
		content(w, "content", "encoded", "");
		content(w, "excerpt", "encoded", "");
		wp(w, "post_id", Long.toString(number));
		dates(w, item.createdAt(), item.createdAt());
		wpData(w, "comment_status", "closed");
		wpData(w, "ping_status", "closed");
		wpData(w, "post_name", item.sha256().substring(0, 12));
		wpData(w, "status", "inherit");
		wp(w, "post_parent", Long.toString(parent));
		wp(w, "menu_order", "0");
		wpData(w, "post_type", "attachment");
		wpData(w, "post_password", "");
		wp(w, "is_sticky", "0");
		wpData(w, "attachment_url", url);
		meta(w, INKSTONE_ID, Long.toString(item.id()));
		nl(w);
		w.writeEndElement();
	}

	/** Writes the article as a post; returns how many comments it carried. */
	private int post(XMLStreamWriter w, Article a, WxrIds ids, String login, Channel channel, Images images,
			boolean sticky) throws XMLStreamException {
		String link = publicUrl.absolute("/articles/" + a.id());
		Long scheduled = a.articleStatus() == ArticleStatus.DRAFT ? articles.scheduledAt(a.id()) : null;
		long date = scheduled != null ? scheduled : a.publishedAt();
		nl(w);
		w.writeStartElement("item");
		text(w, "title", a.title());
		text(w, "link", link);
		text(w, "pubDate", rfc1123(date));
		dc(w, login);
		nl(w);
		w.writeStartElement("guid");
		w.writeAttribute("isPermaLink", "false");
		w.writeCharacters(link);
		w.writeEndElement();
		text(w, "description", "");
		content(w, "content", "encoded", html(a.bodyHtml()));
		content(w, "excerpt", "encoded", a.summary() == null ? "" : a.summary());
		wp(w, "post_id", Long.toString(ids.post(a.id())));
		dates(w, date, Math.max(date, a.modifiedAt()));
		wpData(w, "comment_status", comments.enabled(a.id()) ? "open" : "closed");
		wpData(w, "ping_status", "closed");
		wpData(w, "post_name", Long.toString(a.id()));
		String status = switch (status(a, scheduled)) {
			case "published" -> "publish";
			case "scheduled" -> "future";
			default -> "draft";
		};
		wpData(w, "status", status);
		wp(w, "post_parent", "0");
		wp(w, "menu_order", "0");
		wpData(w, "post_type", "post");
		wpData(w, "post_password", "");
		wp(w, "is_sticky", sticky ? "1" : "0");
		if (channel != null) {
			category(w, "category", channel.slug(), channel.name());
		}
		for (String tag : a.tagList()) {
			if (!tag.isBlank()) {
				category(w, "post_tag", slug(tag), tag);
			}
		}
		if (a.coverImage() != null) {
			Long thumbnail = images.of(a.coverImage())
				.stream()
				.findFirst()
				.map(item -> ids.attachment(item.sha256()))
				.orElse(0L);
			if (thumbnail > 0) {
				meta(w, "_thumbnail_id", Long.toString(thumbnail));
			}
		}
		meta(w, INKSTONE_ID, Long.toString(a.id()));
		if (a.source() != null && !a.source().isBlank()) {
			meta(w, "inkstone_source", a.source());
		}
		int count = 0;
		if (a.articleStatus() == ArticleStatus.PUBLISHED) {
			for (Comment c : comments.of(a.id(), null, false)) {
				long root = ids.comment();
				comment(w, c, root, 0);
				count++;
				for (Comment r : c.replies()) {
					comment(w, r, ids.comment(), root);
					count++;
				}
			}
		}
		nl(w);
		w.writeEndElement();
		return count;
	}

	private void comment(XMLStreamWriter w, Comment c, long number, long parent) throws XMLStreamException {
		nl(w);
		w.writeStartElement("wp", "comment", WP);
		wp(w, "comment_id", Long.toString(number));
		wpData(w, "comment_author", c.authorName());
		wpData(w, "comment_author_email", "");
		wp(w, "comment_author_url", "");
		wpData(w, "comment_author_IP", "");
		wpData(w, "comment_date", local(c.createdAt()));
		wpData(w, "comment_date_gmt", gmt(c.createdAt()));
		nl(w);
		w.writeStartElement("wp", "comment_content", WP);
		cdata(w, c.body());
		w.writeEndElement();
		wpData(w, "comment_approved", "1");
		wpData(w, "comment_type", "comment");
		wp(w, "comment_parent", Long.toString(parent));
		wp(w, "comment_user_id", "0");
		nl(w);
		w.writeEndElement();
	}

	private void page(XMLStreamWriter w, StaticPage p, WxrIds ids) throws XMLStreamException {
		String link = publicUrl.absolute(StaticPages.href(p.path()));
		int slash = p.path().lastIndexOf('/');
		String name = slash < 0 ? p.path() : p.path().substring(slash + 1);
		long parent = slash < 0 ? 0 : ids.page(p.path().substring(0, slash));
		nl(w);
		w.writeStartElement("item");
		text(w, "title", p.title());
		text(w, "link", link);
		text(w, "pubDate", rfc1123(p.createdAt()));
		dc(w, "");
		nl(w);
		w.writeStartElement("guid");
		w.writeAttribute("isPermaLink", "false");
		w.writeCharacters(link);
		w.writeEndElement();
		text(w, "description", "");
		content(w, "content", "encoded", html(p.bodyHtml()));
		content(w, "excerpt", "encoded", "");
		wp(w, "post_id", Long.toString(ids.page(p.path())));
		dates(w, p.createdAt(), Math.max(p.createdAt(), p.updatedAt()));
		wpData(w, "comment_status", "closed");
		wpData(w, "ping_status", "closed");
		wpData(w, "post_name", slug(name));
		wpData(w, "status", "publish");
		wp(w, "post_parent", Long.toString(parent));
		wp(w, "menu_order", Integer.toString(p.footerPosition() == null ? 0 : p.footerPosition()));
		wpData(w, "post_type", "page");
		wpData(w, "post_password", "");
		wp(w, "is_sticky", "0");
		meta(w, INKSTONE_ID, Long.toString(p.id()));
		nl(w);
		w.writeEndElement();
	}

	/**
	 * The WXR numbers of one export: small and sequential (1..n for attachments, then
	 * posts, then pages; 1..m for comments), because WordPress' importer keeps a free
	 * {@code post_id} as the new post's ID and JavaScript (the block editor, REST
	 * clients) cannot hold Inkstone's IDs exactly (they are above 2^53 − 1). Each item
	 * carries Inkstone's own ID as {@value #INKSTONE_ID}, the key of a re-import.
	 */
	static final class WxrIds {

		private final Map<String, Long> attachments = new HashMap<>();

		private final long[] articles;

		private final Map<String, Long> pages = new HashMap<>();

		private long extra;

		private long comments;

		WxrIds(Collection<String> imageHashes, long[] articleIds, List<StaticPage> staticPages) {
			for (String sha : imageHashes) {
				attachments.put(sha, attachments.size() + 1L);
			}
			this.articles = articleIds.clone();
			Arrays.sort(this.articles);
			long next = attachments.size() + (long) articles.length;
			for (StaticPage p : staticPages) {
				pages.putIfAbsent(p.path(), ++next);
			}
			this.extra = next;
		}

		/** The attachment of an image (by content hash); 0 for one not in the file. */
		long attachment(String sha256) {
			return attachments.getOrDefault(sha256, 0L);
		}

		long post(long articleId) {
			int at = Arrays.binarySearch(articles, articleId);
			// an article written after the first pass read the site gets a number
			// after all others
			return at >= 0 ? attachments.size() + at + 1L : ++extra;
		}

		/** The page at this path; 0 for none (a page without its parent). */
		long page(String path) {
			return pages.getOrDefault(path, 0L);
		}

		long comment() {
			return ++comments;
		}

	}

	/**
	 * The body as WordPress should show it: every address absolute (WordPress runs
	 * elsewhere), every rendition of an image pointing at the full image — the
	 * attachment's address, which WordPress' importer rewrites to its copy.
	 */
	String html(String bodyHtml) {
		Document doc = Jsoup.parseBodyFragment(bodyHtml == null ? "" : bodyHtml);
		doc.outputSettings().prettyPrint(false);
		for (Element e : doc.select("[srcset]")) {
			e.removeAttr("srcset");
		}
		for (Element e : doc.select("[href], [src]")) {
			for (String attr : List.of("href", "src")) {
				String value = e.attr(attr);
				if (value.startsWith("/") && !value.startsWith("//")) {
					e.attr(attr, publicUrl.absolute(value));
				}
			}
		}
		Matcher m = MEDIA_URL.matcher(doc.body().html());
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out,
					Matcher.quoteReplacement(publicUrl.absolute("/media/" + m.group(1) + "/full." + m.group(2))));
		}
		m.appendTail(out);
		return out.toString();
	}

	// ---- XML helpers

	/**
	 * A line break between elements: WordPress' fallback (regex) parser reads the file
	 * line by line, like its exporter writes it.
	 */
	private static void nl(XMLStreamWriter w) throws XMLStreamException {
		w.writeCharacters("\n");
	}

	private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
		nl(w);
		w.writeStartElement(name);
		w.writeCharacters(clean(value));
		w.writeEndElement();
	}

	private static void wp(XMLStreamWriter w, String name, String value) throws XMLStreamException {
		nl(w);
		w.writeStartElement("wp", name, WP);
		w.writeCharacters(clean(value));
		w.writeEndElement();
	}

	private static void wpData(XMLStreamWriter w, String name, String value) throws XMLStreamException {
		nl(w);
		w.writeStartElement("wp", name, WP);
		cdata(w, value);
		w.writeEndElement();
	}

	private static void dc(XMLStreamWriter w, String creator) throws XMLStreamException {
		nl(w);
		w.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
		cdata(w, creator);
		w.writeEndElement();
	}

	private static void content(XMLStreamWriter w, String prefix, String name, String value) throws XMLStreamException {
		String ns = "content".equals(prefix) ? "http://purl.org/rss/1.0/modules/content/"
				: "http://wordpress.org/export/1.2/excerpt/";
		nl(w);
		w.writeStartElement(prefix, name, ns);
		cdata(w, value);
		w.writeEndElement();
	}

	private static void category(XMLStreamWriter w, String domain, String nicename, String name)
			throws XMLStreamException {
		nl(w);
		w.writeStartElement("category");
		w.writeAttribute("domain", domain);
		w.writeAttribute("nicename", nicename);
		cdata(w, name);
		w.writeEndElement();
	}

	private static void meta(XMLStreamWriter w, String key, String value) throws XMLStreamException {
		nl(w);
		w.writeStartElement("wp", "postmeta", WP);
		wpData(w, "meta_key", key);
		wpData(w, "meta_value", value);
		nl(w);
		w.writeEndElement();
	}

	private static void dates(XMLStreamWriter w, long date, long modified) throws XMLStreamException {
		wpData(w, "post_date", local(date));
		wpData(w, "post_date_gmt", gmt(date));
		wpData(w, "post_modified", local(modified));
		wpData(w, "post_modified_gmt", gmt(modified));
	}

	/**
	 * Text as CDATA; a {@code ]]>} inside is split over two sections ({@code ]]} ends
	 * one, {@code >} starts the next), as WordPress' own exporter does.
	 */
	static void cdata(XMLStreamWriter w, String value) throws XMLStreamException {
		String text = clean(value);
		int from = 0;
		int at;
		while ((at = text.indexOf("]]>", from)) >= 0) {
			w.writeCData(text.substring(from, at + 2));
			from = at + 2;
		}
		w.writeCData(text.substring(from));
	}

	/**
	 * Without the characters XML 1.0 cannot carry (control characters but tab and line
	 * breaks, lone surrogates).
	 */
	static String clean(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
					|| (Character.isHighSurrogate(c)
							&& !(i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))))
					|| (Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(value.charAt(i - 1))));
			if (bad && out == null) {
				out = new StringBuilder(value.length()).append(value, 0, i);
			}
			else if (!bad && out != null) {
				out.append(c);
			}
		}
		return out == null ? value : out.toString();
	}

	/**
	 * A WordPress slug: lower case, percent-encoded like WordPress stores non-ASCII ones.
	 */
	static String slug(String name) {
		String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s/?#%]+", "-");
		return URLEncoder.encode(s, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
	}

	private static String local(long epochMillis) {
		return WP_DATE.format(Instant.ofEpochMilli(epochMillis).atZone(PlatformDays.zone()));
	}

	private static String gmt(long epochMillis) {
		return WP_DATE.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC));
	}

	private static String rfc1123(long epochMillis) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC));
	}

}
