package io.inkstone.importer;

import io.inkstone.shared.PlatformDays;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.inkstone.articles.Articles;
import io.inkstone.articles.ImportedArticle;
import io.inkstone.channels.Channel;
import io.inkstone.channels.Channels;
import io.inkstone.creators.Creators;
import io.inkstone.engagement.Comments;
import io.inkstone.media.Media;
import io.inkstone.media.MediaItem;
import io.inkstone.pages.StaticPages;

import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import io.inkstone.shared.NotFoundException;
import io.inkstone.shared.TwoLanguages;
import java.net.URLDecoder;
import java.text.Normalizer;
import java.util.Comparator;

/**
 * Imports a WordPress export (WXR 1.1/1.2). Two streaming passes over the file: the first
 * checks that the whole file is well-formed and collects what items refer to (authors,
 * terms, attachments, page parents) — a malformed file is reported with its position and
 * nothing is written; the second stores item by item, each item (article, its comments,
 * its old addresses) in one transaction. Importing the same file again, or an overlapping
 * export, adds nothing twice: articles and pages carry an import key built from the site
 * and the WordPress post id, attachments are recorded by theirs, old addresses are
 * inserted only when absent.
 */
@Service
public class WxrImporter {

	private static final Logger log = LoggerFactory.getLogger(WxrImporter.class);

	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * WordPress' local times when the GMT field is empty (drafts): the platform's zone.
	 */

	private static final Pattern SIZE_VARIANT = Pattern.compile("^(.*?)(-\\d+x\\d+|-scaled)?(\\.[A-Za-z0-9]+)$");

	private static final Set<String> IMAGE_TYPES = Set.of(".jpg", ".jpeg", ".png", ".gif", ".webp");

	private final Articles articles;

	private final Creators creators;

	private final Channels channels;

	private final StaticPages pages;

	private final Comments comments;

	private final Media media;

	private final LegacyPaths legacy;

	private final AttachmentFetcher fetcher;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	/**
	 * The bundles: what the import writes into the site's content itself (a missing title
	 * or category, a note on a post that was not public, a deeper reply's addressee) is
	 * their Chinese, the language a site's content is kept in; a note for the creator
	 * carries both languages.
	 */
	private final MessageSource messages;

	private final Clock clock;

	WxrImporter(Articles articles, Creators creators, Channels channels, StaticPages pages, Comments comments,
			Media media, LegacyPaths legacy, JdbcClient jdbc, TransactionTemplate tx, AttachmentFetcher fetcher,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.fetcher = fetcher;
		this.articles = articles;
		this.creators = creators;
		this.channels = channels;
		this.pages = pages;
		this.comments = comments;
		this.media = media;
		this.legacy = legacy;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/**
	 * Options of a run: where a copy of wp-content/uploads is, and category → channel
	 * overrides.
	 */
	public record Options(Path uploads, Map<String, String> channelMap, boolean fetch) {

		/** Attachments not under {@code uploads} are fetched from their URL. */
		public Options(Path uploads, Map<String, String> channelMap) {
			this(uploads, channelMap, true);
		}

		public static Options none() {
			return new Options(null, Map.of());
		}

	}

	/**
	 * Whether the stream (its first bytes, after a byte-order mark and whitespace) looks
	 * like XML.
	 */
	static boolean looksLikeXml(byte[] head, int length) {
		int i = 0;
		if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
			i = 3;
		}
		while (i < length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
			i++;
		}
		return i < length && head[i] == '<';
	}

	/** The first pass: what items refer to. */
	private static final class Scan implements Wxr.Handler {

		String site = "";

		String blogPath = "";

		final Map<String, Wxr.Author> authors = new HashMap<>();

		final Map<String, Wxr.Term> categories = new LinkedHashMap<>();

		final Map<Long, Wxr.Item> attachments = new LinkedHashMap<>();

		final Map<Long, String[]> pageSlugs = new HashMap<>(); // id → {slug, parent id}

		long items;

		/** Whether the file is Inkstone's own export. */
		boolean inkstone;

		@Override
		public void generator(String generator) {
			inkstone = SiteExporter.GENERATOR.equals(generator);
		}

		@Override
		public void site(String baseSiteUrl, String baseBlogUrl, String version) {
			String url = baseBlogUrl != null && !baseBlogUrl.isBlank() ? baseBlogUrl
					: baseSiteUrl == null ? "" : baseSiteUrl;
			try {
				URI uri = URI.create(url.strip());
				site = uri.getHost() == null ? url.strip() : uri.getHost().toLowerCase(Locale.ROOT);
				blogPath = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
			}
			catch (IllegalArgumentException ex) {
				site = url.strip();
			}
		}

		@Override
		public void author(Wxr.Author author) {
			authors.putIfAbsent(author.login(), author);
		}

		@Override
		public void term(Wxr.Term term) {
			if ("category".equals(term.taxonomy())) {
				// a category defined twice (WordPress writes terms of several taxonomies;
				// plugins repeat them): first wins
				categories.putIfAbsent(decode(term.slug()), term);
			}
		}

		@Override
		public void item(Wxr.Item item) {
			items++;
			if ("attachment".equals(item.postType())) {
				attachments.put(item.postId(), item);
			}
			else if ("page".equals(item.postType())) {
				pageSlugs.put(item.postId(),
						new String[] { decode(item.postName()), Long.toString(item.postParent()) });
			}
		}

	}

	/**
	 * Imports the file. Never throws for bad content: a malformed file is one rejection
	 * (nothing written), a bad item costs that item. I/O errors reading the file
	 * propagate.
	 */
	public ImportReport importFile(Supplier<InputStream> open, Options options, PrintStream progress)
			throws IOException {
		return importFile(open, options, progress, (done, total) -> {
		});
	}

	/**
	 * Told how far the import is: items handled of the items in the file (the admin
	 * page's progress bar).
	 */
	public interface Progress {

		void update(long done, long total);

	}

	public ImportReport importFile(Supplier<InputStream> open, Options options, PrintStream progress, Progress listener)
			throws IOException {
		channels.ensureDefaults();
		ImportReport report = new ImportReport();
		Scan scan = new Scan();
		try (InputStream in = open.get()) {
			Wxr.read(in, scan);
		}
		catch (Wxr.Malformed ex) {
			report.reject(ex.line, "malformed WordPress export (WXR), column " + ex.column + ": "
					+ ex.getMessage().replaceFirst("^line \\d+, column -?\\d+: ", "") + " — nothing was imported");
			return report;
		}
		if (progress != null) {
			progress.printf("WordPress export from %s: %,d items%n", scan.site, scan.items);
		}
		Run run = new Run(scan, options, report, progress, listener);
		listener.update(0, scan.items);
		run.attachments();
		try (InputStream in = open.get()) {
			Wxr.read(in, run::item);
		}
		return report;
	}

	/** The second pass. */
	private final class Run {

		private final Scan scan;

		private final Options options;

		private final ImportReport report;

		private final PrintStream progress;

		/** uploads-relative path without size suffix → new URL. */
		private final Map<String, String> uploaded = new HashMap<>();

		private final Map<Long, String> attachmentUrls = new HashMap<>();

		/** Attachment URL (on any host) → new URL. */
		private final Map<String, String> fetched = new HashMap<>();

		private final Map<String, Long> creatorIds = new HashMap<>();

		private final Map<String, Long> channelIds = new HashMap<>();

		private long done;

		private final Progress listener;

		Run(Scan scan, Options options, ImportReport report, PrintStream progress, Progress listener) {
			this.listener = listener;
			this.scan = scan;
			this.options = options;
			this.report = report;
			this.progress = progress;
		}

		String key(String kind, long id) {
			return "wxr:" + scan.site + ":" + kind + ":" + id;
		}

		/**
		 * The key of an item: by Inkstone's own ID when the file is Inkstone's export
		 * (its {@code post_id}s are numbers of that file only), else by the
		 * {@code post_id} — so an Inkstone export written before the small numbers keys
		 * the same as one written after.
		 */
		String key(String kind, Wxr.Item item) {
			Long own = inkstoneId(item);
			return key(kind, own != null ? own : item.postId());
		}

		/**
		 * Inkstone's own ID of an item of Inkstone's export
		 * ({@value SiteExporter#INKSTONE_ID} meta); null for any other file's item (a
		 * WordPress site keeps the meta of posts it imported from Inkstone, and copies it
		 * with a duplicated post).
		 */
		Long inkstoneId(Wxr.Item item) {
			if (!scan.inkstone) {
				return null;
			}
			String value = item.meta(SiteExporter.INKSTONE_ID);
			if (value == null || !value.strip().matches("\\d{1,18}")) {
				return null;
			}
			return Long.valueOf(value.strip());
		}

		// ---- attachments

		void attachments() {
			for (Wxr.Item a : scan.attachments.values()) {
				String url = a.attachmentUrl().isEmpty() ? a.guid() : a.attachmentUrl();
				String relative = localPath(url);
				String name = relative == null ? url : relative;
				String sourceKey = key("attachment", a);
				Optional<String> known = jdbc.sql("SELECT url FROM import_attachments WHERE source_key = :k")
					.param("k", sourceKey)
					.query(String.class)
					.optional();
				if (known.isPresent()) {
					remember(a, relative, known.get());
					fetched.put(url, known.get());
					report.count("attachments → already imported");
					continue;
				}
				String extension = extension(relative != null ? relative : urlPath(url));
				if (!IMAGE_TYPES.contains(extension)) {
					report
						.skip("attachment " + a.postId() + " (" + name + "): not an image, its original link is kept");
					continue;
				}
				byte[] bytes = null;
				String why;
				if (options.uploads() == null) {
					why = "no --uploads directory given";
				}
				else if (relative == null) {
					why = "not under --uploads (another host)";
				}
				else {
					Path file = options.uploads().resolve(relative).normalize();
					if (file.startsWith(options.uploads().normalize()) && Files.isRegularFile(file)) {
						try {
							bytes = Files.readAllBytes(file);
						}
						catch (IOException ex) {
							report.skip("attachment " + a.postId() + " (" + name + "): "
									+ abbreviate(String.valueOf(ex.getMessage())));
							continue;
						}
					}
					why = "file not found in --uploads";
				}
				String counted = "attachments → media library";
				if (bytes == null) {
					if (!options.fetch() || !fetcher.enabled()) {
						report.skip("attachment " + a.postId() + " (" + name + "): " + why
								+ " (fetching is off), its original link is kept");
						continue;
					}
					try {
						bytes = fetcher.fetch(url);
						counted = "attachments → fetched from their URL";
					}
					catch (AttachmentFetcher.Refused ex) {
						report.skip("attachment " + a.postId() + " (" + name + "): " + why + ", and " + ex.getMessage()
								+ "; its original link is kept");
						continue;
					}
				}
				try {
					String alt = a.title().isBlank() ? fileName(relative != null ? relative : urlPath(url)) : a.title();
					alt = alt.length() > Media.MAX_ALT ? alt.substring(0, Media.MAX_ALT) : alt;
					MediaItem item = media.upload(creatorId(a.creator()), bytes, alt);
					jdbc.sql("INSERT INTO import_attachments (source_key, url, created_at) VALUES (:k, :url, :now)"
							+ " ON CONFLICT (source_key) DO NOTHING")
						.param("k", sourceKey)
						.param("url", item.url())
						.param("now", clock.millis())
						.update();
					remember(a, relative, item.url());
					fetched.put(url, item.url());
					report.count(counted);
				}
				catch (RuntimeException ex) {
					report.skip("attachment " + a.postId() + " (" + name + "): "
							+ abbreviate(String.valueOf(ex.getMessage())));
				}
			}
		}

		/**
		 * Where a file of the old site is under {@code --uploads}: after
		 * {@code /wp-content/uploads/} for WordPress, or its whole path for another
		 * site's images on the site's own host (Inkstone's export: {@code media/…}).
		 */
		String localPath(String url) {
			String wordpress = uploadsPath(url);
			if (wordpress != null || url == null) {
				return wordpress;
			}
			try {
				URI uri = URI.create(url.strip());
				String path = uri.getRawPath();
				if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(scan.site) || path == null
						|| path.length() < 2) {
					return null;
				}
				String decoded = URLDecoder.decode(path.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
				return decoded.contains("..") ? null : decoded;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		/**
		 * The new address of an attachment, else its original one (a gallery keeps the
		 * old site's images when they were not imported); null for an unknown id.
		 */
		String attachmentUrl(long id) {
			String url = attachmentUrls.get(id);
			if (url != null) {
				return url;
			}
			Wxr.Item attachment = scan.attachments.get(id);
			if (attachment == null) {
				return null;
			}
			String original = attachment.attachmentUrl().isEmpty() ? attachment.guid() : attachment.attachmentUrl();
			String lower = original.strip().toLowerCase(Locale.ROOT);
			return lower.startsWith("https://") || lower.startsWith("http://") ? original.strip() : null;
		}

		private void remember(Wxr.Item attachment, String relative, String url) {
			attachmentUrls.put(attachment.postId(), url);
			if (relative != null) {
				uploaded.put(withoutSize(relative), url);
			}
		}

		/**
		 * A body URL rewritten to the new media when it names an imported upload (any
		 * size variant).
		 */
		String rewrite(String url) {
			String relative = localPath(url);
			if (relative == null) {
				return fetched.getOrDefault(url, url);
			}
			String found = uploaded.get(withoutSize(relative));
			return found == null ? url : found;
		}

		// ---- items

		void item(Wxr.Item item) {
			try {
				String malformed = ("post".equals(item.postType()) || "page".equals(item.postType())) ? malformed(item)
						: null;
				if (malformed != null) {
					report.reject(item.line(), "item " + (done + 1) + " of the file (" + item.postType() + " «"
							+ abbreviate(item.title()) + "»): " + malformed + " — not imported");
				}
				else {
					switch (item.postType()) {
						case "post" -> post(item);
						case "page" -> page(item);
						case "attachment" -> {
							// handled before the items
						}
						default -> report.skip("item " + item.postId() + " (" + item.postType()
								+ "): this type of content is not imported");
					}
				}
			}
			catch (RuntimeException ex) {
				log.debug("WXR item {} failed", item.postId(), ex);
				report.reject(item.line(),
						"item " + item.postId() + ": " + abbreviate(String.valueOf(ex.getMessage())));
			}
			done++;
			listener.update(done, scan.items);
			if (progress != null && done % 100 == 0) {
				progress.printf("\rimport: %,d of %,d items", done, scan.items);
				progress.flush();
			}
		}

		/**
		 * Why a post or page cannot be imported as it stands (an id that is no number, a
		 * date that is no date: never published as "now"), or null.
		 */
		private String malformed(Wxr.Item item) {
			if (item.postId() <= 0) {
				return "wp:post_id is missing or not a number";
			}
			for (String[] field : new String[][] { { "wp:post_date", item.postDate() },
					{ "wp:post_date_gmt", item.postDateGmt() } }) {
				String value = field[1];
				if (value != null && !value.isBlank() && !value.startsWith("0000") && localDate(value) == null) {
					return field[0] + " is not a date: " + abbreviate(value.strip());
				}
			}
			boolean dated = localDate(item.postDate()) != null || localDate(item.postDateGmt()) != null;
			if (!dated && ("publish".equals(item.status()) || "future".equals(item.status()))) {
				return "no wp:post_date";
			}
			return null;
		}

		private void post(Wxr.Item item) {
			String status = item.status();
			if ("trash".equals(status) || "auto-draft".equals(status) || "inherit".equals(status)) {
				report.skip("post " + item.postId() + " «" + abbreviate(item.title()) + "»: status " + status);
				return;
			}
			long creatorId = creatorId(item.creator());
			long channelId = channelId(item);
			String title = title(item.title(), untitled());
			String body = WxrBodies.toMarkdown(item.content(), this::rewrite, this::attachmentUrl);
			if (body.isBlank()) {
				body = title;
			}
			if (body.length() > ArticleImporter.MAX_BODY) {
				report.reject(item.line(),
						"item " + item.postId() + ": body longer than " + ArticleImporter.MAX_BODY + " characters");
				return;
			}
			long date = date(item.postDateGmt(), item.postDate());
			long modified = Math.max(date, date(item.postModifiedGmt(), ""));
			String excerpt = Jsoup.parse(item.excerpt()).text().strip();
			boolean published;
			Long publishAt = null;
			String note = null;
			String label;
			boolean passworded = !item.password().isBlank();
			switch (status) {
				case "publish" -> {
					published = !passworded;
					label = passworded ? "drafts (password-protected)" : "public";
				}
				case "future" -> {
					published = date <= clock.millis();
					publishAt = published ? null : date;
					label = published ? "public (was scheduled)" : "scheduled";
				}
				case "private" -> {
					published = false;
					label = "drafts (private)";
				}
				default -> {
					published = false;
					label = "drafts (" + status + ")";
				}
			}
			if ("private".equals(status)) {
				note = note("importer.note.private");
			}
			else if (passworded) {
				note = note("importer.note.passworded");
				published = false;
			}
			String summary = note == null ? (excerpt.isEmpty() ? null : excerpt) : note + excerpt;
			String cover = null;
			String thumbnail = item.meta("_thumbnail_id");
			if (thumbnail != null && thumbnail.strip().matches("\\d+")) {
				cover = attachmentUrls.get(Long.parseLong(thumbnail.strip()));
			}
			ImportedArticle article = new ImportedArticle(key("post", item), creatorId, channelId, title, body, summary,
					cover, tags(item), published, publishAt, date, modified);
			boolean finalPublished = published;
			String finalLabel = label;
			tx.executeWithoutResult(state -> {
				Optional<Long> stored = articles.importArticle(article);
				long id;
				if (stored.isEmpty()) {
					report.duplicate("post " + item.postId() + " «" + abbreviate(item.title()) + "»");
					id = articles.idOfImport(article.importKey()).orElseThrow();
				}
				else {
					id = stored.get();
					report.imported(1);
					report.count("posts → " + finalLabel);
					if (item.sticky() && finalPublished) {
						jdbc.sql(
								"INSERT INTO import_sticky_posts (article_id, source_key, created_at) VALUES (:id, :k, :now)"
										+ " ON CONFLICT (article_id) DO NOTHING")
							.param("id", id)
							.param("k", article.importKey())
							.param("now", clock.millis())
							.update();
						report.count("posts → sticky on WordPress (recorded, not pinned here)");
					}
					comments(item, id);
				}
				oldAddresses(postPaths(item), "/articles/" + id,
						"post " + item.postId() + " «" + abbreviate(item.title()) + "»");
			});
		}

		/** Which item of this run holds a new address (for the conflicts it reports). */
		private final Map<String, String> owners = new HashMap<>();

		/**
		 * Records the old addresses of an item; reports those the site answers itself and
		 * those another item already holds (the first wins).
		 */
		private void oldAddresses(Iterable<String> paths, String target, String what) {
			owners.putIfAbsent(target, what);
			for (String path : paths) {
				switch (legacy.add(path, target)) {
					case RESERVED -> report.skip("old address " + path + " of " + what
							+ ": the site answers this address itself, not redirected");
					case TAKEN -> {
						String holder = legacy.holder(path).orElse("?");
						report.skip("old address " + path + " of " + what + ": already held by "
								+ owners.getOrDefault(holder, holder) + " (the first wins)");
					}
					default -> {
						// recorded or nothing to record
					}
				}
			}
		}

		private void comments(Wxr.Item item, long articleId) {
			Map<Long, Wxr.Comment> byId = new HashMap<>();
			item.comments().forEach(c -> byId.put(c.id(), c));
			Map<Long, Long> stored = new HashMap<>();
			List<Wxr.Comment> ordered = new ArrayList<>(item.comments());
			ordered.sort(Comparator.comparing(Wxr.Comment::dateGmt).thenComparingLong(Wxr.Comment::id));
			for (Wxr.Comment c : ordered) {
				String type = c.type();
				if (!type.isEmpty() && !"comment".equals(type)) {
					report.skip("comment " + c.id() + " on post " + item.postId() + ": a " + type + ", not published");
					continue;
				}
				if (!"1".equals(c.approved())) {
					report.skip("comment " + c.id() + " on post " + item.postId() + ": " + ("spam".equals(c.approved())
							? "spam" : "trash".equals(c.approved()) ? "in the trash" : "not approved"));
					continue;
				}
				String text = Jsoup.parse(c.content().replaceAll("(?i)<br\\s*/?>|\\n", "\u0001"))
					.text()
					.replace("\u0001", "\n");
				// the root of the thread (Inkstone shows one level of replies); a deeper
				// reply names whom it answers
				Long parent = null;
				Wxr.Comment up = c.parent() == 0 ? null : byId.get(c.parent());
				if (up != null) {
					Wxr.Comment root = up;
					int guard = 0;
					while (root.parent() != 0 && byId.containsKey(root.parent()) && guard++ < 1000) {
						root = byId.get(root.parent());
					}
					parent = stored.get(root.id());
					if (root != up) {
						text = TwoLanguages.chinese(messages, "importer.comment.replyTo", up.author().strip(), text);
					}
				}
				if (text.isBlank()) {
					report.skip("comment " + c.id() + " on post " + item.postId() + ": empty");
					continue;
				}
				long id = comments.importComment(articleId, parent, c.author(), text, date(c.dateGmt(), c.date()));
				stored.put(c.id(), id);
				report.count("comments → published");
			}
		}

		private void page(Wxr.Item item) {
			if (!"publish".equals(item.status()) || !item.password().isBlank()) {
				report.skip("page " + item.postId() + " «" + abbreviate(item.title()) + "»: status " + item.status()
						+ (item.password().isBlank() ? "" : ", password-protected") + " (static pages are public)");
				return;
			}
			String path = pagePath(item.postId());
			String title = title(item.title(), untitled());
			String body = WxrBodies.toMarkdown(item.content(), this::rewrite, this::attachmentUrl);
			long date = date(item.postDateGmt(), item.postDate());
			String key = key("page", item);
			tx.executeWithoutResult(state -> {
				Optional<String> stored = pages.importPage(key, path, title, body, date);
				String finalPath;
				if (stored.isEmpty()) {
					report.duplicate("page " + item.postId() + " «" + abbreviate(item.title()) + "»");
					finalPath = pages.pathOfImport(key).orElseThrow();
				}
				else {
					finalPath = stored.get();
					report.imported(1);
					report.count("pages → static pages");
				}
				String target = StaticPages.href(finalPath);
				Set<String> paths = new LinkedHashSet<>();
				if (!scan.inkstone) {
					// Inkstone's export numbers its items for this file only
					paths.add("?page_id=" + item.postId());
				}
				paths.add(linkPath(item.link()));
				paths.add(scan.blogPath + "/" + path);
				oldAddresses(paths, target, "page " + item.postId() + " «" + abbreviate(item.title()) + "»");
			});
		}

		private String pagePath(long id) {
			List<String> segments = new ArrayList<>();
			Long at = id;
			int guard = 0;
			while (at != null && at != 0 && guard++ < 5) {
				String[] entry = scan.pageSlugs.get(at);
				if (entry == null) {
					break;
				}
				String slug = entry[0].isBlank() ? "page-" + at : entry[0];
				segments.add(0, slug.replaceAll("[^\\p{L}\\p{N}._-]+", "-"));
				at = Long.parseLong(entry[1]);
			}
			return String.join("/", segments);
		}

		/**
		 * The old addresses of a post: its permalink, /?p=ID, /slug, the dated forms, and
		 * every old slug.
		 */
		private Set<String> postPaths(Wxr.Item item) {
			Set<String> paths = new LinkedHashSet<>();
			if (!scan.inkstone) {
				// Inkstone's export numbers its items for this file only
				paths.add("?p=" + item.postId());
			}
			paths.add(linkPath(item.link()));
			LocalDateTime local = localDate(item.postDate());
			List<String> slugs = new ArrayList<>();
			slugs.add(decode(item.postName()));
			item.metaAll("_wp_old_slug").forEach(s -> slugs.add(decode(s)));
			for (String slug : slugs) {
				if (slug.isBlank()) {
					continue;
				}
				String base = scan.blogPath;
				paths.add(base + "/" + slug);
				if (local != null) {
					String y = String.format("%04d", local.getYear());
					String m = String.format("%02d", local.getMonthValue());
					String d = String.format("%02d", local.getDayOfMonth());
					paths.add(base + "/" + y + "/" + m + "/" + d + "/" + slug);
					paths.add(base + "/" + y + "/" + m + "/" + slug);
					paths.add(base + "/" + y + "/" + slug);
					paths.add(base + "/archives/" + slug);
				}
			}
			paths.add(scan.blogPath + "/archives/" + item.postId());
			paths.remove(null);
			paths.remove("");
			return paths;
		}

		private long creatorId(String login) {
			String wanted = login == null || login.isBlank() ? "wordpress" : login.strip();
			return creatorIds.computeIfAbsent(wanted, l -> {
				Wxr.Author author = scan.authors.get(l);
				String display = author == null || author.displayName().isBlank() ? l : author.displayName();
				// a login Inkstone's WXR export encoded (xn--…) is the creator's handle
				// again
				String handle = ArticleImporter.toHandle(WxrLogins.fromWordPress(l));
				if (!Creators.isValidHandle(handle)) {
					handle = ArticleImporter.toHandle("wp-" + l);
				}
				boolean isNew = !exists(handle);
				long id = creators.ensure(handle, display).id();
				if (isNew) {
					report.count("authors → creators");
				}
				return id;
			});
		}

		private boolean exists(String handle) {
			try {
				creators.get(handle);
				return true;
			}
			catch (NotFoundException ex) {
				return false;
			}
		}

		private long channelId(Wxr.Item item) {
			Wxr.ItemTerm category = item.terms()
				.stream()
				.filter(t -> "category".equals(t.domain()))
				.findFirst()
				.orElse(null);
			String slug = category == null ? "uncategorized" : decode(category.nicename());
			String name = category == null ? TwoLanguages.chinese(messages, "importer.uncategorized") : category.name();
			return channelIds.computeIfAbsent(slug, s -> resolveChannel(s, name));
		}

		private long resolveChannel(String slug, String itemName) {
			Wxr.Term term = scan.categories.get(slug);
			String name = term != null && !term.name().isBlank() ? term.name() : itemName;
			String mapped = options.channelMap().getOrDefault(slug, options.channelMap().get(name));
			if (mapped != null) {
				Optional<Channel> target = channels.findBySlugOrName(mapped);
				if (target.isPresent()) {
					return target.get().id();
				}
				if (Channels.isValidSlug(mapped)) {
					report.count("categories → new channels");
					return channels.ensureNamed(mapped, name).id();
				}
			}
			Optional<Channel> match = channels.findBySlugOrName(slug).or(() -> channels.findBySlugOrName(name));
			if (match.isPresent()) {
				return match.get().id();
			}
			String newSlug = Channels.isValidSlug(slug) ? slug : newSlug(slug, name);
			report.count("categories → new channels");
			return channels.ensureNamed(newSlug, name).id();
		}

		/**
		 * The slug of a new channel for a category whose slug is none (美食,
		 * {@code %e7%be%8e%e9%a3%9f}): its name in pinyin ({@code meishi}), numbered when
		 * another channel has that slug.
		 */
		private String newSlug(String slug, String name) {
			String spelled = ChannelSlugs.of(name);
			if (spelled == null) {
				spelled = ChannelSlugs.of(slug);
			}
			return spelled == null ? asciiSlug(slug) : ChannelSlugs.free(channels, spelled, name.strip());
		}

		private String asciiSlug(String slug) {
			String ascii = Normalizer.normalize(slug, Normalizer.Form.NFKD)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "-")
				.replaceAll("^-+|-+$", "");
			if (ascii.isEmpty() || !Channels.isValidSlug(ascii)) {
				ascii = "wp-" + Integer.toHexString(slug.hashCode() & 0x7fffffff);
			}
			return ascii.length() > 64 ? ascii.substring(0, 64) : ascii;
		}

		private String tags(Wxr.Item item) {
			List<String> tags = item.terms()
				.stream()
				.filter(t -> "post_tag".equals(t.domain()))
				.map(t -> t.name().replace(",", " ").strip())
				.filter(t -> !t.isEmpty())
				.distinct()
				.toList();
			String joined = String.join(",", tags);
			return joined.length() > 500 ? joined.substring(0, 500) : joined;
		}

	}

	// ---- helpers

	/**
	 * The title as WordPress holds it, markup removed: its spaces are kept as they are
	 * (classical titles separate parts with two: 句 其二), so a round trip through WordPress
	 * gives back the same title; line breaks become spaces. {@code untitled} stands in
	 * for a title that is empty.
	 */
	static String title(String raw, String untitled) {
		String title = Jsoup.parse(raw).wholeText().replaceAll("[\\r\\n\\t]+", " ").strip();
		if (title.isEmpty()) {
			return untitled;
		}
		return title.codePointCount(0, title.length()) > ArticleImporter.MAX_TITLE
				? title.substring(0, title.offsetByCodePoints(0, ArticleImporter.MAX_TITLE)) : title;
	}

	/** The title of an item without one, "（无标题）". */
	private String untitled() {
		return TwoLanguages.chinese(messages, "importer.untitled");
	}

	/**
	 * The note put before the summary of a post that was not public, in both languages:
	 * "（原为 WordPress 私密文章，未公开 / was private on WordPress）".
	 */
	private String note(String key) {
		return TwoLanguages.chinese(messages, "importer.note", TwoLanguages.inline(messages, key));
	}

	/**
	 * Epoch millis of a WordPress GMT date, else of its local date (in the platform's
	 * zone), else now.
	 */
	long date(String gmt, String local) {
		try {
			if (gmt != null && !gmt.isBlank() && !gmt.startsWith("0000")) {
				return LocalDateTime.parse(gmt.strip(), WP_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
			}
		}
		catch (DateTimeParseException ignored) {
			// fall through to the local date
		}
		LocalDateTime at = localDate(local);
		return at == null ? clock.millis() : at.atZone(PlatformDays.zone()).toInstant().toEpochMilli();
	}

	static LocalDateTime localDate(String local) {
		try {
			return local == null || local.isBlank() || local.startsWith("0000") ? null
					: LocalDateTime.parse(local.strip(), WP_DATE);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Percent-decoded (WordPress stores non-ASCII slugs percent-encoded, lower case). */
	static String decode(String slug) {
		if (slug == null) {
			return "";
		}
		try {
			return URLDecoder.decode(slug.strip().replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return slug.strip();
		}
	}

	/**
	 * The path (or {@code ?p=…} query) of an old permalink, as the redirect table keys
	 * it.
	 */
	static String linkPath(String link) {
		if (link == null || link.isBlank()) {
			return "";
		}
		try {
			URI uri = URI.create(link.strip());
			String query = uri.getRawQuery();
			String path = uri.getRawPath() == null ? "" : uri.getRawPath();
			if (query != null && (path.isEmpty() || path.equals("/")) && query.matches("(p|page_id)=\\d+")) {
				return "?" + query;
			}
			return LegacyPaths.normalize(path);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	/**
	 * The part of an upload URL after {@code /wp-content/uploads/}, decoded; null for
	 * other URLs.
	 */
	static String uploadsPath(String url) {
		if (url == null) {
			return null;
		}
		int at = url.indexOf("/wp-content/uploads/");
		if (at < 0) {
			return null;
		}
		String rest = url.substring(at + "/wp-content/uploads/".length());
		int cut = rest.indexOf('?');
		rest = cut >= 0 ? rest.substring(0, cut) : rest;
		cut = rest.indexOf('#');
		rest = cut >= 0 ? rest.substring(0, cut) : rest;
		String decoded = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
		return decoded.contains("..") ? null : decoded;
	}

	static String withoutSize(String relative) {
		Matcher m = SIZE_VARIANT.matcher(relative);
		return m.matches() ? m.group(1) + m.group(3).toLowerCase(Locale.ROOT) : relative;
	}

	/**
	 * The decoded path of a URL (for its extension and file name), or "" for something
	 * that is no URL.
	 */
	static String urlPath(String url) {
		try {
			String path = URI.create(url.strip()).getPath();
			return path == null ? "" : path;
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static String fileName(String path) {
		int slash = path.lastIndexOf('/');
		String name = slash < 0 ? path : path.substring(slash + 1);
		return name.isBlank() ? "image" : name;
	}

	private static String extension(String relative) {
		int dot = relative.lastIndexOf('.');
		return dot < 0 ? "" : relative.substring(dot).toLowerCase(Locale.ROOT);
	}

	private static String abbreviate(String value) {
		return value.length() > 80 ? value.substring(0, 80) + "…" : value;
	}

}
